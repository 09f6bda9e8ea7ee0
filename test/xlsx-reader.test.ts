// The fast read-only reader against ExcelJsWorkbook: for real workbooks (templates of every bundled
// rulebook filled with every kind of value, the examples, the review fixtures), every read — used
// ranges, ranges, names, settings, sheet info — deep-equals what ExcelJS gives, read after read.
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { bundledRulebooks } from "../src/rulebooks/registry";
import type { Rulebook } from "../src/rulebooks/schema";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { HISTORY_SHEET } from "../src/workbook/history";
import { CHART_SETTING, OUTPUTS_SETTING } from "../src/app/scoring-run";
import { ANSWER_SHEET, HEADER_ROW, RESULT_SHEET } from "../src/workbook/template";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";
import { Unsupported, XlsxReader } from "../src/adapters/xlsx";
import { miniRulebook } from "./fixtures/mini-rulebook";
import { patchedBytes } from "./fixtures/patched-xlsx";
import { bookBytes, templateBook, TOWN_A, TOWN_B } from "./fixtures/review-books";
import { recordsBothWays, sameReads } from "./fixtures/both-readers";

async function bytes(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A template filled with every kind of cell the reader must give back as ExcelJS does. */
async function filledTemplate(rb: Rulebook, seed: number): Promise<Uint8Array> {
  const book = createTemplateWorkbook(rb);
  const ws = book.getWorksheet(ANSWER_SHEET)!;
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  ws.getCell("D3").value = 12345;
  ws.getCell("F3").value = { richText: [{ text: "青葉" }, { text: "町", font: { bold: true } }] };
  ws.getCell("H3").value = "012025";
  const kinds = [
    () => "○",
    () => "×",
    () => "ア",
    () => Math.floor(rnd() * 100),
    () => Math.round(rnd() * 1000) / 10,
    () => "１２",
    () => null,
    () => ({ error: "#N/A" }),
    () => ({ formula: "1+1", result: 2 }),
    () => ({ formula: "0*1", result: 0 }),
    () => ({ formula: '"a"&"b"', result: "ab" }),
    () => ({ formula: "1/0", result: { error: "#DIV/0!" } }),
    () => ({ formula: "TRUE()", result: true }),
    () => ({ formula: "NA()" }),
    () => ({ richText: [{ text: "リッチ" }, { text: "テキスト", font: { italic: true } }] }),
    () => "<&>\"' _x0041_ \n 改行",
    () => true,
  ];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const cell = ws.getCell(r, 5);
    if (cell.formula) continue;
    const k = Math.floor(rnd() * kinds.length);
    cell.value = kinds[k]() as ExcelJS.CellValue;
    if (rnd() < 0.2) cell.numFmt = "0.0%";
  }
  // Dates, percentages, a date-formatted formula, a shared formula and a styled empty cell.
  ws.getCell("J2").value = new Date(Date.UTC(2026, 3, 1));
  ws.getCell("J3").value = 0.125;
  ws.getCell("J3").numFmt = "0.00%";
  ws.getCell("K2").value = { formula: "J2+1", result: new Date(Date.UTC(2026, 3, 2)) };
  ws.getCell("K2").numFmt = "yyyy/mm/dd";
  ws.getCell("K3").value = 45000;
  ws.getCell("K3").numFmt = '[$-411]ggge"年"m"月"d"日"';
  ws.getCell("L2").value = { formula: "D3*2", result: 24690 };
  ws.getCell("L3").value = { sharedFormula: "L2", result: 12 } as unknown as ExcelJS.CellValue;
  ws.getCell("L4").numFmt = "0.000";
  ws.getColumn(14).numFmt = "#,##0";
  ws.getCell("N2").value = 1234.5;
  ws.mergeCells("J20:K21");
  ws.getCell("J20").value = "結合";
  // A hidden sheet, a very hidden settings sheet, a protected sheet, history rows, defined names.
  const hidden = book.addWorksheet("メモ 1", { state: "hidden" });
  hidden.getCell("A1").value = "hidden";
  hidden.getCell("C5").value = 3;
  hidden.mergeCells("B2:C3");
  const settings = book.addWorksheet("saiten_settings", { state: "veryHidden" });
  settings.addRow([OUTPUTS_SETTING, '{"回答!$G$6":3}']);
  settings.addRow([CHART_SETTING, RESULT_SHEET]);
  settings.addRow(["saiten.number", 42]);
  const history = book.addWorksheet(HISTORY_SHEET, { state: "hidden" });
  history.addRow(["記録日時", "年度", "ルールブックID", "版", "合計", "満点", "得点率", "データ"]);
  history.addRow(["2025-05-01T00:00:00.000Z", 2025, rb.id, "1", 10, 100, 10, "{}"]);
  const locked = book.addWorksheet("保護");
  locked.getCell("A1").value = "locked";
  await locked.protect("", { selectLockedCells: true });
  book.definedNames.add(`${ANSWER_SHEET}!$F$3`, "saiten.entity.name");
  book.definedNames.add(`${ANSWER_SHEET}!$E$6:$E$8`, "saiten.range");
  book.definedNames.add("'メモ 1'!$A$1", "memo");
  book.definedNames.add("'メモ 1'!$C$5", "memo");
  return bytes(book);
}

