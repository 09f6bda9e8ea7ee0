// Rulebooks the references support beyond the municipal kaigo ones — 介護 都道府県分 FY2026 at goal
// level and 後期高齢者医療 (160 points) — against their references, and NHI municipal FY2024's
// known gaps: 固有⑥ minus points, and points entered past a published maximum warned about, not
// clamped silently. Real .xlsx files through the template and the CLI; reference files skip when
// ../shared is absent.
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../src/cli/main";
import { score } from "../src/engine";
import type { GroupResult, Issue, ScoreResult } from "../src/engine/types";
import { findBundled } from "../src/rulebooks/registry";
import type { Group, Indicator, Node, Rulebook } from "../src/rulebooks/schema";
import { groupReach } from "../src/rulebooks/structure";
import { checkRulebook } from "../src/rulebooks/validate";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { runScoring } from "../src/app/scoring-run";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";
import { readCsv, sharedFile, SHARED_REFERENCE } from "./fixtures/shared-kaigo";

const dir = mkdtempSync(join(tmpdir(), "saiten-more-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nodes(n: Node): Node[] {
  return n.kind === "group" ? [n, ...n.children.flatMap(nodes)] : [n];
}
const group = (rb: Rulebook, id: string) =>
  nodes(rb.root).find((n): n is Group => n.id === id && n.kind === "group")!;
const indicators = (rb: Rulebook) => nodes(rb.root).filter((n): n is Indicator => n.kind !== "group");

function groupPoints(result: ScoreResult): Map<string, number> {
  const out = new Map<string, number>([[result.total.id, result.total.points]]);
  const walk = (g: GroupResult) => {
    out.set(g.id, g.points);
    g.children.forEach(walk);
  };
  result.groups.forEach(walk);
  return out;
}

/** The template with answers typed into its 回答 column: a real .xlsx, saved and read back. */
async function throughTemplate(rb: Rulebook, answers: Record<string, ExcelJS.CellValue>, name: string) {
  const book = createTemplateWorkbook(rb);
  const ws = book.getWorksheet("回答")!;
  const header = ws.getRow(5).values as unknown[];
  const idCol = header.indexOf("指標ID");
  const answerCol = header.indexOf("回答");
  const cells: Record<string, string> = {};
  ws.eachRow((row, n) => {
    const id = String(row.getCell(idCol).value);
    if (n <= 5 || !(id in answers)) return;
    row.getCell(answerCol).value = answers[id];
    cells[id] = `回答!${row.getCell(answerCol).address}`;
  });
  expect(Object.keys(cells).sort()).toEqual(Object.keys(answers).sort());
  const file = join(dir, `${name}.xlsx`);
  await (book as ExcelJS.Workbook).xlsx.writeFile(file);
  const run = await runScoring(await ExcelJsWorkbook.open(file), { rulebook: rb, write: false });
  return { run, cells, file };
}

/** Blank answers are reported as missing; these tests look at everything else. */
const notMissing = (i: Issue) => i.code !== "missing" && i.severity !== "info";

async function cli(...argv: string[]) {
  let out = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (out += s) });
  return { code, out };
}

// ---------------------------------------------------------------- 介護 都道府県分 FY2026

