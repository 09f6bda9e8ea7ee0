// A workbook's bytes checked before any parser sees them: what kind of file it is (with a message
// for each kind that is not an .xlsx), and whether it stays within the limits once unpacked. A part
// is inflated once, never past the size its header declares nor past the budget, and a worksheet's
// rows and cells are counted as bytes before it is parsed — or, by the fast reader, as it parses a
// sheet of at most a few megabytes, stopping at the limit — so a zip bomb, a lying header or a
// million-row sheet is refused at modest memory before ExcelJS or the fast reader builds much from
// it. The fast reader has only the parts it reads checked (CheckedPackage); a reader that reads
// everything (ExcelJS) has every part checked first (inspectWorkbook). Node and browser alike.
import { columnNumber, MAX_ROW } from "../excel/a1";
import { isXmlSpace } from "./xml-chars";
import { indexOfAscii, lastIndexOfAscii } from "./ascii-search";
import { decodeRef, expansionSteps, extractRanges, pastLastRow } from "../excel/name-refs";
import { type Limits, limitMessage, mbText, tooLargeMessage, tooManyCellsMessage } from "./limits";
import { sniff } from "./sniff";
import { type Message, msg, type Param } from "../messages";
import { InflateSizeError, type InflateRaw } from "./inflate-raw";
import { defaultInflateRaw } from "./zip-inflate";
import { entryBytes, readDirectory, ZipFormatError, type ZipEntry } from "./zip-directory";

export interface Inspected {
  /** Parts and their inflated bytes, for callers that want them (none keep them today). */
  parts: number;
  unpackedBytes: number;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * `<row` and `<c` start tags (any namespace prefix) in a worksheet's XML, stopping past the limits, and
 * the highest row number the rows give (r="…"): a reader lays rows out up to it, so one row numbered two
 * billion costs as much as two billion rows.
 */
export function countRowsAndCells(
  xml: Uint8Array,
  maxRows = Infinity,
  maxCells = Infinity,
): { rows: number; cells: number; lastRow: number } {
  let rows = 0;
  let cells = 0;
  let lastRow = 0;
  const n = xml.length;
  // A loop over the bytes, not indexOf from one "<" to the next: tags are a few bytes apart, and a call
  // per tag took twice as long.
  for (let i = 0; i < n; i++) {
    if (xml[i] !== 0x3c) continue;
    let j = i + 1;
    // An optional prefix: letters, digits, _ . - then a colon.
    let k = j;
    while (k < n && isNameByte(xml[k])) k++;
    if (k < n && xml[k] === 0x3a && k > j) j = k + 1;
    const a = xml[j];
    let end: number;
    if (a === 0x72 && xml[j + 1] === 0x6f && xml[j + 2] === 0x77) end = j + 3; // row
    else if (a === 0x63) end = j + 1; // c
    else continue;
    const next = xml[end];
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x0a && next !== 0x0d && next !== 0x09)
      continue;
    if (end === j + 3) {
      if (++rows > maxRows) break;
      const r = rowNumber(xml, end);
      if (r > lastRow) lastRow = r;
    } else if (++cells > maxCells) break;
  }
  return { rows, cells, lastRow };
}

/** Where the largest row number a reader could take is capped: far past Excel's last row. */
const ROW_NUMBER_CAP = 1e12;

/**
 * The number a row tag's r attribute starts with (as parseInt reads it: spaces, then digits), reading
 * the tag from `from` to its end outside quotes; 0 without one.
 */
function rowNumber(xml: Uint8Array, from: number): number {
  const n = xml.length;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const b = xml[i];
    if (quote) {
      if (b === quote) quote = 0;
      continue;
    }
    if (b === 0x22 || b === 0x27) quote = b;
    else if (b === 0x3e) return 0;
    else if (b === 0x72 && isXmlSpace(xml[i - 1])) {
      let k = i + 1;
      while (isXmlSpace(xml[k])) k++;
      if (xml[k] !== 0x3d) continue;
      k++;
      while (isXmlSpace(xml[k])) k++;
      const q = xml[k];
      if (q !== 0x22 && q !== 0x27) continue;
      k++;
      while (isXmlSpace(xml[k])) k++;
      if (xml[k] === 0x2b) k++;
      let value = 0;
      while (xml[k] >= 0x30 && xml[k] <= 0x39 && value < ROW_NUMBER_CAP) value = value * 10 + xml[k++] - 0x30;
      return value;
    }
  }
  return 0;
}

