// The reviewer batch in the task pane: many chosen files read and scored on Web Workers (one per
// core), with the CLI's limits and messages. The main thread reads a file only when a worker is free
// for it and hands the bytes over (transferred, not copied), so at most one file per worker is in
// memory; a worker holds one workbook at a time and returns only the compact record. A file over the
// size limit is refused unread; one that takes longer than the limit stops its worker, which is
// replaced; a worker that crashes fails its file alone. Cancel stops every worker at once.
import type { Limits } from "../files/limits";
import { msg } from "../messages";
import type { Rulebook } from "../rulebooks/schema";
import { DEFAULT_LIMITS, refusedRecord } from "./review/refusals";
import { timeoutMessage, tooLargeMessage } from "../files/limits";
import { isWorkbookName, skippedName, unsupportedRecord } from "./review/file-kinds";
import type { ReviewRecord } from "./review/types";

/** A chosen file: its name as the summary shows it, its size, and its bytes when asked for. */
export interface JobFile {
  name: string;
  size: number;
  read(): Promise<ArrayBuffer>;
}

export interface WorkerInit {
  kind: "init";
  rulebook: Rulebook;
  limits: Limits;
}
export interface WorkerTask {
  kind: "task";
  index: number;
  file: string;
  data: ArrayBuffer;
}
export interface WorkerReply {
  index: number;
  record: ReviewRecord;
}

/** What the job needs of a worker (a Web Worker in the pane, wrapped by the shell). */
export interface JobWorker {
  post(message: WorkerInit | WorkerTask, transfer?: ArrayBuffer[]): void;
  onReply(handler: (reply: WorkerReply) => void): void;
  onCrash(handler: () => void): void;
  terminate(): void;
}

export interface JobProgress {
  done: number;
  total: number;
  /** The file just finished. */
  file: string;
  elapsedMs: number;
  /** Estimated from the pace so far; null until a file has finished. */
  leftMs: number | null;
}

export interface ReviewJobOptions {
  rulebook: Rulebook;
  limits?: Limits;
  /** Workers at once (the pane passes navigator.hardwareConcurrency). */
  workers: number;
  spawn: () => JobWorker;
  onProgress?: (p: JobProgress) => void;
  /** Each record as it is done (in completion order), with its file's index. */
  onRecord?: (index: number, record: ReviewRecord) => void;
  now?: () => number;
}

export interface ReviewJob {
  /** Records in the order of the files; cancelled: the files done by then. */
  done: Promise<{ records: ReviewRecord[]; cancelled: boolean }>;
  cancel(): void;
}

/**
 * A folder's files as the CLI takes a folder (names are paths inside the chosen folder, "folder/a.xlsx"):
 * only the entries directly inside it (subfolders are counted, not entered), lock and hidden files left
 * out, workbooks to read in code-point order, every other file refused with its reason.
 */
export function folderSelection<F extends { name: string }>(
  files: readonly F[],
): { read: F[]; refused: ReviewRecord[]; subfolders: number } {
  const subfolders = new Set<string>();
  const direct: F[] = [];
  for (const f of files) {
    const parts = f.name.split("/");
    if (parts.length > 2) subfolders.add(parts.slice(0, 2).join("/"));
    else if (!skippedName(parts[parts.length - 1])) direct.push(f);
  }
  direct.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const read: F[] = [];
  const refused: ReviewRecord[] = [];
  for (const f of direct) {
    if (isWorkbookName(f.name)) read.push(f);
    else refused.push(unsupportedRecord(f.name));
  }
  return { read, refused, subfolders: subfolders.size };
}

/** The time left at the pace so far. */
export function timeLeft(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0) return null;
  return Math.max(0, Math.round((elapsedMs / done) * (total - done)));
}

export function startReviewJob(files: readonly JobFile[], options: ReviewJobOptions): ReviewJob {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const now = options.now ?? (() => Date.now());
  const started = now();
  const results: (ReviewRecord | undefined)[] = new Array(files.length);
  /** Each live worker and how to stop it (its timer with it). */
  const live = new Map<JobWorker, () => void>();
  let next = 0;
  let done = 0;
  let cancelled = false;
  let settle: (v: { records: ReviewRecord[]; cancelled: boolean }) => void = () => undefined;
  const finished = new Promise<{ records: ReviewRecord[]; cancelled: boolean }>((resolve) => (settle = resolve));

  const end = () => {
    for (const stop of [...live.values()]) stop();
    live.clear();
    settle({ records: results.filter((r): r is ReviewRecord => r !== undefined), cancelled });
  };

  const finish = (index: number, record: ReviewRecord) => {
    if (results[index] || cancelled) return;
    results[index] = record;
    done++;
    options.onRecord?.(index, record);
    const elapsedMs = now() - started;
    options.onProgress?.({ done, total: files.length, file: files[index].name, elapsedMs, leftMs: timeLeft(done, files.length, elapsedMs) });
    if (done === files.length) end();
  };

  /** The next file that needs a worker; files over the size limit are refused here, unread. */
  const take = (): number | undefined => {
    while (next < files.length) {
      const index = next++;
      const f = files[index];
      if (f.size > limits.maxFileBytes) {
        finish(index, refusedRecord(f.name, tooLargeMessage(f.name, f.size, limits)));
        continue;
      }
      return index;
    }
    return undefined;
  };

  const start = () => {
    if (cancelled) return;
    const w = options.spawn();
    w.post({ kind: "init", rulebook: options.rulebook, limits });
    let current: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const retire = () => {
      clearTimeout(timer);
      live.delete(w);
      w.terminate();
    };
    live.set(w, retire);
    const feed = async () => {
      const index = take();
      if (index === undefined || cancelled) {
        current = undefined;
        retire();
        return;
      }
      current = index;
      let data: ArrayBuffer;
      try {
        data = await files[index].read();
      } catch {
        finish(index, refusedRecord(files[index].name, msg("file.read-failed", { file: files[index].name })));
        return void feed();
      }
      if (cancelled) return;
      timer = setTimeout(() => fail(index, "timeout"), limits.timeoutMs);
      w.post({ kind: "task", index, file: files[index].name, data }, [data]);
    };
    // A file that takes too long or crashes its worker fails alone; a fresh worker goes on.
    const fail = (index: number, why: "timeout" | "crash") => {
      if (current !== index) return;
      current = undefined;
      retire();
      const file = files[index].name;
      finish(
        index,
        refusedRecord(file, why === "timeout" ? timeoutMessage(file, limits) : msg("review.crashed", { file })),
      );
      if (!cancelled && done < files.length && next < files.length) start();
    };
    w.onReply((reply) => {
      if (reply.index !== current) return;
      clearTimeout(timer);
      finish(reply.index, reply.record);
      void feed();
    });
    w.onCrash(() => {
      if (current !== undefined) fail(current, "crash");
    });
    void feed();
  };

  if (!files.length) end();
  else for (let i = 0; i < Math.max(1, Math.min(options.workers, files.length)); i++) start();

  return {
    done: finished,
    cancel: () => {
      if (cancelled || done === files.length) return;
      cancelled = true;
      end();
    },
  };
}
