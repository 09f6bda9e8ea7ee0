// saiten review: the batch runner. Bad files fail alone, results keep the input order, inputs are
// never modified. The scorer is injected here; the real one is tested with the summary.
import ExcelJS from "exceljs";
import { createHash } from "crypto";
import { Command } from "commander";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { basename, join } from "path";
import { defineReview } from "../src/cli/commands";
import { ExitStatus, readInsuredCsv } from "../src/cli/review";
import { UsageError } from "../src/cli/load";
import { Cli } from "../src/cli/context";
import { findBundled } from "../src/rulebooks/registry";
import { folderWorkbooks } from "../src/review/inputs";
import { reviewFiles } from "../src/review/pool";
import { HEADER_ROW } from "../src/workbook/template";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";
import type { Processor } from "../src/review/worker";
import { reviewFile } from "../src/review/worker";
import type { ReviewRecord } from "../src/app/review/types";
import { DEFAULT_LIMITS } from "../src/app/review/refusals";
import { miniRulebook } from "./fixtures/mini-rulebook";
import { compoundFile, templateBook } from "./fixtures/review-books";
import { tempDir } from "./fixtures/temp-dir";

const dir = tempDir("saiten-review-pool-");
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
const rulebook = miniRulebook;

const fakeProcessor =
  (seen: string[] = []): Processor =>
  async (data, file, options) => {
    seen.push(file);
    // Finish out of order: later files return sooner.
    await new Promise((r) => setTimeout(r, 30 - Math.min(29, seen.length * 5)));
    // As the real scorer does before ExcelJS, which reads every part: the whole package checked.
    options.checked?.checkAll();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    const v = Number(book.worksheets[0].getCell("A1").value);
    return {
      file,
      status: "scored",
      identity: { name: basename(file, ".xlsx"), source: "file-name" },
      total: { id: "root", points: v, max: 100, ratePercent: v },
    } satisfies ReviewRecord;
  };

let files: string[];
beforeAll(async () => {
  const good = async (name: string, v: number, rows = 3) => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("回答");
    ws.getCell("A1").value = v;
    for (let r = 2; r <= rows; r++) ws.getCell(r, 2).value = r;
    const f = join(dir, name);
    await book.xlsx.writeFile(f);
    return f;
  };
  const raw = (name: string, data: Buffer | string) => {
    const f = join(dir, name);
    writeFileSync(f, data);
    return f;
  };
  const okBytes = readFileSync(await good("tmp.xlsx", 0));
  files = [
    await good("01.xlsx", 10),
    raw("02-empty.xlsx", ""),
    raw("03-cfb.xlsx", Buffer.from(compoundFile())),
    await good("04.xlsx", 40),
    raw("05-text.xlsx", "これは Excel ではありません"),
    raw("06-corrupt.xlsx", okBytes.subarray(0, 200)),
    await good("07-rows.xlsx", 70, 60),
    await good("08.xlsx", 80),
  ];
});

