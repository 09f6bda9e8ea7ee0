// PaneApi over a workbook port: the Office.js adapter in Excel, the in-memory workbook in preview.
import { type ComparableResult, previousMismatch, previousYearNote } from "../engine/compare";
import { listOf, msg, UserError } from "../messages";
import { assumedSizeBands } from "../engine/size-band";
import { localText } from "../engine/text";
import { bundledIndex, loadBundled } from "../rulebooks/load-bundled";
import type { Rulebook } from "../rulebooks/schema";
import { indicatorIdsOf } from "../rulebooks/tree";
import { cellAddress, parseRef, qualified } from "../excel/a1";
import type { WorkbookPort } from "../workbook/port";
import { WorkbookError } from "../workbook/port";
import { answerName, namedMap, pointsName } from "../workbook/form-map";
import {
  detectFormMap,
  FormMapEntry,
  formMapFile,
  FormMapProposal,
  parseFormMapFile,
} from "../workbook/form-map-detect";
import { answersDoNotFit, type AnswerFit, runScoring, ScoringRunOutcome, workbookRecord } from "./scoring-run";
import { type OpenNewWorkbook, type ReviewerApi, ReviewerSession } from "./check-run";
import { ANSWER_SHEET, COLUMNS, readTemplate, templateWrites } from "../workbook/template";
import type { AppliedBenchmarks } from "../tally/kit";
import { type FileReadOptions, type FileReads, inThreadFileReads, type TallyWithFigures } from "./file-reads";
import type { TallyMunicipality, TallyRank } from "../tally/types";
import type {
  CellChange,
  ExcelSupport,
  PaneApi,
  PaneSettings,
  NotWritten,
  PreviousFile,
  RecordedRulebook,
  RulebookInfo,
  ScoreOptions,
  WorkbookWatch,
  RunStep,
  RunSummary,
  TallyInsurer,
} from "./pane-api";

const SETTING_RULEBOOK = "saiten.rulebook";
const SETTING_LANG = "saiten.lang";

/** 令和7年度 / FY2025, for messages in either language. */
function fiscalYearText(year: number): { ja: string; en: string } {
  const r = year - 2018;
  return { ja: year >= 2019 ? `令和${r === 1 ? "元" : r}年度` : `${year}年度`, en: `FY${year}` };
}

/** The other file's municipality when both files name one (by code, else by name) and they differ. */
function differentEntity(
  ours: { entityCode?: string; entityName?: string } | undefined,
  theirs: { entityCode?: string; entityName?: string } | null,
): { code?: string; name?: string } | null {
  if (!ours || !theirs) return null;
  const differ =
    ours.entityCode && theirs.entityCode
      ? ours.entityCode !== theirs.entityCode
      : Boolean(ours.entityName && theirs.entityName && ours.entityName !== theirs.entityName);
  if (!differ) return null;
  return {
    ...(theirs.entityCode && { code: theirs.entityCode }),
    ...(theirs.entityName && { name: theirs.entityName }),
  };
}

export class WorkbookPaneApi implements PaneApi {
  private last?: { rulebookId: string; outcome: ScoringRunOutcome };
  private previous?: ComparableResult;
  /** The chosen file (or tally) last year's result came from. */
  private previousFile?: string;
  private previousFromTally = false;
  private tally?: TallyWithFigures;
  /** The opened tally's ranks by 保険者番号. */
  private ranks?: Map<string, TallyRank>;
  /** The tally code, loaded with the first tally. */
  private kit?: typeof import("../tally/kit");
  private tallyFigures = true;
  /** The rulebook with the tally's national figures, per rulebook id (null: the tally matches none). */
  private readonly benchmarked = new Map<string, AppliedBenchmarks | null>();
  /** Bundled rulebooks loaded so far (each is downloaded when first used). */
  private readonly loaded = new Map<string, Rulebook>();

  constructor(
    private readonly port: WorkbookPort,
    private readonly extraRulebooks: Rulebook[] = [],
    /** Inside Excel: what Office.js says this Excel supports (asked each time: known once it is ready). */
    private readonly support: ExcelSupport | null | (() => ExcelSupport | null) = null,
    /** Where chosen files are read: a Web Worker in the browser, this thread by default. */
    private readonly files: FileReads = inThreadFileReads,
    /** Where this Excel can open a new workbook (ExcelApi 1.8), asked when used: the reviewer's reports go there. */
    private readonly openNew: () => OpenNewWorkbook | undefined = () => undefined,
  ) {}

