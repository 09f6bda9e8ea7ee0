// One workbook of the reviewer batch: load it in memory, find its answers (standard template,
// saiten.a.* names, or the --map JSON applied to the in-memory copy only), score read-only, say who it
// is from, and recompute every figure it reports itself. Never writes to disk; never throws for a bad
// file (the record says why it failed), so one file cannot stop the batch.
import { groupsInOrder } from "../../engine/result-tree";
import type { Comparison } from "../../engine/compare";
import type { ScoreResult } from "../../engine/types";
import type { Rulebook } from "../../rulebooks/schema";
import { cellAddress, parseRef, qualified } from "../../excel/a1";
import type { ExcelJsWorkbook } from "../../adapters/exceljs/workbook";
import { XlsxReader } from "../../adapters/xlsx";
import { ANSWER_PREFIX, answerName, namedMap, pointsName } from "../../workbook/form-map";
import type { FormMapFile } from "../../workbook/form-map-detect";
import type { Block, DefinedName } from "../../workbook/port";
import { WorkbookError } from "../../workbook/port";
import { runScoring, ScoringRunOutcome } from "../scoring-run";
import { ANSWER_SHEET, findHeaderRow, RESULT_SHEET } from "../../workbook/template";
import { ENTITY_NAMES, EntityField, NamedEntityCells, resolveIdentity } from "./identity";
import { WORKBOOK_LIMITS, type Limits } from "../../files/limits";
import { bilingual, msg } from "../../messages";
import { RangeTooLarge } from "../../workbook/port";
import { Unsupported } from "../../adapters/xlsx/errors";
import { failedRecord, precheck, refusedRecord } from "./refusals";
import { findMismatches, ReportedCell, ReportedFigures } from "./mismatch";
import type { GroupFigure, ReviewRecord } from "./types";

export interface ProcessOptions {
  rulebook: Rulebook;
  limits?: Limits;
  /** A form map (saiten.formmap/1) for workbooks with neither the template nor saiten.a.* names. */
  map?: FormMapFile;
}

/** How far down the 回答 sheet the header row may sit (as findHeaderRow looks). */
const HEADER_PROBE_ROWS = 40;
const HEADER_PROBE_COLS = 30;

function figure(g: {
  id: string;
  points: number;
  max: number | null;
  ratePercent: number | null;
}): GroupFigure {
  return { id: g.id, points: g.points, max: g.max, ratePercent: g.ratePercent };
}

function flatGroups(result: ScoreResult): GroupFigure[] {
  return groupsInOrder(result).map(({ group }) => figure(group));
}

/** The comparison without unchanged indicators: thousands of records are held in memory. */
function compactComparison(c: Comparison | undefined): Comparison | undefined {
  if (!c) return undefined;
  return { ...c, indicators: c.indicators.filter((i) => i.change !== 0 && i.change !== null) };
}

function noAnswers(outcome: ScoringRunOutcome): boolean {
  return Object.values(outcome.answers).every(
    (a) => a.error === undefined && (a.value === null || a.value === undefined || a.value === ""),
  );
}

/** The fast reader cannot do this (it is read-only): score the file with ExcelJS instead. */
class NeedsExcelJs extends Error {}

