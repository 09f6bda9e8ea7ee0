// The national tally reader (全国集計, MHLW's 市町村 workbook for the long-term-care grants). Columns are
// mapped by header text, never by position: the merged hierarchy rows 2–8 are forward-filled to the
// right (a higher level that changes clears the lower ones), item columns carry a numeric 配点 and a
// 枝, total columns a 配点 and no 枝, the stats rows and the ID columns are found by their labels. Every
// column that resolves to nothing, every rulebook sub-item no column carries and every disagreement
// (配点 against the rulebook, items against subtotals) is reported with its cell, never guessed.
import { listOf, type Message, msg, UserError } from "../messages";
import { say } from "./say";
import { entityFieldOf, normaliseCode } from "../workbook/entities";
import { parseNumber } from "../engine/normalise";
import { cellInput } from "../workbook/port";
import { rank } from "../engine/rank";
import { resolveSizeClass } from "../engine/score";
import type { Rulebook } from "../rulebooks/schema";
import { columnLetters, MAX_COLUMN } from "../excel/a1";
import type { CellData, WorkbookPort } from "../workbook/port";
import { readWorkbook } from "../adapters/read-workbook";
import { TALLY_LIMITS } from "../files/limits";
import { computeBenchmarks, lowScoreLine } from "./benchmarks";
import {
  branchOf,
  goalOf,
  GRANT_S,
  type Grant,
  norm,
  numberOf,
  SubItemIndex,
  subItemIndex,
  setOf,
  totalLabel,
  twigOf,
} from "./match";
import { groupPoints } from "./points";
import type { ColumnStats, TallyColumn, TallyMunicipality, TallyProblem, TallyRead } from "./types";

export interface ReadTallyOptions {
  rulebook: Rulebook;
  /** Expected fiscal year; a title naming another year is reported. */
  fiscalYear?: number;
  /** Sheet to read (default: 「全国集計（市町村）」, else the first sheet). */
  sheet?: string;
  /** Told the number of data rows read so far, after each chunk (a pane shows it while it waits). */
  onRows?: (rows: number) => void;
}

/** The tally error that makes the input unusable (no header, no total column, no rows). */
export class TallyError extends UserError {
  constructor(detail: Message) {
    super(detail);
    this.name = "TallyError";
  }
}

export const TALLY_SHEET = "全国集計（市町村）";

const STATS_LABELS: Record<string, keyof ColumnStats> = {
  配点: "points",
  全国合計: "sum",
  平均点: "mean",
  平均: "mean",
  項目平均: "itemMean",
  平均得点率: "meanRate",
  平均率: "meanRate",
  中央値: "median",
  中位: "median",
  中位数: "median",
  標準偏差: "sd",
  該当市町村数: "hitCount",
  該当数: "hitCount",
  該当率: "hitRate",
};

type IdField = "serial" | "prefCode" | "code" | "pref" | "name" | "population" | "insured" | "sizeBand";
// Who a row is (code, name, insured) by the one list of entity labels; the tally's other columns here.
const ID_LABELS: [IdField, RegExp][] = [
  ["serial", /通し番号|^No\.?$|^番号$/i],
  ["prefCode", /都道府県(番号|コード)/],
  ["pref", /^都道府県名?$/],
  ["population", /^総?人口/],
  ["sizeBand", /規模区分/],
];

function idFieldOf(header: string): IdField | undefined {
  return ID_LABELS.find(([, re]) => re.test(header))?.[0] ?? entityFieldOf(header, true);
}

const HEADER_SCAN_ROWS = 20;

function text(c: CellData | undefined): string {
  if (!c || c.value === null || c.value === undefined) return "";
  if (c.value instanceof Date) return c.value.toISOString();
  return String(c.value).trim();
}

/** A number by the engine's one parser (full-width digits, commas, ▲), or null. */
function num(c: CellData | undefined): number | null {
  if (!c) return null;
  const r = parseNumber(cellInput(c, ""));
  return r.s === "ok" ? r.v : null;
}