  reviewer(): ReviewerApi {
    return new ReviewerSession(this.port, (id) => this.loadRulebook(id), this.openNew());
  }

  excelSupport(): ExcelSupport | null {
    return typeof this.support === "function" ? this.support() : this.support;
  }

  rulebooks(): RulebookInfo[] {
    const info = (rb: Omit<RulebookInfo, "title"> & { title: Rulebook["title"] }): RulebookInfo => ({
      id: rb.id,
      title: localText(rb.title),
      scheme: rb.scheme,
      fiscalYear: rb.fiscalYear,
      level: rb.level,
      max: rb.max,
    });
    return [
      ...this.extraRulebooks.map((rb) => info({ ...rb, max: rb.root.max ?? null })),
      ...bundledIndex().map(info),
    ];
  }

  async loadRulebook(id: string): Promise<Rulebook> {
    await this.load(id);
    return this.rulebook(id);
  }

  /** The rulebook's own data, downloaded first when it is a bundled one not used yet. */
  private async load(id: string): Promise<Rulebook> {
    const own = this.extraRulebooks.find((r) => r.id === id) ?? this.loaded.get(id);
    if (own) return own;
    const rb = await loadBundled(id);
    if (!rb) throw new UserError(msg("session.rulebook-missing", { id }));
    this.loaded.set(id, rb);
    return rb;
  }

  /** What the pane knows of a rulebook without downloading it: the session's own, or the bundled index. */
  private meta(id: string): { scheme: string; entity: string } | undefined {
    return this.extraRulebooks.find((r) => r.id === id) ?? bundledIndex().find((r) => r.id === id);
  }

  private infoOf(id: string): RulebookInfo | undefined {
    return this.rulebooks().find((r) => r.id === id);
  }

  async recordedRulebook(): Promise<RecordedRulebook | null> {
    const rec = await workbookRecord(this.port);
    if (!rec) return null;
    const info = this.infoOf(rec.id);
    return { ...rec, ...(info && { info }) };
  }

  /**
   * Why a run must not write: the workbook records a rulebook of another grant (never), of another
   * year (only once the user confirmed), or the answers are another rulebook's.
   */
  private notWritten(fit: AnswerFit, options: ScoreOptions): NotWritten | null {
    if (options.readOnly) return "live";
    const recordedId = fit.facts.rulebookId;
    const recorded = recordedId ? this.meta(recordedId) : undefined;
    if (recorded && recordedId !== fit.rulebook.id) {
      if (previousMismatch(fit.rulebook, recorded)) return "other-scheme";
      if (!options.confirmedOtherYear) return "other-year";
    }
    if (answersDoNotFit(fit)) return "unmatched";
    return null;
  }

  /** The rulebook as scored: with the opened tally's national figures when they are in use. */
  rulebook(id: string): Rulebook {
    const rb = this.ownRulebook(id);
    return this.withTallyFigures(rb)?.rulebook ?? rb;
  }

  private ownRulebook(id: string): Rulebook {
    const rb = this.extraRulebooks.find((r) => r.id === id) ?? this.loaded.get(id);
    if (!rb) throw new UserError(msg("session.rulebook-missing", { id }));
    return rb;
  }

  private withTallyFigures(rb: Rulebook): AppliedBenchmarks | null {
    if (!this.tally || !this.kit || !this.tallyFigures) return null;
    if (!this.benchmarked.has(rb.id)) {
      const { distribution } = this.tally;
      const applied = distribution ? this.kit.applyTallyDistribution(rb, this.tally, distribution) : null;
      this.benchmarked.set(rb.id, applied && applied.matched > 0 ? applied : null);
    }
    return this.benchmarked.get(rb.id) ?? null;
  }

  async loadSettings(): Promise<PaneSettings> {
    const read = await this.port.read({ settings: [SETTING_RULEBOOK, SETTING_LANG] });
    const out: PaneSettings = {};
    const id = read.settings[SETTING_RULEBOOK];
    if (id) out.rulebookId = id;
    const lang = read.settings[SETTING_LANG];
    if (lang === "ja" || lang === "en") out.lang = lang;
    return out;
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    const values: Record<string, string> = {};
    if (settings.rulebookId) values[SETTING_RULEBOOK] = settings.rulebookId;
    if (settings.lang) values[SETTING_LANG] = settings.lang;
    await this.port.write({ settings: values });
  }

