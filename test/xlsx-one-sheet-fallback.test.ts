// A sheet the fast reader leaves to ExcelJS (a link on a formula whose result is 0: ExcelJS keeps
// the 0 as the link's text, which the fast reader's formula values drop) is read by ExcelJS from a copy of the package with only that sheet's
// cells; the rest of the book is still read by the fast reader. What is read is what ExcelJS alone
// reads of the whole book. Real workbooks written by ExcelJS, one part rewritten.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { readWorkbook } from "../src/adapters/read-workbook";
import { Unsupported, XlsxReader } from "../src/adapters/xlsx";
import { oneSheetPackage } from "../src/adapters/xlsx/one-sheet-package";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";
import { CheckedPackage } from "../src/files/inspect-workbook";
import { WORKBOOK_LIMITS } from "../src/files/limits";
import { entryBytes, readDirectory } from "../src/files/zip-directory";
import { bundledRulebooks } from "../src/rulebooks/registry";
import { ANSWER_SHEET } from "../src/workbook/template";
import type { ReadRequest, ReadResult, WorkbookPort } from "../src/workbook/port";
import { patchedBook, patchedBytes, replacedIn, withCellFormula } from "./fixtures/patched-xlsx";
import { recordsBothWays } from "./fixtures/both-readers";
import { miniRulebook } from "./fixtures/mini-rulebook";

const URL = "https://example.lg.jp/plan.pdf";
const text = new TextDecoder();

/**
 * 回答 (sheet1) with values of each kind, a link on A2, a link on C2 whose formula's result is 0 (the
 * fast reader leaves that sheet to ExcelJS), and the merged K2:L3; 資料1 (sheet2, with a
 * link of its own) and 資料2 (sheet3): the municipality's data, strings shared with 回答; a name on 資料1.
 */
async function fallbackBook(): Promise<Uint8Array> {
  return patchedBook(
    (b) => {
      const ws = b.addWorksheet("回答");
      ws.getCell("A1").value = "指標";
      ws.getCell("B1").value = 42;
      ws.getCell("C1").value = { formula: "B1*2", result: 84 };
      ws.getCell("D1").value = new Date(Date.UTC(2026, 3, 1));
      ws.getCell("E1").value = 0.25;
      ws.getCell("E1").numFmt = "0%";
      ws.getCell("A2").value = { text: "計画書", hyperlink: URL };
      ws.getCell("B2").value = "訪問介護";
      ws.getCell("C2").value = { formula: "B1*0", result: 0 };
      ws.mergeCells("K2:L3");
      for (const [k, name] of [
        [1, "資料1"],
        [2, "資料2"],
      ] as const) {
        const data = b.addWorksheet(name);
        for (let r = 1; r <= 30; r++) data.addRow([r, "訪問介護", `第${r % 9}地区`, r * 1000 + k]);
        if (k === 1) data.getCell("F1").value = { text: "元の表", hyperlink: "https://example.org/" };
      }
      b.definedNames.add("資料1!$D$2", "予算");
    },
    {
      "xl/worksheets/sheet1.xml": (xml) => {
        const rId = /<hyperlink ref="A2" r:id="([^"]+)"/.exec(xml)![1];
        return replacedIn(xml, /<\/hyperlinks>/, `<hyperlink ref="C2" r:id="${rId}"/></hyperlinks>`);
      },
    },
  );
}

const READS: ReadRequest[] = [
  { used: ["回答"], names: true },
  { used: ["資料1", "資料2"], ranges: ["回答!K2:L3", "資料2!A1:B3", "'資料1'!D2", "nowhere!A1", "bad ref"] },
  { ranges: ["回答!A1:E2"], settings: ["x"] },
];

/** The reads as readWorkbook's port answers them, and which port that was. */
async function readsThroughReview(data: Uint8Array): Promise<{ port: WorkbookPort; results: ReadResult[] }> {
  const pkg = new CheckedPackage(data, "x.xlsx", WORKBOOK_LIMITS);
  return readWorkbook(
    data,
    "x.xlsx",
    WORKBOOK_LIMITS,
    async (port) => {
      const results: ReadResult[] = [];
      for (const req of READS) results.push(await port.read(req));
      return { port, results };
    },
    pkg,
  );
}

