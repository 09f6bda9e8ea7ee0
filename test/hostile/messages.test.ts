// Hostile inputs, part 8: every kind of unusable file or argument gets a short message of its own
// kind, naming the file, in the user's language, with no library text; the input is left unchanged.
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "fs";
import { basename, join } from "path";
import {
  answerBook,
  compoundFile,
  docxFile,
  encryptedXlsx,
  expectClean,
  expectEnglish,
  freshDir,
  hashes,
  junkBytes,
  KAIGO,
  legacyXls,
  oddCharacters,
  odsFile,
  pdfFile,
  plainZip,
  put,
  ROOT,
  run,
  xlsbFile,
} from "./build";

let template: Uint8Array;
beforeAll(async () => {
  template = await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" } });
});

/**
 * Runs a command over one hostile file and checks what every such case must give: the exit code,
 * a clean message naming the file, and the file unchanged.
 */
async function refuse(
  file: string,
  argv: string[],
  phrase: RegExp,
  opts: { code?: number; en?: boolean; name?: string } = {},
) {
  const before = hashes([file]);
  const r = await run(...argv);
  expect(r.code).toBe(opts.code ?? 2);
  expectClean(r.out, r.err);
  expect(r.err).toContain(opts.name ?? basename(file));
  expect(r.err).toMatch(phrase);
  if (opts.en) expectEnglish(r.err, file);
  expect(hashes([file])).toEqual(before);
  return r;
}

const kinds: [string, string, () => Uint8Array | string, RegExp, RegExp][] = [
  ["random bytes", "回答.xlsx", () => junkBytes(4096), /Excel のブック（\.xlsx）ではありません/, /not an Excel workbook/],
  ["a legacy .xls", "旧様式.xls", legacyXls, /古い形式（\.xls）/, /old \.xls format/],
  ["an encrypted .xlsx", "保護.xlsx", encryptedXlsx, /パスワード/, /password-protected/],
  ["an ODS file", "回答.ods", odsFile, /OpenDocument/, /OpenDocument spreadsheet/],
  ["a CSV renamed .xlsx", "回答.xlsx", () => "code,name,answer\n011002,見本市,○\n012025,例町,×\n", /CSV/, /CSV text file/],
  ["a zip without xl/workbook.xml", "回答.xlsx", plainZip, /zip ファイルですが、Excel のブックではありません/, /zip archive but not an Excel workbook/],
  ["a .docx-like zip", "回答.xlsx", docxFile, /Word の文書/, /Word document/],
  ["an .xlsb-like zip", "回答.xlsb", xlsbFile, /バイナリ形式（\.xlsb）/, /binary workbook \(\.xlsb\)/],
  ["a PDF", "回答.pdf", pdfFile, /PDF/, /is a PDF/],
  ["an empty file", "回答.xlsx", () => "", /空のファイル/, /is empty/],
  ["a web page saved as .xlsx", "回答.xlsx", () => "<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>", /Web ページ/, /web page/],
  ["a plain text file", "メモ.xlsx", () => "市町村名 見本市\n回答はあとで\n", /文字だけのファイル/, /text file/],
  ["another OLE compound file", "回答.xlsx", () => compoundFile("SummaryInformation"), /Excel のブック（\.xlsx）ではありません/, /not an Excel workbook/],
];

describe("score names each kind of file that is not an .xlsx", () => {
  test.each(kinds)("%s", async (label, name, build, ja) => {
    const dir = freshDir("kind");
    const file = put(dir, name, build());
    await refuse(file, ["score", file], ja);
  });
});

describe("--lang en says the same in English", () => {
  test.each(kinds.filter((k) => ["a legacy .xls", "an encrypted .xlsx", "an ODS file", "a CSV renamed .xlsx", "a zip without xl/workbook.xml", "a PDF"].includes(k[0])))(
    "%s",
    async (label, name, build, _ja, en) => {
      const dir = freshDir("kind-en");
      const file = put(dir, name, build());
      await refuse(file, ["score", file, "--lang", "en"], en, { en: true });
    },
  );
});

test("a truncated .xlsx is called damaged", async () => {
  const dir = freshDir("truncated");
  const file = put(dir, "回答.xlsx", template.subarray(0, Math.floor(template.length / 2)));
  await refuse(file, ["score", file], /壊れています/);
});

test("a truncated .xlsx, in English", async () => {
  const dir = freshDir("truncated-en");
  const file = put(dir, "回答.xlsx", template.subarray(0, Math.floor(template.length * 0.7)));
  await refuse(file, ["score", file, "--lang", "en"], /is damaged/, { en: true });
});

