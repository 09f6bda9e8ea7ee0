// Hostile inputs, part 1: no output may land on an input (symbolic and hard links count), an existing
// file is replaced only with --force, and a refused or replaced output leaves no temporary file.
import ExcelJS from "exceljs";
import { linkSync, mkdirSync, readFileSync, symlinkSync } from "fs";
import { basename, join } from "path";
import { demoEntities, generateTally, tallyBuffer } from "../../dev/tally-generator/generate";
import {
  answerBook,
  expectClean,
  expectEnglish,
  folderHashes,
  freshDir,
  hashes,
  KAIGO,
  leftovers,
  put,
  rulebook,
  run,
  sha,
} from "./build";

let filled: Uint8Array;

beforeAll(async () => {
  filled = await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" }, name: "見本市", code: "011002" });
});

/** An answer workbook in a fresh folder. */
function setup(label: string, name = "回答.xlsx") {
  const dir = freshDir(label);
  return { dir, input: put(dir, name, filled) };
}

/** The refusal every output case expects: exit 2, a clean last line naming the output and its kind. */
function expectRefused(r: { code: number; out: string; err: string }, out: string, phrase: RegExp) {
  expect(r.code).toBe(2);
  expectClean(r.out, r.err);
  const last = r.err.trim().split("\n").pop()!;
  expect(last).toMatch(/^saiten: /);
  expect(last).toContain(basename(out));
  expect(last).toMatch(phrase);
}

const IS_INPUT = /入力ファイル.*同じファイル/;

