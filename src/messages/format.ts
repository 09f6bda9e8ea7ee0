// How catalogue texts become sentences: {name} placeholders filled from parameters. Shared by the
// CLI, the review, the tally reader and the pane, so every message is written once in each language.

export type Lang = "ja" | "en";
export type Vars = Record<string, string | number>;

export interface Bilingual {
  ja: string;
  en: string;
}

/** `text` with each {name} replaced by `show(vars[name])`; names without a value stay as written. */
export function fill<V = string | number>(
  text: string,
  vars?: Readonly<Record<string, V>>,
  show: (v: V) => string = String,
): string {
  if (!vars) return text;
  // Split once per catalogue text (literal, name, literal, name, …, literal): scoring fills the same
  // few texts thousands of times per workbook.
  let parts = splitTexts.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    if (splitTexts.size >= 2048) splitTexts.clear();
    splitTexts.set(text, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (Object.prototype.hasOwnProperty.call(vars, name) ? show(vars[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}
const splitTexts = new Map<string, string[]>();

/** The placeholders a text uses, sorted, e.g. ["file", "n"]. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** The language asked for on the command line or in the environment: English only when asked. */
export function langOf(value: string | undefined): Lang {
  return value && /^en\b/i.test(value) ? "en" : "ja";
}
