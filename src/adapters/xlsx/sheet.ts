// One worksheet's XML turned into what ExcelJS would hold after loading it: the same cells (values as
// ExcelJS gives them, number formats), the same rows, merges and protection — so that the used range,
// blocks and flags come out identical. Only what reading needs is kept.
import { type Box, cellAddress, columnLetters } from "../../excel/a1";
import { isDateFormat, serialToDate } from "./dates";
import { Unsupported } from "./errors";
import type { SharedString } from "./shared-strings";
import { unescapeX } from "./shared-strings";
import type { Styles } from "./styles";
import { attr, decodeAgain, decodeText, scanXml } from "./xml";

/** A cell value in the shape ExcelJS's `cell.value` has. */
export type RawValue =
  | null
  | number
  | string
  | boolean
  | Date
  | { error: string }
  | { richText: { text: string | undefined }[] }
  | Record<string, unknown>;

export interface SheetCell {
  /** 0: an empty cell that exists (styled); 1: a value; 2: part of a merge (not its master). */
  kind: 0 | 1 | 2;
  value: RawValue;
  numFmt: string | undefined;
  master?: SheetCell;
  /** A1 address of the merge's top-left cell, on cells of kind 2. */
  masterRef?: string;
}

export interface SheetRow {
  numFmt: string | undefined;
  cells: SheetCell[];
  hasValues: boolean;
  /** ExcelJS's row.cellCount: one past the highest column holding a cell object. */
  cellCount: number;
}

export interface SheetContext {
  styles: () => Styles;
  sharedStrings: () => SharedString[] | undefined;
  date1904: boolean;
}

const MAX_MERGE_CELLS = 100_000;

function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 48 && ch <= 57) break;
    else if (ch !== 36) throw new Unsupported(`cell reference ${ref}`);
  }
  if (!col || col > 16384) throw new Unsupported(`cell reference ${ref}`);
  return col;
}

function decodeRange(ref: string): Box {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) throw new Unsupported(`range ${ref}`);
  const t = Number(m[2]);
  const l = columnOf(m[1]);
  const b = m[4] ? Number(m[4]) : t;
  const r = m[3] ? columnOf(m[3]) : l;
  return { top: Math.min(t, b), left: Math.min(l, r), bottom: Math.max(t, b), right: Math.max(l, r) };
}

export class Sheet {
  readonly rows: SheetRow[] = [];
  readonly merges: Box[] = [];
  readonly colNumFmt: (string | undefined)[] = [];
  rowCount = 0;
  columnCount = 0;
  protected = false;
  /** Prefix counts of rows with values, for "does any row in top..bottom hold a value". */
  private valueRowsBefore: Int32Array = new Int32Array(1);

  constructor(xml: string, ctx: SheetContext) {
    this.parse(xml, ctx);
    this.applyMerges();
    this.measure();
  }

