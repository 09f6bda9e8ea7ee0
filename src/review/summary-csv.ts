// The summary's 一覧 columns as CSV (UTF-8 with BOM, CRLF, RFC 4180), loaded only by a run that writes
// one: csv-stringify and the columns are not every review's to load.
import { stringify } from "csv-stringify/sync";
import { num } from "../engine/text";
import type { ReviewSummary } from "../app/review/types";
import { listColumns } from "../app/review/summary-columns";
import { type SummaryLanguage, SummaryWords } from "../app/review/summary-words";

/**
 * The 一覧 columns as CSV, headed in the language asked for: UTF-8 with BOM (Excel then reads Japanese
 * correctly), CRLF line ends, RFC 4180 quoting (csv-stringify). Text a spreadsheet would take for a
 * formula (starting with = + - @, a tab or CR, or their full-width forms: OWASP's CSV-injection rule)
 * gets a leading apostrophe; numbers are written as numbers, rates and shares in percent, the estimate
 * rounded to the yen.
 */
export function summaryCsv(summary: ReviewSummary, language?: SummaryLanguage): string {
  const cols = listColumns(summary, new SummaryWords(language));
  const records: (string | number | null | undefined)[][] = [cols.map((c) => c.csvHeader ?? c.header)];
  for (const row of summary.rows) {
    records.push(
      cols.map((c) => {
        const v = c.value(row);
        if (typeof v !== "number") return v;
        if (c.kind === "share") return Math.round(v * 1e8) / 1e6;
        if (c.kind === "yen") return Math.round(v);
        return v;
      }),
    );
  }
  return stringify(records, {
    bom: true,
    record_delimiter: "windows",
    escape_formulas: true,
    cast: { number: (n) => num(n) },
  });
}
