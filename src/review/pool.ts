// Runs the batch on `jobs` worker threads (compiled dist/review/worker.js), or in this thread when
// jobs is 1 or the compiled worker is not there (ts-jest runs the .ts sources). Results come back in
// the order of the inputs; the main thread only ever holds the compact records.
import { existsSync } from "fs";
import { availableParallelism } from "os";
import { join } from "path";
import { Worker } from "worker_threads";
import type { ReviewRecord } from "../app/review/types";
import { type Message, msg } from "../messages";
import { DEFAULT_LIMITS, type Limits, refusedRecord } from "../app/review/refusals";
import {
  reviewFile,
  type Processor,
  type ReviewContext,
  type WorkerInit,
  type WorkerReply,
  type WorkerTask,
} from "./worker";

export interface PoolOptions extends ReviewContext {
  /** Worker threads; default os.availableParallelism(). */
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

function timeoutMessage(file: string, limits: Limits): Message {
  return msg("file.timeout", { file, seconds: Math.round(limits.timeoutMs / 1000), flag: "--timeout-s" });
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export function workerScript(): string {
  return join(__dirname, "worker.js");
}

export async function reviewFiles(files: readonly string[], options: PoolOptions): Promise<ReviewRecord[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), files.length));
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
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      const feed = () => {
        if (next >= files.length) {
          current = undefined;
          workers.delete(w);
          void w.terminate();
          return;
        }
        current = next++;
        const index = current;
        timer = setTimeout(() => fail(index, timeoutMessage(files[index], limits)), limits.timeoutMs);
        w.postMessage({ index: current, file: files[current] } satisfies WorkerTask);
      };
      // A file that takes too long, exhausts the worker's memory or crashes it fails alone; a fresh
      // worker goes on with the rest.
      const fail = (index: number, m: Message) => {
        clearTimeout(timer);
        if (current !== index) return;
        current = undefined;
        workers.delete(w);
        void w.terminate();
        finish(index, refusedRecord(files[index], m));
        if (done < files.length && next < files.length) start();
      };
      w.on("message", (m: WorkerReply) => {
        clearTimeout(timer);
        finish(m.index, m.record);
        feed();
      });
      w.on("error", (e) => {
        if (current === undefined) return void workers.delete(w);
        const oom = (e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
        fail(current, msg(oom ? "file.out-of-memory" : "review.crashed", { file: files[current] }));
      });
      w.on("exit", (code) => {
        if (current !== undefined && code !== 0 && workers.has(w)) w.emit("error", new Error(`exit ${code}`));
        if (workers.size === 0 && done < files.length) reject(new Error("review workers stopped early"));
      });
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}
