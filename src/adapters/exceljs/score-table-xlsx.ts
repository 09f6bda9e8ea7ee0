// 配点表 workbooks on disk: ExcelJS in, plain cell values out (and back). The layout itself lives
// in rulebooks/score-table.ts, which stays free of I/O so the add-in can share it.
import type ExcelJS from "exceljs";
import { Workbook } from "./library";
import { xlsxBytes } from "./xlsx-bytes";
import type { Limits } from "../../files/limits";
import { msg, UserError } from "../../messages";
import { TABLE_LISTS, TABLE_SUBHEADERS, TableBook, TableCell } from "../../rulebooks/score-table";
import { inspectWorkbook, PackageRefused } from "../../files/inspect-workbook";

/** What a clerk sees: formula results, rich text as plain text, dates as ISO strings, errors as their text. */
function plain(v: ExcelJS.CellValue | undefined): TableCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) return plain(v.result as ExcelJS.CellValue | undefined);
  if ("error" in v) return v.error;
  if ("hyperlink" in v) return plain(v.text as ExcelJS.CellValue);
  return null;
}

/** A 配点表 workbook from bytes checked against the limits first; failures are messages naming the file. */
export async function tableBookFrom(bytes: Uint8Array, file: string, limits: Limits): Promise<TableBook> {
  try {
    inspectWorkbook(bytes, file, limits);
  } catch (e) {
    if (e instanceof PackageRefused) throw new UserError(e.detail);
    throw e;
  }
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UserError(msg("book.corrupt", { file, where: msg("book.corrupt.content") }));
  }
  return tableOf(wb);
}

function tableOf(wb: ExcelJS.Workbook): TableBook {
  const book: TableBook = {};
  for (const ws of wb.worksheets) {
    const rows: TableCell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: TableCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells[c - 1] = plain(cell.value);
      });
      rows[r - 1] = Array.from(cells, (c) => c ?? null);
    });
    book[ws.name] = Array.from(rows, (r) => r ?? []);
  }
  return book;
}

/** Display width in Excel's units, counting full-width characters twice. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0xff ? 2 : 1;
  return w;
}

const MAX_WIDTH = 50;
const EXTRA_ROWS = 200;

function tidy(ws: ExcelJS.Worksheet, rows: TableCell[][]): void {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 1; c <= cols; c++) {
    let width = 6;
    let wrap = false;
    rows.forEach((r) => {
      const v = r[c - 1];
      if (v === null || v === undefined) return;
      const lines = String(v).split("\n");
      wrap ||= lines.length > 1;
      for (const line of lines) width = Math.max(width, textWidth(line) + 2);
    });
    const col = ws.getColumn(c);
    col.width = Math.min(width, MAX_WIDTH);
    if (wrap || width > MAX_WIDTH) col.alignment = { wrapText: true, vertical: "top" };
  }
  const bold = (n: number) => {
    const row = ws.getRow(n);
    row.font = { bold: true };
    row.alignment = { vertical: "middle" };
  };
  bold(1);
  rows.forEach((r, i) => {
    const first = r[0];
    if (i > 0 && typeof first === "string" && TABLE_SUBHEADERS.includes(first)) bold(i + 1);
  });
}

function dropdowns(ws: ExcelJS.Worksheet, rows: TableCell[][]): void {
  const header = rows[0] ?? [];
  for (const list of TABLE_LISTS.filter((l) => l.sheet === ws.name)) {
    const c = header.indexOf(list.header);
    if (c < 0) continue;
    const validation: ExcelJS.DataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${list.values.join(",")}"`],
      // A warning, not a stop: the reader also takes English names and other spellings.
      errorStyle: "warning",
      showErrorMessage: true,
      errorTitle: list.header,
      error: `一覧にない${list.header}です。一覧から選んでください。`,
    };
    for (let r = 2; r <= rows.length + EXTRA_ROWS; r++) ws.getCell(r, c + 1).dataValidation = validation;
  }
}

/** The 配点表 as .xlsx bytes (the caller saves them through its safe write). */
export async function tableBookBytes(book: TableBook): Promise<Uint8Array> {
  const wb = new Workbook();
  for (const [name, rows] of Object.entries(book)) {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    for (const r of rows) ws.addRow(r.map((v) => v ?? null));
    tidy(ws, rows);
    dropdowns(ws, rows);
  }
  return xlsxBytes(wb);
}
