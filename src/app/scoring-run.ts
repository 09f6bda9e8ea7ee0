// One scoring run through the port, the same for the add-in and the CLI: read every answer block in
// one batch (plus one batch for cells a form map names), score, then write every result block, the
// 採点結果 table and a history snapshot in one batch — at most three round trips.
import { compare, ComparableResult, Comparison } from "../engine/compare";
import { ScoreSession } from "../engine/score";
import type { CellInput, Issue, ScoreContext, ScoreResult } from "../engine/types";
import type { Rulebook } from "../rulebooks/schema";
import { ANSWER_PREFIX, cellInputOf, namedMap } from "../workbook/form-map";
import {
  comparableOf,
  HISTORY_SHEET,
  historyAppend,
  previousSnapshot,
  readHistory,
  snapshotOf,
} from "../workbook/history";
import type { Block, DefinedName, RangeRead, ReadResult, WorkbookPort, WriteBlock, WriteRequest } from "../workbook/port";
import { WorkbookError } from "../workbook/port";
import { bilingual, listOf, type MessageCode, msg } from "../messages";
import { cellAddress, parseRef, qualified } from "../excel/a1";
import { indicatorById, indicatorIdsOf } from "../rulebooks/tree";
import { localText } from "../engine/text";
import {
  ANSWER_SHEET,
  answerSheetWrites,
  findHeaderRow,
  recordedRulebookIdOf,
  OutputConflict,
  outputConflict,
  readTemplate,
  CHART_NAME,
  CHART_TABLE_COLUMN,
  RESULT_SHEET,
  resultSheetWrites,
  TemplateAnswers,
} from "../workbook/template";

/** Values Saiten last wrote into mapped output cells, so a value someone else typed is never overwritten. */
export const OUTPUTS_SETTING = "saiten.outputs";
/** Set once Saiten has drawn its chart on 採点結果; the chart then follows its data range by itself. */
export const CHART_SETTING = "saiten.chart";

export type RunStep = "read" | "score" | "write";

/** What the first read says about a workbook, before a rulebook is chosen for it. */
export interface WorkbookFacts {
  /** The rulebook id the answer sheet records (ルールブックID), read even above renamed headers. */
  rulebookId?: string;
  /** There is an answer sheet (回答), with (template) or without the standard header row. */
  answerSheet: boolean;
  template: boolean;
  /** Answer cells are mapped by defined names (saiten.a.…). */
  mapped: boolean;
  /** Visible sheets, for messages. */
  sheets: string[];
}

/** A rulebook, or how to choose one from what the workbook records (one read serves both). */
export type RulebookChoice = Rulebook | ((facts: WorkbookFacts) => Rulebook | Promise<Rulebook>);

export interface ScoringRunInput {
  rulebook: RulebookChoice;
  /** Answer and points cells to use for this run only, when the workbook has neither the template nor its own saiten.a.* names (a form map given alongside; never written). */
  fallbackNames?: DefinedName[];
  /** Further ranges to read in the run's own reads (e.g. the cells that say who a workbook is from), chosen once the names are known. */
  alsoRead?: (first: ReadResult) => string[];
  /**
   * The cells a form mapped by names was read from last time (outcome.rangesRead): read with the first
   * read, so a re-score (live results) costs one round trip while the names still point there.
   */
  likelyRanges?: readonly string[];
  context?: ScoreContext;
  /**
   * An explicit previous year (a chosen file or a result JSON), or how to get it once the rulebook is
   * chosen; otherwise history, then 前年度得点.
   */
  previous?: ComparableResult | ((rulebook: Rulebook) => Promise<ComparableResult | undefined>);
  /**
   * Write results, the 採点結果 sheet and a history snapshot (false: read-only), or decide once the
   * answers are located (e.g. nothing is written when they do not fit the rulebook).
   */
  write: boolean | ((fit: AnswerFit) => boolean);
  now?: Date;
  onProgress?: (step: RunStep) => void;
}

/** How well the workbook's answers fit the chosen rulebook. */
export interface AnswerFit {
  facts: WorkbookFacts;
  rulebook: Rulebook;
  /** The rulebook's indicators the answer sheet has a row for (or a name maps). */
  matched: number;
  /** Rows (or names) with an indicator id the rulebook does not have. */
  unknown: number;
}

/** Answers of another rulebook: none of this one's indicators, or more of another's than of this one's. */
export function answersDoNotFit(fit: Pick<AnswerFit, "matched" | "unknown">): boolean {
  return fit.matched === 0 || fit.unknown > fit.matched;
}

