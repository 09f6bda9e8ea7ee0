// The summary workbook of the reviewer batch (一覧 / 確認事項 / 指標別), one layout for every shell:
// the CLI saves it as summary.xlsx, the task pane opens it as a new workbook in Excel. ExcelJS runs in
// Node and in the browser alike (the pane loads this module only when a summary is written).
import type ExcelJS from "exceljs";
import { Workbook } from "../../adapters/exceljs/library";
// Whoever writes the summary out loads its bytes' writer with it (one chunk in the pane).
export { xlsxBytes } from "../../adapters/exceljs/xlsx-bytes";
import { bandsAssumedFrom } from "../../engine/size-band";
import { listOf, msg } from "../../messages";
import { MEAN_DIGITS, roundHalfUp } from "../../numbers/round";
import type { ReviewRecord, ReviewSummary } from "./types";
import type { NationalLine } from "./glance";
import { listColumns, type Kind } from "./summary-columns";
import { type SummaryLanguage, SummaryWords } from "./summary-words";
import { problemKind, severityWord } from "./problem-kinds";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };
const SHORT_FILL = "FFFFC7CE";
const SHORT_FONT = "FF9C0006";
const YEN = "#,##0";
const CHANGE = "+0.0;-0.0;0.0";
const MEAN_FORMAT = `0.${"0".repeat(MEAN_DIGITS)}`;

function rateFormat(digits: number): string {
  return digits > 0 ? `0.${"0".repeat(digits)}%` : "0%";
}

/**
 * The cell styles of one summary workbook, each object shared by every cell that has it. ExcelJS gives
 * each cell a style object of its own and, when saving, works the style's XML out again for every
 * object it has not seen: for the 80,000 cells of a 1,000-file summary that was about a third of the
 * write. Cells take their style from here whole; none is changed in place afterwards (a shared object
 * changed would restyle every cell that has it).
 */
class Styles {
  readonly header: Partial<ExcelJS.Style> = {
    font: HEADER_FONT,
    fill: HEADER_FILL,
    alignment: { vertical: "middle", wrapText: true },
  };
  /** A cell with no format of its own. */
  readonly plain: Partial<ExcelJS.Style> = {};
  private readonly byFormat = new Map<string, Partial<ExcelJS.Style>>();
  private readonly byParts = new Map<string, Partial<ExcelJS.Style>>();

  /** The style with just a number format (the common case, looked up by the format alone). */
  format(numFmt: string | undefined): Partial<ExcelJS.Style> {
    if (!numFmt) return this.plain;
    let style = this.byFormat.get(numFmt);
    if (!style) this.byFormat.set(numFmt, (style = { numFmt }));
    return style;
  }

  /** The style made of `parts` (fonts, fills and a format together), one object per distinct one. */
  of(parts: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
    const key = JSON.stringify(parts);
    let style = this.byParts.get(key);
    if (!style) this.byParts.set(key, (style = parts));
    return style;
  }
}

/** Writes a value and its style (a format, or none) into a cell of `row`. */
function cellWriter(row: ExcelJS.Row, styles: Styles) {
  return (col: number, value: ExcelJS.CellValue, numFmt?: string): void => {
    const cell = row.getCell(col);
    cell.value = value;
    cell.style = styles.format(numFmt);
  };
}

function headerRow(ws: ExcelJS.Worksheet, headers: string[], styles: Styles, left = 1): void {
  headers.forEach((h, j) => {
    const cell = ws.getCell(1, left + j);
    cell.value = h;
    cell.style = styles.header;
  });
}

function setWidths(ws: ExcelJS.Worksheet, widths: number[], left = 1): void {
  widths.forEach((w, j) => (ws.getColumn(left + j).width = w));
}

