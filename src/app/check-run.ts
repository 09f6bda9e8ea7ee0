// The prefectural reviewer's desk: check the open workbook (a municipality's submission) without
// writing to it, the batch summary of many submissions, and where their reports go. One review
// behind every shell: the open workbook is reviewed by the batch's own code (review-workbook.ts) and
// its report is the batch's summary layout for one municipality.
import type { Lang } from "../messages";
import type { Rulebook } from "../rulebooks/schema";
import type { WorkbookPort } from "../workbook/port";
import type { ReviewRecord, ReviewSummary } from "./review/types";
import type { SummarySource } from "./review-collector";

export interface CheckOutcome {
  rulebookId: string;
  /** The open workbook, reviewed as a file of the batch is. */
  record: ReviewRecord;
  /** The batch's summary of this one workbook (what its report shows). */
  summary: ReviewSummary;
}

/** Where a report goes: a new workbook (ExcelApi 1.8), new sheets of the open workbook, or a file to save. */
export type ReportTarget = "new-workbook" | "sheets" | "download";

export interface ReportWritten {
  target: ReportTarget;
  /** The report's sheets (as named where they were written). */
  sheets: string[];
  /** The .xlsx, for "download". */
  bytes?: Uint8Array;
}

/** Opens .xlsx bytes as a new workbook in Excel (the Office adapter's, injected by the shell). */
export type OpenNewWorkbook = (bytes: Uint8Array) => Promise<void>;

export interface ReviewerApi {
  /** Scores the open workbook and compares what it reports with what its answers score; writes nothing. */
  check(rulebookId: string, label: string): Promise<CheckOutcome>;
  /** A check's report never goes into the checked workbook: a new workbook, else a file to save. */
  checkReportTarget(): ReportTarget;
  /** The reports are in `lang` (the pane's language). */
  writeCheckReport(check: CheckOutcome, lang: Lang): Promise<ReportWritten>;
  /** The batch summary: a new workbook, else new sheets of the open (the reviewer's own) workbook. */
  summaryTarget(): ReportTarget;
  writeSummary(source: SummarySource, lang: Lang): Promise<ReportWritten>;
}

export class ReviewerSession implements ReviewerApi {
  constructor(
    private readonly port: WorkbookPort,
    private readonly rulebookOf: (id: string) => Promise<Rulebook>,
    private readonly openNew?: OpenNewWorkbook,
  ) {}

  async check(rulebookId: string, label: string): Promise<CheckOutcome> {
    const rulebook = await this.rulebookOf(rulebookId);
    // Loaded when first used: the pane's first screen does not carry the review.
    const [{ reviewPort }, { summarise }] = await Promise.all([
      import("./review/review-workbook"),
      import("./review/summarise"),
    ]);
    // reviewPort reads through the port only (runScoring with write: false): no write request is made.
    const record = await reviewPort(this.port, label, { rulebook });
    const summary = summarise([record], { rulebook });
    return { rulebookId, record, summary };
  }

  checkReportTarget(): ReportTarget {
    return this.openNew ? "new-workbook" : "download";
  }

  summaryTarget(): ReportTarget {
    return this.openNew ? "new-workbook" : "sheets";
  }

  async writeCheckReport(check: CheckOutcome, lang: Lang): Promise<ReportWritten> {
    const { summaryWorkbook, xlsxBytes } = await import("./review/summary-book");
    const book = summaryWorkbook(check.summary, { lang, rulebook: await this.rulebookOf(check.rulebookId) });
    const bytes = await xlsxBytes(book);
    const sheets = book.worksheets.map((w) => w.name);
    if (!this.openNew) return { target: "download", sheets, bytes };
    await this.openNew(bytes);
    return { target: "new-workbook", sheets };
  }

  async writeSummary(source: SummarySource, lang: Lang): Promise<ReportWritten> {
    if (this.openNew) {
      const { bytes, sheets } = await source.xlsx(lang);
      await this.openNew(bytes);
      return { target: "new-workbook", sheets };
    }
    const read = await this.port.read({});
    const { request, sheets } = await source.writes(
      read.sheets.map((s) => s.name),
      lang,
    );
    await this.port.write(request);
    return { target: "sheets", sheets };
  }
}
