// A read-only WorkbookPort straight over the .xlsx package, for the reviewer batch: it opens the zip,
// reads workbook.xml and its rels, and parses a worksheet (and sharedStrings.xml / styles.xml, once)
// only when a read asks for it. Every answer is what ExcelJsWorkbook gives for the same file and the
// same sequence of reads — including how ExcelJS's counts grow as blocks are read — and anything it
// does not handle the way ExcelJS does throws Unsupported, so the caller can fall back to ExcelJS: for
// one sheet (sheetFallback), or for the whole book where the problem is in a part every sheet shares.
import { GridSheet, GridWorkbook, LiveGridSheet } from "../grid-read";
import { cellValueData } from "../cell-data";
import type { Block, CellData, DefinedName, ReadRequest, ReadResult, SheetInfo } from "../../workbook/port";
import { type Box, parseRef } from "../../excel/a1";
import { decodeRef, expansionSteps } from "../../excel/name-refs";
import { normaliseNames, parseDefinedName, type ParsedName } from "./defined-names";
import { Unsupported } from "./errors";
import { parseSharedStrings, type SharedString } from "./shared-strings";
import { Sheet, type RawValue } from "./sheet";
import { Styles } from "./styles";
import { type PartSource, ZipParts } from "./zip";
import { sheetText } from "./sheet-pieces";
import { attr, decodeAgain, decodeText, scanned, type XmlHandler } from "./xml";

interface SheetEntry {
  name: string;
  id: number;
  state: string | undefined;
  part: string;
  sheet?: Sheet;
  protected?: boolean;
  /** The sheet's relationships (id → target), read when a link asks for one. */
  rels?: Map<string, string>;
  /** The sheet as another reader read it, where this one leaves the sheet to it (sheetFallback). */
  substitute?: GridSheet;
}

/**
 * Reads one sheet this reader leaves to ExcelJS (a construct it does not read as ExcelJS does), so
 * that the rest of the book is still read here; undefined leaves the whole book to ExcelJS.
 */
export type SheetFallback = (sheet: { name: string; part: string }) => Promise<GridSheet | undefined>;

// How ExcelJS pairs a sheet with its relationships: by the number in both names, unanchored.
export const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
export const SHEET_RELS_PART = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;

/** The data of every empty, unformatted cell a block holds: one object, frozen, for most of a block. */
const EMPTY: CellData = Object.freeze({ value: null });

function toCellData(c: { value: RawValue; numFmt?: string; mergedInto?: string }): CellData {
  const v = c.value;
  if (v === null && !c.numFmt && !c.mergedInto) return EMPTY;
  // A plain value (or a styled empty cell) is already what the port holds: the sheet's own cell is
  // handed out, one object per cell instead of two. Nothing reading a block changes a cell.
  if (c.mergedInto === undefined && (typeof v !== "object" || v === null || v instanceof Date))
    return c as CellData;
  const d = cellValueData(v, c.numFmt);
  if (c.mergedInto) d.mergedInto = c.mergedInto;
  return d;
}

const PROTECTION = Symbol("protection lookup");

/**
 * Every sheet list's `protected`: one getter for all, so that no list gets a hidden class of its own
 * holding the workbook (see LiveGridSheet).
 */
function protection(this: { [PROTECTION]: () => boolean }): boolean {
  return this[PROTECTION]();
}

/**
 * A sheet's name and visibility, its protection read only when asked for: a plain object with its own
 * `protected` (the port's data, compared and copied as such), the lookup kept out of sight.
 */
function lazySheetInfo(name: string, visible: boolean, lookUp: () => boolean): SheetInfo {
  const info = { name, visible } as SheetInfo;
  Object.defineProperty(info, PROTECTION, { value: lookUp });
  Object.defineProperty(info, "protected", { get: protection, enumerable: true, configurable: true });
  return info;
}

// The workbook part's handlers are classes, not closures made per workbook (see XmlHandler).

/** xl/_rels/workbook.xml.rels: relationship id → target. */
class RelsHandler implements XmlHandler {
  readonly rels = new Map<string, string>();
  open(name: string, attrs: string): void {
    if (name === "Relationship") {
      const id = attr(attrs, "Id");
      const target = attr(attrs, "Target");
      if (id !== undefined && target !== undefined) this.rels.set(id, target);
    }
  }
  close(): void {}
  text(): void {}
}