test("a zip whose central directory points past the end is called damaged", async () => {
  const dir = freshDir("bad-directory");
  const bytes = new Uint8Array(template);
  // The end record's directory offset (bytes 16–19 of the last 22) moved far past the end.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  view.setUint32(bytes.length - 22 + 16, 0x7fffffff, true);
  const file = put(dir, "回答.xlsx", bytes);
  await refuse(file, ["score", file], /壊れています/);
});

test("a damaged worksheet is named by its sheet as well as its part", async () => {
  const dir = freshDir("bad-sheet-size");
  const bytes = new Uint8Array(template);
  // The central directory's claim of the answer sheet's unpacked size, made smaller than it is.
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const at = Buffer.from(bytes).lastIndexOf(name); // the directory's copy of the name comes last
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(view.getUint32(at - 46, true)).toBe(0x02014b50); // a central directory header
  view.setUint32(at - 46 + 24, view.getUint32(at - 46 + 24, true) - 100, true);
  const file = put(dir, "回答.xlsx", bytes);
  await refuse(file, ["score", file], /壊れています（部品 xl\/worksheets\/sheet1\.xml（シート「回答」） の大きさが記録と違います）/);
  await refuse(file, ["score", file, "--lang", "en"], /part xl\/worksheets\/sheet1\.xml \(the sheet “回答”\) does not have the size/);
});

test("a folder given as the input", async () => {
  const dir = freshDir("folder-in");
  const folder = join(dir, "提出分.xlsx");
  mkdirSync(folder);
  await refuse(folder, ["score", folder], /フォルダです/);
});

test("a folder given as the input, in English", async () => {
  const dir = freshDir("folder-in-en");
  const folder = join(dir, "提出分");
  mkdirSync(folder);
  await refuse(folder, ["score", folder, "--lang", "en"], /is a folder/, { en: true });
});

test("a file that does not exist", async () => {
  const dir = freshDir("missing");
  const file = join(dir, "ない.xlsx");
  await refuse(file, ["score", file], /ない\.xlsx がありません/);
});

test("a file that does not exist, in English", async () => {
  const dir = freshDir("missing-en");
  const file = join(dir, "ない.xlsx");
  await refuse(file, ["score", file, "--lang", "en"], /does not exist/, { en: true });
});