  async score(
    rulebookId: string,
    onProgress?: (step: RunStep) => void,
    options: ScoreOptions = {},
  ): Promise<RunSummary> {
    const own = await this.load(rulebookId);
    const figures = this.withTallyFigures(own);
    let notWritten: NotWritten | null = null;
    const outcome = await runScoring(this.port, {
      rulebook: figures?.rulebook ?? own,
      previous: this.previous,
      write: (fit) => {
        notWritten = this.notWritten(fit, options);
        return notWritten === null;
      },
      ...(options.readOnly && this.last && { likelyRanges: this.last.outcome.rangesRead }),
      onProgress,
    });
    this.last = { rulebookId, outcome };
    const recordedId = outcome.facts.rulebookId;
    const summary: RunSummary = {
      result: outcome.result,
      answerCells: Object.fromEntries(this.cellsOf(outcome)),
      fit: outcome.fit,
      ...(notWritten !== null && { notWritten: notWritten as NotWritten }),
      ...(recordedId &&
        recordedId !== rulebookId && {
          recorded: { id: recordedId, source: "template" as const, ...(this.infoOf(recordedId) && { info: this.infoOf(recordedId) }) },
        }),
      ...(outcome.comparison && outcome.previousSource === "file" && this.previousFile && { previousFile: this.previousFile }),
      comparison: outcome.comparison,
      previousSource:
        outcome.previousSource === "file" && this.previousFromTally ? "tally" : outcome.previousSource,
      source: outcome.source,
      answers: outcome.answers,
      context: outcome.context,
      written: outcome.written,
      conflicts: outcome.conflicts,
      roundTrips: outcome.roundTrips,
    };
    if (figures) {
      const { label, labelText, municipalities, matched, of } = figures;
      summary.benchmarks = { label, labelText, municipalities, matched, of };
    }
    return summary;
  }

  async createTemplate(rulebookId: string): Promise<void> {
    const rulebook = await this.loadRulebook(rulebookId);
    const read = await this.port.read({ used: [ANSWER_SHEET] });
    const existing = read.used.get(ANSWER_SHEET);
    if (existing && existing.cells.some((line) => line.some((c) => c.value !== null))) {
      throw new WorkbookError("failed", msg("session.answer-sheet-exists", { sheet: ANSWER_SHEET }));
    }
    await this.port.write(
      templateWrites(
        rulebook,
        read.sheets.map((s) => s.name),
      ),
    );
  }

  async selectCell(ref: string): Promise<void> {
    await this.port.select(ref);
  }

  /** Answer cells of the last run (or of a fresh read when nothing was scored yet). */
  private async answerCells(rulebookId: string): Promise<Map<string, string>> {
    // Previewing must not write: when nothing was scored yet, read the answers without writing results.
    if (this.last?.rulebookId !== rulebookId) {
      const outcome = await runScoring(this.port, {
        rulebook: await this.loadRulebook(rulebookId),
        previous: this.previous,
        write: false,
      });
      this.last = { rulebookId, outcome };
    }
    return this.cellsOf(this.last!.outcome);
  }

  private cellsOf(outcome: ScoringRunOutcome): Map<string, string> {
    const cells = new Map<string, string>();
    for (const [id, input] of Object.entries(outcome.answers)) if (input.cell) cells.set(id, input.cell);
    // Template rows without any answer yet still have their cell.
    const t = outcome.template;
    if (t?.columns.answer !== undefined) {
      for (const [id, row] of t.rows)
        if (!cells.has(id)) cells.set(id, qualified(ANSWER_SHEET, cellAddress(row, t.columns.answer)));
    }
    return cells;
  }

  async watch(handlers: WorkbookWatch): Promise<() => Promise<void>> {
    if (!this.port.watch) return async () => undefined;
    return this.port.watch(handlers);
  }

  async previewScenario(rulebookId: string, answers: Record<string, string>): Promise<CellChange[]> {
    await this.load(rulebookId);
    const cells = await this.answerCells(rulebookId);
    const targets = Object.entries(answers).filter(([id]) => cells.has(id));
    const missing = Object.keys(answers).filter((id) => !cells.has(id));
    if (missing.length) {
      throw new WorkbookError("name-missing", msg("session.answer-cells-unknown", { ids: listOf(missing) }));
    }
    const read = await this.port.read({ ranges: targets.map(([id]) => cells.get(id)!) });
    const changes: CellChange[] = [];
    targets.forEach(([indicatorId, after], k) => {
      const c = read.ranges[k].block?.cells[0]?.[0];
      if (c?.formula !== undefined) {
        throw new WorkbookError(
          "formula",
          msg("session.formula-cell", { cell: cells.get(indicatorId)!, id: indicatorId }),
          cells.get(indicatorId),
        );
      }
      const before = c?.value ?? null;
      if (String(before ?? "") !== after)
        changes.push({ indicatorId, cell: cells.get(indicatorId)!, before, after });
    });
    return changes;
  }