describe("kaigo-prefectural-fy2026-groups", () => {
  const rb = findBundled("kaigo-prefectural-fy2026-groups")!;
  const GOALS = ["P_I", "P_II", "P_III", "P_IV", "S_I", "S_II", "S_III", "S_IV"];

  test("validates cleanly: 47 prefectures, 8 目標 × 100 = 推進 400 + 支援 400 = 800, 目標Ⅳ counted in both", () => {
    expect(checkRulebook(JSON.parse(JSON.stringify(rb))).problems).toEqual([]);
    expect([rb.entity, rb.fiscalYear, rb.level, rb.population, rb.scheme]).toEqual([
      "prefecture",
      2026,
      "group",
      47,
      "kaigo-kofukin",
    ]);
    expect([rb.root.max, groupReach(rb.root).max]).toEqual([800, 800]);
    for (const id of ["P", "S"])
      expect([id, group(rb, id).max, groupReach(group(rb, id)).max]).toEqual([id, 400, 400]);
    for (const id of GOALS) {
      const g = group(rb, id);
      expect([id, g.max, g.children.map((c) => [c.kind, c.id, c.kind === "points" ? c.max : null])]).toEqual([
        id,
        100,
        [["points", `${id}.points`, 100]],
      ]);
    }
    expect(
      indicators(rb)
        .filter((i) => i.answerFrom)
        .map((i) => [i.id, i.answerFrom]),
    ).toEqual([["S_IV.points", "P_IV.points"]]);
    expect(rb.sources.every((s) => s.confidence === "secondary")).toBe(true);
  });

  const prefFile = sharedFile("kaigo-prefectural-R8-fukushima.csv");
  const ROWS: Record<string, string> = {
    推進Ⅰ: "P_I",
    推進Ⅱ: "P_II",
    推進Ⅲ: "P_III",
    推進Ⅳ: "P_IV",
    推進合計: "P",
    支援Ⅰ: "S_I",
    支援Ⅱ: "S_II",
    支援Ⅲ: "S_III",
    支援Ⅳ: "S_IV",
    支援合計: "S",
    総合計: "KAIGO",
  };
  const withPref = prefFile ? test : test.skip;

  withPref(
    "maxima, national means (0.1) and medians are the reference's (kaigo-prefectural-R8-fukushima.csv)",
    () => {
      const table = readCsv(prefFile!);
      expect(table.map((r) => r["区分"])).toEqual(Object.keys(ROWS));
      for (const r of table) {
        const g = group(rb, ROWS[r["区分"]]);
        expect([g.id, g.max, Math.round(g.benchmark!.mean! * 10) / 10, g.benchmark!.median]).toEqual([
          g.id,
          Number(r["配点"]),
          Number(r["全国平均"]),
          Number(r["全国中央値"]),
        ]);
      }
    },
  );

  withPref(
    "福島県's goal points, typed into the template and scored, give its published 263 + 267 = 530",
    async () => {
      const table = readCsv(prefFile!);
      const answers: Record<string, number> = {};
      for (const r of table) {
        const id = ROWS[r["区分"]];
        // 支援Ⅳ is 推進Ⅳ's answer (the same outcome set); its own cell stays blank
        if (GOALS.includes(id) && id !== "S_IV") answers[`${id}.points`] = Number(r["福島県"]);
      }
      const { run } = await throughTemplate(rb, answers, "fukushima");
      expect(run.result.issues.filter((i) => i.severity !== "info")).toEqual([]);
      const scored = groupPoints(run.result);
      for (const r of table)
        expect([r["区分"], scored.get(ROWS[r["区分"]])]).toEqual([r["区分"], Number(r["福島県"])]);
      expect(run.result.total.points).toBe(530);
      expect(run.result.total.ratePercent).toBe(66.3);
    },
  );

  const refFile = sharedFile("kaigo-2024-municipal-indicators.md", SHARED_REFERENCE);
  (refFile ? test : test.skip)("目標Ⅳ's mean is the reference §6's national total 2,210 ÷ 47", () => {
    const text = readFileSync(refFile!, "utf8");
    const m = /目標Ⅳ identical in both grants \(national total ([\d,]+), mean ([\d.]+)\)/.exec(text);
    expect(m).not.toBeNull();
    const [total, mean] = [Number(m![1].replace(",", "")), Number(m![2])];
    expect(Math.round((total / 47) * 100) / 100).toBe(mean);
    for (const id of ["P_IV", "S_IV"]) expect(group(rb, id).benchmark?.mean).toBe(mean);
    expect(text).toMatch(/total 535\.6 \(median 534\)/);
    expect([rb.root.benchmark?.mean, rb.root.benchmark?.median]).toEqual([535.6, 534]);
  });
});

// ---------------------------------------------------------------- 後期高齢者医療 160 points