test("a workbook without a 回答 sheet says so and lists the sheets it has", async () => {
  const dir = freshDir("no-answer-sheet");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("集計表").getCell("A1").value = "見本市";
  wb.addWorksheet("Sheet2").getCell("B2").value = 3;
  const file = put(dir, "回答.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
  const r = await refuse(file, ["score", file], /回答/);
  expect(r.err).toMatch(/集計表/);
  expect(r.err).toMatch(/Sheet2/);
  expect(r.err).not.toMatch(/ルールブックが分かりません/);
});

test("a 回答 sheet whose headers were renamed is told to keep the standard headers", async () => {
  const dir = freshDir("renamed-headers");
  const bytes = await answerBook(KAIGO, {
    answers: { "P_I_1_1.a": "○" },
    edit: (ws) => {
      const row = ws.getRow(5);
      row.eachCell((cell) => {
        if (cell.value === "回答") cell.value = "答え";
        if (cell.value === "指標ID") cell.value = "番号";
      });
    },
  });
  const file = put(dir, "回答.xlsx", bytes);
  const r = await refuse(file, ["score", file], /見出し/);
  expect(r.err).not.toMatch(/ルールブックが分かりません/);
});

test("--previous JSON with a syntax error names the line and the character", async () => {
  const dir = freshDir("previous-syntax");
  const input = put(dir, "回答.xlsx", template);
  const prev = put(dir, "前年度.json", '{\n  "format": "saiten.result/1",\n  "total": ,\n  "groups": []\n}\n');
  const before = hashes([input]);
  const r = await refuse(prev, ["score", input, "--previous", prev], /3 行目 \d+ 文字目/);
  expect(hashes([input])).toEqual(before);
  expect(r.err).not.toMatch(/JSON\.parse|position/);
});

test("--previous JSON with a syntax error, in English", async () => {
  const dir = freshDir("previous-syntax-en");
  const input = put(dir, "回答.xlsx", template);
  const prev = put(dir, "前年度.json", '{\n  "format": "saiten.result/1",\n  "total": {,\n}\n');
  await refuse(prev, ["score", input, "--previous", prev, "--lang", "en"], /line 3, character \d+/, {
    en: true,
  });
});

test("rulebook check on an .xls echoes none of its bytes", async () => {
  const dir = freshDir("check-xls");
  const file = put(dir, "配点表.xls", legacyXls());
  const r = await refuse(file, ["rulebook", "check", file], /古い形式（\.xls）/);
  const text = r.out + r.err;
  // No control characters, replacement characters or bytes of the stream names.
  expect(oddCharacters(text)).toEqual([]);
  expect(text).not.toMatch(/Workbook/);
});

test("rulebook check on a JSON file that is not UTF-8 text (a binary file)", async () => {
  const dir = freshDir("check-binary");
  const file = put(dir, "rulebook.json", junkBytes(2048, 5));
  const r = await refuse(file, ["rulebook", "check", file], /文字のファイルではありません|UTF-8/);
  expect(oddCharacters(r.out + r.err)).toEqual([]);
});

test("rulebook check on an empty file", async () => {
  const dir = freshDir("check-empty");
  const file = put(dir, "rulebook.json", "");
  await refuse(file, ["rulebook", "check", file], /空のファイル/);
});

test("score --rulebook naming a rulebook file that does not exist", async () => {
  const dir = freshDir("rulebook-missing");
  const input = put(dir, "回答.xlsx", template);
  const missing = join(dir, "my-rulebook.json");
  const r = await refuse(missing, ["score", input, "--rulebook", missing], /my-rulebook\.json がありません/);
  expect(r.err).toContain(missing);
});

test("tally import of an answer workbook (not a national tally)", async () => {
  const dir = freshDir("tally-not");
  const file = put(dir, "全国集計.xlsx", template);
  await refuse(file, ["tally", "import", file], /全国集計のブックではない|配点/, { name: basename(file) });
});

test("tally import of a JSON that is not a tally", async () => {
  const dir = freshDir("tally-json");
  const file = put(dir, "tally.json", '{"format": "saiten.result/1", "total": 3}\n');
  await refuse(file, ["tally", "import", file], /全国集計の JSON（saiten\.tally\/1）/);
});

test("review of a folder that does not exist", async () => {
  const dir = freshDir("review-missing");
  const folder = join(dir, "提出");
  await refuse(folder, ["review", folder, "--rulebook", KAIGO], /提出 がありません/);
});

describe("arguments", () => {
  const clean = (r: { out: string; err: string }) => expectClean(r.out, r.err);

  test("an unknown option", async () => {
    const r = await run("score", "x.xlsx", "--frobnicate");
    expect(r.code).toBe(2);
    clean(r);
    expect(r.err).toMatch(/--frobnicate というオプションはありません/);
  });

  test("an unknown option, in English", async () => {
    const r = await run("score", "x.xlsx", "--frobnicate", "--lang", "en");
    expect(r.code).toBe(2);
    clean(r);
    expect(r.err).toMatch(/There is no option --frobnicate/);
    expectEnglish(r.err);
  });

  test("an unknown command", async () => {
    const r = await run("scroe", "x.xlsx");
    expect(r.code).toBe(2);
    clean(r);
    expect(r.err).toMatch(/scroe というコマンドはありません/);
  });

  test("an unknown command, in English", async () => {
    const r = await run("scroe", "x.xlsx", "--lang", "en");
    expect(r.code).toBe(2);
    clean(r);
    expect(r.err).toMatch(/There is no command scroe/);
    expectEnglish(r.err);
  });

  test("--lang fr", async () => {
    const r = await run("rulebooks", "--lang", "fr");
    expect(r.code).toBe(2);
    clean(r);
    // The language asked for is unknown, so both are used.
    expect(r.err).toMatch(/--lang は ja か en です（「fr」）。 \/ --lang takes ja or en \(not “fr”\)\./);
    expect(r.out).toBe("");
    const empty = await run("rulebooks", "--lang");
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/--lang の後に値を指定してください。 \/ Give a value after --lang\./);
  });

  test("a limit that is not a number", async () => {
    const r = await run("score", "x.xlsx", "--max-file-mb", "lots");
    expect(r.code).toBe(2);
    clean(r);
    expect(r.err).toMatch(/--max-file-mb「lots」は正の数/);
  });

  test("rulebooks with an argument it does not take", async () => {
    const r = await run("rulebooks", "extra");
    expect(r.code).toBe(2);
    clean(r);
    expect(r.err).toMatch(/指定が多すぎます/);
  });

  test("saiten --version prints the package version and exits 0", async () => {
    const r = await run("--version");
    expect(r.code).toBe(0);
    clean(r);
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(r.out.trim()).toBe(version);
  });
});
