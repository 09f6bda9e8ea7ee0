// Links in cells (<hyperlink r:id> with the address in the sheet's relationships), which people paste
// into answer sheets (the URL of a published plan). The fast reader reads them as ExcelJS does — the
// value under the link is the cell's value — and leaves to ExcelJS what it cannot match exactly. Real
// workbooks written by ExcelJS, with links added to more cells by rewriting the sheet's XML.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { Unsupported, XlsxReader } from "../src/adapters/xlsx";
import { bundledRulebooks } from "../src/rulebooks/registry";
import { ANSWER_SHEET } from "../src/workbook/template";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";
import { miniRulebook } from "./fixtures/mini-rulebook";
import { patchedBook, patchedBytes, replacedIn, withCellEmptied } from "./fixtures/patched-xlsx";
import { recordsBothWays, sameReads } from "./fixtures/both-readers";

const URL = "https://example.lg.jp/plan.pdf";

/** The sheet's XML with links to URL added on `cells` (same relationship as the link ExcelJS wrote). */
function withLinks(cells: string[]): (xml: string) => string {
  return (xml) => {
    const rId = /<hyperlink ref="[^"]*" r:id="([^"]+)"/.exec(xml)![1];
    const more = cells.map((c) => `<hyperlink ref="${c}" r:id="${rId}"/>`).join("");
    return xml.replace("</hyperlinks>", () => `${more}</hyperlinks>`);
  };
}

/** A sheet "L" with one value of every kind in row 1 and a link ExcelJS writes itself on A1. */
function build(extra?: (ws: ExcelJS.Worksheet) => void) {
  return (b: ExcelJS.Workbook) => {
    const ws = b.addWorksheet("L");
    ws.getCell("A1").value = { text: "site", hyperlink: URL };
    ws.getCell("B1").value = 42;
    ws.getCell("C1").value = new Date(Date.UTC(2026, 3, 1));
    ws.getCell("D1").value = { formula: "B1*2", result: 84 };
    ws.getCell("E1").value = true;
    ws.getCell("F1").value = { error: "#N/A" };
    ws.getCell("G1").value = { richText: [{ text: "計画" }, { text: "書", font: { bold: true } }] };
    ws.getCell("H1").value = "○";
    ws.getCell("I1").value = 45000;
    ws.getCell("I1").numFmt = "yyyy/m/d";
    ws.getCell("J1").value = 0.5;
    ws.getCell("J1").numFmt = "0%";
    ws.getCell("B3").value = "no link";
    b.addWorksheet("other").getCell("A1").value = { text: "elsewhere", hyperlink: "https://example.org/" };
    extra?.(ws);
  };
}

const linked = (cells: string[], extra?: (ws: ExcelJS.Worksheet) => void) =>
  patchedBook(build(extra), { "xl/worksheets/sheet1.xml": withLinks(cells) });

/** The book with K2:L3 merged, its sheet's XML patched. */
const inMergedArea = (patch: (xml: string) => string) =>
  patchedBook(
    build((ws) => ws.mergeCells("K2:L3")),
    { "xl/worksheets/sheet1.xml": patch },
  );

/** A link on K1, an empty cell without a style written at the end of row 1 (as Delete leaves one). */
const bareLinked = (extra?: (ws: ExcelJS.Worksheet) => void) =>
  patchedBook(build(extra), {
    "xl/worksheets/sheet1.xml": (xml) => withLinks(["K1"])(xml).replace("</row>", '<c r="K1"/></row>'),
  });

describe("cells with links", () => {
  test("read as ExcelJS reads them, the value under the link being the cell's value", async () => {
    const data = await linked(["B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1", "J1", "A1:B2"]);
    await sameReads(data, [
      { used: ["L", "other"] },
      { ranges: ["L!A1:J1", "L!B3", "other!A1"] },
      { used: ["L"], names: true },
    ]);
    const got = await (await XlsxReader.fromBuffer(data)).read({ used: ["L"] });
    const row = got.used.get("L")!.cells[0];
    expect(row.map((c) => c.value)).toEqual([
      "site",
      42,
      new Date(Date.UTC(2026, 3, 1)),
      84,
      true,
      null,
      "計画書",
      "○",
      expect.any(Date),
      0.5,
    ]);
    expect(row[3].formula).toBeUndefined(); // ExcelJS keeps the result of a linked formula, not the formula
    expect(row[5].error).toBe("#N/A");
    expect(row[9].numFmt).toBe("0%");
  });

  // Excel's Delete key empties a cell and keeps its link: a URL typed into an answer, then deleted.
  const readAlike: [string, () => Promise<Uint8Array>][] = [
    [
      "a link left on an emptied formatted cell",
      () => linked(["K1"], (ws) => (ws.getCell("K1").numFmt = "0.0")),
    ],
    [
      "a link left on the only formatted cell of its row, below the rest",
      () => linked(["C9"], (ws) => (ws.getCell("C9").numFmt = "@")),
    ],
    ["a link on a cell the sheet does not have", () => linked(["Z9", "B7"])],
    // ExcelJS drops an empty cell without a style, but keeps it when a link lands on it.
    ["a link on an empty cell without a style", () => bareLinked()],
    [
      "a link on an empty cell without a style, in a formatted row",
      () => bareLinked((ws) => (ws.getRow(1).numFmt = "0.0")),
    ],
    [
      "a link on an empty cell without a style, in a formatted column",
      () =>
        patchedBook(
          build((ws) => (ws.getColumn(11).numFmt = "0.0")),
          // ExcelJS writes the column's cells with its style; Excel leaves a cell it never formatted bare.
          {
            "xl/worksheets/sheet1.xml": (xml) =>
              withLinks(["K1"])(replacedIn(xml, /<c r="K1" s="\d+"\/>/, '<c r="K1"/>')),
          },
        ),
    ],
    [
      "a link on the only cell, empty and without a style, of a row below the rest",
      () =>
        patchedBook(build(), {
          "xl/worksheets/sheet1.xml": (xml) =>
            withLinks(["C9"])(xml).replace("</sheetData>", '<row r="9"><c r="C9"/></row></sheetData>'),
        }),
    ],
    // In a merged area: ExcelJS applies the link, then the merge (the merged cells point to the top-left).
    [
      "a link left on an emptied formatted cell inside a merged area",
      // ExcelJS writes the merged cells without a style; Excel keeps the one they had.
      () => inMergedArea((xml) => withLinks(["L2"])(replacedIn(xml, /<c r="L2"\/>/, '<c r="L2" s="1"/>'))),
    ],
    [
      "a link on an empty cell without a style inside a merged area",
      // ExcelJS writes the merged cells bare (checked: the match is kept as it is).
      () => inMergedArea((xml) => withLinks(["L2"])(replacedIn(xml, /<c r="L2"\/>/, "$&"))),
    ],
    [
      "a link on a merged cell the sheet does not have",
      () => inMergedArea((xml) => withLinks(["L3"])(replacedIn(xml, /<c r="L3"\/>/, ""))),
    ],
    [
      // What a memo area's link leaves when its text is deleted: the top-left cell emptied, its style kept.
      "a link left on the emptied top-left cell of a merged area",
      async () =>
        patchedBook(
          build((ws) => {
            ws.mergeCells("K2:L3");
            ws.getCell("K2").value = { text: "計画書", hyperlink: URL };
            ws.getCell("K2").numFmt = "@";
          }),
          { "xl/worksheets/sheet1.xml": (xml) => withCellEmptied(xml, "K2") },
        ),
    ],
    [
      "a link on the empty top-left cell, without a style, of a merged area",
      // ExcelJS leaves an empty top-left cell out; Excel writes it bare.
      () =>
        inMergedArea((xml) => withLinks(["K2"])(replacedIn(xml, /<c r="L2"\/>/, '<c r="K2"/><c r="L2"/>'))),
    ],
    [
      "a link on the top-left cell of a merged area, which the sheet does not have",
      async () => linked(["K2"], (ws) => ws.mergeCells("K2:L3")),
    ],
  ];

  test.each(readAlike)("%s: read as ExcelJS reads it, the same record", async (_what, make) => {
    const data = await make();
    await sameReads(data, [
      { used: ["L", "other"] },
      { ranges: ["L!A1:Z9", "L!K1", "L!C9"] },
      { used: ["L"] },
    ]);
    const fast = await XlsxReader.fromBuffer(data);
    const slow = await ExcelJsWorkbook.fromBuffer(data);
    expect(fast.isEmpty()).toBe(slow.book.worksheets.every((ws) => ws.actualRowCount === 0));
    const { fast: a, slow: b } = await recordsBothWays(data, "x.xlsx", miniRulebook);
    expect(a).toStrictEqual(b);
  });

  test("a sheet whose only cell is an emptied linked one is not empty, for either reader", async () => {
    const data = await patchedBook(
      (b) => {
        b.addWorksheet("L").getCell("A1").value = { text: "site", hyperlink: URL };
      },
      { "xl/worksheets/sheet1.xml": (xml) => xml.replace(/<c r="A1"[^>]*>.*?<\/c>/, '<c r="A1" s="1"/>') },
    );
    const slow = await ExcelJsWorkbook.fromBuffer(data);
    expect(slow.book.getWorksheet("L")!.actualRowCount).toBe(1);
    expect((await XlsxReader.fromBuffer(data)).isEmpty()).toBe(false);
    await sameReads(data, [{ used: ["L"] }]);
    expect((await (await XlsxReader.fromBuffer(data)).read({ used: ["L"] })).used.get("L")!.cells).toEqual([
      [{ value: null }],
    ]);
  });

  const leftToExcelJs: [string, () => Promise<Uint8Array>][] = [
    [
      "a linked formula whose result is 0",
      () => linked(["D1"], (ws) => (ws.getCell("D1").value = { formula: "B1*0", result: 0 })),
    ],
    [
      "a link beside a cell whose reference names another row",
      async () =>
        patchedBook(build(), {
          "xl/worksheets/sheet1.xml": (xml) => withLinks(["B1"])(xml).replace('<c r="B3"', '<c r="B4"'),
        }),
    ],
  ];

  test.each(leftToExcelJs)("%s: left to ExcelJS, with the same record", async (_what, make) => {
    const data = await make();
    await expect((await XlsxReader.fromBuffer(data)).read({ used: ["L"] })).rejects.toBeInstanceOf(
      Unsupported,
    );
    // The review still reads it, through ExcelJS: the record is the one ExcelJS alone gives.
    await expect(ExcelJsWorkbook.fromBuffer(data)).resolves.toBeDefined();
    const { fast: viaFallback, slow } = await recordsBothWays(data, "x.xlsx", miniRulebook);
    expect(viaFallback).toStrictEqual(slow);
  });

  test("a link whose relationship is missing is refused by both readers", async () => {
    const data = await patchedBook(build(), {
      "xl/worksheets/sheet1.xml": (xml) => xml.replace(/r:id="[^"]+"/, 'r:id="rIdMissing"'),
    });
    await expect((await XlsxReader.fromBuffer(data)).read({ used: ["L"] })).rejects.toBeInstanceOf(
      Unsupported,
    );
    await expect(ExcelJsWorkbook.fromBuffer(data)).rejects.toBeDefined();
  });

  test("an answer sheet with links is scored by the fast reader, with ExcelJS's record", async () => {
    const rb = bundledRulebooks().find((r) => r.id === "kaigo-municipal-fy2026")!;
    const book = createTemplateWorkbook(rb);
    const ws = book.getWorksheet(ANSWER_SHEET)!;
    for (let r = 6; r <= 40; r++) if (!ws.getCell(r, 5).formula) ws.getCell(r, 5).value = r % 3 ? "○" : "×";
    ws.getCell("E7").value = { text: "○", hyperlink: URL };
    ws.getCell("L8").value = { text: "計画書（URL）", hyperlink: URL };
    const data = await patchedBytes(new Uint8Array(await book.xlsx.writeBuffer()), {
      // E9, E10: links on answers; Z7: one left on an empty cell without a style (its text deleted).
      "xl/worksheets/sheet1.xml": (xml) =>
        withLinks(["E9", "E10", "Z7"])(
          replacedIn(xml, /(<row r="7"[^>]*>.*?)<\/row>/, '$1<c r="Z7"/></row>'),
        ),
    });
    const excel = jest.spyOn(ExcelJsWorkbook, "fromBuffer");
    try {
      const { fast, slow } = await recordsBothWays(data, "links.xlsx", rb);
      // Loaded once, for the record made with ExcelJS alone: the fast reader read the links itself.
      expect(excel).toHaveBeenCalledTimes(1);
      expect(fast).toStrictEqual(slow);
      expect(fast.status).toBe("scored");
    } finally {
      excel.mockRestore();
    }
  });
});

describe("unusual link XML: read as ExcelJS reads it, or left to ExcelJS", () => {
  const sheet = (edit: (xml: string) => string) => patchedBook(build(), { "xl/worksheets/sheet1.xml": edit });
  const links = (list: string) => (xml: string) =>
    xml.replace(/<hyperlinks>.*<\/hyperlinks>/, () => `<hyperlinks>${list}</hyperlinks>`);
  const rId = async () => /<hyperlink ref="A1" r:id="([^"]+)"/.exec(await sheetXml())![1];
  const sheetXml = async () => sheetXmlOf(await patchedBook(build(), {}));

  test("a list of links that is not flat, or links out of place: left to ExcelJS", async () => {
    const id = await rId();
    const cases = [
      `<hyperlink ref="A1" r:id="${id}"/><foo/><hyperlink ref="D1" r:id="${id}"/>`,
      `<hyperlink ref="A1" r:id="${id}"><foo/></hyperlink><hyperlink ref="D1" r:id="${id}"/>`,
      `<hyperlink ref="D1" r:id="${id}"><hyperlink ref="A1" r:id="${id}"/></hyperlink>`,
      `<hyperlink ref="D1" ref="B1" r:id="${id}"/>`,
    ];
    for (const list of cases) {
      const data = await sheet(links(list));
      await expect((await XlsxReader.fromBuffer(data)).read({ used: ["L"] })).rejects.toBeInstanceOf(
        Unsupported,
      );
    }
    const nested = await sheet((xml) =>
      xml.replace(
        "</worksheet>",
        () => `<foo><hyperlinks><hyperlink ref="B1" r:id="${id}"/></hyperlinks></foo></worksheet>`,
      ),
    );
    await expect((await XlsxReader.fromBuffer(nested)).read({ used: ["L"] })).rejects.toBeInstanceOf(
      Unsupported,
    );
  });

  test("a reference or id written inside another attribute's value, an empty id: read as ExcelJS reads them", async () => {
    const id = await rId();
    const cases = [
      `<hyperlink tooltip="see ref='D1'" ref="A1" r:id="${id}"/>`,
      `<hyperlink ref="D1" display="x r:id='rIdNone'" r:id="${id}"/>`,
      `<hyperlink ref="D1" r:id="${id}"/><hyperlink ref="D1" r:id=""/>`,
      `<hyperlink ref="A1" r:id="${id}"/><hyperlink ref="D1" r:id=""/>`,
    ];
    for (const list of cases) await sameReads(await sheet(links(list)), [{ used: ["L"] }]);
    // In the relationships part too.
    const rels = await patchedBook(build(), {
      "xl/worksheets/sheet1.xml": links(`<hyperlink ref="D1" r:id="${id}"/>`),
      "xl/worksheets/_rels/sheet1.xml.rels": (xml) =>
        xml.replace(
          new RegExp(`<Relationship [^>]*Id="${id}"[^>]*/>`),
          () => `<Relationship Type="x Target=''" Id="${id}" Target="${URL}" TargetMode="External"/>`,
        ),
    });
    await sameReads(rels, [{ used: ["L"] }]);
  });

  test("rows ExcelJS reads otherwise (a cell without a reference, two lists of rows, a stray element): left to it", async () => {
    const cases = [
      (xml: string) =>
        xml.replace(/<c r="B3"[^>]*>.*?<\/c>/, () => '<c r="B3"/><c t="inlineStr"><is><t>x</t></is></c>'),
      (xml: string) =>
        xml.replace("</sheetData>", () => '</sheetData><sheetData><row r="9"><c r="A9"><v>1</v></c></row>'),
      (xml: string) => xml.replace("<sheetData>", () => "<sheetData><foo/>"),
      (xml: string) =>
        xml.replace("</sheetData>", () => '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>'),
    ];
    for (const edit of cases) {
      const data = await sheet(edit);
      expect(await sheetXmlOf(data)).not.toBe(await sheetXml());
      await expect((await XlsxReader.fromBuffer(data)).read({ used: ["L"] })).rejects.toBeInstanceOf(
        Unsupported,
      );
    }
  });
});

async function sheetXmlOf(data: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(data)).file("xl/worksheets/sheet1.xml")!.async("string");
}
