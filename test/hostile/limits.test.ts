// Hostile inputs, part 3 (with the parts of 2 and 7 that need a process of their own): zip bombs,
// headers that lie, a million-row sheet, /dev/zero, named pipes, huge used ranges and merges, a file
// past --max-file-mb, and a workbook that names /dev/zero as its rulebook.
// The bombs, the million-row sheet, /dev/zero and a named pipe run the compiled CLI in a child
// process with a 256 MB heap (`node --max-old-space-size=256 bin/saiten.js …`), which must exit by
// itself with 2 and a message of the right kind, not crash or hang; those run concurrently (each is
// a process of its own). Piped JSON must arrive whole however slowly it is read. The rest run in this
// process, each bounded by a time limit of its own.
import { countRowsAndCells, namesProblem, outsideSheetData, validationCells } from "../../src/files/inspect-workbook";
import { addedNames, patchedBytes } from "../fixtures/patched-xlsx";
import DefinedNames from "exceljs/lib/doc/defined-names";
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from "fs";
import { basename, join } from "path";
import {
  answerBook,
  expectClean,
  folderHashes,
  freshDir,
  hashes,
  hugeMergeBook,
  KAIGO,
  lyingZipBomb,
  millionRowBook,
  put,
  type Ran,
  runBin,
  runWithin,
  type Spawned,
  zipBomb,
} from "./build";

/** A value built once, on first use (concurrent tests cannot share a beforeAll). */
function once<T>(build: () => Promise<T> | T): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= Promise.resolve().then(build));
}