/**
 * A sheet's XML without its cell data: what comes before and after <sheetData> (merges, validations…),
 * decoded without the bulk of the part. A prefixed or missing <sheetData> leaves the whole part.
 */
export function outsideSheetData(xml: Uint8Array): string {
  const open = indexOfAscii(xml, "sheetData");
  const close = lastIndexOfAscii(xml, "sheetData>");
  if (open < 0 || close < open) return text.decode(xml);
  return text.decode(xml.subarray(0, open)) + text.decode(xml.subarray(close));
}

/** Cells covered by the sheet's merged ranges (<mergeCell ref="A1:C3"/>), given the sheet without its cell data. */
export function mergedCellCount(outside: string): number {
  let total = 0;
  for (const m of outside.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?"/g)) {
    const rows = m[4] ? Math.abs(Number(m[4]) - Number(m[2])) + 1 : 1;
    const cols = m[3] ? Math.abs(columnNumber(m[3]) - columnNumber(m[1])) + 1 : 1;
    total += rows * cols;
  }
  return total;
}


function isNameByte(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2e || b === 0x2d
  );
}

/** Sheet names by worksheet part, for messages a clerk can act on ("回答", not "sheet3.xml"). */
function sheetNames(workbookXml: string | undefined, relsXml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!workbookXml || !relsXml) return out;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) targets.set(id, `xl/${target.replace(/^\/?(xl\/)?/, "")}`);
  }
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (name !== undefined && part) out.set(part.toLowerCase(), entityText(name));
  }
  return out;
}

const text = new TextDecoder("utf-8");

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** A sheet name as a message shows it: XML entities read leniently (a bad one is shown as it is). */
function entityText(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (all, e: string) => {
    if (NAMED[e]) return NAMED[e];
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : e.startsWith("#") ? parseInt(e.slice(1), 10) : NaN;
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

// Names a reader would store as keys of a plain object: ExcelJS then changes Object.prototype.
const UNSAFE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype).map((n) => n.toLowerCase()));

/**
 * A defined name's text as ExcelJS's parser gathers it: every text node inside, comments and CDATA
 * left out. Scanned with indexOf so that a hostile part (tags never closed) stays linear.
 */
function nameText(content: string): string {
  let out = "";
  for (let i = 0; i < content.length; ) {
    const lt = content.indexOf("<", i);
    out += entityText(content.slice(i, lt < 0 ? content.length : lt));
    if (lt < 0) break;
    const [open, close] = content.startsWith("<!--", lt)
      ? ["<!--", "-->"]
      : content.startsWith("<![CDATA[", lt)
        ? ["<![CDATA[", "]]>"]
        : ["<", ">"];
    const end = content.indexOf(close, lt + open.length);
    i = end < 0 ? content.length : end + close.length;
  }
  return out;
}

const VALIDATION_CELLS_PER_CELL = 4;

/**
 * Cells a sheet's data validations cover, each range expanded as ExcelJS expands it (rows, then
 * columns), given the sheet without its cell data.
 */
export function validationCells(outside: string): number {
  let cells = 0;
  for (const m of outside.matchAll(/<(?:\w+:)?dataValidation\b[^<>]*?\bsqref="([^"]*)"/g))
    for (const ref of m[1].split(/\s+/)) {
      if (!ref) continue;
      try {
        const d = decodeRef(ref);
        cells += d.kind === "range" ? expansionSteps(d) : 1;
      } catch {
        // A column past XFD: ExcelJS cannot load the book at all, which its load reports.
      }
    }
  return cells;
}

