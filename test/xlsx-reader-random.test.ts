// The fast reader against ExcelJS on random sheets: rows and cells with random references, styles,
// types, values, formulas, inline strings, merges and links, written into a real workbook. For every
// sheet the fast reader must give exactly what ExcelJS gives, or refuse (Unsupported) so that the
// review reads the file with ExcelJS: never a different answer. (A sheet ExcelJS cannot load is not
// compared: the fast reader may read what ExcelJS refuses.) Shared strings likewise: plain entries,
// rich runs and phonetic readings as Excel writes them for Japanese text.
import fc from "fast-check";
import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { Unsupported, XlsxReader } from "../src/adapters/xlsx";
import type { ReadRequest } from "../src/workbook/port";
import { datesAsTimes } from "./fixtures/comparable";
import { patchedBytes } from "./fixtures/patched-xlsx";
import { readWorkbook } from "../src/adapters/read-workbook";
import { WORKBOOK_LIMITS } from "../src/files/limits";

/** A workbook with a sheet L (a link on A1, so it has relationships; shared strings; a few styles). */
async function baseBook(): Promise<{ data: Uint8Array; rId: string; sheet: string }> {
  const b = new ExcelJS.Workbook();
  const ws = b.addWorksheet("L");
  ws.getCell("A1").value = { text: "site", hyperlink: "https://example.lg.jp/" };
  ws.getCell("B1").value = "○";
  ws.getCell("C1").value = "計画";
  ws.getCell("A2").numFmt = "0.0%";
  ws.getCell("B2").numFmt = "yyyy/m/d";
  ws.getCell("C2").numFmt = "@";
  const data = new Uint8Array(await b.xlsx.writeBuffer());
  let sheet = "";
  await patchedBytes(data, {
    "xl/worksheets/sheet1.xml": (xml) => {
      sheet = xml;
      return xml;
    },
  });
  const rId = /<hyperlink ref="A1" r:id="([^"]+)"/.exec(sheet)![1];
  return { data, rId, sheet };
}