  private parse(xml: string, ctx: SheetContext): void {
    const styles = ctx.styles();
    const formulae: Record<string, string> = {};
    const cols: { min: number; max: number; numFmt: string | undefined }[] = [];
    let depth = 0;
    let rootChecked = false;
    let row: SheetRow | undefined;
    let rowNum = 0;
    let prevCol = 0;
    // the cell being read
    let inCell = false;
    let cellCol = 0;
    let cellStyle: number | undefined;
    let cellT: string | undefined;
    let formula: string | undefined;
    let shareType: string | undefined;
    let si: string | undefined;
    let fref: string | undefined;
    let value: string | undefined;
    let rich: { text: string | undefined }[] | undefined;
    let current: "f" | "v" | "t" | undefined;
    let inRun = false;
    let runText: string[] | null = null;
    let runT: string | undefined;
    let inHyperlinks = false;
    let inSheetData = false;

    scanXml(xml, {
      open: (name, attrs) => {
        depth++;
        if (!rootChecked) {
          rootChecked = true;
          if (name !== "worksheet") throw new Unsupported(`sheet root <${name}>`);
          return;
        }
        if (inCell) {
          if (inRun) {
            if (name === "t") runText = [];
            return;
          }
          switch (name) {
            case "f":
              current = "f";
              si = attr(attrs, "si");
              shareType = attr(attrs, "t");
              fref = attr(attrs, "ref");
              return;
            case "v":
              current = "v";
              return;
            case "t":
              current = "t";
              return;
            case "r":
              inRun = true;
              runT = undefined;
              return;
            case "is":
              return;
            default:
              throw new Unsupported(`<${name}> in a cell`);
          }
        }
        if (depth === 2) {
          if (name === "sheetData") inSheetData = true;
          else if (name === "hyperlinks") inHyperlinks = true;
          else if (name === "sheetProtection") this.protected = attr(attrs, "sheet") === "1";
          return;
        }
        if (inSheetData) {
          if (name === "row") {
            const r = parseInt(attr(attrs, "r") ?? "", 10);
            if (!(r > 0)) throw new Unsupported("row without a number");
            const s = attr(attrs, "s");
            row = {
              numFmt: s ? styles.numFmt(parseInt(s, 10)) : undefined,
              cells: [],
              hasValues: false,
              cellCount: 0,
            };
            this.rows[r] = row;
            rowNum = r;
            prevCol = 0;
          } else if (name === "c") {
            if (!row) throw new Unsupported("cell outside a row");
            const r = attr(attrs, "r");
            if (r !== undefined) cellCol = columnOf(r);
            else if (prevCol) cellCol = prevCol + 1;
            else throw new Unsupported("cell without a reference");
            prevCol = cellCol;
            const s = attr(attrs, "s");
            cellStyle = s ? parseInt(s, 10) : undefined;
            cellT = attr(attrs, "t");
            inCell = true;
            formula = shareType = si = fref = value = undefined;
            rich = undefined;
            current = undefined;
          }
          return;
        }
        if (name === "col") {
          const s = attr(attrs, "style");
          const style = s ? parseInt(s, 10) : undefined;
          cols.push({
            min: parseInt(attr(attrs, "min") || "0", 10),
            max: parseInt(attr(attrs, "max") || "0", 10),
            numFmt: style ? styles.numFmt(style) : undefined,
          });
        } else if (name === "mergeCell") {
          const ref = attr(attrs, "ref");
          if (ref) this.merges.push(decodeRange(ref));
        } else if (name === "hyperlink" && inHyperlinks) {
          if (attr(attrs, "r:id") !== undefined) throw new Unsupported("hyperlinks");
        }
      },
      text: (raw) => {
        if (!inCell) return;
        if (inRun) {
          if (runText) runText.push(decodeText(raw));
          return;
        }
        if (current === "f") formula = (formula ?? "") + decodeText(raw);
        else if (current === "v" || current === "t") {
          if (rich) throw new Unsupported("text after rich runs");
          const t = decodeText(raw);
          value = value ? value + t : t;
        }
      },
      close: (name) => {
        depth--;
        if (inCell) {
          if (inRun) {
            if (name === "t" && runText) {
              runT = unescapeX(runText.join(""));
              runText = null;
            } else if (name === "r") {
              inRun = false;
              if (value !== undefined) throw new Unsupported("text before rich runs");
              (rich ??= []).push({ text: runT });
            }
            return;
          }
          if (name === "f" || name === "v" || name === "t") current = undefined;
          else if (name === "c") {
            inCell = false;
            this.finishCell(row!, rowNum, cellCol, styles, ctx, formulae, {
              cellStyle,
              cellT,
              formula,
              shareType,
              si,
              fref,
              value,
              rich,
            });
          }
          return;
        }
        if (name === "sheetData") inSheetData = false;
        else if (name === "hyperlinks") inHyperlinks = false;
        else if (name === "row") row = undefined;
      },
    });
    // Column styles as Column.fromModel applies them: sorted by min, the first definition wins.
    cols.sort((a, b) => a.min - b.min);
    let count = 1;
    for (const c of cols) {
      if (c.max > 16384) throw new Unsupported("column definition past XFD");
      while (count < c.min) count++;
      while (count <= c.max) this.colNumFmt[count++] = c.numFmt;
    }
  }

  private finishCell(
    row: SheetRow,
    rowNum: number,
    col: number,
    styles: Styles,
    ctx: SheetContext,
    formulae: Record<string, string>,
    c: {
      cellStyle: number | undefined;
      cellT: string | undefined;
      formula: string | undefined;
      shareType: string | undefined;
      si: string | undefined;
      fref: string | undefined;
      value: string | undefined;
      rich: { text: string | undefined }[] | undefined;
    },
  ): void {
    const numFmt = styles.numFmt(c.cellStyle);
    const isDate = isDateFormat(numFmt);
    let out: RawValue;
    if (c.formula || c.shareType) {
      if (c.rich) throw new Unsupported("rich text in a formula cell");
      let result: unknown;
      if (c.value) {
        if (c.cellT === "str") result = decodeAgain(c.value);
        else if (c.cellT === "b") result = parseInt(c.value, 10) !== 0;
        else if (c.cellT === "e") result = { error: c.value };
        else result = parseFloat(c.value);
      }
      if (result !== undefined && isDate) result = serialToDate(result as number, ctx.date1904);
      let sharedFormula: string | undefined;
      let shareType = c.shareType;
      let ref = c.fref;
      if (shareType === "shared") {
        if (ref) {
          formulae[c.si as string] = `${columnLetters(col)}${rowNum}`;
        } else {
          sharedFormula = formulae[c.si as string];
          shareType = undefined;
        }
      }
      // ExcelJS's formula value keeps only the truthy fields.
      const v: Record<string, unknown> = {};
      if (c.formula) v.formula = c.formula;
      if (result) v.result = result;
      if (ref) v.ref = ref;
      if (shareType) v.shareType = shareType;
      if (sharedFormula) v.sharedFormula = sharedFormula;
      ref = undefined;
      out = v;
    } else if (c.value !== undefined || c.rich) {
      const t = c.cellT;
      if (c.rich) {
        if (t !== "inlineStr") throw new Unsupported("rich text outside an inline string");
        out = { richText: c.rich };
      } else if (t === "s") {
        const index = parseInt(c.value!, 10);
        const sst = ctx.sharedStrings();
        if (!sst) out = index;
        else {
          const s = sst[index];
          if (s === undefined) throw new Unsupported("shared string index out of range");
          out = s;
        }
      } else if (t === "str") out = decodeAgain(c.value!);
      else if (t === "inlineStr") out = c.value!;
      else if (t === "b") out = parseInt(c.value!, 10) !== 0;
      else if (t === "e") out = { error: c.value! };
      else {
        const n = parseFloat(c.value!);
        out = isDate ? serialToDate(n, ctx.date1904) : n;
      }
    } else if (c.cellStyle) {
      row.cells[col] = { kind: 0, value: null, numFmt };
      return;
    } else {
      return; // ExcelJS drops an empty cell without a style
    }
    row.cells[col] = { kind: 1, value: out, numFmt };
    row.hasValues = true;
  }