/** A reference as a message quotes it: a hostile file's text is cut short. */
const quoted = (ref: string) => (ref.length > 60 ? `${ref.slice(0, 60)}…` : ref);

/**
 * A sheet or defined name no reader should take, or a defined name whose range lies outside the
 * sheet or takes more steps to expand than a sheet has cells (readers expand it cell by cell, and
 * ExcelJS's loose reading can turn stray digits into a row past the last: "A2:$a4 x 99999").
 */
export function namesProblem(
  workbookXml: string,
  maxCells: number,
): { code: "book.unsafe-name" | "book.name-range"; name: string; ref?: string } | null {
  for (const m of workbookXml.matchAll(/<(?:\w+:)?(?:sheet|definedName)\b[^<>]*?\bname="([^"]*)"/g)) {
    const name = entityText(m[1]);
    if (UNSAFE_NAMES.has(name.toLowerCase())) return { code: "book.unsafe-name", name };
  }
  // Over the whole book: many names, each small enough, add up. Print areas and titles are not
  // expanded into cells (they become page setup), so only a single one too large counts.
  let steps = 0;
  const names = /<((?:\w+:)?)definedName\b([^<>]*?)(\/?)>/g;
  for (let m = names.exec(workbookXml); m; m = names.exec(workbookXml)) {
    if (m[3]) continue;
    const name = entityText(/\bname="([^"]*)"/.exec(m[2])?.[1] ?? "");
    const end = workbookXml.indexOf(`</${m[1]}definedName>`, names.lastIndex);
    const content = workbookXml.slice(names.lastIndex, end < 0 ? undefined : end);
    // Names are not nested: the next one starts after this one's end (a part without it ends here).
    names.lastIndex = end < 0 ? workbookXml.length : end;
    const printed = name === "_xlnm.Print_Area" || name === "_xlnm.Print_Titles";
    for (const ref of extractRanges(nameText(content))) {
      const d = decodeRef(ref);
      const own = expansionSteps(d);
      if (!printed) steps += own;
      if (pastLastRow(ref, d) || own > maxCells || steps > maxCells) return { code: "book.name-range", name, ref: quoted(ref) };
    }
  }
  return null;
}


/** The message for a file that is not an .xlsx at all, or null when it is a zip workbook package. */
export function notAWorkbook(data: Uint8Array, file: string): Message | null {
  const k = sniff(data);
  const f = { file };
  switch (k.kind) {
    case "empty":
      return msg("file.empty", f);
    case "encrypted":
      return msg("book.encrypted", f);
    case "xls":
      return msg("book.xls", f);
    case "word":
      return msg("book.word", f);
    case "powerpoint":
      return msg("book.powerpoint", f);
    case "pdf":
      return msg("book.pdf", f);
    case "html":
      return msg("book.html", f);
    case "text":
      return msg(k.csv ? "book.csv" : "book.text", f);
    case "zip-damaged":
      return msg("book.corrupt", {
        file,
        where: msg(k.reason === "truncated" ? "book.corrupt.truncated" : "book.corrupt.directory"),
      });
    case "compound":
    case "binary":
      return msg("book.unknown-format", f);
    case "zip":
      switch (k.package) {
        case "workbook":
          return null;
        case "xlsb":
          return msg("book.xlsb", f);
        case "ods":
          return msg("book.ods", f);
        case "word":
          return msg("book.word", f);
        case "powerpoint":
          return msg("book.powerpoint", f);
        default:
          return msg("book.zip-not-workbook", f);
      }
  }
}

export class PackageRefused extends Error {
  constructor(readonly detail: Message) {
    super(detail.code);
    this.name = "PackageRefused";
  }
}

