// One file of the reviewer batch from its bytes, wherever they were read (the pane's Web Workers; the
// CLI's worker threads read from disk first and do the same): checked once against the limits, then
// scored. Never throws: every failure is a failed record with the CLI's reason.
import type { Rulebook } from "../../rulebooks/schema";
import type { FormMapFile } from "../../workbook/form-map-detect";
import { type Limits, mbText } from "../../files/limits";
import { bilingual, type Message, msg, UserError } from "../../messages";
import { DEFAULT_LIMITS, failedRecord, precheck, refusedRecord } from "./refusals";
import { processWorkbook } from "./review-workbook";
import type { ReviewRecord } from "./types";

export interface ReviewContext {
  rulebook: Rulebook;
  map?: FormMapFile;
  limits?: Limits;
}

/** A file over the size limit, refused before it is read (the CLI's words and option). */
export function tooLargeMessage(file: string, size: number, limits: Limits = DEFAULT_LIMITS): Message {
  return msg("file.too-large", { file, size: mbText(size), limit: mbText(limits.maxFileBytes), flag: "--max-file-mb" });
}

/** A file that took longer than the limit (the CLI's words and option). */
export function timeoutMessage(file: string, limits: Limits = DEFAULT_LIMITS): Message {
  return msg("file.timeout", { file, seconds: Math.round(limits.timeoutMs / 1000), flag: "--timeout-s" });
}

export async function reviewBytes(data: Uint8Array, file: string, ctx: ReviewContext): Promise<ReviewRecord> {
  const limits = ctx.limits ?? DEFAULT_LIMITS;
  if (data.byteLength > limits.maxFileBytes) return refusedRecord(file, tooLargeMessage(file, data.byteLength, limits));
  const rejected = precheck(data, file, limits);
  if (rejected) return rejected;
  try {
    return await processWorkbook(data, file, { checked: true, rulebook: ctx.rulebook, map: ctx.map, limits });
  } catch (e) {
    if (e instanceof UserError) return refusedRecord(file, e.detail);
    // No library text reaches the reviewer: what failed is said.
    return failedRecord(file, "failed", bilingual(msg("review.score-failed", { file })));
  }
}