describe("kouki-fy2024 (160 points)", () => {
  const rb = findBundled("kouki-fy2024")!;

  test("validates cleanly: 事業実施 126 + 事業評価加点 20 + アウトカム 14 = 160, points entry each", () => {
    expect(checkRulebook(JSON.parse(JSON.stringify(rb))).problems).toEqual([]);
    expect([rb.entity, rb.scheme, rb.level, rb.population]).toEqual([
      "wide-area-union",
      "kouki-incentive",
      "group",
      47,
    ]);
    expect(rb.root.children.map((g) => [g.id, g.code, g.kind === "group" ? g.max : null])).toEqual([
      ["JIGYO", "事業実施", 126],
      ["HYOKA", "事業評価加点", 20],
      ["OUTCOME", "アウトカム", 14],
    ]);
    expect([rb.root.max, groupReach(rb.root).max]).toEqual([160, 160]);
    expect(indicators(rb).map((i) => [i.kind, i.kind === "points" ? i.max : null])).toEqual([
      ["points", 126],
      ["points", 20],
      ["points", 14],
    ]);
    expect(rb.root.benchmark).toBeUndefined(); // no national mean after 令和4年度 in the sources
  });

  const refFile = sharedFile("official-indicators.md", SHARED_REFERENCE);
  (refFile ? test : test.skip)("the maxima are official-indicators.md's (§0 and §4.1)", () => {
    const text = readFileSync(refFile!, "utf8");
    const m = /\*\*160\*\* = 事業実施 (\d+) \+ 事業評価加点 (\d+) \+ アウトカム (\d+)/.exec(text);
    expect(m).not.toBeNull();
    expect(rb.root.children.map((g) => (g.kind === "group" ? g.max : null))).toEqual(m!.slice(1).map(Number));
    expect(/\*\*160点\*\* \(126\+20\+14\)/.test(text)).toBe(true);
  });

  test("scores the parts entered; a part above its points is reported and scores 0", () => {
    const ok = score(rb, { "JIGYO.points": 100, "HYOKA.points": 15, "OUTCOME.points": 10 });
    expect([ok.total.points, ok.total.ratePercent, ok.issues]).toEqual([125, 78.1, []]);
    const over = score(rb, { "JIGYO.points": 127 });
    expect(over.total.points).toBe(0);
    expect(over.issues.filter(notMissing).map((i) => [i.severity, i.code, i.indicatorId])).toEqual([
      ["error", "out_of_range", "JIGYO.points"],
    ]);
  });
});

// ---------------------------------------------------------------- NHI municipal FY2024

describe("nhi-municipal-fy2024: 固有⑥ minus points", () => {
  const rb = findBundled("nhi-municipal-fy2024")!;

  test("▲ and − entries take points off, down to ▲30; below that is out of range, naming the cell", async () => {
    const { run } = await throughTemplate(
      rb,
      { "KYOTSU_1.points": 100, "KOYU_1.points": 50, "KOYU_6.points": "▲10" },
      "nhi-minus",
    );
    expect(run.result.issues.filter(notMissing)).toEqual([]);
    const pts = groupPoints(run.result);
    expect([pts.get("KOYU_6"), pts.get("KOYU"), run.result.total.points]).toEqual([-10, 40, 140]);

    for (const [entry, points] of [
      ["−5", -5], // U+2212
      ["-30", -30],
      ["▲30", -30],
      ["△2.5", -2.5],
    ] as const) {
      const r = score(rb, { "KOYU_6.points": entry, "KYOTSU_1.points": 100 });
      expect([entry, r.indicators.find((i) => i.id === "KOYU_6.points")?.points, r.total.points]).toEqual([
        entry,
        points,
        100 + points,
      ]);
    }

    const below = await throughTemplate(rb, { "KYOTSU_1.points": 100, "KOYU_6.points": "▲31" }, "nhi-below");
    const issue = below.run.result.issues.find((i) => i.indicatorId === "KOYU_6.points")!;
    expect(issue).toMatchObject({
      severity: "error",
      code: "out_of_range",
      cell: below.cells["KOYU_6.points"],
    });
    expect(issue.message.ja).toContain(`${below.cells["KOYU_6.points"]}（`);
    expect(issue.message.ja).toContain("-31点は範囲外です（-30点以上）");
    expect(below.run.result.total.points).toBe(100);
  });

  test("the notes say the 令和6年度 size of the deduction is unknown", () => {
    const note = rb.notes.find((n) => typeof n !== "string" && n.ja.startsWith("マイナス評価"));
    expect(note).toBeDefined();
    if (!note || typeof note === "string") return;
    expect(note.ja).toMatch(/令和6年度の減点の大きさは資料に無く、不明/);
    expect(note.en).toMatch(/size of the 令和6年度 deduction is not in the sources and is unknown/);
  });
});

