// Answer normalisation shared by every adapter: what municipal staff actually type into forms
// (full-width digits, ▲ for minus, ○/×, ア/イ codes) becomes a value the rules can judge.
// Anything not understood is reported, never guessed.
import { dropFloatNoise } from "../numbers/round";
import { isMissingText, normaliseText, readNumberText } from "../numbers/parse";
import { bilingual, type MessageCode, msg, type Param } from "../messages";
import type { CellInput, IssueCode, LocalText, RawAnswer } from "./types";
import { choiceLabel } from "./text";

export type Norm<T> =
  { s: "ok"; v: T } | { s: "missing" } | { s: "invalid"; code: IssueCode; msg: LocalText };

export const MISSING: { s: "missing" } = { s: "missing" };

export interface Unpacked {
  value: unknown;
  numFmt?: string;
  error?: string;
  cell?: string;
}

export function isCellInput(raw: unknown): raw is CellInput {
  return (
    typeof raw === "object" && raw !== null && !Array.isArray(raw) && !(raw instanceof Date) && "value" in raw
  );
}

export function unpack(raw: RawAnswer): Unpacked {
  if (isCellInput(raw)) return raw;
  return { value: raw };
}

const EXCEL_ERRORS = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#GETTING_DATA",
]);

/** Excel's error values as cells show them (#N/A, #DIV/0!, …). */
export function isExcelErrorText(s: string): boolean {
  // Every error starts with "#": other texts (most answers, ○/× among them) are not upper-cased, which
  // for text beyond ASCII is a call into the runtime per answer.
  const t = s.trim();
  return t.charCodeAt(0) === 35 && EXCEL_ERRORS.has(t.toUpperCase());
}

export { isMissingText, normaliseText } from "../numbers/parse";

/** Why an answer cannot be read, in both languages. */
function why(code: MessageCode, params?: Record<string, Param>): LocalText {
  return bilingual(msg(code, params));
}

function show(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const s = String(value);
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

/** Excel date formats contain y/m/d/h/s tokens outside quoted text and [colour] brackets. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt || numFmt === "General" || numFmt === "@") return false;
  const bare = numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[ymdhsYMDHSeg]/.test(bare.replace(/General/gi, "")) && !/^[#0.,%\s;E+-]*$/.test(bare);
}

export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /%/.test(numFmt.replace(/"[^"]*"/g, "").replace(/\\%/g, ""));
}

/** Common problems before any kind-specific reading: blank, Excel error, date. */
function precheck(u: Unpacked, wantsNumber: boolean): Norm<never> | null {
  if (u.error) return { s: "invalid", code: "excel_error", msg: excelErrorMsg(u.error) };
  const v = u.value;
  if (v === null || v === undefined) return MISSING;
  if (typeof v === "string" && isExcelErrorText(v))
    return { s: "invalid", code: "excel_error", msg: excelErrorMsg(v.trim()) };
  if (v instanceof Date || (wantsNumber && typeof v === "number" && isDateFormat(u.numFmt))) {
    return {
      s: "invalid",
      code: "date_not_number",
      msg: why("engine.date-not-number"),
    };
  }
  return null;
}

function excelErrorMsg(e: string): LocalText {
  return why("engine.excel-error", { error: e });
}

const YES = new Set([
  "○",
  "◯",
  "〇",
  "⭕",
  "✓",
  "✔",
  "☑",
  "レ",
  "はい",
  "有",
  "有り",
  "あり",
  "実施",
  "実施済",
  "実施済み",
  "済",
  "該当",
  "達成",
  "yes",
  "y",
  "true",
  "1",
  "◎",
]);
const NO = new Set([
  "×",
  "✕",
  "✖",
  "☓",
  "x",
  "いいえ",
  "無",
  "無し",
  "なし",
  "未実施",
  "非該当",
  "該当なし",
  "未達成",
  "no",
  "n",
  "false",
  "0",
  "☐",
]);

export function parseYesNo(raw: RawAnswer): Norm<boolean> {
  const u = unpack(raw);
  const pre = precheck(u, false);
  if (pre) return pre;
  const v = u.value;
  if (typeof v === "boolean") return { s: "ok", v };
  if (typeof v === "number") {
    if (v === 1) return { s: "ok", v: true };
    if (v === 0) return { s: "ok", v: false };
  }
  if (typeof v === "string") {
    const t = normaliseText(v);
    if (isMissingText(t)) return MISSING;
    // The marks (○, ×, はい) as typed first; lower-cased only when none matched (Yes, X).
    if (YES.has(t)) return { s: "ok", v: true };
    if (NO.has(t)) return { s: "ok", v: false };
    const k = t.toLowerCase();
    if (YES.has(k)) return { s: "ok", v: true };
    if (NO.has(k)) return { s: "ok", v: false };
  }
  return {
    s: "invalid",
    code: "invalid",
    msg: why("engine.not-yes-no", { value: show(v) }),
  };
}

export interface NumberOptions {
  /** percent: "60%", "60" and a percent-formatted 0.6 all read as 60. */
  percent?: boolean;
  perMille?: boolean;
}

/** Reads a number as the user meant it: ▲/△ minus, full-width digits, thousands commas, %, units. */
export function parseNumber(raw: RawAnswer, opts: NumberOptions = {}): Norm<number> {
  const u = unpack(raw);
  const pre = precheck(u, true);
  if (pre) return pre;
  const v = u.value;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return notNumber(v);
    if (opts.percent && isPercentFormat(u.numFmt)) return { s: "ok", v: dropFloatNoise(v * 100) };
    return { s: "ok", v };
  }
  if (typeof v === "boolean") return notNumber(v);
  if (typeof v !== "string") return notNumber(v);
  const read = readNumberText(v);
  if (read.kind === "missing") return MISSING;
  if (read.kind === "not-number") return notNumber(v);
  const { percent, perMille } = read;
  let n = read.value;
  if (percent && !opts.percent) {
    return {
      s: "invalid",
      code: "invalid",
      msg: why("engine.rate-not-allowed", { value: show(v) }),
    };
  }
  if (perMille && !opts.perMille) {
    if (opts.percent) n = n / 10;
    else return notNumber(v);
  }
  return { s: "ok", v: dropFloatNoise(n) };
}