/** A sheet's relationships part: id → target ("" without one). */
class SheetRelsHandler implements XmlHandler {
  readonly rels = new Map<string, string>();
  private depth = 0;
  private roots = 0;
  open(name: string, attrs: string): void {
    const depth = ++this.depth;
    // One <Relationships> of <Relationship/> elements, as ExcelJS reads them (it fails on others).
    const expected = depth === 1 ? "Relationships" : "Relationship";
    if (depth > 2 || name !== expected || (depth === 1 && ++this.roots > 1))
      throw new Unsupported(`sheet relationships: <${name}>`);
    const id = depth === 2 ? attr(attrs, "Id") : undefined;
    if (id !== undefined) this.rels.set(id, attr(attrs, "Target") ?? "");
  }
  close(): void {
    this.depth--;
  }
  text(): void {}
}

/** xl/workbook.xml: the sheets as listed, the defined names' raw text, the date system. */
class WorkbookHandler implements XmlHandler {
  readonly listed: { name: string; id: number; state?: string; rId?: string }[] = [];
  readonly rawNames: { name: string | undefined; localSheetId?: string; text: string }[] = [];
  date1904 = false;
  private nameText: string[] | null = null;
  private nameAttrs = "";
  private root = true;

  open(name: string, attrs: string): void {
    if (this.root) {
      this.root = false;
      if (name !== "workbook") throw new Unsupported(`workbook root <${name}>`);
    } else if (name === "sheet") {
      const raw = attr(attrs, "name");
      this.listed.push({
        name: raw === undefined ? "" : decodeAgain(raw),
        id: parseInt(attr(attrs, "sheetId") ?? "", 10),
        state: attr(attrs, "state"),
        rId: attr(attrs, "r:id"),
      });
    } else if (name === "workbookPr") {
      this.date1904 = attr(attrs, "date1904") === "1";
    } else if (name === "definedName") {
      this.nameText = [];
      this.nameAttrs = attrs;
    }
  }

  text(raw: string): void {
    if (this.nameText) this.nameText.push(decodeText(raw));
  }

  close(name: string): void {
    if (name === "definedName" && this.nameText) {
      this.rawNames.push({
        name: attr(this.nameAttrs, "name"),
        localSheetId: attr(this.nameAttrs, "localSheetId"),
        text: this.nameText.join(""),
      });
      this.nameText = null;
    }
  }
}

/** One sheet as this reader gives it to the port: its cells as blocks, its merges. */
class ReaderSheet extends LiveGridSheet {
  constructor(
    name: string,
    private readonly s: Sheet,
  ) {
    super(name, s);
  }

  merges(): readonly Box[] {
    return this.s.merges;
  }

  block(top: number, left: number, bottom: number, right: number): Block {
    const s = this.s;
    if ((bottom - top + 1) * (right - left + 1) > 5_000_000) throw new Unsupported("very large block");
    const cells: CellData[][] = [];
    for (let r = top; r <= bottom; r++) {
      const line: CellData[] = [];
      for (let c = left; c <= right; c++) line.push(toCellData(s.cell(r, c)));
      cells.push(line);
    }
    s.touch(top, bottom, right);
    return { sheet: this.name, top, left, cells };
  }
}

export class XlsxReader extends GridWorkbook {
  private stylesCache?: Styles;
  private sstCache?: SharedString[] | null;
  private namesCache?: DefinedName[];
  /** Where a sheet goes that this reader leaves to another: without one, the whole book goes. */
  sheetFallback?: SheetFallback;

  private constructor(
    private readonly zip: ZipParts,
    private readonly sheets: SheetEntry[],
    private readonly date1904: boolean,
    private readonly definedNames: ParsedName[],
  ) {
    super();
  }

  static async fromBuffer(data: Uint8Array, inflated?: PartSource): Promise<XlsxReader> {
    return XlsxReader.open(data, inflated);
  }

