import type { Text } from "../rulebooks/schema";
import { dropFloatNoise } from "../numbers/round";
import { normaliseText } from "../numbers/parse";
import type { LocalText } from "./types";
import { type Lang, type MessageCode, msg, render } from "../messages";

export function localText(t: Text | undefined, fallback = ""): LocalText {
  if (t === undefined) return { ja: fallback, en: fallback };
  if (typeof t === "string") return { ja: t, en: t };
  return { ja: t.ja, en: t.en ?? t.ja };
}

export function jaText(t: Text | undefined): string {
  if (t === undefined) return "";
  return typeof t === "string" ? t : t.ja;
}

/** Numbers in messages: no float noise (0.1 + 0.2), no trailing zeros. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = dropFloatNoise(n);
  return String(Object.is(r, -0) ? 0 : r);
}

/** The words of group codes, and what each is in other languages. */
const CODE_WORDS: Record<string, MessageCode> = {
  推進: "engine.code.promotion",
  支援: "engine.code.support",
  成果: "engine.code.outcome",
  アウトカム: "engine.code.outcome",
  共通: "engine.code.common",
  固有: "engine.code.specific",
  事業評価加点: "engine.code.evaluation-bonus",
  事業実施: "engine.code.implementation",
};
const CODE_WORD = new RegExp(Object.keys(CODE_WORDS).join("|"), "g");

/** A code as the language says it: 目標Ⅰ is "Goal Ⅰ" in English, the long-term-care grants' short names
 *  推進 and 支援 are "Promotion" and "Support" (a code tells apart the two grants' goals of the same number),
 *  成果 "Outcome", 共通① "Common ①" (the rulebooks give codes in Japanese). Kana codes (ア, イ…) stay: the
 *  official documents name indicators by them. */
export function codeIn(code: string | undefined, lang: Lang): string | undefined {
  if (!code || lang === "ja") return code;
  return code
    .replace(/目標\s*([\u2160-\u217F0-9]+)/g, (_m, n: string) => render(msg("engine.code.goal", { n }), lang))
    .replace(CODE_WORD, (w) => `${render(msg(CODE_WORDS[w]), lang)} `) // 共通① → "Common ①"
    .replace(/ {2,}/g, " ")
    .trim();
}

/** "目標Ⅰ 持続可能な…", but not "（ⅰ） （ⅰ）体制・取組指標群" when the name already carries its code
 *  ("Outcome" before "outcome indicators" neither). */
export function withCode(code: string | undefined, name: string): string {
  if (!code) return name;
  const c = code.normalize("NFKC").trim().toLowerCase();
  return name.normalize("NFKC").trim().toLowerCase().startsWith(c) ? name : `${code} ${name}`;
}

/**
 * An option or band as the standard template's dropdown offers it (「ア 上位7割」), the one way every
 * message names an option (a comma would split Excel's list). Plain keys (a, b, n10k_50k) are never
 * shown before a label.
 */
export function choiceLabel(code: string, label: Text | undefined): string {
  const t = jaText(label);
  const clean = (x: string) => x.replace(/[,，]/g, "、");
  if (!t) return clean(code);
  if (/^[A-Za-z0-9_]+$/.test(code) || normaliseText(t).startsWith(normaliseText(code))) return clean(t);
  return clean(`${code} ${t}`);
}