  /** ExcelJS's getCell: the cell, created empty (row and column number format) when missing. */
  private getCell(r: number, c: number): SheetCell {
    let row = this.rows[r];
    if (!row) row = this.rows[r] = { numFmt: undefined, cells: [], hasValues: false, cellCount: 0 };
    let cell = row.cells[c];
    if (!cell) cell = row.cells[c] = { kind: 0, value: null, numFmt: row.numFmt || this.colNumFmt[c] };
    return cell;
  }

  private applyMerges(): void {
    let total = 0;
    this.merges.forEach((m, k) => {
      for (let j = 0; j < k; j++) {
        const o = this.merges[j];
        if (o.top <= m.bottom && o.bottom >= m.top && o.left <= m.right && o.right >= m.left)
          throw new Unsupported("overlapping merges");
      }
      total += (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (total > MAX_MERGE_CELLS) throw new Unsupported("very large merges");
      const master = this.getCell(m.top, m.left);
      const masterRef = cellAddress(m.top, m.left);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          const cell = this.getCell(r, c);
          cell.kind = 2;
          cell.master = master;
          cell.masterRef = masterRef;
          cell.value = null;
          this.rows[r].hasValues = true;
        }
      }
    });
  }

  private measure(): void {
    this.rowCount = this.rows.length ? this.rows.length - 1 : 0;
    const before = new Int32Array(this.rowCount + 2);
    let n = 0;
    for (let r = 1; r <= this.rowCount; r++) {
      before[r] = n;
      const row = this.rows[r];
      if (!row) continue;
      row.cellCount = row.cells.length ? row.cells.length - 1 : 0;
      if (row.hasValues) {
        n++;
        if (row.cellCount > this.columnCount) this.columnCount = row.cellCount;
      }
    }
    before[this.rowCount + 1] = n;
    this.valueRowsBefore = before;
  }

  /** Does any row in top..bottom hold a value (ExcelJS's row.hasValues)? */
  anyValues(top: number, bottom: number): boolean {
    const b = this.valueRowsBefore;
    const last = b.length - 1;
    const lo = Math.min(Math.max(top, 1), last);
    const hi = Math.min(bottom + 1, last);
    return hi > lo && b[hi] - b[lo] > 0;
  }

  /** What reading top..bottom × left..right does to ExcelJS's counts (it creates those rows and cells). */
  touch(top: number, bottom: number, right: number): void {
    if (bottom > this.rowCount) this.rowCount = bottom;
    if (right > this.columnCount && this.anyValues(top, bottom)) this.columnCount = right;
  }

  /** The value and number format of a cell; inside a merge, no value and the top-left cell's address. */
  cell(r: number, c: number): { value: RawValue; numFmt: string | undefined; mergedInto?: string } {
    const row = this.rows[r];
    const cell = row?.cells[c];
    if (!cell) return { value: null, numFmt: row?.numFmt || this.colNumFmt[c] };
    if (cell.kind === 2) return { value: null, numFmt: cell.numFmt, mergedInto: cell.masterRef };
    return cell;
  }

  /** Rows with values, in order (ExcelJS's eachRow). */
  *valueRows(): Generator<number> {
    for (let r = 1; r < this.rows.length; r++) if (this.rows[r]?.hasValues) yield r;
  }

  get actualRowCount(): number {
    const b = this.valueRowsBefore;
    return b[b.length - 1] ?? 0;
  }
}