const col = fc.constantFrom("A", "B", "C", "D");
const rowNo = fc.constantFrom(1, 2, 3, 4);
const address = fc.tuple(col, rowNo).map(([c, r]) => `${c}${r}`);
const value = fc.constantFrom("0", "1", "2", "42", "0.5", "45000", "-3", "1e3", "abc", "&#49;", "");
const cellTag = (row: number, column: string) =>
  fc
    .record({
      ref: fc.oneof(
        { arbitrary: fc.constant(`${column}${row}`), weight: 12 },
        { arbitrary: address, weight: 1 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      ),
      s: fc.constantFrom(undefined, "0", "1", "2", "3"),
      t: fc.constantFrom(undefined, undefined, "s", "str", "b", "e", "n", "inlineStr"),
      body: fc.oneof(
        fc.constant(""),
        value.map((v) => `<v>${v}</v>`),
        fc
          .tuple(fc.constantFrom("1+1", "B1*2", ""), fc.option(value, { nil: undefined }))
          .map(([f, v]) => `<f>${f}</f>${v === undefined ? "" : `<v>${v}</v>`}`),
        fc.constantFrom(
          '<f t="shared" ref="A3:A4" si="0">1+1</f><v>2</v>',
          '<f t="shared" si="0"/><v>0</v>',
          "<is><t>inline</t></is>",
        ),
      ),
    })
    .map(({ ref, s, t, body }) => {
      const attrs = `${ref === undefined ? "" : ` r="${ref}"`}${s === undefined ? "" : ` s="${s}"`}${t === undefined ? "" : ` t="${t}"`}`;
      return body ? `<c${attrs}>${body}</c>` : `<c${attrs}/>`;
    });
// Rows and cells mostly in order, as spreadsheets write them (out of order, the reader leaves a sheet to ExcelJS).
const inOrder = <T>(items: fc.Arbitrary<T[]>, order: (a: T, b: T) => number) =>
  fc.tuple(items, fc.integer({ min: 0, max: 9 })).map(([xs, k]) => (k === 0 ? xs : [...xs].sort(order)));
const rowOf = (r: number) =>
  inOrder(fc.uniqueArray(col, { maxLength: 4 }), (a, b) => a.localeCompare(b))
    .chain((cols) =>
      cols.length ? fc.tuple(...cols.map((c) => cellTag(r, c))) : fc.constant([] as string[]),
    )
    .map((cells) => `<row r="${r}">${cells.join("")}</row>`);
const rows = inOrder(fc.uniqueArray(rowNo, { minLength: 1, maxLength: 4 }), (a, b) => a - b)
  .chain((nums) => fc.tuple(...nums.map(rowOf)))
  .map((parts) => parts.join(""));
/** Rows, and links on random places or on the cells the rows write (an emptied linked cell above all). */
const rowsAndLinks = (rId: string) =>
  rows.chain((data) => {
    const written = [...data.matchAll(/<c r="([A-D][1-4])"/g)].map((m) => m[1]);
    const place = written.length ? fc.oneof(address, fc.constantFrom(...written)) : address;
    const link = fc
      .tuple(place, fc.constantFrom(rId, rId, ""))
      .map(([ref, id]) => `<hyperlink ref="${ref}" r:id="${id}"/>`);
    return fc.tuple(
      fc.constant(data),
      fc.oneof(
        { arbitrary: fc.constant([] as string[]), weight: 2 },
        { arbitrary: fc.array(link, { maxLength: 2 }), weight: 1 },
      ),
    );
  });
// Merges that do not overlap (ExcelJS cannot load overlapping ones).
const merges = fc.subarray(["B3:C4", "D1:D2", "A1:A2"].map((ref) => `<mergeCell ref="${ref}"/>`));


describe("random sheets: the fast reader gives what ExcelJS gives, or leaves the sheet to it", () => {
  test("rows, cells, merges and links", async () => {
    const base = await baseBook();
    const requests: ReadRequest[] = [{ used: ["L"] }, { ranges: ["L!A1:E5", "L!B2"] }];
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        rowsAndLinks(base.rId),
        merges,
        async ([data, links], merged) => {
          const xml = base.sheet
            .replace(/<sheetData>.*<\/sheetData>/, () => `<sheetData>${data}</sheetData>`)
            .replace(/<mergeCells[^>]*>.*<\/mergeCells>/, "")
            .replace(
              /<hyperlinks>.*<\/hyperlinks>/,
              () =>
                `${merged.length ? `<mergeCells count="${merged.length}">${merged.join("")}</mergeCells>` : ""}` +
                (links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : ""),
            );
          const bytes = await patchedBytes(base.data, { "xl/worksheets/sheet1.xml": () => xml });
          let slow;
          let slowEmpty: boolean;
          try {
            const port = await ExcelJsWorkbook.fromBuffer(bytes);
            slowEmpty = port.book.worksheets.every((ws) => ws.actualRowCount === 0);
            slow = [];
            for (const r of requests) slow.push(await port.read(r));
          } catch {
            return; // ExcelJS cannot read it: nothing to compare
          }
          let fast;
          let fastEmpty: boolean;
          try {
            const port = await XlsxReader.fromBuffer(bytes);
            fastEmpty = port.isEmpty(); // the review's "no answers at all" (ExcelJS's actualRowCount)
            fast = [];
            for (const r of requests) fast.push(await port.read(r));
          } catch (e) {
            if (e instanceof Unsupported) return; // left to ExcelJS
            throw e;
          }
          expect(datesAsTimes(fast)).toStrictEqual(datesAsTimes(slow));
          expect(fastEmpty).toBe(slowEmpty);
          compared++;
        },
      ),
      { numRuns: 400, seed: 2026 },
    );
    // Most sheets must be read by the fast reader, not only left to ExcelJS.
    expect(compared).toBeGreaterThan(100);
  });
});