/** The summary workbook (not yet saved), in the language asked for (Japanese by default). */
export function summaryWorkbook(summary: ReviewSummary, language?: SummaryLanguage): ExcelJS.Workbook {
  const words = new SummaryWords(language);
  const say = words.say.bind(words);
  const word = words.word.bind(words);
  const digits = summary.rulebook.rateDigits ?? 1;
  const pct = rateFormat(digits);
  const formats: Partial<Record<Kind, string>> = {
    rate: pct,
    change: CHANGE,
    share: "0.00%",
    yen: YEN,
    count: "#,##0",
  };
  const book = new Workbook();
  book.creator = "Saiten";
  const styles = new Styles();

  // ---------------------------------------------------------------- 一覧
  const cols = listColumns(summary, words);
  const list = book.addWorksheet(say("sum.sheet.list"), {
    views: [{ state: "frozen", ySplit: 1, xSplit: 2 }],
  });
  headerRow(
    list,
    cols.map((c) => c.header),
    styles,
  );
  setWidths(
    list,
    cols.map((c) => c.width),
  );
  // Cells reached through their row: the sheet's getCell(row, column) works an address out and reads it
  // back for every cell (about 40% of building a 1,000-file summary).
  summary.rows.forEach((row, i) => {
    const line = list.getRow(i + 2);
    cols.forEach((c, j) => {
      const v = c.value(row);
      const cell = line.getCell(j + 1);
      if (c.kind === "text") {
        cell.style = styles.format("@");
        if (v !== undefined && v !== null) cell.value = String(v);
        return;
      }
      const n = typeof v === "number" ? v : undefined;
      cell.style = styles.format(n === undefined ? undefined : formats[c.kind]);
      if (n !== undefined) cell.value = c.kind === "rate" ? n / 100 : n;
    });
  });
  const bandCol = cols.findIndex((c) => c.role === "band");
  if (summary.sizeBandsAssumedFrom !== undefined && bandCol >= 0)
    list.getCell(1, bandCol + 1).note = say("sum.bands-assumed", {
      assumed: words.text(bandsAssumedFrom(summary.sizeBandsAssumedFrom)),
    });
  const lastCol = list.getColumn(cols.length).letter;
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  if (summary.rows.length) {
    const judge = list.getColumn(cols.findIndex((c) => c.role === "judgement") + 1).letter;
    const notMet = JSON.stringify(words.judgement("未達成"));
    list.addConditionalFormatting({
      ref: `A2:${lastCol}${summary.rows.length + 1}`,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [`$${judge}2=${notMet}`],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: SHORT_FILL } },
            font: { color: { argb: SHORT_FONT } },
          },
        },
      ],
    });
  }

  // ---------------------------------------------------------------- 確認事項
  const check = book.addWorksheet(say("sum.sheet.checks"), { views: [{ state: "frozen", ySplit: 1 }] });
  const checkHeaders = words.heads([
    "sum.col.file",
    "sum.col.name",
    "sum.col.code",
    "sum.check.type",
    "sum.check.kind",
    "sum.check.cell",
    "sum.check.target",
    "sum.check.severity",
    "sum.check.content",
    "sum.check.reported",
    "sum.check.computed",
  ]);
  headerRow(check, checkHeaders, styles);
  setWidths(check, [30, 14, 12, 10, 16, 16, 16, 8, 70, 10, 10]);
  const who = new Map(summary.rows.map((r) => [r.file, r]));
  const lines: (string | number | null | undefined)[][] = [];
  // Kinds and severities in words; their codes stay in the JSON and CSV.
  const error = word(severityWord("error"));
  for (const f of summary.failures)
    lines.push([
      f.file,
      f.name,
      f.code,
      say("sum.type.unreadable"),
      word(problemKind(f.reasonCode)),
      null,
      null,
      error,
      words.text(f.reason),
    ]);
  for (const d of summary.duplicates)
    for (const file of d.files)
      lines.push([
        file,
        who.get(file)?.name,
        who.get(file)?.code,
        say("sum.type.duplicate"),
        word(problemKind("duplicate")),
        null,
        d.key,
        word(severityWord("warning")),
        word(msg("review.same-entity", { key: d.key, n: d.files.length, files: listOf(d.files) })),
      ]);
  for (const m of summary.mismatches)
    lines.push([
      m.file,
      who.get(m.file)?.name,
      who.get(m.file)?.code,
      say("sum.type.mismatch"),
      word(problemKind("mismatch")),
      m.cell,
      m.target === "total" ? say("score.table.total") : m.target,
      error,
      words.text(m.message),
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
      say("sum.type.check"),
      word(problemKind(i.code)),
      i.cell,
      i.indicatorId,
      word(severityWord(i.severity)),
      words.text(i.message),
    ]);
  lines.forEach((line, k) => {
    const row = check.getRow(k + 2);
    line.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.style = j === 2 ? styles.format("@") : styles.plain;
      if (v !== undefined && v !== null) cell.value = j === 2 ? String(v) : v;
    });
  });
  check.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: checkHeaders.length } };

  // ---------------------------------------------------------------- 指標別
  const ind = book.addWorksheet(say("sum.sheet.indicators"), { views: [{ state: "frozen", ySplit: 1 }] });
  const indHeaders = words.heads([
    "sum.ind.id",
    "sum.ind.name",
    "sum.col.max",
    "sum.ind.achieved",
    "sum.ind.rate",
    "sum.ind.national-rate",
    "sum.col.change",
  ]);
  headerRow(ind, indHeaders, styles);
  setWidths(ind, [18, 44, 7, 8, 9, 10, 10]);
  summary.indicators.forEach((x, k) => {
    const put = cellWriter(ind.getRow(k + 2), styles);
    put(1, x.id);
    put(2, words.name(x.id, x.name));
    if (x.max !== null) put(3, x.max);
    put(4, x.achieved);
    put(5, x.rate, pct);
    if (x.nationalRate !== undefined) {
      put(6, x.nationalRate, pct);
      put(7, Math.round((x.rate - x.nationalRate) * 1000) / 10, CHANGE);
    }
  });
  ind.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: indHeaders.length } };
  const source = summary.nationalSource && say("sum.source", { source: summary.nationalSource });
  if (source) ind.getCell(1, 6).note = source;
  // The group table sits to the right, under the same frozen header row.
  const gLeft = indHeaders.length + 2;
  const gHeaders = words.heads([
    "sum.group.id",
    "sum.group.name",
    "sum.col.max",
    "sum.group.mean",
    "sum.group.median",
    "sum.group.national-mean",
    "sum.group.national-median",
    "sum.group.change",
  ]);
  headerRow(ind, gHeaders, styles, gLeft);
  if (source) ind.getCell(1, gLeft + 5).note = source;
  setWidths(ind, [16, 36, 7, 8, 8, 9, 10, 9], gLeft);
  summary.groups.forEach((g, k) => {
    const put = cellWriter(ind.getRow(k + 2), styles);
    put(gLeft, g.id);
    put(gLeft + 1, `${"　".repeat(Math.max(0, g.depth - 1))}${words.name(g.id, g.name)}`);
    if (g.max !== null) put(gLeft + 2, g.max);
    const average = (j: number, v: number | undefined) => v !== undefined && put(gLeft + j, v, MEAN_FORMAT);
    average(3, g.mean);
    average(4, g.median);
    average(5, g.nationalMean);
    average(6, g.nationalMedian);
    if (g.nationalMean !== undefined) put(gLeft + 7, g.mean - g.nationalMean, CHANGE);
  });
  return book;
}

