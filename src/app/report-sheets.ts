// A report workbook (ExcelJS, built by the shared layouts) as writes into new sheets of the workbook
// open in Excel, for an Excel that cannot open a new workbook (older than ExcelApi 1.8): values and
// number formats only (colour scales, fills, notes and frozen panes stay in the .xlsx). Sheet names
// that are taken get " (2)", " (3)" …, so nothing already there is overwritten.
import type ExcelJS from "exceljs";
import type { WriteBlock, WriteRequest, WriteValue } from "../workbook/port";

function cellValue(v: ExcelJS.CellValue): WriteValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  // Excel would take these for a formula, a number, a truth value or a date: kept as the text they are.
  if (typeof v === "string") return /^[=+\-@']|^\s*[\d.,]+\s*%?\s*$|^(true|false)$|^\d+[/-]\d+/i.test(v) ? `'${v}` : v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "result" in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
  return String(v as unknown as string);
}

/** A free sheet name: the name itself, else "name (2)", "name (3)" … (Excel compares case-insensitively). */
export function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

export function reportWrites(book: ExcelJS.Workbook, existing: readonly string[]): { request: WriteRequest; sheets: string[] } {
  const taken = new Set(existing);
  const request: WriteRequest = { addSheets: [], blocks: [] };
  const sheets: string[] = [];
  book.eachSheet((ws) => {
    const name = freeSheetName(ws.name, taken);
    taken.add(name);
    sheets.push(name);
    request.addSheets!.push({ name });
    const rows = ws.rowCount;
    const cols = ws.columnCount;
    if (!rows || !cols) return;
    const values: WriteValue[][] = [];
    const numFmts: (string | null)[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: WriteValue[] = [];
      const fmts: (string | null)[] = [];
      const row = ws.getRow(r);
      for (let c = 1; c <= cols; c++) {
        const cell = row.getCell(c);
        line.push(cellValue(cell.value));
        fmts.push(cell.numFmt ? cell.numFmt : null);
      }
      values.push(line);
      numFmts.push(fmts);
    }
    const block: WriteBlock = { sheet: name, top: 1, left: 1, values, numFmts };
    request.blocks!.push(block);
  });
  return { request, sheets };
}
