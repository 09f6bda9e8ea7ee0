// The summary as files: summary.xlsx (一覧 / 確認事項 / 指標別) with ExcelJS, and CSV (UTF-8 with BOM,
// CRLF, RFC 4180) with the 一覧 columns. The JSON output is the ReviewSummary itself.
// ExcelJS is loaded only when summary.xlsx is written: a run without --out never pays for it.
import type ExcelJS from "exceljs";
import { bandsAssumedFrom } from "../engine/size-band";
import { num } from "../engine/text";
import { listOf, msg, render } from "../messages";
import type { ReviewRow, ReviewSummary } from "../app/review/types";

export const LIST_SHEET = "一覧";
export const CHECK_SHEET = "確認事項";
export const INDICATOR_SHEET = "指標別";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };
const SHORT_FILL = "FFFFC7CE";
const SHORT_FONT = "FF9C0006";
const YEN = "#,##0";
const CHANGE = "+0.0;-0.0;0.0";

type Kind = "text" | "count" | "points" | "rate" | "change" | "share" | "yen";

export interface ListColumn {
  header: string;
  /** CSV header where it differs from the sheet's (rates there are in percent). */
  csvHeader?: string;
  kind: Kind;
  width: number;
  value: (row: ReviewRow) => string | number | null | undefined;
}

function rateFormat(digits: number): string {
  return digits > 0 ? `0.${"0".repeat(digits)}%` : "0%";
}

/** The 一覧 columns, shared by the sheet and the CSV: a rate column per top- and second-level group. */
export function listColumns(summary: ReviewSummary): ListColumn[] {
  const groupCols: ListColumn[] = summary.groups
    .filter((g) => g.depth === 1 || g.depth === 2)
    .map((g) => ({
      header: `${g.name} 得点率`,
      csvHeader: `${g.name} 得点率(%)`,
      kind: "rate" as const,
      width: 14,
      value: (r: ReviewRow) => r.groupRates[g.id] ?? null,
    }));
  return [
    { header: "市町村名", kind: "text", width: 14, value: (r) => r.name },
    { header: "市町村コード", kind: "text", width: 12, value: (r) => r.code },
    { header: "被保険者数", kind: "count", width: 12, value: (r) => r.insured },
    { header: "規模区分", kind: "text", width: 10, value: (r) => r.sizeClass },
    { header: "得点", kind: "points", width: 8, value: (r) => r.total },
    { header: "満点", kind: "points", width: 8, value: (r) => r.max },
    { header: "得点率", csvHeader: "得点率(%)", kind: "rate", width: 9, value: (r) => r.ratePercent },
    ...groupCols,
    { header: "順位", kind: "count", width: 7, value: (r) => r.rank },
    { header: "規模区分内順位", kind: "count", width: 9, value: (r) => r.bandRank },
    {
      header: "前年度得点率",
      csvHeader: "前年度得点率(%)",
      kind: "rate",
      width: 11,
      value: (r) => r.previousRatePercent,
    },
    { header: "差(ポイント)", kind: "change", width: 9, value: (r) => r.changeRate },
    { header: "傾向", kind: "text", width: 6, value: (r) => r.trend },
    { header: "判定", kind: "text", width: 8, value: (r) => r.judgement },
    { header: "確認事項数", kind: "count", width: 9, value: (r) => r.issues },
    { header: "不一致数", kind: "count", width: 9, value: (r) => r.mismatches },
    { header: "按分率", csvHeader: "按分率(%)", kind: "share", width: 9, value: (r) => r.share },
    { header: "交付見込額", csvHeader: "交付見込額(円)", kind: "yen", width: 14, value: (r) => r.estimate },
    { header: "ファイル", kind: "text", width: 30, value: (r) => r.file },
  ];
}

function headerRow(ws: ExcelJS.Worksheet, headers: string[], left = 1): void {
  headers.forEach((h, j) => {
    const cell = ws.getCell(1, left + j);
    cell.value = h;
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
  });
}

function setWidths(ws: ExcelJS.Worksheet, widths: number[], left = 1): void {
  widths.forEach((w, j) => (ws.getColumn(left + j).width = w));
}

