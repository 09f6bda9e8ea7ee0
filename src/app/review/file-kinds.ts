// Which files of a folder the reviewer batch reads, for every shell: workbooks (.xlsx, .xlsm, .xltx,
// .xltm) are read; every other file is listed with the reason it is not (an old .xls, an .ods, a CSV…);
// Office lock files (~$…) and hidden files are left out. Judged by the name only: no file system.
import { bilingual, type Message, msg } from "../../messages";
import { failedRecord } from "./refusals";
import type { ReviewRecord } from "./types";

/** Workbook packages Saiten reads (macro-enabled books and templates have the same parts). */
export const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm", ".xltx", ".xltm"];

/** True for names a folder listing skips: Office lock files (~$…) and hidden files (.…). */
export function skippedName(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".");
}

const EXTENSION_REASONS: Record<string, Message["code"]> = {
  ".xls": "book.xls",
  ".xlsb": "book.xlsb",
  ".ods": "book.ods",
  ".csv": "book.csv",
  ".txt": "book.text",
  ".pdf": "book.pdf",
  ".htm": "book.html",
  ".html": "book.html",
  ".doc": "book.word",
  ".docx": "book.word",
  ".ppt": "book.powerpoint",
  ".pptx": "book.powerpoint",
};

/** ".xlsx" of "folder/a.XLSX" (lower case), "" without one — as Node's path.extname sees the name. */
function extensionOf(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  const dot = last.lastIndexOf(".");
  return dot > 0 ? last.slice(dot).toLowerCase() : "";
}

export function isWorkbookName(file: string): boolean {
  return WORKBOOK_EXTENSIONS.includes(extensionOf(file));
}

/** A file in a folder that is not a workbook Saiten reads: why, judged by its name. */
export function unsupportedRecord(file: string): ReviewRecord {
  const code = EXTENSION_REASONS[extensionOf(file)] ?? "book.unknown-format";
  return failedRecord(file, "unsupported", bilingual(msg(code, { file })));
}