describe("points entered past a published maximum: clamped, and a warning names the cells", () => {
  const rb = findBundled("nhi-municipal-fy2024")!;

  test("NHI: a total above 840, through the template and in the CLI report", async () => {
    const { run, cells, file } = await throughTemplate(
      rb,
      { "KYOTSU_1.points": 500, "KOYU_1.points": 400, "KOYU_6.points": "▲10", "KYOTSU_3_KENSHIN.item1": "○" },
      "nhi-over",
    );
    expect([run.result.total.points, run.result.total.sum, run.result.total.clamped]).toEqual([
      840,
      895,
      "max",
    ]);
    const warnings = run.result.issues.filter(notMissing);
    expect(warnings).toEqual([
      {
        severity: "warning",
        code: "out_of_range",
        indicatorId: "KYOTSU_1.points",
        cell: cells["KYOTSU_1.points"],
        message: {
          ja: `${cells["KYOTSU_1.points"]}（共通①）、${cells["KOYU_1.points"]}（固有①）: 保険者努力支援制度（取組評価分）市町村分の得点の合計 895点が満点 840点を超えています。840点として計算しました。入力した得点を確認してください。`,
          en: `${cells["KYOTSU_1.points"]} (共通①), ${cells["KOYU_1.points"]} (固有①): the points of NHI insurer-effort support system, effort evaluation, municipal part add up to 895, above the maximum of 840; counted as 840. Check the points entered.`,
        },
      },
    ]);
    const report = await cli("score", file);
    expect(report.out).toContain(`[警告] ${warnings[0].message.ja}`);
    const english = await cli("score", file, "--lang", "en");
    expect(english.out).toContain(`[warning] ${warnings[0].message.en}`);
    // at the maximum exactly: nothing to say
    const at = score(rb, { "KYOTSU_1.points": 500, "KOYU_1.points": 340 });
    expect([at.total.points, at.issues.filter(notMissing)]).toEqual([840, []]);
  });

  test("a group's published maximum, in any rulebook with points entry; rules that clamp stay silent", () => {
    const rb2: Rulebook = {
      ...structuredClone(findBundled("kouki-fy2024")!),
      root: {
        kind: "group",
        id: "ALL",
        name: "合計",
        max: 35,
        children: [
          {
            kind: "group",
            id: "A",
            name: "区分A",
            max: 10,
            children: [
              { kind: "points", id: "A.x", code: "A①", name: "A①の得点" },
              { kind: "points", id: "A.y", name: "A②の得点" },
              { kind: "yesno", id: "A.z", name: "A③", points: 5 },
            ],
          },
          { kind: "points", id: "B.x", name: "Bの得点", max: 20 },
          {
            kind: "group",
            id: "C",
            name: "区分C",
            max: 5,
            children: [
              { kind: "yesno", id: "C.a", name: "C①", points: 4 },
              { kind: "yesno", id: "C.b", name: "C②", points: 4 },
            ],
          },
        ],
      },
    };
    const r = score(rb2, { "A.x": 7, "A.y": 0, "A.z": "○", "B.x": 20 });
    expect(groupPoints(r).get("A")).toBe(10);
    expect(r.issues.filter(notMissing).map((i) => [i.severity, i.code, i.indicatorId, i.message.ja])).toEqual(
      [
        [
          "warning",
          "out_of_range",
          "A.x",
          "A①: 区分Aの得点の合計 12点が満点 10点を超えています。10点として計算しました。入力した得点を確認してください。",
        ],
      ],
    );
    // a group whose rules alone pass its maximum is clamped as the rule says: nothing was entered
    const rules = score(rb2, { "C.a": "○", "C.b": "○" });
    const c = rules.groups.find((g) => g.id === "C")!;
    expect([c.points, c.sum, c.clamped, rules.issues.filter(notMissing)]).toEqual([5, 8, "max", []]);
  });
});
