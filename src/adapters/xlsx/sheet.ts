// One worksheet's XML turned into what ExcelJS would hold after loading it: the same cells (values as
// ExcelJS gives them, number formats), the same rows, merges and protection — so that the used range,
// blocks and flags come out identical. Only what reading needs is kept.
import { type Box, cellAddress, columnLetters, MAX_COLUMN, MAX_ROW } from "../../excel/a1";
import { isDateFormat, serialToDate } from "./dates";
import { Unsupported } from "./errors";
import { floatOf, intOf } from "./digits";
import type { SharedString } from "./shared-strings";
import { unescapeX } from "./shared-strings";
import type { Styles } from "./styles";
import { isXmlSpace } from "../../files/xml-chars";
import type { SheetLimits } from "../../files/inspect-workbook";
import { attr, blankBetween, decodeAgain, decodeText, scanXml, type XmlHandler } from "./xml";

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

/**
 * A cell the sheet has: a value, or an empty cell that exists (styled), or part of a merge (not its
 * master: mergedInto is set). A plain value's cell has the port's CellData shape, so that a block
 * can hand the cell itself to its reader rather than a copy of it.
 */
export interface SheetCell {
  value: RawValue;
  /** Absent rather than undefined, as in CellData. */
  numFmt?: string;
  master?: SheetCell;
  /** A1 address of the merge's top-left cell, on a merged cell that is not it. */
  mergedInto?: string;
}

export interface SheetRow {
  numFmt: string | undefined;
  cells: SheetCell[];
  hasValues: boolean;
  /** ExcelJS's row.cellCount: one past the highest column holding a cell object. */
  cellCount: number;
}

/**
 * A big sheet part as text in pieces (sheet-pieces.ts): up to and including "<sheetData>", the cells cut
 * after row end tags, and from "</sheetData>" on. Joined, they are the part's text.
 */
export interface SheetTexts {
  head: string;
  cells: string[];
  tail: string;
}

export interface SheetContext {
  styles: () => Styles;
  sharedStrings: () => SharedString[] | undefined;
  date1904: boolean;
  /**
   * Where the sheet's relationship `rId` leads (a link's address): undefined when the sheet has no
   * such relationship (ExcelJS cannot load the book), "" when it has one without a target.
   */
  linkTarget?: (rId: string) => string | undefined;
  /** The limits the sheet's rows and cells are held to as they are read, where the package check left
   *  counting them to the parse (CheckedPackage.worksheet): the read stops at the first past a limit. */
  limits?: SheetLimits;
}

const MAX_MERGE_CELLS = 100_000;
/** One number for a cell's position. */
const cellKey = (row: number, col: number) => row * (MAX_COLUMN + 1) + col;

/** A reference written plainly — capital letters up to XFD, then a row without leading zeros — or undefined. */
function plainAddress(ref: string | undefined): { row: number; col: number } | undefined {
  if (ref === undefined) return undefined;
  let k = 0;
  let col = 0;
  for (let ch = ref.charCodeAt(0); ch >= 65 && ch <= 90 && col <= MAX_COLUMN; ch = ref.charCodeAt(++k))
    col = col * 26 + ch - 64;
  if (!col || col > MAX_COLUMN || k === ref.length || ref.charCodeAt(k) === 48) return undefined;
  let row = 0;
  for (; k < ref.length && row <= MAX_ROW; k++) {
    const ch = ref.charCodeAt(k);
    if (ch < 48 || ch > 57) return undefined;
    row = row * 10 + ch - 48;
  }
  return row <= MAX_ROW ? { row, col } : undefined;
}

function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 48 && ch <= 57) break;
    else if (ch !== 36) throw new Unsupported(`cell reference ${ref}`);
  }
  if (!col || col > MAX_COLUMN) throw new Unsupported(`cell reference ${ref}`);
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

/** What one <c> element says, as finishCell takes it. */
interface CellParts {
  cellStyle: number | undefined;
  cellT: string | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  fref: string | undefined;
  value: string | undefined;
  rich: { text: string | undefined }[] | undefined;
}

/** One cell's parts, all absent: the object a reader fills in again for every cell it reads. */
function noCellParts(): CellParts {
  return {
    cellStyle: undefined,
    cellT: undefined,
    formula: undefined,
    shareType: undefined,
    si: undefined,
    fref: undefined,
    value: undefined,
    rich: undefined,
  };
}

/** Thrown inside the direct read of <sheetData> when the general scanner must read the sheet. */
const NOT_PLAIN = Symbol("not plain sheetData");

interface SheetDataSpan {
  /** Where "<sheetData" starts, where its cells start and end, and where the text after it starts. */
  open: number;
  from: number;
  to: number;
  after: number;
}

