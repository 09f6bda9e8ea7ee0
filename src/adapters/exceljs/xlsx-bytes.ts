// A workbook's .xlsx bytes, the one way Saiten writes them with ExcelJS. ExcelJS compresses its parts
// in JavaScript (JSZip), which in a short-lived CLI process runs before the JIT has warmed up: about
// 35–60 ms of a small workbook's write and 100 ms of CPU for a review summary (2026-12-05). In Node,
// ExcelJS writes the parts uncompressed and zlib compresses them; the parts are the same bytes.
// Where there is no zlib (the task pane), ExcelJS compresses as before.
import type ExcelJS from "exceljs";
import { type DeflateRaw, zlibDeflateRaw } from "../../files/zip-deflate";
import { entryBytes, readDirectory } from "../../files/zip-directory";
import { writeZip } from "../../files/zip-write";

/** The workbook as .xlsx bytes, for the caller to save (through its own safe write). */
export async function xlsxBytes(
  book: ExcelJS.Workbook,
  deflateRaw: DeflateRaw | undefined = zlibDeflateRaw,
): Promise<Uint8Array> {
  if (!deflateRaw) return new Uint8Array(await book.xlsx.writeBuffer());
  const stored = new Uint8Array(await book.xlsx.writeBuffer({ zip: { compression: "STORE" } } as never));
  const parts = readDirectory(stored).map((e) => {
    // ExcelJS's own package, stored as asked: anything else is a change in ExcelJS to know of at once.
    if (e.method !== 0 || e.compressedSize !== e.uncompressedSize)
      throw new Error(`xlsx: ${e.name} not stored`);
    return { name: e.name, bytes: entryBytes(stored, e) };
  });
  return writeZip(parts, { deflateRaw, modified: new Date() });
}
