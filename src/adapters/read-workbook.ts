// A workbook given as bytes, opened within the limits. Read to be scored, never written (the reviewer
// batch, `saiten score` without --out, last year's workbook): the fast read-only reader first, which
// checks and parses only the parts the scoring asks for; a sheet it leaves to ExcelJS is read by
// ExcelJS from a copy of the package with only that sheet's cells, and where it meets something else
// it leaves to ExcelJS (in the book's shared parts), the whole package is checked and the book loaded
// with ExcelJS, so what is read is never different from what ExcelJS alone would give. To be written
// (a scored copy): ExcelJS, every part checked first. Node and browser alike; failures are messages
// that name the file.
import type { ExcelJsWorkbook } from "./exceljs/workbook";
import { XlsxReader, Unsupported } from "./xlsx";
import type { SheetFallback } from "./xlsx/reader";
import { oneSheetPackage } from "./xlsx/one-sheet-package";
import type { GridSheet } from "./grid-read";
import { CheckedPackage, PackageRefused } from "../files/inspect-workbook";
import type { Limits } from "../files/limits";
import { msg, UserError } from "../messages";
import type { WorkbookPort } from "../workbook/port";

/** What reads the workbook; it may run twice (fast reader, then ExcelJS), so it must only read.
 *  `isEmpty`: the book has no cell with content anywhere (told apart from a book without answers). */
export type ReadUse<T> = (port: WorkbookPort, isEmpty: () => boolean) => Promise<T>;

/** A refusal of the package check, as it is shown to the user; anything else as it was. */
function asUserError(e: unknown): unknown {
  return e instanceof PackageRefused ? new UserError(e.detail) : e;
}

/** The package checked as far as its central directory (each part is checked as it is read);
 *  a refusal throws UserError naming the file. */
export function checkedPackage(bytes: Uint8Array, file: string, limits: Limits): CheckedPackage {
  try {
    return new CheckedPackage(bytes, file, limits);
  } catch (e) {
    throw asUserError(e);
  }
}

/**
 * Runs `use` over the workbook in `bytes`. A package refused by the limits (before or while a part is
 * read) or a book ExcelJS cannot load throws UserError naming the file; other errors pass through.
 * `checked`: the package as the caller already opened it (its directory checked), not opened again.
 */
export async function readWorkbook<T>(
  bytes: Uint8Array,
  file: string,
  limits: Limits,
  use: ReadUse<T>,
  checked?: CheckedPackage,
): Promise<T> {
  const pkg = checked ?? checkedPackage(bytes, file, limits);
  let fast: XlsxReader | undefined;
  try {
    fast = await XlsxReader.fromBuffer(bytes, pkg);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw asUserError(e);
  }
  if (fast) {
    const reader = fast;
    reader.maxBlockCells = limits.maxCells;
    reader.sheetFallback = sheetThroughExcelJs(pkg, limits);
    try {
      return await use(reader, () => reader.isEmpty());
    } catch (e) {
      if (!(e instanceof Unsupported)) throw asUserError(e);
    }
  }
  const book = await openWholeWorkbook(bytes, file, limits, pkg);
  return use(book, () => book.book.worksheets.every((ws) => ws.actualRowCount === 0));
}

/**
 * The reader's way to a sheet it leaves to ExcelJS, made here rather than as an arrow function in
 * readWorkbook: made in that async function it outlived the call and kept readWorkbook's whole context
 * (the reader and every sheet it had parsed) alive until the next full garbage collection — what held
 * it is not known; made in a plain function it is not held. Measured with V8's --trace-gc-nvp over plain
 * workbooks: about 110 KB of each survived its scavenges and was promoted to the old generation (~1.7 MB
 * at every scavenge, a full collection every ~200 workbooks); made here, under 1 KB of a finished
 * workbook survives (docs/performance-notes.md).
 */
function sheetThroughExcelJs(pkg: CheckedPackage, limits: Limits): SheetFallback {
  return (sheet) => oneSheetThroughExcelJs(pkg, sheet, limits);
}

/**
 * One sheet the fast reader leaves to ExcelJS, read by ExcelJS from the package with only that sheet's
 * cells (oneSheetPackage): what it would read of the sheet in the whole book, at the cost of one sheet.
 * Undefined where ExcelJS cannot load that package: the whole book is then ExcelJS's to load or refuse.
 */
async function oneSheetThroughExcelJs(
  pkg: CheckedPackage,
  sheet: { name: string; part: string },
  limits: Limits,
): Promise<GridSheet | undefined> {
  return (await loadedByExcelJs(oneSheetPackage(pkg, sheet.part), limits))?.gridSheet(sheet.name);
}

/**
 * The whole book loaded with ExcelJS, which reads every part: all of them are checked before it sees
 * any. A refusal, or a book ExcelJS cannot load, throws UserError naming the file.
 */
export async function openWholeWorkbook(
  bytes: Uint8Array,
  file: string,
  limits: Limits,
  checked?: CheckedPackage,
): Promise<ExcelJsWorkbook> {
  const pkg = checked ?? checkedPackage(bytes, file, limits);
  try {
    pkg.checkAll();
  } catch (e) {
    throw asUserError(e);
  }
  const book = await loadedByExcelJs(bytes, limits);
  if (!book) throw new UserError(msg("book.corrupt", { file, where: msg("book.corrupt.content") }));
  return book;
}

/** Checked package bytes loaded with ExcelJS, within the cell limit; undefined where ExcelJS cannot. */
async function loadedByExcelJs(bytes: Uint8Array, limits: Limits): Promise<ExcelJsWorkbook | undefined> {
  // Loaded only now: a review worker whose files all suit the fast reader never pays for ExcelJS.
  const { ExcelJsWorkbook } = await import("./exceljs/workbook");
  let book: ExcelJsWorkbook;
  try {
    book = await ExcelJsWorkbook.fromBuffer(bytes);
  } catch {
    return undefined;
  }
  book.maxBlockCells = limits.maxCells;
  return book;
}