export async function processWorkbook(
  data: Uint8Array,
  file: string,
  options: ProcessOptions,
): Promise<ReviewRecord> {
  // First the fast read-only reader, which parses only the parts the scoring asks for. Whatever it
  // does not support (or any error of its own) falls back to loading the whole book with ExcelJS,
  // so a record is never worse than ExcelJS alone would give.
  const limits = options.limits ?? WORKBOOK_LIMITS;
  const refused = precheck(data, file, limits);
  if (refused) return refused;
  let fast: XlsxReader | undefined;
  try {
    fast = await XlsxReader.fromBuffer(data);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    fast = undefined;
  }
  if (fast) {
    const reader = fast;
    reader.maxBlockCells = limits.maxCells;
    try {
      return await scoreOrExplain(reader, file, options, () => reader.isEmpty());
    } catch (e) {
      if (e instanceof RangeTooLarge) return tooManyCells(file, e);
      // What the fast reader does not handle (Unsupported, or a form map to apply) goes to ExcelJS.
      if (!(e instanceof Unsupported) && !(e instanceof NeedsExcelJs)) throw e;
    }
  }

  // Loaded only now: a worker whose files all suit the fast reader never pays for loading ExcelJS.
  const { ExcelJsWorkbook } = await import("../../adapters/exceljs/workbook");
  let port: ExcelJsWorkbook;
  try {
    port = await ExcelJsWorkbook.fromBuffer(data);
  } catch {
    return refusedRecord(file, msg("book.corrupt", { file, where: msg("book.corrupt.content") }));
  }
  port.maxBlockCells = limits.maxCells;
  const loaded = port;
  try {
    return await scoreOrExplain(loaded, file, options, () =>
      loaded.book.worksheets.every((ws) => ws.actualRowCount === 0),
    );
  } catch (e) {
    if (e instanceof RangeTooLarge) return tooManyCells(file, e);
    if (e instanceof WorkbookError) return failedRecord(file, "failed", bilingual(msg("cli.in-file", { file, detail: e.detail })));
    throw e;
  }
}

function tooManyCells(file: string, e: RangeTooLarge): ReviewRecord {
  return refusedRecord(
    file,
    msg("book.too-many-cells", {
      file,
      sheet: e.sheet,
      cells: e.cells.toLocaleString("en-US"),
      limit: e.limit.toLocaleString("en-US"),
    }),
  );
}

/** Scores; a workbook without answers becomes a failed record. Other errors are thrown. */
async function scoreOrExplain(
  port: ExcelJsWorkbook | XlsxReader,
  file: string,
  options: ProcessOptions,
  isEmpty: () => boolean,
): Promise<ReviewRecord> {
  try {
    return await scoreLoaded(port, file, options);
  } catch (e) {
    if (e instanceof WorkbookError && e.code === "sheet-missing") {
      return failedRecord(file, "no-answers", bilingual(isEmpty() ? msg("review.empty-book") : msg("review.no-answers", { detail: e.detail })));
    }
    throw e;
  }
}

