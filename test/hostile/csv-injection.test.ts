// Hostile inputs, part 6: CSV formula injection. A 市町村名 that a spreadsheet would run as a formula
// (=, +, -, @, a leading tab or carriage return: OWASP's list; in a file name also the full-width
// ＝ ＋ － ＠, which names keep) is neutralised in the review CSV with a
// leading apostrophe, and stored as text in the summary workbook.
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { answerBook, csvRows, expectClean, folderHashes, freshDir, KAIGO, put, run, runBin, type Ran } from "./build";

const NAMES: [string, string][] = [
  ["a formula with a link", '=HYPERLINK("http://x","y")'],
  ["a leading plus", "+1"],
  ["a leading minus", "-1+2"],
  ["a leading at-sign", "@SUM(A1)"],
  ["a leading tab", "\t=1+1"],
  ["a leading carriage return", "\r=1+1"],
  // Full-width forms, as a Japanese input method types them (some spreadsheets read them as the ASCII ones).
  ["a full-width equals sign", "＝HYPERLINK(\"http://x\",\"y\")"],
  ["a full-width plus", "＋1"],
  ["a full-width minus", "－1＋2"],
  ["a full-width at-sign", "＠SUM(A1)"],
];

let dir: string;
let inbox: string;
let before: Record<string, string>;
let r: Ran;
let csv: string[][];
let list: ExcelJS.Worksheet;

beforeAll(async () => {
  dir = freshDir("csv-injection");
  inbox = join(dir, "提出");
  mkdirSync(inbox);
  for (const [i, [, name]] of NAMES.entries())
    put(inbox, `${i}.xlsx`, await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" }, name, code: `0${i + 1}1002` }));
  before = folderHashes(inbox);
  r = await run("review", inbox, "--rulebook", KAIGO, "--csv", join(dir, "summary.csv"), "--out", join(dir, "summary.xlsx"), "--jobs", "1", "--quiet");
  csv = csvRows(readFileSync(join(dir, "summary.csv"), "utf8"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "summary.xlsx"));
  list = wb.getWorksheet("一覧")!;
});

describe.each(NAMES)("a 市町村名 with %s", (_label, name) => {
  test("starts with an apostrophe in the review CSV, and is stored as text in the summary workbook", () => {
    expect(r.code).toBe(0);
    expectClean(r.out, r.err);
    const nameCol = csv[0].indexOf("市町村名");
    expect(nameCol).toBeGreaterThanOrEqual(0);
    // Names are stored trimmed (a leading tab or line break is white space around a name) and in
    // their NFKC form (＝ is =): what remains must still be neutralised.
    const shown = [name, name.trim(), name.normalize("NFKC")];
    const field = csv
      .slice(1)
      .map((row) => row[nameCol])
      .find((f) => shown.some((n) => f === n || f === `'${n}`));
    expect(shown.map((n) => `'${n}`)).toContain(field);
    // The summary workbook: the same text as a string cell, never a formula.
    const header = list.getRow(1).values as unknown[];
    const col = header.indexOf("市町村名");
    const cells: ExcelJS.Cell[] = [];
    list.eachRow((row, n) => {
      if (n > 1) cells.push(row.getCell(col));
    });
    const cell = cells.find((c) => shown.some((n) => c.text === n || c.text === `'${n}`));
    expect(cell).toBeDefined();
    expect(cell!.type).toBe(ExcelJS.ValueType.String);
    expect(cell!.formula).toBeUndefined();
    expect(shown).toContain(cell!.value);
    expect(folderHashes(inbox)).toEqual(before);
  });
});

describe("file names given as arguments", () => {
  // Named one by one from inside the folder, the files' names are the ファイル column as given.
  // File names are kept as written: a full-width ＝ ＋ － ＠ stays full-width, and is neutralised too.
  const FILES = [
    '=HYPERLINK("evil","y").xlsx',
    "+1.xlsx",
    "@SUM(A1).xlsx",
    "\t=1+1.xlsx",
    "\r=2+2.xlsx",
    "＝1+1.xlsx",
    "＋1.xlsx",
    "－1.xlsx",
    "＠SUM(A1).xlsx",
  ];

  test("a file name that a spreadsheet would run is neutralised in the CSV's ファイル column", async () => {
    const top = freshDir("csv-file-names");
    const folder = join(top, "提出");
    mkdirSync(folder);
    for (const [i, f] of FILES.entries())
      put(folder, f, await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" }, name: `町${i}`, code: `0${i + 1}2002` }));
    const beforeFiles = folderHashes(folder);
    const out = join(top, "summary.csv");
    const ran = await runBin(["review", ...FILES, "--rulebook", KAIGO, "--csv", out, "--jobs", "1", "--quiet"], { cwd: folder });
    expect(ran.code).toBe(0);
    expectClean(ran.out, ran.err);
    const rows = csvRows(readFileSync(out, "utf8"));
    const fileCol = rows[0].indexOf("ファイル");
    const fields = rows.slice(1).map((row) => row[fileCol]);
    expect(fields).toHaveLength(FILES.length);
    for (const f of FILES) expect(fields).toContain(`'${f}`);
    expect(folderHashes(folder)).toEqual(beforeFiles);
  });
});