const bomb = once(zipBomb);
const liar = once(lyingZipBomb);
const millionRows = once(millionRowBook);
const filled = once(() => answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" }, name: "見本市", code: "011002" }));
const devZeroBook = once(() => answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" }, b2: "/dev/zero" }));
const wideBook = once(() =>
  answerBook(KAIGO, {
    answers: { "P_I_1_1.a": "○" },
    edit: (ws) => {
      ws.getCell("XFD20000").value = "端";
    },
  }),
);

function mkfifo(path: string): string {
  execFileSync("mkfifo", [path]);
  return path;
}

/** Not killed, not out of memory: exited by itself with this code, its output clean. */
function expectExit(r: Spawned, code: number) {
  expect({ timedOut: r.timedOut, signal: r.signal }).toEqual({ timedOut: false, signal: null });
  expect({ code: r.code, err: r.err }).toEqual({ code, err: expect.any(String) });
  expectClean(r.out, r.err);
}

/** A message on stderr naming the file, of the expected kind. */
function expectMessage(r: Ran, file: string, phrase: RegExp) {
  expect(r.err).toContain(basename(file));
  expect(r.err).toMatch(phrase);
}

const UNPACKED = /展開すると上限|壊れています/;

// In-process cases first: the concurrent child-process cases below start with the file anyway, so
// these run while the children do.
describe("in process, time-bounded", () => {
  test("rulebook check: a zip bomb given as a 配点表", async () => {
    const dir = freshDir("bomb-check");
    const file = put(dir, "配点表.xlsx", await bomb());
    const before = hashes([file]);
    const r = await runWithin(15_000, "rulebook", "check", file);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expectMessage(r, file, /展開すると上限/);
    expect(hashes([file])).toEqual(before);
  });

  test("score --previous: a zip bomb given as last year", async () => {
    const dir = freshDir("bomb-previous");
    const input = put(dir, "回答.xlsx", await filled());
    const prev = put(dir, "前年度.xlsx", await bomb());
    const before = hashes([input, prev]);
    const r = await runWithin(15_000, "score", input, "--previous", prev);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expectMessage(r, prev, /展開すると上限/);
    expect(hashes([input, prev])).toEqual(before);
  });

  test("tally import: a sheet of 1,048,576 rows is refused with the row limit", async () => {
    const dir = freshDir("million-tally");
    const file = put(dir, "全国集計.xlsx", await millionRows());
    const before = hashes([file]);
    const r = await runWithin(15_000, "tally", "import", file);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expectMessage(r, file, /行が多すぎ/);
    expect(hashes([file])).toEqual(before);
  });

  test("rulebook check /dev/zero", async () => {
    const r = await runWithin(10_000, "rulebook", "check", "/dev/zero");
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expectMessage(r, "/dev/zero", /デバイス/);
  });

  test("tally import of a named pipe does not block", async () => {
    const dir = freshDir("fifo-tally");
    const fifo = mkfifo(join(dir, "全国集計.xlsx"));
    const r = await runWithin(10_000, "tally", "import", fifo);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expectMessage(r, fifo, /名前付きパイプ/);
  });

  test("score --previous a named pipe does not block", async () => {
    const dir = freshDir("fifo-previous");
    const input = put(dir, "回答.xlsx", await filled());
    const fifo = mkfifo(join(dir, "前年度.json"));
    const before = hashes([input]);
    const r = await runWithin(10_000, "score", input, "--previous", fifo);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expectMessage(r, fifo, /名前付きパイプ/);
    expect(hashes([input])).toEqual(before);
  });

  test("score: a 回答 sheet with cells at A1 and XFD20000 (a huge used range) is refused with the cell limit", async () => {
    const dir = freshDir("used-range");
    const file = put(dir, "回答.xlsx", await wideBook());
    const before = hashes([file]);
    const r = await runWithin(15_000, "score", file);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expectMessage(r, file, /セルが多すぎ.*--max-cells/);
    expect(hashes([file])).toEqual(before);
  });

  test("score --previous: last year's 回答 sheet with a huge used range is refused with the cell limit", async () => {
    const dir = freshDir("used-range-previous");
    const input = put(dir, "回答.xlsx", await filled());
    const prev = put(dir, "前年度.xlsx", await wideBook());
    const before = hashes([input, prev]);
    const r = await runWithin(15_000, "score", input, "--previous", prev);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expectMessage(r, prev, /セルが多すぎ/);
    expect(hashes([input, prev])).toEqual(before);
  });

  test("score: a merge over A1:XFD1048576 is refused with the cell limit", async () => {
    const dir = freshDir("merge");
    const file = put(dir, "回答.xlsx", hugeMergeBook());
    const before = hashes([file]);
    const r = await runWithin(15_000, "score", file);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expectMessage(r, file, /セルが多すぎ/);
    expect(hashes([file])).toEqual(before);
  });

  test("review --max-file-mb 1: a 3 GiB file is listed as too large without being read; the batch goes on", async () => {
    const dir = freshDir("review-big");
    const inbox = join(dir, "提出");
    mkdirSync(inbox);
    const small = put(inbox, "a市.xlsx", await filled());
    const big = join(inbox, "b町.xlsx");
    // Sparse: 3 GiB that a whole read could not even allocate.
    writeFileSync(big, "PK\u0003\u0004");
    truncateSync(big, 3 * 1024 * 1024 * 1024);
    const bigBefore = statSync(big);
    const before = hashes([small]);
    const json = join(dir, "summary.json");
    const r = await runWithin(30_000, "review", inbox, "--rulebook", KAIGO, "--max-file-mb", "1", "--json", json, "--jobs", "1", "--quiet");
    expect(r.code).toBe(1);
    expectClean(r.out, r.err);
    const summary = JSON.parse(readFileSync(json, "utf8")) as {
      files: { total: number; scored: number; failed: number };
      failures: { file: string; reasonCode: string; reason: { ja: string } }[];
    };
    expect(summary.files).toEqual({ total: 2, scored: 1, failed: 1 });
    expect(summary.failures).toEqual([
      expect.objectContaining({
        file: big,
        reasonCode: "too-large",
        reason: expect.objectContaining({ ja: expect.stringMatching(/大きすぎ.*上限 1 MB.*--max-file-mb/) }),
      }),
    ]);
    expect(r.out).toContain(basename(big));
    const after = statSync(big);
    expect([after.size, after.mtimeMs]).toEqual([bigBefore.size, bigBefore.mtimeMs]);
    expect(hashes([small])).toEqual(before);
  });

  test("review --previous <folder> holding a workbook whose B2 is /dev/zero finishes", async () => {
    const dir = freshDir("b2-devzero-previous");
    const inbox = join(dir, "今年度");
    const last = join(dir, "前年度");
    mkdirSync(inbox);
    mkdirSync(last);
    put(inbox, "a市.xlsx", await filled());
    put(last, "a市.xlsx", await devZeroBook());
    put(
      last,
      "b町.xlsx",
      await answerBook("kaigo-municipal-fy2025", { answers: { "P_I_1_1.a": "○" }, name: "例町", code: "012025" }),
    );
    const before = { ...folderHashes(inbox), ...folderHashes(last) };
    const r = await runWithin(30_000, "review", inbox, "--rulebook", KAIGO, "--previous", last, "--jobs", "1", "--quiet");
    expect(r.code).toBe(0);
    expectClean(r.out, r.err);
    expect(r.out).toMatch(/採点済 +1 件/);
    expect({ ...folderHashes(inbox), ...folderHashes(last) }).toEqual(before);
  });

  test("review: a workbook whose B2 is /dev/zero fails alone (wrong rulebook) and the batch finishes", async () => {
    const dir = freshDir("b2-devzero-review");
    const inbox = join(dir, "提出");
    mkdirSync(inbox);
    const bad = put(inbox, "a市.xlsx", await devZeroBook());
    put(inbox, "b町.xlsx", await filled());
    const before = folderHashes(inbox);
    const json = join(dir, "summary.json");
    const r = await runWithin(30_000, "review", inbox, "--rulebook", KAIGO, "--json", json, "--jobs", "1", "--quiet");
    expect(r.code).toBe(1);
    expectClean(r.out, r.err);
    const summary = JSON.parse(readFileSync(json, "utf8")) as { failures: { file: string; reason: { ja: string } }[] };
    expect(summary.failures).toEqual([
      expect.objectContaining({ file: bad, reason: expect.objectContaining({ ja: expect.stringContaining("/dev/zero") }) }),
    ]);
    expect(folderHashes(inbox)).toEqual(before);
  });
});

describe("child process, 256 MB heap", () => {
  test.concurrent("score: a zip bomb (1 GiB of zeros in a worksheet, headers honest)", async () => {
    const dir = freshDir("bomb");
    const file = put(dir, "回答.xlsx", await bomb());
    const before = hashes([file]);
    const r = await runBin(["score", file]);
    expectExit(r, 2);
    expectMessage(r, file, /展開すると上限.*--max-uncompressed-mb/);
    expect(hashes([file])).toEqual(before);
  });

  test.concurrent("score: a zip whose headers say 2 KB for 1 GiB of zeros", async () => {
    const dir = freshDir("liar-score");
    const file = put(dir, "回答.xlsx", await liar());
    const before = hashes([file]);
    const r = await runBin(["score", file]);
    expectExit(r, 2);
    expectMessage(r, file, UNPACKED);
    expect(hashes([file])).toEqual(before);
  });

  test.concurrent("rulebook import: a 配点表 whose headers lie about the inflated size", async () => {
    const dir = freshDir("liar-import");
    const file = put(dir, "配点表.xlsx", await liar());
    const out = join(dir, "rb.json");
    const before = hashes([file]);
    const r = await runBin(["rulebook", "import", file, "--out", out]);
    expectExit(r, 2);
    expectMessage(r, file, UNPACKED);
    expect(hashes([file])).toEqual(before);
    expect(hashes([out])).toEqual({ [out]: "(missing)" });
  });

  test.concurrent("tally import: a tally whose headers lie about the inflated size", async () => {
    const dir = freshDir("liar-tally");
    const file = put(dir, "全国集計.xlsx", await liar());
    const out = join(dir, "tally.json");
    const before = hashes([file]);
    const r = await runBin(["tally", "import", file, "--out", out]);
    expectExit(r, 2);
    expectMessage(r, file, UNPACKED);
    expect(hashes([file])).toEqual(before);
    expect(hashes([out])).toEqual({ [out]: "(missing)" });
  });

  test.concurrent("score: a sheet of 1,048,576 rows is refused with the row limit", async () => {
    const dir = freshDir("million");
    const file = put(dir, "回答.xlsx", await millionRows());
    const before = hashes([file]);
    const r = await runBin(["score", file]);
    expectExit(r, 2);
    expectMessage(r, file, /回答.*行が多すぎ.*--max-rows/);
    expect(hashes([file])).toEqual(before);
  });

  test.concurrent("score /dev/zero", async () => {
    const r = await runBin(["score", "/dev/zero"], { timeoutMs: 20_000 });
    expectExit(r, 2);
    expectMessage(r, "/dev/zero", /保存されたファイルではありません（デバイス）/);
  });

  test.concurrent("score a named pipe does not block", async () => {
    const dir = freshDir("fifo");
    const fifo = mkfifo(join(dir, "回答.xlsx"));
    const r = await runBin(["score", fifo], { timeoutMs: 20_000 });
    expectExit(r, 2);
    expectMessage(r, fifo, /保存されたファイルではありません（名前付きパイプ）/);
  });

  test.concurrent("score: 回答!B2 = /dev/zero exits 2 at once, saying that rulebook is not bundled", async () => {
    const dir = freshDir("b2-devzero");
    const file = put(dir, "回答.xlsx", await devZeroBook());
    const before = hashes([file]);
    const r = await runBin(["score", file], { timeoutMs: 20_000 });
    expectExit(r, 2);
    expectMessage(r, file, /ルールブック「\/dev\/zero」は同梱されていません/);
    expect(hashes([file])).toEqual(before);
  });

  test.concurrent("score --json into a slow reader arrives whole and parses; exit 0", async () => {
    const dir = freshDir("slow-reader");
    const file = put(dir, "回答.xlsx", await filled());
    const r = await runBin(["score", file, "--json"], { slowReader: true, timeoutMs: 40_000 });
    expectExit(r, 0);
    expect(r.outBytes).toBeGreaterThan(128 * 1024); // well past a pipe's 64 KB
    const doc = JSON.parse(r.out) as { format: string; total: { points: number } };
    expect(doc.format).toBe("saiten.result/1");
    expect(doc.total.points).toBeGreaterThan(0);
  });

  test.concurrent("review --json - into a slow reader arrives whole and parses; exit 0", async () => {
    const dir = freshDir("slow-reader-review");
    const inbox = join(dir, "提出");
    mkdirSync(inbox);
    for (let i = 0; i < 3; i++) put(inbox, `${i}.xlsx`, await filled());
    const r = await runBin(["review", inbox, "--rulebook", KAIGO, "--json", "-", "--jobs", "1"], {
      slowReader: true,
      timeoutMs: 40_000,
    });
    expectExit(r, 0);
    expect(r.outBytes).toBeGreaterThan(128 * 1024);
    const doc = JSON.parse(r.out) as { format: string; files: { scored: number } };
    expect(doc.format).toBe("saiten.review/1");
    expect(doc.files.scored).toBe(3);
  });
});

describe("names a reader would trip on", () => {
  test("a sheet named __proto__ is refused before any parser sees it", () => {
    const xml = '<workbook><sheets><sheet name="__proto__" sheetId="1" r:id="rId1"/></sheets></workbook>';
    expect(namesProblem(xml, 1_000_000)).toEqual({ code: "book.unsafe-name", name: "__proto__" });
  });

  test("a defined name past the last row, or over the cell limit, is refused; an ordinary one is not", () => {
    const book = (text: string) => `<workbook><definedNames><definedName name="x">${text}</definedName></definedNames></workbook>`;
    expect(namesProblem(book("Sheet1!$A$100000000"), 1_000_000)).toMatchObject({ code: "book.name-range", ref: "Sheet1!$A$100000000" });
    expect(namesProblem(book("Sheet1!$A$1:$XFD$2000"), 1_000_000)).toMatchObject({ code: "book.name-range" });
    expect(namesProblem(book("'回答'!$E$6"), 1_000_000)).toBeNull();
    expect(namesProblem(book("回答!$E$6:$E$200"), 1_000_000)).toBeNull();
    // Named constants and formulas are no ranges: a budget of 150,000,000 yen is not a row.
    for (const text of ["150000000", "1.5", "OFFSET(回答!$A$1,0,0,COUNTA(回答!$A:$A),1)", "回答!$E$6*1000000000"])
      expect(namesProblem(book(text), 1_000_000)).toBeNull();
  });

  // ExcelJS reads a name's text loosely: digits anywhere after a range's first corner add to its row,
  // and its matrix walks every row even when the range has no column (no cell is ever made).
  test("a name whose loose reading reaches far past the last row is refused, wherever its digits hide", () => {
    const book = (names: string) => `<workbook><definedNames>${names}</definedNames></workbook>`;
    const far = "S!A2:$a4 T!$A$1 2024!D0";
    expect(namesProblem(book(`<definedName name="far">${far}</definedName>`), 1_000_000)).toEqual({
      code: "book.name-range",
      name: "far",
      ref: far,
    });
    // Text after a comment, or split by one, is still the name's text to ExcelJS.
    for (const text of ["S!$A$1,S!A2:$a4 <!-- x -->99999999", "S!A2:$a4 9<!-- x -->9999999"])
      expect(namesProblem(book(`<definedName name="c">${text}</definedName>`), 1_000_000)).toMatchObject({ code: "book.name-range" });
    // CDATA is not (ExcelJS's parser drops it), so the same digits there are harmless.
    expect(namesProblem(book('<definedName name="d">S!A2:$a4 <![CDATA[99999999]]></definedName>'), 1_000_000)).toBeNull();
    // The text a message quotes is cut short.
    const long = `S!A2:$a4 ${"9".repeat(500)}`;
    expect(namesProblem(book(`<definedName name="l">${long}</definedName>`), 1_000_000)?.ref).toHaveLength(61);
  });

  // A reference without a column ExcelJS's name model still keeps ("…x!$A$1" ends its text) is filed
  // under its row: ExcelJS then visits every row up to it when the names are read back.
  test("a name whose loose reading is a far row without a column is refused when ExcelJS would keep it", () => {
    const book = (text: string) => `<workbook><definedNames><definedName name="x">${text}</definedName></definedNames></workbook>`;
    for (const text of ["9 9 9 9 9 9 9 9 x!$XFE$5", "1.5 undefined!$D$4 [1]S!D0 $a2 '10'!$XFE$5"])
      expect(namesProblem(book(text), 1_000_000)).toMatchObject({ code: "book.name-range", name: "x", ref: text });
    // Read as the same far rows, but dropped by ExcelJS's model (no "$col$row" after the last "!"): no cost.
    for (const text of ["999999995", "9 9 9 9 9 9 9 9 x!A5"]) expect(namesProblem(book(text), 1_000_000)).toBeNull();
  });

  test("why: ExcelJS's name model files such a reference under its row, its rows an array that long", () => {
    const names = new DefinedNames();
    names.model = [{ name: "x", ranges: ["9 9 9 x!$XFE$5"] }];
    const sheets = (names as unknown as { matrixMap: Record<string, { sheets: Record<string, unknown[]> }> }).matrixMap.x
      .sheets;
    expect(sheets.undefined).toHaveLength(9_996); // rows 0 to 9,995: "9 9 9" and "5" make the row
  });

  test("a real workbook with a named constant (a budget in yen) and a name far past the last row: scored, refused", async () => {
    const dir = freshDir("named-constant");
    const withName = async (name: string) =>
      patchedBytes(await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" } }), addedNames(name));
    const budget = put(dir, "予算.xlsx", await withName('<definedName name="予算額">150000000</definedName>'));
    const ok = await runWithin(15_000, "score", budget, "--json");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).total.points).toBeGreaterThan(0);
    const far = put(dir, "範囲.xlsx", await withName('<definedName name="集計">回答!A2:$a4 x 99999999</definedName>'));
    const refused = await runWithin(15_000, "score", far);
    expect(refused.code).toBe(2);
    expectClean(refused.out, refused.err);
    expect(refused.err).toContain("名前定義「集計」の範囲（回答!A2:$a4 x 99999999）");
  });

  test("names each small enough are refused together when they add up; print areas do not add", () => {
    const book = (count: number, name: (i: number) => string) =>
      `<workbook><definedNames>${Array.from({ length: count }, (_, i) => `<definedName name="${name(i)}" localSheetId="${i}">S!$A$1:$J$1000</definedName>`).join("")}</definedNames></workbook>`;
    expect(namesProblem(book(100, (i) => `n${i}`), 1_000_000)).toBeNull();
    expect(namesProblem(book(101, (i) => `n${i}`), 1_000_000)).toMatchObject({ code: "book.name-range", name: "n100" });
    expect(namesProblem(book(101, () => "_xlnm.Print_Area"), 1_000_000)).toBeNull();
  });

  test("a workbook.xml of tags never closed is checked in one pass", () => {
    for (const junk of ["<![CDATA[", "<!--", "<x", "<definedName>"]) {
      const xml = `<workbook><definedNames><definedName name="j">${junk.repeat(200_000)}`;
      expect(namesProblem(xml, 1_000_000)).toBeNull();
    }
  });
});

describe("data validations a whole-book reader would expand", () => {
  const validations = (sqref: string) =>
    `<dataValidations count="1"><dataValidation type="list" sqref="${sqref}"><formula1>"○,×"</formula1></dataValidation></dataValidations>`;
  const sheetWith = (sqref: string) =>
    outsideSheetData(new TextEncoder().encode(`<worksheet><sheetData><row r="1"/></sheetData>${validations(sqref)}</worksheet>`));

  test("cells counted as ExcelJS expands them", () => {
    expect(validationCells(sheetWith("E6:E200"))).toBe(195);
    expect(validationCells(sheetWith("E6:E200 G6 H1:I2"))).toBe(195 + 1 + 4);
    expect(validationCells(sheetWith("E6:E1048576"))).toBe(1_048_571);
    expect(validationCells(sheetWith("A1:XFD1048576"))).toBe(16_384 * 1_048_576);
    // Whole columns or rows written without row numbers expand to nothing in ExcelJS.
    expect(validationCells(sheetWith("E:E"))).toBe(0);
    expect(validationCells("<worksheet><sheetData/></worksheet>")).toBe(0);
    // Placed before the cell data (out of the schema's order), they count the same.
    const before = `<worksheet>${validations("E6:E200")}<sheetData><row r="1"/></sheetData></worksheet>`;
    expect(validationCells(outsideSheetData(new TextEncoder().encode(before)))).toBe(195);
  });

  test("real workbooks: a whole column is scored, a whole sheet refused at once with what to do", async () => {
    const dir = freshDir("validations");
    const withValidation = async (sqref: string) =>
      patchedBytes(await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" } }), {
        "xl/worksheets/sheet1.xml": (xml) => xml.replace("</sheetData>", () => `</sheetData>${validations(sqref)}`),
      });
    const column = put(dir, "列.xlsx", await withValidation("E6:E1048576"));
    const ok = await runWithin(30_000, "score", column, "--json");
    expect(ok.code).toBe(0);
    const sheet = put(dir, "シート全体.xlsx", await withValidation("A1:XFD1048576"));
    const before = hashes([sheet]);
    // A scored copy is written from the whole book, which ExcelJS would expand: refused.
    const copy = join(dir, "採点済み.xlsx");
    const refused = await runWithin(15_000, "score", sheet, "--out", copy);
    expect(refused.code).toBe(2);
    expectClean(refused.out, refused.err);
    expect(refused.err).toContain(sheet);
    expect(refused.err).toMatch(/データの入力規則が広すぎます.*［データ］›［データの入力規則］/);
    expect(existsSync(copy)).toBe(false);
    expect(hashes([sheet])).toEqual(before);
    // The fast reader never expands validations: the same file is scored by the batch and by a score
    // that only reads.
    const review = await runWithin(30_000, "review", sheet, "--rulebook", KAIGO, "--json", "-", "--jobs", "1");
    expect(JSON.parse(review.out).files.scored).toBe(1);
    const read = await runWithin(30_000, "score", sheet, "--json");
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out).total.points).toBe(JSON.parse(review.out).rows[0].total);
    expect(hashes([sheet])).toEqual(before);
  });
});

