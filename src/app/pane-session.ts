// PaneApi over a workbook port: the Office.js adapter in Excel, the in-memory workbook in preview.
import { type ComparableResult, previousMismatch } from "../engine/compare";
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
import { runScoring, ScoringRunOutcome } from "./scoring-run";
import { type OpenNewWorkbook, type ReviewerApi, ReviewerSession } from "./check-run";
import { ANSWER_SHEET, COLUMNS, templateWrites } from "../workbook/template";
import type { AppliedBenchmarks } from "../tally/kit";
import { type FileReadOptions, type FileReads, inThreadFileReads, type TallyWithFigures } from "./file-reads";
import type { TallyMunicipality, TallyRank } from "../tally/types";
import type {
  CellChange,
  ExcelSupport,
  PaneApi,
  PaneSettings,
  PreviousFile,
  RulebookInfo,
  RunStep,
  RunSummary,
  TallyInsurer,
} from "./pane-api";

const SETTING_RULEBOOK = "saiten.rulebook";
const SETTING_LANG = "saiten.lang";

export class WorkbookPaneApi implements PaneApi {
  private last?: { rulebookId: string; outcome: ScoringRunOutcome };
  private previous?: ComparableResult;
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

  async score(rulebookId: string, onProgress?: (step: RunStep) => void): Promise<RunSummary> {
    const own = await this.load(rulebookId);
    const figures = this.withTallyFigures(own);
    const outcome = await runScoring(this.port, {
      rulebook: figures?.rulebook ?? own,
      previous: this.previous,
      write: true,
      onProgress,
    });
    this.last = { rulebookId, outcome };
    const summary: RunSummary = {
      result: outcome.result,
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
        rulebook: this.rulebook(rulebookId),
        previous: this.previous,
        write: false,
      });
      this.last = { rulebookId, outcome };
    }
    const cells = new Map<string, string>();
    for (const [id, input] of Object.entries(this.last!.outcome.answers))
      if (input.cell) cells.set(id, input.cell);
    // Template rows without any answer yet still have their cell.
    const t = this.last!.outcome.template;
    if (t?.columns.answer !== undefined) {
      for (const [id, row] of t.rows)
        if (!cells.has(id)) cells.set(id, qualified(ANSWER_SHEET, cellAddress(row, t.columns.answer)));
    }
    return cells;
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

  async openPreviousFile(data: ArrayBuffer, fileName: string, options?: FileReadOptions): Promise<PreviousFile> {
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
    options?: FileReadOptions,
  ): Promise<{ rulebookId: string; total: number }> {
    const { rulebookId: id, result } = await this.files.readPreviousWorkbook(data, fileName, {
      ...options,
      rulebooks: this.extraRulebooks,
    });
    const rulebook = await this.load(id);
    // A year of another grant or entity is never judged against this one.
    const current = this.last ? this.ownRulebook(this.last.rulebookId) : undefined;
    const why = current ? previousMismatch(current, rulebook) : null;
    if (why)
      throw new UserError(msg(why === "other-scheme" ? "previous.other-scheme" : "previous.other-entity", { file: fileName, id }));
    this.previous = result;
    this.previousFromTally = false;
    return { rulebookId: id, total: result.total.points };
  }
}
