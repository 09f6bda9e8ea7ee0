// What a 配点表 cell holds, and how its text reads as a number or a share.
import { dropFloatNoise } from "../../numbers/round";

export type TableCell = string | number | boolean | null;
/** Sheet name → rows; row 0 is sheet row 1, cell 0 is column A. */
export type TableBook = Record<string, TableCell[][]>;

export function cellText(v: TableCell | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const s = typeof v === "number" ? String(v) : v.trim();
  return s === "" ? undefined : s;
}

export const isBlank = (r: readonly TableCell[] | undefined) =>
  !r || r.every((c) => cellText(c) === undefined);

/** "指標!F12" for column 5, row 11 (both from 0): problems name the cell a clerk has to fix. */
export function cellAddress(sheet: string, col: number, row: number): string {
  return `${sheet}!${colName(col)}${row + 1}`;
}

function colName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Accepts full-width digits, 1,000-style separators, ▲/△ for minus (accounting style) and a 点 suffix. */
export function parseNumber(raw: string): number | undefined {
  let s = raw
    .normalize("NFKC")
    .trim()
    .replace(/^[▲△−]/, "-")
    .replace(/点$/, "")
    .trim();
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  return Number(s);
}

/** A share 0–1, written as 0.3, 30% or 3割. */
export function parseShare(raw: string): number | undefined {
  const s = raw.normalize("NFKC").trim();
  const m = /^(.*?)(%|割)$/.exec(s);
  const n = parseNumber(m ? m[1] : s);
  if (n === undefined) return undefined;
  return m ? n / (m[2] === "%" ? 100 : 10) : n;
}

/** Percent text when it reads back exactly, else the decimal. */
export function shareText(x: number): string {
  const p = String(dropFloatNoise(x * 100));
  return Number(p) / 100 === x ? `${p}%` : String(x);
}
