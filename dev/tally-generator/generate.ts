// Generator of MHLW 全国集計（市町村） workbooks for the long-term-care grants, faithful to
// ../shared/reference/national-tally-layout.md §1.1, so the tally reader can be tested without the
// real file: merged hierarchy rows 2–8, stats rows 9–17, data from row 19, the ID block, the
// duplicated 目標Ⅳ block, 広域連合 rows with their members below, the 規模区分 column from FY2025,
// and a wide band of formatting-only columns.
//
// Choices where the reference is silent (documented so the reader's tests know what to expect):
// - ID block (1-based): A 通し番号, B 都道府県番号, D 保険者番号 (text), G 都道府県名, H 市町村名,
//   I 人口, J 第1号被保険者数, L 過疎地域 (「○」), M 前年度合計, N 前年度順位; FY2025+ insert O 規模区分,
//   so every score column moves one to the right. Row 18 holds the ID headers; the stats labels sit
//   in column H (0-based 7), rows 9–17.
// - Total columns carry their label in the header row of their level and nothing below: 「Ⅰ（ⅰ） 計」
//   in row 4, 「Ⅰ合計」 in row 3, 「推進合計」/「支援合計」/「推進・支援合計」 in row 2; so forward-filling
//   row 3 carries 「Ⅳ合計」 into the 推進合計 column, as the reference warns.
// - The 支援 copy of 目標Ⅳ has an empty row 2 (the grant name is not repeated).
// - 項目平均 = mean over the municipalities scoring the column (全国合計 ÷ 該当市町村数, 0 if none);
//   標準偏差 is the population SD; 平均得点率 = 平均点 ÷ 配点. 項目平均, 該当市町村数 and 該当率 are
//   blank for total columns. Stats cover scored rows only (not 広域連合 rows).
// - 広域連合 rows: no 通し番号, no scores, no rank; population and insured are their members' sums.
import ExcelJS from "exceljs";
import type { Rulebook } from "../../src/rulebooks/schema";
import { competitionRanks, sizeBandOf } from "./demo";
import type { TallyEntity, TallyUnion } from "./entities";

export type { TallyEntity, TallyUnion } from "./entities";
import { ScoreColumn, scoreColumns, TallyLayout, tallyLayout } from "./columns";

export { demoEntities, demoUnions } from "./demo";
export { tallyLayout } from "./columns";
export type { ScoreColumn, TallyLayout } from "./columns";

export interface GenerateTallyOptions {
  rulebook: Rulebook;
  fiscalYear: 2024 | 2025 | 2026;
  municipalities: TallyEntity[];
  unions?: TallyUnion[];
  /** Columns after the data that carry formatting only (default 1200). */
  extraFormattedColumns?: number;
}

export const TALLY_SHEET_NAME = "全国集計（市町村）";
export const STATS_LABELS = [
  "配点",
  "全国合計",
  "平均点",
  "項目平均",
  "平均得点率",
  "中央値",
  "標準偏差",
  "該当市町村数",
  "該当率",
] as const;
export const STATS_FIRST_ROW = 9;
export const HEADER_ROW = 18;
export const FIRST_DATA_ROW = 19;
/** 1-based column of the stats labels (市町村名 column). */
export const STATS_LABEL_COLUMN = 8;

/** 1-based ID columns. */
export const ID_COLUMNS = {
  serial: 1,
  prefCode: 2,
  code: 4,
  pref: 7,
  name: 8,
  population: 9,
  insured: 10,
  depopulated: 12,
  previousTotal: 13,
  previousRank: 14,
} as const;
const ID_HEADERS: [number, string][] = [
  [ID_COLUMNS.serial, "通し番号"],
  [ID_COLUMNS.prefCode, "都道府県番号"],
  [ID_COLUMNS.code, "保険者番号"],
  [ID_COLUMNS.pref, "都道府県名"],
  [ID_COLUMNS.name, "市町村名"],
  [ID_COLUMNS.population, "人口"],
  [ID_COLUMNS.insured, "第1号被保険者数"],
  [ID_COLUMNS.depopulated, "過疎地域"],
  [ID_COLUMNS.previousTotal, "前年度合計"],
  [ID_COLUMNS.previousRank, "前年度順位"],
];

/** 1-based column of the 規模区分 (FY2025+), or undefined. */
export function sizeBandColumn(fiscalYear: number): number | undefined {
  return fiscalYear >= 2025 ? 15 : undefined;
}

/** 1-based column of the first score column. */
export function firstScoreColumn(fiscalYear: number): number {
  return fiscalYear >= 2025 ? 16 : 15;
}

