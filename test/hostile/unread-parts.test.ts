// Hostile parts that the fast reader never reads, or reads only when asked (a sheet's relationships,
// for a link). The review checks a package in proportion to what it reads: every part's directory
// entry (count, declared sizes, names, encryption) before anything, and a part's bytes only when a
// reader inflates it. So a bomb whose headers lie, or a sheet over the row limit, in a sheet nobody
// reads is never inflated: the file is scored, at bounded memory and time.
// Declared sizes still refuse a bomb wherever it sits; a file that goes to ExcelJS (which reads
// every part) has every part checked first — for a sheet left to ExcelJS alone, every part of the copy
// it is given, which leaves the other sheets' cells out; other commands check every part as before.
import { existsSync, mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { Unsupported, XlsxReader } from "../../src/adapters/xlsx";
import { withCellFormula } from "../fixtures/patched-xlsx";
import {
  answerBook,
  expectClean,
  folderHashes,
  freshDir,
  GIB,
  KAIGO,
  put,
  runBin,
  runWithin,
  zerosDeflated,
  unzipParts,
  zip,
  type ZipPart,
} from "./build";

interface Summary {
  files: { scored: number; failed: number };
  rows: { total: number }[];
  failures: { file: string; reasonCode: string }[];
}

/**
 * An answer workbook with a second sheet 別表 (rows of numbers), and the name of that sheet's part.
 * `answerSheetToExcelJs`: the answer sheet has a linked note in a merged area whose formula's result is
 * 0, which the fast reader leaves to ExcelJS.
 */
async function bookWithExtraSheet(
  rows = 100,
  answerSheetToExcelJs = false,
): Promise<{ parts: ZipPart[]; extra: string }> {
  const data = await answerBook(KAIGO, {
    answers: { "P_I_1_1.a": "○" },
    name: "別表町",
    code: "011002",
    edit: (answers, _rows, book) => {
      if (answerSheetToExcelJs) {
        answers.mergeCells("L2:M2");
        answers.getCell("L2").value = { text: "評価指標", hyperlink: "https://www.mhlw.go.jp/" };
      }
      const ws = book.addWorksheet("別表");
      for (let r = 1; r <= rows; r++) ws.getCell(r, 1).value = r;
    },
  });
  const parts = unzipParts(data);
  const text = (name: string) =>
    Buffer.from(parts.find((p) => p.name === name)!.data as Uint8Array).toString("utf8");
  if (answerSheetToExcelJs) {
    const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
    const xml = text(sheet.name);
    sheet.data = Buffer.from(withCellFormula(xml, "L2", "COUNTA(別表!A1:A9)*0", 0), "utf8");
  }
  const rid = /<sheet [^>]*name="別表"[^>]*r:id="([^"]+)"/.exec(text("xl/workbook.xml"))![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"))![1];
  return { parts, extra: `xl/${target.replace(/^\/?(xl\/)?/, "")}` };
}

/** The parts with the named one replaced by 1 GiB of deflated zeros whose headers say `declared` bytes. */
function withBomb(parts: ZipPart[], name: string, declared?: number): Uint8Array {
  return zip(
    parts.map((p) =>
      p.name === name
        ? { name, deflated: { bytes: zerosDeflated(GIB), size: GIB }, declaredSize: declared }
        : p,
    ),
  );
}

async function review(inbox: string, dir: string, ...extra: string[]): Promise<Summary> {
  const json = join(dir, "summary.json");
  const r = await runWithin(
    60_000,
    "review",
    inbox,
    "--rulebook",
    KAIGO,
    "--json",
    json,
    "--jobs",
    "1",
    "--quiet",
    ...extra,
  );
  expectClean(r.out, r.err);
  return JSON.parse(readFileSync(json, "utf8")) as Summary;
}

/** `saiten score <file> --json`, which must finish cleanly: its result. */
async function scoredAsJson(file: string): Promise<{ total: { points: number } }> {
  const s = await runBin(["score", file, "--json"], { timeoutMs: 60_000 });
  expect({ timedOut: s.timedOut, signal: s.signal, code: s.code }).toEqual({
    timedOut: false,
    signal: null,
    code: 0,
  });
  expectClean(s.out, s.err);
  return JSON.parse(s.out) as { total: { points: number } };
}

describe("a part the fast reader reads only when asked: a sheet's relationships, for a link", () => {
  test("a bomb whose headers lie, as the relationships of a sheet with a link: refused as it is inflated", async () => {
    const dir = freshDir("rels-liar");
    const inbox = join(dir, "提出");
    mkdirSync(inbox);
    const data = await answerBook(KAIGO, {
      answers: { "P_I_1_1.a": "○" },
      edit: (ws) =>
        void (ws.getCell("L8").value = { text: "計画書", hyperlink: "https://example.lg.jp/plan.pdf" }),
    });
    const parts = unzipParts(data);
    const rels = "xl/worksheets/_rels/sheet1.xml.rels";
    expect(parts.map((p) => p.name)).toContain(rels);
    // The same book, honest, is scored by the fast reader, link and all.
    put(inbox, "a市.xlsx", zip(parts));
    const bomb = put(inbox, "b町.xlsx", withBomb(parts, rels, 2048));
    const before = folderHashes(inbox);
    const summary = await review(inbox, dir);
    expect(summary.files).toMatchObject({ scored: 1, failed: 1 });
    expect(summary.failures).toEqual([expect.objectContaining({ file: bomb, reasonCode: "corrupt" })]);
    expect(folderHashes(inbox)).toEqual(before);
  });
});

