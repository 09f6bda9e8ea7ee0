// A workbook's bytes checked before anything parses them (the shared inspection: kind of file, limits
// on size, unpacked bytes, parts, rows and cells), as review records: one bad file never stops the batch.
import type { LocalText } from "../../engine/types";
import { type Limits, WORKBOOK_LIMITS } from "../../files/limits";
import { bilingual, type Message, type MessageCode } from "../../messages";
import { inspectWorkbook, PackageRefused } from "../../files/inspect-workbook";
import type { ReviewRecord } from "./types";

export type { Limits } from "../../files/limits";
export const DEFAULT_LIMITS: Limits = WORKBOOK_LIMITS;

type FailCode = NonNullable<ReviewRecord["reasonCode"]>;

export function failedRecord(file: string, reasonCode: FailCode, reason: LocalText): ReviewRecord {
  return { file, status: "failed", reasonCode, reason };
}

/** The review's short code for a message that refuses a file (the JSON and CSV carry it). */
export function reasonCodeOf(code: MessageCode): FailCode {
  switch (code) {
    case "file.too-large":
    case "book.unpacked-too-large":
    case "book.too-many-parts":
    case "file.out-of-memory":
      return "too-large";
    case "book.too-many-rows":
      return "too-many-rows";
    case "book.too-many-cells":
      return "too-many-cells";
    case "file.empty":
      return "empty";
    case "book.encrypted":
      return "encrypted";
    case "book.corrupt":
      return "corrupt";
    case "file.dangling-link":
    case "file.link-loop":
      return "link";
    case "file.timeout":
      return "timeout";
    case "review.crashed":
      return "failed";
    case "file.not-found":
    case "file.no-permission":
    case "file.read-failed":
    case "file.not-regular":
    case "file.is-directory":
    case "file.grew":
      return "unreadable";
    default:
      return "not-xlsx";
  }
}

export function refusedRecord(file: string, m: Message): ReviewRecord {
  return failedRecord(file, reasonCodeOf(m.code), bilingual(m));
}

/**
 * A failed record when the bytes must not (or cannot) be loaded, else null. `parts`, when given,
 * receives the parts inflated by the check (the fast reader takes them instead of inflating again).
 */
export function precheck(
  data: Uint8Array,
  file: string,
  limits: Limits = DEFAULT_LIMITS,
  parts?: Map<string, Uint8Array>,
): ReviewRecord | null {
  try {
    inspectWorkbook(data, file, limits, undefined, parts);
    return null;
  } catch (e) {
    if (e instanceof PackageRefused) return refusedRecord(file, e.detail);
    throw e;
  }
}