const isSpaceOrEnd = (ch: number) => isXmlSpace(ch) || ch === 62 || ch === 47;

/** The part's whole text, its pieces joined. */
const joined = (p: SheetTexts) => p.head + p.cells.join("") + p.tail;

/** No comment, CDATA or instruction before `open` (the XML declaration at 0 aside) that could hold
 *  the text "<sheetData" found there. */
const plainBefore = (xml: string, open: number) => xml.lastIndexOf("<!", open) < 0 && !(xml.lastIndexOf("<?", open) > 0);

/**
 * Where the first <sheetData> is, or undefined (then the general scanner reads it all). Nothing before
 * it may be a comment, CDATA or instruction that could hold the text "<sheetData"; whatever is
 * unusual inside it stops the direct read, and what follows it goes to the general scanner.
 */
function sheetDataSpan(xml: string): SheetDataSpan | undefined {
  const open = xml.indexOf("<sheetData");
  if (open < 0 || !plainBefore(xml, open)) return undefined;
  const ch = xml.charCodeAt(open + 10);
  if (ch === 47 && xml.charCodeAt(open + 11) === 62) return { open, from: open + 12, to: open + 12, after: open + 12 };
  if (ch !== 62) return undefined;
  // The last closing tag, found from the end (the cells are most of the part): should there be
  // another sheetData inside the span, the direct read meets its tags and gives way to the scanner.
  const to = xml.lastIndexOf("</sheetData>");
  if (to < open) return undefined;
  return { open, from: open + 11, to, after: to + 12 };
}

const ROW_ATTRS = ["r", "s"];
const CELL_ATTRS = ["r", "s", "t"];
const FORMULA_ATTRS = ["si", "t", "ref"];

/**
 * The attributes of a start tag, read in one pass: the values of the wanted names (the first of
 * each, as attr() finds them). Values with entities, line breaks, tabs or "=" are left to the
 * general scanner (NOT_PLAIN), so that no value can differ from what attr() gives.
 */
class TagAttrs {
  /** values[k] is the value of wanted[k]; entries past wanted.length are left over and never read. The
   *  array keeps its length: resizing it per tag (length = …, fill) made every tag several times slower,
   *  and the whole sheet eight times slower in Chromium's workers (the pane's batch review). */
  readonly values: (string | undefined)[] = [undefined, undefined, undefined];
  selfClosing = false;

  /** Reads from just after the tag name; returns the index after the tag's ">". */
  read(xml: string, at: number, wanted: readonly string[]): number {
    const values = this.values;
    for (let k = 0; k < wanted.length; k++) values[k] = undefined;
    let i = at;
    for (;;) {
      const start = i;
      while (isXmlSpace(xml.charCodeAt(i))) i++;
      const ch = xml.charCodeAt(i);
      if (ch === 62) {
        this.selfClosing = false;
        return i + 1;
      }
      if (ch === 47) {
        if (xml.charCodeAt(i + 1) !== 62) throw NOT_PLAIN;
        this.selfClosing = true;
        return i + 2;
      }
      if (i === start) throw NOT_PLAIN; // attributes are separated by spaces
      const eq = xml.indexOf("=", i);
      if (eq < 0) throw NOT_PLAIN;
      const q = xml.charCodeAt(eq + 1);
      if (q !== 34 && q !== 39) throw NOT_PLAIN;
      const close = xml.indexOf(q === 34 ? '"' : "'", eq + 2);
      if (close < 0) throw NOT_PLAIN;
      for (let j = i; j < eq; j++) if (isXmlSpace(xml.charCodeAt(j))) throw NOT_PLAIN;
      // A value holding "=" could hide name="value" inside it, which attr() might find.
      for (let j = eq + 2; j < close; j++) {
        const c = xml.charCodeAt(j);
        if (c === 61 || c === 60) throw NOT_PLAIN;
      }
      let k = wanted.length - 1;
      while (k >= 0 && !(wanted[k].length === eq - i && xml.startsWith(wanted[k], i))) k--;
      if (k >= 0 && values[k] === undefined) {
        for (let j = eq + 2; j < close; j++) {
          const c = xml.charCodeAt(j);
          if (c === 38 || c === 9 || c === 10 || c === 13) throw NOT_PLAIN;
        }
        values[k] = xml.slice(eq + 2, close);
      }
      i = close + 1;
    }
  }
}

/**
 * A <c> start tag in the one shape spreadsheet programs write — ` r="B12"`, then optionally ` s="3"`,
 * then optionally ` t="s"`, then `>` or `/>` — read without slicing or parsing its values: most tags
 * of a sheet are cells, and this is what reading them costs. Anything else (other attributes, another
 * order, odd spacing) returns -1 and TagAttrs reads the tag from the same place, with the same result.
 */
