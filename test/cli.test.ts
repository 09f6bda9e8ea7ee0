// `saiten` end to end on real files: template → filled → scored → --out copy re-read.
import Ajv2020 from "ajv/dist/2020";
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { main } from "../src/cli/main";
import { findBundled } from "../src/rulebooks/registry";
import { localText } from "../src/engine/text";
import { roundHalfUp } from "../src/numbers/round";
import { indicatorsOf } from "../src/rulebooks/tree";
import { TEMPLATE_INSTRUCTION } from "../src/workbook/template";
import type { Group, Indicator } from "../src/rulebooks/schema";
import { rulebookToTable } from "../src/rulebooks/score-table";
import { tableBookBytes } from "../src/adapters/exceljs/score-table-xlsx";
import { tempDir } from "./fixtures/temp-dir";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { Unsupported, XlsxReader } from "../src/adapters/xlsx";

const dir = tempDir("saiten-cli-");
const root = join(__dirname, "..");

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Runs a probe of the built CLI in a process of its own, from a file (`node -e` loads crypto itself);
 *  what it printed on stdout, once it said nothing on stderr. */
function runProbe(name: string, probe: string, ...args: string[]): string {
  const script = join(dir, name);
  writeFileSync(script, probe);
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout;
}

function indicators(id: string): Indicator[] {
  const out: Indicator[] = [];
  const walk = (g: Group) => g.children.forEach((c) => (c.kind === "group" ? walk(c) : out.push(c)));
  walk(findBundled(id)!.root);
  return out;
}

/** Fill the template's 回答 column: id → value. Returns the path written. */
async function fill(
  template: string,
  out: string,
  answers: Record<string, ExcelJS.CellValue>,
  edit?: (ws: ExcelJS.Worksheet, rowOf: Map<string, number>) => void,
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet("回答")!;
  const header = ws.getRow(5).values as unknown[];
  const idCol = header.indexOf("指標ID");
  const ansCol = header.indexOf("回答");
  const rowOf = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (n > 5) rowOf.set(String(row.getCell(idCol).value), n);
  });
  for (const [id, v] of Object.entries(answers)) ws.getCell(rowOf.get(id)!, ansCol).value = v;
  edit?.(ws, rowOf);
  await wb.xlsx.writeFile(out);
  return out;
}

const fy2026 = indicators("kaigo-municipal-fy2026");
const P_I_1 = fy2026.filter((i) => i.id.startsWith("P_I_1_"));

