// Numbers as people write them in cells and files: the one reading of a number's text, used for
// answers, reported figures, forms, CSV and the 配点表 alike. Full-width digits and signs (NFKC),
// ▲/△/▼ for minus (accounting style), thousands commas, a trailing % or ‰, and unit words (人, 円,
// 点…). Blank-like markers (―, -, n/a…) are "missing", not zero.
import { ownText } from "./own-text";

/** Short texts already normalised: answers repeat (○, ×, ア, なし…) and NFKC is the dear part. */
const normalisedShort = new Map<string, string>();
const SHORT = 16;
const KEEP = 1024;

const PLAIN = 0;
const ASCII = 1;
const OTHER = 2;

/**
 * PLAIN: ASCII with no whitespace to trim or collapse (no space at either end, no two together, no tab
 * or line break) — normalised as it stands; ASCII: ASCII otherwise; OTHER: anything else. One pass
 * over the characters: a regular expression per text was most of normalising a number or a code.
 */
function asciiKind(s: string): number {
  let kind = PLAIN;
  let lastSpace = true; // a space first is trimmed
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return OTHER;
    // \s within ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
    const space = c === 32 || (c >= 9 && c <= 13);
    if (space && (lastSpace || c !== 32)) kind = ASCII;
    lastSpace = space;
  }
  return lastSpace && s.length > 0 ? ASCII : kind;
}

/** NFKC (full-width → half-width, ① → 1), trimmed, inner whitespace collapsed. */
export function normaliseText(s: string): string {
  // Plain ASCII needs no Unicode normalisation.
  const kind = asciiKind(s);
  if (kind === PLAIN) return s;
  if (kind === ASCII) return s.replace(/\s+/g, " ").trim();
  const known = normalisedShort.get(s);
  if (known !== undefined) return known;
  const t = s.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (s.length <= SHORT) {
    if (normalisedShort.size >= KEEP) normalisedShort.clear();
    // The memo outlives the workbook a text was read from (normalising may hand the same text back).
    const key = ownText(s);
    normalisedShort.set(key, t === s ? key : ownText(t));
  }
  return t;
}

const MISSING_TEXT = new Set(["", "-", "―", "—", "–", "‐", "ー", "−", "－", "‒", "…", "n/a"]);

/** The markers that mean "no answer" (after normaliseText). */
export function isMissingText(t: string): boolean {
  // Lower-cased only for the one marker with letters (N/A): most texts are looked up as they are.
  return MISSING_TEXT.has(t) || (t.length === 3 && MISSING_TEXT.has(t.toLowerCase()));
}

const UNIT_SUFFIX = /(人|件|円|点|回|か所|ヶ所|カ所|箇所|名|団体|市町村|事業|校|人分)$/;
const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

export type NumberText =
  | { kind: "number"; value: number; percent: boolean; perMille: boolean }
  | { kind: "missing" }
  | { kind: "not-number" };

/** What a text says as a number: its value and whether it was written as % or ‰. */
export function readNumberText(raw: string): NumberText {
  let t = normaliseText(raw);
  if (isMissingText(t)) return { kind: "missing" };
  t = t.replace(/\s/g, "");
  let sign = 1;
  if (/^[▲△▼−]/.test(t)) {
    sign = -1;
    t = t.slice(1);
  }
  let percent = false;
  let perMille = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1);
  } else if (t.endsWith("‰")) {
    perMille = true;
    t = t.slice(0, -1);
  } else {
    t = t.replace(UNIT_SUFFIX, "");
  }
  if (!NUMBER_TEXT.test(t) || t === "" || t === "+" || t === "-") return { kind: "not-number" };
  const value = Number(t.replace(/,/g, "")) * sign;
  if (!Number.isFinite(value)) return { kind: "not-number" };
  return { kind: "number", value, percent, perMille };
}

/** A plain number written as text (no % or ‰), or undefined. */
export function numberText(raw: string): number | undefined {
  const r = readNumberText(raw);
  return r.kind === "number" && !r.percent && !r.perMille ? r.value : undefined;
}
