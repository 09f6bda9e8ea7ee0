// The national tally as last year's result: `saiten score --previous-tally <tally.xlsx> --insurer <番号>`.
import { Cli } from "../src/cli/context";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { main } from "../src/cli/main";
import { tallyLoader } from "../src/cli/tally";
import { findBundled } from "../src/rulebooks/registry";
import {
  computeTallyStats,
  demoEntities,
  generateTally,
  tallyBuffer,
  type TallyEntity,
} from "../dev/tally-generator/generate";
import { ratePercent } from "../src/numbers/round";
import { tempDir } from "./fixtures/temp-dir";

const dir = tempDir("saiten-tally-cli-");
const fy2025 = findBundled("kaigo-municipal-fy2025")!;

/** A generated FY2025 tally of these municipalities, written to dir/name. */
async function writeTally(name: string, municipalities: TallyEntity[]): Promise<string> {
  const file = join(dir, name);
  writeFileSync(
    file,
    await tallyBuffer(generateTally({ rulebook: fy2025, fiscalYear: 2025, municipalities })),
  );
  return file;
}

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

test("last year's tally row of one insurer is the previous year of this year's workbook", async () => {
  const entities = demoEntities(fy2025, 5, 7);
  const me = {
    ...entities[2],
    code: "012025",
    points: { ...entities[2].points, "P_I_1_1.a": 4, "P_I_1_1.b": 4 },
  };
  entities[2] = me;
  const tally = await writeTally("tally-2025.xlsx", entities);

  const template = join(dir, "answers.xlsx");
  expect((await run("template", "--rulebook", "kaigo-municipal-fy2026", "--out", template)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet("回答")!;
  ws.eachRow((row, n) => {
    if (n > 5 && row.getCell(1).value === "P_I_1_1.a") row.getCell(5).value = "○";
    if (n > 5 && row.getCell(1).value === "P_I_1_1.b") row.getCell(5).value = "×";
  });
  const filled = join(dir, "filled.xlsx");
  await wb.xlsx.writeFile(filled);

  const r = await run("score", filled, "--previous-tally", tally, "--insurer", "012025", "--json");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const c = JSON.parse(r.out).comparison;
  expect(c.previousRulebook.id).toBe("kaigo-municipal-fy2025");
  expect(c.lost.find((l: { id: string }) => l.id === "P_I_1_1.b")).toMatchObject({
    previousPoints: 4,
    currentPoints: 0,
  });

  const unknown = await run("score", filled, "--previous-tally", tally, "--insurer", "999999");
  expect(unknown.code).toBe(2);
  expect(unknown.err).toMatch(/999999/);
  const missing = await run("score", filled, "--previous-tally", tally);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/--insurer/);

  // The same file as --benchmarks too: opened once per command, used for both.
  const load = tallyLoader(new Cli({ out: () => undefined, err: () => undefined }, "ja"));
  expect(load(tally)).toBe(load(tally));
  const both = await run(
    "score",
    filled,
    "--previous-tally",
    tally,
    "--insurer",
    "012025",
    "--benchmarks",
    tally,
    "--json",
  );
  expect(both.code).toBe(0);
  expect(both.err).toMatch(/全国集計 2025年度（tally-2025\.xlsx）/);
  expect(JSON.parse(both.out).comparison.previousRulebook.id).toBe("kaigo-municipal-fy2025");
});

test("saiten review --previous-tally: each municipality compared with its row in last year's national tally", async () => {
  const entities = demoEntities(fy2025, 4, 11).map((e, i) => ({
    ...e,
    code: `01200${i}`,
    name: `テスト町${i}`,
  }));
  const tally = await writeTally("tally-review-2025.xlsx", entities);
  const folder = mkdtempSync(join(dir, "batch-"));
  for (const i of [0, 1]) {
    const file = join(folder, `${i}.xlsx`);
    expect((await run("template", "--rulebook", "kaigo-municipal-fy2026", "--out", file)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("回答")!;
    ws.getCell("F3").value = `テスト町${i}`;
    ws.getCell("H3").value = `01200${i}`;
    ws.eachRow((row, n) => {
      if (n > 5 && String(row.getCell(1).value).startsWith("P_I_1_")) row.getCell(5).value = "○";
    });
    await wb.xlsx.writeFile(file);
  }
  const json = join(dir, "review.json");
  const r = await run(
    "review",
    folder,
    "--rulebook",
    "kaigo-municipal-fy2026",
    "--jobs",
    "1",
    "--quiet",
    "--json",
    json,
    "--previous-tally",
    tally,
  );
  expect(r.err).toBe("");
  const summary = JSON.parse(readFileSync(json, "utf8"));
  // Last year's totals as the generator computed them, independently of the reader.
  const totals = computeTallyStats(fy2025, entities).totals;
  expect(summary.rows.length).toBe(2);
  for (const row of summary.rows) {
    const k = entities.findIndex((x) => x.code === row.code);
    expect(row.previousRatePercent).toBe(ratePercent(totals[k], 800, 1));
    expect(row.previousSource).toBe("previous-set");
    expect(row.trend).toBe(
      row.ratePercent > row.previousRatePercent ? "↗" : row.ratePercent < row.previousRatePercent ? "↘" : "→",
    );
  }
});

test("review --benchmarks: the 指標別 figures come from the tally (xlsx or its JSON), with the source named", async () => {
  const entities = demoEntities(fy2025, 30, 5);
  const tally = await writeTally("tally-bench-2025.xlsx", entities);
  const tallyJson = join(dir, "tally-bench-2025.json");
  expect((await run("tally", "import", tally, "--out", tallyJson)).code).toBe(0);

  const folder = mkdtempSync(join(dir, "bench-"));
  const file = join(folder, "a.xlsx");
  expect((await run("template", "--rulebook", "kaigo-municipal-fy2026", "--out", file)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet("回答")!.eachRow((row, n) => {
    if (n > 5 && row.getCell(1).value === "P_I_1_1.a") row.getCell(5).value = "○";
  });
  await wb.xlsx.writeFile(file);

  const stats = computeTallyStats(fy2025, entities);
  for (const source of [tally, tallyJson]) {
    const json = join(dir, "bench-review.json");
    const out = join(dir, "bench-review.xlsx");
    const r = await run(
      "review",
      folder,
      "--rulebook",
      "kaigo-municipal-fy2026",
      "--jobs",
      "1",
      "--quiet",
      "--json",
      json,
      "--out",
      out,
      "--benchmarks",
      source,
      "--force",
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/全国の該当率・平均: 全国集計 2025年度（tally-bench-2025\.xlsx）、30 市町村/);
    const summary = JSON.parse(readFileSync(json, "utf8"));
    expect(summary.nationalSource).toBe("全国集計 2025年度（tally-bench-2025.xlsx）");
    // A yes/no item: its national rate is the share of the 30 rows that scored it.
    const line = summary.indicators.find((l: { id: string }) => l.id === "P_I_1_1.a");
    const hits = entities.filter((e) => (e.points["P_I_1_1.a"] ?? 0) > 0).length;
    expect(line.nationalRate).toBeCloseTo(hits / 30, 6);
    // The whole: the national mean of the totals the generator computed.
    const root = summary.groups.find((g: { id: string }) => g.id === "KAIGO");
    const mean = stats.totals.reduce((s, x) => s + x, 0) / 30;
    expect(root.nationalMean).toBeCloseTo(mean, 5);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const note = book.getWorksheet("指標別")!.getCell(1, 6).note;
    expect(JSON.stringify(note)).toContain("全国集計 2025年度");
  }

  const nhi = await run(
    "review",
    folder,
    "--rulebook",
    "nhi-municipal-fy2024",
    "--quiet",
    "--benchmarks",
    tally,
  );
  expect(nhi.code).toBe(2);
  expect(nhi.err).toMatch(/指標と一致しません/);
});

test("score --previous-tally takes the JSON of tally import too, and a name for --insurer", async () => {
  const entities = demoEntities(fy2025, 6, 3).map((e, i) => ({
    ...e,
    code: `01300${i}`,
    name: `試験村${i}`,
  }));
  const tally = await writeTally("tally-json-2025.xlsx", entities);
  const tallyJson = join(dir, "tally-json-2025.json");
  expect((await run("tally", "import", tally, "--out", tallyJson)).code).toBe(0);
  const file = join(dir, "json-answers.xlsx");
  expect((await run("template", "--rulebook", "kaigo-municipal-fy2026", "--out", file)).code).toBe(0);
  const total = computeTallyStats(fy2025, entities).totals[4];
  for (const insurer of ["013004", "試験村4"]) {
    const r = await run("score", file, "--previous-tally", tallyJson, "--insurer", insurer, "--json");
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).comparison.total.previous.points).toBe(total);
  }
  const broken = join(dir, "broken.json");
  writeFileSync(broken, '{"format":"saiten.tally/1","municipalities":[]}');
  const b = await run("score", file, "--previous-tally", broken, "--insurer", "013004");
  expect(b.code).toBe(2);
  expect(b.err).toMatch(/broken\.json は全国集計の JSON（saiten\.tally\/1）ではありません/);
});
