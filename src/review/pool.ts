// Runs the batch on `jobs` worker threads (compiled dist/review/worker.js) through the scheduler the
// task pane uses too, or in this thread when the compiled worker is not there (ts-jest runs the .ts
// sources). Results come back in the order of the inputs; the main thread only ever holds the compact
// records.
import { existsSync } from "fs";
import type { ReviewRecord } from "../app/review/types";
import { DEFAULT_LIMITS } from "../app/review/refusals";
import { type Lane, type LaneStop, schedule } from "../app/review/scheduler";
import {
  reviewFile,
  type Processor,
  type ReviewContext,
  type WorkerInit,
  type WorkerReply,
  type WorkerTask,
} from "./worker";
import { defaultJobs } from "./jobs";
import { startWorker, takeEarly, workerScript } from "./worker-thread";

export interface PoolOptions extends ReviewContext {
  /** Worker threads; default defaultJobs(files). */
  jobs?: number;
  /** Called after each file, in completion order. */
  onDone?: (done: number, total: number, file: string, record: ReviewRecord) => void;
  /** In-process only: replaces processWorkbook (tests). */
  processor?: Processor;
  /** The worker script; default worker.js next to this module. */
  workerScript?: string;
}

export async function reviewFiles(files: readonly string[], options: PoolOptions): Promise<ReviewRecord[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(files.length), files.length));
  const script = options.workerScript ?? workerScript();
  const ctx: ReviewContext = { rulebook: options.rulebook, map: options.map, limits: options.limits };
  // One worker even for --jobs 1 where the compiled worker exists: only a worker can be stopped when a
  // file takes too long or too much memory.
  if (options.processor || !existsSync(script)) return inProcess(files, ctx, options);
  return onWorkers(files, ctx, jobs, script, options);
}

async function inProcess(
  files: readonly string[],
  ctx: ReviewContext,
  options: PoolOptions,
): Promise<ReviewRecord[]> {
  const out: ReviewRecord[] = [];
  for (const file of files) {
    const record = await reviewFile(file, ctx, options.processor);
    out.push(record);
    options.onDone?.(out.length, files.length, file, record);
  }
  return out;
}

/**
 * Files handed to a worker in one message: enough that a worker rarely waits for the main thread
 * between files, few enough that the workers finish together.
 */
function batchSize(remaining: number, jobs: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(remaining / (jobs * 4))));
}
const MAX_BATCH = 8;

/**
 * A worker thread as the shared scheduler drives it: given paths, it reads each file itself. The first
 * is the one started early for this command line, when there is one.
 */
function threadLane(script: string, init: WorkerInit): Lane<string> {
  const w = takeEarly(script) ?? startWorker(script);
  w.postMessage(init);
  let stopped: (why: LaneStop) => void = () => undefined;
  let terminated = false;
  w.on("error", (e) => stopped((e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crash"));
  w.on("exit", (code) => {
    if (!terminated && code !== 0) stopped("crash");
  });
  return {
    post: (tasks) => w.postMessage(tasks.map(({ index, payload }) => ({ index, file: payload })) satisfies WorkerTask[]),
    onReply: (handler) => w.on("message", (m: WorkerReply) => handler(m.index, m.record)),
    onStop: (handler) => (stopped = handler),
    terminate: () => {
      terminated = true;
      void w.terminate();
    },
  };
}

async function onWorkers(
  files: readonly string[],
  ctx: ReviewContext,
  jobs: number,
  script: string,
  options: PoolOptions,
): Promise<ReviewRecord[]> {
  // The rulebook crosses as plain JSON (structured clone of a parsed document).
  const init: WorkerInit = { kind: "init", ctx: JSON.parse(JSON.stringify(ctx)) as ReviewContext };
  const { records } = await schedule<string>({
    names: files,
    workers: jobs,
    limits: ctx.limits ?? DEFAULT_LIMITS,
    spawn: () => threadLane(script, init),
    hold: (remaining) => batchSize(remaining, jobs),
    refillAt: 0,
    prepare: (index) => ({ payload: files[index] }),
    onRecord: (index, record, done) => options.onDone?.(done, files.length, files[index], record),
  }).done;
  return records;
}