/** ` ${name}="` at `i` (name one character): compared in compiled code, where startsWith is a call of
 *  a builtin for each cell's each attribute. */
function attrOpens(xml: string, i: number, name: number): boolean {
  return (
    xml.charCodeAt(i) === 32 &&
    xml.charCodeAt(i + 1) === name &&
    xml.charCodeAt(i + 2) === 61 &&
    xml.charCodeAt(i + 3) === 34
  );
}

class CanonicalCellTag {
  col = 0;
  style: number | undefined = undefined;
  t: string | undefined = undefined;
  selfClosing = false;

  /** Reads from just after "<c" in row `row`; returns the index after the tag's ">", or -1 (also when
   *  the reference names another row: the general reader notes that). */
  read(xml: string, at: number, row: number): number {
    if (!attrOpens(xml, at, 114)) return -1; // r
    let i = at + 4;
    let col = 0;
    let ch = xml.charCodeAt(i);
    while (ch >= 65 && ch <= 90) {
      col = col * 26 + ch - 64;
      ch = xml.charCodeAt(++i);
    }
    if (col === 0 || col > MAX_COLUMN || !(ch >= 49 && ch <= 57)) return -1;
    let n = 0;
    do {
      n = n * 10 + ch - 48;
      ch = xml.charCodeAt(++i);
    } while (ch >= 48 && ch <= 57 && n <= row);
    if (ch !== 34 || n !== row) return -1;
    i++;
    let style: number | undefined;
    if (attrOpens(xml, i, 115)) {
      // s
      i += 4;
      const from = i;
      let n = 0;
      ch = xml.charCodeAt(i);
      while (ch >= 48 && ch <= 57 && i - from < 9) {
        n = n * 10 + ch - 48;
        ch = xml.charCodeAt(++i);
      }
      if (i === from || ch !== 34) return -1;
      i++;
      style = n;
    }
    let t: string | undefined;
    if (attrOpens(xml, i, 116)) {
      // t
      i += 4;
      if (xml.charCodeAt(i) === 115 && xml.charCodeAt(i + 1) === 34) {
        // "s"
        t = "s";
        i += 2;
      } else {
        const close = xml.indexOf('"', i);
        if (close < 0 || close - i > 9) return -1;
        for (let k = i; k < close; k++) {
          const c = xml.charCodeAt(k) | 32;
          if (c < 97 || c > 122) return -1;
        }
        t = xml.slice(i, close);
        i = close + 1;
      }
    }
    ch = xml.charCodeAt(i);
    if (ch === 62) this.selfClosing = false;
    else if (ch === 47 && xml.charCodeAt(i + 1) === 62) {
      this.selfClosing = true;
      i++;
    } else return -1;
    this.col = col;
    this.style = style;
    this.t = t;
    return i + 1;
  }
}

/** What cell() gives for a cell the sheet does not have and no row or column formats: shared, frozen. */
const NO_CELL = Object.freeze({ value: null, numFmt: undefined });

/** A row as its <row> element opens it (or as ExcelJS makes one for a cell asked for): no cells yet. */
function emptyRow(numFmt: string | undefined): SheetRow {
  return { numFmt, cells: [], hasValues: false, cellCount: 0 };
}

/** Column definitions in order of their first column. */
const byMin = (a: { min: number }, b: { min: number }) => a.min - b.min;

/**
 * The general scanner's reading of a sheet (all of it, or what surrounds the cells plainCells reads);
 * a class, not closures made per sheet (see XmlHandler).
 */
class GeneralScan implements XmlHandler {
  depth = 0;
  sawSheetData = false;
  readonly cols: { min: number; max: number; numFmt: string | undefined }[] = [];
  private rootChecked = false;
  private row: SheetRow | undefined;
  private rowNum = 0;
  private lastCol = 0;
  // the cell being read
  private inCell = false;
  private cellCol = 0;
  private readonly cell = noCellParts();
  private current: "f" | "v" | "t" | undefined;
  private inRun = false;
  private runText: string[] | null = null;
  private runT: string | undefined;
  private inHyperlinks = false;
  private inSheetData = false;

  constructor(
    private readonly sheet: Sheet,
    private readonly styles: Styles,
    private readonly ctx: SheetContext,
    private readonly formulae: Record<string, string>,
  ) {}

