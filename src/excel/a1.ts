// A1 addresses: the common language of the Office.js and ExcelJS adapters and of form maps.

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Sheet names with spaces or symbols are quoted in references ('My Sheet'!A1). */
export function quoteSheet(sheet: string): string {
  // The same sheet name, one cell after another: the last answer is kept.
  if (sheet !== lastSheet) {
    lastSheet = sheet;
    lastQuoted = /^[A-Za-z_\u3000-\u9fff\uff00-\uffef][\w.\u3000-\u9fff\uff00-\uffef]*$/.test(sheet)
      ? sheet
      : `'${sheet.replace(/'/g, "''")}'`;
  }
  return lastQuoted;
}
let lastSheet: string | undefined;
let lastQuoted = "";

export function qualified(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/** Excel's grid: its last row and its last column (XFD). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Whether two rectangles share a cell (a cell being a 1×1 rectangle). */
export function overlaps(a: Box, b: Box): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

export interface RangeRef extends Box {
  sheet?: string;
}

export function parseRef(ref: string): RangeRef {
  let sheet: string | undefined;
  let addr = ref.trim().replace(/^=/, "");
  const bang = addr.lastIndexOf("!");
  if (bang >= 0) {
    sheet = addr.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    addr = addr.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(addr);
  if (!m) throw new Error(`not an A1 reference: ${ref}`);
  const top = Number(m[2]);
  const left = columnNumber(m[1]);
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? columnNumber(m[3]) : left;
  return {
    sheet,
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

export function rangeAddress(r: RangeRef): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** $A$1 or $A$1:$B$2, as Excel spells a selection or a name's reference. */
export function absoluteAddress(r: RangeRef): string {
  const a = `$${columnLetters(r.left)}$${r.top}`;
  const b = `$${columnLetters(r.right)}$${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}