export interface ScoringRunOutcome {
  /** How the answers fit the rulebook, and whether the run wrote. */
  fit: Pick<AnswerFit, "matched" | "unknown">;
  wrote: boolean;
  /** The rulebook the run scored with. */
  rulebook: Rulebook;
  result: ScoreResult;
  /** What the first read saw: the sheets, defined names (with fallbackNames when used), the 採点結果 block. */
  facts: WorkbookFacts;
  names: DefinedName[];
  resultBlock?: Block;
  /** The answer sheet's block (template runs), which also holds the columns it reports itself. */
  answerBlock?: Block;
  /** The form map given alongside was used. */
  fallbackNamesUsed: boolean;
  /** The ranges alsoRead asked for, in its order. */
  alsoRead: RangeRead[];
  /** The ranges read for a form mapped by names (answers, points cells, alsoRead), for likelyRanges. */
  rangesRead: string[];
  comparison?: Comparison;
  previousSource?: "history" | "column" | "file";
  source: "template" | "names";
  answers: Record<string, CellInput>;
  context: ScoreContext;
  template?: TemplateAnswers;
  written: number;
  conflicts: OutputConflict[];
  roundTrips: number;
}

export const indicatorIds = indicatorIdsOf;

/** How two years compare: same rulebook by id; across a revision only what the rulebook declares. */
export function compareWith(
  rulebook: Rulebook,
  current: ScoreResult,
  previous: ComparableResult,
): Comparison {
  const pid = previous.rulebook.id;
  const declared = pid === rulebook.previous?.rulebook;
  return compare(current, previous, {
    rateDigits: rulebook.rateDigits ?? 1,
    comparableGroups: declared ? rulebook.previous?.groups : undefined,
    sameIds: pid === rulebook.id ? true : declared ? rulebook.previous?.sameIds !== false : false,
  });
}

function countWrites(blocks: WriteBlock[]): number {
  let n = 0;
  for (const b of blocks) for (const line of b.values) for (const v of line) if (v !== null) n++;
  return n;
}

/** A mapped output cell (saiten.p.*) as read. */
interface MappedOutput {
  ref: string;
  value: unknown;
  formula?: string;
}

interface Located {
  source: "template" | "names";
  answers: Record<string, CellInput>;
  template?: TemplateAnswers;
  templateBlock?: Block;
  /** By indicator id. */
  outputs: Map<string, MappedOutput>;
  issues: Issue[];
  fit: Pick<AnswerFit, "matched" | "unknown">;
  rangesRead: string[];
}

async function locateAnswers(
  port: WorkbookPort,
  first: ReadResult,
  rulebook: Rulebook,
  extra: string[],
  early: ReadonlyMap<string, RangeRead>,
): Promise<Located & { extra: RangeRead[] }> {
  const ids = indicatorIds(rulebook);
  const block = first.used.get(ANSWER_SHEET);
  const template = block ? readTemplate(block, ids) : null;
  const issues: Issue[] = [];
  if (block && template) {
    for (const p of template.problems) {
      const issue: Issue = { severity: "warning", code: "invalid", cell: p.cell, message: bilingual(p.detail) };
      if (p.indicatorId) issue.indicatorId = p.indicatorId;
      issues.push(issue);
    }
    const more = extra.length ? (await port.read({ ranges: extra })).ranges : [];
    const unknown = template.problems.filter((p) => p.detail.code === "template.id-unknown").length;
    return {
      source: "template",
      answers: template.answers,
      template,
      templateBlock: block,
      outputs: new Map(),
      issues,
      extra: more,
      fit: { matched: template.rows.size, unknown },
      rangesRead: [],
    };
  }
  const map = namedMap(first.names);
  const mapped = [...map.answers].filter(([id]) => ids.has(id));
  const fit = { matched: mapped.length, unknown: map.answers.size - mapped.length };
  if (!mapped.length) {
    const sheets = first.sheets.filter((s) => s.visible).map((s) => s.name);
    throw new WorkbookError(
      "sheet-missing",
      block
        ? msg("run.answer-headers")
        : msg("run.no-answers", { sheets: sheets.length ? listOf(sheets) : "―" }),
    );
  }
  const outputs = [...map.points].filter(([id]) => ids.has(id));
  const wanted = [...mapped.map(([, ref]) => ref), ...outputs.map(([, ref]) => ref), ...extra];
  // Read already with the first read (a re-score while the names still point there): no second trip.
  const second = wanted.every((ref) => early.has(ref))
    ? { ranges: wanted.map((ref) => early.get(ref)!) }
    : await port.read({ ranges: wanted });
  const answers: Record<string, CellInput> = {};
  mapped.forEach(([id, ref], k) => {
    const read = second.ranges[k];
    const where = displayRef(ref);
    // A form has no 指標ID column: its problems name the indicator by its name as well.
    const what = () => msg("engine.indicator", { id, name: localText(indicatorById(rulebook, id)?.name, id) });
    const problem = (message: MessageCode) =>
      issues.push({
        severity: "error",
        code: "invalid",
        indicatorId: id,
        cell: where,
        message: bilingual(msg("engine.issue-at", { where: msg("engine.cell-of", { cell: where, what: what() }), message: msg(message) })),
      });
    if (read.problem === "sheet-missing") return problem("run.map.sheet-missing");
    if (read.problem === "invalid-ref") return problem("run.map.invalid-ref");
    if (read.merged) problem("run.map.merged");
    if (read.outsideUsed) problem("run.map.outside-used");
    const input = cellInputOf(read);
    if (input) answers[id] = input;
  });
  const outMap = new Map<string, MappedOutput>();
  outputs.forEach(([id, ref], k) => {
    const read = second.ranges[mapped.length + k];
    const c = read.block?.cells[0]?.[0];
    if (read.block && c) outMap.set(id, { ref, value: c.value, formula: c.formula });
  });
  return {
    source: "names",
    answers,
    outputs: outMap,
    issues,
    extra: second.ranges.slice(mapped.length + outputs.length),
    fit,
    rangesRead: wanted,
  };
}