  open(name: string, attrs: string): void {
    const depth = ++this.depth;
    if (!this.rootChecked) {
      this.rootChecked = true;
      if (name !== "worksheet") throw new Unsupported(`sheet root <${name}>`);
      return;
    }
    const cell = this.cell;
    if (this.inCell) {
      if (this.inRun) {
        if (name === "t") this.runText = [];
        return;
      }
      switch (name) {
        case "f":
          this.current = "f";
          cell.si = attr(attrs, "si");
          cell.shareType = attr(attrs, "t");
          cell.fref = attr(attrs, "ref");
          return;
        case "v":
          this.current = "v";
          return;
        case "t":
          this.current = "t";
          return;
        case "r":
          this.inRun = true;
          this.runT = undefined;
          return;
        case "is":
          return;
        default:
          throw new Unsupported(`<${name}> in a cell`);
      }
    }
    const sheet = this.sheet;
    if (depth === 2) {
      if (name === "sheetData") {
        // ExcelJS keeps the rows of the last <sheetData> only.
        if (this.sawSheetData) throw new Unsupported("two sheetData");
        this.sawSheetData = this.inSheetData = true;
      } else if (name === "hyperlinks") {
        // ExcelJS keeps the last list of links only.
        this.inHyperlinks = true;
        sheet.links.length = 0;
      } else if (name === "sheetProtection") sheet.protected = attr(attrs, "sheet") === "1";
      return;
    }
    if (this.inHyperlinks) {
      // Only a flat list: ExcelJS ends the list at anything else, and a link after it is not applied.
      if (depth !== 3 || name !== "hyperlink") throw new Unsupported(`<${name}> among links`);
      const rId = attr(attrs, "r:id");
      if (!rId) return; // a link within the book, or none: ExcelJS gives no cell a link for it
      const ref = attr(attrs, "ref");
      if (ref === undefined) throw new Unsupported("hyperlink without a cell");
      sheet.links.push({ ref, rId });
      return;
    }
    // ExcelJS also finds a list of links nested anywhere: such a sheet is left to it.
    if (name === "hyperlinks" || name === "hyperlink") throw new Unsupported("links out of place");
    if (this.inSheetData) {
      // Rows and their cells only: ExcelJS ends the rows at anything else and drops those after it.
      if (depth === 3 ? name !== "row" : depth !== 4 || name !== "c")
        throw new Unsupported(`<${name}> among rows`);
      if (name === "row") {
        sheet.countRow();
        const r = parseInt(attr(attrs, "r") ?? "", 10);
        if (!(r > 0)) throw new Unsupported("row without a number");
        // The package check refuses these first; here too, as rows are laid out up to the last one.
        if (r > MAX_ROW) throw new Unsupported("row past the last");
        // Rows and cells in order, each once, as spreadsheets write them: ExcelJS lets a later one
        // replace an earlier one where this reader would keep both or drop one.
        if (r <= this.rowNum) throw new Unsupported("rows out of order");
        this.lastCol = 0;
        const s = attr(attrs, "s");
        this.row = sheet.rows[r] = emptyRow(s ? this.styles.numFmt(parseInt(s, 10)) : undefined);
        this.rowNum = r;
      } else if (name === "c") {
        if (!this.row) throw new Unsupported("cell outside a row");
        sheet.countCell();
        // ExcelJS places a cell without a reference after the previous one it kept (not always the
        // previous one written) and keeps a written reference as the cell's address (merges and links
        // go by it), this reader where the cell stands: only a plain reference of its own row (E12 in
        // row 12) reads the same; any other leaves the sheet to ExcelJS.
        const at = plainAddress(attr(attrs, "r"));
        if (!at || at.row !== this.rowNum) throw new Unsupported("unusual cell reference");
        this.cellCol = at.col;
        if (this.cellCol <= this.lastCol) throw new Unsupported("cells out of order");
        this.lastCol = this.cellCol;
        const s = attr(attrs, "s");
        cell.cellStyle = s ? parseInt(s, 10) : undefined;
        cell.cellT = attr(attrs, "t");
        this.inCell = true;
        cell.formula = cell.shareType = cell.si = cell.fref = cell.value = undefined;
        cell.rich = undefined;
        this.current = undefined;
      }
      return;
    }
    if (name === "col") {
      const s = attr(attrs, "style");
      const style = s ? parseInt(s, 10) : undefined;
      this.cols.push({
        min: parseInt(attr(attrs, "min") || "0", 10),
        max: parseInt(attr(attrs, "max") || "0", 10),
        numFmt: style ? this.styles.numFmt(style) : undefined,
      });
    } else if (name === "mergeCell") {
      const ref = attr(attrs, "ref");
      if (ref) sheet.merges.push(decodeRange(ref));
    }
  }

