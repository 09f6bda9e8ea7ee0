// The words of the reviewer's summary workbook (一覧 / 確認事項 / 指標別 / 市町村×指標) and its CSV, in the
// language of whoever asked for it (--lang, the pane's language). The JSON keeps codes, for programs.
import type { Bilingual } from "./format";

export const SUMMARY_MESSAGES = {
  // ------------------------------------------------------------ sheets
  "sum.sheet.list": { ja: "一覧", en: "List" },
  "sum.sheet.checks": { ja: "確認事項", en: "Checks" },
  "sum.sheet.indicators": { ja: "指標別", en: "By indicator" },
  "sum.sheet.matrix": { ja: "市町村×指標", en: "Municipalities × indicators" },

  // ------------------------------------------------------------ 一覧 (and the CSV)
  "sum.col.name": { ja: "市町村名", en: "Municipality" },
  "sum.col.code": { ja: "市町村コード", en: "Code" },
  "sum.col.insured": { ja: "被保険者数", en: "Insured persons" },
  "sum.col.band": { ja: "規模区分", en: "Size class" },
  "sum.col.points": { ja: "得点", en: "Points" },
  "sum.col.max": { ja: "満点", en: "Maximum" },
  "sum.col.rate": { ja: "得点率", en: "Rate" },
  "sum.col.group-rate": { ja: "{group} 得点率", en: "{group} rate" },
  "sum.col.rank": { ja: "順位", en: "Rank" },
  "sum.col.band-rank": { ja: "規模区分内順位", en: "Rank in size class" },
  "sum.col.previous-rate": { ja: "前年度得点率", en: "Last year's rate" },
  "sum.col.change": { ja: "差(ポイント)", en: "Change (points)" },
  "sum.col.trend": { ja: "傾向", en: "Trend" },
  "sum.col.judgement": { ja: "判定", en: "Judgement" },
  "sum.col.issues": { ja: "確認事項数", en: "Checks" },
  "sum.col.mismatches": { ja: "不一致数", en: "Mismatches" },
  "sum.col.share": { ja: "按分率", en: "Share" },
  "sum.col.estimate": { ja: "交付見込額", en: "Estimated grant" },
  "sum.col.file": { ja: "ファイル", en: "File" },
  /** A CSV column in percent or in yen (the sheet shows the unit by its format). */
  "sum.csv.percent": { ja: "{header}(%)", en: "{header} (%)" },
  "sum.csv.yen": { ja: "{header}(円)", en: "{header} (yen)" },
  /** The note on 規模区分 where the bands are another year's, carried forward. */
  "sum.bands-assumed": {
    ja: "{assumed}（規模区分・規模区分内順位）",
    en: "Size class and rank in it: {assumed}",
  },

  // ------------------------------------------------------------ 確認事項
  "sum.check.type": { ja: "種別", en: "Type" },
  "sum.check.kind": { ja: "分類", en: "Kind" },
  "sum.check.cell": { ja: "セル", en: "Cell" },
  "sum.check.target": { ja: "対象", en: "Target" },
  "sum.check.severity": { ja: "重要度", en: "Severity" },
  "sum.check.content": { ja: "内容", en: "Description" },
  "sum.check.reported": { ja: "記載値", en: "Reported" },
  "sum.check.computed": { ja: "再計算値", en: "Recomputed" },
  "sum.type.unreadable": { ja: "読めない", en: "Unreadable" },
  "sum.type.duplicate": { ja: "重複", en: "Duplicate" },
  "sum.type.mismatch": { ja: "不一致", en: "Mismatch" },
  "sum.type.check": { ja: "確認事項", en: "Check" },

  // ------------------------------------------------------------ 指標別
  "sum.ind.id": { ja: "指標ID", en: "Indicator ID" },
  "sum.ind.name": { ja: "指標", en: "Indicator" },
  "sum.ind.achieved": { ja: "該当数", en: "Achieved" },
  "sum.ind.rate": { ja: "該当率", en: "Achievement rate" },
  "sum.ind.national-rate": { ja: "全国該当率", en: "National rate" },
  "sum.group.id": { ja: "区分ID", en: "Group ID" },
  "sum.group.name": { ja: "区分", en: "Group" },
  "sum.group.mean": { ja: "平均", en: "Mean" },
  "sum.group.median": { ja: "中央値", en: "Median" },
  "sum.group.national-mean": { ja: "全国平均", en: "National mean" },
  "sum.group.national-median": { ja: "全国中央値", en: "National median" },
  "sum.group.change": { ja: "差(平均)", en: "Change (mean)" },
  "sum.source": { ja: "出典: {source}", en: "Source: {source}" },

  // ------------------------------------------------------------ 市町村×指標
  "sum.matrix.below": { ja: "全国平均−2SD未満", en: "Below national mean − 2 SD" },
  "sum.matrix.mark": { ja: "○", en: "Yes" },
  "sum.matrix.line": {
    ja: "全国平均−2SD: 得点 {points}（得点率 {rate}%）",
    en: "National mean − 2 SD: {points} points ({rate}%)",
  },
  "sum.matrix.line-source": { ja: "{line}\u3000出典: {source}", en: "{line}. Source: {source}" },
  "sum.matrix.no-line": {
    ja: "全国平均と標準偏差が分からないため判定していません（全国集計を読み込むと判定します）。",
    en: "Not judged: the national mean and standard deviation are not known (read a national tally to judge).",
  },
} as const satisfies Record<string, Bilingual>;
