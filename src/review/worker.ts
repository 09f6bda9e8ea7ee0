// One file of the reviewer batch, and the worker-thread entry that runs it. Each worker reads its
// files itself, checks the limits, scores, and posts back only the compact ReviewRecord: workbook
// objects never leave the thread. Loaded as compiled JS (dist/review/worker.js) by pool.ts.
import { readInputFile } from "../files/disk";
import { msg, UserError } from "../messages";
import { isMainThread, parentPort, workerData } from "worker_threads";
import { DEFAULT_LIMITS, refusedRecord } from "../app/review/refusals";
import { loadProcessor, type Processor, type ReviewContext, reviewBytes } from "../app/review/review-bytes";
import type { ReviewRecord } from "../app/review/types";
import type { WorkerStart } from "./worker-thread";

export type { Processor, ReviewContext };

/** Reads (read-only), checks and scores one file. Never throws: every failure is a failed record. */
export async function reviewFile(
  file: string,
  ctx: ReviewContext,
  processor?: Processor,
): Promise<ReviewRecord> {
  const limits = ctx.limits ?? DEFAULT_LIMITS;
  let data: Uint8Array;
  try {
    data = readInputFile(file, limits).bytes;
  } catch (e) {
    if (e instanceof UserError) return refusedRecord(file, e.detail);
    return refusedRecord(file, msg("file.read-failed", { file }));
  }
  // What failed beyond the file's fault: shown under SAITEN_DEBUG, never to the reviewer.
  return reviewBytes(data, file, ctx, processor, (e) => {
    if (process.env.SAITEN_DEBUG) console.error(e);
  });
}

/** The first message a worker gets: the batch it works for. */
export interface WorkerInit {
  kind: "init";
  ctx: ReviewContext;
}
export interface WorkerTask {
  index: number;
  file: string;
}
export interface WorkerReply {
  index: number;
  record: ReviewRecord;
}

const start = workerData as WorkerStart | undefined;
if (!isMainThread && parentPort && start?.saitenReview === 1) {
  const port = parentPort;
  // Loaded now, while the main thread is still starting (a worker may be started early, see
  // worker-thread.ts), rather than with the first file; a failure is the first file's to report.
  loadProcessor().catch(() => undefined);
  let ctx: ReviewContext | undefined;
  // A batch of files, read one after the other; each record is posted as soon as it is made (the
  // pool times each file from its predecessor's record).
  port.on("message", (m: WorkerInit | WorkerTask[]) => {
    if (!Array.isArray(m)) {
      ctx = m.ctx;
      return;
    }
    const context = ctx;
    if (!context) return;
    void (async () => {
      for (const task of m) {
        const record = await reviewFile(task.file, context);
        port.postMessage({ index: task.index, record } satisfies WorkerReply);
      }
    })();
  });
}