  async applyScenario(rulebookId: string, answers: Record<string, string>): Promise<CellChange[]> {
    const changes = await this.previewScenario(rulebookId, answers);
    if (!changes.length) return changes;
    await this.port.write({
      blocks: changes.map((ch) => {
        const r = parseRef(ch.cell);
        return { sheet: r.sheet!, top: r.top, left: r.left, values: [[ch.after]] };
      }),
    });
    this.last = undefined;
    return changes;
  }

  /** Whole template rows when answers come from the template, else the answer cells themselves. */
  private markRanges(cells: string[]): string[] {
    const t = this.last?.outcome.template;
    return cells.map((cell) => {
      const r = parseRef(cell);
      if (t && r.sheet === ANSWER_SHEET)
        return qualified(ANSWER_SHEET, `A${r.top}:${cellAddress(r.top, COLUMNS.length)}`);
      return cell;
    });
  }

  async markRows(cells: string[]): Promise<void> {
    await this.port.write({ marks: { clear: true, add: this.markRanges(cells) } });
  }

  async clearMarks(): Promise<void> {
    await this.port.write({ marks: { clear: true } });
  }

  async formMap(rulebookId: string): Promise<FormMapEntry[]> {
    const ids = indicatorIdsOf(await this.loadRulebook(rulebookId));
    const map = namedMap((await this.port.read({ names: true })).names);
    return [...map.answers]
      .filter(([id]) => ids.has(id))
      .map(([indicatorId, answerCell]) => {
        const e: FormMapEntry = { indicatorId, answerCell };
        const points = map.points.get(indicatorId);
        if (points) e.pointsCell = points;
        return e;
      });
  }

  async templateIndicators(rulebookId: string): Promise<string[]> {
    const ids = indicatorIdsOf(await this.loadRulebook(rulebookId));
    const block = (await this.port.read({ used: [ANSWER_SHEET] })).used.get(ANSWER_SHEET);
    const t = block ? readTemplate(block, ids) : null;
    return t ? [...t.rows.keys()] : [];
  }

  async detectFormMap(rulebookId: string): Promise<FormMapProposal[]> {
    const rulebook = await this.loadRulebook(rulebookId);
    const first = await this.port.read({});
    const visible = first.sheets.filter((s) => s.visible && s.name !== ANSWER_SHEET).map((s) => s.name);
    const read = await this.port.read({ used: visible });
    return detectFormMap(rulebook, [...read.used.values()]);
  }

  async saveFormMap(entries: FormMapEntry[]): Promise<void> {
    const names: { name: string; ref: string }[] = [];
    for (const e of entries) {
      names.push({ name: answerName(e.indicatorId), ref: e.answerCell });
      if (e.pointsCell) names.push({ name: pointsName(e.indicatorId), ref: e.pointsCell });
    }
    await this.port.write({ names });
    this.last = undefined;
  }

  async removeFormMap(indicatorIds: string[]): Promise<void> {
    if (indicatorIds.length)
      await this.port.write({ deleteNames: indicatorIds.flatMap((id) => [answerName(id), pointsName(id)]) });
    this.last = undefined;
  }

  async selectedCell(): Promise<string | null> {
    return this.port.selection();
  }

  async exportFormMap(rulebookId: string): Promise<string> {
    return JSON.stringify(formMapFile(rulebookId, await this.formMap(rulebookId)), null, 2);
  }

  async importFormMap(rulebookId: string, json: string): Promise<number> {
    const file = parseFormMapFile(json, await this.loadRulebook(rulebookId));
    await this.saveFormMap(file.entries);
    return file.entries.length;
  }

