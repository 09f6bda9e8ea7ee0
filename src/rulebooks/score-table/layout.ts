// The sheets of a 配点表 and the columns each one carries (docs/haitenhyo.md).
import { AGGREGATE_WORDS, BOOL_WORDS, KIND_WORDS, UNIT_WORDS } from "./words";

export const SHEETS = {
  rulebook: "ルールブック",
  groups: "区分",
  indicators: "指標",
  sizes: "規模区分",
} as const;

export const GROUP_HEADERS = [
  "ID",
  "親ID",
  "コード",
  "名称",
  "名称(英)",
  "満点",
  "下限",
  "集計",
  "全国平均",
  "中央値",
  "標準偏差",
  "平均得点率",
  "実績の出典",
  "備考",
  "備考(英)",
] as const;
export const INDICATOR_HEADERS = [
  "区分ID",
  "ID",
  "コード",
  "名称",
  "名称(英)",
  "種類",
  "配点",
  "非該当の配点",
  "満点・上限",
  "下限",
  "選択肢・段階",
  "閾値",
  "方向",
  "単位",
  "累積",
  "測定名",
  "測定名(英)",
  "入力",
  "値の範囲",
  "前提",
  "回答元",
  "別名",
  "該当数",
  "該当率",
  "全国平均",
  "実績の出典",
  "根拠",
  "備考",
  "備考(英)",
] as const;
export const SIZE_HEADERS = ["ID", "名称", "名称(英)", "以上", "未満"] as const;
export const SOURCE_HEADERS = [
  "出典ID",
  "題名",
  "URL",
  "リポジトリ",
  "パス",
  "コミット",
  "確度",
  "備考",
] as const;
/** The ルールブック sheet is key–value rows under this header, then the sources table. */
export const KEY_HEADER = ["項目", "値", "補足"];

// Export writes these columns even when every row leaves them blank, so a clerk sees where they go;
// the other columns appear only when some row uses them.
export const GROUP_CORE = new Set<string>(
  GROUP_HEADERS.filter((h) => h !== "標準偏差" && h !== "実績の出典" && h !== "備考(英)"),
);
const INDICATOR_EXTRA = new Set<string>([
  "非該当の配点",
  "累積",
  "測定名",
  "測定名(英)",
  "入力",
  "値の範囲",
  "全国平均",
  "実績の出典",
  "備考(英)",
]);
export const INDICATOR_CORE = new Set<string>(INDICATOR_HEADERS.filter((h) => !INDICATOR_EXTRA.has(h)));
export const SIZE_CORE = new Set<string>(SIZE_HEADERS);
export const SOURCE_CORE = new Set<string>(["出典ID", "題名"]);

/** Dropdowns the workbook writer offers (a hint only: the reader also takes the other spellings). */
export const TABLE_LISTS: readonly { sheet: string; header: string; values: readonly string[] }[] = [
  { sheet: SHEETS.indicators, header: "種類", values: KIND_WORDS.map((w) => w[1]) },
  { sheet: SHEETS.indicators, header: "単位", values: UNIT_WORDS.map((w) => w[1]) },
  { sheet: SHEETS.indicators, header: "累積", values: BOOL_WORDS.map((w) => w[1]) },
  { sheet: SHEETS.groups, header: "集計", values: AGGREGATE_WORDS.map((w) => w[1]) },
];
/** Rows inside a sheet (below row 1) that are header rows, marked by their first cell. */
export const TABLE_SUBHEADERS: readonly string[] = ["出典ID"];