export interface TallyColumnStats {
  /** Sub-item id (items) or group id (totals). */
  id: string;
  kind: "item" | "total";
  /** Total label (「Ⅰ合計」 …) or the sub-item id. */
  label: string;
  points: number;
  sum: number;
  mean: number;
  /** Items only: mean over scoring municipalities. */
  itemMean: number | null;
  meanRate: number;
  median: number;
  sd: number;
  /** Items only: municipalities with a non-zero score. */
  hitCount: number | null;
  hitRate: number | null;
}

export interface TallyStats {
  layout: TallyLayout;
  columns: TallyColumnStats[];
  /** Per entity (input order): every score column's points. */
  scores: number[][];
  /** Per entity: this year's overall total and its standard competition rank. */
  totals: number[];
  ranks: number[];
}

/** What the stats rows must contain, computed over the given (scored) entities. */
export function computeTallyStats(
  rulebook: Rulebook,
  entities: TallyEntity[],
  layout = tallyLayout(rulebook),
): TallyStats {
  const scores = entities.map((e) => scoreColumns(rulebook, layout, e.points));
  const n = entities.length;
  const columns = layout.columns.map((col, c): TallyColumnStats => {
    const vals = scores.map((s) => s[c]);
    const sum = vals.reduce((s, v) => s + v, 0);
    const mean = n ? sum / n : 0;
    const sorted = [...vals].sort((a, b) => a - b);
    const median = n === 0 ? 0 : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    const sd = n ? Math.sqrt(vals.reduce((s, v) => s + (v - mean) ** 2, 0) / n) : 0;
    const hits = vals.filter((v) => v !== 0).length;
    const item = col.kind === "item";
    return {
      id: col.id,
      kind: col.kind,
      label: col.kind === "total" ? col.label : col.id,
      points: col.points,
      sum,
      mean,
      itemMean: item ? (hits ? sum / hits : 0) : null,
      meanRate: col.points ? mean / col.points : 0,
      median,
      sd,
      hitCount: item ? hits : null,
      hitRate: item ? (n ? hits / n : 0) : null,
    };
  });
  const totals = scores.map((s) => s[s.length - 1]);
  return { layout, columns, scores, totals, ranks: competitionRanks(totals) };
}

function statsValues(s: TallyColumnStats): (number | null)[] {
  return [s.points, s.sum, s.mean, s.itemMean, s.meanRate, s.median, s.sd, s.hitCount, s.hitRate];
}

const reiwa = (fy: number) => fy - 2018;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };

