// The reviewer batch in the task pane: many chosen files read and scored on Web Workers (one per
// core), with the CLI's limits, messages and scheduler (./review/scheduler.ts). The main thread reads
// the next file of a worker while it reviews the current one and hands the bytes over (transferred, not
// copied), so at most two files per worker are in memory; a worker reviews one workbook at a time and
// returns only the compact record. A file over the size limit is refused unread; one that takes longer
// than the limit stops its worker, which is replaced; a worker that crashes fails its file alone.
// Cancel stops every worker at once.
import type { Limits } from "../files/limits";
import { msg } from "../messages";
import type { Rulebook } from "../rulebooks/schema";
import { DEFAULT_LIMITS, refusedRecord } from "./review/refusals";
import { tooLargeMessage } from "../files/limits";
import { type Lane, type Schedule, schedule } from "./review/scheduler";
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

/** Records in the order of the files (when cancelled, the files done by then), and how to cancel. */
export type ReviewJob = Schedule;

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

/** A pane worker as the shared scheduler drives it: each file's bytes are handed over, not copied. */
function paneLane(w: JobWorker, names: readonly string[]): Lane<ArrayBuffer> {
  return {
    post: (tasks) => {
      for (const { index, payload } of tasks) w.post({ kind: "task", index, file: names[index], data: payload }, [payload]);
    },
    onReply: (handler) => w.onReply((reply) => handler(reply.index, reply.record)),
    onStop: (handler) => w.onCrash(() => handler("crash")),
    terminate: () => w.terminate(),
  };
}

export function startReviewJob(files: readonly JobFile[], options: ReviewJobOptions): ReviewJob {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const now = options.now ?? (() => Date.now());
  const started = now();
  const names = files.map((f) => f.name);
  return schedule<ArrayBuffer>({
    names,
    workers: options.workers,
    limits,
    spawn: () => {
      const w = options.spawn();
      w.post({ kind: "init", rulebook: options.rulebook, limits });
      return paneLane(w, names);
    },
    hold: () => AHEAD,
    refillAt: AHEAD - 1,
    // Files over the size limit are refused unread; the others are read one at a time per worker.
    prepare: (index) => {
      const f = files[index];
      if (f.size > limits.maxFileBytes) return { refused: refusedRecord(f.name, tooLargeMessage(f.name, f.size, limits)) };
      return f.read().then(
        (data) => ({ payload: data }),
        () => ({ refused: refusedRecord(f.name, msg("file.read-failed", { file: f.name })) }),
      );
    },
    onRecord: (index, record, count) => {
      options.onRecord?.(index, record);
      const elapsedMs = now() - started;
      options.onProgress?.({
        done: count,
        total: files.length,
        file: files[index].name,
        elapsedMs,
        leftMs: timeLeft(count, files.length, elapsedMs),
      });
    },
  });
}