  text(raw: string): void {
    if (!this.inCell) return;
    if (this.inRun) {
      if (this.runText) this.runText.push(decodeText(raw));
      return;
    }
    const cell = this.cell;
    if (this.current === "f") cell.formula = (cell.formula ?? "") + decodeText(raw);
    else if (this.current === "v" || this.current === "t") {
      if (cell.rich) throw new Unsupported("text after rich runs");
      const t = decodeText(raw);
      cell.value = cell.value ? cell.value + t : t;
    }
  }

  close(name: string): void {
    this.depth--;
    if (this.inCell) {
      const cell = this.cell;
      if (this.inRun) {
        if (name === "t" && this.runText) {
          this.runT = unescapeX(this.runText.join(""));
          this.runText = null;
        } else if (name === "r") {
          this.inRun = false;
          if (cell.value !== undefined) throw new Unsupported("text before rich runs");
          (cell.rich ??= []).push({ text: this.runT });
        }
        return;
      }
      if (name === "f" || name === "v" || name === "t") this.current = undefined;
      else if (name === "c") {
        this.inCell = false;
        this.sheet.finishCell(this.row!, this.rowNum, this.cellCol, this.styles, this.ctx, this.formulae, cell);
      }
      return;
    }
    if (name === "sheetData") this.inSheetData = false;
    else if (name === "hyperlinks") this.inHyperlinks = false;
    else if (name === "row") this.row = undefined;
  }
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
  /** The sheet's links to other places (<hyperlink r:id>), the cell they are on as written. */
  readonly links: { ref: string; rId: string }[] = [];
  /** Empty cells without a style the sheet writes (dropped as ExcelJS drops them), by cellKey. */
  private bareCells?: Set<number>;
  /** Row and cell elements read so far, held to `limits` (Infinity without). */
  private rowsRead = 0;
  private cellsRead = 0;
  private readonly maxRows: number;
  private readonly maxCells: number;
  private readonly limits: SheetLimits | undefined;

  constructor(xml: string | SheetTexts, ctx: SheetContext) {
    this.limits = ctx.limits;
    this.maxRows = ctx.limits?.maxRows ?? Infinity;
    this.maxCells = ctx.limits?.maxCells ?? Infinity;
    if (typeof xml === "string") this.parse(xml, ctx);
    else this.parsePieces(xml, ctx);
    this.checkMerges();
    this.applyLinks(ctx);
    this.applyMerges();
    this.measure();
  }

  /**
   * The cells in <sheetData> are read by a tight loop made for the shape spreadsheets write (rows of
   * <c> with <v> and <f>); the rest of the sheet, and any sheetData the loop does not recognise, by
   * the general scanner — both give the same cells, the loop only faster.
   */
  private parse(xml: string, ctx: SheetContext): void {
    const span = sheetDataSpan(xml);
    if (span) {
      try {
        const cells = [{ xml, from: span.from, to: span.to }];
        return this.parseAround(xml.slice(0, span.open), cells, xml.slice(span.after), ctx);
      } catch (e) {
        if (e !== NOT_PLAIN) throw e;
        this.forget();
      }
    }
    this.parseGeneral(xml, ctx);
  }

  /** The whole sheet by the general scanner. */
  private parseGeneral(xml: string, ctx: SheetContext): void {
    const scan = new GeneralScan(this, ctx.styles(), ctx, {});
    scanXml(xml, scan);
    this.applyColumns(scan);
  }

  /**
   * The pieces of a big part read as parse() reads the whole text: the cells of each piece by the
   * tight loop, the rows' order checked across pieces (each piece ends with a row's end tag, so no
   * row is open at a cut). Pieces not in that shape are read joined, as before; where the loop meets
   * something it does not recognise, so would its run over the joined text, and the general scanner
   * reads that at once.
   */
  private parsePieces(p: SheetTexts, ctx: SheetContext): void {
    const open = p.head.length - 11;
    if (
      p.head.endsWith("<sheetData>") &&
      p.head.indexOf("<sheetData") === open &&
      plainBefore(p.head, open) &&
      p.tail.startsWith("</sheetData>")
    ) {
      try {
        const cells: { xml: string; from: number; to: number }[] = [];
        for (const xml of p.cells) cells.push({ xml, from: 0, to: xml.length });
        return this.parseAround(p.head.slice(0, open), cells, p.tail.slice(12), ctx);
      } catch (e) {
        if (e !== NOT_PLAIN) throw e;
        this.forget();
        return this.parseGeneral(joined(p), ctx);
      }
    }
    this.parse(joined(p), ctx);
  }

  /** A row element read, held to the row limit (by plainCells and the general scanner). */
  countRow(): void {
    if (++this.rowsRead > this.maxRows) this.overLimits(0);
  }

  /** A cell element read, held to the cell limit (by plainCells and the general scanner). */
  countCell(): void {
    if (++this.cellsRead > this.maxCells) this.overLimits(0);
  }