describe("score", () => {
  test("--out a symbolic link to the input is refused, even with --force", async () => {
    const { dir, input } = setup("out-symlink");
    const link = join(dir, "結果.xlsx");
    symlinkSync(input, link);
    const before = hashes([input, link]);
    const r = await run("score", input, "--out", link, "--force");
    expectRefused(r, link, IS_INPUT);
    expect(hashes([input, link])).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  test("--out a symbolic link to the input, in English", async () => {
    const { dir, input } = setup("out-symlink-en");
    const link = join(dir, "結果.xlsx");
    symlinkSync(input, link);
    const before = hashes([input, link]);
    const r = await run("score", input, "--out", link, "--force", "--lang", "en");
    expectRefused(r, link, /is the same file as the input/);
    expectEnglish(r.err, link, input);
    expect(hashes([input, link])).toEqual(before);
  });

  test("an existing --out without --force, in English", async () => {
    const { dir, input } = setup("exists-en");
    const existing = put(dir, "採点済.xlsx", "what was there before");
    const before = hashes([input, existing]);
    const r = await run("score", input, "--out", existing, "--lang", "en");
    expectRefused(r, existing, /already exists.*--force/);
    expectEnglish(r.err, existing);
    expect(hashes([input, existing])).toEqual(before);
  });

  test("--out a hard link to the input is refused, even with --force", async () => {
    const { dir, input } = setup("out-hardlink");
    const link = join(dir, "結果.xlsx");
    linkSync(input, link);
    const before = hashes([input, link]);
    const r = await run("score", input, "--out", link, "--force");
    expectRefused(r, link, IS_INPUT);
    expect(hashes([input, link])).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  test("an input that is a symbolic link to the output is refused, even with --force", async () => {
    const { dir, input } = setup("in-symlink");
    const link = join(dir, "link.xlsx");
    symlinkSync(input, link);
    const before = hashes([input, link]);
    const r = await run("score", link, "--out", input, "--force");
    expectRefused(r, input, IS_INPUT);
    expect(hashes([input, link])).toEqual(before);
  });

  test("--out a file given as --previous is refused, even with --force", async () => {
    const { dir, input } = setup("out-previous");
    const previous = put(dir, "前年度.xlsx", filled);
    const before = hashes([input, previous]);
    const r = await run("score", input, "--previous", previous, "--out", previous, "--force");
    expectRefused(r, previous, IS_INPUT);
    expect(hashes([input, previous])).toEqual(before);
  });

  test("an existing --out without --force is refused and left as it was", async () => {
    const { dir, input } = setup("exists");
    const existing = put(dir, "採点済.xlsx", "what was there before");
    const before = hashes([input, existing]);
    const r = await run("score", input, "--out", existing);
    expectRefused(r, existing, /既にあります.*--force/);
    expect(hashes([input, existing])).toEqual(before);
  });

  test("an existing --out with --force is replaced by a scored copy; the input is unchanged; no temp file is left", async () => {
    const { dir, input } = setup("force");
    const existing = put(dir, "採点済.xlsx", "what was there before");
    const before = sha(input);
    const r = await run("score", input, "--out", existing, "--force");
    expect(r.code).toBe(0);
    expectClean(r.out, r.err);
    expect(sha(input)).toBe(before);
    expect(readFileSync(existing).subarray(0, 2).toString("latin1")).toBe("PK");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(existing);
    expect(wb.getWorksheet("回答")).toBeDefined();
    expect(leftovers(dir)).toEqual([]);
  });

  test("--out naming a folder is refused", async () => {
    const { dir, input } = setup("out-folder");
    const folder = join(dir, "出力先");
    mkdirSync(folder);
    const before = sha(input);
    const r = await run("score", input, "--out", folder, "--force");
    expectRefused(r, folder, /フォルダです/);
    expect(sha(input)).toBe(before);
  });

  test("--out in a folder that does not exist is refused, naming the folder", async () => {
    const { dir, input } = setup("out-nofolder");
    const target = join(dir, "ない", "採点済.xlsx");
    const before = sha(input);
    const r = await run("score", input, "--out", target);
    expectRefused(r, target, /フォルダ.*ない.*ありません/);
    expect(sha(input)).toBe(before);
  });
});

describe("template", () => {
  test("--out an existing file without --force is refused and left as it was", async () => {
    const dir = freshDir("template-exists");
    const existing = put(dir, "様式.xlsx", "a clerk's own notes");
    const before = sha(existing);
    const r = await run("template", "--rulebook", KAIGO, "--out", existing);
    expectRefused(r, existing, /既にあります.*--force/);
    expect(sha(existing)).toBe(before);
  });

  test("--out an existing file with --force is replaced by the template; no temp file is left", async () => {
    const dir = freshDir("template-force");
    const existing = put(dir, "様式.xlsx", "a clerk's own notes");
    const r = await run("template", "--rulebook", KAIGO, "--out", existing, "--force");
    expect(r.code).toBe(0);
    expectClean(r.out, r.err);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(existing);
    expect(wb.getWorksheet("回答")).toBeDefined();
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("rulebook import and export", () => {
  let table: Uint8Array;
  beforeAll(async () => {
    const dir = freshDir("export");
    const file = join(dir, "配点表.xlsx");
    const r = await run("rulebook", "export", KAIGO, "--out", file);
    expect(r.code).toBe(0);
    table = readFileSync(file);
  });

  test("rulebook import 配点表.xlsx --out 配点表.xlsx is refused (the workbook is not replaced by JSON)", async () => {
    const dir = freshDir("import-self");
    const file = put(dir, "配点表.xlsx", table);
    const before = sha(file);
    const r = await run("rulebook", "import", file, "--out", file, "--force");
    expectRefused(r, file, IS_INPUT);
    expect(sha(file)).toBe(before);
    expect(leftovers(dir)).toEqual([]);
  });

  test("rulebook import --out a hard link to the 配点表 is refused", async () => {
    const dir = freshDir("import-hardlink");
    const file = put(dir, "配点表.xlsx", table);
    const link = join(dir, "rulebook.json");
    linkSync(file, link);
    const before = sha(file);
    const r = await run("rulebook", "import", file, "--out", link, "--force");
    expectRefused(r, link, IS_INPUT);
    expect(sha(file)).toBe(before);
  });

  test("rulebook import over an existing file without --force is refused", async () => {
    const dir = freshDir("import-exists");
    const file = put(dir, "配点表.xlsx", table);
    const existing = put(dir, "rulebook.json", '{"mine": true}\n');
    const before = hashes([file, existing]);
    const r = await run("rulebook", "import", file, "--out", existing);
    expectRefused(r, existing, /既にあります.*--force/);
    expect(hashes([file, existing])).toEqual(before);
  });

  test("rulebook export over an existing file without --force is refused", async () => {
    const dir = freshDir("export-exists");
    const existing = put(dir, "配点表.xlsx", table);
    const before = sha(existing);
    const r = await run("rulebook", "export", rulebook(KAIGO).id, "--out", existing);
    expectRefused(r, existing, /既にあります.*--force/);
    expect(sha(existing)).toBe(before);
  });
});

describe("review", () => {
  /** A folder of two submitted workbooks and a folder for outputs beside it. */
  function submissions(label: string) {
    const dir = freshDir(label);
    const inbox = join(dir, "提出");
    mkdirSync(inbox);
    const a = put(inbox, "a市.xlsx", filled);
    put(inbox, "b町.xlsx", filled);
    return { dir, inbox, a };
  }
  const args = (inbox: string) => ["review", inbox, "--rulebook", KAIGO, "--jobs", "1", "--quiet"];

  test("--csv a symbolic link to a submitted workbook is refused, even with --force", async () => {
    const { dir, inbox, a } = submissions("review-csv-link");
    const link = join(dir, "summary.csv");
    symlinkSync(a, link);
    const before = folderHashes(inbox);
    const r = await run(...args(inbox), "--csv", link, "--force");
    expectRefused(r, link, IS_INPUT);
    expect(folderHashes(inbox)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  test("--csv a hard link to a submitted workbook is refused, even with --force", async () => {
    const { dir, inbox, a } = submissions("review-csv-hardlink");
    const link = join(dir, "summary.csv");
    linkSync(a, link);
    const before = folderHashes(inbox);
    const r = await run(...args(inbox), "--csv", link, "--force");
    expectRefused(r, link, IS_INPUT);
    expect(folderHashes(inbox)).toEqual(before);
  });

  test("--json naming a submitted workbook is refused, even with --force", async () => {
    const { inbox, a } = submissions("review-json-input");
    const before = folderHashes(inbox);
    const r = await run(...args(inbox), "--json", a, "--force");
    expectRefused(r, a, IS_INPUT);
    expect(folderHashes(inbox)).toEqual(before);
  });

  test("--out naming a submitted workbook is refused, even with --force", async () => {
    const { inbox, a } = submissions("review-out-input");
    const before = folderHashes(inbox);
    const r = await run(...args(inbox), "--out", a, "--force");
    expectRefused(r, a, IS_INPUT);
    expect(folderHashes(inbox)).toEqual(before);
  });

  test("--json and --csv naming the same file are refused", async () => {
    const { dir, inbox } = submissions("review-twice");
    const target = join(dir, "集計");
    const before = folderHashes(inbox);
    const r = await run(...args(inbox), "--json", target, "--csv", target);
    expectRefused(r, target, /2回/);
    expect(folderHashes(inbox)).toEqual(before);
    expect(hashes([target])).toEqual({ [target]: "(missing)" });
  });
});

describe("tally import", () => {
  test("--out naming its own input is refused, even with --force", async () => {
    const dir = freshDir("tally-self");
    const fy2025 = rulebook("kaigo-municipal-fy2025");
    const bytes = await tallyBuffer(
      generateTally({ rulebook: fy2025, fiscalYear: 2025, municipalities: demoEntities(fy2025, 4, 3), extraFormattedColumns: 5 }),
    );
    const file = put(dir, "全国集計.xlsx", bytes);
    const before = sha(file);
    const r = await run("tally", "import", file, "--out", file, "--force");
    expectRefused(r, file, IS_INPUT);
    expect(sha(file)).toBe(before);
  });
});
