// What a 配点表 cell holds, and how its text reads as a number or a share.
import { cellAddress as a1Address } from "../../excel/a1";
import { numberText } from "../../numbers/parse";
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
export function tableCellRef(sheet: string, col: number, row: number): string {
  return `${sheet}!${a1Address(row + 1, col + 1)}`;
}

/** A number as the 配点表 reads it: the one number reading (full-width digits, separators, ▲, 点). */
export function parseNumber(raw: string): number | undefined {
  return numberText(raw);
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