async function scoreLoaded(
  port: ExcelJsWorkbook | XlsxReader,
  file: string,
  options: ProcessOptions,
): Promise<ReviewRecord> {
  const { rulebook } = options;
  const hasAnswerSheet =
    port instanceof XlsxReader ? port.hasSheet(ANSWER_SHEET) : Boolean(port.book.getWorksheet(ANSWER_SHEET));
  const probe = `${qualified(ANSWER_SHEET, "A1")}:${cellAddress(HEADER_PROBE_ROWS, HEADER_PROBE_COLS)}`;
  const first = await port.read({ names: true, used: [RESULT_SHEET], ranges: hasAnswerSheet ? [probe] : [] });
  const probeBlock = first.ranges[0]?.block;
  const hasTemplate = Boolean(probeBlock && findHeaderRow(probeBlock) !== null);
  const hasNames = first.names.some((n) => n.name.toLowerCase().startsWith(ANSWER_PREFIX));
  let names: DefinedName[] = first.names;
  let answersFrom: ReviewRecord["answersFrom"] = hasTemplate ? "template" : "names";

  if (!hasTemplate && !hasNames && options.map) {
    // The map goes into the in-memory book only (the port's own write), never to the file.
    const added: DefinedName[] = [];
    for (const e of options.map.entries) {
      added.push({ name: answerName(e.indicatorId), ref: e.answerCell });
      if (e.pointsCell) added.push({ name: pointsName(e.indicatorId), ref: e.pointsCell });
    }
    if (added.length) {
      if (port instanceof XlsxReader) throw new NeedsExcelJs("the form map is applied through ExcelJS");
      await port.write({ names: added });
      names = [...names, ...added];
      answersFrom = "map";
    }
  }

  const outcome = await runScoring(port, { rulebook, write: false });
  const t = outcome.template;
  if (t?.rulebookId && t.rulebookId !== rulebook.id) {
    const record = failedRecord(
      file,
      "wrong-rulebook",
      bilingual(msg("review.wrong-rulebook", { id: t.rulebookId, review: rulebook.id })),
    );
    record.identity = resolveIdentity(file, t);
    record.rulebookId = t.rulebookId;
    return record;
  }

  // Second read: the cells that say who the workbook is from, the template's 得点 column, mapped outputs.
  const entityRefs: [EntityField, string][] = [];
  const lower = new Map(names.map((n) => [n.name.toLowerCase(), n.ref]));
  for (const [field, name] of Object.entries(ENTITY_NAMES) as [EntityField, string][]) {
    const ref = lower.get(name.toLowerCase());
    if (ref) entityRefs.push([field, ref]);
  }
  const ids = new Set(outcome.result.indicators.map((i) => i.id));
  const outputs = outcome.source === "names" ? [...namedMap(names).points].filter(([id]) => ids.has(id)) : [];
  const pointsCol = t?.columns.points;
  const rowNums = t ? [...t.rows.values()] : [];
  const pointsRange =
    t && pointsCol !== undefined && rowNums.length
      ? qualified(
          ANSWER_SHEET,
          `${cellAddress(Math.min(...rowNums), pointsCol)}:${cellAddress(Math.max(...rowNums), pointsCol)}`,
        )
      : undefined;
  const refs = [
    ...entityRefs.map(([, r]) => r),
    ...outputs.map(([, r]) => r),
    ...(pointsRange ? [pointsRange] : []),
  ];
  const second = refs.length ? await port.read({ ranges: refs }) : undefined;
  const topLeft = (k: number) => second?.ranges[k]?.block?.cells[0]?.[0];

  const named: NamedEntityCells = {};
  entityRefs.forEach(([field], k) => (named[field] = topLeft(k)));
  const identity = resolveIdentity(file, t, named);

  if (noAnswers(outcome)) {
    const record = failedRecord(file, "empty", bilingual(msg("review.blank-form")));
    record.identity = identity;
    record.rulebookId = rulebook.id;
    return record;
  }

  const reported: ReportedFigures = {};
  if (outputs.length) {
    reported.outputs = new Map<string, ReportedCell>();
    outputs.forEach(([id, ref], k) => {
      const r = parseRef(ref);
      const cell = r.sheet ? qualified(r.sheet, cellAddress(r.top, r.left)) : ref;
      reported.outputs!.set(id, { cell, data: topLeft(entityRefs.length + k) });
    });
  }
  if (t && pointsRange && pointsCol !== undefined) {
    const block = second?.ranges[refs.length - 1]?.block;
    reported.indicators = new Map();
    for (const [id, row] of t.rows) {
      reported.indicators.set(id, {
        cell: qualified(ANSWER_SHEET, cellAddress(row, pointsCol)),
        data: block?.cells[row - block.top]?.[0],
      });
    }
  }
  const resultBlock: Block | undefined = first.used.get(RESULT_SHEET);
  const header = (col: number) => resultBlock?.cells[1 - resultBlock.top]?.[col - resultBlock.left]?.value;
  if (resultBlock && header(1) === "区分ID" && header(3) === "得点") {
    reported.groups = new Map();
    resultBlock.cells.forEach((line, i) => {
      const row = resultBlock.top + i;
      if (row === 1) return;
      const idCell = line[1 - resultBlock.left];
      const id = idCell && typeof idCell.value === "string" ? idCell.value.trim() : "";
      if (!id || reported.groups!.has(id)) return;
      reported.groups!.set(id, {
        cell: qualified(RESULT_SHEET, cellAddress(row, 3)),
        data: line[3 - resultBlock.left],
      });
    });
  }

  const result = outcome.result;
  const indicatorPoints: Record<string, number> = {};
  for (const i of result.indicators) indicatorPoints[i.id] = i.points;
  const record: ReviewRecord = {
    file,
    status: "scored",
    identity,
    rulebookId: rulebook.id,
    answersFrom,
    total: figure(result.total),
    groups: flatGroups(result),
    indicatorPoints,
    issues: result.issues,
    mismatches: findMismatches(result, reported),
  };
  const comparison = compactComparison(outcome.comparison);
  if (comparison) {
    record.comparison = comparison;
    record.previousSource = outcome.previousSource;
  }
  return record;
}