  /** The package's refusal of a sheet past its limits, with what was counted (`merged`: cells merges cover). */
  private overLimits(merged: number): never {
    return this.limits!.refuse({
      rows: this.rowsRead,
      cells: this.cellsRead + merged,
      lastRow: this.rows.length ? this.rows.length - 1 : 0,
    });
  }

  /** What a read the tight loop gave up on had gathered. */
  private forget(): void {
    this.rowsRead = this.cellsRead = 0;
    this.rows.length = 0;
    this.merges.length = 0;
    this.colNumFmt.length = 0;
    this.protected = false;
    this.links.length = 0;
    this.bareCells = undefined;
  }

  /**
   * The text before <sheetData> and after </sheetData> by the general scanner (depth carries over:
   * sheetData is balanced), the cells between by the tight loop, piece after piece, the last row
   * read carried from one to the next.
   */
  private parseAround(
    before: string,
    cells: readonly { xml: string; from: number; to: number }[],
    after: string,
    ctx: SheetContext,
  ): void {
    const styles = ctx.styles();
    const formulae: Record<string, string> = {};
    const scan = new GeneralScan(this, styles, ctx, formulae);
    scanXml(before, scan);
    if (scan.depth !== 1) throw NOT_PLAIN;
    let rowNum = 0;
    for (const c of cells) rowNum = this.plainCells(c.xml, c.from, c.to, styles, ctx, formulae, rowNum);
    scan.sawSheetData = true;
    scanXml(after, scan);
    this.applyColumns(scan);
  }

  private applyColumns(scan: GeneralScan): void {
    // Column styles as Column.fromModel applies them: sorted by min, the first definition wins.
    const cols = scan.cols.sort(byMin);
    let count = 1;
    for (const c of cols) {
      if (c.max > MAX_COLUMN) throw new Unsupported("column definition past XFD");
      while (count < c.min) count++;
      while (count <= c.max) this.colNumFmt[count++] = c.numFmt;
    }
  }