  /** `inflated`: where parts come from (the package check, which inflates each as it is asked for). */
  static open(data: Uint8Array, inflated?: PartSource): XlsxReader {
    const zip = new ZipParts(data, undefined, inflated);
    const wbXml = zip.text("xl/workbook.xml");
    const relsXml = zip.text("xl/_rels/workbook.xml.rels");
    if (wbXml === undefined || relsXml === undefined) throw new Unsupported("no workbook part");
    if (!zip.has("xl/styles.xml")) throw new Unsupported("no styles part");

    const { rels } = scanned(relsXml, new RelsHandler());
    const { listed, rawNames, date1904 } = scanned(wbXml, new WorkbookHandler());

    // Sheets as ExcelJS keeps them: only those whose part is a worksheet it loads.
    const sheets: SheetEntry[] = [];
    const ids = new Set<number>();
    const lower = new Set<string>();
    for (const s of listed) {
      const target = s.rId === undefined ? undefined : rels.get(s.rId);
      if (target === undefined) continue;
      const part = `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
      if (!zip.has(part)) continue;
      if (!/xl\/worksheets\/sheet(\d+)[.]xml/.test(part)) {
        if (/^xl\/chartsheets\//.test(part)) continue;
        throw new Unsupported(`sheet part ${part}`);
      }
      if (!(s.id > 0) || ids.has(s.id)) throw new Unsupported("sheet ids");
      const n = s.name;
      if (!n || n === "History" || /[*?:/\\[\]]/.test(n) || /(^')|('$)/.test(n) || n.length > 31)
        throw new Unsupported(`sheet name ${n}`);
      if (lower.has(n.toLowerCase())) throw new Unsupported("duplicate sheet names");
      ids.add(s.id);
      lower.add(n.toLowerCase());
      sheets.push({ name: n, id: s.id, state: s.state, part });
    }
    // Sheet parts ExcelJS reads but no sheet points to would change its list: leave those to it.
    const used = new Set(sheets.map((s) => s.part));
    for (const p of zip.names())
      if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(p) && !/_rels/.test(p) && !used.has(p))
        throw new Unsupported(`unlisted sheet part ${p}`);

    // Defined names parsed as ExcelJS parses them.
    const parsed: ParsedName[] = rawNames.map((n) => parseDefinedName(n.name, n.localSheetId, n.text));
    const kept: ParsedName[] = [];
    for (const d of parsed) {
      if (d.name === "_xlnm.Print_Area") {
        // ExcelJS turns a sheet's print area into page setup by decoding its first range (the parse
        // kept only ranges that decode): without one its load fails, which is ExcelJS's to report.
        if (d.localSheetId !== undefined && sheets[d.localSheetId] && d.ranges.length === 0)
          throw new Unsupported("print area without a range");
      } else if (d.name !== "_xlnm.Print_Titles") {
        // A name this large is left to ExcelJS (by now the package check has bounded all names together).
        const steps = d.ranges.reduce((sum, r) => sum + expansionSteps(decodeRef(r)), 0);
        if (steps > 100_000) throw new Unsupported("very large defined names");
        kept.push(d);
      }
    }
    return new XlsxReader(zip, sheets, date1904, kept);
  }

  private styles(): Styles {
    if (!this.stylesCache) this.stylesCache = new Styles(this.zip.text("xl/styles.xml"));
    return this.stylesCache;
  }

  private sharedStrings(): SharedString[] | undefined {
    if (this.sstCache === undefined) {
      const xml = this.zip.text("xl/sharedStrings.xml");
      this.sstCache = xml === undefined ? null : parseSharedStrings(xml);
    }
    return this.sstCache ?? undefined;
  }

  private entry(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private sheet(e: SheetEntry): Sheet {
    if (!e.sheet) {
      const part = this.zip.worksheet(e.part);
      if (part === undefined) throw new Unsupported(`missing part ${e.part}`);
      e.sheet = new Sheet(sheetText(part.bytes), {
        styles: () => this.styles(),
        sharedStrings: () => this.sharedStrings(),
        date1904: this.date1904,
        linkTarget: (rId) => this.sheetRels(e).get(rId),
        limits: part.limits,
      });
      e.protected = e.sheet.protected;
    }
    return e.sheet;
  }

  /** Relationship id → target ("" without one), as ExcelJS reads the sheet's relationships part. */
  private sheetRels(e: SheetEntry): Map<string, string> {
    if (!e.rels) {
      const n = SHEET_PART.exec(e.part)?.[1];
      const parts: string[] = [];
      for (const p of this.zip.names()) if (SHEET_RELS_PART.exec(p)?.[1] === n) parts.push(p);
      if (parts.length > 1) throw new Unsupported("several relationship parts for one sheet");
      const xml = parts.length ? this.zip.text(parts[0]) : undefined;
      e.rels = xml === undefined ? new Map() : scanned(xml, new SheetRelsHandler()).rels;
    }
    return e.rels;
  }

  private isProtected(e: SheetEntry): boolean {
    if (e.protected === undefined) {
      // Without parsing the whole sheet: the protection element follows the cells.
      const xml = this.zip.text(e.part) ?? "";
      const from = xml.lastIndexOf("</sheetData>");
      const m = /<sheetProtection(\s[^>]*?)?\/?>/.exec(from >= 0 ? xml.slice(from) : xml);
      e.protected = Boolean(m && attr(m[1] ?? "", "sheet") === "1");
    }
    return e.protected;
  }

  override async read(req: ReadRequest): Promise<ReadResult> {
    if (this.sheetFallback) await this.readyFor(req, this.sheetFallback);
    return super.read(req);
  }

  /**
   * Every sheet the request reads cells of, parsed before the read; one this reader leaves to another
   * is read there. The book's shared parts (styles, shared strings) must be readable here: a problem
   * in one of them leaves the whole book to ExcelJS, as do settings and the emptiness check, which
   * read the sheet here.
   */
  private async readyFor(req: ReadRequest, fallback: SheetFallback): Promise<void> {
    const names = new Set(req.used);
    for (const ref of req.ranges ?? []) {
      try {
        const sheet = parseRef(ref).sheet;
        if (sheet) names.add(sheet);
      } catch {
        // Read (as an invalid reference) by the port.
      }
    }
    for (const name of names) {
      const e = this.entry(name);
      if (!e || e.sheet || e.substitute) continue;
      try {
        this.sheet(e);
      } catch (err) {
        if (!(err instanceof Unsupported)) throw err;
        this.styles();
        this.sharedStrings();
        const substitute = await fallback({ name: e.name, part: e.part });
        if (!substitute) throw err;
        e.substitute = substitute;
      }
    }
  }

  hasSheet(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** Every sheet without a value (ExcelJS's actualRowCount === 0 on each). */
  isEmpty(): boolean {
    return this.sheets.every((e) => this.sheet(e).actualRowCount === 0);
  }

  protected sheetInfo(): SheetInfo[] {
    // Protection is looked up only when asked for (before a write): reading it means inflating the
    // sheet, and a read-only run asks for no sheet but the few it reads.
    const out: SheetInfo[] = [];
    for (const e of this.sheets)
      out.push(lazySheetInfo(e.name, e.state === "visible" || e.state === undefined, () => this.isProtected(e)));
    return out;
  }

  protected gridSheet(name: string): GridSheet | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    if (e.substitute) return e.substitute;
    return new ReaderSheet(e.name, this.sheet(e));
  }

  protected names(): DefinedName[] {
    if (!this.namesCache) {
      const out: DefinedName[] = [];
      for (const m of normaliseNames(this.definedNames))
        for (const ref of m.ranges) out.push({ name: m.name, ref });
      this.namesCache = out;
    }
    return this.namesCache.map((n) => ({ ...n }));
  }

  protected storedSettings(): Map<string, string> {
    const out = new Map<string, string>();
    const e = this.entry(XlsxReader.SETTINGS_SHEET);
    if (!e) return out;
    const s = this.sheet(e);
    for (const r of s.valueRows()) {
      const k = s.cell(r, 1).value;
      const v = s.cell(r, 2).value;
      if (typeof k === "string" && v !== null && v !== undefined) out.set(k, String(v));
      s.touch(r, r, 2);
    }
    return out;
  }

  async write(): Promise<void> {
    this.roundTrips++;
    throw new Error("read-only");
  }
}