/** The summary workbook (not yet saved). */
export function summaryWorkbook(summary: ReviewSummary, Excel: typeof ExcelJS): ExcelJS.Workbook {
  const digits = summary.rulebook.rateDigits ?? 1;
  const pct = rateFormat(digits);
  const formats: Partial<Record<Kind, string>> = {
    rate: pct,
    change: CHANGE,
    share: "0.00%",
    yen: YEN,
    count: "#,##0",
  };
  const book = new Excel.Workbook();
  book.creator = "Saiten";

  // ---------------------------------------------------------------- 一覧
  const cols = listColumns(summary);
  const list = book.addWorksheet(LIST_SHEET, { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  headerRow(
    list,
    cols.map((c) => c.header),
  );
  setWidths(
    list,
    cols.map((c) => c.width),
  );
  summary.rows.forEach((row, i) => {
    const r = i + 2;
    cols.forEach((c, j) => {
      const v = c.value(row);
      const cell = list.getCell(r, j + 1);
      if (c.kind === "text") {
        cell.numFmt = "@";
        if (v !== undefined && v !== null) cell.value = String(v);
        return;
      }
      if (v === undefined || v === null || typeof v !== "number") return;
      cell.value = c.kind === "rate" ? v / 100 : v;
      const fmt = formats[c.kind];
      if (fmt) cell.numFmt = fmt;
    });
  });
  const bandCol = cols.findIndex((c) => c.header === "規模区分");
  if (summary.sizeBandsAssumedFrom !== undefined && bandCol >= 0)
    list.getCell(1, bandCol + 1).note = `${bandsAssumedFrom(summary.sizeBandsAssumedFrom).ja}（規模区分・規模区分内順位）`;
  const lastCol = list.getColumn(cols.length).letter;
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  if (summary.rows.length) {
    const judge = list.getColumn(cols.findIndex((c) => c.header === "判定") + 1).letter;
    list.addConditionalFormatting({
      ref: `A2:${lastCol}${summary.rows.length + 1}`,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [`$${judge}2="未達成"`],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: SHORT_FILL } },
            font: { color: { argb: SHORT_FONT } },
          },
        },
      ],
    });
  }

  // ---------------------------------------------------------------- 確認事項
  const check = book.addWorksheet(CHECK_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  const checkHeaders = [
    "ファイル",
    "市町村名",
    "市町村コード",
    "種別",
    "コード",
    "セル",
    "対象",
    "重要度",
    "内容",
    "記載値",
    "再計算値",
  ];
  headerRow(check, checkHeaders);
  setWidths(check, [30, 14, 12, 10, 16, 16, 16, 8, 70, 10, 10]);
  const who = new Map(summary.rows.map((r) => [r.file, r]));
  const lines: (string | number | null | undefined)[][] = [];
  for (const f of summary.failures)
    lines.push([f.file, f.name, f.code, "読めない", f.reasonCode, null, null, "error", f.reason.ja]);
  for (const d of summary.duplicates)
    for (const file of d.files)
      lines.push([
        file,
        who.get(file)?.name,
        who.get(file)?.code,
        "重複",
        "duplicate",
        null,
        d.key,
        "warning",
        // The summary workbook is in Japanese.
        render(msg("review.same-entity", { key: d.key, n: d.files.length, files: listOf(d.files) }), "ja"),
      ]);
  for (const m of summary.mismatches)
    lines.push([
      m.file,
      who.get(m.file)?.name,
      who.get(m.file)?.code,
      "不一致",
      "mismatch",
      m.cell,
      m.target,
      "error",
      m.message.ja,
      typeof m.reported === "number" || typeof m.reported === "string"
        ? m.reported
        : JSON.stringify(m.reported),
      m.computed,
    ]);
  for (const i of summary.issues)
    lines.push([
      i.file,
      who.get(i.file)?.name,
      who.get(i.file)?.code,
      "確認事項",
      i.code,
      i.cell,
      i.indicatorId,
      i.severity,
      i.message.ja,
    ]);
  lines.forEach((line, k) =>
    line.forEach((v, j) => {
      const cell = check.getCell(k + 2, j + 1);
      if (j === 2) cell.numFmt = "@";
      if (v !== undefined && v !== null) cell.value = j === 2 ? String(v) : v;
    }),
  );
  check.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: checkHeaders.length } };

  // ---------------------------------------------------------------- 指標別
  const ind = book.addWorksheet(INDICATOR_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  const indHeaders = ["指標ID", "指標", "満点", "該当数", "該当率", "全国該当率", "差(ポイント)"];
  headerRow(ind, indHeaders);
  setWidths(ind, [18, 44, 7, 8, 9, 10, 10]);
  summary.indicators.forEach((x, k) => {
    const r = ind.getRow(k + 2);
    r.getCell(1).value = x.id;
    r.getCell(2).value = x.name;
    if (x.max !== null) r.getCell(3).value = x.max;
    r.getCell(4).value = x.achieved;
    r.getCell(5).value = x.rate;
    r.getCell(5).numFmt = pct;
    if (x.nationalRate !== undefined) {
      r.getCell(6).value = x.nationalRate;
      r.getCell(6).numFmt = pct;
      r.getCell(7).value = Math.round((x.rate - x.nationalRate) * 1000) / 10;
      r.getCell(7).numFmt = CHANGE;
    }
  });
  ind.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: indHeaders.length } };
  if (summary.nationalSource) ind.getCell(1, 6).note = `出典: ${summary.nationalSource}`;
  // The group table sits to the right, under the same frozen header row.
  const gLeft = indHeaders.length + 2;
  const gHeaders = ["区分ID", "区分", "満点", "平均", "中央値", "全国平均", "全国中央値", "差(平均)"];
  headerRow(ind, gHeaders, gLeft);
  if (summary.nationalSource) ind.getCell(1, gLeft + 5).note = `出典: ${summary.nationalSource}`;
  setWidths(ind, [16, 36, 7, 8, 8, 9, 10, 9], gLeft);
  summary.groups.forEach((g, k) => {
    const r = ind.getRow(k + 2);
    r.getCell(gLeft).value = g.id;
    r.getCell(gLeft + 1).value = `${"　".repeat(Math.max(0, g.depth - 1))}${g.name}`;
    if (g.max !== null) r.getCell(gLeft + 2).value = g.max;
    const put = (j: number, v: number | undefined) => {
      if (v === undefined) return;
      r.getCell(gLeft + j).value = v;
      r.getCell(gLeft + j).numFmt = "0.0";
    };
    put(3, g.mean);
    put(4, g.median);
    put(5, g.nationalMean);
    put(6, g.nationalMedian);
    if (g.nationalMean !== undefined) {
      put(7, g.mean - g.nationalMean);
      r.getCell(gLeft + 7).numFmt = CHANGE;
    }
  });
  return book;
}