  /**
   * The cells of <sheetData> between `from` and `to`, read directly, after row `rowNum` (0 at the
   * start); returns the last row read. Throws NOT_PLAIN at anything it does not know (inline strings,
   * rich text, entities or odd spacing in attributes, comments…), and the general scanner reads the
   * sheet instead: it gives the same cells, or the same refusal.
   */
  private plainCells(
    xml: string,
    from: number,
    to: number,
    styles: Styles,
    ctx: SheetContext,
    formulae: Record<string, string>,
    rowNum: number,
  ): number {
    const a = new TagAttrs();
    const quick = new CanonicalCellTag();
    // One cell's parts, reused for every cell: finishCell keeps none of them (rich text, which it
    // would keep, never comes this way).
    const cell = noCellParts();
    let row: SheetRow | undefined;
    let lastCol = 0;
    let i = from;
    for (;;) {
      // Tags mostly follow one another: the character at hand is looked at before searching (a search
      // per tag was about 5% of reading a sheet).
      const lt = xml.charCodeAt(i) === 60 ? i : xml.indexOf("<", i);
      if (lt < 0 || lt >= to) {
        if (blankBetween(xml, i, to)) return rowNum;
        throw NOT_PLAIN;
      }
      if (!blankBetween(xml, i, lt)) throw NOT_PLAIN;
      // The tags are told apart by the character after "<" (at lt, and at k below) before a whole name
      // is compared: String.prototype.startsWith was a call per tag, a third of this loop's own time.
      const second = xml.charCodeAt(lt + 1);
      if (second === 47 && xml.startsWith("</row>", lt)) {
        if (!row) throw NOT_PLAIN;
        row = undefined;
        i = lt + 6;
        continue;
      }
      if (second === 114 && xml.startsWith("<row", lt) && isSpaceOrEnd(xml.charCodeAt(lt + 4))) {
        if (row) throw NOT_PLAIN;
        this.countRow();
        const end = a.read(xml, lt + 4, ROW_ATTRS);
        const r = intOf(a.values[0] ?? "");
        if (!(r > 0) || r > MAX_ROW || r <= rowNum) throw NOT_PLAIN;
        lastCol = 0;
        const s = a.values[1];
        row = emptyRow(s ? styles.numFmt(intOf(s)) : undefined);
        this.rows[r] = row;
        rowNum = r;
        if (a.selfClosing) row = undefined;
        i = end;
        continue;
      }
      if (!(second === 99 && isSpaceOrEnd(xml.charCodeAt(lt + 2))) || !row) throw NOT_PLAIN; // <c
      this.countCell();
      let col: number;
      let selfClosing: boolean;
      let end = quick.read(xml, lt + 2, rowNum);
      if (end >= 0) {
        col = quick.col;
        cell.cellStyle = quick.style;
        cell.cellT = quick.t;
        selfClosing = quick.selfClosing;
      } else {
        end = a.read(xml, lt + 2, CELL_ATTRS);
        const at = plainAddress(a.values[0]);
        if (!at || at.row !== rowNum) throw NOT_PLAIN;
        col = at.col;
        const s = a.values[1];
        cell.cellStyle = s ? intOf(s) : undefined;
        cell.cellT = a.values[2];
        selfClosing = a.selfClosing;
      }
      if (col <= lastCol) throw NOT_PLAIN;
      lastCol = col;
      cell.formula = cell.shareType = cell.si = cell.fref = cell.value = undefined;
      if (!selfClosing) {
        // Children: <v>…</v> and <f …>…</f> (or <f …/>), with nothing but spaces between them.
        for (;;) {
          const k = xml.charCodeAt(end) === 60 ? end : xml.indexOf("<", end);
          if (k < 0 || k >= to || !blankBetween(xml, end, k)) throw NOT_PLAIN;
          const next = xml.charCodeAt(k + 1);
          if (next === 47 && xml.charCodeAt(k + 2) === 99 && xml.charCodeAt(k + 3) === 62) {
            end = k + 4; // </c>
            break;
          }
          if (next === 118 && xml.charCodeAt(k + 2) === 62) {
            // <v>
            // Scanned here rather than by indexOf: a value is a few characters, and one that needs no
            // decoding (no entity, no carriage return: nearly all) is sliced as it stands.
            let close = k + 3;
            let plain = true;
            for (let ch = xml.charCodeAt(close); ch !== 60; ch = xml.charCodeAt(++close)) {
              if (ch === 38 || ch === 13) plain = false;
              else if (ch !== ch) throw NOT_PLAIN; // NaN: the end of the text
            }
            // </v> (close is at its "<")
            if (
              xml.charCodeAt(close + 1) !== 47 ||
              xml.charCodeAt(close + 2) !== 118 ||
              xml.charCodeAt(close + 3) !== 62
            )
              throw NOT_PLAIN;
            if (close > k + 3) {
              const raw = xml.slice(k + 3, close);
              const t = plain ? raw : decodeText(raw);
              cell.value = cell.value ? cell.value + t : t;
            }
            end = close + 4;
          } else if (next === 102 && isSpaceOrEnd(xml.charCodeAt(k + 2))) {
            // <f
            const fEnd = a.read(xml, k + 2, FORMULA_ATTRS);
            cell.si = a.values[0];
            cell.shareType = a.values[1];
            cell.fref = a.values[2];
            if (a.selfClosing) end = fEnd;
            else {
              const close = xml.indexOf("<", fEnd);
              if (close < 0 || !xml.startsWith("</f>", close)) throw NOT_PLAIN;
              if (close > fEnd) cell.formula = (cell.formula ?? "") + decodeText(xml.slice(fEnd, close));
              end = close + 4;
            }
          } else throw NOT_PLAIN;
        }
      }
      this.finishCell(row, rowNum, col, styles, ctx, formulae, cell);
      i = end;
    }
  }

  /** One cell as read, into its row (called by plainCells and by the general scan). */
  finishCell(
    row: SheetRow,
    rowNum: number,
    col: number,
    styles: Styles,
    ctx: SheetContext,
    formulae: Record<string, string>,
    c: CellParts,
  ): void {
    const numFmt = styles.numFmt(c.cellStyle);
    const isDate = isDateFormat(numFmt);
    let out: RawValue;
    if (c.formula || c.shareType) {
      if (c.rich) throw new Unsupported("rich text in a formula cell");
      let result: unknown;
      if (c.value) {
        if (c.cellT === "str") result = decodeAgain(c.value);
        else if (c.cellT === "b") result = intOf(c.value) !== 0;
        else if (c.cellT === "e") result = { error: c.value };
        else result = floatOf(c.value);
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
        const index = intOf(c.value!);
        const sst = ctx.sharedStrings();
        if (!sst) out = index;
        else {
          const s = sst[index];
          if (s === undefined) throw new Unsupported("shared string index out of range");
          out = s;
        }
      } else if (t === "str") out = decodeAgain(c.value!);
      else if (t === "inlineStr") out = c.value!;
      else if (t === "b") out = intOf(c.value!) !== 0;
      else if (t === "e") out = { error: c.value! };
      else {
        const n = floatOf(c.value!);
        out = isDate ? serialToDate(n, ctx.date1904) : n;
      }
    } else if (c.cellStyle) {
      row.cells[col] = numFmt ? { value: null, numFmt } : { value: null };
      return;
    } else {
      // ExcelJS drops an empty cell without a style, unless a link lands on it (noted for applyLinks).
      (this.bareCells ??= new Set()).add(cellKey(rowNum, col));
      return;
    }
    row.cells[col] = numFmt ? { value: out, numFmt } : { value: out };
    row.hasValues = true;
  }

