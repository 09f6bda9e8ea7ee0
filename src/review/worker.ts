// One file of the reviewer batch, and the worker-thread entry that runs it. Each worker reads its
// files itself, checks the limits, scores, and posts back only the compact ReviewRecord: workbook
// objects never leave the thread. Loaded as compiled JS (dist/review/worker.js) by pool.ts.
import { readInputFile } from "../files/disk";
import { bilingual, msg, UserError } from "../messages";
import { isMainThread, parentPort, workerData } from "worker_threads";
import type { Rulebook } from "../rulebooks/schema";
import type { FormMapFile } from "../workbook/form-map-detect";
import { DEFAULT_LIMITS, failedRecord, openChecked, refusedRecord, refusedWhileRead, type Limits } from "../app/review/refusals";
import type { ReviewRecord } from "../app/review/types";
import { CheckedPackage } from "../files/inspect-workbook";

export interface ReviewContext {
  rulebook: Rulebook;
  map?: FormMapFile;
  limits?: Limits;
}

/** Scores the bytes of one workbook; what pool tests inject in place of processWorkbook. */
export type Processor = (
  data: Uint8Array,
  file: string,
  options: {
    rulebook: Rulebook;
    map?: FormMapFile;
    limits?: Limits;
    checked?: CheckedPackage;
  },
) => Promise<ReviewRecord>;

let defaultProcessor: Processor | undefined;
async function processorOf(): Promise<Processor> {
  if (!defaultProcessor) defaultProcessor = (await import("../app/review/review-workbook")).processWorkbook;
  return defaultProcessor;
}

/** Reads (read-only), checks and scores one file. Never throws: every failure is a failed record. */
export async function reviewFile(
  file: string,
  ctx: ReviewContext,
  processor?: Processor,
): Promise<ReviewRecord> {
  const limits = ctx.limits ?? DEFAULT_LIMITS;
  let data: Uint8Array;
  try {
    data = (await readInputFile(file, limits)).bytes;
  } catch (e) {
    if (e instanceof UserError) return refusedRecord(file, e.detail);
    return refusedRecord(file, msg("file.read-failed", { file }));
  }
  // Checked here (the directory; each part as it is read): only files that pass reach the scorer,
  // which then need not check again.
  const checked = openChecked(data, file, limits);
  if (!(checked instanceof CheckedPackage)) return checked;
  try {
    const run = processor ?? (await processorOf());
    return await run(data, file, { checked, rulebook: ctx.rulebook, map: ctx.map, limits });
  } catch (e) {
    if (e instanceof UserError) return refusedRecord(file, e.detail);
    // A part refused by the package check as the scorer read it.
    const refused = refusedWhileRead(file, e);
    if (refused) return refused;
    // No library text reaches the reviewer: what failed is said, SAITEN_DEBUG shows the rest.
    if (process.env.SAITEN_DEBUG) console.error(e);
    return failedRecord(file, "failed", bilingual(msg("review.score-failed", { file })));
  }
}

export interface WorkerInit {
  saitenReview: 1;
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

const init = workerData as WorkerInit | undefined;
if (!isMainThread && parentPort && init?.saitenReview === 1) {
  const port = parentPort;
  // A batch of files, read one after the other; each record is posted as soon as it is made (the
  // pool times each file from its predecessor's record).
  port.on("message", (batch: WorkerTask[]) => {
    void (async () => {
      for (const task of batch) {
        const record = await reviewFile(task.file, init.ctx);
        port.postMessage({ index: task.index, record } satisfies WorkerReply);
      }
    })();
  });
}
