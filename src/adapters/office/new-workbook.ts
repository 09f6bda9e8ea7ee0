// A report the reviewer keeps, opened as a workbook of its own (Excel.createWorkbook, ExcelApi 1.8):
// the open workbook — a municipality's submission in check mode — is never written. Excel opens the
// new workbook in its own window and gives the add-in no handle to it, so the report is complete
// before it is handed over (.xlsx bytes, base64).
import { msg } from "../../messages";
import { WorkbookError } from "../../workbook/port";
import type { ExcelSupport } from "./excel-support";
import { excelFailure } from "./excel-failure";

/** Excel.createWorkbook as the adapter uses it: real Excel, or the in-memory Excel's. */
export type CreateWorkbook = (base64: string) => Promise<void>;

/** The set that brought Excel.createWorkbook (Excel 2019 on; not in Excel 2016 with ExcelApi 1.7). */
export const NEW_WORKBOOK_API = "1.8";

/** "1.13" ≥ "1.8": numbered sets compare part by part. */
function atLeast(set: string, min: string): boolean {
  const a = set.split(".").map(Number);
  const b = min.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d > 0;
  }
  return true;
}

/** True when this Excel can open a new workbook (outside Office — preview, tests — the given function decides). */
export function canCreateWorkbook(support: ExcelSupport | null): boolean {
  if (!support) return true;
  return support.excelApi !== null && atLeast(support.excelApi, NEW_WORKBOOK_API);
}

/** Base64 without Buffer (the pane runs in a browser); in slices, so a large report does not overflow the stack. */
export function base64Of(bytes: Uint8Array): string {
  let bin = "";
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) bin += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(bin);
}

/** Opens the bytes as a new workbook; Excel's refusal becomes a message saying what to do. */
export async function openAsNewWorkbook(create: CreateWorkbook, bytes: Uint8Array): Promise<void> {
  try {
    await create(base64Of(bytes));
  } catch (e) {
    const code = (e as { code?: string })?.code ?? "";
    if (code === "ApiNotFound") throw new WorkbookError("failed", msg("excel.api-missing"));
    throw new WorkbookError("failed", excelFailure(code));
  }
}
