// What the task pane can ask of the workbook side. The UI receives an implementation (the Office.js
// adapter inside Excel, the in-memory workbook in preview and tests) and never calls Office.js itself.
import type { Comparison } from "../engine/compare";
import type { CellInput, LocalText, ScoreContext, ScoreResult } from "../engine/types";
import type { Rulebook } from "../rulebooks/schema";
import type { FormMapEntry, FormMapProposal } from "../workbook/form-map-detect";

export type { FormMapEntry, FormMapProposal };

export interface RulebookInfo {
  id: string;
  title: LocalText;
  scheme: string;
  fiscalYear: number;
  level: "item" | "group" | "mixed";
  max: number | null;
}

export type RunStep = "read" | "score" | "write";

export interface OutputConflict {
  cell: string;
  message: string;
}

export interface RunSummary {
  result: ScoreResult;
  /** Against the previous year, when one is known (history snapshot, 前年度得点 column, or a chosen file). */
  comparison?: Comparison;
  previousSource?: "history" | "column" | "file";
  /** Where the answers came from. */
  source: "template" | "names";
  /** The answers as read, for what-if scenarios (indicator id → cell). */
  answers: Record<string, CellInput>;
  context: ScoreContext;
  /** Result cells written, and the mapped cells left alone (formulas, values Saiten did not write). */
  written: number;
  conflicts: OutputConflict[];
  /** Round trips the run cost (context.sync calls). */
  roundTrips: number;
}

export interface CellChange {
  indicatorId: string;
  cell: string;
  before: unknown;
  after: string;
}

export interface PaneSettings {
  rulebookId?: string;
  lang?: "ja" | "en";
}

export interface PaneApi {
  rulebooks(): RulebookInfo[];
  rulebook(id: string): Rulebook;
  /** Remembered in the workbook (its settings), so the choice travels with the file. */
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** Read answers, score, write points/subtotals/rates and the 採点結果 sheet, record a history snapshot. */
  score(rulebookId: string, onProgress?: (step: RunStep) => void): Promise<RunSummary>;
  /** Create the standard 回答/採点結果 sheets for a rulebook in the open workbook. */
  createTemplate(rulebookId: string): Promise<void>;
  selectCell(ref: string): Promise<void>;
  /** The answer cells a scenario would change (before → after), without changing anything. */
  previewScenario(rulebookId: string, answers: Record<string, string>): Promise<CellChange[]>;
  /** Write a scenario's answers into their answer cells: the only action that changes answers. */
  applyScenario(rulebookId: string, answers: Record<string, string>): Promise<CellChange[]>;
  /** Mark the answer rows of indicators that lost points (conditional formatting) / remove every mark. */
  markRows(cells: string[]): Promise<void>;
  clearMarks(): Promise<void>;
  /** The form map in the workbook (defined names saiten.a.<id> / saiten.p.<id>) for a rulebook's indicators. */
  formMap(rulebookId: string): Promise<FormMapEntry[]>;
  /** Scan every visible sheet for indicator ids, aliases and names; propose answer cells to confirm. */
  detectFormMap(rulebookId: string): Promise<FormMapProposal[]>;
  /** Store entries as defined names (added or replaced). */
  saveFormMap(entries: FormMapEntry[]): Promise<void>;
  removeFormMap(indicatorIds: string[]): Promise<void>;
  /** The cell selected in the sheet (manual mapping: select a cell, pick the indicator). */
  selectedCell(): Promise<string | null>;
  /** A JSON form-map file to share one map across all municipalities of a prefecture. */
  exportFormMap(rulebookId: string): Promise<string>;
  importFormMap(rulebookId: string, json: string): Promise<number>;
  /** Last year's workbook chosen in the pane, scored with last year's rulebook; used by later runs. */
  usePreviousWorkbook(
    data: ArrayBuffer,
    fileName: string,
    rulebookId?: string,
  ): Promise<{ rulebookId: string; total: number }>;
}
