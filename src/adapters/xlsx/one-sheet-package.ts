// The package ExcelJS is given to read the one sheet the fast reader leaves to it: every part as the
// package check gave it, but each other worksheet's cells left out (an empty worksheet in its place,
// so the book's list of sheets stays as it is) and their relationships dropped. ExcelJS then parses
// one sheet instead of the whole book — a municipality's workbook often carries a dozen sheets of its
// own — and reads that sheet as it would in the whole book: a sheet's cells depend only on the
// book's shared parts (workbook, shared strings, styles, theme) and the sheet's own relationships.
import type { CheckedPackage } from "../../files/inspect-workbook";
import { writeZip, type ZipPart } from "../../files/zip-write";
import { SHEET_PART, SHEET_RELS_PART } from "./reader";

const EMPTY_SHEET = new TextEncoder().encode(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
);

/**
 * The package with only `part`'s cells (a worksheet part the fast reader listed). Every part kept is
 * checked first (PackageRefused as for the whole book); the parts left out are never inflated.
 */
export function oneSheetPackage(pkg: CheckedPackage, part: string): Uint8Array {
  const own = SHEET_PART.exec(part)?.[1];
  // As ExcelJS tells them apart: a worksheet and its relationships by the number in their names.
  const emptied = (name: string) => name !== part && SHEET_PART.test(name);
  const dropped = (name: string) => {
    const n = SHEET_RELS_PART.exec(name)?.[1];
    return n !== undefined && n !== own;
  };
  pkg.checkAllBut((name) => emptied(name) || dropped(name));
  const parts: ZipPart[] = [];
  for (const e of pkg.entries) {
    if (e.name.endsWith("/") || dropped(e.name)) continue;
    const bytes = emptied(e.name) ? EMPTY_SHEET : pkg.get(e.name);
    if (bytes) parts.push({ name: e.name, bytes });
  }
  return writeZip(parts);
}
