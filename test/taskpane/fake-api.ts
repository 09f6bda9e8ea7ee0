// An in-memory PaneApi for the pane's tests: answers live in a map of cells, scoring is the engine's.
import { compare } from "../../src/engine/compare";
import { type Message, UserError } from "../../src/messages";
import { score } from "../../src/engine/score";
import type { CellInput, ScoreContext } from "../../src/engine/types";
import type { Rulebook } from "../../src/rulebooks/schema";
import type {
  CellChange,
  FormMapEntry,
  FormMapProposal,
  PaneApi,
  PaneSettings,
  RunStep,
  RunSummary,
  TallyInfo,
} from "../../src/app/pane-api";
import { formMapFile, parseFormMapFile } from "../../src/workbook/form-map-detect";

export interface FakeOptions {
  rulebooks: Rulebook[];
  /** Answer cell values by indicator id. */
  answers: Record<string, unknown>;
  previous?: Record<string, unknown>;
  context?: ScoreContext;
  settings?: PaneSettings;
  /** Make score() fail with this problem (a UserError, as the workbook side throws). */
  scoreError?: Message;
  /** The form map already in the workbook. */
  formMap?: FormMapEntry[];
  /** What detectFormMap() finds. */
  proposals?: FormMapProposal[];
  /** The cell selected in the sheet (null: none). */
  selection?: string | null;
  /** What openPreviousFile() finds in a file whose name says tally / 全国集計. */
  tally?: Omit<TallyInfo, "fileName">;
}

export interface FakeApi extends PaneApi {
  calls: { method: string; args: unknown[] }[];
  values: Record<string, unknown>;
  settingsSaved: PaneSettings[];
  failScoreWith(problem: Message | null): void;
  /** The form map as stored (defined names), by indicator id. */
  formMapEntries: Map<string, FormMapEntry>;
  select(cell: string | null): void;
}

export function cellOf(rb: Rulebook, id: string): string {
  const ids: string[] = [];
  const walk = (g: Rulebook["root"]) => {
    for (const c of g.children) {
      if (c.kind === "group") walk(c);
      else ids.push(c.id);
    }
  };
  walk(rb.root);
  return `回答!E${6 + ids.indexOf(id)}`;
}

