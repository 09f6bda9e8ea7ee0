// The fast reader reads a sheet's cells by a direct loop and leaves anything it does not recognise to
// the general XML scanner. Both must give the same sheet: the same sheet XML is read as written (the
// direct loop) and with a change only the general scanner reads (a comment inside <sheetData>, an
// attribute written with a character reference), and every row, cell, merge, column format and count
// must be equal. The sheets are real ones: bundled rulebooks' templates filled by ExcelJS. The same
// holds for sharedStrings.xml, whose plain entries are read by a direct loop too.
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { XlsxReader } from "../src/adapters/xlsx";
import { Unsupported } from "../src/adapters/xlsx/errors";
import { parseSharedStrings } from "../src/adapters/xlsx/shared-strings";
import { Sheet } from "../src/adapters/xlsx/sheet";
import { PIECE_BYTES, sheetText } from "../src/adapters/xlsx/sheet-pieces";
import { Styles } from "../src/adapters/xlsx/styles";
import { bundledRulebooks } from "../src/rulebooks/registry";
import { ANSWER_SHEET, HEADER_ROW } from "../src/workbook/template";
import { datesAsTimes } from "./fixtures/comparable";

interface Parts {
  sstXml?: string;
  sheets: string[];
  styles: Styles;
  sst: ReturnType<typeof parseSharedStrings> | undefined;
}

async function partsOf(book: ExcelJS.Workbook): Promise<Parts> {
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const sheets: string[] = [];
  for (const name of Object.keys(zip.files)
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort())
    sheets.push(await zip.file(name)!.async("string"));
  const sst = zip.file("xl/sharedStrings.xml");
  return {
    sstXml: sst ? await sst.async("string") : undefined,
    sheets,
    styles: new Styles(await zip.file("xl/styles.xml")!.async("string")),
    sst: sst ? parseSharedStrings(await sst.async("string")) : undefined,
  };
}

function read(xml: string, p: Parts): Sheet {
  return new Sheet(xml, { styles: () => p.styles, sharedStrings: () => p.sst, date1904: false });
}

function shape(s: Sheet) {
  return datesAsTimes({
    rows: s.rows,
    merges: s.merges,
    colNumFmt: s.colNumFmt,
    rowCount: s.rowCount,
    columnCount: s.columnCount,
    protected: s.protected,
    actualRowCount: s.actualRowCount,
  }) as { actualRowCount: number };
}

/** Variants of a sheet's XML that only the general scanner reads, with the same meaning. */
const generalOnly: [string, (xml: string) => string][] = [
  [
    "a comment inside <sheetData>",
    (xml) => xml.replace("<sheetData>", "<sheetData><!-- read by the scanner -->"),
  ],
  ["a cell type written as a character reference", (xml) => xml.replace(/ t="s"/, ' t="&#115;"')],
  ["a line break between a cell's children", (xml) => xml.replace(/<v>/, "\n<v>")],
];

/** Variants the direct loop still reads, but another way: tags with its general tag reader instead of
 *  the one for the shape spreadsheets write (` r="…" s="…" t="…"` in that order), values through the
 *  XML decoder instead of as they stand. The same cells either way. */
const otherCellTags: [string, (xml: string) => string][] = [
  [
    "every cell's attributes in reverse order",
    (xml) =>
      xml.replace(
        /<c r="([^"]*)"( s="[^"]*")?( t="[^"]*")?(\/?)>/g,
        (_, r, s = "", t = "", end) => `<c${t}${s} r="${r}"${end}>`,
      ),
  ],
  ["an attribute the reader does not want on every cell", (xml) => xml.replace(/<c r="/g, '<c cm="1" r="')],
  // Not a tag: a value the direct loop must decode rather than take as it stands.
  [
    "every value's first digit as a character reference",
    (xml) => xml.replace(/<v>(\d)/g, (_, d) => `<v>&#${d.charCodeAt(0)};`),
  ],
];

async function filledBook(seed: number): Promise<ExcelJS.Workbook> {
  const rbs = bundledRulebooks();
  const rb = rbs[seed % rbs.length];
  const book = createTemplateWorkbook(rb);
  const ws = book.getWorksheet(ANSWER_SHEET)!;
  let s = seed + 1;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const values: (() => ExcelJS.CellValue)[] = [
    () => "○",
    () => Math.floor(rnd() * 1000) / 10,
    () => ({ formula: "1+1", result: 2 }),
    () => ({ formula: '"a"&"b"', result: "ab" }),
    () => ({ formula: '"<"&"&"', result: "<&" }),
    () => ({ error: "#N/A" }),
    () => true,
    () => new Date(Date.UTC(2026, 3, 1)),
    () => "<&> _x0041_",
    () => null,
  ];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const cell = ws.getCell(r, 5);
    if (cell.formula) continue;
    cell.value = values[Math.floor(rnd() * values.length)]();
    if (rnd() < 0.2) cell.numFmt = rnd() < 0.5 ? "0.0%" : "yyyy/m/d";
  }
  ws.getCell("M1").value = {
    formula: "E6*2",
    result: 2,
    shareType: "shared",
    ref: "M1:M2",
  } as ExcelJS.CellValue;
  ws.getCell("M2").value = { sharedFormula: "M1", result: 3 } as ExcelJS.CellValue;
  ws.mergeCells("N1:O2");
  return book;
}