describe("a row numbered past Excel's last row", () => {
  test("counted with the row tags, as a parser reads r (quotes, spaces, a sign)", () => {
    const count = (rows: string) =>
      countRowsAndCells(new TextEncoder().encode(`<worksheet><sheetData>${rows}</sheetData></worksheet>`));
    expect(count('<row r="1"/><row spans="1:2" r="7"><c r="A7"/></row>').lastRow).toBe(7);
    expect(count('<x:row r = " +2000000000"/>').lastRow).toBe(2_000_000_000);
    expect(count("<row r='1048577'/>").lastRow).toBe(1_048_577);
    // Inside another attribute's value, or an attribute that only begins with r, it is not the row number.
    expect(count('<row ht="x r=\'9999999\'" r="3"/>').lastRow).toBe(3);
    expect(count('<row rx="9999999" r="4"/>').lastRow).toBe(4);
    expect(count("<row/>").lastRow).toBe(0);
  });

  test("real workbooks: refused at once by score and review, with what to do (was minutes and gigabytes)", async () => {
    const dir = freshDir("row-past-end");
    const farRow = async (row: string) =>
      patchedBytes(await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" } }), {
        "xl/worksheets/sheet1.xml": (xml) => xml.replace("</sheetData>", () => `${row}</sheetData>`),
      });
    const far = put(
      dir,
      "二十億行.xlsx",
      await farRow('<row r="2000000000"><c r="A2000000000"><v>2</v></c></row>'),
    );
    const before = hashes([far]);
    const refused = await runWithin(15_000, "score", far);
    expect(refused.code).toBe(2);
    expectClean(refused.out, refused.err);
    expect(refused.err).toContain(far);
    expect(refused.err).toMatch(/Excel の最後の行（1,048,576 行目）より後の行（2,000,000,000 行目）/);
    const review = await runWithin(15_000, "review", far, "--rulebook", KAIGO, "--json", "-", "--jobs", "1");
    expect(JSON.parse(review.out).failures).toEqual([
      expect.objectContaining({ file: far, reasonCode: "corrupt" }),
    ]);
    expect(hashes([far])).toEqual(before);
    // Excel's own last row is not past the end (such a sheet may still be refused for its used range).
    const last = put(dir, "最終行.xlsx", await farRow('<row r="1048576" ht="20" customHeight="1"/>'));
    const lastRun = await runWithin(30_000, "score", last, "--json");
    expect(lastRun.err).not.toMatch(/最後の行/);
  });
});