  /**
   * Links to other places, as ExcelJS applies them: every link's relationship must exist (else ExcelJS
   * cannot load the book), and the cell whose written reference is the link's becomes
   * { text: its value (a formula's result), hyperlink: the address }. Matched here by position (every
   * cell's reference is plainly its own address, or the sheet was left to ExcelJS). A link where the
   * sheet has no cell links nothing; one left on an emptied cell (Excel's Delete key keeps it) reads
   * as the empty cell but counts its row as holding a value, as ExcelJS's link cell does — also on an
   * empty cell without a style, which ExcelJS then keeps where it would drop it. In a merged area the
   * link is applied first and the merge after it, as ExcelJS does: the top-left cell reads as above,
   * the others as merged cells.
   */
  private applyLinks(ctx: SheetContext): void {
    if (!this.links.length) return;
    const targets = new Map<string, string>();
    for (const { ref, rId } of this.links) {
      const target = ctx.linkTarget?.(rId);
      if (target === undefined) throw new Unsupported("hyperlink without a relationship");
      targets.set(ref, target);
    }
    for (const [ref, hyperlink] of targets) {
      const at = plainAddress(ref);
      if (!at || !hyperlink) continue; // a range names no one cell; an empty target links nothing
      const key = cellKey(at.row, at.col);
      const cell = this.rows[at.row]?.cells[at.col];
      if (!cell && !this.bareCells?.has(key)) continue;
      if (!cell || cell.value === null) {
        // The empty cell ExcelJS keeps for the link (one it would drop without): no format of its own.
        if (!cell) this.rows[at.row].cells[at.col] = { value: null };
        this.rows[at.row].hasValues = true;
        continue;
      }
      const v = cell.value;
      const formula = typeof v === "object" && !(v instanceof Date) && !("error" in v) && !("richText" in v);
      // A formula's value keeps its result only when truthy, as ExcelJS's does; a link keeps a 0 or
      // FALSE result too, which this reader no longer has: such a cell is left to ExcelJS.
      if (formula && !(v as { result?: unknown }).result)
        throw new Unsupported("hyperlink on a formula without a result");
      cell.value = { text: formula ? (v as { result?: unknown }).result : v, hyperlink };
    }
  }

  /** ExcelJS's getCell: the cell, created empty (row and column number format) when missing. */
  private getCell(r: number, c: number): SheetCell {
    let row = this.rows[r];
    if (!row) row = this.rows[r] = emptyRow(undefined);
    let cell = row.cells[c];
    if (!cell) {
      const numFmt = row.numFmt || this.colNumFmt[c];
      cell = row.cells[c] = numFmt ? { value: null, numFmt } : { value: null };
    }
    return cell;
  }

  /**
   * Merged ranges that overlap (ExcelJS cannot load them) or cover very many cells together are left
   * to ExcelJS; cells and merged cells together past the cell limit are refused. One pass over the covered cells, however many ranges (comparing every range with every
   * other took seconds for tens of thousands of them).
   */
  private checkMerges(): void {
    if (!this.merges.length) return;
    // Merged ranges count as the cells a reader creates for them, as the package check counts them.
    let total = 0;
    for (const m of this.merges) total += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (this.cellsRead + total > this.maxCells) this.overLimits(total);
    if (total > MAX_MERGE_CELLS) throw new Unsupported("very large merges");
    const covered = new Set<number>();
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          const k = cellKey(r, c);
          if (covered.has(k)) throw new Unsupported("overlapping merges");
          covered.add(k);
        }
      }
    }
  }

  /** ExcelJS's merges: every cell of a range but its top-left one points to it (checkMerges() checked them). */
  private applyMerges(): void {
    this.merges.forEach((m) => {
      const master = this.getCell(m.top, m.left);
      const masterRef = cellAddress(m.top, m.left);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          const cell = this.getCell(r, c);
          cell.master = master;
          cell.mergedInto = masterRef;
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
  cell(r: number, c: number): { value: RawValue; numFmt?: string; mergedInto?: string } {
    const row = this.rows[r];
    const cell = row?.cells[c];
    if (!cell) {
      const numFmt = row?.numFmt || this.colNumFmt[c];
      return numFmt ? { value: null, numFmt } : NO_CELL;
    }
    if (cell.mergedInto !== undefined)
      return { value: null, numFmt: cell.numFmt, mergedInto: cell.mergedInto };
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