const isBlank = (c: CellData | undefined) =>
  !c || (c.error === undefined && (c.value === null || (typeof c.value === "string" && c.value.trim() === "")));

/** Fiscal year from a title: 令和6年度 → 2024, 2024年度 → 2024. */
export function yearFromTitle(title: string): number | null {
  const t = norm(title);
  const r = /令和(元|\d{1,2})年度/.exec(t);
  if (r) return 2018 + (r[1] === "元" ? 1 : Number(r[1]));
  const w = /(20\d\d)年度/.exec(t);
  return w ? Number(w[1]) : null;
}

/** The tally sheet's header block (rows 1–20) and its title, read once; parseTally reads the rest. */
export interface TallySheet {
  port: WorkbookPort;
  /** Quoted sheet name for ranges. */
  q: string;
  name: string;
  head: CellData[][];
  title: string;
}

/** The tally sheet of an open workbook: the one named, 「全国集計（市町村）」, a 全国集計 of 市町村,
 *  or the first. */
export async function tallySheetOf(port: WorkbookPort, sheet?: string): Promise<TallySheet> {
  const info = await port.read({});
  const name =
    sheet ??
    info.sheets.find((s) => s.name === TALLY_SHEET)?.name ??
    info.sheets.find((s) => /全国集計/.test(s.name) && /市町村/.test(s.name))?.name ??
    info.sheets[0]?.name;
  if (!name) throw new TallyError(msg("tally.no-sheet"));
  const q = `'${name.replace(/'/g, "''")}'`;

  // Header block: rows 1–20, as wide as its content (doubling until the right edge is blank).
  let width = 512;
  let head: CellData[][] = [];
  for (;;) {
    const r = await port.read({ ranges: [`${q}!A1:${columnLetters(width)}${HEADER_SCAN_ROWS}`] });
    const block = r.ranges[0].block;
    if (!block) throw new TallyError(msg("tally.sheet-unreadable", { sheet: name }));
    head = block.cells;
    const lastUsed = lastNonEmptyCol(head);
    if (lastUsed < width - 8 || width >= MAX_COLUMN) break;
    width = Math.min(MAX_COLUMN, width * 2);
  }
  const title = head[0]?.map(text).find((t) => t !== "") ?? "";
  return { port, q, name, head, title };
}

/** A tally workbook's bytes read with the given rulebook: the fast reader, or ExcelJS where it leaves
 *  the book to it. */
export async function readTally(data: Uint8Array, file: string, options: ReadTallyOptions): Promise<TallyRead> {
  const readPort = async (port: WorkbookPort) => parseTally(await tallySheetOf(port, options.sheet), options);
  return readWorkbook(data, file, TALLY_LIMITS, readPort);
}

function lastNonEmptyCol(rows: CellData[][]): number {
  let last = 0;
  for (const row of rows)
    for (let c = row.length - 1; c >= last; c--)
      if (text(row[c]) !== "") {
        last = c + 1;
        break;
      }
  return last;
}

