// The pane's heavy reads of a chosen file: a national tally (1,741 rows and hundreds of columns) and
// last year's answer workbook (the fast reader, or ExcelJS where it leaves the book to it, then a
// scoring run). Each can take seconds on a slow PC, so the pane runs them in a Web Worker
// (src/taskpane/file-reads.worker.ts) and keeps its own thread free to show progress and to stop;
// tests and the preview without workers use inThreadFileReads.
// Both sides of the worker share what is here: the reads themselves and how their errors travel.
import { WORKBOOK_LIMITS } from "../files/limits";
import { type Message, msg, UserError } from "../messages";
import type { ScoreResult } from "../engine/types";
import { loadBundled } from "../rulebooks/load-bundled";
import type { Rulebook } from "../rulebooks/schema";
import type { OpenedTally, TallyDistribution } from "../tally/kit";
import { WorkbookError } from "../workbook/port";
import { runScoring, type WorkbookFacts } from "./scoring-run";

/** How far a read has come: the file opened, data rows read so far, last year's answers scored. */
export type ReadProgress = { stage: "open" } | { stage: "rows"; rows: number } | { stage: "score" };

export interface FileReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** Stops the read; it then fails with ReadCancelled. */
  signal?: AbortSignal;
}

/** Last year's answer workbook, scored with the rulebook its 回答 sheet names. */
export interface PreviousWorkbookRead {
  rulebookId: string;
  result: ScoreResult;
  /** Whom the workbook says it is from (its template's 市町村コード and 市町村名). */
  entityCode?: string;
  entityName?: string;
}

/** A national tally as read, with its distribution computed where it was read (see tallyDistribution). */
export interface TallyWithFigures extends OpenedTally {
  /** Null when Saiten has no rulebook of the tally's year to read the rows with. */
  distribution: TallyDistribution | null;
}

export interface FileReads {
  /**
   * A national tally, either form (checked against the limits before anything parses it). The bytes
   * are handed over: a worker takes them without copying, so the caller must not use them after.
   */
  openTally(data: Uint8Array, fileName: string, options?: FileReadOptions): Promise<TallyWithFigures>;
  /** Last year's answer workbook: checked, opened, scored without writing. Bytes handed over too. */
  readPreviousWorkbook(
    data: Uint8Array,
    fileName: string,
    options?: FileReadOptions & {
      /** Rulebooks the session has besides the bundled ones (a worker has only the bundled). */
      rulebooks?: Rulebook[];
    },
  ): Promise<PreviousWorkbookRead>;
}

/** The user stopped a read: said as a notice, not as a failure. */
export class ReadCancelled extends UserError {
  constructor(fileName: string) {
    super(msg("session.read-cancelled", { file: fileName }));
    this.name = "ReadCancelled";
  }
}

function stopIfCancelled(options: FileReadOptions | undefined, fileName: string): void {
  if (options?.signal?.aborted) throw new ReadCancelled(fileName);
}

/** The reads on the calling thread (inside the worker, and wherever there is no worker). */
export const inThreadFileReads: FileReads = {
  async openTally(data, fileName, options) {
    options?.onProgress?.({ stage: "open" });
    const { openTally } = await import(/* webpackChunkName: "tally-read" */ "../tally/open");
    const { tallyDistribution } = await import(/* webpackChunkName: "tally" */ "../tally/kit");
    stopIfCancelled(options, fileName);
    let opened: OpenedTally;
    try {
      opened = await openTally(data, fileName, {
        onRows: (rows) => {
          options?.onProgress?.({ stage: "rows", rows });
          stopIfCancelled(options, fileName);
        },
      });
    } catch (e) {
      // The tally reader's problems do not name the file: say which one.
      if (e instanceof UserError && e.name === "TallyError")
        throw new UserError(msg("cli.in-file", { file: fileName, detail: e.detail }));
      throw e;
    }
    const own = await loadBundled(opened.rulebookId);
    return { ...opened, distribution: own ? tallyDistribution(opened.municipalities, own) : null };
  },

  async readPreviousWorkbook(data, fileName, options) {
    options?.onProgress?.({ stage: "open" });
    // The readers are loaded only when a file is chosen, keeping them out of the pane's first download;
    // ExcelJS only for a workbook the fast reader leaves to it.
    const { readWorkbook } = await import(/* webpackChunkName: "read-workbook" */ "../adapters/read-workbook");
    stopIfCancelled(options, fileName);
    // The run's own first read names the rulebook (the 回答 sheet's ルールブックID): one read, not two.
    const chooseRulebook = async (facts: WorkbookFacts) => {
      const id = facts.rulebookId;
      if (!id) throw new UserError(msg("session.previous-rulebook-unknown", { file: fileName }));
      const rulebook = options?.rulebooks?.find((r) => r.id === id) ?? (await loadBundled(id));
      if (!rulebook) throw new UserError(msg("session.rulebook-missing", { id }));
      options?.onProgress?.({ stage: "score" });
      return rulebook;
    };
    const outcome = await readWorkbook(data, fileName, WORKBOOK_LIMITS, (port) => {
      stopIfCancelled(options, fileName);
      return runScoring(port, { rulebook: chooseRulebook, write: false });
    });
    const out: PreviousWorkbookRead = { rulebookId: outcome.rulebook.id, result: outcome.result };
    if (outcome.template?.entityCode) out.entityCode = outcome.template.entityCode;
    if (outcome.template?.entityName) out.entityName = outcome.template.entityName;
    return out;
  },
};

/** An error as it crosses to or from a worker (structured clone keeps data, not classes). */
export type WireError =
  | { kind: "cancelled"; file: string }
  | { kind: "user"; name: string; detail: Message; exitCode: number }
  | { kind: "workbook"; code: WorkbookError["code"]; detail: Message; cell?: string }
  | { kind: "other"; message: string };

export function errorToWire(e: unknown, fileName: string): WireError {
  if (e instanceof ReadCancelled) return { kind: "cancelled", file: fileName };
  if (e instanceof UserError) return { kind: "user", name: e.name, detail: e.detail, exitCode: e.exitCode };
  if (e instanceof WorkbookError) return { kind: "workbook", code: e.code, detail: e.detail, cell: e.cell };
  return { kind: "other", message: e instanceof Error ? e.message : String(e) };
}

export function errorFromWire(w: WireError): Error {
  switch (w.kind) {
    case "cancelled":
      return new ReadCancelled(w.file);
    case "user": {
      const e = new UserError(w.detail, w.exitCode);
      e.name = w.name;
      return e;
    }
    case "workbook":
      return new WorkbookError(w.code, w.detail, w.cell);
    default:
      return new Error(w.message);
  }
}