function examples(): [string, Uint8Array][] {
  const dir = join(__dirname, "..", "examples");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]);
}

async function allSheets(data: Uint8Array): Promise<string[]> {
  return (await ExcelJsWorkbook.fromBuffer(data)).book.worksheets.map((ws) => ws.name);
}

const PROBE = `${ANSWER_SHEET}!A1:AD40`;

async function checkBook(data: Uint8Array): Promise<void> {
  const sheets = await allSheets(data);
  // The review pipeline's reads, in order.
  await sameReads(data, [
    { names: true, used: [RESULT_SHEET], ranges: [PROBE] },
    {
      used: [ANSWER_SHEET, RESULT_SHEET, HISTORY_SHEET],
      names: true,
      settings: [OUTPUTS_SETTING, CHART_SETTING, "saiten.number", "missing"],
    },
    { ranges: [`${ANSWER_SHEET}!F3`, `${ANSWER_SHEET}!G6:G40`] },
  ]);
  // Every sheet's used range on its own, then after other reads.
  for (const name of sheets) await sameReads(data, [{ used: [name] }]);
  await sameReads(data, [{ used: sheets }, { used: sheets, names: true }]);
  // Ranges: cells, blocks, merged areas, outside the used range, bad refs, missing sheets.
  const refs = sheets.flatMap((n) => {
    const q = /^[\w\u3000-\u9fff\uff00-\uffef]+$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`;
    return [`${q}!A1`, `${q}!B2:C3`, `${q}!$J$20`, `${q}!K21`, `${q}!Z200`, `${q}!A1:H12`, `${q}!AZ1`];
  });
  await sameReads(data, [{ ranges: [...refs, "nope!A1", "回答!ZZZZ1", "not a ref"] }, { ranges: refs }]);
  await sameReads(data, [{ names: true }, { settings: ["saiten.outputs"] }, { used: sheets }]);
}

describe("XlsxReader reads what ExcelJsWorkbook reads", () => {
  const rulebooks = bundledRulebooks();

  test.each(rulebooks.map((rb, i) => [rb.id, i] as const))("filled template: %s", async (_id, i) => {
    await checkBook(await filledTemplate(rulebooks[i], 17 + i * 101));
  });

  test("blank templates of every bundled rulebook", async () => {
    for (const rb of rulebooks) await checkBook(await bytes(createTemplateWorkbook(rb)));
  });

  test.each(examples())("example %s", async (_name, data) => {
    await checkBook(data);
  });

  test("review fixtures", async () => {
    await checkBook(await templateBook(miniRulebook, TOWN_A));
    await checkBook(await templateBook(miniRulebook, { ...TOWN_B, reportedPoints: { "A.y1": 5 } }));
    await checkBook(await bookBytes((b) => b.addWorksheet("Sheet1")));
    await checkBook(
      await bookBytes((b) => {
        const ws = b.addWorksheet("データ");
        ws.getCell("C4").value = "x";
        ws.getRow(10).height = 30;
        ws.getCell("A12").numFmt = "0.0";
        ws.mergeCells("E20:F22");
        b.addWorksheet("empty");
        b.definedNames.add("データ!$C$4", "saiten.a.A.y1");
        b.definedNames.add("データ!$C$4:$D$5", "block");
      }),
    );
  });

  test("dates in the 1904 system", async () => {
    const data = await bookBytes((b) => {
      b.properties.date1904 = true;
      const ws = b.addWorksheet("d");
      ws.getCell("A1").value = new Date(Date.UTC(2020, 0, 1));
      ws.getCell("A2").value = 40000;
      ws.getCell("A2").numFmt = "yyyy-mm-dd";
    });
    await sameReads(data, [{ used: ["d"] }]);
  });

  test("a name written inside another attribute's value is not taken for that attribute", async () => {
    // <sheet foo="x r:id='rId4'" name="A" … r:id="rId3"/>: an XML parser (and ExcelJS) reads A's part
    // from rId3; a search for ` r:id=` would find rId4, B's part, and read B's cells as A's.
    const data = await bookBytes((b) => {
      b.addWorksheet("A").getCell("A1").value = "sheet A";
      b.addWorksheet("B").getCell("A1").value = "sheet B";
    });
    const tricked = await patchedBytes(data, {
      "xl/workbook.xml": (xml) => {
        const ids = [...xml.matchAll(/<sheet [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
        return xml.replace("<sheet ", () => `<sheet foo="x r:id='${ids[1]}'" `);
      },
      "xl/worksheets/sheet2.xml": (xml) => xml.replace("<c r=\"A1\"", () => '<c foo="x r=\'B1\'" r="A1"'),
    });
    expect(tricked).not.toEqual(data);
    await sameReads(tricked, [{ used: ["A", "B"] }, { ranges: ["A!A1", "B!A1:B1"] }]);
    const got = await (await XlsxReader.fromBuffer(tricked)).read({ ranges: ["A!A1", "B!A1"] });
    expect(got.ranges.map((r) => r.block?.cells[0][0].value)).toEqual(["sheet A", "sheet B"]);
  });

  describe("merged ranges", () => {
    /** A real book (ExcelJS writes one merge) with its list of merged ranges replaced. */
    async function withMerges(ranges: string[]): Promise<Uint8Array> {
      const data = await bookBytes((b) => {
        const ws = b.addWorksheet("M");
        ws.getCell("A1").value = "head";
        ws.getCell("C2").value = 7;
        ws.mergeCells("E1:F1");
      });
      const list = ranges.map((r) => `<mergeCell ref="${r}"/>`).join("");
      return patchedBytes(data, {
        "xl/worksheets/sheet1.xml": (xml) =>
          xml.replace(/<mergeCells[^>]*>.*<\/mergeCells>/, () => `<mergeCells count="${ranges.length}">${list}</mergeCells>`),
      });
    }

    test("read as ExcelJS reads them", async () => {
      await sameReads(await withMerges(["A1:B2", "C3:C5", "E1:F1"]), [{ used: ["M"] }, { ranges: ["M!A1:F5", "M!B2"] }]);
    });

    test("ranges that overlap are left to ExcelJS, which cannot load them", async () => {
      const data = await withMerges(["A1:B2", "B2:C3"]);
      await expect((await XlsxReader.fromBuffer(data)).read({ used: ["M"] })).rejects.toBeInstanceOf(Unsupported);
      await expect(ExcelJsWorkbook.fromBuffer(data)).rejects.toBeDefined();
      const twice = await withMerges(["A1:B2", "A1:B2"]);
      await expect((await XlsxReader.fromBuffer(twice)).read({ used: ["M"] })).rejects.toBeInstanceOf(Unsupported);
    });

    test("a hundred thousand of them are checked in one pass, not pair by pair", async () => {
      // The most merged cells the reader takes, written one cell each by a hostile sheet: comparing every
      // range with every other took ~20 s here; a deadline far above the one pass (~0.3 s) tells them apart.
      const ranges = Array.from({ length: 100_000 }, (_, i) => `${i % 2 ? "B" : "A"}${Math.floor(i / 2) + 1}`);
      ranges.push("D1:E2"); // and one real range, over the limit by two cells: left to ExcelJS
      const over = await withMerges(ranges);
      await expect((await XlsxReader.fromBuffer(over)).read({ used: ["M"] })).rejects.toBeInstanceOf(Unsupported);
      const data = await withMerges(ranges.slice(0, -1));
      const t0 = performance.now();
      const got = await (await XlsxReader.fromBuffer(data)).read({ ranges: ["M!A49999:C50000"] });
      expect(performance.now() - t0).toBeLessThan(5_000);
      expect(got.ranges[0].merged).toBe(true);
      expect(got.ranges[0].block!.cells.map((row) => row.map((c) => c.mergedInto ?? null))).toEqual([
        [null, null, null],
        [null, null, null],
      ]);
    });
  });

  test("write is refused; select and selection do nothing", async () => {
    const r = await XlsxReader.fromBuffer(await filledTemplate(miniRulebook, 3));
    await expect(r.write()).rejects.toThrow("read-only");
    await expect(r.select()).resolves.toBeUndefined();
    await expect(r.selection()).resolves.toBeNull();
  });

  test("what it does not support is refused, not guessed", async () => {
    // A link ExcelJS itself writes is read (test/xlsx-hyperlinks.test.ts); one on a formula whose
    // result is 0 is not (the reader no longer has the 0 ExcelJS would show under it).
    const linked = await bookBytes((b) => {
      const ws = b.addWorksheet("L");
      ws.getCell("A1").value = { formula: "1-1", result: 0 };
      ws.getCell("A2").value = { text: "site", hyperlink: "https://example.com" };
    });
    const zero = await patchedBytes(linked, {
      "xl/worksheets/sheet1.xml": (xml) => xml.replace('<hyperlink ref="A2"', '<hyperlink ref="A1"'),
    });
    const r = await XlsxReader.fromBuffer(zero);
    await expect(r.read({ used: ["L"] })).rejects.toBeInstanceOf(Unsupported);
    await expect(XlsxReader.fromBuffer(new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(Unsupported);
  });
});

describe("processWorkbook gives the same records with the fast reader as with ExcelJS alone", () => {
  const books = async (): Promise<[string, Uint8Array, Rulebook][]> => {
    const out: [string, Uint8Array, Rulebook][] = [
      ["a", await templateBook(miniRulebook, TOWN_A), miniRulebook],
      ["b", await templateBook(miniRulebook, { ...TOWN_B, reportedPoints: { "A.y1": 5 } }), miniRulebook],
      ["blank", await bytes(createTemplateWorkbook(miniRulebook)), miniRulebook],
      ["empty", await bookBytes((b) => b.addWorksheet("Sheet1")), miniRulebook],
      [
        "hyperlink",
        await bookBytes((b) => {
          const ws = b.addWorksheet("L");
          ws.getCell("A1").value = { text: "site", hyperlink: "https://example.com" };
        }),
        miniRulebook,
      ],
    ];
    for (const rb of bundledRulebooks()) out.push([rb.id, await filledTemplate(rb, 5), rb]);
    for (const [name, data] of examples()) for (const rb of bundledRulebooks()) out.push([name, data, rb]);
    return out;
  };

  test("records deep-equal", async () => {
    for (const [name, data, rb] of await books()) {
      const { fast, slow } = await recordsBothWays(data, name, rb);
      expect(fast).toStrictEqual(slow);
    }
  });
});
