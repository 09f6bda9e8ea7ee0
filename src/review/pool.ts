// Runs the batch on `jobs` worker threads (compiled dist/review/worker.js), or in this thread when
// jobs is 1 or the compiled worker is not there (ts-jest runs the .ts sources). Results come back in
// the order of the inputs; the main thread only ever holds the compact records.
import { existsSync } from "fs";
import { availableParallelism } from "os";
import { join } from "path";
import { Worker } from "worker_threads";
import type { ReviewRecord } from "../app/review/types";
import { type Message, msg } from "../messages";
import { DEFAULT_LIMITS, refusedRecord } from "../app/review/refusals";
import { timeoutMessage } from "../files/limits";
import {
  reviewFile,
  type Processor,
  type ReviewContext,
  type WorkerInit,
  type WorkerReply,
  type WorkerTask,
} from "./worker";

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

/** Heap of one worker: a file within the limits needs far less; past this a worker stops alone. */
const WORKER_HEAP_MB = 1536;

/**
 * Files a batch needs per worker before another is worth starting. Every worker loads the review
 * code and warms it up on its own (about half a second of CPU per worker), and a second worker on two
 * cores runs beside the collector threads the first already keeps busy: measured with
 * `npm run bench:review`, two workers finished 200 files later than one and 1,000 files about 15%
 * sooner.
 */
export const FILES_PER_WORKER = 400;

/** Workers for a batch of `files`: one per FILES_PER_WORKER files begun, at most one per CPU. */
export function defaultJobs(files = Number.POSITIVE_INFINITY): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / FILES_PER_WORKER)));
}

export function workerScript(): string {
  return join(__dirname, "worker.js");
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

function onWorkers(
  files: readonly string[],
  ctx: ReviewContext,
  jobs: number,
  script: string,
  options: PoolOptions,
): Promise<ReviewRecord[]> {
  const results: ReviewRecord[] = new Array(files.length);
  // The rulebook crosses as plain JSON (structured clone of a parsed document).
  const init: WorkerInit = { saitenReview: 1, ctx: JSON.parse(JSON.stringify(ctx)) as ReviewContext };
  let next = 0;
  let done = 0;
  // Files of a stopped worker's batch that it never reached: handed out again first.
  const again: number[] = [];
  const remaining = () => again.length + files.length - next;
  const take = (n: number): number[] => {
    const out = again.splice(0, n);
    while (out.length < n && next < files.length) out.push(next++);
    return out;
  };
  return new Promise((resolve, reject) => {
    const workers = new Set<Worker>();
    const finish = (index: number, record: ReviewRecord) => {
      if (results[index]) return;
      results[index] = record;
      done++;
      options.onDone?.(done, files.length, files[index], record);
      if (done === files.length) {
        for (const w of workers) void w.terminate();
        resolve(results);
      }
    };
    const limits = ctx.limits ?? DEFAULT_LIMITS;
    const start = () => {
      const w = new Worker(script, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      workers.add(w);
      // The worker's batch, in the order it reads them: queue[0] is the file it is reading now.
      let queue: number[] = [];
      let timer: NodeJS.Timeout | undefined;
      const watch = () => {
        clearTimeout(timer);
        const index = queue[0];
        if (index !== undefined)
          timer = setTimeout(() => fail(index, timeoutMessage(files[index], limits)), limits.timeoutMs);
      };
      const feed = () => {
        queue = take(batchSize(remaining(), jobs));
        if (!queue.length) {
          workers.delete(w);
          void w.terminate();
          return;
        }
        watch();
        w.postMessage(queue.map((index) => ({ index, file: files[index] })) satisfies WorkerTask[]);
      };
      // A file that takes too long, exhausts the worker's memory or crashes it fails alone; a fresh
      // worker goes on with the rest of the batch and the files after it.
      const fail = (index: number, m: Message) => {
        clearTimeout(timer);
        if (queue[0] !== index) return;
        again.unshift(...queue.slice(1));
        queue = [];
        workers.delete(w);
        void w.terminate();
        finish(index, refusedRecord(files[index], m));
        if (done < files.length && remaining() > 0) start();
      };
      w.on("message", (m: WorkerReply) => {
        if (queue[0] === m.index) queue.shift();
        else queue = queue.filter((i) => i !== m.index);
        finish(m.index, m.record);
        if (queue.length) watch();
        else {
          clearTimeout(timer);
          feed();
        }
      });
      w.on("error", (e) => {
        if (!queue.length) return void workers.delete(w);
        const oom = (e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
        fail(queue[0], msg(oom ? "file.out-of-memory" : "review.crashed", { file: files[queue[0]] }));
      });
      w.on("exit", (code) => {
        if (queue.length && code !== 0 && workers.has(w)) w.emit("error", new Error(`exit ${code}`));
        if (workers.size === 0 && done < files.length) reject(new Error("review workers stopped early"));
      });
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}
