// Defined names as ExcelJS holds them after loading a workbook: each <definedName>'s text split into
// ranges (its DefinedNameXform), then the ranges put into a per-name cell matrix and read back as
// rectangles (its DefinedNames model). That round trip is what a name's refs look like through the
// ExcelJS adapter — "$A$1,$A$2" comes back as "$A$1:$A$2", a later name of the same spelling replaces
// an earlier one, references ExcelJS cannot place vanish — so the reader does the same, step by step.
import { columnLetters } from "../../excel/a1";
import { Unsupported } from "./errors";
import { decodeRef, extractRanges, keptByNameModel } from "../../excel/name-refs";

/** One <definedName> as ExcelJS's DefinedNameXform parses it. */
export interface ParsedName {
  /** Undefined when the element has no name attribute (ExcelJS then files it under "undefined"). */
  name: string | undefined;
  ranges: string[];
  localSheetId?: number;
}

export function parseDefinedName(
  name: string | undefined,
  localSheetId: string | undefined,
  text: string,
): ParsedName {
  const model: ParsedName = { name, ranges: extractRanges(text) };
  if (localSheetId !== undefined) model.localSheetId = parseInt(localSheetId, 10);
  return model;
}

// ---------------------------------------------------------------- the cell matrix round trip

interface MatrixCell {
  sheetName: string | undefined;
  row: number;
  col: number;
  mark: boolean;
}

/**
 * One name's cells: sheet → row → column → cell. ExcelJS keys plain objects and arrays by these values,
 * so keys are the values' property-key strings (undefined → "undefined") and only array-index keys are
 * ever visited; Maps make the visit cost the cells held, not the highest row number.
 */
type Matrix = Record<string, Map<string, Map<string, MatrixCell>>>;

const MAX_ARRAY_INDEX = 2 ** 32 - 2;

function isArrayIndex(key: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) <= MAX_ARRAY_INDEX;
}

function sheetOf(m: Matrix, sheetName: string | undefined): Map<string, Map<string, MatrixCell>> {
  const key = String(sheetName);
  // ExcelJS keys sheets in a plain object: a name Object.prototype already has would land on the
  // prototype ("__proto__" pollutes every object) and the cells would vanish. Leave that to ExcelJS.
  if (key in Object.prototype) throw new Unsupported(`defined name on sheet "${key}"`);
  return (m[key] ??= new Map());
}

function place(
  m: Matrix,
  sheetName: string | undefined,
  row: number | undefined,
  col: number | undefined,
): void {
  const rows = sheetOf(m, sheetName);
  const rowKey = String(row);
  let cells = rows.get(rowKey);
  if (!cells) rows.set(rowKey, (cells = new Map()));
  const colKey = String(col);
  // Cells at an undefined row or column are kept (the sheet entry they create orders the output) but
  // never visited: their keys are not array indices.
  if (!cells.has(colKey))
    cells.set(colKey, { sheetName, row: row as number, col: col as number, mark: false });
}

function addRef(m: Matrix, ref: string): void {
  const d = decodeRef(ref);
  if (d.kind === "range" && d.top) {
    for (let row = d.top; row <= d.bottom; row++)
      for (let col = d.left; col <= d.right; col++) place(m, d.sheetName, row, col);
  } else if (d.kind === "address") {
    place(m, d.sheetName, d.row, d.col);
  } else {
    // A range without a top row, or an error: ExcelJS files it at an undefined row and column.
    place(m, d.sheetName, undefined, undefined);
  }
}

function findCellAt(
  m: Matrix,
  sheetName: string | undefined,
  row: number,
  col: number,
): MatrixCell | undefined {
  return m[String(sheetName)]?.get(String(row))?.get(String(col));
}