describe("parts the fast reader never reads", () => {
  test("a bomb whose headers lie, in a sheet no one reads: never inflated — scored, in a 256 MB heap, in seconds", async () => {
    const dir = freshDir("unread-liar");
    const inbox = join(dir, "提出");
    mkdirSync(inbox);
    const { parts, extra } = await bookWithExtraSheet();
    const file = put(inbox, "a市.xlsx", withBomb(parts, extra, 2048));
    const before = folderHashes(inbox);
    const json = join(dir, "summary.json");
    const r = await runBin(["review", inbox, "--rulebook", KAIGO, "--json", json, "--jobs", "1", "--quiet"], {
      timeoutMs: 60_000,
    });
    expect({ timedOut: r.timedOut, signal: r.signal, code: r.code }).toEqual({
      timedOut: false,
      signal: null,
      code: 0,
    });
    expectClean(r.out, r.err);
    const summary = JSON.parse(readFileSync(json, "utf8")) as Summary;
    expect(summary.files).toMatchObject({ scored: 1, failed: 0 });
    expect(folderHashes(inbox)).toEqual(before);

    // `score` reads it as the review does: scored, the lying part never inflated.
    expect((await scoredAsJson(file)).total.points).toBe(summary.rows[0].total);
    // A scored copy is written from the whole book: every part is checked first, and the lying one refused.
    const copy = join(dir, "copy.xlsx");
    const w = await runBin(["score", file, "--out", copy], { timeoutMs: 60_000 });
    expect({ timedOut: w.timedOut, signal: w.signal, code: w.code }).toEqual({
      timedOut: false,
      signal: null,
      code: 2,
    });
    expectClean(w.out, w.err);
    expect(w.err).toMatch(/a市\.xlsx/);
    expect(existsSync(copy)).toBe(false);
    expect(folderHashes(inbox)).toEqual(before);
  });

  test("a bomb whose headers lie, in a sheet no one reads, beside an answer sheet left to ExcelJS: never inflated", async () => {
    const dir = freshDir("unread-liar-one-sheet");
    const inbox = join(dir, "提出");
    mkdirSync(inbox);
    const { parts, extra } = await bookWithExtraSheet(100, true);
    await expect((await XlsxReader.fromBuffer(zip(parts))).read({ used: ["回答"] })).rejects.toBeInstanceOf(
      Unsupported,
    );
    // ExcelJS reads the answer sheet from a copy of the package without the other sheets' cells: the
    // lying part is neither inflated nor given to it (before, the whole book went to ExcelJS, every part
    // checked first, and the file was refused as damaged).
    const file = put(inbox, "a市.xlsx", withBomb(parts, extra, 2048));
    put(inbox, "b市.xlsx", zip(parts));
    const before = folderHashes(inbox);
    const summary = await review(inbox, dir);
    expect(summary.files).toMatchObject({ scored: 2, failed: 0 });
    expect(summary.rows[0].total).toBe(summary.rows[1].total);
    expect((await scoredAsJson(file)).total.points).toBe(summary.rows[0].total);
    expect(folderHashes(inbox)).toEqual(before);
  });

  test("a bomb with honest headers in a sheet no one reads is still refused, from the declared sizes", async () => {
    const dir = freshDir("unread-honest-bomb");
    const inbox = join(dir, "提出");
    mkdirSync(inbox);
    const { parts, extra } = await bookWithExtraSheet();
    const file = put(inbox, "b町.xlsx", withBomb(parts, extra));
    const summary = await review(inbox, dir);
    expect(summary.failures).toEqual([expect.objectContaining({ file, reasonCode: "too-large" })]);
  });

  test("a sheet over the row limit: harmless while unread; refused before a file goes to ExcelJS", async () => {
    const dir = freshDir("unread-rows");
    const inbox = join(dir, "提出");
    mkdirSync(inbox);
    const { parts } = await bookWithExtraSheet(300);
    const answerSheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
    const answerRows = (
      Buffer.from(answerSheet.data as Uint8Array)
        .toString("utf8")
        .match(/<row /g) ?? []
    ).length;
    // A limit the answer sheet keeps and 別表 exceeds.
    const maxRows = String(answerRows + 10);
    expect(Number(maxRows)).toBeLessThan(300);
    put(inbox, "c村.xlsx", zip(parts));
    // A sheet part no sheet lists makes the fast reader hand the file to ExcelJS, which reads all.
    const fallback = put(
      inbox,
      "d市.xlsx",
      zip([...parts, { name: "xl/worksheets/sheet90.xml", data: "<worksheet/>" }]),
    );
    const summary = await review(inbox, dir, "--max-rows", maxRows);
    expect(summary.files).toMatchObject({ scored: 1, failed: 1 });
    expect(summary.failures).toEqual([
      expect.objectContaining({ file: fallback, reasonCode: "too-many-rows" }),
    ]);
  });
});
