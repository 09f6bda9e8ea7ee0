// Renders the standard answer workbook (template.ts layout) with ExcelJS for the CLI.
import { walkTree } from "../../rulebooks/tree";
import type ExcelJS from "exceljs";
import { Workbook } from "./library";
import type { Rulebook } from "../../rulebooks/schema";
import { jaText } from "../../engine";
import { withCode } from "../../engine/text";
import { columnLetters } from "../../excel/a1";
import {
  ANSWER_SHEET,
  buildTemplate,
  COLUMNS,
  ColumnKey,
  HEADER_ROW,
  OUTPUT_COLUMNS,
  RESULT_HEADERS,
  RESULT_SHEET,
  TEMPLATE_INSTRUCTION,
  templateHead,
} from "../../workbook/template";

const LIST_SHEET = "saiten_lists";
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8DC" } };
const OUTPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };

export function createTemplateWorkbook(rb: Rulebook): ExcelJS.Workbook {
  const spec = buildTemplate(rb);
  const book = new Workbook();
  book.creator = "Saiten";
  const ws = book.addWorksheet(ANSWER_SHEET, { views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const colOf = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key) + 1;

  const [title, meta, blanks] = templateHead(spec);
  ws.getCell("A1").value = title[0];
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getRow(2).values = meta;
  ws.getRow(3).values = blanks;
  for (const a of ["A2", "C2", "E2", "A3", "C3", "E3", "G3"]) ws.getCell(a).font = { bold: true };
  for (const a of ["B3", "D3", "F3", "H3"]) ws.getCell(a).fill = INPUT_FILL;
  ws.getCell("H3").numFmt = "@"; // codes keep their leading zeros
  if (spec.sizeClasses.length) {
    ws.getCell("B3").dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${spec.sizeClasses.join(",")}"`],
    };
  }
  // The answer workbook is Japanese, as the add-in's (its headers are what the readers look for).
  ws.getCell("A4").value = TEMPLATE_INSTRUCTION;
  ws.getCell("A4").font = { italic: true, color: { argb: "FF595959" } };

  const header = ws.getRow(HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", horizontal: "center" };
  });

  let lists: ExcelJS.Worksheet | undefined;
  let listCol = 0;
  const listFormula = (items: string[]): string => {
    const inline = `"${items.join(",")}"`;
    if (inline.length <= 250) return inline;
    // Long lists exceed Excel's 255-character inline limit: keep them on a hidden sheet.
    lists ??= book.addWorksheet(LIST_SHEET, { state: "veryHidden" });
    listCol += 1;
    items.forEach((it, i) => (lists!.getCell(i + 1, listCol).value = it));
    const col = columnLetters(listCol);
    return `${LIST_SHEET}!$${col}$1:$${col}$${items.length}`;
  };

  spec.rows.forEach((row, i) => {
    const r = HEADER_ROW + 1 + i;
    const line = ws.getRow(r);
    line.getCell(colOf("id")).value = row.id;
    line.getCell(colOf("group")).value = row.group;
    line.getCell(colOf("code")).value = row.code;
    line.getCell(colOf("name")).value = row.name;
    line.getCell(colOf("max")).value = row.max;
    const answer = line.getCell(colOf("answer"));
    if (row.linkedTo) {
      answer.fill = OUTPUT_FILL;
      line.getCell(colOf("explanation")).value = `${row.linkedTo} の回答を使います`;
    } else {
      answer.fill = INPUT_FILL;
      if (row.choices) {
        answer.dataValidation = {
          type: "list",
          allowBlank: true,
          showErrorMessage: false,
          formulae: [listFormula(row.choices)],
        };
      }
      if (row.unit === "percent") answer.numFmt = "0.0";
    }
    if (row.needsPreviousValue) line.getCell(colOf("previousValue")).fill = INPUT_FILL;
    for (const key of OUTPUT_COLUMNS) line.getCell(colOf(key)).fill = OUTPUT_FILL;
    line.getCell(colOf("name")).alignment = { wrapText: true, vertical: "top" };
    line.getCell(colOf("group")).alignment = { wrapText: true, vertical: "top" };
  });
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: COLUMNS.length } };

  const res = book.addWorksheet(RESULT_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  res.columns = RESULT_HEADERS.map((h, i) => ({ header: h, width: i === 1 ? 44 : 10 }));
  res.getRow(1).eachCell((cell) => {
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = HEADER_FILL;
  });
  const groupRows: [string, string, number | null][] = [];
  walkTree(rb, {
    group: (g, depth) =>
      void groupRows.push([
        g.id,
        depth === 0 ? "合計" : `${"　".repeat(depth - 1)}${withCode(g.code, jaText(g.name))}`,
        g.max ?? null,
      ]),
  });
  groupRows.forEach(([id, name, max], i) => (res.getRow(i + 2).values = [id, name, null, max]));
  return book;
}