/** Every visitable cell, in ExcelJS's order: sheets in object-key order, then rows, then columns. */
function cellsInOrder(m: Matrix): MatrixCell[] {
  const out: MatrixCell[] = [];
  const byIndex = (keys: Iterable<string>) =>
    [...keys].filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  for (const sheet of Object.keys(m)) {
    const rows = m[sheet];
    for (const r of byIndex(rows.keys())) {
      const cells = rows.get(r)!;
      for (const c of byIndex(cells.keys())) out.push(cells.get(c)!);
    }
  }
  return out;
}

/** ExcelJS's Range, as far as the round trip uses it: unset or 0 edges read as 1. */
class Rect {
  constructor(
    public t: number,
    public l: number,
    public b: number,
    public r: number,
    readonly sheetName: string | undefined,
  ) {}
  get top(): number {
    return this.t || 1;
  }
  get left(): number {
    return this.l || 1;
  }
  get bottom(): number {
    return this.b || 1;
  }
  get right(): number {
    return this.r || 1;
  }
  /** $A$1, or $A$1:$B$2, after the sheet name (quoted unless plain letters and digits, '' not added). */
  get ref(): string {
    const s = this.sheetName;
    const sheet = s ? (/^[a-zA-Z0-9]*$/.test(s) ? `${s}!` : `'${s}'!`) : "";
    const tl = `$${columnLetters(this.left)}$${this.top}`;
    const count = (1 + this.bottom - this.top) * (1 + this.right - this.left);
    return count > 1 ? `${sheet}${tl}:$${columnLetters(this.right)}$${this.bottom}` : `${sheet}${tl}`;
  }
}

/** From one marked cell, the rectangle ExcelJS grows: up, down, then whole columns left and right. */
function explore(m: Matrix, cell: MatrixCell): string {
  cell.mark = false;
  const { sheetName } = cell;
  const rect = new Rect(cell.row, cell.col, cell.row, cell.col, sheetName);
  const vGrow = (y: number, edge: "t" | "b"): boolean => {
    const c = findCellAt(m, sheetName, y, cell.col);
    if (!c || !c.mark) return false;
    rect[edge] = y;
    c.mark = false;
    return true;
  };
  for (let y = cell.row - 1; vGrow(y, "t"); y--);
  for (let y = cell.row + 1; vGrow(y, "b"); y++);
  const hGrow = (x: number, edge: "l" | "r"): boolean => {
    const column: MatrixCell[] = [];
    for (let y = rect.top; y <= rect.bottom; y++) {
      const c = findCellAt(m, sheetName, y, x);
      if (!c || !c.mark) return false;
      column.push(c);
    }
    rect[edge] = x;
    for (const c of column) c.mark = false;
    return true;
  };
  for (let x = cell.col - 1; hGrow(x, "l"); x--);
  for (let x = cell.col + 1; hGrow(x, "r"); x++);
  return rect.ref;
}

function rangesOf(m: Matrix): string[] {
  const cells = cellsInOrder(m);
  for (const c of cells) c.mark = true;
  const out: string[] = [];
  for (const c of cells) if (c.mark) out.push(explore(m, c));
  return out;
}

/**
 * Names and ranges as ExcelJS's DefinedNames gives them back (`model` read after `model` set):
 * names in object-key order (integer-like names first), each with its cells regrouped into
 * rectangles, names left without a range dropped.
 */
export function normaliseNames(model: readonly { name: string | undefined; ranges: readonly string[] }[]): {
  name: string;
  ranges: string[];
}[] {
  const byName: Record<string, Matrix> = Object.create(null);
  for (const d of model) {
    const m: Matrix = Object.create(null);
    for (const ref of d.ranges) if (keptByNameModel(ref)) addRef(m, ref);
    const key = String(d.name);
    // ExcelJS's map is a plain object: "__proto__" replaces its prototype instead of adding a name.
    if (key !== "__proto__") byName[key] = m;
  }
  const out: { name: string; ranges: string[] }[] = [];
  for (const name of Object.keys(byName)) {
    const ranges = rangesOf(byName[name]);
    if (ranges.length) out.push({ name, ranges });
  }
  return out;
}
