// One file of the reviewer batch from its bytes, wherever they were read (the pane's Web Workers; the
// CLI's worker threads read from disk first and do the same): checked once against the limits, then
// scored. Never throws: every failure is a failed record with the CLI's reason.
import type { Rulebook } from "../../rulebooks/schema";
import type { FormMapFile } from "../../workbook/form-map-detect";
import { type Limits, tooLargeMessage } from "../../files/limits";
import { bilingual, msg, UserError } from "../../messages";
import { CheckedPackage } from "../../files/inspect-workbook";
import { DEFAULT_LIMITS, failedRecord, openChecked, refusedRecord, refusedWhileRead } from "./refusals";
import type { ReviewRecord } from "./types";

export interface ReviewContext {
  rulebook: Rulebook;
  map?: FormMapFile;
  limits?: Limits;
}

/** Scores the bytes of one workbook; what pool tests inject in place of processWorkbook. */
export type Processor = (
  data: Uint8Array,
  file: string,
  options: { rulebook: Rulebook; map?: FormMapFile; limits?: Limits; checked?: CheckedPackage },
) => Promise<ReviewRecord>;

let defaultProcessor: Promise<Processor> | undefined;
/**
 * The scorer, loaded with the first file unless a worker asks for it sooner: a shell that only lists or
 * refuses files never pays for it.
 */
export function loadProcessor(): Promise<Processor> {
  defaultProcessor ??= import("./review-workbook").then(
    (m) => m.processWorkbook,
    (e: unknown) => {
      defaultProcessor = undefined; // tried again with the next file, whose record says it failed
      throw e;
    },
  );
  return defaultProcessor;
}

/**
 * The one review of a file's bytes, behind the CLI's worker threads and the pane's Web Workers.
 * `onUnexpected` sees a failure that is not the file's fault (the CLI shows it under SAITEN_DEBUG).
 */
export async function reviewBytes(
  data: Uint8Array,
  file: string,
  ctx: ReviewContext,
  processor?: Processor,
  onUnexpected?: (e: unknown) => void,
): Promise<ReviewRecord> {
  const limits = ctx.limits ?? DEFAULT_LIMITS;
  if (data.byteLength > limits.maxFileBytes) return refusedRecord(file, tooLargeMessage(file, data.byteLength, limits));
  // Checked here (the directory; each part as it is read): only files that pass reach the scorer,
  // which then need not check again.
  const checked = openChecked(data, file, limits);
  if (!(checked instanceof CheckedPackage)) return checked;
  try {
    const run = processor ?? (await loadProcessor());
    return await run(data, file, { checked, rulebook: ctx.rulebook, map: ctx.map, limits });
  } catch (e) {
    if (e instanceof UserError) return refusedRecord(file, e.detail);
    // A part refused by the package check as the scorer read it.
    const refused = refusedWhileRead(file, e);
    if (refused) return refused;
    onUnexpected?.(e);
    // No library text reaches the reviewer: what failed is said.
    return failedRecord(file, "failed", bilingual(msg("review.score-failed", { file })));
  }
}