describe("saiten", () => {
  const template = join(dir, "template.xlsx");
  const filled = join(dir, "filled.xlsx");

  beforeAll(async () => {
    const t = await run("template", "--rulebook", "kaigo-municipal-fy2026", "--out", template);
    expect(t.code).toBe(0);
    const answers: Record<string, ExcelJS.CellValue> = {};
    for (const i of P_I_1) answers[i.id] = "○"; // the whole 推進 目標Ⅰ（ⅰ）: 64 points
    answers["P_I_2_1"] = "ウ"; // 3 bands × 3 = 9
    answers["P_IV_O_2"] = "ｴ"; // half-width katakana: all four bands, counted in both grants: 20 + 20
    answers["S_I_1_1.a"] = "すごい"; // not understood
    await fill(template, filled, answers);
  });

  test("help is in the user's language, each command's help too, defaults included", async () => {
    const ja = await run("score", "--help");
    expect(ja.code).toBe(0);
    expect(ja.out).toMatch(/^使い方: saiten score \[options\] <file>/);
    expect(ja.out).toContain("オプション:");
    expect(ja.out).toMatch(/--depth <n> +表に出す区分の深さ（既定: 3）\n/);
    expect(ja.out).not.toMatch(/Usage:|Options:|default:|display help/);
    const top = await run("--help");
    expect(top.out).toContain("コマンド:");
    expect(top.out).toContain("（既定: \"ja\"）");
    const en = await run("--lang", "en", "score", "--help");
    expect(en.out).toMatch(/^Usage: saiten score \[options\] <file>/);
    expect(en.out).toMatch(/--depth <n> +Group levels shown in the table \(default: 3\)\n/);
    // Each command's and option's line in the user's language only; --lang's alone in both, so that a
    // reader of the other language finds it.
    const lines = (out: string) => out.split("\n").filter((l) => /^ {2}\S/.test(l) && !l.includes("--lang"));
    for (const args of [["score"], ["review"], ["tally", "import"], ["rulebook", "check"], []]) {
      const jaHelp = await run(...args, "--help");
      const enHelp = await run("--lang", "en", ...args, "--help");
      expect(lines(jaHelp.out).filter((l) => / \/ [a-z]/i.test(l))).toEqual([]);
      expect(lines(enHelp.out).filter((l) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(l))).toEqual([]);
    }
    expect(en.out).not.toMatch(/使い方|オプション:|（既定: 3）/);
    // The Japanese help puts commander's "(default: …)" in Japanese; the jobs' default is said in words.
    const review = await run("review", "--help");
    expect(review.out).toMatch(/並列数（既定: \d+ ファイルごとに 1、最大 \d+）/);
    const reviewEn = await run("--lang", "en", "review", "--help");
    expect(reviewEn.out).toMatch(/Worker threads \(by default one per \d+ files, at most \d+\)/);
  });

  test("a missing argument is named as the user knows it, in either language", async () => {
    const table = await run("rulebook", "import");
    expect(table.code).toBe(2);
    expect(table.err).toBe("saiten: 配点表（.xlsx）を指定してください。\n");
    const tally = await run("--lang", "en", "tally", "import");
    expect(tally.err).toBe("saiten: Give the national tally (.xlsx).\n");
    expect((await run("score")).err).toBe("saiten: ファイルを指定してください。\n");
  });

  test("rulebook check counts its errors in words that agree with the count", async () => {
    const file = join(dir, "one-error.json");
    writeFileSync(file, "[]");
    const en = await run("--lang", "en", "rulebook", "check", file);
    expect(en.code).not.toBe(0);
    expect(en.err).toContain(`${file}: 1 error.`);
    expect(en.err).not.toContain("1 errors");
  });

  test("rulebooks says how each is scored in words, and in English with English titles", async () => {
    const ja = await run("rulebooks");
    expect(ja.out).toMatch(/^kaigo-municipal-fy2026 +2026年度 {2}指標ごと/m);
    expect(ja.out).toMatch(/^kaigo-municipal-fy2026-groups +2026年度 {2}区分ごと/m);
    expect(ja.out).not.toMatch(/ (item|group|mixed) | FY\d/);
    const en = await run("--lang", "en", "rulebooks");
    expect(en.out).toMatch(/^kaigo-municipal-fy2026 +FY2026 {2}per indicator +800 pts {2}FY2026 long-term-care/m);
  });

  test("rulebooks lists the bundled rulebooks", async () => {
    const r = await run("rulebooks", "--json");
    expect(r.code).toBe(0);
    const ids = JSON.parse(r.out).map((x: { id: string }) => x.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "kaigo-municipal-fy2026",
        "kaigo-municipal-fy2023-groups",
        "nhi-municipal-fy2024",
        "kouki-fy2022",
      ]),
    );
  });

  test("the template has the standard headers, one row per indicator, and dropdowns", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.getWorksheet("回答")!;
    const header = (ws.getRow(5).values as unknown[]).filter(Boolean);
    expect(header).toEqual(
      expect.arrayContaining(["指標ID", "区分", "指標", "回答", "得点", "満点", "前年度得点", "差", "判定"]),
    );
    expect(ws.actualRowCount - 5).toBeGreaterThanOrEqual(fy2026.length);
    const firstYesNo = ws.getCell(6, 5);
    expect(firstYesNo.dataValidation).toMatchObject({ type: "list" });
    expect(wb.getWorksheet("採点結果")).toBeDefined();
    // The instruction in Japanese, as the add-in writes it.
    expect(ws.getCell("A4").value).toBe(TEMPLATE_INSTRUCTION);
  });

  test("score --size-class takes only a size class of the rulebook, --size only a positive number", async () => {
    const bad = await run("score", filled, "--size-class", "n10k-50k");
    expect(bad.code).toBe(2);
    expect(bad.out).toBe("");
    expect(bad.err).toMatch(
      /--size-class「n10k-50k」はルールブック kaigo-municipal-fy2026 の規模区分にありません。次のいずれかを指定してください: .*、1万人以上5万人未満（n10k_50k）、/,
    );
    const en = await run("score", filled, "--size-class", "n10k-50k", "--lang", "en");
    expect(en.err).toMatch(/Give one of: .*, 10,000 to under 50,000 \(n10k_50k\), /);
    // The class by its id, or by its name in either language, as the list offers them.
    for (const given of ["n10k_50k", "1万人以上5万人未満", "10,000 to under 50,000"]) {
      const good = await run("score", filled, "--size-class", given, "--json");
      expect(good.code).toBe(0);
    }
    // A size is a count of people: a negative one would pick the smallest band.
    const negative = await run("score", filled, "--size", "-5");
    expect(negative.code).toBe(2);
    expect(negative.err).toBe("saiten: --size「-5」は正の数にしてください。\n");
  });

  test("score --json: points as the rules give them, issues with cells, valid against the published schema", async () => {
    const before = sha(filled);
    const r = await run("score", filled, "--json");
    expect(r.code).toBe(0);
    expect(sha(filled)).toBe(before);
    const json = JSON.parse(r.out);
    const schema = JSON.parse(readFileSync(join(root, "schemas", "saiten-result.schema.json"), "utf8"));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(json)).toBe(true);
    const group = (id: string) => {
      const find = (
        gs: { id: string; children: unknown[] }[],
      ): { id: string; points: number } | undefined => {
        for (const g of gs) {
          if (g.id === id) return g as unknown as { id: string; points: number };
          const hit = find(g.children as never);
          if (hit) return hit;
        }
      };
      return find(json.groups)!;
    };
    expect(group("P_I_1").points).toBe(64);
    expect(group("P_I_2").points).toBe(9);
    expect(group("P").points).toBe(64 + 9 + 20);
    expect(group("S").points).toBe(20);
    expect(json.total).toMatchObject({ points: 113, max: 800, ratePercent: 14.1 });
    const bad = json.issues.find((i: { indicatorId: string }) => i.indicatorId === "S_I_1_1.a");
    expect(bad).toMatchObject({ severity: "error", code: "invalid" });
    expect(bad.cell).toMatch(/^回答!E\d+$/);
    expect(bad.message.ja).toContain(bad.cell);
  });

  test("score prints a readable table by default", async () => {
    const r = await run("score", filled);
    expect(r.code).toBe(0);
    // The rulebook by its title first, in the user's language, its id and version beside it.
    const rb = findBundled("kaigo-municipal-fy2026")!;
    const title = localText(rb.title);
    expect(r.out.split("\n")[0]).toBe(`${title.ja}（kaigo-municipal-fy2026、2026年度、版 ${rb.version}）`);
    expect(r.out).toMatch(/合計.*113.*800.*14\.1%/);
    // The national mean at the one decimal the pane and the summary workbook show (the rulebook's
    // 455.126 for the total).
    const mean = rb.root.benchmark!.mean!;
    expect(mean).not.toBe(roundHalfUp(mean, 1));
    expect(r.out).toMatch(new RegExp(`│ 合計 .*│ ${roundHalfUp(mean, 1).toFixed(1).replace(".", "\\.")} +│`));
    expect(r.out).not.toMatch(/│ \d+\.\d{2,} +│\n/);
    expect(r.out).toMatch(/確認事項/);
    const en = await run("score", filled, "--lang", "en");
    expect(en.out.split("\n")[0]).toBe(`${title.en} (kaigo-municipal-fy2026, FY2026, version ${rb.version})`);
    expect(en.out).toMatch(/Total.*113/);
    // Goals by the English word, as the pane says them.
    expect(en.out).toMatch(/│ +Goal Ⅰ /);
    expect(en.out).not.toMatch(/目標|推進|支援/);
  });

  test("--out writes a scored copy that reads back, and never touches the input", async () => {
    const before = sha(filled);
    const scored = join(dir, "scored.xlsx");
    const r = await run("score", filled, "--out", scored, "--json");
    expect(r.code).toBe(0);
    expect(sha(filled)).toBe(before);
    const json = JSON.parse(r.out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(scored);
    const ws = wb.getWorksheet("回答")!;
    const header = ws.getRow(5).values as unknown[];
    const [idCol, pointsCol, maxCol, ansCol] = ["指標ID", "得点", "満点", "回答"].map((h) =>
      header.indexOf(h),
    );
    const byId = new Map<string, { points: number; max: number | null }>(
      json.indicators.map((i: { id: string; points: number; max: number | null }) => [i.id, i]),
    );
    let rows = 0;
    ws.eachRow((row, n) => {
      if (n <= 5) return;
      const ind = byId.get(String(row.getCell(idCol).value))!;
      expect(row.getCell(pointsCol).value).toBe(ind.points);
      expect(row.getCell(maxCol).value).toBe(ind.max);
      rows++;
    });
    expect(rows).toBe(fy2026.length);
    // Answers are carried over unchanged.
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(filled);
    src
      .getWorksheet("回答")!
      .eachRow((row, n) => expect(ws.getRow(n).getCell(ansCol).value).toEqual(row.getCell(ansCol).value));
    const res = wb.getWorksheet("採点結果")!;
    expect(res.getRow(2).values).toEqual(expect.arrayContaining(["KAIGO", "合計", 113, 800, 0.141]));
  });

  test("a formula in an output cell is left alone and reported", async () => {
    const withFormula = await fill(
      template,
      join(dir, "formula.xlsx"),
      { [P_I_1[0].id]: "○" },
      (ws, rowOf) => {
        ws.getCell(rowOf.get(P_I_1[0].id)!, 7).value = { formula: "1+1", result: 2 };
      },
    );
    const out = join(dir, "formula-scored.xlsx");
    const r = await run("score", withFormula, "--out", out, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.outputConflicts).toEqual([
      expect.objectContaining({ cell: expect.stringMatching(/^回答!G\d+$/) }),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet("回答")!.getCell(json.outputConflicts[0].cell.split("!")[1]);
    expect(cell.formula).toBe("1+1");
  });

  test("--previous: last year's workbook under last year's rulebook gives trends and lost points", async () => {
    const prevTemplate = join(dir, "template-2025.xlsx");
    expect((await run("template", "--rulebook", "kaigo-municipal-fy2025", "--out", prevTemplate)).code).toBe(
      0,
    );
    const prevAnswers: Record<string, ExcelJS.CellValue> = {};
    for (const i of P_I_1) prevAnswers[i.id] = "○";
    prevAnswers["P_I_2_1"] = "エ"; // 12 last year, 9 this year
    prevAnswers["P_IV_O_2"] = "エ";
    const prev = await fill(prevTemplate, join(dir, "filled-2025.xlsx"), prevAnswers);
    const r = await run("score", filled, "--previous", prev, "--json");
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out).comparison;
    expect(c.previousRulebook.id).toBe("kaigo-municipal-fy2025");
    expect(c.total).toMatchObject({ trend: "↘", judgement: "未達成", changePoints: -3 });
    expect(c.lost[0]).toMatchObject({
      id: "P_I_2_1",
      change: -3,
      previousValue: "d",
      currentValue: "c",
      answerChanged: true,
    });
    // The same previous year as a result JSON.
    const prevJson = join(dir, "prev.json");
    writeFileSync(prevJson, (await run("score", prev, "--json")).out);
    const viaJson = JSON.parse((await run("score", filled, "--previous", prevJson, "--json")).out).comparison;
    expect(viaJson.total).toEqual(c.total);
 
    // The table's judgement column in the report's language.
    const ja = (await run("score", filled, "--previous", prev)).out;
    const en = (await run("--lang", "en", "score", filled, "--previous", prev)).out;
    expect(ja).toMatch(/│ 合計 .*│ ↘ +│ 未達成 /);
    expect(en).toMatch(/│ Total .*│ ↘ +│ Not met /);
    expect(en).not.toMatch(/達成/);
    // The indicators that lost points by id and name, in the report's language, with the answers read
    // as the pane reads them: the band the cell's 「エ」 names, by its label.
    const rb26 = findBundled("kaigo-municipal-fy2026")!;
    const lostName = localText(indicatorsOf(rb26).find((i) => i.id === "P_I_2_1")!.name);
    expect(ja).toContain(`\n  P_I_2_1 ${lostName.ja}: 12 → 9 (-3)  エ 上位1割 → ウ 上位3割\n`);
    expect(en).toContain(`\n  P_I_2_1 ${lostName.en}: 12 → 9 (-3)  top 10% → top 30%\n`);
  });

  test("the template's 前年度得点 column is a previous year too", async () => {
    const withPrev = await fill(template, join(dir, "prev-col.xlsx"), { [P_I_1[0].id]: "×" }, (ws, rowOf) => {
      ws.getCell(rowOf.get(P_I_1[0].id)!, 9).value = 4;
    });
    const c = JSON.parse((await run("score", withPrev, "--json")).out).comparison;
    expect(c.lost).toEqual([
      expect.objectContaining({ id: P_I_1[0].id, previousPoints: 4, currentPoints: 0 }),
    ]);
    expect(c.total.trend).toBe("↘");
  });

  test.each([
    [["score", join(dir, "nope.xlsx")], /nope\.xlsx/],
    [["score", join(root, "package.json")], /xlsx/],
    [["template", "--rulebook", "no-such-rulebook", "--out", join(dir, "x.xlsx")], /no-such-rulebook/],
    [["score", join(dir, "filled.xlsx"), "--out", join(dir, "filled.xlsx")], /上書きしません/],
    [["score", join(dir, "filled.xlsx"), "--lang", "fr"], /ja か en/],
    [["frobnicate"], /./],
  ])("unusable input %j exits 2 with a one-line reason", async (argv, pattern) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n").length).toBe(1);
    expect(r.err).toMatch(pattern as RegExp);
  });

  test("a group-level FY2023 workbook with points in all six sections is scored against 2,185", async () => {
    const t = join(dir, "template-2023.xlsx");
    expect((await run("template", "--rulebook", "kaigo-municipal-fy2023-groups", "--out", t)).code).toBe(0);
    const f = await fill(t, join(dir, "filled-2023.xlsx"), {
      "P_I.points": 120,
      "P_II.points": "５８０",
      "P_III.points": 110,
      "S_I.points": 20,
      "S_II.points": 400,
      "S_III.points": 16,
    });
    const json = JSON.parse((await run("score", f, "--json")).out);
    expect(json.total).toMatchObject({ points: 1246, max: 2185, ratePercent: 57 });
    expect(
      json.groups.map((g: { id: string; points: number; max: number }) => [g.id, g.points, g.max]),
    ).toEqual([
      ["P", 810, 1355],
      ["S", 436, 830],
    ]);
    expect(json.issues).toEqual([]);
  });

  test("rulebook check: a bundled rulebook passes, a broken one names the path and exits 2", async () => {
    const ok = await run(
      "rulebook",
      "check",
      join(root, "src", "rulebooks", "bundled", "kaigo-municipal-fy2026.json"),
    );
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/OK/);
    const broken = join(dir, "broken.json");
    const doc = JSON.parse(
      readFileSync(join(root, "src", "rulebooks", "bundled", "kouki-fy2022.json"), "utf8"),
    );
    doc.root.children[0].id = "1bad";
    writeFileSync(broken, JSON.stringify(doc));
    const bad = await run("rulebook", "check", broken);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/root\.children\[0\]\.id/);
  });

  test("rulebook check|import of a 配点表: problems at their cells, in English with --lang en", async () => {
    const book = rulebookToTable(findBundled("kaigo-municipal-fy2026")!);
    const [header, ...rows] = book["指標"];
    const points = header.indexOf("配点");
    const row = rows.find((r) => typeof r[points] === "number")!;
    row[points] = "十";
    const id = String(row[header.indexOf("ID")]).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const file = join(dir, "broken-haitenhyo.xlsx");
    writeFileSync(file, await tableBookBytes(book));

    const ja = await run("rulebook", "check", file);
    expect(ja.code).toBe(2);
    expect(ja.out).toMatch(
      new RegExp(
        `^\\[エラー\\] 指標!G\\d+: 指標「${id}」: 配点「十」を数値として読めません。数値を入力してください。$`,
        "m",
      ),
    );
    const en = await run("rulebook", "check", file, "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.out).toMatch(
      new RegExp(
        `^\\[error\\] 指標!G\\d+: Indicator “${id}”: 配点 “十” is not a number\\. Enter a number\\.$`,
        "m",
      ),
    );
    const imported = await run("--lang", "en", "rulebook", "import", file);
    expect(imported.code).toBe(2);
    expect(imported.err).toMatch(new RegExp(`Indicator “${id}”: 配点 “十” is not a number\\.`));
    const template = await run(
      "template",
      "--rulebook",
      file,
      "--out",
      join(dir, "never.xlsx"),
      "--lang",
      "en",
    );
    expect(template.code).toBe(2);
    expect(template.err).toMatch(
      /The score table \(配点表\) .* has errors \(1 in all\)\. The first, at 指標!G\d+: Indicator “/,
    );
    expect(template.err).not.toMatch(/[ぁ-ん]/);
  });

  test("score without --out reads with the fast reader, and with ExcelJS only what that reader leaves to it", async () => {
    const excel = jest.spyOn(ExcelJsWorkbook, "fromBuffer");
    try {
      const fast = await run("score", filled, "--json");
      expect(fast.code).toBe(0);
      expect(excel).not.toHaveBeenCalled();
      // The same workbook as ExcelJS alone reads it (the fast reader made to leave it): the same result.
      const leave = jest.spyOn(XlsxReader, "fromBuffer").mockRejectedValue(new Unsupported("test"));
      let slow: Awaited<ReturnType<typeof run>>;
      try {
        slow = await run("score", filled, "--json");
      } finally {
        leave.mockRestore();
      }
      expect(excel).toHaveBeenCalledTimes(1);
      expect(slow.code).toBe(0);
      expect(fast.out).toBe(slow.out);
      // A scored copy is written by ExcelJS, which loads the whole book.
      excel.mockClear();
      expect((await run("score", filled, "--out", join(dir, "copy-fast.xlsx"))).code).toBe(0);
      expect(excel).toHaveBeenCalledTimes(1);
    } finally {
      excel.mockRestore();
    }
  });

  test("score without --out, run as built, never loads ExcelJS, zod or pako for a workbook the fast reader reads, and one rulebook", () => {
    // pako is the pane's inflate (its bundle has no zlib); Node inflates with zlib. Of the bundled
    // rulebooks, only the one the workbook records is read. Nor does it load what other commands do
    // (the review's pool and progress bar, the national tally's reading), or crypto, which names the
    // temporary files of writes.
    const probe = `
      const { main } = require(${JSON.stringify(join(root, "dist", "cli", "main.js"))});
      main(["score", process.argv[2], "--json"], { out: () => {}, err: (s) => process.stderr.write(s) }).then((code) => {
        const sep = require("path").sep;
        const files = Object.keys(require.cache);
        const loaded = (name) => files.some((f) => f.includes(["node_modules", name, ""].join(sep)));
        const ours = (part) => files.some((f) => f.includes(["dist", ...part.split("/")].join(sep)));
        const rulebooks = files.filter((f) => /[\\\\/]bundled[\\\\/][^\\\\/]+\\.json$/.test(f)).length;
        process.stdout.write(JSON.stringify({
          code,
          exceljs: loaded("exceljs"),
          zod: loaded("zod"),
          pako: loaded("pako"),
          rulebooks,
          otherCommands: ["review/pool.js", "cli/review.js", "cli/tally.js", "tally/", "cli/rulebook.js"].filter(ours),
          progressBar: loaded("cli-progress"),
          crypto: process.moduleLoadList.some((m) => m === "NativeModule crypto"),
        }));
      });`;
    const r = runProbe("score-probe.js", probe, filled);
    expect(JSON.parse(r)).toEqual({
      code: 0,
      exceljs: false,
      zod: false,
      pako: false,
      rulebooks: 1,
      otherCommands: [],
      progressBar: false,
      crypto: false,
    });
  });

  test("saiten --version, run as built, loads no command's own code", () => {
    const probe = `
      const { main } = require(${JSON.stringify(join(root, "dist", "cli", "main.js"))});
      let said = "";
      main(["--version"], { out: (s) => (said += s), err: (s) => process.stderr.write(s) }).then((code) => {
        const sep = require("path").sep;
        const commands = ["score", "review", "tally", "rulebook"].filter((c) =>
          Object.keys(require.cache).some((f) => f.endsWith(["dist", "cli", c + ".js"].join(sep))),
        );
        process.stdout.write(JSON.stringify({ code, said: said.trim(), commands }));
      });`;
    const r = runProbe("version-probe.js", probe);
    const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
    expect(JSON.parse(r)).toEqual({ code: 0, said: version, commands: [] });
  });

  test("review, run as built, loads the CSV libraries only when it reads --insured or writes --csv", () => {
    const probe = `
      const { main } = require(${JSON.stringify(join(root, "dist", "cli", "main.js"))});
      const extra = process.argv.slice(3);
      main(["review", process.argv[2], "--rulebook", "kaigo-municipal-fy2026", "--jobs", "1", "--quiet", "--json", "-", ...extra], {
        out: () => {},
        err: (s) => process.stderr.write(s),
      }).then((code) => {
        const sep = require("path").sep;
        const loaded = (name) => Object.keys(require.cache).some((f) => f.includes(["node_modules", name, ""].join(sep)));
        process.stdout.write(JSON.stringify({ code, parse: loaded("csv-parse"), stringify: loaded("csv-stringify") }));
      });`;
    expect(JSON.parse(runProbe("review-probe.js", probe, filled))).toEqual({ code: 0, parse: false, stringify: false });
    const insured = join(dir, "insured-probe.csv");
    writeFileSync(insured, "code,insured\n011002,5\n");
    const csv = join(dir, "summary-probe.csv");
    rmSync(csv, { force: true });
    const withCsv = runProbe("review-probe.js", probe, filled, "--insured", insured, "--csv", csv);
    expect(JSON.parse(withCsv)).toEqual({ code: 0, parse: true, stringify: true });
    expect(readFileSync(csv, "utf8").startsWith("\uFEFF")).toBe(true);
  });

  test("a review worker, run as built, reviews a workbook the fast reader reads without ExcelJS, zod, pako or crypto", () => {
    // What every worker of a batch loads before its first file: the reading and scoring code only
    // (crypto names the temporary files of writes, which the main thread does).
    const probe = `
      const { reviewFile } = require(${JSON.stringify(join(root, "dist", "review", "worker.js"))});
      const { loadBundled } = require(${JSON.stringify(join(root, "dist", "rulebooks", "load-bundled.js"))});
      loadBundled("kaigo-municipal-fy2026").then((rulebook) => reviewFile(process.argv[2], { rulebook })).then((record) => {
        const sep = require("path").sep;
        const loaded = (name) => Object.keys(require.cache).some((f) => f.includes(["node_modules", name, ""].join(sep)));
        process.stdout.write(JSON.stringify({
          status: record.status,
          exceljs: loaded("exceljs"),
          zod: loaded("zod"),
          pako: loaded("pako"),
          crypto: process.moduleLoadList.some((m) => m === "NativeModule crypto"),
        }));
      });`;
    const r = runProbe("worker-probe.js", probe, filled);
    expect(JSON.parse(r)).toEqual({ status: "scored", exceljs: false, zod: false, pako: false, crypto: false });
  });

  test("score --out, run as built, loads ExcelJS's workbook but not its streaming reader and writer", () => {
    // ExcelJS's entry also loads those (archiver, unzipper and theirs: about 380 of its 660 modules),
    // which Saiten never uses: the adapter loads the workbook module alone.
    const probe = `
      const { main } = require(${JSON.stringify(join(root, "dist", "cli", "main.js"))});
      main(["score", process.argv[1], "--out", process.argv[2]], { out: () => {}, err: (s) => process.stderr.write(s) }).then((code) => {
        const sep = require("path").sep;
        const files = Object.keys(require.cache);
        const loaded = (name) => files.some((f) => f.includes(["node_modules", name, ""].join(sep)));
        process.stdout.write(JSON.stringify({
          code,
          exceljs: loaded("exceljs"),
          streams: files.some((f) => f.includes(["exceljs", "lib", "stream", ""].join(sep))),
          archiver: loaded("archiver"),
          unzipper: loaded("unzipper"),
        }));
      });`;
    const r = spawnSync(process.execPath, ["-e", probe, filled, join(dir, "copy-modules.xlsx")], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ code: 0, exceljs: true, streams: false, archiver: false, unzipper: false });
  });

  test("the installed bin runs (npx saiten)", () => {
    const r = spawnSync(process.execPath, [join(root, "bin", "saiten.js"), "rulebooks"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/kaigo-municipal-fy2026/);
  });
});
