// A workbook's bytes checked before anything parses them (the shared inspection: kind of file, limits
// on size, unpacked bytes, parts, rows and cells — each part as it is read), as review records: one
// bad file never stops the batch.
import type { LocalText } from "../../engine/types";
import { type Limits, WORKBOOK_LIMITS } from "../../files/limits";
import { bilingual, type Message, type MessageCode } from "../../messages";
import { CheckedPackage, PackageRefused } from "../../files/inspect-workbook";
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
    case "file.too-large-fixed":
    case "book.unpacked-too-large":
    case "book.unpacked-too-large-fixed":
    case "book.too-many-parts":
    case "file.out-of-memory":
      return "too-large";
    case "book.too-many-rows":
    case "book.too-many-rows-fixed":
      return "too-many-rows";
    case "book.too-many-cells":
    case "book.too-many-cells-fixed":
    case "book.validation-cells":
      return "too-many-cells";
    case "book.name-range":
      return "defined-name";
    case "file.empty":
      return "empty";
    case "book.encrypted":
      return "encrypted";
    case "book.corrupt":
    case "book.row-past-end":
      return "corrupt";
    case "file.dangling-link":
    case "file.link-loop":
      return "link";
    case "file.timeout":
    case "file.timeout-fixed":
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

/** A failed record when the bytes must not (or cannot) be loaded, every part checked; else null. */
export function precheck(data: Uint8Array, file: string, limits: Limits = DEFAULT_LIMITS): ReviewRecord | null {
  const pkg = openChecked(data, file, limits);
  if (!(pkg instanceof CheckedPackage)) return pkg;
  try {
    pkg.checkAll();
    return null;
  } catch (e) {
    const refused = refusedWhileRead(file, e);
    if (refused) return refused;
    throw e;
  }
}

/**
 * The package checked as far as its central directory (CheckedPackage: every part is checked when
 * it is read), or a failed record when the bytes must not (or cannot) be loaded.
 */
export function openChecked(data: Uint8Array, file: string, limits: Limits = DEFAULT_LIMITS): CheckedPackage | ReviewRecord {
  try {
    return new CheckedPackage(data, file, limits);
  } catch (e) {
    const refused = refusedWhileRead(file, e);
    if (refused) return refused;
    throw e;
  }
}

/** A failed record for a package refused while it was read, else undefined. */
export function refusedWhileRead(file: string, e: unknown): ReviewRecord | undefined {
  return e instanceof PackageRefused ? refusedRecord(file, e.detail) : undefined;
}
