// The summary as summary.xlsx (the layout of ../app/review/summary-book.ts, shared with the task pane);
// the CSV is summary-csv.ts, the JSON the ReviewSummary itself.
import type { ReviewSummary } from "../app/review/types";
import type { SummaryLanguage } from "../app/review/summary-words";

/**
 * Loads the summary workbook's layout and ExcelJS (about 0.13 s): only a run that writes
 * summary.xlsx pays for it, and the CLI asks for it while the workers start, when this thread waits.
 */
export function loadSummaryBook(): Promise<typeof import("../app/review/summary-book")> {
  return import("../app/review/summary-book");
}

/** The summary workbook as .xlsx bytes, in the language asked for (the caller saves them through its safe write). */
export async function summaryXlsxBytes(
  summary: ReviewSummary,
  language?: SummaryLanguage,
): Promise<Uint8Array> {
  const { summaryWorkbook, xlsxBytes } = await loadSummaryBook();
  return xlsxBytes(summaryWorkbook(summary, language));
}
