// References inside defined names, read the loose way ExcelJS reads them (its DefinedNameXform's split
// of a name's text, its col-cache decodeEx and decodeAddress), because which ranges a name keeps — how
// they are written back, and how much work expanding them takes — follows from that reading, quirks
// included: letters after the first digit end an address, lowercase letters are skipped, a missing
// row or column leaves it undefined, digits anywhere after the first add to the row, and only a
// column past XFD is an error. The package check and the fast reader both measure names with it.

import { MAX_COLUMN, MAX_ROW } from "./a1";

/** A reference ExcelJS cannot decode (a column past XFD): the name drops it. */
export class BadReference extends Error {}

export interface DecodedAddress {
  kind: "address";
  sheetName: string | undefined;
  row: number | undefined;
  col: number | undefined;
}

export interface DecodedRange {
  kind: "range";
  /** May be "" (a bare "!"), which ExcelJS keeps apart from no sheet at all. */
  sheetName: string | undefined;
  /** NaN where a corner has no row (or column). */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface DecodedError {
  kind: "error";
  sheetName: string | undefined;
}

export type DecodedRef = DecodedAddress | DecodedRange | DecodedError;

/** [$]COL[$]ROW as ExcelJS reads it: uppercase letters before the first digit, then digits. */
function decodeAddress(value: string): { row: number | undefined; col: number | undefined } {
  let hasCol = false;
  let col = 0;
  let hasRow = false;
  let row = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      hasCol = true;
      col = col * 26 + ch - 64;
    } else if (ch >= 48 && ch <= 57) {
      hasRow = true;
      row = row * 10 + ch - 48;
    } else if (hasRow && hasCol && ch !== 36) {
      break;
    }
  }
  if (hasCol && col > MAX_COLUMN) throw new BadReference(value);
  return { row: hasRow ? row : undefined, col: hasCol ? col : undefined };
}

// ExcelJS's pattern, as is: an optional 'quoted' ('' kept doubled) or bare sheet name and "!", then
// the rest of the line (its "." stops at a line break).
const SHEET_AND_REF = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/;

/** [sheet!]ref[:ref] → what ExcelJS's decodeEx gives; throws BadReference where it throws. */
export function decodeRef(value: string): DecodedRef {
  const groups = SHEET_AND_REF.exec(value)!;
  // "" for a bare "!": a range keeps it (its cells go apart from those without a sheet), an address not.
  const sheetName: string | undefined = groups[1] || groups[2];
  const reference = groups[3];
  const parts = reference.split(":");
  if (parts.length > 1) {
    const tl = decodeAddress(parts[0]);
    const br = decodeAddress(parts[1]);
    // Math.min/max of undefined give NaN, as in ExcelJS.
    const n = (v: number | undefined) => (v === undefined ? NaN : v);
    return {
      kind: "range",
      sheetName,
      top: Math.min(n(tl.row), n(br.row)),
      left: Math.min(n(tl.col), n(br.col)),
      bottom: Math.max(n(tl.row), n(br.row)),
      right: Math.max(n(tl.col), n(br.col)),
    };
  }
  if (reference.startsWith("#")) return { kind: "error", sheetName: sheetName || undefined };
  return { kind: "address", sheetName: sheetName || undefined, ...decodeAddress(reference) };
}

/** Does ExcelJS accept `value` as a range (its isValidRange: decodeEx does not throw)? */
export function isValidRef(value: string): boolean {
  try {
    decodeRef(value);
    return true;
  } catch (e) {
    if (e instanceof BadReference) return false;
    throw e;
  }
}

/** The text of a <definedName> split at commas into the ranges ExcelJS keeps (quoted sheet names may hold commas). */
export function extractRanges(text: string): string[] {
  const ranges: string[] = [];
  let quotesOpened = false;
  let last = "";
  for (const item of text.split(",")) {
    if (!item) continue;
    const quotes = (item.match(/'/g) || []).length;
    if (!quotes) {
      if (quotesOpened) last += `${item},`;
      else if (isValidRef(item)) ranges.push(item);
      continue;
    }
    const quotesEven = quotes % 2 === 0;
    if (!quotesOpened && quotesEven && isValidRef(item)) {
      ranges.push(item);
    } else if (quotesOpened && !quotesEven) {
      quotesOpened = false;
      if (isValidRef(last + item)) ranges.push(last + item);
      last = "";
    } else {
      quotesOpened = true;
      last += `${item},`;
    }
  }
  return ranges;
}

/** ExcelJS's pattern for refs its DefinedNames model keeps (anywhere after the last "!"). */
const MODEL_REF = /[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/;

/** Whether ExcelJS's DefinedNames model keeps `ref` (a name's range as extractRanges gives it) in its cell
 *  matrix; the others (a named constant, a formula) it drops. */
export function keptByNameModel(ref: string): boolean {
  return MODEL_REF.test(ref.split("!").pop() || "");
}

/**
 * Whether `ref` reaches past the sheet's last row as ExcelJS reads it: a range or a cell past it, or a
 * row without a column that its name model keeps ("9 9 9 9 9 9 9 9 x!$A$1" reads as row 999,999,991).
 * The model files that row in an array and visits every row up to it when names are read back — about
 * 40 s of CPU for row 10^9, for a cell that does not exist. A number alone (a named constant: 予算額 =
 * 150000000) also reads as a row without a column, but the model drops it.
 */
export function pastLastRow(ref: string, d: DecodedRef = decodeRef(ref)): boolean {
  if (d.kind === "range") return d.bottom > MAX_ROW;
  if (d.kind !== "address" || !((d.row ?? 0) > MAX_ROW)) return false;
  return d.col !== undefined || keptByNameModel(ref);
}

/**
 * The steps a reader takes expanding `ref` cell by cell as ExcelJS does (rows, then the columns of
 * each): a range's row loop runs even when its columns are undefined, so "A2:$a4 x 99999" costs
 * 99,998 steps for no cell at all. 0 for an address, an error or a range without a top row.
 */
export function expansionSteps(ref: DecodedRef): number {
  if (ref.kind !== "range" || !ref.top) return 0;
  const rows = ref.bottom - ref.top + 1;
  if (!(rows > 0)) return 0;
  const cols = ref.right - ref.left + 1;
  return rows * (cols > 0 ? cols : 1);
}