/**
 * A workbook package checked in proportion to what is read. Made, it has checked what the zip's
 * central directory says of every part (kind of file, size, number of parts, encryption, declared
 * unpacked sizes, duplicate names); each part is inflated only when asked for, never past its
 * declared size, counted against the unpacked budget, and — for a worksheet — its rows, cells and
 * merged cells counted before anyone parses it, or, for a reader that counts them itself as it parses
 * (worksheet()), as that reader parses it; workbook.xml's names are checked likewise. A part never read
 * is never inflated, so a bomb or an oversized sheet that no reader touches costs nothing; checkAll()
 * inflates and checks the rest (before a reader that reads everything), counting every worksheet here.
 * Every refusal is a PackageRefused with the message for the user.
 */
export class CheckedPackage {
  readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly inflated = new Map<string, Uint8Array>();
  /** Each sheet's XML without its cell data, decoded once: merges are counted in it as a sheet is read,
   *  validations when the whole book is. */
  private readonly outside = new Map<string, string>();
  /** Worksheets handed to a reader that counts them as it parses them (worksheet()), not counted here
   *  yet: counted if anything else asks for them (checkAll() before ExcelJS). */
  private readonly uncounted = new Set<string>();
  private unpacked = 0;
  /** What checkAll() counted, once it has passed. */
  private whole?: Inspected;

  constructor(
    private readonly data: Uint8Array,
    readonly file: string,
    private readonly limits: Limits,
    private readonly inflateRaw: InflateRaw = defaultInflateRaw,
  ) {
    if (data.length > limits.maxFileBytes)
      this.refuse(tooLargeMessage(file, data.length, limits));
    const kind = notAWorkbook(data, file);
    if (kind) this.refuse(kind);
    let entries: ZipEntry[] = [];
    try {
      entries = readDirectory(data);
    } catch (e) {
      if (e instanceof ZipFormatError) this.corrupt(msg("book.corrupt.directory"));
      throw e;
    }
    this.entries = entries;
    if (entries.length > limits.maxParts)
      this.refuse(msg("book.too-many-parts", { file, n: entries.length, limit: limits.maxParts }));
    // Loops, not arrow functions made per workbook (see XmlHandler in adapters/xlsx/xml.ts).
    let encrypted = false;
    let declared = 0;
    for (const e of entries) {
      if (e.flags & 1) encrypted = true;
      declared += e.uncompressedSize;
    }
    if (encrypted) this.refuse(msg("book.encrypted", { file }));
    if (declared > limits.maxUncompressedBytes) this.tooBig();
    for (const e of entries) {
      if (this.byName.has(e.name)) this.corrupt(msg("book.corrupt.duplicate", { part: e.name }));
      this.byName.set(e.name, e);
    }
  }

  private refuse(m: Message): never {
    throw new PackageRefused(m);
  }

  private corrupt(where: Message): never {
    return this.refuse(msg("book.corrupt", { file: this.file, where }));
  }

  private tooBig(): never {
    return this.refuse(
      limitMessage(this.limits, "book.unpacked-too-large", {
        file: this.file,
        limit: mbText(this.limits.maxUncompressedBytes),
      }),
    );
  }

  /** Inflated parts held so far (each once), by name. */
  get parts(): ReadonlyMap<string, Uint8Array> {
    return this.inflated;
  }

  /** The part's bytes, inflated and checked on first use; undefined when there is no such part. */
  get(name: string): Uint8Array | undefined {
    return this.part(name, true);
  }

  /**
   * A worksheet for a reader that counts its rows and cells as it parses them (the fast reader): its
   * bytes, inflated and checked as get() does, and the limits to hold the count to — the reader stops
   * when a count passes one, and refuse() throws the refusal get() would. Counting the bytes before the
   * parse was a pass over the whole part, a tenth of reading a workbook. A part larger than
   * COUNTED_ABOVE_BYTES is counted here all the same (no `limits` then): decoding tens of megabytes of
   * tags to text only to find them too many would cost the memory the limits are there to save.
   */
  worksheet(name: string): { bytes: Uint8Array; limits?: SheetLimits } | undefined {
    const bytes = this.part(name, false);
    if (!bytes) return undefined;
    return { bytes, limits: this.uncounted.has(name) ? new ReaderCount(this, name, this.limits) : undefined };
  }

