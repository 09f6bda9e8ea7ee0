// What the task pane can ask of the workbook side. The UI receives an implementation (the Office.js
// adapter inside Excel, the in-memory workbook in preview and tests) and never calls Office.js itself.
import type { Comparison } from "../engine/compare";
import type { CellInput, LocalText, ScoreContext, ScoreResult } from "../engine/types";
import type { Rulebook } from "../rulebooks/schema";
import type { FormMapEntry, FormMapProposal } from "../workbook/form-map-detect";
import type { RunStep } from "./scoring-run";
import type { FileReadOptions, ReadProgress } from "./file-reads";
import type { OutputConflict } from "../workbook/template";
import type { SheetWatch } from "../workbook/port";
import type { ExcelSupport, OptionalFeature } from "../adapters/office/excel-support";
import type { ReviewerApi } from "./check-run";

export type {
  ExcelSupport,
  FileReadOptions,
  FormMapEntry,
  FormMapProposal,
  OptionalFeature,
  OutputConflict,
  ReadProgress,
  RunStep,
};

export interface RulebookInfo {
  id: string;
  title: LocalText;
  scheme: string;
  fiscalYear: number;
  level: "item" | "group" | "mixed";
  max: number | null;
}

/** Why a run wrote nothing: the result is shown read-only, with the reason. */
export type NotWritten =
  /** The workbook records a rulebook of another grant or entity. */
  | "other-scheme"
  /** The workbook records another year's rulebook of the same grant, and the user has not confirmed. */
  | "other-year"
  /** Most answers belong to another rulebook (none of this one's indicators, or more of another's). */
  | "unmatched"
  /** A live re-score after answers changed in the sheet: results are written only on a click. */
  | "live";

/** The rulebook a workbook records about itself (its answer sheet's ルールブックID, else its history). */
export interface RecordedRulebook {
  id: string;
  /** Known to this pane (bundled or imported): its year, grant and title. */
  info?: RulebookInfo;
  source: "template" | "history";
}

export interface ScoreOptions {
  /** The user was told the workbook records another year's rulebook and chose to write anyway. */
  confirmedOtherYear?: boolean;
  /** Read and score only (live results): nothing is written. */
  readOnly?: boolean;
}

export type WorkbookWatch = SheetWatch;

export interface RunSummary {
  result: ScoreResult;
  /** Set when nothing was written (see NotWritten). */
  notWritten?: NotWritten;
  /** The rulebook the workbook records, when it is not the one scored with. */
  recorded?: RecordedRulebook;
  /** How the answers fit the rulebook: its indicators found, and ids it does not have. */
  fit?: { matched: number; unknown: number };
  /** Answer cells of the run by indicator id (template rows without an answer included). */
  answerCells: Record<string, string>;
  /** Against the previous year, when one is known (history snapshot, 前年度得点 column, or a chosen file). */
  comparison?: Comparison;
  previousSource?: "history" | "column" | "file" | "tally";
  /** The file compared with, when last year came from a chosen file or tally. */
  previousFile?: string;
  /** National figures taken from an opened national tally instead of the rulebook's bundled ones. */
  benchmarks?: TallyBenchmarksInUse;
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

export interface TallyBenchmarksInUse {
  /** e.g. 「全国集計 2025年度（file.xlsx）」. */
  label: string;
  /** The label in both languages. */
  labelText: { ja: string; en: string };
  municipalities: number;
  /** Figures replaced, of the places in the rulebook that carry one. */
  matched: number;
  of: number;
}

export interface TallyInsurer {
  /** 保険者番号 (6 digits, leading zero kept). */
  code: string;
  name: string;
  pref: string;
  total: number;
  /** Rank nationally and within its size band (standard competition ranking), when known. */
  rank?: { rank: number; of: number; bandRank: number | null; bandOf: number | null };
}

/** A national tally (全国集計) opened in the pane. */
export interface TallyInfo {
  fileName: string;
  fiscalYear: number | null;
  rulebookId: string;
  insurers: TallyInsurer[];
  /** Problems the reader reported (unknown columns, sums that disagree …). */
  problems: number;
  /** The "mean rate − 2 SD" line of the total and how many rows fall below it. */
  lowScore?: { line: number; below: number };
  /** The open workbook's own row, found by its 市町村コード or a 市町村名 only one row carries. */
  suggested?: string;
  /** Set when the tally's size bands (its rulebook's) are carried forward from another year. */
  assumedBands?: { ja: string; en: string };
}

export type PreviousFile =
  | {
      kind: "workbook";
      rulebookId: string;
      fiscalYear: number;
      total: number;
      /** Set when the file names another municipality than the open workbook (compared, but flagged). */
      otherEntity?: { name?: string; code?: string };
    }
  | { kind: "tally"; tally: TallyInfo };

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
  /** Every rulebook the pane can use, without their data (bundled ones are downloaded when used). */
  rulebooks(): RulebookInfo[];
  /** The rulebook as scored, once loaded (by loadRulebook or a run with it); throws before. */
  rulebook(id: string): Rulebook;
  /** Downloads the rulebook when needed: what rulebook(id) then returns. */
  loadRulebook(id: string): Promise<Rulebook>;
  /** Remembered in the workbook (its settings), so the choice travels with the file. */
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /**
   * Read answers, score, write points/subtotals/rates and the 採点結果 sheet, record a history snapshot —
   * unless the answers do not fit the rulebook, the workbook records another one (see NotWritten), or
   * options.readOnly.
   */
  score(rulebookId: string, onProgress?: (step: RunStep) => void, options?: ScoreOptions): Promise<RunSummary>;
  /** The rulebook the open workbook records, to choose it by default. */
  recordedRulebook?(): Promise<RecordedRulebook | null>;
  /** Follow changes and the selection in the sheet (worksheet events); the returned function stops. */
  watch?(handlers: WorkbookWatch): Promise<() => Promise<void>>;
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
  /** The rulebook's indicators the standard answer sheet (回答) has a row for: mapped without names. */
  templateIndicators?(rulebookId: string): Promise<string[]>;
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
  /**
   * A file chosen as last year's: an answer workbook (scored with last year's rulebook and used by
   * later runs), or a national tally (MHLW's .xlsx or the JSON of `saiten tally import`), whose rows
   * can then serve as last year's result and whose distribution as the national figures.
   */
  openPreviousFile(
    data: ArrayBuffer,
    fileName: string,
    /** The rulebook the pane has chosen (last year is checked against it), and the read's progress and stop. */
    options?: FileReadOptions & { currentRulebookId?: string },
  ): Promise<PreviousFile>;
  /** One insurer's row of the opened tally as last year's result for later runs. */
  usePreviousFromTally(code: string): Promise<TallyInsurer>;
  /** National figures from the opened tally (true, the default once one is open) or the rulebook's. */
  useTallyBenchmarks(on: boolean): void;
  /** Inside Excel: which features this Excel lacks (older than Office 2021), for the pane to say so. */
  excelSupport?(): ExcelSupport | null;
  /** The prefectural reviewer's desk: check the open workbook without writing, write reports elsewhere. */
  reviewer?(): ReviewerApi;
}
