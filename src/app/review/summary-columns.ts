// The 一覧 columns of the reviewer batch, shared by the summary sheet and the CSV. Kept apart from the
// workbook layout so that writing the CSV does not load ExcelJS.
import type { MessageCode } from "../../messages";
import type { ReviewRow, ReviewSummary } from "./types";
import { SummaryWords } from "./summary-words";

export type Kind = "text" | "count" | "points" | "rate" | "change" | "share" | "yen";

export interface ListColumn {
  header: string;
  /** CSV header where it differs from the sheet's (rates there are in percent). */
  csvHeader?: string;
  /** The columns the sheet marks (the size band's note, the judgement's colouring). */
  role?: "band" | "judgement";
  kind: Kind;
  width: number;
  value: (row: ReviewRow) => string | number | null | undefined;
}

/** The 一覧 columns, shared by the sheet and the CSV, in the words' language: a rate column per top- and
 *  second-level group. */
export function listColumns(summary: ReviewSummary, words: SummaryWords = new SummaryWords()): ListColumn[] {
  const say = (code: MessageCode) => words.say(code);
  const percent = (header: string) => words.say("sum.csv.percent", { header });
  const groupCols: ListColumn[] = summary.groups
    .filter((g) => g.depth === 1 || g.depth === 2)
    .map((g) => {
      const header = words.say("sum.col.group-rate", { group: words.name(g.id, g.name) });
      return {
        header,
        csvHeader: percent(header),
        kind: "rate" as const,
        width: 14,
        value: (r: ReviewRow) => r.groupRates[g.id] ?? null,
      };
    });
  const rate = say("sum.col.rate");
  const previousRate = say("sum.col.previous-rate");
  const share = say("sum.col.share");
  const estimate = say("sum.col.estimate");
  return [
    { header: say("sum.col.name"), kind: "text", width: 14, value: (r) => r.name },
    { header: say("sum.col.code"), kind: "text", width: 12, value: (r) => r.code },
    { header: say("sum.col.insured"), kind: "count", width: 12, value: (r) => r.insured },
    { header: say("sum.col.band"), role: "band", kind: "text", width: 18, value: (r) => words.band(r) },
    { header: say("sum.col.points"), kind: "points", width: 8, value: (r) => r.total },
    { header: say("sum.col.max"), kind: "points", width: 8, value: (r) => r.max },
    { header: rate, csvHeader: percent(rate), kind: "rate", width: 9, value: (r) => r.ratePercent },
    ...groupCols,
    { header: say("sum.col.rank"), kind: "count", width: 7, value: (r) => r.rank },
    { header: say("sum.col.band-rank"), kind: "count", width: 9, value: (r) => r.bandRank },
    {
      header: previousRate,
      csvHeader: percent(previousRate),
      kind: "rate",
      width: 11,
      value: (r) => r.previousRatePercent,
    },
    { header: say("sum.col.change"), kind: "change", width: 9, value: (r) => r.changeRate },
    { header: say("sum.col.trend"), kind: "text", width: 6, value: (r) => r.trend },
    {
      header: say("sum.col.judgement"),
      role: "judgement",
      kind: "text",
      width: 8,
      value: (r) => words.judgement(r.judgement),
    },
    { header: say("sum.col.issues"), kind: "count", width: 9, value: (r) => r.issues },
    { header: say("sum.col.mismatches"), kind: "count", width: 9, value: (r) => r.mismatches },
    { header: share, csvHeader: percent(share), kind: "share", width: 9, value: (r) => r.share },
    {
      header: estimate,
      csvHeader: words.say("sum.csv.yen", { header: estimate }),
      kind: "yen",
      width: 14,
      value: (r) => r.estimate,
    },
    { header: say("sum.col.file"), kind: "text", width: 30, value: (r) => r.file },
  ];
}