describe("a sheet's cells read directly equal the general scanner's reading", () => {
  test.each([0, 1, 2, 3])("filled template %i", async (seed) => {
    const p = await partsOf(await filledBook(seed));
    expect(p.sheets.length).toBeGreaterThan(0);
    for (const xml of p.sheets) {
      const direct = shape(read(xml, p));
      expect(direct.actualRowCount).toBeGreaterThan(0);
      for (const [, change] of generalOnly) {
        const changed = change(xml);
        expect(changed).not.toBe(xml);
        expect(shape(read(changed, p))).toEqual(direct);
      }
      for (const [, change] of otherCellTags) {
        const changed = change(xml);
        expect(changed).not.toBe(xml);
        expect(shape(read(changed, p))).toEqual(direct);
      }
    }
  });

  test("a reference that is not plainly the cell's own address is refused by either path", async () => {
    // ExcelJS keeps the written reference as the cell's address; this reader goes by position.
    const p = await partsOf(await filledBook(6));
    const odd = [
      (xml: string) => xml.replace(/<c r="([A-Z]+)(\d+)"/g, '<c r="$$$1$$$2"'),
      (xml: string) => xml.replace(/<c r="([A-Z]+)(\d+)"/, '<c r="$10$2"'),
      (xml: string) =>
        xml.replace(/<c r="([A-Z]+)(\d+)"/, (_, c: string, r: string) => `<c r="${c}${Number(r) + 1}"`),
    ];
    for (const edit of odd) {
      const xml = edit(p.sheets[0]);
      expect(xml).not.toBe(p.sheets[0]);
      expect(() => read(xml, p)).toThrow(Unsupported);
      expect(() => read(generalOnly[0][1](xml), p)).toThrow(Unsupported);
    }
  });

  test("a change inside <sheetData> is read, not skipped, by either path", async () => {
    const p = await partsOf(await filledBook(5));
    const xml = p.sheets[0];
    const m = /<c r="([A-Z]+)(\d+)"(?: s="\d+")?><v>(\d+(?:\.\d+)?)<\/v><\/c>/.exec(xml)!;
    const edited = xml.replace(m[0], m[0].replace(`<v>${m[3]}</v>`, "<v>424242</v>"));
    const row = Number(m[2]);
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    expect(read(edited, p).cell(row, col).value).toBe(424242);
    expect(read(generalOnly[0][1](edited), p).cell(row, col).value).toBe(424242);
  });
});

describe("shared strings read directly equal the general scanner's reading", () => {
  test.each([0, 1, 2])("filled template %i", async (seed) => {
    const book = await filledBook(seed);
    book.getWorksheet(ANSWER_SHEET)!.getCell("P1").value = "  前後に空白  ";
    book.getWorksheet(ANSWER_SHEET)!.getCell("P2").value = "";
    const xml = (await partsOf(book)).sstXml!;
    const direct = parseSharedStrings(xml);
    expect(direct.length).toBeGreaterThan(50);
    expect(direct).toContain("  前後に空白  ");
    expect(direct).toContain("<&> A");
    const scanned = parseSharedStrings(xml.replace(/(<sst[^>]*>)/, "$1<!-- read by the scanner -->"));
    expect(scanned).toEqual(direct);
    // Rich text (runs) is the scanner's: the direct loop must not take a part that has it.
    const rich = xml.replace(/<si><t>([^<]*)<\/t><\/si>/, "<si><r><t>$1</t></r></si>");
    expect(rich).not.toBe(xml);
    expect(parseSharedStrings(rich).some((x) => typeof x === "object")).toBe(true);
  });
});

