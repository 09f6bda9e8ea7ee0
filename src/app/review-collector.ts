// The batch's records gathered off the pane's main thread: the summary of 1,741 records takes longer
// than a frame may (and its report longer still), so the pane hands each record, as it arrives, to a
// worker that keeps them in the order of the files, summarises them with the batch's own summarise(),
// and builds the summary workbook (or, for an Excel that cannot open one, the writes of its sheets).
// The main thread receives only what it shows: the summary without its long issue lists.
import type { Lang } from "../messages";
import type { Rulebook } from "../rulebooks/schema";
import type { WriteRequest } from "../workbook/port";
import { summarise } from "./review/summarise";
import { nationalLowLine } from "./review/glance";
import type { ReviewRecord, ReviewSummary } from "./review/types";
import { reportWrites } from "./report-sheets";

/** What the pane shows of a summary: everything but the issue and mismatch lists (their counts instead). */
export type SummaryView = Omit<ReviewSummary, "issues" | "mismatches"> & { issueCount: number; mismatchCount: number };

export function summaryView(s: ReviewSummary): SummaryView {
  const { issues, mismatches, ...rest } = s;
  return { ...rest, issueCount: issues.length, mismatchCount: mismatches.length };
}

/** Where the summary's report comes from: built where the records are (a worker, or this thread), in the
 *  language asked for. */
export interface SummarySource {
  xlsx(lang: Lang): Promise<{ bytes: Uint8Array; sheets: string[] }>;
  writes(existing: string[], lang: Lang): Promise<{ request: WriteRequest; sheets: string[] }>;
}

export type CollectorMessage =
  | { kind: "init"; rulebook: Rulebook }
  | { kind: "record"; index: number; record: ReviewRecord }
  /** `prepare`: the report is built right after, in that language, while the reviewer reads the summary (see prepareXlsx). */
  | { kind: "summarise"; extra: ReviewRecord[]; prepare?: Lang }
  | { kind: "xlsx"; lang: Lang }
  | { kind: "writes"; existing: string[]; lang: Lang };

export type CollectorReply =
  | { kind: "summary"; view: SummaryView }
  | { kind: "xlsx"; bytes: Uint8Array; sheets: string[] }
  | { kind: "writes"; request: WriteRequest; sheets: string[] };

export class SummaryCollector implements SummarySource {
  private readonly records: ReviewRecord[] = [];
  private summary?: ReviewSummary;
  private all: ReviewRecord[] = [];
  /** The summary workbook built ahead of the question, for the current summary, in `lang`; given out once. */
  private prepared?: { lang: Lang; built: Promise<{ bytes: Uint8Array; sheets: string[] }> };

  constructor(private readonly rulebook: Rulebook) {}

  add(index: number, record: ReviewRecord): void {
    this.records[index] = record;
    this.summary = undefined;
    this.prepared = undefined;
  }

  /** The files' records in their order, then `extra` (files refused before reading), as the CLI orders them. */
  summarise(extra: readonly ReviewRecord[] = []): ReviewSummary {
    this.all = [...this.records.filter((r): r is ReviewRecord => r !== undefined), ...extra];
    this.summary = summarise(this.all, { rulebook: this.rulebook });
    this.prepared = undefined;
    return this.summary;
  }

  /**
   * Builds the summary workbook now, before the reviewer asks for it: ExcelJS writes it several times
   * slower the first time (its code not yet run), and the reviewer is reading the summary meanwhile.
   */
  prepareXlsx(lang: Lang): void {
    if (this.prepared?.lang === lang) return;
    this.prepared = { lang, built: this.build(lang) };
    this.prepared.built.catch(() => undefined); // asked again, and its failure told, by xlsx()
  }

  private async book(lang: Lang) {
    const { addMatrixSheet, summaryWorkbook } = await import("./review/summary-book");
    const summary = this.summary ?? this.summarise();
    const language = { lang, rulebook: this.rulebook };
    const book = summaryWorkbook(summary, language);
    addMatrixSheet(book, summary, this.all, nationalLowLine(this.rulebook), language);
    return book;
  }

  /** The summary workbook's bytes: the one prepared, if any (its bytes are handed over, so only once). */
  async xlsx(lang: Lang): Promise<{ bytes: Uint8Array; sheets: string[] }> {
    const ready = this.prepared?.lang === lang ? this.prepared.built : undefined;
    this.prepared = undefined;
    return (await ready?.catch(() => undefined)) ?? this.build(lang);
  }

  private async build(lang: Lang): Promise<{ bytes: Uint8Array; sheets: string[] }> {
    const book = await this.book(lang);
    const { xlsxBytes } = await import("./review/summary-book"); // loaded by book()
    return { bytes: await xlsxBytes(book), sheets: book.worksheets.map((w) => w.name) };
  }

  async writes(existing: string[], lang: Lang): Promise<{ request: WriteRequest; sheets: string[] }> {
    return reportWrites(await this.book(lang), existing);
  }
}

/** A worker's side: one collector per init, one reply per question. */
export function collectorHandler(post: (reply: CollectorReply, transfer?: ArrayBuffer[]) => void): (m: CollectorMessage) => Promise<void> {
  let collector: SummaryCollector | undefined;
  return async (m) => {
    if (m.kind === "init") collector = new SummaryCollector(m.rulebook);
    else if (!collector) return;
    else if (m.kind === "record") collector.add(m.index, m.record);
    else if (m.kind === "summarise") {
      post({ kind: "summary", view: summaryView(collector.summarise(m.extra)) });
      if (m.prepare) collector.prepareXlsx(m.prepare);
    }
    else if (m.kind === "xlsx") {
      const { bytes, sheets } = await collector.xlsx(m.lang);
      post({ kind: "xlsx", bytes, sheets }, [bytes.buffer as ArrayBuffer]);
    } else post({ kind: "writes", ...(await collector.writes(m.existing, m.lang)) });
  };
}