/**
 * A number from any cell or text a user wrote — the one number parser: full-width digits, commas, ▲
 * for minus, unit words (人, 円, 点…); undefined when blank, a missing marker or not a number.
 */
export function numberFrom(raw: RawAnswer): number | undefined {
  const r = parseNumber(raw);
  return r.s === "ok" ? r.v : undefined;
}

function notNumber(v: unknown): Norm<never> {
  return {
    s: "invalid",
    code: "invalid",
    msg: why("engine.not-number", { value: show(v) }),
  };
}

export interface KeyedOption {
  code: string;
  label?: string;
  aliases?: readonly string[];
}

/** Lookup from every way a form may write an option (code, label, first word of the label, aliases). */
export function buildOptionKeys(options: readonly KeyedOption[]): Map<string, number> {
  const keys = new Map<string, number>();
  const ambiguous = new Set<string>();
  const add = (k: string, i: number) => {
    const key = normaliseText(k).toLowerCase();
    if (!key || ambiguous.has(key)) return;
    const prev = keys.get(key);
    if (prev !== undefined && prev !== i) {
      keys.delete(key);
      ambiguous.add(key);
    } else keys.set(key, i);
  };
  // Codes and aliases win over labels: add them last-resort-free by adding labels only where unused.
  options.forEach((o, i) => {
    add(o.code, i);
    o.aliases?.forEach((a) => add(a, i));
  });
  options.forEach((o, i) => {
    if (!o.label) return;
    const label = normaliseText(o.label).toLowerCase();
    if (!keys.has(label) && !ambiguous.has(label)) add(label, i);
    const first = label.split(/[\s:：、,(（「【]/)[0];
    if (first && first !== label && !keys.has(first) && !ambiguous.has(first)) add(first, i);
  });
  return keys;
}

function stripBrackets(t: string): string {
  const m = /^[([「【〔]([^)\]」】〕]+)[)\]」】〕]$/.exec(t);
  return m ? m[1].trim() : t;
}

/** Finds one option in free text: exact key, bracketed code, or a code followed by its description.
 *  `text` is normalised already (normaliseText): every caller has just done so. */
