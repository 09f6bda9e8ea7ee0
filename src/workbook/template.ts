// The standard answer workbook: its layout (shared by the CLI and the add-in), how answers are read
// back from it, and which result cells Saiten may write. Pure: adapters do the I/O.
import { groupsInOrder } from "../engine/result-tree";
import type { Comparison } from "../engine/compare";
import type { CellInput, ScoreResult } from "../engine/types";
import { isPercentFormat, normaliseText, numberFrom } from "../engine/normalise";
import { dropFloatNoise } from "../numbers/round";
import { choiceLabel, jaText, num, withCode } from "../engine/text";
import type { Indicator, Rulebook } from "../rulebooks/schema";
import { indicatorRange } from "../rulebooks/structure";
import { walkTree } from "../rulebooks/tree";
import { type Message, msg, render } from "../messages";
import { type EntityField, entityFieldOf, normaliseCode } from "./entities";
import { cellAddress, qualified } from "../excel/a1";
import {
  cellInput,
  type Block,
  type CellData,
  type WriteBlock,
  type WriteRequest,
  type WriteValue,
} from "./port";

export const ANSWER_SHEET = "回答";
export const RESULT_SHEET = "採点結果";

export const COLUMNS = [
  { key: "id", header: "指標ID", width: 16 },
  { key: "group", header: "区分", width: 34 },
  { key: "code", header: "コード", width: 8 },
  { key: "name", header: "指標", width: 44 },
  { key: "answer", header: "回答", width: 14 },
  { key: "previousValue", header: "前年度値", width: 10 },
  { key: "points", header: "得点", width: 8 },
  { key: "max", header: "満点", width: 8 },
  { key: "previousPoints", header: "前年度得点", width: 11 },
  { key: "change", header: "差", width: 7 },
  { key: "judgement", header: "判定", width: 10 },
  { key: "explanation", header: "説明", width: 48 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]["key"];

/** Columns Saiten fills in; everything else on the answer sheet belongs to the user. */
export const OUTPUT_COLUMNS: readonly ColumnKey[] = ["points", "max", "change", "judgement", "explanation"];

export const META_LABELS = {
  rulebook: "ルールブックID",
  version: "版",
  fiscalYear: "年度",
  sizeClass: "規模区分",
  size: "被保険者数",
  entityName: "市町村名",
  entityCode: "市町村コード",
} as const;

/** Other labels forms use for who the entity is: the one list in ../workbook/entities. */
const ENTITY_META: Record<EntityField, keyof typeof META_LABELS> = {
  name: "entityName",
  code: "entityCode",
  insured: "size",
};

export const HEADER_ROW = 5;

export const RESULT_HEADERS = [
  "区分ID",
  "区分",
  "得点",
  "満点",
  "得点率",
  "前年度",
  "差",
  "傾向",
  "判定",
  "全国平均",
] as const;

export interface TemplateRow {
  id: string;
  group: string;
  code: string;
  name: string;
  kind: Indicator["kind"];
  max: number | null;
  /** Dropdown choices for the answer cell, when the kind has a fixed list. */
  choices?: string[];
  /** Note for rows that take their answer from another indicator. */
  linkedTo?: string;
  /** Whether 前年度値 is used (improvement indicators). */
  needsPreviousValue: boolean;
  unit?: string;
}

export interface TemplateSpec {
  title: string;
  rulebook: { id: string; version: string; fiscalYear: number };
  sizeClasses: string[];
  rows: TemplateRow[];
}

/** The standard template's dropdown text of an option or band: the engine's, so messages name it alike. */
export { choiceLabel };

function choicesFor(ind: Indicator): string[] | undefined {
  switch (ind.kind) {
    case "yesno":
      return ["○", "×"];
    case "choice":
      return ind.options.map((o) => choiceLabel(o.code, o.label));
    case "rankBand":
      return ["なし", ...ind.bands.map((b) => choiceLabel(b.code, b.label))];
    default:
      return undefined;
  }
}

export function buildTemplate(rb: Rulebook): TemplateSpec {
  const rows: TemplateRow[] = [];
  // The path of group names above each indicator (the root's own name is not part of it).
  const paths = new Map<string, string[]>();
  walkTree(rb, {
    group: (g, _depth, parent) =>
      void paths.set(g.id, parent ? [...paths.get(parent.id)!, withCode(g.code, jaText(g.name))] : []),
    indicator: (child, _depth, parent) => {
      const path = paths.get(parent.id)!;
      rows.push({
        id: child.id,
        group: path.join(" › "),
        code: child.code ?? "",
        name: jaText(child.name),
        kind: child.kind,
        max: indicatorRange(child).max ?? null,
        choices: child.answerFrom ? undefined : choicesFor(child),
        linkedTo: child.answerFrom,
        needsPreviousValue: child.kind === "improvement" && child.input !== "change",
        unit: "unit" in child ? child.unit : undefined,
      });
    },
  });
  return {
    title: jaText(rb.title),
    rulebook: { id: rb.id, version: rb.version, fiscalYear: rb.fiscalYear },
    // The 規模区分 list offers the classes by name; findSizeClass reads a name or an id.
    sizeClasses: (rb.sizeClasses?.classes ?? []).map((c) => jaText(c.label).replace(/[,，]/g, "、") || c.id),
    rows,
  };
}

// ---------------------------------------------------------------- reading

export interface TemplateProblem {
  cell: string;
  indicatorId?: string;
  detail: Message;
}

export interface TemplateAnswers {
  rulebookId?: string;
  version?: string;
  entityName?: string;
  entityCode?: string;
  sizeClass?: string;
  size?: number;
  answers: Record<string, CellInput>;
  previousPoints: Record<string, number>;
  previousValues: Record<string, number>;
  /** Sheet row of each indicator id. */
  rows: Map<string, number>;
  /** Sheet column of each known header. */
  columns: Partial<Record<ColumnKey, number>>;
  headerRow: number;
  problems: TemplateProblem[];
}

function text(c: CellData | undefined): string {
  if (!c || c.value === null || c.value === undefined) return "";
  return normaliseText(c.value instanceof Date ? c.value.toISOString() : String(c.value));
}

export function findHeaderRow(block: Block): number | null {
  const idHeader = normaliseText("指標ID");
  const answerHeader = normaliseText("回答");
  for (let i = 0; i < Math.min(block.cells.length, 40); i++) {
    const line = block.cells[i].map(text);
    if (line.includes(idHeader) && line.includes(answerHeader)) return block.top + i;
  }
  return null;
}

function codeText(c: CellData | undefined): string | undefined {
  if (!c || c.value === null || c.value === undefined || c.error) return undefined;
  return normaliseCode(typeof c.value === "number" ? c.value : text(c));
}

function numberOf(c: CellData | undefined): number | undefined {
  return c ? numberFrom(cellInput(c, "")) : undefined;
}

/**
 * The rulebook id the metadata rows record (ルールブックID followed by its value), found without the
 * header row, so that a form whose headers were renamed still says which rulebook it is for.
 */
export function recordedRulebookIdOf(block: Block): string | undefined {
  const label = normaliseText(META_LABELS.rulebook);
  for (const line of block.cells.slice(0, HEADER_ROW + 5)) {
    const j = indexOfText(line, label);
    if (j >= 0) return text(line[j + 1]) || undefined;
  }
  return undefined;
}

// Helpers at module level, not closures made per workbook: see XmlHandler (adapters/xlsx/xml.ts) for why.

/** Where the cell whose text is `t` stands in `line`, or -1. */
function indexOfText(line: readonly (CellData | undefined)[], t: string): number {
  for (let j = 0; j < line.length; j++) if (text(line[j]) === t) return j;
  return -1;
}

/** The cell at sheet row and column, if the block has it. */
function cellAt(block: Block, row: number, col: number): CellData | undefined {
  return block.cells[row - block.top]?.[col - block.left];
}

/** The answer sheet's column headers as read (normalised), in COLUMNS' order. */
const COLUMN_HEADERS = COLUMNS.map((k) => ({ key: k.key, text: normaliseText(k.header) }));

/** The column a header's text (normalised) names, if any. */
function columnKeyOf(t: string): ColumnKey | undefined {
  for (const k of COLUMN_HEADERS) if (k.text === t) return k.key;
  return undefined;
}

/** META_LABELS by label. */
const META_KEYS = new Map(
  (Object.keys(META_LABELS) as (keyof typeof META_LABELS)[]).map((k) => [META_LABELS[k] as string, k]),
);

/** The metadata a label names: one of META_LABELS, or another label for who the entity is. */
function metaKeyOf(label: string): keyof typeof META_LABELS | undefined {
  const key = META_KEYS.get(label);
  if (key) return key;
  const field = entityFieldOf(label);
  return field ? ENTITY_META[field] : undefined;
}

export function readTemplate(block: Block, knownIds?: ReadonlySet<string>): TemplateAnswers | null {
  const headerRow = findHeaderRow(block);
  if (headerRow === null) return null;
  const columns: Partial<Record<ColumnKey, number>> = {};
  const headerLine = block.cells[headerRow - block.top];
  for (let j = 0; j < headerLine.length; j++) {
    const t = text(headerLine[j]);
    const key = columnKeyOf(t);
    if (key && columns[key] === undefined) columns[key] = block.left + j;
  }
  const out: TemplateAnswers = {
    answers: {},
    previousPoints: {},
    previousValues: {},
    rows: new Map(),
    columns,
    headerRow,
    problems: [],
  };

  // Metadata: a label cell followed by its value, anywhere above the header.
  for (let r = block.top; r < headerRow; r++) {
    const line = block.cells[r - block.top];
    for (let j = 0; j < line.length; j++) {
      const label = text(line[j]);
      const value = line[j + 1];
      const key = metaKeyOf(label);
      if (key === "rulebook") out.rulebookId = text(value) || undefined;
      else if (key === "version") out.version = text(value) || undefined;
      else if (key === "sizeClass") out.sizeClass = text(value) || undefined;
      else if (key === "size") {
        // A size is a count of people: zero or less would pick the smallest band without a word.
        const size = numberOf(value);
        if (size !== undefined && !(size > 0)) {
          const cell = qualified(block.sheet, cellAddress(r, block.left + j + 1));
          out.problems.push({ cell, detail: msg("template.size-not-positive", { cell, value: num(size) }) });
        } else out.size = size;
      }
      // Codes keep their leading zeros: read as text, never as a number.
      else if (key === "entityName") out.entityName = text(value) || undefined;
      else if (key === "entityCode") out.entityCode = codeText(value);
    }
  }

  const idCol = columns.id!;
  const answerCol = columns.answer!;
  const bottom = block.top + block.cells.length - 1;
  for (let r = headerRow + 1; r <= bottom; r++) {
    const id = text(cellAt(block, r, idCol));
    if (!id) continue;
    // The id's cell is named only in a problem (most rows have none), so it is made there.
    if (out.rows.has(id)) {
      const cell = qualified(block.sheet, cellAddress(r, idCol));
      out.problems.push({
        cell,
        detail: msg("template.id-twice", { cell, id, first: out.rows.get(id)!, second: r }),
      });
      continue;
    }
    if (knownIds && !knownIds.has(id)) {
      const cell = qualified(block.sheet, cellAddress(r, idCol));
      out.problems.push({ cell, detail: msg("template.id-unknown", { cell, id }) });
      continue;
    }
    out.rows.set(id, r);
    const answer = cellAt(block, r, answerCol);
    const answerCell = qualified(block.sheet, cellAddress(r, answerCol));
    if (answer?.mergedInto) {
      // Only the top-left cell of a merge holds an answer: this indicator has none of its own.
      out.problems.push({
        cell: answerCell,
        indicatorId: id,
        detail: msg("template.answer-merged", { cell: answerCell, id, master: answer.mergedInto }),
      });
      continue;
    }
    if (answer) out.answers[id] = cellInput(answer, answerCell);
    if (columns.previousPoints !== undefined) {
      const p = numberOf(cellAt(block, r, columns.previousPoints));
      if (p !== undefined) out.previousPoints[id] = p;
    }
    if (columns.previousValue !== undefined) {
      const v = cellAt(block, r, columns.previousValue);
      const n = numberOf(v);
      if (n !== undefined) out.previousValues[id] = isPercentFormat(v?.numFmt) ? dropFloatNoise(n * 100) : n;
    }
  }
  return out;
}

/** A cell a workbook reports a figure in, as read. */
export interface ReportedCellRead {
  cell: string;
  data: CellData | undefined;
}

/** The points the answer sheet's 得点 column reports per indicator (the template's own block). */
export function reportedPoints(block: Block, read: TemplateAnswers): Map<string, ReportedCellRead> | undefined {
  const col = read.columns.points;
  if (col === undefined) return undefined;
  const out = new Map<string, ReportedCellRead>();
  for (const [id, row] of read.rows)
    out.set(id, { cell: qualified(block.sheet, cellAddress(row, col)), data: cellAt(block, row, col) });
  return out;
}

/** The group points a 採点結果 table reports, by group id, found by its headers (区分ID, 得点). */
export function reportedGroups(block: Block): Map<string, ReportedCellRead> | undefined {
  const header = block.cells[1 - block.top] ?? [];
  const idAt = indexOfText(header, normaliseText("区分ID" satisfies (typeof RESULT_HEADERS)[number]));
  const pointsAt = indexOfText(header, normaliseText("得点" satisfies (typeof RESULT_HEADERS)[number]));
  if (idAt < 0 || pointsAt < 0) return undefined;
  const out = new Map<string, ReportedCellRead>();
  for (let i = 0; i < block.cells.length; i++) {
    const line = block.cells[i];
    const row = block.top + i;
    if (row <= 1 || !line) continue;
    const id = text(line[idAt]);
    if (!id || out.has(id)) continue;
    out.set(id, { cell: qualified(block.sheet, cellAddress(row, block.left + pointsAt)), data: line[pointsAt] });
  }
  return out;
}

// ---------------------------------------------------------------- writing results

export interface OutputConflict {
  cell: string;
  /** A formula is never overwritten; nor is a value Saiten did not write. */
  reason: "formula" | "not-ours";
  /** Japanese, as the result JSON documents it; shells say conflictReason(reason) in their language. */
  message: string;
}

/** Why a result cell was left alone. */
export function conflictReason(reason: OutputConflict["reason"]): Message {
  return msg(reason === "formula" ? "run.conflict.formula" : "run.conflict.not-ours");
}

export function outputConflict(cell: string, reason: OutputConflict["reason"]): OutputConflict {
  return { cell, reason, message: render(conflictReason(reason), "ja") };
}

/** The answer-sheet result columns as write blocks; formula cells are left alone and reported. */
export function answerSheetWrites(
  block: Block,
  read: TemplateAnswers,
  result: ScoreResult,
  comparison?: Comparison,
  /** Fill 前年度得点 where it is empty (previous points came from elsewhere). */
  fillPreviousPoints = false,
): { writes: WriteBlock[]; conflicts: OutputConflict[] } {
  const keys: ColumnKey[] = [
    ...OUTPUT_COLUMNS,
    ...(fillPreviousPoints ? (["previousPoints"] as ColumnKey[]) : []),
  ];
  const cols = keys.map((k) => read.columns[k]).filter((c): c is number => c !== undefined);
  if (!cols.length || !read.rows.size) return { writes: [], conflicts: [] };
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  const rowNums = [...read.rows.values()];
  const top = Math.min(...rowNums);
  const bottom = Math.max(...rowNums);
  const values: WriteValue[][] = Array.from({ length: bottom - top + 1 }, () =>
    new Array(right - left + 1).fill(null),
  );
  const conflicts: OutputConflict[] = [];
  const byId = new Map(result.indicators.map((i) => [i.id, i]));
  const changes = new Map((comparison?.indicators ?? []).map((c) => [c.id, c]));
  const put = (row: number, key: ColumnKey, value: WriteValue, onlyIfEmpty = false) => {
    const col = read.columns[key];
    if (col === undefined) return;
    const existing = cellAt(block, row, col);
    if (existing?.formula !== undefined) {
      conflicts.push(outputConflict(qualified(block.sheet, cellAddress(row, col)), "formula"));
      return;
    }
    if (onlyIfEmpty && existing && existing.value !== null && existing.value !== "") return;
    values[row - top][col - left] = value;
  };

  for (const [id, row] of read.rows) {
    const r = byId.get(id);
    if (!r) continue;
    put(row, "points", r.points);
    put(row, "max", r.max);
    put(row, "explanation", r.explanation.ja);
    const ch = changes.get(id);
    if (fillPreviousPoints && ch?.previousPoints != null) put(row, "previousPoints", ch.previousPoints, true);
    put(row, "change", ch?.change ?? "");
    put(
      row,
      "judgement",
      ch
        ? ch.change === null
          ? ch.trend
          : `${ch.trend} ${ch.change < 0 ? "減点" : ch.change > 0 ? "加点" : "同点"}`
        : "",
    );
  }
  return { writes: [{ sheet: block.sheet, top, left, values }], conflicts };
}

const flatGroups = (result: ScoreResult) => groupsInOrder(result).map(({ group, depth }) => ({ g: group, depth }));

/** The 採点結果 table: one row per group (total first). `existing` is the sheet's current used range. */
export function resultSheetWrites(
  result: ScoreResult,
  comparison: Comparison | undefined,
  existing: Block | undefined,
  sheet = RESULT_SHEET,
): { writes: WriteBlock[]; conflicts: OutputConflict[]; chartRange: string } {
  const lines = new Map((comparison?.groups ?? []).map((l) => [l.id, l]));
  const rows: WriteValue[][] = [[...RESULT_HEADERS]];
  const fmts: (string | null)[][] = [RESULT_HEADERS.map(() => null)];
  const pct = (p: number | null) => (p === null ? "" : p / 100);
  const pctFmt = `0.${"0".repeat(result.rateDigits)}%`;
  const line = (
    id: string,
    name: string,
    points: number,
    max: number | null,
    ratePct: number | null,
    mean: number | undefined,
    cmp?: Comparison["total"],
  ) => {
    rows.push([
      id,
      name,
      points,
      max ?? "",
      pct(ratePct),
      cmp?.previous ? (cmp.basis === "points" ? cmp.previous.points : pct(cmp.previous.ratePercent)) : "",
      cmp
        ? cmp.basis === "points"
          ? (cmp.changePoints ?? "")
          : cmp.changeRate === null
            ? ""
            : cmp.changeRate / 100
        : "",
      cmp?.trend ?? "―",
      cmp?.judgement ?? "",
      mean ?? "",
    ]);
    const isRate = cmp?.basis === "rate";
    fmts.push([
      null,
      null,
      null,
      null,
      pctFmt,
      isRate ? pctFmt : null,
      isRate ? pctFmt : null,
      null,
      null,
      "0.0",
    ]);
  };
  line(
    result.total.id,
    "合計",
    result.total.points,
    result.total.max,
    result.total.ratePercent,
    result.total.benchmark?.mean,
    comparison?.total,
  );
  for (const { g, depth } of flatGroups(result)) {
    const name = `${"　".repeat(depth - 1)}${withCode(g.code, g.name.ja)}`;
    line(g.id, name, g.points, g.max, g.ratePercent, g.benchmark?.mean, lines.get(g.id));
  }
  // Clear what an earlier, longer table left behind.
  const width = RESULT_HEADERS.length;
  const oldRows = existing ? existing.top + existing.cells.length - 1 : 0;
  const oldCols = existing ? existing.left + (existing.cells[0]?.length ?? 0) - 1 : 0;
  const height = Math.max(rows.length, oldRows);
  const fullWidth = Math.max(width, oldCols);
  const values: WriteValue[][] = [];
  const numFmts: (string | null)[][] = [];
  const conflicts: OutputConflict[] = [];
  for (let i = 0; i < height; i++) {
    const v: WriteValue[] = [];
    const f: (string | null)[] = [];
    for (let j = 0; j < fullWidth; j++) {
      const cell = existing && cellAt(existing, i + 1, j + 1);
      const want = rows[i]?.[j] ?? (cell && cell.value !== null ? "" : null);
      if (cell?.formula !== undefined && want !== null) {
        conflicts.push(outputConflict(qualified(sheet, cellAddress(i + 1, j + 1)), "formula"));
        v.push(null);
      } else v.push(want);
      f.push(fmts[i]?.[j] ?? null);
    }
    values.push(v);
    numFmts.push(f);
  }
  const chart = chartTableWrite(result, comparison, sheet, pctFmt, pct);
  return {
    writes: [{ sheet, top: 1, left: 1, values, numFmts }, chart.write],
    conflicts,
    chartRange: chart.range,
  };
}

/** Rows 1–3 of the answer sheet: the title, then each metadata label followed by its value (null: the user fills it). */
export function templateHead(spec: TemplateSpec): WriteValue[][] {
  return [
    [`採点 Saiten 回答シート：${spec.title}`],
    [
      META_LABELS.rulebook,
      spec.rulebook.id,
      META_LABELS.version,
      spec.rulebook.version,
      META_LABELS.fiscalYear,
      spec.rulebook.fiscalYear,
    ],
    [
      META_LABELS.sizeClass,
      null,
      META_LABELS.size,
      null,
      META_LABELS.entityName,
      null,
      META_LABELS.entityCode,
      null,
    ],
  ];
}

/** Row 4 of the answer sheet. */
export const TEMPLATE_INSTRUCTION =
  "黄色の「回答」列に入力してください（○/×、ア・イ…、数値）。灰色の列は採点で書き込まれます。";

/** The template as port writes, for workbooks the add-in fills in place (values, formats, dropdowns). */
export function templateWrites(rb: Rulebook, existingSheets: readonly string[]): WriteRequest {
  const spec = buildTemplate(rb);
  const width = COLUMNS.length;
  const pad = (line: WriteValue[]): WriteValue[] => [
    ...line,
    ...new Array(Math.max(0, width - line.length)).fill(""),
  ];
  const values: WriteValue[][] = [
    // Here null would leave the cell as it was: the value cells are written empty.
    ...templateHead(spec).map((line) => pad(line.map((v) => v ?? ""))),
    pad([TEMPLATE_INSTRUCTION]),
    COLUMNS.map((c) => c.header),
  ];
  const col = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key);
  const validations: { ref: string; list: string[] }[] = [];
  spec.rows.forEach((row, i) => {
    const line: WriteValue[] = new Array(width).fill("");
    line[col("id")] = row.id;
    line[col("group")] = row.group;
    line[col("code")] = row.code;
    line[col("name")] = row.name;
    line[col("max")] = row.max;
    if (row.linkedTo) line[col("explanation")] = `${row.linkedTo} の回答を使います`;
    values.push(line);
    if (row.choices && !row.linkedTo && row.choices.join(",").length <= 250) {
      validations.push({
        ref: qualified(ANSWER_SHEET, cellAddress(HEADER_ROW + 1 + i, col("answer") + 1)),
        list: row.choices,
      });
    }
  });
  const addSheets = [ANSWER_SHEET, RESULT_SHEET]
    .filter((s) => !existingSheets.includes(s))
    .map((name) => ({ name }));
  return {
    addSheets,
    blocks: [
      { sheet: ANSWER_SHEET, top: 1, left: 1, values },
      { sheet: RESULT_SHEET, top: 1, left: 1, values: [[...RESULT_HEADERS]] },
    ],
    validations,
  };
}