/** The sheet read with a rulebook: its columns resolved, its rows, statistics and problems. */
export async function parseTally(tally: TallySheet, options: ReadTallyOptions): Promise<TallyRead> {
  const { port, q, name: sheet, head, title } = tally;
  const idx = subItemIndex(options.rulebook);
  const problems: TallyProblem[] = [];
  const cellRef = (row: number, col: number) => `${sheet}!${columnLetters(col)}${row}`;
  const at = (row: number, col: number): CellData | undefined => head[row - 1]?.[col - 1];
  const width = lastNonEmptyCol(head);

  const titleYear = yearFromTitle(title);
  const fiscalYear = titleYear ?? options.fiscalYear ?? null;
  if (options.fiscalYear !== undefined && titleYear !== null && titleYear !== options.fiscalYear)
    problems.push({
      code: "missing_header",
      severity: "warning",
      cell: cellRef(1, 1),
      ...say(msg("tally.p.title-year", { title: titleYear, given: options.fiscalYear })),
    });

  // Stats rows by label, anywhere in rows 1–20.
  const statsRows: Partial<Record<keyof ColumnStats, number>> = {};
  const statsCells = new Set<string>();
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, head.length); r++)
    for (let c = 1; c <= width; c++) {
      const key = STATS_LABELS[norm(text(at(r, c)))];
      if (key && statsRows[key] === undefined) {
        statsRows[key] = r;
        statsCells.add(`${r}:${c}`);
      } else if (key && statsRows[key] === r) statsCells.add(`${r}:${c}`);
    }
  const pointsRow = statsRows.points;
  if (pointsRow === undefined)
    throw new TallyError(msg("tally.no-points-row"));
  const hierarchyBottom = Math.min(8, pointsRow - 1);

  // ID columns by label.
  const idCols: Partial<Record<IdField, number>> = {};
  let idHeaderRow = 0;
  for (let r = 2; r <= Math.min(HEADER_SCAN_ROWS, head.length); r++)
    for (let c = 1; c <= width; c++) {
      const raw = at(r, c);
      if (typeof raw?.value !== "string" || statsCells.has(`${r}:${c}`)) continue;
      const t = norm(raw.value);
      const field = idFieldOf(t);
      if (field && idCols[field] === undefined) {
        idCols[field] = c;
        idHeaderRow = Math.max(idHeaderRow, r);
      }
    }
  const lastStatsRow = Math.max(...Object.values(statsRows));
  const dataStartRow = Math.max(lastStatsRow, idHeaderRow) + 1;
  for (const f of ["code", "name"] as IdField[])
    if (idCols[f] === undefined)
      problems.push({
        code: "missing_header",
        severity: "error",
        ...say(msg(f === "code" ? "tally.p.no-code-column" : "tally.p.no-name-column")),
      });
  if (idCols.code === undefined && idCols.name === undefined)
    throw new TallyError(msg("tally.no-id-columns"));

  // Forward-fill the hierarchy rows; a raw value at a level clears every lower level.
  const levels = hierarchyBottom - 1; // rows 2..hierarchyBottom
  const cur: string[] = new Array(levels).fill("");
  const filled: string[][] = [];
  const rawHeads: string[][] = [];
  let supportSeen = false;
  let ivCount = 0;
  let prevGoal: string | null = null;
  const grantAt: Grant[] = [];
  const ivAt: number[] = [];
  for (let c = 1; c <= width; c++) {
    const raw: string[] = [];
    for (let l = 0; l < levels; l++) raw.push(text(at(l + 2, c)));
    const top = raw.findIndex((t) => t !== "");
    if (top >= 0) for (let l = top; l < levels; l++) cur[l] = raw[l];
    filled.push([...cur]);
    rawHeads.push(raw);
    if (raw.some((t) => GRANT_S.test(t))) supportSeen = true;
    const goal = goalOf(cur[1] ?? "") ?? goalOf(cur[2] ?? "");
    if (goal === "IV" && prevGoal !== "IV") ivCount++;
    prevGoal = goal;
    grantAt.push(supportSeen ? "S" : "P");
    ivAt.push(ivCount);
  }

  // Classify and resolve the columns with a numeric 配点.
  const columns: TallyColumn[] = [];
  const seen = new Map<string, TallyColumn>();
  let firstItemCol = 0;
  let lastItemCol = 0;
  const isTotalLabel = (t: string) => totalLabel(t) !== null;
  for (let c = 1; c <= width; c++) {
    const pts = num(at(pointsRow, c));
    if (pts === null) continue;
    const f = filled[c - 1];
    const raw = rawHeads[c - 1];
    const branchText = [f[5] ?? "", f[6] ?? ""].find((t) => branchOf(t) !== null) ?? "";
    const hasTotalLabel = raw.some(isTotalLabel);
    const isItem = branchText !== "" && !hasTotalLabel;
    const header = [...new Set(f.filter((t) => t !== ""))].join(" / ");
    const letter = columnLetters(c);
    if (isItem) {
      if (!firstItemCol) firstItemCol = c;
      lastItemCol = c;
    } else if (!firstItemCol) continue; // ID block (previous year's total and rank)
    let id: string | null = null;
    const goal = goalOf(f[1] ?? "") ?? goalOf(f[2] ?? "");
    const grant: Grant = goal === "IV" && ivAt[c - 1] > 0 ? (ivAt[c - 1] >= 2 ? "S" : "P") : grantAt[c - 1];
    if (isItem) {
      const set = setOf(f[2] ?? "");
      const branch = branchOf(branchText)!;
      const twigText = f[6] ?? "";
      const twig = branchText === twigText ? null : twigOf(twigText);
      if (goal && set)
        id = idx.itemId(
          grant,
          goal,
          set,
          numberOf(f[3] ?? "") ?? numberOf(f[4] ?? ""),
          f[4] ?? "",
          branch,
          twig,
        );
    } else {
      // The label from the raw cells, deepest first (forward-filling would carry 「Ⅳ合計」 on).
      const label =
        [...raw]
          .reverse()
          .map(totalLabel)
          .find((l) => l !== null) ?? null;
      const g = label?.kind === "goal" ? label.goal : null;
      const tg: Grant = g === "IV" && ivAt[c - 1] > 0 ? (ivAt[c - 1] >= 2 ? "S" : "P") : grantAt[c - 1];
      id = idx.totalId(label, tg);
    }
    const col: TallyColumn = { col: c, letter, kind: isItem ? "item" : "total", id, header, points: pts };
    if (id === null) {
      problems.push({
        code: "unknown_column",
        severity: "error",
        cell: cellRef(pointsRow, c),
        column: letter,
        header,
        ...say(msg(isItem ? "tally.p.unknown-item-column" : "tally.p.unknown-total-column", { letter, header, id: options.rulebook.id })),
      });
    } else if (seen.has(id)) {
      problems.push({
        code: "duplicate_column",
        severity: "error",
        cell: cellRef(pointsRow, c),
        column: letter,
        header,
        id,
        ...say(msg("tally.p.duplicate-column", { letter, first: seen.get(id)!.letter, id })),
      });
      col.id = null;
    } else seen.set(id, col);
    columns.push(col);
  }
  const rootCol = columns.find((c) => c.kind === "total" && c.id === idx.rootId);
  if (!firstItemCol) throw new TallyError(msg("tally.no-item-columns"));

  // 配点 against the rulebook; sub-items and groups no column carries.
  for (const col of columns) {
    if (col.id === null) continue;
    const expected = col.kind === "item" ? idx.subItems.get(col.id)!.points : idx.groupMax(col.id);
    if (expected !== null && col.points !== null && Math.abs(expected - col.points) > 1e-9)
      problems.push({
        code: "points_mismatch",
        severity: "error",
        cell: cellRef(pointsRow, col.col),
        column: col.letter,
        header: col.header,
        id: col.id,
        expected,
        actual: col.points,
        ...say(msg("tally.p.points", { cell: cellRef(pointsRow, col.col), id: col.id, points: col.points, expected })),
      });
  }
  const missingItems = new Set<string>();
  for (const id of idx.subItemOrder)
    if (!seen.has(id)) {
      missingItems.add(id);
      problems.push({
        code: "missing_column",
        severity: "error",
        id,
        ...say(msg("tally.p.missing-column", { id })),
      });
    }
  if (!rootCol)
    problems.push({
      code: "missing_column",
      severity: "error",
      id: idx.rootId,
      ...say(msg("tally.p.no-total-column")),
    });

  // Previous year's total and rank: the first total-like columns in the ID block; this year's rank after the items.
  const headerText = (c: number) => {
    const parts: string[] = [];
    for (let r = 2; r < dataStartRow && r <= head.length; r++) {
      if (statsCells.has(`${r}:${c}`)) continue;
      const t = text(at(r, c));
      if (t && typeof at(r, c)?.value === "string" && !parts.includes(t)) parts.push(t);
    }
    return norm(parts.join(" "));
  };
  const idColSet = new Set(Object.values(idCols));
  let previousTotalCol: number | undefined;
  let previousRankCol: number | undefined;
  for (let c = 1; c < firstItemCol; c++) {
    if (idColSet.has(c)) continue;
    const h = headerText(c);
    if (previousRankCol === undefined && /順位/.test(h)) previousRankCol = c;
    else if (previousTotalCol === undefined && /合計|得点|総点|点数|評価点|計/.test(h)) previousTotalCol = c;
  }
  let rankCol: number | undefined;
  for (let c = (rootCol?.col ?? lastItemCol) + 1; c <= width; c++)
    if (/順位/.test(headerText(c))) {
      rankCol = c;
      break;
    }

  // Data rows, in chunks (row counts differ between file versions).
  const readCols = Math.max(width, ...Object.values(idCols));
  const itemCols = columns.filter((c) => c.id !== null && c.kind === "item");
  const totalCols = columns.filter((c) => c.id !== null && c.kind === "total");
  const municipalities: TallyMunicipality[] = [];
  const skipped: TallyRead["skipped"] = [];
  const CHUNK = 500;
  for (let top = dataStartRow; ; top += CHUNK) {
    const r = await port.read({ ranges: [`${q}!A${top}:${columnLetters(readCols)}${top + CHUNK - 1}`] });
    const rows = r.ranges[0].block?.cells ?? [];
    let any = false;
    rows.forEach((cells, k) => {
      const row = top + k;
      const get = (c: number | undefined) => (c === undefined ? undefined : cells[c - 1]);
      const codeCell = get(idCols.code);
      const name = text(get(idCols.name));
      let code = text(codeCell);
      if (!code && !name) return;
      any = true;
      if (typeof codeCell?.value === "number") {
        code = normaliseCode(codeCell.value) ?? code;
        problems.push({
          code: "code_not_text",
          severity: "warning",
          cell: cellRef(row, idCols.code!),
          ...say(msg("tally.p.code-number", { cell: cellRef(row, idCols.code!), code })),
        });
      }
      const total = rootCol ? num(get(rootCol.col)) : null;
      if (total === null) {
        skipped.push({ row, code, name });
        return;
      }
      const items: Record<string, number> = {};
      for (const col of itemCols) {
        const cell = get(col.col);
        items[col.id!] = 0;
        if (isBlank(cell)) continue;
        const v = num(cell);
        const where = cellRef(row, col.col);
        const about = { cell: where, column: col.letter, header: col.header, id: col.id! };
        if (v === null) {
          const shown = cell?.error ?? String(cell?.value);
          problems.push({
            code: "item_not_number",
            severity: "error",
            ...about,
            ...say(msg("tally.item-not-number", { cell: where, value: shown })),
          });
        } else if (v < 0 || (col.points !== null && v > col.points)) {
          problems.push({
            code: "item_out_of_range",
            severity: "error",
            ...about,
            expected: col.points ?? undefined,
            actual: v,
            ...say(msg("tally.item-out-of-range", { cell: where, value: v, points: col.points ?? "?" })),
          });
        } else {
          items[col.id!] = v;
          if (typeof cell?.value === "string")
            problems.push({
              code: "item_as_text",
              severity: "warning",
              ...about,
              actual: v,
              ...say(msg("tally.item-as-text", { cell: where, value: cell.value, n: v })),
            });
        }
      }
      const groups: Record<string, number> = {};
      for (const col of totalCols) {
        const v = num(get(col.col));
        if (v !== null) groups[col.id!] = v;
      }
      const insured = num(get(idCols.insured));
      const sizeBandText = text(get(idCols.sizeBand));
      municipalities.push({
        row,
        serial: num(get(idCols.serial)),
        prefCode: num(get(idCols.prefCode)),
        code,
        name,
        pref: text(get(idCols.pref)),
        population: num(get(idCols.population)),
        insured,
        sizeBand: sizeBandText || null,
        sizeClass: insured === null ? null : (resolveSizeClass(options.rulebook, { size: insured }) ?? null),
        items,
        groups,
        total,
        rank: num(get(rankCol)),
        previousTotal: num(get(previousTotalCol)),
        previousRank: num(get(previousRankCol)),
      });
    });
    if (!any) break;
    options.onRows?.(municipalities.length + skipped.length);
  }
  if (municipalities.length === 0) throw new TallyError(msg("tally.no-rows"));

  // One code, one row: two rows with the same 保険者番号 are reported with both cells.
  const rowsByCode = new Map<string, TallyMunicipality[]>();
  for (const m of municipalities)
    if (m.code) rowsByCode.set(m.code, [...(rowsByCode.get(m.code) ?? []), m]);
  for (const [code, same] of rowsByCode) {
    if (same.length < 2 || idCols.code === undefined) continue;
    const cells = same.map((m) => cellRef(m.row, idCols.code!));
    problems.push({
      code: "duplicate_code",
      severity: "error",
      cell: cells[1],
      ...say(msg("tally.duplicate-code", { code, cells: listOf(cells) })),
    });
  }

  // Items must add up to the tally's subtotals and totals (with the rulebook's clamps and best-of groups).
  const incomplete = incompleteGroups(idx, missingItems);
  for (const m of municipalities) {
    const computed = groupPoints(idx, m.items);
    for (const col of totalCols) {
      const id = col.id!;
      const actual = m.groups[id];
      const expected = computed[id];
      if (actual === undefined || incomplete.has(id)) continue;
      if (Math.abs(actual - expected) > 1e-6)
        problems.push({
          code: "sum_mismatch",
          severity: "error",
          cell: cellRef(m.row, col.col),
          column: col.letter,
          header: col.header,
          id,
          expected,
          actual,
          ...say(msg("tally.p.sum", { cell: cellRef(m.row, col.col), name: m.name, code: m.code, id, actual, expected })),
        });
    }
    for (const [id, v] of Object.entries(computed)) if (m.groups[id] === undefined) m.groups[id] = v;
  }

  const benchmarks = computeBenchmarks({
    columns,
    municipalities,
    readStats: (col) => readColumnStats(head, statsRows, col.col),
    cellRef,
    statsRows,
    problems,
  });
  const ranked = rank(
    municipalities.map((m) => ({ id: m.code, points: m.total, band: m.sizeClass ?? undefined })),
  );
  const ranks = ranked.map((r) => ({
    code: r.id,
    total: r.points,
    rank: r.rank,
    of: r.of,
    sizeClass: r.band ?? null,
    bandRank: r.bandRank ?? null,
    bandOf: r.bandOf ?? null,
  }));
  const lowScore = lowScoreLine(benchmarks.groups[idx.rootId], municipalities);

  return {
    sheet,
    title,
    fiscalYear,
    rulebookId: options.rulebook.id,
    statsRows,
    dataStartRow,
    columns,
    municipalities,
    skipped,
    benchmarks,
    ranks,
    lowScore,
    problems,
  };
}

function readColumnStats(
  head: CellData[][],
  statsRows: Partial<Record<keyof ColumnStats, number>>,
  col: number,
): ColumnStats {
  const get = (k: keyof ColumnStats) => {
    const r = statsRows[k];
    return r === undefined ? null : num(head[r - 1]?.[col - 1]);
  };
  return {
    points: get("points"),
    sum: get("sum"),
    mean: get("mean"),
    itemMean: get("itemMean"),
    meanRate: get("meanRate"),
    median: get("median"),
    sd: get("sd"),
    hitCount: get("hitCount"),
    hitRate: get("hitRate"),
  };
}

/** Groups whose recomputation would be wrong because a sub-item below them has no column. */
function incompleteGroups(idx: SubItemIndex, missing: Set<string>): Set<string> {
  const out = new Set<string>();
  const { compiled } = idx;
  for (const id of missing) {
    const s = idx.subItems.get(id)!;
    let g = compiled.indicators[s.indicatorIdx].groupIdx;
    while (g >= 0) {
      out.add(compiled.groups[g].id);
      g = compiled.groups[g].parentIdx;
    }
  }
  return out;
}