  private part(name: string, countSheet: boolean): Uint8Array | undefined {
    const done = this.inflated.get(name);
    if (done) {
      if (countSheet && this.uncounted.delete(name)) this.countSheet(name, done);
      return done;
    }
    const e = this.byName.get(name);
    if (!e || e.name.endsWith("/")) return undefined;
    const bytes = this.inflate(e);
    this.inflated.set(name, bytes);
    this.unpacked += bytes.length;
    if (this.unpacked > this.limits.maxUncompressedBytes) this.tooBig();
    if (name === "xl/workbook.xml") {
      const problem = namesProblem(text.decode(bytes), this.limits.maxCells);
      if (problem) this.refuse(msg(problem.code, { file: this.file, name: problem.name, ref: problem.ref ?? "" }));
    }
    if (WORKSHEET.test(name)) {
      if (countSheet || bytes.length > COUNTED_ABOVE_BYTES) this.countSheet(name, bytes);
      else this.uncounted.add(name);
    }
    return bytes;
  }

  /** Inflates and checks every part not read yet; what was counted. Done once: a caller that checked
   *  the whole package may hand it to one that checks it again before ExcelJS (the tally's fallback). */
  checkAll(): Inspected {
    if (!this.whole) {
      this.checkAllBut(() => false);
      this.whole = { parts: this.entries.length, unpackedBytes: this.unpacked };
    }
    return this.whole;
  }

  /**
   * Inflates and checks every part a reader of the whole book will be given — all but those `leftOut`
   * names (a copy of the package without them, see oneSheetPackage) — and the validations of the
   * sheets it keeps.
   */
  checkAllBut(leftOut: (name: string) => boolean): void {
    if (this.whole) return;
    for (const e of this.entries) if (!leftOut(e.name)) this.get(e.name);
    this.checkValidations(leftOut);
  }

  /**
   * A reader of the whole book (ExcelJS) keeps one entry per cell of every data validation's range:
   * a whole column costs it about 1.5 s and 230 MB, a whole sheet never ends. The book's validations
   * together may cover VALIDATION_CELLS_PER_CELL times the cell limit (four whole columns for an
   * answer workbook). Only checked here: the fast reader never reads validations.
   */
  private checkValidations(leftOut: (name: string) => boolean): void {
    const limit = this.limits.maxCells * VALIDATION_CELLS_PER_CELL;
    let cells = 0;
    for (const [name, outside] of this.outside) {
      if (leftOut(name)) continue;
      cells += validationCells(outside);
      if (cells > limit)
        this.refuse(
          msg("book.validation-cells", {
            file: this.file,
            sheet: this.sheetName(name),
            cells: cells.toLocaleString("en-US"),
            limit: limit.toLocaleString("en-US"),
          }),
        );
    }
  }

  private inflate(e: ZipEntry): Uint8Array {
    let raw: Uint8Array;
    try {
      raw = entryBytes(this.data, e);
    } catch (err) {
      if (err instanceof ZipFormatError) return this.corrupt(msg("book.corrupt.truncated"));
      throw err;
    }
    const damaged = (code: "book.corrupt.size" | "book.corrupt.method" | "book.corrupt.part") =>
      this.corrupt(msg(code, { part: this.partName(e.name) }));
    if (e.method === 0) {
      if (raw.length !== e.uncompressedSize) damaged("book.corrupt.size");
      return raw;
    }
    if (e.method !== 8) return damaged("book.corrupt.method");
    try {
      return this.inflateRaw(raw, e.uncompressedSize);
    } catch (err) {
      return damaged(err instanceof InflateSizeError ? "book.corrupt.size" : "book.corrupt.part");
    }
  }

  /** A damaged part as a clerk can find it: a worksheet by its sheet's name beside the part's (which the
   *  support desk reads); the part alone where the sheet's name cannot be read either. */
  private partName(part: string): Param {
    let sheet: string | undefined;
    try {
      sheet = WORKSHEET.test(part) ? this.listedSheetName(part) : undefined;
    } catch {
      // The workbook's own parts are damaged too: the part alone.
    }
    return sheet === undefined ? part : msg("book.part-of-sheet", { part, sheet });
  }