// ---------------------------------------------------------------- 市町村×指標 (the task pane's summary)
const LOW_FILL_STYLE: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
const SCALE_LOW = "FFF8696B";
const SCALE_MID = "FFFFEB84";
const SCALE_HIGH = "FF63BE7B";

/**
 * Municipalities (rows, in the 一覧's order) × indicators (columns, points): each indicator column
 * and the rate column with a colour scale of their own (red low, green high); the municipalities
 * below the national "mean rate − 2 SD" line filled red and marked, when the line is known.
 */
export function addMatrixSheet(
  book: ExcelJS.Workbook,
  summary: ReviewSummary,
  records: readonly ReviewRecord[],
  line: NationalLine | null,
  language?: SummaryLanguage,
): ExcelJS.Worksheet {
  const words = new SummaryWords(language);
  const say = words.say.bind(words);
  const digits = summary.rulebook.rateDigits ?? 1;
  const ws = book.addWorksheet(say("sum.sheet.matrix"), {
    views: [{ state: "frozen", ySplit: 2, xSplit: 2 }],
  });
  const points = new Map(records.map((r) => [r.file, r.indicatorPoints ?? {}]));
  const fixed = words.heads([
    "sum.col.name",
    "sum.col.code",
    "sum.col.points",
    "sum.col.rate",
    "sum.matrix.below",
  ]);
  const styles = new Styles();
  headerRow(ws, [...fixed, ...summary.indicators.map((i) => words.name(i.id, i.name))], styles);
  setWidths(ws, [14, 12, 8, 9, 10, ...summary.indicators.map(() => 10)]);
  // Row 2: the maximum of each column, so a colour reads against what could be reached.
  const maxRow = ws.getRow(2);
  const italic = styles.of({ font: { italic: true } });
  maxRow.font = italic.font!; // the row's own style (set before its cells, so none is changed in place)
  const putMax = (col: number, value: ExcelJS.CellValue) => {
    const cell = maxRow.getCell(col);
    cell.value = value;
    cell.style = italic;
  };
  putMax(1, say("sum.col.max"));
  if (summary.rows[0]?.max !== undefined && summary.rows[0]?.max !== null) putMax(3, summary.rows[0].max);
  summary.indicators.forEach((ind, j) => {
    if (ind.max !== null) putMax(fixed.length + 1 + j, ind.max);
  });
  const rate = rateFormat(digits);
  const first = 3;
  summary.rows.forEach((row, k) => {
    const r = ws.getRow(first + k);
    const below = line !== null && row.total < line.points;
    // The fixed columns: filled red, all five, on a municipality below the line.
    const fixedStyle = (numFmt?: string) =>
      below ? styles.of({ ...(numFmt && { numFmt }), fill: LOW_FILL_STYLE }) : styles.format(numFmt);
    const put = (col: number, value: ExcelJS.CellValue, numFmt?: string) => {
      const cell = r.getCell(col);
      if (value !== undefined) cell.value = value;
      cell.style = fixedStyle(numFmt);
    };
    put(1, row.name);
    put(2, row.code, "@");
    put(3, row.total);
    if (row.ratePercent !== null) put(4, row.ratePercent / 100, rate);
    else if (below) put(4, undefined);
    if (below) put(5, say("sum.matrix.mark"));
    const own = points.get(row.file) ?? {};
    summary.indicators.forEach((ind, j) => {
      const v = own[ind.id];
      if (v === undefined) return;
      const cell = r.getCell(fixed.length + 1 + j);
      cell.value = v;
      cell.style = styles.plain;
    });
  });
  const last = first + summary.rows.length - 1;
  if (summary.rows.length) {
    const scale = (priority: number): ExcelJS.ConditionalFormattingRule =>
      ({
        type: "colorScale",
        priority,
        cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
        color: [{ argb: SCALE_LOW }, { argb: SCALE_MID }, { argb: SCALE_HIGH }],
      }) as ExcelJS.ConditionalFormattingRule;
    const letter = (col: number) => ws.getColumn(col).letter;
    const columns = [4, ...summary.indicators.map((_, j) => fixed.length + 1 + j)];
    columns.forEach((col, k) =>
      ws.addConditionalFormatting({
        ref: `${letter(col)}${first}:${letter(col)}${last}`,
        rules: [scale(k + 1)],
      }),
    );
  }
  if (line) {
    const said = say("sum.matrix.line", {
      points: roundHalfUp(line.points, 1),
      rate: roundHalfUp(line.ratePercent, digits).toFixed(digits),
    });
    ws.getCell(1, 5).note = line.source
      ? say("sum.matrix.line-source", { line: said, source: line.source })
      : said;
  } else {
    ws.getCell(1, 5).note = say("sum.matrix.no-line");
  }
  return ws;
}