  async openPreviousFile(
    data: ArrayBuffer,
    fileName: string,
    options?: FileReadOptions & { currentRulebookId?: string },
  ): Promise<PreviousFile> {
    const bytes = new Uint8Array(data);
    // The tally reader and ExcelJS load only when a file is chosen, out of the pane's first download.
    const kit = await import(/* webpackChunkName: "tally" */ "../tally/kit");
    if (kit.isJson(bytes) || kit.isTallyWorkbook(bytes)) {
      const opened = await this.files.openTally(bytes, fileName, options);
      const tallyRulebook = await loadBundled(opened.rulebookId);
      if (!tallyRulebook)
        throw new UserError(msg("session.tally-rulebook-missing", { file: fileName, id: opened.rulebookId }));
      this.loaded.set(tallyRulebook.id, tallyRulebook);
      this.kit = kit;
      this.tally = opened;
      this.previousFile = fileName;
      this.ranks = new Map(opened.ranks.map((r) => [r.code, r]));
      this.tallyFigures = true;
      this.benchmarked.clear();
      // The open workbook says who it is from (template 市町村コード / 市町村名) once it was scored.
      const t = this.last?.outcome.template;
      const own =
        kit.findInsurer(opened.municipalities, t?.entityCode) ??
        kit.findInsurer(opened.municipalities, t?.entityName);
      const assumedBands = assumedSizeBands(tallyRulebook);
      return {
        kind: "tally",
        tally: {
          fileName,
          fiscalYear: opened.fiscalYear,
          rulebookId: opened.rulebookId,
          insurers: opened.municipalities.map((m) => this.insurer(m)),
          problems: opened.problems.length,
          ...(opened.lowScore && {
            lowScore: { line: opened.lowScore.line, below: opened.lowScore.below.length },
          }),
          ...(own && { suggested: own.code }),
          ...(assumedBands && { assumedBands }),
        },
      };
    }
    const res = await this.usePreviousWorkbook(bytes, fileName, options);
    return { kind: "workbook", ...res };
  }

  async usePreviousFromTally(code: string): Promise<TallyInsurer> {
    const { tally, kit } = this;
    if (!tally || !kit) throw new UserError(msg("session.choose-tally"));
    const m = kit.findInsurer(tally.municipalities, code);
    if (!m)
      throw new UserError(msg("session.insurer-not-in-tally", { code }));
    this.previous = kit.toComparable(m, this.loaded.get(tally.rulebookId)!);
    this.previousFromTally = true;
    return this.insurer(m);
  }

  private insurer(m: TallyMunicipality): TallyInsurer {
    const out: TallyInsurer = { code: m.code, name: m.name, pref: m.pref, total: m.total };
    const r = this.ranks?.get(m.code);
    if (r) out.rank = { rank: r.rank, of: r.of, bandRank: r.bandRank, bandOf: r.bandOf };
    return out;
  }

  useTallyBenchmarks(on: boolean): void {
    this.tallyFigures = on;
  }

  private async usePreviousWorkbook(
    data: Uint8Array,
    fileName: string,
    options?: FileReadOptions & { currentRulebookId?: string },
  ): Promise<Omit<Extract<PreviousFile, { kind: "workbook" }>, "kind">> {
    const { currentRulebookId, ...readOptions } = options ?? {};
    const read = await this.files.readPreviousWorkbook(data, fileName, {
      ...readOptions,
      rulebooks: this.extraRulebooks,
    });
    const id = read.rulebookId;
    const rulebook = await this.load(id);
    // A year of another grant or entity, this year's own file or a later one is never judged against this one.
    const currentId = currentRulebookId ?? this.last?.rulebookId;
    const current = currentId ? await this.load(currentId) : undefined;
    if (current) {
      const params = {
        file: fileName,
        title: localText(rulebook.title),
        year: fiscalYearText(rulebook.fiscalYear),
        current: fiscalYearText(current.fiscalYear),
        wanted: fiscalYearText(current.fiscalYear - 1),
      };
      const why = previousMismatch(current, rulebook);
      if (why) throw new UserError(msg(why === "other-scheme" ? "session.previous-other-scheme" : "session.previous-other-entity", params));
      const note = previousYearNote(current, rulebook);
      if (note) throw new UserError(msg(note === "same-year" ? "session.previous-same-year" : "session.previous-later-year", params));
    }
    this.previous = read.result;
    this.previousFromTally = false;
    this.previousFile = fileName;
    const ours = this.last?.outcome.template;
    const otherEntity = differentEntity(ours, read);
    return {
      rulebookId: id,
      fiscalYear: rulebook.fiscalYear,
      total: read.result.total.points,
      ...(otherEntity && { otherEntity }),
    };
  }
}
