// The reviewer batch in the task pane: many chosen files read and scored on Web Workers (one per
// core), with the CLI's limits and messages. The main thread reads the next file of a worker while it
// reviews the current one and hands the bytes over (transferred, not copied), so at most two files per
// worker are in memory; a worker reviews one workbook at a time and returns only the compact record. A file over the
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

/** Files posted to a worker at once: the one it reviews and the next, read while it works. */
const AHEAD = 2;

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

  /** Files a stopped worker had waiting: handed out again first. */
  const again: number[] = [];
  /** The next file that needs a worker; files over the size limit are refused here, unread. */
  const take = (): number | undefined => {
    if (again.length) return again.shift();
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
    // The files posted to this worker, in the order it reviews them: queue[0] is the one it is on.
    let queue: number[] = [];
    let reading = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const retire = () => {
      clearTimeout(timer);
      live.delete(w);
      w.terminate();
    };
    live.set(w, retire);
    // The head file's time counts from when the worker could start on it (its predecessor's record).
    const watch = () => {
      clearTimeout(timer);
      const index = queue[0];
      if (index !== undefined) timer = setTimeout(() => fail(index, "timeout"), limits.timeoutMs);
    };
    // Keeps AHEAD files posted to the worker: the next file is read while the worker reviews this one.
    const feed = async () => {
      if (reading || cancelled || queue.length >= AHEAD) return;
      const index = take();
      if (index === undefined) {
        if (!queue.length) retire();
        return;
      }
      reading = true;
      let data: ArrayBuffer;
      try {
        data = await files[index].read();
      } catch {
        reading = false;
        finish(index, refusedRecord(files[index].name, msg("file.read-failed", { file: files[index].name })));
        return void feed();
      }
      reading = false;
      if (cancelled || !live.has(w)) {
        // Stopped while reading: the file goes to the next worker (a fresh one if none is left).
        if (!cancelled) {
          again.push(index);
          if (!live.size) start();
        }
        return;
      }
      queue.push(index);
      w.post({ kind: "task", index, file: files[index].name, data }, [data]);
      if (queue.length === 1) watch();
      void feed();
    };
    // A file that takes too long or crashes its worker fails alone; a fresh worker goes on, first
    // with the files that were waiting in this one.
    const fail = (index: number, why: "timeout" | "crash") => {
      if (queue[0] !== index) return;
      again.unshift(...queue.slice(1));
      queue = [];
      retire();
      const file = files[index].name;
      finish(
        index,
        refusedRecord(file, why === "timeout" ? timeoutMessage(file, limits) : msg("review.crashed", { file })),
      );
      if (!cancelled && done < files.length && (again.length || next < files.length)) start();
    };
    w.onReply((reply) => {
      if (reply.index !== queue[0]) return;
      queue.shift();
      finish(reply.index, reply.record);
      watch();
      void feed();
    });
    w.onCrash(() => {
      if (queue[0] !== undefined) fail(queue[0], "crash");
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
