// A worksheet the fast reader parses is held to the row and cell limits as it is parsed, not counted
// as bytes first (a pass over the whole part, a tenth of reading a workbook): the parse stops at the
// first row or cell past a limit, and the file is refused with the message counting its bytes gives.
// A worksheet larger than a few megabytes is still counted as bytes before it is decoded, and one the
// fast reader gives up on is counted before ExcelJS sees it.
import {
  CheckedPackage,
  inspectWorkbook,
  PackageRefused,
  type SheetCount,
} from "../../src/files/inspect-workbook";
import { WORKBOOK_LIMITS, type Limits } from "../../src/files/limits";
import { Sheet } from "../../src/adapters/xlsx/sheet";
import { Styles } from "../../src/adapters/xlsx/styles";
import { reviewBytes } from "../../src/app/review/review-bytes";
import { bilingual } from "../../src/messages";
import {
  answerBook,
  type AnswerSpec,
  KAIGO,
  millionRowBook,
  rulebook,
  unzipParts,
  zip,
  type ZipPart,
} from "./build";

const ANSWERS = "xl/worksheets/sheet1.xml";

const textOf = (parts: ZipPart[], name: string) =>
  Buffer.from(parts.find((p) => p.name === name)!.data as Uint8Array).toString("utf8");

const tags = (xml: string, tag: RegExp) => (xml.match(tag) ?? []).length;

/** The refusal counting the package's bytes first gives (every part checked, as before ExcelJS). */
function refusalOfByteCount(data: Uint8Array, file: string, limits: Limits) {
  try {
    inspectWorkbook(data, file, limits);
  } catch (e) {
    if (e instanceof PackageRefused) return bilingual(e.detail);
    throw e;
  }
  throw new Error("the byte count refused nothing");
}

async function reviewed(data: Uint8Array, file: string, limits: Limits) {
  return reviewBytes(data, file, { rulebook: rulebook(KAIGO), limits });
}

/** The answer workbook's parts, with the most rows and cells any other worksheet has. */
async function answerParts(edit?: AnswerSpec["edit"]) {
  const data = await answerBook(KAIGO, {
    answers: { "P_I_1_1.a": "○" },
    name: "数え町",
    code: "011002",
    edit,
  });
  const parts = unzipParts(data);
  const others = parts.filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p.name) && p.name !== ANSWERS);
  const xml = textOf(parts, ANSWERS);
  return {
    data,
    parts,
    rows: tags(xml, /<row[ >]/g),
    cells: tags(xml, /<c[ />]/g),
    otherRows: Math.max(0, ...others.map((p) => tags(textOf(parts, p.name), /<row[ >]/g))),
    otherCells: Math.max(0, ...others.map((p) => tags(textOf(parts, p.name), /<c[ />]/g))),
  };
}