async function readsOfWholeBook(data: Uint8Array): Promise<ReadResult[]> {
  const book = await ExcelJsWorkbook.fromBuffer(data);
  book.maxBlockCells = WORKBOOK_LIMITS.maxCells;
  const out: ReadResult[] = [];
  for (const req of READS) out.push(await book.read(req));
  return out;
}

describe("one sheet left to ExcelJS", () => {
  test("the fast reader alone leaves the answer sheet to ExcelJS (the case this is about)", async () => {
    const data = await fallbackBook();
    await expect((await XlsxReader.fromBuffer(data)).read({ used: ["回答"] })).rejects.toBeInstanceOf(
      Unsupported,
    );
    // The other sheets it reads itself.
    await expect(
      (await XlsxReader.fromBuffer(data)).read({ used: ["資料1", "資料2"] }),
    ).resolves.toBeDefined();
  });

  test("the package ExcelJS is given: that sheet's cells and relationships, every other sheet empty, never inflated", async () => {
    const data = await fallbackBook();
    const pkg = new CheckedPackage(data, "x.xlsx", WORKBOOK_LIMITS);
    const original = await JSZip.loadAsync(data);
    const pruned = oneSheetPackage(pkg, "xl/worksheets/sheet1.xml");
    const names = readDirectory(pruned).map((e) => e.name);
    const part = (name: string) => {
      const e = readDirectory(pruned).find((x) => x.name === name);
      return e ? text.decode(entryBytes(pruned, e)) : undefined;
    };
    expect(part("xl/worksheets/sheet1.xml")).toBe(
      await original.file("xl/worksheets/sheet1.xml")!.async("string"),
    );
    expect(part("xl/worksheets/_rels/sheet1.xml.rels")).toContain(URL);
    for (const other of ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]) {
      expect(part(other)).toMatch(/<worksheet [^>]*><sheetData\/><\/worksheet>$/);
      // Left out without being inflated or counted.
      expect(pkg.parts.has(other)).toBe(false);
    }
    expect(names).not.toContain("xl/worksheets/_rels/sheet2.xml.rels");
    for (const shared of [
      "xl/workbook.xml",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/_rels/workbook.xml.rels",
    ])
      expect(part(shared)).toBe(await original.file(shared)!.async("string"));
    // ExcelJS lists the same sheets and names, and reads 回答 as in the whole book.
    const one = await ExcelJsWorkbook.fromBuffer(pruned);
    const whole = await ExcelJsWorkbook.fromBuffer(data);
    const req: ReadRequest = { used: ["回答"], ranges: ["回答!K2:L3"], names: true };
    expect(await one.read(req)).toStrictEqual(await whole.read(req));
  });

  test("a review reads it as ExcelJS reads the whole book, loading ExcelJS for that one sheet", async () => {
    const data = await fallbackBook();
    const excel = jest.spyOn(ExcelJsWorkbook, "fromBuffer");
    try {
      const { port, results } = await readsThroughReview(data);
      // Still the fast reader: ExcelJS was given one sheet, not the book.
      expect(port).toBeInstanceOf(XlsxReader);
      expect(excel).toHaveBeenCalledTimes(1);
      const given = excel.mock.calls[0][0] as Uint8Array;
      const sheets = readDirectory(given).filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
      expect(sheets.map((e) => [e.name, e.uncompressedSize < 200])).toEqual([
        ["xl/worksheets/sheet1.xml", false],
        ["xl/worksheets/sheet2.xml", true],
        ["xl/worksheets/sheet3.xml", true],
      ]);
      expect(results).toStrictEqual(await readsOfWholeBook(data));
      expect(results[1].used.get("資料2")!.cells[29]).toEqual([
        { value: 30 },
        { value: "訪問介護" },
        { value: "第3地区" },
        { value: 30002 },
      ]);
      expect(results[0].names).toEqual([{ name: "予算", ref: "'資料1'!$D$2" }]);
    } finally {
      excel.mockRestore();
    }
  });

  test("a problem in a part every sheet shares still leaves the whole book to ExcelJS", async () => {
    // An empty <si> in the shared strings: the fast reader reads no sheet with shared strings then.
    const data = await patchedBytes(await fallbackBook(), {
      "xl/sharedStrings.xml": (xml) =>
        replacedIn(
          xml,
          /<sst ([^>]*)count="(\d+)" uniqueCount="(\d+)">/,
          '<sst $1count="$2" uniqueCount="$3"><si></si>',
        ).replace(
          /count="(\d+)" uniqueCount="(\d+)"/,
          (_m, c, u) => `count="${+c + 1}" uniqueCount="${+u + 1}"`,
        ),
    });
    const excel = jest.spyOn(ExcelJsWorkbook, "fromBuffer");
    try {
      const { port } = await readsThroughReview(data);
      expect(port).toBeInstanceOf(ExcelJsWorkbook);
      expect(excel).toHaveBeenCalledTimes(1);
      expect(excel.mock.calls[0][0]).toBe(data);
    } finally {
      excel.mockRestore();
    }
  });

  test("a sheet ExcelJS cannot read alone either: the whole book is left to it, and refused as before", async () => {
    // A link whose relationship is missing: the fast reader leaves the sheet to ExcelJS, whose load fails.
    const data = await patchedBytes(await fallbackBook(), {
      "xl/worksheets/sheet1.xml": (xml) =>
        replacedIn(xml, /(<hyperlink ref="C2" r:id=")[^"]+"/, '$1rIdMissing"'),
    });
    const excel = jest.spyOn(ExcelJsWorkbook, "fromBuffer");
    try {
      const { fast, slow } = await recordsBothWays(data, "broken.xlsx", miniRulebook);
      expect(fast).toStrictEqual(slow);
      expect(fast.status).toBe("failed");
      // The sheet's own package first, then the whole book (for each record).
      expect(excel.mock.calls.map((c) => c[0] === data)).toEqual([false, true, true]);
    } finally {
      excel.mockRestore();
    }
  });

  test("a template answer sheet with such a link and a dozen sheets of the municipality's: the record ExcelJS alone gives", async () => {
    const rb = bundledRulebooks().find((r) => r.id === "kaigo-municipal-fy2026")!;
    const book: ExcelJS.Workbook = createTemplateWorkbook(rb);
    const ws = book.getWorksheet(ANSWER_SHEET)!;
    for (let r = 6; r <= 60; r++) if (!ws.getCell(r, 5).formula) ws.getCell(r, 5).value = r % 3 ? "○" : "×";
    ws.mergeCells("L2:M2");
    ws.getCell("L2").value = { text: "厚生労働省の評価指標", hyperlink: URL };
    for (let k = 1; k <= 12; k++) {
      const extra = book.addWorksheet(`資料${k}`);
      for (let r = 1; r <= 20; r++) extra.addRow([r, "通所介護", r * k]);
    }
    // The linked memo given a formula whose result is 0 (a count of attached documents, none yet).
    const data = await patchedBytes(new Uint8Array(await book.xlsx.writeBuffer()), {
      "xl/worksheets/sheet1.xml": (xml) => withCellFormula(xml, "L2", "COUNTA(資料1!Z1:Z9)", 0),
    });
    await expect((await XlsxReader.fromBuffer(data)).read({ used: [ANSWER_SHEET] })).rejects.toBeInstanceOf(
      Unsupported,
    );
    const excel = jest.spyOn(ExcelJsWorkbook, "fromBuffer");
    try {
      const { fast, slow } = await recordsBothWays(data, "fallback.xlsx", rb);
      expect(fast).toStrictEqual(slow);
      expect(fast.status).toBe("scored");
      // One load for the answer sheet alone (its package without the twelve sheets' cells), one for the
      // record made with ExcelJS alone.
      expect(excel).toHaveBeenCalledTimes(2);
      const others = readDirectory(excel.mock.calls[0][0] as Uint8Array).filter(
        (e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) && e.name !== "xl/worksheets/sheet1.xml",
      );
      expect(others).toHaveLength(13);
      expect(others.every((e) => e.uncompressedSize < 200)).toBe(true);
      expect(excel.mock.calls[1][0]).toBe(data);
    } finally {
      excel.mockRestore();
    }
  });
});