/** Column of the small table the native chart of group rates (this year vs last year) is drawn from. */
export const CHART_TABLE_COLUMN = RESULT_HEADERS.length + 2;
export const CHART_NAME = "saiten_rates";

function chartTableWrite(
  result: ScoreResult,
  comparison: Comparison | undefined,
  sheet: string,
  pctFmt: string,
  pct: (p: number | null) => number | "",
): { write: WriteBlock; range: string } {
  const lines = new Map((comparison?.groups ?? []).map((l) => [l.id, l]));
  const values: WriteValue[][] = [["区分", "今年度", "前年度"]];
  const numFmts: (string | null)[][] = [[null, null, null]];
  // Grants and goals: the levels a chart can show legibly.
  for (const g of result.groups) {
    for (const x of [g, ...g.children]) {
      values.push([
        withCode(x.code, x.name.ja),
        pct(x.ratePercent),
        pct(lines.get(x.id)?.previous?.ratePercent ?? null),
      ]);
      numFmts.push([null, pctFmt, pctFmt]);
    }
  }
  const left = CHART_TABLE_COLUMN;
  const range = qualified(sheet, `${cellAddress(1, left)}:${cellAddress(values.length, left + 2)}`);
  return { write: { sheet, top: 1, left, values, numFmts }, range };
}