describe("reviewFiles (in-process)", () => {
  it("keeps input order, fails bad files alone with their reason, and leaves inputs unchanged", async () => {
    const before = files.map(sha);
    const seen: string[] = [];
    const progress: string[] = [];
    const records = await reviewFiles(files, {
      rulebook,
      jobs: 1,
      limits: { ...DEFAULT_LIMITS, maxRows: 50 },
      processor: fakeProcessor(seen),
      onDone: (d, t, f) => progress.push(`${d}/${t} ${basename(f)}`),
    });
    expect(records.map((r) => r.file)).toEqual(files);
    expect(records.map((r) => r.reasonCode ?? r.status)).toEqual([
      "scored",
      "empty",
      "encrypted",
      "scored",
      "not-xlsx",
      "corrupt",
      "too-many-rows",
      "scored",
    ]);
    expect(records.filter((r) => r.status === "scored").map((r) => r.total?.points)).toEqual([10, 40, 80]);
    // Only files whose zip directory passed the checks reach the scorer; the parts are checked as
    // the scorer reads them (07's sheet, over the row limit, is refused there).
    expect(seen.map((f) => basename(f))).toEqual(["01.xlsx", "04.xlsx", "07-rows.xlsx", "08.xlsx"]);
    expect(progress[progress.length - 1]).toBe("8/8 08.xlsx");
    expect(files.map(sha)).toEqual(before);
    for (const r of records.filter((x) => x.status === "failed")) {
      expect(r.reason?.ja).toBeTruthy();
      expect(r.reason?.en).toBeTruthy();
    }
  });

  it("falls back to this thread when the compiled worker is missing, keeping order", async () => {
    const records = await reviewFiles(files, {
      rulebook,
      jobs: 4,
      workerScript: join(dir, "no-such-worker.js"),
      processor: fakeProcessor(),
    });
    expect(records.map((r) => r.file)).toEqual(files);
  });

  it("turns a scorer that throws, or a missing file, into a failed record", async () => {
    const boom: Processor = async () => {
      throw new Error("boom\nstack");
    };
    await expect(reviewFile(files[0], { rulebook }, boom)).resolves.toMatchObject({
      status: "failed",
      reasonCode: "failed",
      reason: { en: expect.stringMatching(/01\.xlsx could not be scored\. Open it in Excel/) },
    });
    await expect(reviewFile(join(dir, "gone.xlsx"), { rulebook }, boom)).resolves.toMatchObject({
      status: "failed",
      reasonCode: "unreadable",
      reason: { ja: expect.stringMatching(/gone\.xlsx がありません/) },
    });
  });
});

