// The 一覧 columns of the reviewer batch, shared by the summary sheet and the CSV. Kept apart from the
// workbook layout so that writing the CSV does not load ExcelJS.
import type { ReviewRow, ReviewSummary } from "./types";

export type Kind = "text" | "count" | "points" | "rate" | "change" | "share" | "yen";

export interface ListColumn {
  header: string;
  /** CSV header where it differs from the sheet's (rates there are in percent). */
  csvHeader?: string;
  kind: Kind;
  width: number;
  value: (row: ReviewRow) => string | number | null | undefined;
}

/** The 一覧 columns, shared by the sheet and the CSV: a rate column per top- and second-level group. */
export function listColumns(summary: ReviewSummary): ListColumn[] {
  const groupCols: ListColumn[] = summary.groups
    .filter((g) => g.depth === 1 || g.depth === 2)
    .map((g) => ({
      header: `${g.name} 得点率`,
      csvHeader: `${g.name} 得点率(%)`,
      kind: "rate" as const,
      width: 14,
      value: (r: ReviewRow) => r.groupRates[g.id] ?? null,
    }));
  return [
    { header: "市町村名", kind: "text", width: 14, value: (r) => r.name },
    { header: "市町村コード", kind: "text", width: 12, value: (r) => r.code },
    { header: "被保険者数", kind: "count", width: 12, value: (r) => r.insured },
    { header: "規模区分", kind: "text", width: 18, value: (r) => r.sizeClassName ?? r.sizeClass },
    { header: "得点", kind: "points", width: 8, value: (r) => r.total },
    { header: "満点", kind: "points", width: 8, value: (r) => r.max },
    { header: "得点率", csvHeader: "得点率(%)", kind: "rate", width: 9, value: (r) => r.ratePercent },
    ...groupCols,
    { header: "順位", kind: "count", width: 7, value: (r) => r.rank },
    { header: "規模区分内順位", kind: "count", width: 9, value: (r) => r.bandRank },
    {
      header: "前年度得点率",
      csvHeader: "前年度得点率(%)",
      kind: "rate",
      width: 11,
      value: (r) => r.previousRatePercent,
    },
    { header: "差(ポイント)", kind: "change", width: 9, value: (r) => r.changeRate },
    { header: "傾向", kind: "text", width: 6, value: (r) => r.trend },
    { header: "判定", kind: "text", width: 8, value: (r) => r.judgement },
    { header: "確認事項数", kind: "count", width: 9, value: (r) => r.issues },
    { header: "不一致数", kind: "count", width: 9, value: (r) => r.mismatches },
    { header: "按分率", csvHeader: "按分率(%)", kind: "share", width: 9, value: (r) => r.share },
    { header: "交付見込額", csvHeader: "交付見込額(円)", kind: "yen", width: 14, value: (r) => r.estimate },
    { header: "ファイル", kind: "text", width: 30, value: (r) => r.file },
  ];
}
