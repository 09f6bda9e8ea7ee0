// Hostile inputs, part 4: review accounts for every entry of a folder. Workbooks in their macro and
// template packages are scored like .xlsx; .xls, .xlsb, .ods, .csv and .txt files are listed as
// unsupported with their reason; a dangling link, a link loop and a named pipe are listed per file;
// a workbook whose defined name ExcelJS would expand for hours is listed too; the batch always
// finishes (exit 1), and subfolders are not failures. The folder holds a pipe and
// links that loop, so the batch runs in a child process that cannot hang the suite.
import { execFileSync } from "child_process";
import { addedNames, patchedBytes } from "../fixtures/patched-xlsx";
import { mkdirSync, readFileSync, symlinkSync } from "fs";
import { basename, join } from "path";
import {
  answerBook,
  expectClean,
  expectEnglish,
  folderHashes,
  freshDir,
  KAIGO,
  legacyXls,
  odsFile,
  put,
  runBin,
  runWithin,
  type Ran,
  type Spawned,
  xlsbFile,
} from "./build";

interface Summary {
  files: { total: number; scored: number; failed: number };
  rows: { file: string; name: string }[];
  failures: { file: string; reasonCode: string; reason: { ja: string; en: string } }[];
}

let dir: string;
let inbox: string;
let before: Record<string, string>;
let beforeSub: Record<string, string>;
let r: Spawned;
let summary: Summary;
const path = (name: string) => join(inbox, name);

beforeAll(async () => {
  dir = freshDir("review-folder");
  inbox = join(dir, "提出");
  mkdirSync(inbox);
  const book = (name: string, code: string) =>
    answerBook(KAIGO, { answers: { "P_I_1_1.a": "○", "P_I_1_1.b": "○" }, name, code });
  put(inbox, "a市.xlsx", await book("a市", "011002"));
  put(inbox, "b町.xlsm", await book("b町", "012025"));
  put(inbox, "c村.xltx", await book("c村", "013030"));
  put(inbox, "d市.xltm", await book("d市", "014044"));
  put(inbox, "e町.xls", legacyXls());
  put(inbox, "f村.xlsb", xlsbFile());
  put(inbox, "g市.ods", odsFile());
  put(inbox, "h町.csv", "市町村名,回答\nh町,○\n");
  put(inbox, "i村.txt", "提出は来週になります。\n");
  symlinkSync(join(inbox, "消えたファイル.xlsx"), path("j市.xlsx"));
  symlinkSync(path("k町.xlsx"), path("l村.xlsx"));
  symlinkSync(path("l村.xlsx"), path("k町.xlsx"));
  execFileSync("mkfifo", [path("m市.xlsx")]);
  // Stray digits after a range's corner: ExcelJS reads the row as 4,120,240 and walks every row.
  const farName = '<definedName name="集計範囲">回答!A2:$a4 T!$A$1 2024!D0</definedName>';
  put(
    inbox,
    "o市.xlsx",
    await patchedBytes(await book("o市", "016060"), addedNames(farName)),
  );
  mkdirSync(path("古いもの"));
  put(path("古いもの"), "n町.xlsx", await book("n町", "015050"));
  before = folderHashes(inbox);
  beforeSub = folderHashes(path("古いもの"));
  r = await runBin(["review", inbox, "--rulebook", KAIGO, "--json", join(dir, "summary.json"), "--jobs", "1", "--quiet"], {
    timeoutMs: 45_000,
  });
  summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as Summary;
});

const failure = (name: string) => summary.failures.find((f) => f.file === path(name));
const scored = (name: string) => summary.rows.find((row) => row.file === path(name));

/** Listed in the JSON with its reason, and on stdout with its name. */
function expectListed(name: string, reasonCode: string, reason: RegExp) {
  const f = failure(name);
  expect(f).toEqual(expect.objectContaining({ reasonCode, reason: expect.objectContaining({ ja: expect.stringMatching(reason) }) }));
  expect(f!.reason.ja).toContain(name);
  expect(f!.reason.en).not.toBe("");
  const line = r.out.split("\n").find((l) => l.includes(path(name)));
  expect(line).toBeDefined();
  expect(line).toMatch(reason);
}