  private countSheet(part: string, bytes: Uint8Array): void {
    const limits = this.limits;
    const counted = countRowsAndCells(bytes, limits.maxRows, limits.maxCells);
    // Merged ranges count as the cells a reader creates for them (ExcelJS fills every one).
    const outside = outsideSheetData(bytes);
    this.outside.set(part, outside);
    this.refuseOverLimits(part, { ...counted, cells: counted.cells + mergedCellCount(outside) });
  }

  /** Refuses the worksheet `part` if what was counted of it passes a limit. */
  refuseOverLimits(part: string, counted: SheetCount): void {
    const limits = this.limits;
    const cells = counted.cells;
    if (counted.lastRow > MAX_ROW)
      this.refuse(
        msg("book.row-past-end", {
          file: this.file,
          sheet: this.sheetName(part),
          row: counted.lastRow.toLocaleString("en-US"),
        }),
      );
    if (counted.rows > limits.maxRows)
      this.refuse(
        limitMessage(limits, "book.too-many-rows", {
          file: this.file,
          sheet: this.sheetName(part),
          rows: counted.rows.toLocaleString("en-US"),
          limit: limits.maxRows.toLocaleString("en-US"),
        }),
      );
    if (cells > limits.maxCells)
      this.refuse(tooManyCellsMessage(limits, this.file, this.sheetName(part), cells, limits.maxCells));
  }

  private sheetName(part: string): string {
    return this.listedSheetName(part) ?? part.slice(part.lastIndexOf("/") + 1);
  }

  /** The name the workbook lists for a worksheet part, if it lists one. */
  private listedSheetName(part: string): string | undefined {
    const partText = (name: string) => {
      const b = this.get(name);
      return b ? text.decode(b) : undefined;
    };
    return sheetNames(partText("xl/workbook.xml"), partText("xl/_rels/workbook.xml.rels")).get(part.toLowerCase());
  }
}

/** A worksheet's rows and cells (merged cells among them) and its last row number, as counted. */
export interface SheetCount {
  rows: number;
  cells: number;
  lastRow: number;
}

/** What a reader that counts a worksheet as it parses it holds the count to (CheckedPackage.worksheet). */
export interface SheetLimits {
  readonly maxRows: number;
  readonly maxCells: number;
  /** Throws the refusal for a count past a limit. */
  refuse(counted: SheetCount): never;
}

/** Worksheets up to this size may be counted by the reader that parses them; larger ones are counted
 *  as bytes first. A few megabytes decode and parse in milliseconds, and Saiten's forms are far smaller. */
const COUNTED_ABOVE_BYTES = 4 * 1024 * 1024;

/** The limits of one worksheet handed to a reader that counts it (a class: see XmlHandler in
 *  adapters/xlsx/xml.ts for why code run per workbook is not a closure made per workbook). */
class ReaderCount implements SheetLimits {
  readonly maxRows: number;
  readonly maxCells: number;

  constructor(
    private readonly pkg: CheckedPackage,
    private readonly part: string,
    limits: Limits,
  ) {
    this.maxRows = limits.maxRows;
    this.maxCells = limits.maxCells;
  }

  refuse(counted: SheetCount): never {
    this.pkg.refuseOverLimits(this.part, counted);
    throw new Error(`refuse() called within the limits for ${this.part}`);
  }
}

/**
 * Throws PackageRefused with the message for the user when the bytes are not a usable workbook
 * package within the limits (every part inflated and checked); returns what it counted otherwise.
 */
export function inspectWorkbook(
  data: Uint8Array,
  file: string,
  limits: Limits,
  inflateRaw: InflateRaw = defaultInflateRaw,
): Inspected {
  return new CheckedPackage(data, file, limits, inflateRaw).checkAll();
}
