// Number formatting for the pane: points, rates, signed changes, yen and national shares.
import { dropFloatNoise, formatPercent } from "../numbers/round";
import type { Lang } from "./i18n";

export function locale(lang: Lang): string {
  return lang === "ja" ? "ja-JP" : "en-US";
}

/** Removes binary noise (0.1 + 0.2) before formatting. */
export function clean(n: number): number {
  const r = dropFloatNoise(n);
  return Object.is(r, -0) ? 0 : r;
}

// Building an Intl.NumberFormat costs far more than formatting with one (a results view formats
// thousands of numbers): one per language and digits, kept for the pane's life.
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, minFraction: number, maxFraction: number): Intl.NumberFormat {
  const key = `${lang}:${minFraction}:${maxFraction}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), {
      minimumFractionDigits: minFraction,
      maximumFractionDigits: maxFraction,
    });
    formats.set(key, f);
  }
  return f;
}

export function fmtNumber(n: number, lang: Lang, maxFraction = 2): string {
  return numberFormat(lang, 0, maxFraction).format(clean(n));
}

/** "+12", "−3", "±0" (a true minus sign, readable next to the plus). */
export function fmtSigned(n: number, lang: Lang, maxFraction = 2): string {
  const c = clean(n);
  const factor = 10 ** maxFraction;
  if (Math.round(Math.abs(c) * factor) === 0) return "±0";
  const body = fmtNumber(Math.abs(c), lang, maxFraction);
  return c > 0 ? `+${body}` : `−${body}`;
}

/** A change of rate in percentage points with the rate's digits, always showing them: +8.0, −0.5, ±0.0. */
export function fmtSignedFixed(n: number, lang: Lang, digits = 1): string {
  const c = clean(n);
  const body = numberFormat(lang, digits, digits).format(Math.abs(c));
  if (Math.round(Math.abs(c) * 10 ** digits) === 0) return `±${body}`;
  return c > 0 ? `+${body}` : `−${body}`;
}

/** A rate as shown and judged: ratePercent with the result's digits, e.g. 82.9%. */
export function fmtRate(ratePercent: number | null | undefined, digits = 1): string {
  return formatPercent(ratePercent ?? null, digits);
}

/** Whole yen with grouping: 1,234,567円 / ¥1,234,567. */
export function fmtYen(n: number, lang: Lang): string {
  const body = numberFormat(lang, 0, 0).format(Math.round(n));
  return lang === "ja" ? `${body}円` : `¥${body}`;
}

export function fmtSignedYen(n: number, lang: Lang): string {
  const r = Math.round(n);
  if (r === 0) return lang === "ja" ? "±0円" : "±¥0";
  const body = fmtYen(Math.abs(r), lang);
  return r > 0 ? `+${body}` : `−${body}`;
}

/** A national share 0..1 as a percentage with one decimal (0.4234 → 42.3%). */
export function fmtShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "―";
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** Bar length in percent of the track, clamped to 0..100 (null when there is no maximum). */
export function barPercent(value: number | null | undefined, max: number | null | undefined): number | null {
  if (value === null || value === undefined || max === null || max === undefined || !(max > 0)) return null;
  return Math.max(0, Math.min(100, (value / max) * 100));
}

/** Japanese fiscal-year label: 2026 → 令和8年度, 2019 → 令和元年度; English: FY2026. */
export function fiscalYearLabel(year: number, lang: Lang): string {
  if (lang === "en") return `FY${year}`;
  if (year >= 2019) {
    const r = year - 2018;
    return `令和${r === 1 ? "元" : r}年度`;
  }
  if (year >= 1989) return `平成${year - 1988 === 1 ? "元" : year - 1988}年度`;
  return `${year}年度`;
}

/** 「（x）」 in Japanese, " (x)" in English. */
export function paren(text: string, lang: Lang): string {
  return lang === "ja" ? `（${text}）` : ` (${text})`;
}

/** Separator between short facts on one line. */
export function sep(lang: Lang): string {
  return lang === "ja" ? " ・ " : " · ";
}

/** Sheet names written by a report, as a list («一覧・確認事項», "List, Checks"). */
export function sheetList(sheets: readonly string[], lang: Lang): string {
  return sheets.join(lang === "ja" ? "・" : ", ");
}

export function colon(lang: Lang): string {
  return lang === "ja" ? "：" : ": ";
}

/** A title with its year unless the title already names it (「令和8年度 …」, "FY2026 …"). */
export function withYear(title: string, year: number, lang: Lang): string {
  const label = fiscalYearLabel(year, lang);
  if (title.includes(String(year)) || title.includes(fiscalYearLabel(year, "ja")) || title.includes(label))
    return title;
  return `${label} ${title}`;
}