describe("saiten review (command, in-process)", () => {
  const folder = join(dir, "batch");
  const outDir = tempDir("saiten-review-out-");
  beforeAll(async () => {
    mkdirSync(folder);
    const rb = findBundled("kaigo-municipal-fy2026")!;
    for (const [i, name] of ["甲町", "乙村"].entries()) {
      const book = createTemplateWorkbook(rb);
      const ws = book.getWorksheet("回答")!;
      ws.getCell("F3").value = name;
      ws.getCell("H3").value = `20000${i}`;
      ws.getCell("D3").value = 1000 * (i + 1);
      for (let r = HEADER_ROW + 1; r < HEADER_ROW + 40; r++) ws.getCell(r, 5).value = i ? "×" : "○";
      await book.xlsx.writeFile(join(folder, `${i + 1}_${name}.xlsx`));
    }
    writeFileSync(join(folder, "3_broken.xlsx"), "not a workbook");
    writeFileSync(join(folder, "~$1_甲町.xlsx"), "lock");
  });

  const run = async (args: string[], lang: "ja" | "en" = "ja") => {
    const out: string[] = [];
    const err: string[] = [];
    const program = new Command("saiten").exitOverride();
    defineReview(program, new Cli({ out: (s) => out.push(s), err: (s) => err.push(s) }, lang));
    let error: unknown;
    try {
      await program.parseAsync(args, { from: "user" });
    } catch (e) {
      error = e;
    }
    return { out: out.join(""), err: err.join(""), error };
  };

  it("scores the folder, lists the failure, writes JSON and CSV, exits 1, leaves inputs unchanged", async () => {
    const inputs = (await folderWorkbooks(folder));
    const before = inputs.map(sha);
    const json = join(outDir, "summary.json");
    const csv = join(outDir, "summary.csv");
    const res = await run([
      "review",
      folder,
      "--rulebook",
      "kaigo-municipal-fy2026",
      "--jobs",
      "1",
      "--json",
      json,
      "--csv",
      csv,
    ]);
    expect(res.error).toBeInstanceOf(ExitStatus);
    expect((res.error as ExitStatus).code).toBe(1);
    expect(res.out).toMatch(/採点済\s+2 件/);
    // The kind in words; the code stays in the JSON.
    expect(res.out).toMatch(/3_broken\.xlsx\s+\[xlsx 形式ではない\]/);
    expect(res.err).toMatch(/3\/3 3_broken\.xlsx/);
    const summary = JSON.parse(readFileSync(json, "utf8"));
    expect(summary.format).toBe("saiten.review/1");
    expect(summary.files).toEqual({ total: 3, scored: 2, failed: 1 });
    expect(readFileSync(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(inputs.map(sha)).toEqual(before);
  });

  it("--lang en: the summary workbook and CSV in English, names from the rulebook's English", async () => {
    const out = join(outDir, "summary-en.xlsx");
    const csv = join(outDir, "summary-en.csv");
    await run(["review", folder, "--rulebook", "kaigo-municipal-fy2026", "--jobs", "1", "--out", out, "--csv", csv], "en");
    const header = readFileSync(csv, "utf8").replace(/^\uFEFF/, "").split("\r\n")[0].split(",");
    expect(header.slice(0, 7)).toEqual(["Municipality", "Code", "Insured persons", "Size class", "Points", "Maximum", "Rate (%)"]);
    // A rate column per grant and goal, by the rulebook's English names, as the Japanese by the Japanese.
    expect(header.filter((h) => /^(Promotion|Support) .* rate \(%\)$/.test(h))).toHaveLength(2);
    expect(header.filter((h) => /^Goal Ⅰ .* rate \(%\)$/.test(h))).toHaveLength(2);
    expect(header.join(",")).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["List", "Checks", "By indicator"]);
    const groups = book.getWorksheet("By indicator")!.getColumn(10).values.slice(2).map(String);
    expect(groups[0]).toBe("Total");
    expect(groups.join("")).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it("rejects unusable arguments as usage errors", async () => {
    const missing = await run(["review", join(dir, "nowhere"), "--rulebook", "kaigo-municipal-fy2026"]);
    expect(missing.error).toBeInstanceOf(UsageError);
    const jobs = await run(["review", folder, "--rulebook", "kaigo-municipal-fy2026", "--jobs", "0"]);
    expect(jobs.error).toBeInstanceOf(UsageError);
    const over = await run([
      "review",
      folder,
      "--rulebook",
      "kaigo-municipal-fy2026",
      "--out",
      join(folder, "1_甲町.xlsx"),
    ]);
    expect((over.error as Error).message).toMatch(/上書きしません/);
  });

  it("--budget with --insured and --caps: shares ∝ points × insured, the capped excess goes to the others", async () => {
    const json = join(outDir, "alloc.json");
    const first = JSON.parse(
      (await run(["review", folder, "--rulebook", "kaigo-municipal-fy2026", "--jobs", "1", "--json", "-"]))
        .out,
    );
    const [a, b] = first.rows as { name: string; total: number }[];
    const insured = join(outDir, "alloc-insured.csv");
    writeFileSync(insured, `name,insured\n${a.name},1000\n${b.name},1000\n`);
    const caps = join(outDir, "alloc-caps.csv");
    const budget = 1_000_000;
    const uncapped = (budget * a.total) / (a.total + b.total);
    writeFileSync(caps, `name,cap\n${a.name},${Math.floor(uncapped / 2)}\n`);
    await run([
      "review",
      folder,
      "--rulebook",
      "kaigo-municipal-fy2026",
      "--jobs",
      "1",
      "--json",
      json,
      "--budget",
      String(budget),
      "--insured",
      insured,
      "--caps",
      caps,
    ]);
    const summary = JSON.parse(readFileSync(json, "utf8"));
    const rowA = summary.rows.find((r: { name: string }) => r.name === a.name);
    const rowB = summary.rows.find((r: { name: string }) => r.name === b.name);
    const cap = Math.floor(uncapped / 2);
    expect(rowA).toMatchObject({ capped: true });
    expect(rowA.estimate).toBeCloseTo(cap, 0);
    // The excess goes to those under their cap — but only those with points earn a share.
    expect(rowB.estimate).toBeCloseTo(b.total > 0 ? budget - cap : 0, 0);
    expect(summary.allocation.totalPaid + summary.allocation.unallocated).toBeCloseTo(budget, 0);
  });

  it("--previous <folder>: last year's workbooks matched by municipality give trends and judgements", async () => {
    const json = join(outDir, "with-previous.json");
    await run([
      "review",
      folder,
      "--rulebook",
      "kaigo-municipal-fy2026",
      "--jobs",
      "1",
      "--json",
      json,
      "--previous",
      folder,
    ]);
    const summary = JSON.parse(readFileSync(json, "utf8"));
    expect(summary.rows.length).toBe(2);
    for (const row of summary.rows) {
      expect(row.previousRatePercent).toBe(row.ratePercent);
      expect(row).toMatchObject({ trend: "→", judgement: "達成", changeRate: 0 });
    }
    // And the same previous year from the summary JSON it wrote.
    const again = join(outDir, "with-previous-json.json");
    await run([
      "review",
      folder,
      "--rulebook",
      "kaigo-municipal-fy2026",
      "--jobs",
      "1",
      "--json",
      again,
      "--previous",
      json,
    ]);
    expect(JSON.parse(readFileSync(again, "utf8")).rows.map((r: { trend: string }) => r.trend)).toEqual([
      "→",
      "→",
    ]);
  });

  it("says the mean rate at the rulebook's digits, as the summary workbook shows rates", async () => {
    const at = join(outDir, "digits");
    mkdirSync(join(at, "books"), { recursive: true });
    const rb = { ...miniRulebook, rateDigits: 2 };
    writeFileSync(join(at, "rulebook.json"), JSON.stringify(rb));
    writeFileSync(join(at, "books", "a.xlsx"), await templateBook(rb, { name: "甲町", answers: { "A.y1": "○" } }));
    const res = await run(["review", join(at, "books"), "--rulebook", join(at, "rulebook.json"), "--quiet"]);
    expect(res.out).toMatch(/平均得点率 +\d+\.\d\d%（最高 \d+\.\d\d% \/ 最低 \d+\.\d\d%）/);
  });

  it("reads --insured CSV with or without BOM", async () => {
    const f = join(outDir, "insured.csv");
    const cli = new Cli({ out: () => undefined, err: () => undefined }, "ja");
    writeFileSync(f, '\uFEFFcode,name,insured\n200000,甲町,"1,234"\n,乙村,99\n');
    expect(await readInsuredCsv(cli, f)).toEqual({ "200000": 1234, 甲町: 1234, 乙村: 99 });
    writeFileSync(f, "name,count\n甲町,1\n");
    await expect(readInsuredCsv(cli, f)).rejects.toThrow(UsageError);
    // What to write, in the user's language: the form's own headers, or the English ones.
    const said = async (lang: "ja" | "en") =>
      readInsuredCsv(new Cli({ out: () => undefined, err: () => undefined }, lang), f).catch((e: UsageError) => e.text(lang));
    expect(await said("ja")).toContain("1行目に市町村コード（または市町村名）と被保険者数の列見出しが要ります");
    writeFileSync(f, "市町村コード,市町村名,被保険者数\n200000,甲町,abc\n");
    expect(await said("ja")).toBe(`--insured ${f}: 2 行目の被保険者数「abc」は数値ではありません。`);
    expect(await said("en")).toBe(`--insured ${f}: the number of insured persons on line 2 (“abc”) is not a number.`);
    // The line as the file numbers it: blank lines count, and a cell broken over two lines (Excel's CSV
    // ends records with CRLF and a line break within a cell with LF).
    writeFileSync(f, '市町村コード,市町村名,被保険者数\r\n\r\n ,  , \r\n200000,"甲\n町",5\r\n200001,乙村,abc\r\n');
    expect(await said("ja")).toBe(`--insured ${f}: 6 行目の被保険者数「abc」は数値ではありません。`);
    writeFileSync(f, 'code,insured\n200000,5\n200001,4\n"200002,3\n');
    expect(await said("ja")).toBe(
      `--insured ${f}: 4 行目あたりから CSV として読めません（「"」（二重引用符）が閉じていない、引用符の直後に文字が続くなど）。表計算ソフトで開いて CSV（コンマ区切り）で保存し直してください。`,
    );
    expect(await said("en")).toBe(
      `--insured ${f}: cannot be read as CSV from around line 4 (a double quote (") never closed, or text right after a closing quote). Open it in a spreadsheet program and save it again as CSV (comma delimited).`,
    );
  });
});
