// The words a clerk writes for the schema's enumerated values. Reading accepts every spelling
// listed; writing uses the first word, so an exported table reads back unchanged.
import { type Bilingual, type Message, msg } from "../../messages";
import { Indicator, IndicatorKind, Rulebook } from "../schema";

/** [schema value, word written on export, other accepted spellings...] */
export type Words<T extends string> = readonly (readonly [T, string, ...string[]])[];

export const KIND_WORDS: Words<IndicatorKind> = [
  ["yesno", "はい・いいえ", "はい/いいえ", "有無", "YN"],
  ["choice", "択一", "単一選択", "選択"],
  ["multi", "複数選択", "複数"],
  ["numeric", "数値"],
  ["rankBand", "順位帯", "順位", "上位割合"],
  ["improvement", "改善"],
  ["points", "得点入力", "得点", "点数入力"],
];
export const ENTITY_WORDS: Words<Rulebook["entity"]> = [
  ["municipality", "市町村"],
  ["prefecture", "都道府県"],
  ["wide-area-union", "広域連合"],
  ["insurer", "保険者"],
];
export const LEVEL_WORDS: Words<Rulebook["level"]> = [
  ["item", "指標ごと", "指標"],
  ["group", "区分ごと", "区分"],
  ["mixed", "混在"],
];
type Unit = Extract<Indicator, { kind: "numeric" }>["unit"];
export const UNIT_WORDS: Words<Unit> = [
  ["percent", "%", "パーセント", "割合"],
  ["number", "数値", "数"],
  ["count", "件数", "件", "人数", "回数", "個数"],
  ["yen", "円", "金額"],
  ["points", "点", "点数"],
  ["per-mille", "‰", "パーミル", "千分率"],
];
export const NUMERIC_DIRECTION: Words<"atLeast" | "atMost"> = [
  ["atLeast", "以上"],
  ["atMost", "以下"],
];
export const RANK_DIRECTION: Words<"higher" | "lower"> = [
  ["higher", "高いほど上位", "高い", "大きいほど上位"],
  ["lower", "低いほど上位", "低い", "小さいほど上位"],
];
export const IMPROVEMENT_DIRECTION: Words<"increase" | "decrease"> = [
  ["increase", "増加", "上昇", "増"],
  ["decrease", "減少", "低下", "減"],
];
export const INPUT_WORDS: Words<"values" | "change"> = [
  ["values", "値", "今年度の値", "実績値"],
  ["change", "変化量", "差", "増減"],
];
export const AGGREGATE_WORDS: Words<"sum" | "best"> = [
  ["sum", "合計"],
  ["best", "最大", "最高", "いずれか"],
];
export const BOOL_WORDS: Words<"true" | "false"> = [
  ["true", "はい", "○", "yes", "1", "有"],
  ["false", "いいえ", "×", "no", "0", "無"],
];
type Confidence = NonNullable<Rulebook["sources"][number]["confidence"]>;
export const CONFIDENCE_WORDS: Words<Confidence> = [
  ["exact", "正確"],
  ["OCR", "OCR"],
  ["OCR?", "OCR?"],
  ["derived", "導出"],
  ["secondary", "二次資料"],
  ["inferred", "推定"],
];

// Clerks type with IMEs: full-width letters, stray spaces and ・/_- separators must not matter.
export const normWord = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s・/_-]+/g, "");
export const normHeader = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

export function fromWord<T extends string>(words: Words<T>, raw: string): T | undefined {
  const key = normWord(raw);
  return words.find((w) => w.some((x) => normWord(x) === key))?.[0];
}
export function toWord<T extends string>(words: Words<T>, value: T | undefined): string | null {
  return value === undefined ? null : (words.find((w) => w[0] === value)?.[1] ?? value);
}
/** 「はい・いいえ」・「択一」…, for messages that list what may be written (the same words in English). */
export const wordList = (words: Words<string>): Bilingual => ({
  ja: words.map((w) => `「${w[1]}」`).join("・"),
  en: words.map((w) => `“${w[1]}”`).join(", "),
});

export const kindWord = (k: string) => toWord(KIND_WORDS, k as IndicatorKind) ?? k;
/** A kind as messages name it: its 種類 word, with English beside it in English. */
export const kindName = (k: string): Message | string =>
  KIND_WORDS.some((w) => w[0] === k) ? msg(`table.kind.${k as IndicatorKind}`) : k;
export const boolWord = (b: boolean | undefined) =>
  toWord(BOOL_WORDS, b === undefined ? undefined : b ? "true" : "false");
