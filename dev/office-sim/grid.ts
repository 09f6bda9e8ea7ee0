// Cell-grid reads and writes shared by Range, its format objects, conditional formats and data
// validation: one place decides what a protected sheet refuses and how big a request may be.
import { type Box, boxCols, boxRows } from "./address";
import { type CellStyle, type SimCell, applyInput, coerceInput } from "./cells";
import { PROTECTED_MESSAGE, SimOfficeError, officeError } from "./errors";
import type { SimSheet } from "./model";
import type { Env } from "./proxy";

export interface RangeTarget {
  sheet: SimSheet;
  box: Box;
}

const DEFAULT_MAX_CELLS = 5_000_000;

export function assertWritable(sheet: SimSheet, location: string): void {
  if (sheet.protected) throw new SimOfficeError("AccessDenied", PROTECTED_MESSAGE, location);
}

export function cellCount(box: Box): number {
  return boxRows(box) * boxCols(box);
}

/** Loads that big fail in Excel too; writes that big are per-cell here and not simulated. */
function assertSize(box: Box, env: Env, location: string, writing = false): void {
  if (cellCount(box) <= (env.options.maxCellsPerLoad ?? DEFAULT_MAX_CELLS)) return;
  if (writing)
    throw officeError(
      "NotImplemented",
      `office-sim writes cell by cell; ${cellCount(box)} cells is too many`,
      location,
    );
  throw officeError("ResponsePayloadSizeLimitExceeded", `${cellCount(box)} cells`, location);
}

/** A 2-D array over the box, one entry per cell. */
export function grid<V>(t: RangeTarget, env: Env, location: string, f: (c: SimCell | undefined) => V): V[][] {
  assertSize(t.box, env, location);
  const out: V[][] = [];
  for (let r = t.box.top; r <= t.box.bottom; r++) {
    const row: V[] = [];
    for (let c = t.box.left; c <= t.box.right; c++) row.push(f(t.sheet.cell(r, c)));
    out.push(row);
  }
  return out;
}

/**
 * Entries for a write: a 2-D array must match the range exactly (Excel: InvalidArgument); a single
 * value is applied to every cell, as Excel does.
 */
function entries(
  t: RangeTarget,
  raw: unknown,
  env: Env,
  location: string,
): (r: number, c: number) => unknown {
  const rows = boxRows(t.box);
  const cols = boxCols(t.box);
  if (Array.isArray(raw)) {
    const ok = raw.length === rows && raw.every((row) => Array.isArray(row) && row.length === cols);
    if (!ok) {
      const got = `${raw.length}×${Array.isArray(raw[0]) ? (raw[0] as unknown[]).length : "?"}`;
      throw officeError("InvalidArgument", `array is ${got} but the range is ${rows}×${cols}`, location);
    }
    return (r, c) => (raw[r] as unknown[])[c];
  }
  assertSize(t.box, env, location, true);
  return () => raw;
}

export function writeContent(t: RangeTarget, raw: unknown, env: Env, location: string): void {
  const at = entries(t, raw, env, location);
  assertWritable(t.sheet, location);
  for (let r = 0; r < boxRows(t.box); r++)
    for (let c = 0; c < boxCols(t.box); c++) {
      const row = t.box.top + r;
      const col = t.box.left + c;
      const old = t.sheet.cell(row, col);
      const input = coerceInput(at(r, c), old?.numberFormat, location);
      if (input !== "skip") t.sheet.putCell(row, col, applyInput(old, input));
    }
}

export function writeNumberFormat(t: RangeTarget, raw: unknown, env: Env, location: string): void {
  const at = entries(t, raw, env, location);
  assertWritable(t.sheet, location);
  for (let r = 0; r < boxRows(t.box); r++)
    for (let c = 0; c < boxCols(t.box); c++) {
      const v = at(r, c);
      if (v === null || v === undefined) continue;
      if (typeof v !== "string") throw officeError("InvalidArgument", "number formats are strings", location);
      const row = t.box.top + r;
      const col = t.box.left + c;
      const old = t.sheet.cell(row, col) ?? {};
      const next: SimCell = { ...old };
      if (v === "General" || v === "") delete next.numberFormat;
      else next.numberFormat = v;
      t.sheet.putCell(row, col, next);
    }
}

/** Set (or with undefined, remove) one style key on every cell of the box. */
export function writeStyle<K extends keyof CellStyle>(
  t: RangeTarget,
  k: K,
  v: CellStyle[K] | undefined,
  env: Env,
  location: string,
): void {
  assertWritable(t.sheet, location);
  // Removing a style only touches stored cells, so clearing a whole sheet stays cheap.
  const cells: [number, number][] = [];
  if (v === undefined) for (const [r, c] of t.sheet.cellsIn(t.box)) cells.push([r, c]);
  else {
    assertSize(t.box, env, location, true);
    for (let r = t.box.top; r <= t.box.bottom; r++)
      for (let c = t.box.left; c <= t.box.right; c++) cells.push([r, c]);
  }
  for (const [r, c] of cells) {
    const old = t.sheet.cell(r, c);
    if (v === undefined && old?.style?.[k] === undefined) continue;
    const style: CellStyle = { ...old?.style };
    if (v === undefined) delete style[k];
    else style[k] = v;
    const next: SimCell = { ...old };
    if (Object.keys(style).length) next.style = style;
    else delete next.style;
    t.sheet.putCell(r, c, next);
  }
}

/** A style key over the box: the common value, or null when cells differ (Excel's answer). */
export function readStyle<V>(t: RangeTarget, env: Env, f: (s: CellStyle | undefined) => V): V | null {
  assertSize(t.box, env, "RangeFormat");
  let first = true;
  let value: V | null = null;
  for (let r = t.box.top; r <= t.box.bottom; r++)
    for (let c = t.box.left; c <= t.box.right; c++) {
      const v = f(t.sheet.cell(r, c)?.style);
      if (first) {
        value = v;
        first = false;
      } else if (v !== value) return null;
    }
  return value;
}
