// saiten review: which files a folder yields, and the checks made before any workbook is loaded.
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { deflateRawSync } from "zlib";
import { UsageError } from "../src/cli/load";
import { expandInputs, folderWorkbooks } from "../src/review/inputs";
import { DEFAULT_LIMITS, precheck } from "../src/app/review/refusals";
import { countRowsAndCells } from "../src/files/inspect-workbook";
import { compoundFile } from "./fixtures/review-books";
import { createProgress } from "../src/review/progress";
import { tempDir } from "./fixtures/temp-dir";

const dir = tempDir("saiten-review-inputs-");

async function xlsx(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("回答");
  for (let r = 1; r <= rows; r++) ws.getCell(r, 1).value = r;
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("expandInputs", () => {
  const folder = join(dir, "folder");
  beforeAll(() => {
    mkdirSync(join(folder, "sub"), { recursive: true });
    for (const f of [
      "b.xlsx",
      "a.xlsx",
      "C.XLSX",
      "~$a.xlsx",
      ".hidden.xlsx",
      "old.xls",
      "notes.txt",
      "sub/d.xlsx",
    ])
      writeFileSync(join(folder, f), "x");
  });

  it("lists a folder's workbooks, sorted, not recursive, without lock and hidden files; every other entry with its reason", async () => {
    expect((await folderWorkbooks(folder)).map((f) => f.slice(folder.length + 1))).toEqual([
      "C.XLSX",
      "a.xlsx",
      "b.xlsx",
    ]);
    const found = await expandInputs([folder]);
    expect(found.files).toEqual(["C.XLSX", "a.xlsx", "b.xlsx"].map((f) => join(folder, f)));
    expect(found.refused.map((r) => [r.file.slice(folder.length + 1), r.reasonCode])).toEqual([
      ["notes.txt", "unsupported"],
      ["old.xls", "unsupported"],
    ]);
    expect(found.refused[1].reason?.ja).toMatch(/古い形式（\.xls）/);
    expect(found.subfolders).toBe(1);
  });

  it("keeps explicit files as given, in order, once each", async () => {
    const b = join(folder, "b.xlsx");
    const txt = join(folder, "notes.txt");
    expect((await expandInputs([b, txt, b])).files).toEqual([b, txt]);
  });

  it("rejects missing paths and folders with nothing to read", async () => {
    await expect(expandInputs([join(dir, "nope")])).rejects.toThrow(UsageError);
    const empty = join(dir, "empty");
    mkdirSync(empty);
    writeFileSync(join(empty, "~$lock.xlsx"), "x");
    await expect(expandInputs([empty])).rejects.toThrow(/読むファイルがありません/);
    await expect(expandInputs([])).rejects.toThrow(UsageError);
  });
});

describe("precheck (limits and bad files)", () => {
  it("passes a normal workbook", async () => {
    expect(precheck(await xlsx(30), "ok.xlsx")).toBeNull();
  });

  it("rejects an empty file", () => {
    expect(precheck(new Uint8Array(0), "e.xlsx")).toMatchObject({ status: "failed", reasonCode: "empty" });
  });

  it("tells a password-protected .xlsx from a legacy .xls by the compound file's streams", () => {
    const rec = precheck(compoundFile(), "p.xlsx");
    expect(rec).toMatchObject({ status: "failed", reasonCode: "encrypted" });
    expect(rec?.reason?.ja).toMatch(/パスワード/);
    expect(rec?.reason?.en).toMatch(/password/);
    const xls = precheck(compoundFile("Workbook"), "o.xlsx");
    expect(xls).toMatchObject({ status: "failed", reasonCode: "not-xlsx" });
    expect(xls?.reason?.en).toMatch(/\.xls\b/);
  });

  it("rejects text that is not a zip", () => {
    expect(precheck(Buffer.from("市町村名,得点\n長野市,500\n"), "t.xlsx")).toMatchObject({
      reasonCode: "not-xlsx",
    });
  });

  it("rejects a damaged zip", async () => {
    const good = await xlsx(5);
    expect(precheck(good.subarray(0, Math.floor(good.length / 2)), "half.xlsx")).toMatchObject({
      reasonCode: "corrupt",
    });
    const flipped = Buffer.from(good);
    // Damage the deflate stream of the first entry (past its local header).
    for (let i = 60; i < 90; i++) flipped[i] ^= 0xff;
    expect(precheck(flipped, "flip.xlsx")).toMatchObject({ reasonCode: "corrupt" });
  });

  it("rejects a file over the size limit, naming the limit and the option", async () => {
    const data = await xlsx(5);
    // The limits as the command line sets them (withOptions): the message names the option.
    const rec = precheck(data, "big.xlsx", { ...DEFAULT_LIMITS, maxFileBytes: 1000, fromCommandLine: true });
    expect(rec).toMatchObject({ reasonCode: "too-large" });
    expect(rec?.reason?.ja).toMatch(/--max-file-mb/);
    expect(rec?.reason?.en).toMatch(/limit/);
  });

  it("in the pane, where no option raises a limit, the same refusal names none", async () => {
    const data = await xlsx(5);
    const rec = precheck(data, "big.xlsx", { ...DEFAULT_LIMITS, maxFileBytes: 1000 });
    expect(rec).toMatchObject({ reasonCode: "too-large" });
    expect(rec?.reason?.ja).toContain("big.xlsx が大きすぎます");
    expect(`${rec?.reason?.ja} ${rec?.reason?.en}`).not.toMatch(/--/);
  });

  it("rejects a file whose unpacked size is over the limit", async () => {
    const data = await xlsx(2000);
    // On the command line the message names the option that raises the limit; in the pane, which has none, it does not.
    const cli = precheck(data, "bomb.xlsx", {
      ...DEFAULT_LIMITS,
      maxUncompressedBytes: 20_000,
      fromCommandLine: true,
    });
    expect(cli).toMatchObject({ reasonCode: "too-large" });
    expect(cli?.reason?.ja).toMatch(/--max-uncompressed-mb/);
    const pane = precheck(data, "bomb.xlsx", { ...DEFAULT_LIMITS, maxUncompressedBytes: 20_000 });
    expect(pane).toMatchObject({ reasonCode: "too-large" });
    expect(pane?.reason?.ja).toMatch(/上限の 0 MB を超えます.*正しいファイルか確認してください。$/);
    expect(`${pane?.reason?.ja} ${pane?.reason?.en}`).not.toMatch(/--max/);
  });

  it("rejects a sheet with too many rows", async () => {
    const data = await xlsx(120);
    expect(precheck(data, "rows.xlsx", { ...DEFAULT_LIMITS, maxRows: 100 })).toMatchObject({
      reasonCode: "too-many-rows",
    });
    expect(precheck(data, "rows.xlsx", { ...DEFAULT_LIMITS, maxRows: 120 })).toBeNull();
  });

  it("counts rows with and without a namespace prefix", () => {
    const xml = Buffer.from(
      '<sheetData><row r="1"><c/></row><x:row r="2"/><rowBreaks/><row>\n</row></sheetData>',
    );
    expect(countRowsAndCells(xml)).toEqual({ rows: 3, cells: 1, lastRow: 2 });
    expect(deflateRawSync(xml).length).toBeGreaterThan(0);
  });
});

describe("progress", () => {
  it("writes plain lines when not on a terminal, nothing when quiet", () => {
    const lines: string[] = [];
    const p = createProgress({ total: 2, tty: false, barLabel: "Scoring", write: (s) => lines.push(s) });
    p.tick(1, 2, "/x/a.xlsx");
    p.tick(2, 2, "/x/b.xlsx");
    p.stop();
    expect(lines).toEqual(["1/2 a.xlsx\n", "2/2 b.xlsx\n"]);
    const q = createProgress({ total: 1, quiet: true, barLabel: "Scoring", write: (s) => lines.push(s) });
    q.tick(1, 1, "c.xlsx");
    expect(lines).toHaveLength(2);
  });

  it("on a terminal, draws a bar headed by the word it is given (the user's language)", () => {
    const drawn: string[] = [];
    // A terminal as the bar's library uses one.
    const stream = {
      isTTY: true,
      columns: 120,
      write: (s: string) => drawn.push(s) > 0,
      cursorTo: () => true,
      clearLine: () => true,
      clearScreenDown: () => true,
      moveCursor: () => true,
      on: () => stream,
      removeListener: () => stream,
    } as unknown as NodeJS.WriteStream;
    const p = createProgress({ total: 2, tty: true, barLabel: "Scoring", stream });
    p.tick(1, 2, "/x/a.xlsx");
    p.stop();
    expect(drawn.join("")).toMatch(/Scoring \[/);
    expect(drawn.join("")).not.toMatch(/採点/);
  });
});
