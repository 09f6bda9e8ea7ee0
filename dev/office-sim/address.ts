// A1 addresses as Excel's JavaScript API reads and writes them. Separate from ../a1 (Saiten's own
// references) because the simulator must reproduce Excel's spelling — whole rows and columns, its
// quoting of sheet names — rather than whatever Saiten happens to accept.
import { type Box, columnLetters, columnNumber } from "../../src/excel/a1";

export { type Box, columnLetters, columnNumber };

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface ParsedAddress {
  sheet?: string;
  box: Box;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function inSheet(b: Box): boolean {
  return b.top >= 1 && b.left >= 1 && b.bottom <= MAX_ROWS && b.right <= MAX_COLS;
}

function ordered(a: Box): Box {
  return {
    top: Math.min(a.top, a.bottom),
    left: Math.min(a.left, a.right),
    bottom: Math.max(a.top, a.bottom),
    right: Math.max(a.left, a.right),
  };
}

function part(s: string): { row?: number; col?: number } | null {
  let m = CELL.exec(s);
  if (m) return { col: columnNumber(m[1]), row: Number(m[2]) };
  m = COLUMN.exec(s);
  if (m) return { col: columnNumber(m[1]) };
  m = ROW.exec(s);
  if (m) return { row: Number(m[1]) };
  return null;
}

/** Split "'My Sheet'!A1" into sheet and address; the sheet is unquoted. */
export function splitSheet(ref: string): { sheet?: string; address: string } {
  const s = ref.trim().replace(/^=/, "");
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { address: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: s.slice(bang + 1) };
}

/**
 * Parse A1, A1:C3, A:C, 2:5 (with or without $ and a sheet prefix). Returns null for anything Excel
 * would reject as an address, so callers can report InvalidArgument (or try a defined name).
 */
export function parseAddress(ref: string): ParsedAddress | null {
  const { sheet, address } = splitSheet(ref);
  const [a, b, extra] = address.split(":");
  if (extra !== undefined || !a) return null;
  const p = part(a);
  const q = b === undefined ? p : part(b);
  if (!p || !q) return null;
  let box: Box;
  if (p.row !== undefined && p.col !== undefined && q.row !== undefined && q.col !== undefined)
    box = ordered({ top: p.row, left: p.col, bottom: q.row, right: q.col });
  else if (b !== undefined && p.row === undefined && q.row === undefined && p.col && q.col)
    box = ordered({ top: 1, left: p.col, bottom: MAX_ROWS, right: q.col });
  else if (b !== undefined && p.col === undefined && q.col === undefined && p.row && q.row)
    box = ordered({ top: p.row, left: 1, bottom: q.row, right: MAX_COLS });
  else return null;
  return inSheet(box) ? { sheet, box } : null;
}

/** "A1", "A1:C3", "A:C" or "2:5", optionally with $ as Excel writes absolute references. */
export function formatBox(box: Box, absolute = false): string {
  const d = absolute ? "$" : "";
  const col = (c: number) => `${d}${columnLetters(c)}`;
  const row = (r: number) => `${d}${r}`;
  if (box.top === 1 && box.bottom === MAX_ROWS && !(box.left === 1 && box.right === MAX_COLS))
    return `${col(box.left)}:${col(box.right)}`;
  if (box.left === 1 && box.right === MAX_COLS) return `${row(box.top)}:${row(box.bottom)}`;
  const a = `${col(box.left)}${row(box.top)}`;
  if (box.top === box.bottom && box.left === box.right) return a;
  return `${a}:${col(box.right)}${row(box.bottom)}`;
}

/**
 * Excel leaves a sheet name bare when it is a run of letters, digits, _ and . that cannot be read as
 * a cell (A1, R1C1) — Japanese names such as 回答 included — and quotes everything else.
 */
export function quoteSheetName(name: string): string {
  const bare =
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^(R\d*C?\d*|C\d*)$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualify(sheet: string, box: Box, absolute = false): string {
  return `${quoteSheetName(sheet)}!${formatBox(box, absolute)}`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function intersection(a: Box, b: Box): Box | null {
  if (!intersects(a, b)) return null;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

/** What is left of `a` after removing `b`: up to four rectangles. */
export function subtract(a: Box, b: Box): Box[] {
  const cut = intersection(a, b);
  if (!cut) return [a];
  const out: Box[] = [];
  if (a.top < cut.top) out.push({ ...a, bottom: cut.top - 1 });
  if (cut.bottom < a.bottom) out.push({ ...a, top: cut.bottom + 1 });
  if (a.left < cut.left) out.push({ top: cut.top, bottom: cut.bottom, left: a.left, right: cut.left - 1 });
  if (cut.right < a.right)
    out.push({ top: cut.top, bottom: cut.bottom, left: cut.right + 1, right: a.right });
  return out;
}

export function boxRows(b: Box): number {
  return b.bottom - b.top + 1;
}

export function boxCols(b: Box): number {
  return b.right - b.left + 1;
}

/** Excel's rules for defined names: letter, _ or \ first; no spaces; must not look like a cell. */
export function isValidName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^(R\d*C?\d*|C\d*)$/i.test(name)
  );
}

/** Excel's rules for sheet names: 1–31 characters, none of : \ / ? * [ ], not starting/ending with '. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}