function matchOption(text: string, keys: Map<string, number>): number | undefined {
  const t = stripBrackets(text).toLowerCase();
  const exact = keys.get(t);
  if (exact !== undefined) return exact;
  const m = /^(.+?)[\s:：.、)）]/.exec(t);
  if (m) {
    const head = stripBrackets(m[1].replace(/^[([（]/, ""));
    const hit = keys.get(head);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The options as the dropdown offers them (「ア 全域で実施、イ 一部で実施」). */
function optionList(options: readonly KeyedOption[]): string {
  return options.map((o) => choiceLabel(o.code, o.label)).join("、");
}

export function parseChoice(
  raw: RawAnswer,
  keys: Map<string, number>,
  options: readonly KeyedOption[],
): Norm<number> {
  const u = unpack(raw);
  const pre = precheck(u, false);
  if (pre) return pre;
  const v = u.value;
  if (typeof v === "string" || typeof v === "number") {
    const t = normaliseText(String(v));
    if (isMissingText(t)) return MISSING;
    const i = matchOption(t, keys);
    if (i !== undefined) return { s: "ok", v: i };
  }
  return {
    s: "invalid",
    code: "invalid",
    msg: why("engine.not-option", { value: show(v), options: optionList(options) }),
  };
}

const NONE_TEXT = new Set(["なし", "無し", "無", "該当なし", "非該当", "×", "none", "no"]);

export function parseChoices(
  raw: RawAnswer,
  keys: Map<string, number>,
  options: readonly KeyedOption[],
): Norm<number[]> {
  const u = unpack(raw);
  if (Array.isArray(u.value)) {
    const out: number[] = [];
    for (const item of u.value) {
      const one = parseChoice(item as RawAnswer, keys, options);
      if (one.s === "invalid") return one;
      if (one.s === "ok" && !out.includes(one.v)) out.push(one.v);
    }
    return { s: "ok", v: out.sort((a, b) => a - b) };
  }
  const pre = precheck(u, false);
  if (pre) return pre;
  const v = u.value;
  if (typeof v === "string" || typeof v === "number") {
    const t = normaliseText(String(v));
    if (isMissingText(t)) return MISSING;
    if (NONE_TEXT.has(t.toLowerCase())) return { s: "ok", v: [] };
    const exact = keys.get(stripBrackets(t).toLowerCase());
    if (exact !== undefined) return { s: "ok", v: [exact] };
    const out: number[] = [];
    for (const part of t.split(/[、,，・/／;；\s]+/)) {
      if (!part) continue;
      const i = matchOption(part, keys);
      if (i === undefined) {
        // Not a list after all: a single option followed by its description («ア：全域で実施»).
        const whole = matchOption(t, keys);
        if (whole !== undefined) return { s: "ok", v: [whole] };
        return {
          s: "invalid",
          code: "invalid",
          msg: why("engine.not-option-in-list", { value: show(part), options: optionList(options) }),
        };
      }
      if (!out.includes(i)) out.push(i);
    }
    return { s: "ok", v: out.sort((a, b) => a - b) };
  }
  return {
    s: "invalid",
    code: "invalid",
    msg: why("engine.not-options", { value: show(v) }),
  };
}

/** A rank-band answer: the band stated (count of cumulative bands reached) or the measure's value. */
export type BandAnswer = { band: number } | { measure: number };

export interface BandOption extends KeyedOption {
  top?: number;
}

export function parseBand(
  raw: RawAnswer,
  keys: Map<string, number>,
  bands: readonly BandOption[],
  measure: { percent: boolean } | null,
): Norm<BandAnswer> {
  const u = unpack(raw);
  const pre = precheck(u, measure !== null);
  if (pre) return pre;
  const v = u.value;
  if (typeof v === "number") {
    if (measure) {
      const n = parseNumber(raw, { percent: measure.percent });
      return n.s === "ok" ? { s: "ok", v: { measure: n.v } } : n;
    }
    if (v === 0) return { s: "ok", v: { band: 0 } };
    return bandInvalid(v, bands);
  }
  if (typeof v !== "string") return bandInvalid(v, bands);
  const t = normaliseText(v);
  if (isMissingText(t)) return MISSING;
  if (NONE_TEXT.has(t.toLowerCase()) || t === "0") return { s: "ok", v: { band: 0 } };
  const i = matchOption(t, keys);
  if (i !== undefined) return { s: "ok", v: { band: i + 1 } };
  // 「上位30%」「上位3割」: every band whose share reaches that far.
  const top = /^上位\s*(\d+(?:\.\d+)?)\s*(%|割)(以内)?$/.exec(t);
  if (top && bands.every((b) => b.top !== undefined)) {
    const share = top[2] === "割" ? Number(top[1]) / 10 : Number(top[1]) / 100;
    let count = 0;
    bands.forEach((b, idx) => {
      if ((b.top as number) >= share - 1e-12) count = idx + 1;
    });
    return { s: "ok", v: { band: count } };
  }
  if (measure) {
    const n = parseNumber(raw, { percent: measure.percent });
    if (n.s === "ok") return { s: "ok", v: { measure: n.v } };
  }
  return bandInvalid(v, bands);
}

function bandInvalid(v: unknown, bands: readonly BandOption[]): Norm<never> {
  return {
    s: "invalid",
    code: "invalid",
    msg: why("engine.not-band", { value: show(v), options: optionList(bands) }),
  };
}
