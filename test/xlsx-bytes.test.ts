// The .xlsx bytes Saiten writes with ExcelJS: in Node, ExcelJS writes the parts uncompressed and zlib
// compresses them; where there is no zlib (the task pane), ExcelJS compresses them itself. Either way
// the parts are the bytes ExcelJS writes, and the file reads back in ExcelJS and in the fast reader.
import JSZip from "jszip";
import { Workbook } from "../src/adapters/exceljs/library";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { xlsxBytes } from "../src/adapters/exceljs/xlsx-bytes";
import { XlsxReader } from "../src/adapters/xlsx";
import { zlibDeflateRaw } from "../src/files/zip-deflate";
import { readDirectory } from "../src/files/zip-directory";
import { findBundled } from "../src/rulebooks/registry";

/** Every part of a package, inflated, by name. */
async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("nodebuffer"));
  return out;
}

function templateBook() {
  return createTemplateWorkbook(findBundled("kaigo-municipal-fy2026")!);
}

test("zlib compresses the parts ExcelJS writes: the same parts, every one that shrinks deflated", async () => {
  const book = templateBook();
  const deflateRaw = jest.fn(zlibDeflateRaw!);
  const ours = await xlsxBytes(book, deflateRaw);
  const own = new Uint8Array(await book.xlsx.writeBuffer());
  const a = await partsOf(ours);
  const b = await partsOf(own);
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!)).toBe(true);
  const dir = readDirectory(ours);
  // Every part deflated; ExcelJS's folder entries (empty) stored as they were.
  expect(dir.filter((e) => e.method === 8).map((e) => e.name)).toEqual(
    dir.filter((e) => !e.name.endsWith("/")).map((e) => e.name),
  );
  expect(deflateRaw).toHaveBeenCalledTimes(a.size);
  expect(dir.some((e) => e.name === "xl/worksheets/sheet1.xml")).toBe(true);
  // No larger than ExcelJS's own (zlib's default level against JSZip's).
  expect(ours.length).toBeLessThanOrEqual(own.length * 1.05);
});

test("read back by ExcelJS and by the fast reader alike", async () => {
  const book = new Workbook();
  const ws = book.addWorksheet("回答");
  ws.getCell("A1").value = "指標";
  ws.getCell("B2").value = 12.5;
  ws.getCell("C3").value = { formula: "B2*2", result: 25 };
  ws.getCell("D4").value = new Date(Date.UTC(2026, 3, 1));
  for (let r = 10; r < 400; r++) ws.getCell(r, 2).value = `訪問介護 ${r}`;
  const bytes = await xlsxBytes(book);
  const req = { ranges: ["回答!A1:D4", "回答!B10:B399"] };
  const viaExcelJs = await (await ExcelJsWorkbook.fromBuffer(bytes)).read(req);
  const viaReader = await (await XlsxReader.fromBuffer(bytes)).read(req);
  expect(viaReader).toEqual(viaExcelJs);
  expect(viaExcelJs.ranges[1].block!.cells[389][0].value).toBe("訪問介護 399");
});

test("without zlib (the task pane), ExcelJS compresses: the same parts", async () => {
  const book = templateBook();
  const bytes = await xlsxBytes(book, undefined);
  const own = await partsOf(new Uint8Array(await book.xlsx.writeBuffer()));
  const got = await partsOf(bytes);
  expect([...got.keys()]).toEqual([...own.keys()]);
  for (const [name, b] of got) expect(b.equals(own.get(name)!)).toBe(true);
  expect(readDirectory(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!.method).toBe(8);
});