/** The summary workbook as .xlsx bytes (the caller saves them through its safe write). */
export async function summaryXlsxBytes(summary: ReviewSummary): Promise<Uint8Array> {
  const Excel = (await import("exceljs")).default;
  // Deflate level 1: the same workbook, a little larger, written several times faster (the zip is
  // compressed in JavaScript, on the main thread, after every file has been read).
  const zip = { compression: "DEFLATE", compressionOptions: { level: 1 } };
  return new Uint8Array(await summaryWorkbook(summary, Excel).xlsx.writeBuffer({ zip } as ExcelJS.XlsxWriteOptions));
}

/**
 * One CSV field, RFC 4180: quoted when it holds a quote, comma, CR or LF. Text that a spreadsheet
 * would take for a formula (starting with =, +, -, @, tab or CR: OWASP's CSV-injection rule) gets a
 * leading apostrophe; numbers are written as numbers.
 */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "number" ? num(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The 一覧 columns as CSV: UTF-8 with BOM (Excel then reads Japanese correctly), CRLF line ends.
 *  Rates and shares in percent; the estimate rounded to the yen. */
export function summaryCsv(summary: ReviewSummary): string {
  const cols = listColumns(summary);
  const lines = [cols.map((c) => csvField(c.csvHeader ?? c.header)).join(",")];
  for (const row of summary.rows) {
    lines.push(
      cols
        .map((c) => {
          const v = c.value(row);
          if (typeof v !== "number") return csvField(v);
          if (c.kind === "share") return csvField(Math.round(v * 1e8) / 1e6);
          if (c.kind === "yen") return csvField(Math.round(v));
          return csvField(v);
        })
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