export function fakeApi(opts: FakeOptions): FakeApi {
  const values: Record<string, unknown> = { ...opts.answers };
  const calls: FakeApi["calls"] = [];
  const settingsSaved: PaneSettings[] = [];
  let scoreError = opts.scoreError ?? null;
  const formMapEntries = new Map<string, FormMapEntry>(
    (opts.formMap ?? []).map((e) => [e.indicatorId, { ...e }]),
  );
  let selection = opts.selection ?? null;
  const find = (id: string) => {
    const rb = opts.rulebooks.find((r) => r.id === id);
    if (!rb) throw new Error(`ルールブック「${id}」が見つかりません。`);
    return rb;
  };
  const inputs = (rb: Rulebook, vals: Record<string, unknown>): Record<string, CellInput> => {
    const out: Record<string, CellInput> = {};
    for (const [id, value] of Object.entries(vals)) out[id] = { value, cell: cellOf(rb, id) };
    return out;
  };
  const changesFor = (rb: Rulebook, answers: Record<string, string>): CellChange[] =>
    Object.entries(answers)
      .filter(([id, after]) => values[id] !== after)
      .map(([id, after]) => ({ indicatorId: id, cell: cellOf(rb, id), before: values[id] ?? null, after }));
  const log = (method: string, ...args: unknown[]) => calls.push({ method, args });
  // As defined names: the answer name is replaced, the points name only when one is given.
  const storeFormMap = (entries: FormMapEntry[]) => {
    for (const e of entries) {
      const next: FormMapEntry = { indicatorId: e.indicatorId, answerCell: e.answerCell };
      const points = e.pointsCell ?? formMapEntries.get(e.indicatorId)?.pointsCell;
      if (points) next.pointsCell = points;
      formMapEntries.set(e.indicatorId, next);
    }
  };

  return {
    calls,
    values,
    settingsSaved,
    failScoreWith(message) {
      scoreError = message;
    },
    formMapEntries,
    select(cell) {
      selection = cell;
    },
    rulebooks: () =>
      opts.rulebooks.map((rb) => ({
        id: rb.id,
        title:
          typeof rb.title === "string"
            ? { ja: rb.title, en: rb.title }
            : { ja: rb.title.ja, en: rb.title.en ?? rb.title.ja },
        scheme: rb.scheme,
        fiscalYear: rb.fiscalYear,
        level: rb.level,
        max: rb.root.max ?? null,
      })),
    rulebook: find,
    async loadRulebook(id) {
      return find(id);
    },
    async loadSettings() {
      log("loadSettings");
      return { ...(opts.settings ?? {}) };
    },
    async saveSettings(s) {
      log("saveSettings", s);
      settingsSaved.push(s);
    },
    async score(rulebookId, onProgress) {
      log("score", rulebookId);
      const steps: RunStep[] = ["read", "score", "write"];
      onProgress?.(steps[0]);
      await Promise.resolve();
      if (scoreError) throw new UserError(scoreError);
      const rb = find(rulebookId);
      const answers = inputs(rb, values);
      const context = opts.context ?? {};
      onProgress?.(steps[1]);
      const result = score(rb, answers, context);
      onProgress?.(steps[2]);
      await Promise.resolve();
      const summary: RunSummary = {
        result,
        answerCells: Object.fromEntries(
          result.indicators.map((i) => [i.id, cellOf(rb, i.id)]),
        ),
        source: "template",
        answers,
        context,
        written: result.indicators.length,
        conflicts: [],
        roundTrips: 3,
      };
      if (opts.previous) {
        const prev = score(rb, inputs(rb, opts.previous), context);
        summary.comparison = compare(result, prev, { rateDigits: result.rateDigits });
        summary.previousSource = "history";
      }
      return summary;
    },
    async createTemplate(id) {
      log("createTemplate", id);
    },
    async selectCell(ref) {
      log("selectCell", ref);
    },
    async previewScenario(rulebookId, answers) {
      log("previewScenario", rulebookId, answers);
      return changesFor(find(rulebookId), answers);
    },
    async applyScenario(rulebookId, answers) {
      log("applyScenario", rulebookId, answers);
      const changes = changesFor(find(rulebookId), answers);
      for (const c of changes) values[c.indicatorId] = c.after;
      return changes;
    },
    async markRows(cells) {
      log("markRows", cells);
    },
    async clearMarks() {
      log("clearMarks");
    },
    async formMap(rulebookId) {
      log("formMap", rulebookId);
      find(rulebookId);
      return [...formMapEntries.values()].map((e) => ({ ...e }));
    },
    async detectFormMap(rulebookId) {
      log("detectFormMap", rulebookId);
      find(rulebookId);
      return (opts.proposals ?? []).map((p) => ({ ...p }));
    },
    async saveFormMap(entries) {
      log("saveFormMap", entries);
      storeFormMap(entries);
    },
    async removeFormMap(ids) {
      log("removeFormMap", ids);
      for (const id of ids) formMapEntries.delete(id);
    },
    async selectedCell() {
      log("selectedCell");
      return selection;
    },
    async exportFormMap(rulebookId) {
      log("exportFormMap", rulebookId);
      find(rulebookId);
      return JSON.stringify(formMapFile(rulebookId, [...formMapEntries.values()]), null, 2);
    },
    async importFormMap(rulebookId, json) {
      log("importFormMap", rulebookId, json);
      const file = parseFormMapFile(json, find(rulebookId));
      storeFormMap(file.entries);
      return file.entries.length;
    },
    async openPreviousFile(_data, fileName) {
      log("openPreviousFile", fileName);
      if (opts.tally && /tally|全国集計/.test(fileName))
        return { kind: "tally", tally: { ...opts.tally, fileName } };
      return {
        kind: "workbook",
        rulebookId: opts.rulebooks[0].id,
        fiscalYear: opts.rulebooks[0].fiscalYear - 1,
        total: 10,
      };
    },
    async usePreviousFromTally(code) {
      log("usePreviousFromTally", code);
      const m = opts.tally?.insurers.find((x) => x.code === code);
      if (!m) throw new Error(`全国集計に保険者番号 ${code} の行がありません。`);
      return m;
    },
    useTallyBenchmarks(on) {
      log("useTallyBenchmarks", on);
    },
  };
}
