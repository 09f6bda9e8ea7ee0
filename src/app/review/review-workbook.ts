// One workbook of the reviewer batch: load it in memory, find its answers (standard template,
// saiten.a.* names, or the --map JSON used for this run only), score read-only, say who it
// is from, and recompute every figure it reports itself. Never writes to disk; never throws for a bad
// file (the record says why it failed), so one file cannot stop the batch.
import { groupsInOrder } from "../../engine/result-tree";
import type { Comparison } from "../../engine/compare";
import type { ScoreResult } from "../../engine/types";
import { localText } from "../../engine/text";
import type { Rulebook } from "../../rulebooks/schema";
import { cellAddress, parseRef, qualified } from "../../excel/a1";
import { answerName, namedMap, pointsName } from "../../workbook/form-map";
import type { FormMapFile } from "../../workbook/form-map-detect";
import type { DefinedName, WorkbookPort } from "../../workbook/port";
import { WorkbookError } from "../../workbook/port";
import { runScoring, ScoringRunOutcome } from "../scoring-run";
import { reportedGroups, reportedPoints } from "../../workbook/template";
import { indicatorIdsOf } from "../../rulebooks/tree";
import { ENTITY_NAMES, EntityField, NamedEntityCells, resolveIdentity } from "./identity";
import { WORKBOOK_LIMITS, type Limits, tooManyCellsMessage } from "../../files/limits";
import { bilingual, msg, UserError } from "../../messages";
import { RangeTooLarge } from "../../workbook/port";
import { failedRecord, openChecked, refusedRecord } from "./refusals";
import { readWorkbook } from "../../adapters/read-workbook";
import { CheckedPackage } from "../../files/inspect-workbook";
import { findMismatches, ReportedCell, ReportedFigures } from "./mismatch";
import type { GroupFigure, ReviewRecord } from "./types";

export interface ProcessOptions {
  rulebook: Rulebook;
  limits?: Limits;
  /** A form map (saiten.formmap/1) for workbooks with neither the template nor saiten.a.* names. */
  map?: FormMapFile;
  /**
   * The package as the worker checked it (its directory; each part is checked as it is read), so
   * that it is not read twice.
   */
  checked?: CheckedPackage;
}

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

export async function processWorkbook(
  data: Uint8Array,
  file: string,
  options: ProcessOptions,
): Promise<ReviewRecord> {
  // The bytes are checked first (kind of file, limits); then the fast reader, or ExcelJS where that
  // reader leaves the book to it (readWorkbook), so a record is never worse than ExcelJS alone gives.
  const limits = options.limits ?? WORKBOOK_LIMITS;
  let pkg = options.checked;
  if (!pkg) {
    const checked = openChecked(data, file, limits);
    if (!(checked instanceof CheckedPackage)) return checked;
    pkg = checked;
  }
  try {
    const score = (port: WorkbookPort, isEmpty: () => boolean) => scoreOrExplain(port, file, options, isEmpty);
    return await readWorkbook(data, file, limits, score, pkg);
  } catch (e) {
    if (e instanceof UserError) return refusedRecord(file, e.detail);
    if (e instanceof RangeTooLarge) return tooManyCells(file, e, options.limits);
    if (e instanceof WorkbookError) return failedRecord(file, "failed", bilingual(msg("cli.in-file", { file, detail: e.detail })));
    throw e;
  }
}

/**
 * One workbook already open behind a port (the task pane's check of the open workbook through
 * Office.js), reviewed exactly as a file of the batch: read-only, never throws for what the workbook
 * holds (a workbook without answers becomes a failed record).
 */
export async function reviewPort(port: WorkbookPort, file: string, options: ProcessOptions): Promise<ReviewRecord> {
  try {
    return await scoreOrExplain(port, file, options, () => false);
  } catch (e) {
    // Excel's own problems (busy, timed out, cell being edited) are the pane's to say.
    if (e instanceof RangeTooLarge) return tooManyCells(file, e, options.limits);
    throw e;
  }
}

function tooManyCells(file: string, e: RangeTooLarge, limits: Limits | undefined): ReviewRecord {
  return refusedRecord(file, tooManyCellsMessage(limits, file, e.sheet, e.cells, e.limit));
}

/** Scores; a workbook without answers becomes a failed record. Other errors are thrown. */
async function scoreOrExplain(
  port: WorkbookPort,
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
  port: WorkbookPort,
  file: string,
  options: ProcessOptions,
): Promise<ReviewRecord> {
  const { rulebook } = options;
  // One run reads the workbook: the answers, the 採点結果 table, the names and, in the same reads, the
  // cells that say who it is from and what a form map says it reports.
  const fallbackNames: DefinedName[] = [];
  for (const e of options.map?.entries ?? []) {
    fallbackNames.push({ name: answerName(e.indicatorId), ref: e.answerCell });
    if (e.pointsCell) fallbackNames.push({ name: pointsName(e.indicatorId), ref: e.pointsCell });
  }
  let entityRefs: [EntityField, string][] = [];
  let outputRefs: [string, string][] = [];
  const outcome = await runScoring(port, {
    rulebook,
    write: false,
    fallbackNames,
    alsoRead: (first) => {
      const lower = new Map(first.names.map((n) => [n.name.toLowerCase(), n.ref]));
      entityRefs = (Object.entries(ENTITY_NAMES) as [EntityField, string][]).flatMap(([field, name]) => {
        const ref = lower.get(name.toLowerCase());
        return ref ? [[field, ref] as [EntityField, string]] : [];
      });
      const ids = indicatorIdsOf(rulebook);
      outputRefs = [...namedMap(first.names).points].filter(([id]) => ids.has(id));
      return [...entityRefs.map(([, r]) => r), ...outputRefs.map(([, r]) => r)];
    },
  });
  const t = outcome.template;
  if (t?.rulebookId && t.rulebookId !== rulebook.id) {
    const record = failedRecord(
      file,
      "wrong-rulebook",
      bilingual(msg("review.wrong-rulebook", { id: t.rulebookId, title: localText(rulebook.title) })),
    );
    record.identity = resolveIdentity(file, t);
    record.rulebookId = t.rulebookId;
    return record;
  }
  const topLeft = (k: number) => outcome.alsoRead[k]?.block?.cells[0]?.[0];
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
  if (outcome.source === "names" && outputRefs.length) {
    reported.outputs = new Map<string, ReportedCell>();
    outputRefs.forEach(([id, ref], k) => {
      const r = parseRef(ref);
      const cell = r.sheet ? qualified(r.sheet, cellAddress(r.top, r.left)) : ref;
      reported.outputs!.set(id, { cell, data: topLeft(entityRefs.length + k) });
    });
  }
  if (t && outcome.answerBlock) reported.indicators = reportedPoints(outcome.answerBlock, t);
  if (outcome.resultBlock) reported.groups = reportedGroups(outcome.resultBlock);

  const result = outcome.result;
  const indicatorPoints: Record<string, number> = {};
  for (const i of result.indicators) indicatorPoints[i.id] = i.points;
  const record: ReviewRecord = {
    file,
    status: "scored",
    identity,
    rulebookId: rulebook.id,
    answersFrom: outcome.source === "template" ? "template" : outcome.fallbackNamesUsed ? "map" : "names",
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