describe("random cell tags read the same by the direct loop and the general scanner", () => {
  // Pieces of attribute values, mostly good, some bad: the direct loop's fast tag reader takes only
  // the usual shape and must leave everything else to the reader that handles it, with the same result.
  const mostly = <T>(good: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: odd, weight: 1 });
  const letters = mostly(
    fc.constantFrom("A", "E", "Z", "AB", "XFD"),
    fc.constantFrom("XFE", "a", "e", "$E", "E$", ""),
  );
  const digits = mostly(fc.constantFrom("1", "7", "12", "1048576"), fc.constantFrom("007", "", "$1"));
  const tail = mostly(fc.constant(""), fc.constantFrom("x", "$", "\u3042", "a"));
  const ref = fc.tuple(letters, digits, tail).map(([l, d, t]) => l + d + t);
  const style = mostly(
    fc.constantFrom("0", "1", "2", "3", "10"),
    fc.constantFrom("0000000001", "9999999999", "", "-1", "1.5", "a"),
  );
  const type = mostly(
    fc.constantFrom("s", "n", "str", "b", "e"),
    fc.constantFrom("inlineStr", "d", "", "S", "x1", "&#115;", "s s"),
  );
  // Mostly the row's own address (anything else is refused alike by both paths).
  const attrs = (row: number) =>
    fc
      .record({
        r: mostly(
          mostly(
            letters.map((l) => `${l}${row}`),
            ref,
          ),
          fc.constant(undefined),
        ),
        s: fc.option(style, { nil: undefined }),
        t: fc.option(type, { nil: undefined }),
        extra: mostly(fc.constant(""), fc.constantFrom(' cm="1"', ' vm="2"', " ", "  ")),
        order: mostly(fc.constant("rst"), fc.constantFrom("tsr", "srt")),
        quote: mostly(fc.constant('"'), fc.constant("'")),
      })
      .map(({ r, s, t, extra, order, quote }) => {
        const one = { r, s, t };
        let out = "";
        for (const k of order as "rst") {
          const v = one[k as keyof typeof one];
          if (v !== undefined) out += ` ${k}=${quote}${v}${quote}`;
        }
        return out + extra;
      });
  const body = fc.constantFrom(
    "/>",
    "></c>",
    "><v>1</v></c>",
    "><v>0</v></c>",
    "><v>2.5</v></c>",
    "><v>&#49;</v></c>",
    "><v></v></c>",
    "><f>1+1</f><v>2</v></c>",
  );
  const cell = (row: number) => fc.tuple(attrs(row), body).map(([a, b]) => `<c${a}${b}`);
  const sheet = fc
    .integer({ min: 1, max: 4 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => fc.array(cell(k + 1), { maxLength: 3 }))))
    .map((rows) => rows.map((cells, k) => `<row r="${k + 1}">${cells.join("")}</row>`).join(""));

  const outcome = (xml: string, p: Parts) => {
    try {
      return shape(read(xml, p));
    } catch (e) {
      return { refused: e instanceof Error ? e.message : String(e) };
    }
  };

  test("any mix of attributes, orders and values", async () => {
    const p = await partsOf(await filledBook(0));
    const wrap = (data: string) => `<worksheet><sheetData>${data}</sheetData></worksheet>`;
    let direct = 0;
    fc.assert(
      fc.property(sheet, (data) => {
        const a = outcome(wrap(data), p);
        const b = outcome(wrap(`<!-- scanner -->${data}`), p);
        expect(a).toEqual(b);
        if (!("refused" in a)) direct++;
      }),
      { numRuns: 1000, seed: 14 },
    );
    // The runs must include sheets that are read, not only refused ones.
    expect(direct).toBeGreaterThan(100);
  });
});