test("the batch finishes with exit 1, every entry accounted for, output clean", () => {
  expect({ timedOut: r.timedOut, signal: r.signal, code: r.code }).toEqual({ timedOut: false, signal: null, code: 1 });
  expectClean(r.out, r.err);
  // 4 workbooks scored; 10 entries refused (5 formats, a dangling link, two looping links, a pipe, a name).
  expect(summary.files).toEqual({ total: 14, scored: 4, failed: 10 });
  expect(r.out).toMatch(/失敗 +10 件/);
});

test("an .xlsm is scored like an .xlsx", () => {
  expect(scored("b町.xlsm")).toEqual(expect.objectContaining({ name: "b町" }));
});

test("an .xltx is scored like an .xlsx", () => {
  expect(scored("c村.xltx")).toEqual(expect.objectContaining({ name: "c村" }));
});

test("an .xltm is scored like an .xlsx", () => {
  expect(scored("d市.xltm")).toEqual(expect.objectContaining({ name: "d市" }));
});

test("an .xls is listed as unsupported: the old format, save as .xlsx", () => {
  expectListed("e町.xls", "unsupported", /古い形式（\.xls）/);
});

test("an .xlsb is listed as unsupported: the binary format", () => {
  expectListed("f村.xlsb", "unsupported", /バイナリ形式（\.xlsb）/);
});

test("an .ods is listed as unsupported: OpenDocument", () => {
  expectListed("g市.ods", "unsupported", /OpenDocument/);
});

test("a .csv is listed as unsupported: a CSV, not a workbook", () => {
  expectListed("h町.csv", "unsupported", /CSV/);
});

test("a .txt is listed as unsupported: a text file", () => {
  expectListed("i村.txt", "unsupported", /文字だけのファイル/);
});

test("a dangling symbolic link is listed: its target does not exist", () => {
  expectListed("j市.xlsx", "link", /リンク先のファイルがありません/);
});

test("a link loop is listed, each link of it", () => {
  expectListed("k町.xlsx", "link", /循環/);
  expectListed("l村.xlsx", "link", /循環/);
});

test("a named pipe is listed as not a saved file (and nothing blocks on it)", () => {
  expectListed("m市.xlsx", "unreadable", /保存されたファイルではありません/);
});

test("a defined name that would take hours to expand is listed with the name to fix", () => {
  expectListed("o市.xlsx", "defined-name", /名前定義「集計範囲」の範囲（回答!A2:\$a4 T!\$A\$1 2024!D0）/);
});

test("a subfolder is not a failure, and the user is told it was not searched", () => {
  expect(summary.failures.map((f) => basename(f.file))).not.toContain("古いもの");
  expect(summary.rows.map((row) => row.name)).not.toContain("n町");
  expect(r.err).toMatch(/サブフォルダ 1 個/);
});

test("nothing in the folder changed", () => {
  expect(folderHashes(inbox)).toEqual(before);
  expect(folderHashes(path("古いもの"))).toEqual(beforeSub);
});

test("--lang en lists the same failures in English", async () => {
  const en: Ran = await runWithin(45_000, "review", inbox, "--rulebook", KAIGO, "--jobs", "1", "--quiet", "--lang", "en");
  expect(en.code).toBe(1);
  expectClean(en.out, en.err);
  expect(en.out).toMatch(/failed +10/);
  const names = summary.failures.map((f) => f.file);
  for (const f of names) expect(en.out).toContain(f);
  // The table and every reason in English: Japanese only in the file names (and the folder's).
  // The defined name is quoted as the file spells it.
  expectEnglish(en.out + en.err, ...names, ...summary.rows.map((row) => row.file), inbox, "集計範囲", "回答!");
  expect(folderHashes(inbox)).toEqual(before);
});