describe("a worksheet counted as the fast reader parses it", () => {
  test("the package hands a small worksheet to its reader with the limits, and counts it if asked again", async () => {
    const { data, rows } = await answerParts();
    const limits = { ...WORKBOOK_LIMITS, maxRows: rows - 1 };
    const pkg = new CheckedPackage(data, "数え町.xlsx", limits);
    const handed = pkg.worksheet(ANSWERS);
    expect(handed?.limits).toMatchObject({ maxRows: rows - 1, maxCells: limits.maxCells });
    // Asked for as a part (by a reader that does not count, or before ExcelJS): counted then.
    expect(() => pkg.get(ANSWERS)).toThrow(PackageRefused);
    expect(pkg.worksheet("xl/worksheets/none.xml")).toBeUndefined();
  });

  test("the answer sheet past the row limit: refused while read, with the message the byte count gives", async () => {
    const { data, rows, otherRows } = await answerParts();
    const limits = { ...WORKBOOK_LIMITS, maxRows: rows - 3 };
    expect(otherRows).toBeLessThanOrEqual(limits.maxRows); // only the answer sheet is past it
    const file = "/提出/数え町.xlsx";
    const record = await reviewed(data, file, limits);
    expect(record).toMatchObject({ status: "failed", reasonCode: "too-many-rows" });
    expect(record.reason).toEqual(refusalOfByteCount(data, file, limits));
    expect(record.reason?.ja).toContain("回答");
    // Within the limit, the same file is scored.
    expect((await reviewed(data, file, { ...limits, maxRows: rows })).status).toBe("scored");
  });

  test("cells and merged cells together past the cell limit: refused while read, as the byte count refuses", async () => {
    const { data, cells, otherCells, rows } = await answerParts((ws) => ws.mergeCells("N10:Z60"));
    expect(rows).toBeLessThan(200);
    const merged = 13 * 51;
    const limits = { ...WORKBOOK_LIMITS, maxCells: cells + merged - 1 };
    expect(otherCells).toBeLessThan(limits.maxCells);
    const file = "/提出/結合町.xlsx";
    const record = await reviewed(data, file, limits);
    expect(record).toMatchObject({ status: "failed", reasonCode: "too-many-cells" });
    expect(record.reason).toEqual(refusalOfByteCount(data, file, limits));
    // Within it (and within the used range's area, which reading the sheet's block is held to), scored.
    expect((await reviewed(data, file, { ...limits, maxCells: 26 * 200 })).status).toBe("scored");
  });

  test("a sheet the fast reader gives up on early is counted before ExcelJS reads it", async () => {
    const { parts, rows } = await answerParts();
    // Two rows swapped: the fast reader leaves rows out of order to ExcelJS at the second row.
    const sheet = parts.find((p) => p.name === ANSWERS)!;
    const xml = textOf(parts, ANSWERS);
    const row = /<row [^>]*>.*?<\/row>/g;
    const [first, second] = [row.exec(xml)![0], row.exec(xml)![0]];
    sheet.data = Buffer.from(xml.replace(first + second, second + first), "utf8");
    const data = zip(parts);
    const limits = { ...WORKBOOK_LIMITS, maxRows: rows - 3 };
    const file = "/提出/順不同町.xlsx";
    const record = await reviewed(data, file, limits);
    expect(record).toMatchObject({ status: "failed", reasonCode: "too-many-rows" });
    expect(record.reason).toEqual(refusalOfByteCount(data, file, limits));
    expect((await reviewed(data, file, { ...limits, maxRows: rows })).status).toBe("scored");
  });

  test("the parse stops at the first row or cell past a limit (the count it hands over is the limit plus one)", () => {
    let rows = "";
    for (let r = 1; r <= 5_000; r++) rows += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    const counted: SheetCount[] = [];
    const stop = new Error("refused");
    const read = (maxRows: number, maxCells: number, text = xml) =>
      new Sheet(text, {
        styles: () => new Styles(undefined),
        sharedStrings: () => undefined,
        date1904: false,
        limits: {
          maxRows,
          maxCells,
          refuse: (c) => {
            counted.push(c);
            throw stop;
          },
        },
      });
    expect(() => read(100, Infinity)).toThrow(stop);
    expect(() => read(Infinity, 250)).toThrow(stop);
    // The general scanner (an entity in a value leaves the direct read to it) holds to them alike.
    expect(() => read(100, Infinity, xml.replace("<v>1</v>", "<v>&#49;</v>"))).toThrow(stop);
    expect(counted).toEqual([
      { rows: 101, cells: 100, lastRow: 100 },
      { rows: 251, cells: 251, lastRow: 251 },
      { rows: 101, cells: 100, lastRow: 100 },
    ]);
    expect(read(5_000, 5_000).rowCount).toBe(5_000);
    // Merged ranges count as the cells they cover, once the cells are read.
    counted.length = 0;
    const merged = xml.replace(
      "</sheetData>",
      '</sheetData><mergeCells count="1"><mergeCell ref="B1:C10"/></mergeCells>',
    );
    expect(() => read(Infinity, 5_019, merged)).toThrow(stop);
    expect(counted).toEqual([{ rows: 5_000, cells: 5_020, lastRow: 5_000 }]);
    expect(read(Infinity, 5_020, merged).rowCount).toBe(5_000);
  });

  test("a worksheet of many megabytes is counted as bytes before it is decoded", async () => {
    const data = await millionRowBook();
    const pkg = new CheckedPackage(data, "百万行.xlsx", WORKBOOK_LIMITS);
    expect(() => pkg.worksheet(ANSWERS)).toThrow(PackageRefused);
  });
});