// A big sheet part is read in pieces cut after row end tags (sheet-pieces.ts), each small enough for V8
// to keep out of its large object space. Read in pieces it must be the sheet read whole — also when a
// cut lands somewhere unusual, where the reader falls back to the whole text.
describe("a sheet read in pieces equals the sheet read whole", () => {
  const encoder = new TextEncoder();
  /** The sheet read as the reader reads a big part, cut into pieces of at most `pieceBytes`. */
  const inPieces = (xml: string, p: Parts, pieceBytes: number): { sheet: Sheet; cuts: number } => {
    const texts = sheetText(encoder.encode(xml), pieceBytes);
    if (typeof texts === "string") throw new Error("test: the part was not cut");
    return {
      sheet: new Sheet(texts, { styles: () => p.styles, sharedStrings: () => p.sst, date1904: false }),
      cuts: texts.cells.length - 1,
    };
  };
  /** How many pieces the part is cut into. */
  const inPiecesCount = (xml: string, pieceBytes: number) => {
    const texts = sheetText(encoder.encode(xml), pieceBytes);
    return typeof texts === "string" ? 1 : texts.cells.length;
  };
  const outcome = (f: () => Sheet) => {
    try {
      return shape(f());
    } catch (e) {
      return { refused: e instanceof Error ? e.message : String(e) };
    }
  };

  test.each([0, 1, 2, 3])(
    "filled template %i, its variants, cut every 1,000 or 4,000 bytes",
    async (seed) => {
      const p = await partsOf(await filledBook(seed));
      let cuts = 0;
      for (const xml of p.sheets) {
        for (const change of [(x: string) => x, ...[...generalOnly, ...otherCellTags].map(([, c]) => c)]) {
          const changed = change(xml);
          for (const size of [1000, 4000]) {
            if (changed.length <= size) continue;
            const read2 = inPieces(changed, p, size);
            cuts += read2.cuts;
            expect(shape(read2.sheet)).toEqual(shape(read(changed, p)));
          }
        }
      }
      expect(cuts).toBeGreaterThan(50);
    },
  );

  test("a big answer sheet through the reader reads as ExcelJS reads it", async () => {
    const book = await filledBook(1);
    const ws = book.getWorksheet(ANSWER_SHEET)!;
    for (let r = 300; r < 1500; r++) ws.getRow(r).values = [r, `第${r % 9}地区`, r * 1.5, r % 2 === 0];
    const data = new Uint8Array(await book.xlsx.writeBuffer());
    const part = (await JSZip.loadAsync(data)).file("xl/worksheets/sheet1.xml")!;
    expect((await part.async("uint8array")).length).toBeGreaterThan(2 * PIECE_BYTES);
    // Compared through datesAsTimes: a text formula result under a date format is an Invalid Date to both.
    for (const req of [{ used: [ANSWER_SHEET] }, { ranges: [`${ANSWER_SHEET}!A1:M1500`] }]) {
      const slow = await (await ExcelJsWorkbook.fromBuffer(data)).read(req);
      const fast = await (await XlsxReader.fromBuffer(data)).read(req);
      expect(datesAsTimes(fast)).toStrictEqual(datesAsTimes(slow));
    }
  });

  test("rows out of order across a cut are refused as when read whole", async () => {
    const p = await partsOf(await filledBook(0));
    const row = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
    const wrap = (rows: number[]) =>
      `<worksheet><sheetData>${rows.map(row).join("")}</sheetData></worksheet>`;
    const ordered = wrap([1, 2, 3, 4, 5, 6]);
    expect(shape(inPieces(ordered, p, 40).sheet)).toEqual(shape(read(ordered, p)));
    for (const rows of [
      [1, 2, 3, 2, 5, 6],
      [4, 5, 6, 1, 2, 3],
    ]) {
      const xml = wrap(rows);
      expect(inPiecesCount(xml, 40)).toBe(6);
      expect(() => read(xml, p)).toThrow(Unsupported);
      expect(() => inPieces(xml, p, 40).sheet).toThrow(Unsupported);
    }
  });

  test("random sheets, random cuts: the same sheet, or the same refusal", async () => {
    const p = await partsOf(await filledBook(0));
    const cellArb = fc.constantFrom(
      '<c r="A1"><v>1</v></c>',
      '<c r="B1" t="s"><v>0</v></c>',
      '<c r="C1" s="1"/>',
      '<c r="D1"><f>1+1</f><v>2</v></c>',
      "<!-- c -->",
      '<c r="E1" t="inlineStr"><is><t>あ</t></is></c>',
      " ",
    );
    const rowArb = (r: number) =>
      fc
        .array(cellArb, { maxLength: 4 })
        .map((cells) => `<row r="${r}">${cells.join("").replace(/([A-E])1"/g, `$1${r}"`)}</row>`);
    const sheetArb = fc
      .array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 8 })
      .chain((rows) => fc.tuple(...rows.map(rowArb)))
      .map(
        (rows) =>
          `<worksheet><cols><col min="1" max="2" style="1"/></cols><sheetData>${rows.join("")}</sheetData><mergeCells><mergeCell ref="F1:G2"/></mergeCells></worksheet>`,
      );
    let cut = 0;
    fc.assert(
      fc.property(sheetArb, fc.integer({ min: 40, max: 200 }), (xml, size) => {
        if (typeof sheetText(encoder.encode(xml), size) === "string") return;
        cut++;
        expect(outcome(() => inPieces(xml, p, size).sheet)).toEqual(outcome(() => read(xml, p)));
      }),
      { numRuns: 500 },
    );
    expect(cut).toBeGreaterThan(100);
  });
});