describe("random sheets in a book of two: the review reads what ExcelJS reads of the whole book", () => {
  // Where the fast reader leaves sheet L to ExcelJS, the review gives ExcelJS a copy of the package
  // with only L's cells and reads M itself (../src/adapters/read-workbook.ts): the reads must still be
  // those of ExcelJS over the whole book.
  test("rows, cells, merges and links on one sheet, values on the other", async () => {
    const b = new ExcelJS.Workbook();
    const l = b.addWorksheet("L");
    l.getCell("A1").value = { text: "site", hyperlink: "https://example.lg.jp/" };
    l.getCell("A2").numFmt = "0.0%";
    l.getCell("B2").numFmt = "yyyy/m/d";
    const m = b.addWorksheet("M");
    m.getCell("A1").value = "計画";
    m.getCell("B1").value = 45000;
    m.getCell("B1").numFmt = "yyyy/m/d";
    m.getCell("A2").value = { text: "元の表", hyperlink: "https://example.org/" };
    m.getCell("B2").value = { formula: "B1+1", result: 45001 };
    const data = new Uint8Array(await b.xlsx.writeBuffer());
    let sheet = "";
    await patchedBytes(data, { "xl/worksheets/sheet1.xml": (xml) => (sheet = xml) });
    const rId = /<hyperlink ref="A1" r:id="([^"]+)"/.exec(sheet)![1];
    const requests: ReadRequest[] = [
      { used: ["L", "M"], names: true },
      { ranges: ["L!A1:E5", "M!A1:B2", "L!B2"] },
    ];
    let oneSheet = 0;
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(rowsAndLinks(rId), merges, async ([cells, links], merged) => {
        const xml = sheet
          .replace(/<sheetData>.*<\/sheetData>/, () => `<sheetData>${cells}</sheetData>`)
          .replace(
            /<hyperlinks>.*<\/hyperlinks>/,
            () =>
              `${merged.length ? `<mergeCells count="${merged.length}">${merged.join("")}</mergeCells>` : ""}` +
              (links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : ""),
          );
        const bytes = await patchedBytes(data, { "xl/worksheets/sheet1.xml": () => xml });
        const slow = [];
        try {
          const port = await ExcelJsWorkbook.fromBuffer(bytes);
          for (const r of requests) slow.push(await port.read(r));
        } catch {
          return; // ExcelJS cannot read it: nothing to compare
        }
        let leftToExcelJs = false;
        try {
          const port = await XlsxReader.fromBuffer(bytes);
          for (const r of requests) await port.read(r);
        } catch (e) {
          if (!(e instanceof Unsupported)) throw e;
          leftToExcelJs = true;
        }
        const { port, reads } = await readWorkbook(bytes, "x.xlsx", WORKBOOK_LIMITS, async (p) => {
          const out = [];
          for (const r of requests) out.push(await p.read(r));
          return { port: p, reads: out };
        });
        expect(datesAsTimes(reads)).toStrictEqual(datesAsTimes(slow));
        if (leftToExcelJs && port instanceof XlsxReader) oneSheet++;
        compared++;
      }),
      { numRuns: 300, seed: 2026 },
    );
    // Both ways are taken: sheets the fast reader reads, and sheets it leaves to ExcelJS alone.
    expect(compared).toBeGreaterThan(200);
    expect(oneSheet).toBeGreaterThan(20);
  });
});

describe("random shared strings: read as ExcelJS reads them, or left to it", () => {
  // Entries as Excel writes them for Japanese text: plain, with kept spaces, rich runs, phonetic readings.
  const text = fc.constantFrom(
    "計画",
    " 前後 ",
    "a&amp;b",
    "&lt;x&gt;",
    "改行_x000D_あり",
    "_x0041_",
    "",
    "○",
  );
  const run = fc
    .tuple(text, fc.constantFrom("", '<rPr><b/><sz val="11"/></rPr>'))
    .map(([t, pr]) => `<r>${pr}<t xml:space="preserve">${t}</t></r>`);
  const entry = fc.oneof(
    text.map((t) => `<si><t>${t}</t></si>`),
    text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
    fc.array(run, { minLength: 1, maxLength: 3 }).map((rs) => `<si>${rs.join("")}</si>`),
    fc
      .tuple(text, text)
      .map(
        ([t, yomi]) => `<si><t>${t}</t><rPh sb="0" eb="1"><t>${yomi}</t></rPh><phoneticPr fontId="1"/></si>`,
      ),
  );

  test("entries of every kind, used by cells", async () => {
    const b = new ExcelJS.Workbook();
    const ws = b.addWorksheet("L");
    for (let c = 1; c <= 6; c++) ws.getCell(1, c).value = `s${c}`;
    const data = new Uint8Array(await b.xlsx.writeBuffer());
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 6, maxLength: 8 }), async (entries) => {
        const bytes = await patchedBytes(data, {
          "xl/sharedStrings.xml": (xml) =>
            xml.replace(
              /<sst([^>]*)>.*<\/sst>/,
              (_, attrs: string) => `<sst${attrs}>${entries.join("")}</sst>`,
            ),
        });
        let slow;
        try {
          slow = await (await ExcelJsWorkbook.fromBuffer(bytes)).read({ used: ["L"] });
        } catch {
          return;
        }
        let fast;
        try {
          fast = await (await XlsxReader.fromBuffer(bytes)).read({ used: ["L"] });
        } catch (e) {
          if (e instanceof Unsupported) return;
          throw e;
        }
        expect(datesAsTimes(fast)).toStrictEqual(datesAsTimes(slow));
        compared++;
      }),
      { numRuns: 150, seed: 2027 },
    );
    expect(compared).toBeGreaterThan(100);
  });
});