/** Builds the workbook. Municipalities keep their order; each union row goes where its first member was, members below. */
export function generateTally(options: GenerateTallyOptions): ExcelJS.Workbook {
  const { rulebook, fiscalYear, municipalities } = options;
  const unions = options.unions ?? [];
  const extra = options.extraFormattedColumns ?? 1200;
  const layout = tallyLayout(rulebook);
  const stats = computeTallyStats(rulebook, municipalities, layout);
  const first = firstScoreColumn(fiscalYear);
  const rankCol = first + layout.columns.length;
  const lastCol = rankCol;
  const bandCol = sizeBandColumn(fiscalYear);

  const wb = new ExcelJS.Workbook();
  wb.creator = "saiten (generated national tally)";
  const ws = wb.addWorksheet(TALLY_SHEET_NAME, {
    views: [{ state: "frozen", xSplit: first - 1, ySplit: HEADER_ROW }],
  });

  ws.getCell(1, 1).value =
    `令和${reiwa(fiscalYear)}年度 保険者機能強化推進交付金・介護保険保険者努力支援交付金 評価指標に係る該当状況調査票集計表（市町村分）`;

  // Hierarchy rows 2–8.
  for (const sp of layout.spans) {
    const c1 = first + sp.first;
    const c2 = first + sp.last;
    ws.getCell(sp.row, c1).value = sp.text;
    if (c2 > c1) ws.mergeCells(sp.row, c1, sp.row, c2);
  }
  layout.columns.forEach((col, i) => {
    if (col.kind === "total") ws.getCell(col.labelRow, first + i).value = col.label;
  });
  ws.getCell(2, rankCol).value = "順位";
  ws.getCell(2, ID_COLUMNS.previousTotal).value = `令和${reiwa(fiscalYear) - 1}年度 合計`;
  ws.getCell(2, ID_COLUMNS.previousRank).value = `令和${reiwa(fiscalYear) - 1}年度 順位`;

  // Stats rows 9–17.
  STATS_LABELS.forEach((label, k) => {
    ws.getCell(STATS_FIRST_ROW + k, STATS_LABEL_COLUMN).value = label;
  });
  stats.columns.forEach((s, i) => {
    statsValues(s).forEach((v, k) => {
      if (v !== null) ws.getCell(STATS_FIRST_ROW + k, first + i).value = v;
    });
  });

  // Row 18: ID headers.
  for (const [c, text] of ID_HEADERS) ws.getCell(HEADER_ROW, c).value = text;
  if (bandCol) ws.getCell(HEADER_ROW, bandCol).value = "規模区分";
  ws.getCell(HEADER_ROW, rankCol).value = "順位";
  ws.getColumn(ID_COLUMNS.code).numFmt = "@";

  // Data rows.
  const index = new Map(municipalities.map((m, i) => [m.code, i]));
  const unionOf = new Map<number, TallyUnion>();
  const memberOf = new Set<number>();
  for (const u of unions) {
    const members = u.members.map((c) => index.get(c)).filter((i): i is number => i !== undefined);
    if (!members.length) continue;
    unionOf.set(Math.min(...members), u);
    members.forEach((i) => memberOf.add(i));
  }
  let r = FIRST_DATA_ROW;
  const writeEntity = (i: number) => {
    const m = municipalities[i];
    const values: ExcelJS.CellValue[] = [];
    values[ID_COLUMNS.serial] = m.serial;
    values[ID_COLUMNS.prefCode] = m.prefCode;
    values[ID_COLUMNS.code] = m.code;
    values[ID_COLUMNS.pref] = m.pref;
    values[ID_COLUMNS.name] = m.name;
    values[ID_COLUMNS.population] = m.population;
    values[ID_COLUMNS.insured] = m.insured;
    if (m.depopulated) values[ID_COLUMNS.depopulated] = "○";
    if (m.previousTotal !== undefined) values[ID_COLUMNS.previousTotal] = m.previousTotal;
    if (m.previousRank !== undefined) values[ID_COLUMNS.previousRank] = m.previousRank;
    if (bandCol) values[bandCol] = m.sizeBand ?? sizeBandOf(rulebook, m.insured) ?? null;
    const s = stats.scores[i];
    for (let c = 0; c < s.length; c++) values[first + c] = s[c];
    values[rankCol] = stats.ranks[i];
    ws.getRow(r++).values = values;
  };
  const writeUnion = (u: TallyUnion) => {
    const members = u.members.map((c) => index.get(c)).filter((i): i is number => i !== undefined);
    const head = municipalities[members[0]];
    const values: ExcelJS.CellValue[] = [];
    values[ID_COLUMNS.prefCode] = head.prefCode;
    values[ID_COLUMNS.code] = u.code;
    values[ID_COLUMNS.pref] = head.pref;
    values[ID_COLUMNS.name] = u.name;
    values[ID_COLUMNS.population] = members.reduce((s, i) => s + municipalities[i].population, 0);
    values[ID_COLUMNS.insured] = members.reduce((s, i) => s + municipalities[i].insured, 0);
    ws.getRow(r++).values = values;
    for (const i of members) writeEntity(i);
  };
  municipalities.forEach((_, i) => {
    const u = unionOf.get(i);
    if (u) writeUnion(u);
    else if (!memberOf.has(i)) writeEntity(i);
  });
  const lastRow = r - 1;

  // Formatting: header block and the formatting-only band to the right.
  for (let row = 2; row <= HEADER_ROW; row++) {
    for (let c = first; c <= lastCol; c++) {
      const cell = ws.getCell(row, c);
      cell.border = THIN;
      if (row <= 8) cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    }
  }
  const formatRows = [1, ...Array.from({ length: HEADER_ROW - 1 }, (_, k) => k + 2), lastRow];
  for (const row of formatRows) {
    for (let c = lastCol + 1; c <= lastCol + extra; c++) {
      const cell = ws.getCell(row, c);
      cell.border = THIN;
      cell.fill = GREY;
    }
  }
  return wb;
}

/** The generated workbook as .xlsx bytes. */
export async function tallyBuffer(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf: unknown = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}

/** The item column of a sub-item id, with its 1-based sheet column, for tests and tools. */
export function columnOf(
  layout: TallyLayout,
  fiscalYear: number,
  id: string,
  kind: ScoreColumn["kind"] = "item",
): { column: number; spec: ScoreColumn } | undefined {
  const i = layout.columns.findIndex((c) => c.id === id && c.kind === kind);
  return i < 0 ? undefined : { column: firstScoreColumn(fiscalYear) + i, spec: layout.columns[i] };
}