function factsOf(first: ReadResult): WorkbookFacts {
  const block = first.used.get(ANSWER_SHEET);
  const facts: WorkbookFacts = {
    answerSheet: Boolean(block),
    template: Boolean(block && findHeaderRow(block) !== null),
    mapped: first.names.some((n) => n.name.toLowerCase().startsWith(ANSWER_PREFIX)),
    sheets: first.sheets.filter((s) => s.visible).map((s) => s.name),
  };
  const id = block ? recordedRulebookIdOf(block) : undefined;
  if (id) facts.rulebookId = id;
  return facts;
}

/**
 * The rulebook a workbook records about itself, in one read: its answer sheet's ルールブックID, else the
 * rulebook of its latest history snapshot (the year it was last scored for).
 */
export async function workbookRecord(
  port: WorkbookPort,
): Promise<{ id: string; source: "template" | "history" } | null> {
  const read = await port.read({ used: [ANSWER_SHEET, HISTORY_SHEET] });
  const id = factsOf(read).rulebookId;
  if (id) return { id, source: "template" };
  const last = readHistory(read.used.get(HISTORY_SHEET)).at(-1);
  return last?.rulebookId ? { id: last.rulebookId, source: "history" } : null;
}

export async function runScoring(port: WorkbookPort, input: ScoringRunInput): Promise<ScoringRunOutcome> {
  const start = port.roundTrips;
  input.onProgress?.("read");
  const likely = [...(input.likelyRanges ?? [])];
  const read = await port.read({
    used: [ANSWER_SHEET, RESULT_SHEET, HISTORY_SHEET],
    names: true,
    settings: [OUTPUTS_SETTING, CHART_SETTING],
    ...(likely.length && { ranges: likely }),
  });
  const early = new Map(likely.map((ref, k) => [ref, read.ranges[k]]));
  const facts = factsOf(read);
  // A form map given alongside stands in for the workbook's own names, in memory only.
  const useFallback = !facts.template && !facts.mapped && Boolean(input.fallbackNames?.length);
  const first: ReadResult = useFallback ? { ...read, names: [...read.names, ...input.fallbackNames!] } : read;
  if (useFallback) facts.mapped = true;
  const rulebook = typeof input.rulebook === "function" ? await input.rulebook(facts) : input.rulebook;
  const located = await locateAnswers(port, first, rulebook, input.alsoRead?.(first) ?? [], early);

  input.onProgress?.("score");
  const context: ScoreContext = { ...input.context };
  const t = located.template;
  if (t?.sizeClass && !context.sizeClass) context.sizeClass = t.sizeClass;
  if (t?.size !== undefined && context.size === undefined) context.size = t.size;
  if (t && Object.keys(t.previousValues).length && !context.previousValues)
    context.previousValues = t.previousValues;
  const result = new ScoreSession(rulebook, located.answers, context).result();
  result.issues.push(...located.issues);

  let comparison: Comparison | undefined;
  let previousSource: ScoringRunOutcome["previousSource"];
  const history = readHistory(first.used.get(HISTORY_SHEET));
  const snap = previousSnapshot(history, rulebook.fiscalYear);
  const given = typeof input.previous === "function" ? await input.previous(rulebook) : input.previous;
  if (given) {
    comparison = compareWith(rulebook, result, given);
    previousSource = "file";
  } else if (snap) {
    comparison = compareWith(rulebook, result, comparableOf(snap));
    previousSource = "history";
  } else if (t && Object.keys(t.previousPoints).length) {
    const prev = new ScoreSession(rulebook, {}, { knownPoints: t.previousPoints }).result();
    comparison = compare(result, prev, { rateDigits: rulebook.rateDigits ?? 1 });
    previousSource = "column";
  }

  let written = 0;
  const conflicts: OutputConflict[] = [];
  const write =
    typeof input.write === "function" ? input.write({ facts, rulebook, ...located.fit }) : input.write;
  if (write) {
    input.onProgress?.("write");
    const req: WriteRequest = { addSheets: [], blocks: [] };
    if (located.templateBlock && t) {
      const a = answerSheetWrites(
        located.templateBlock,
        t,
        result,
        comparison,
        previousSource === "file" || previousSource === "history",
      );
      req.blocks!.push(...a.writes);
      conflicts.push(...a.conflicts);
    } else {
      const mapped = mappedOutputWrites(located.outputs, result, first.settings[OUTPUTS_SETTING]);
      req.blocks!.push(...mapped.writes);
      conflicts.push(...mapped.conflicts);
      req.settings = { [OUTPUTS_SETTING]: JSON.stringify(mapped.record) };
    }
    const resultBlock = first.used.get(RESULT_SHEET);
    if (!resultBlock) req.addSheets!.push({ name: RESULT_SHEET });
    const r = resultSheetWrites(result, comparison, resultBlock);
    req.blocks!.push(...r.writes);
    conflicts.push(...r.conflicts);
    if (!resultBlock || first.settings[CHART_SETTING] !== RESULT_SHEET) {
      const anchor = `${RESULT_SHEET}!${cellAddress(r.writes[1].values.length + 3, CHART_TABLE_COLUMN)}`;
      req.charts = [
        {
          sheet: RESULT_SHEET,
          name: CHART_NAME,
          dataRange: r.chartRange,
          title: "得点率（今年度・前年度）",
          anchor,
        },
      ];
      req.settings = { ...req.settings, [CHART_SETTING]: RESULT_SHEET };
    }
    const historyBlock = first.used.get(HISTORY_SHEET);
    if (!historyBlock) req.addSheets!.push({ name: HISTORY_SHEET, hidden: true });
    req.blocks!.push(historyAppend(historyBlock, snapshotOf(result, input.now ?? new Date())));
    const targets = new Set(req.blocks!.map((b) => b.sheet));
    const locked = first.sheets.find((s) => targets.has(s.name) && s.protected);
    if (locked) {
      throw new WorkbookError("protected", msg("run.protected", { sheet: locked.name }));
    }
    await port.write(req);
    written = countWrites(req.blocks!);
  }
  return {
    fit: located.fit,
    wrote: write,
    rulebook,
    result,
    facts,
    names: first.names,
    resultBlock: first.used.get(RESULT_SHEET),
    answerBlock: located.templateBlock,
    fallbackNamesUsed: useFallback,
    alsoRead: located.extra,
    rangesRead: located.rangesRead,
    comparison,
    previousSource,
    source: located.source,
    answers: located.answers,
    context,
    template: t,
    written,
    conflicts,
    roundTrips: port.roundTrips - start,
  };
}

