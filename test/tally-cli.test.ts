// The national tally as last year's result: `saiten score --previous-tally <tally.xlsx> --insurer <番号>`.
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../src/cli/main";
import { findBundled } from "../src/rulebooks/registry";
import { computeTallyStats, demoEntities, generateTally, tallyBuffer } from "../src/tally/generate";
import { ratePercent } from "../src/engine/rate";
import { readFileSync } from "fs";

const dir = mkdtempSync(join(tmpdir(), "saiten-tally-cli-"));

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

test("last year's tally row of one insurer is the previous year of this year's workbook", async () => {
  const fy2025 = findBundled("kaigo-municipal-fy2025")!;
  const entities = demoEntities(fy2025, 5, 7);
  const me = {
    ...entities[2],
    code: "012025",
    points: { ...entities[2].points, "P_I_1_1.a": 4, "P_I_1_1.b": 4 },
  };
  entities[2] = me;
  const tally = join(dir, "tally-2025.xlsx");
  writeFileSync(
    tally,
    await tallyBuffer(generateTally({ rulebook: fy2025, fiscalYear: 2025, municipalities: entities })),
  );

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
});

test("saiten review --previous-tally: each municipality compared with its row in last year's national tally", async () => {
  const fy2025 = findBundled("kaigo-municipal-fy2025")!;
  const entities = demoEntities(fy2025, 4, 11).map((e, i) => ({
    ...e,
    code: `01200${i}`,
    name: `テスト町${i}`,
  }));
  const tally = join(dir, "tally-review-2025.xlsx");
  writeFileSync(
    tally,
    await tallyBuffer(generateTally({ rulebook: fy2025, fiscalYear: 2025, municipalities: entities })),
  );
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
