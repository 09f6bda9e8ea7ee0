// A workbook given as bytes (a file named on the command line, a file chosen in the pane), opened to
// be read whole: its package checked within the limits before any parser sees it, then loaded with
// ExcelJS, whose failures become one message naming the file. Node and browser alike.
import type { ExcelJsWorkbook } from "../adapters/exceljs/workbook";
import type { Limits } from "../files/limits";
import { msg, UserError } from "../messages";

export async function openCheckedWorkbook(bytes: Uint8Array, file: string, limits: Limits): Promise<ExcelJsWorkbook> {
  // Loaded when a workbook is opened this way, not by every module that imports this one.
  const { inspectWorkbook, PackageRefused } = await import(/* webpackChunkName: "xlsx" */ "../files/inspect-workbook");
  try {
    inspectWorkbook(bytes, file, limits);
  } catch (e) {
    if (e instanceof PackageRefused) throw new UserError(e.detail);
    throw e;
  }
  const { ExcelJsWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../adapters/exceljs/workbook");
  let book: ExcelJsWorkbook;
  try {
    book = await ExcelJsWorkbook.fromBuffer(bytes);
  } catch {
    throw new UserError(msg("book.corrupt", { file, where: msg("book.corrupt.content") }));
  }
  book.maxBlockCells = limits.maxCells;
  return book;
}