/** Points into cells named saiten.p.<id>: only where empty or still holding what Saiten wrote last. */
function mappedOutputWrites(
  outputs: Map<string, MappedOutput>,
  result: ScoreResult,
  recordText: string | undefined,
): { writes: WriteBlock[]; conflicts: OutputConflict[]; record: Record<string, number> } {
  let record: Record<string, unknown> = {};
  try {
    record = recordText ? (JSON.parse(recordText) as Record<string, unknown>) : {};
  } catch {
    record = {};
  }
  const next: Record<string, number> = {};
  const writes: WriteBlock[] = [];
  const conflicts: OutputConflict[] = [];
  const points = new Map(result.indicators.map((i) => [i.id, i.points]));
  for (const [id, out] of outputs) {
    const p = points.get(id);
    if (p === undefined) continue;
    if (out.formula !== undefined) {
      conflicts.push(outputConflict(displayRef(out.ref), "formula"));
      continue;
    }
    const empty = out.value === null || out.value === "";
    if (!empty && record[out.ref] !== out.value) {
      conflicts.push(outputConflict(displayRef(out.ref), "not-ours"));
      continue;
    }
    const r = parseRef(out.ref);
    writes.push({ sheet: r.sheet!, top: r.top, left: r.left, values: [[p]] });
    next[out.ref] = p;
  }
  return { writes, conflicts, record: next };
}

/** 調査票!$D$40 rather than '調査票'!$D$40: quotes only where Excel needs them. */
function displayRef(ref: string): string {
  const bang = ref.lastIndexOf("!");
  try {
    const sheet = parseRef(ref).sheet;
    // As a clerk writes an address (様式1!C2, as template cells are named), not as a defined name
    // holds it (様式1!$C$2).
    return sheet ? qualified(sheet, ref.slice(bang + 1).replace(/\$/g, "")) : ref;
  } catch {
    return ref;
  }
}
