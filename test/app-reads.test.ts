// The application layer reads through the port once per source: a template workbook is read once for
// a review and for `saiten score` (the rulebook it records chosen from that same read; by the fast
// reader unless a scored copy is written); a workbook mapped by defined names takes one more read,
// which also fetches the cells that say who it is from.
import { writeFileSync } from "fs";
import { join } from "path";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { Unsupported, XlsxReader } from "../src/adapters/xlsx";
import { inThreadFileReads } from "../src/app/file-reads";
import { findBundled } from "../src/rulebooks/registry";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";
import { processWorkbook } from "../src/app/review/review-workbook";
import { main } from "../src/cli/main";
import { bookBytes, templateBook, TOWN_A, TOWN_A_EXPECTED } from "./fixtures/review-books";
import { miniRulebook } from "./fixtures/mini-rulebook";
import { tempDir } from "./fixtures/temp-dir";

const dir = tempDir("saiten-app-reads-");

afterEach(() => jest.restoreAllMocks());

test("review of a template workbook: one read, the reported points taken from it", async () => {
  const reads = jest.spyOn(XlsxReader.prototype, "read");
  const rec = await processWorkbook(
    await templateBook(miniRulebook, { ...TOWN_A, reportedPoints: { [Object.keys(TOWN_A.answers)[0]]: 99 } }),
    "a.xlsx",
    { rulebook: miniRulebook },
  );
  expect(rec.total?.points).toBe(TOWN_A_EXPECTED.total);
  expect(reads).toHaveBeenCalledTimes(1);
  expect(rec.mismatches?.map((m) => m.reported)).toContain(99);
});

test("review of a form mapped by names: two reads, the entity cells in the second", async () => {
  const bytes = await bookBytes((book) => {
    const ws = book.addWorksheet("調査票");
    ws.getCell("B2").value = "乙村";
    ws.getCell("D10").value = "○";
    book.definedNames.add("調査票!$B$2", "saiten.entity.name");
    book.definedNames.add("調査票!$D$10", "saiten.a.A.y1");
  });
  const reads = jest.spyOn(XlsxReader.prototype, "read");
  const rec = await processWorkbook(bytes, "b.xlsx", { rulebook: miniRulebook });
  expect(rec.status).toBe("scored");
  expect(rec.identity?.name).toBe("乙村");
  expect(reads).toHaveBeenCalledTimes(2);
});

test("saiten score reads a template workbook once, choosing the rulebook it records from that read", async () => {
  const file = join(dir, "score.xlsx");
  const t = await main(["template", "--rulebook", "kaigo-municipal-fy2026", "--out", file], { out: () => undefined, err: () => undefined });
  expect(t).toBe(0);
  const fast = jest.spyOn(XlsxReader.prototype, "read");
  const whole = jest.spyOn(ExcelJsWorkbook.prototype, "read");
  let out = "";
  const code = await main(["score", file, "--json"], { out: (s) => (out += s), err: () => undefined });
  expect(code).toBe(0);
  expect(JSON.parse(out).rulebook.id).toBe("kaigo-municipal-fy2026");
  // Read only: the fast reader, once; ExcelJS never.
  expect(fast).toHaveBeenCalledTimes(1);
  expect(whole).not.toHaveBeenCalled();
  // A scored copy: the whole book through ExcelJS, read once too.
  fast.mockClear();
  const quiet = { out: () => undefined, err: () => undefined };
  const copy = await main(["score", file, "--out", join(dir, "scored.xlsx")], quiet);
  expect(copy).toBe(0);
  expect(fast).not.toHaveBeenCalled();
  expect(whole).toHaveBeenCalledTimes(1);
});

test("a form map given alongside is used in memory only, by the fast reader too", async () => {
  const bytes = await bookBytes((book) => {
    const ws = book.addWorksheet("様式");
    ws.getCell("C3").value = "○";
  });
  writeFileSync(join(dir, "m.xlsx"), bytes);
  const reads = jest.spyOn(XlsxReader.prototype, "read");
  const writes = jest.spyOn(XlsxReader.prototype, "write");
  const rec = await processWorkbook(bytes, "m.xlsx", {
    rulebook: miniRulebook,
    map: { format: "saiten.formmap/1", rulebook: miniRulebook.id, entries: [{ indicatorId: "A.y1", answerCell: "様式!$C$3" }] },
  });
  expect(rec).toMatchObject({ status: "scored", answersFrom: "map" });
  expect(writes).not.toHaveBeenCalled();
  expect(reads).toHaveBeenCalledTimes(2);
});

test("last year's workbook chosen in the pane is read by the fast reader, with ExcelJS's result", async () => {
  // The FY2025 template as a clerk fills it in Excel: every yes/no ○, and whom it is from.
  const book = createTemplateWorkbook(findBundled("kaigo-municipal-fy2025")!);
  const ws = book.getWorksheet("回答")!;
  ws.eachRow((row, n) => {
    if (n > 5 && !row.getCell(5).formula) row.getCell(5).value = "○";
  });
  ws.getCell("F3").value = "市町村名";
  ws.getCell("G3").value = "さいてん町";
  const data = new Uint8Array(await book.xlsx.writeBuffer());
  const bytes = () => data.slice();
  const excel = jest.spyOn(ExcelJsWorkbook, "fromBuffer");
  const fast = await inThreadFileReads.readPreviousWorkbook(bytes(), "R7.xlsx");
  expect(fast).toMatchObject({ rulebookId: "kaigo-municipal-fy2025", entityName: "さいてん町" });
  expect(fast.result.total.points).toBeGreaterThan(0);
  expect(excel).not.toHaveBeenCalled();
  // The same file as ExcelJS alone reads it: the same result.
  jest.spyOn(XlsxReader, "fromBuffer").mockRejectedValue(new Unsupported("test"));
  const slow = await inThreadFileReads.readPreviousWorkbook(bytes(), "R7.xlsx");
  expect(excel).toHaveBeenCalledTimes(1);
  expect(fast).toStrictEqual(slow);
});
