// The bundled kaigo rulebooks (FY2024–FY2026, item and group level) against the real published figures
// in ../shared/reference/data: every national figure they carry is the re-tabulated tally's, and one
// real village's answers, typed into the standard template and scored, give its published subtotals.
// Skips, saying why, where ../shared is absent (a user's machine).
import ExcelJS from "exceljs";
import type { GroupResult } from "../src/engine/types";
import { findBundled } from "../src/rulebooks/registry";
import type { Group, Node, RuleBand, RuleOption, Rulebook } from "../src/rulebooks/schema";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { runScoring } from "../src/app/scoring-run";
import { buildTemplate } from "../src/workbook/template";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";
import { subItemIndex } from "../src/tally/match";
import { readCsv, readTallyCsv, sharedFile, type TallyCsvRow, type Year } from "./fixtures/shared-kaigo";

const YEARS: Year[] = [2024, 2025, 2026];
const N = 1741;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r4 = (x: number) => Math.round(x * 10000) / 10000;

const tallyFile = sharedFile("kaigo-tally-columns-R6-R8.csv");
const rows: TallyCsvRow[] = tallyFile ? readTallyCsv(tallyFile) : [];
const withTally = tallyFile ? describe : describe.skip;

function groupsOf(node: Node): Group[] {
  return node.kind === "group" ? [node, ...node.children.flatMap(groupsOf)] : [];
}
function group(rb: Rulebook, id: string): Group {
  const g = groupsOf(rb.root).find((x) => x.id === id);
  if (!g) throw new Error(`no group ${id} in ${rb.id}`);
  return g;
}
/** Subtotal rows name a 目標Ⅳ once; its single 成果指標群 has the same figures. */
const groupIdsOf = (r: TallyCsvRow) => (/^[PS]_IV$/.test(r.id!) ? [r.id!, `${r.id}_O`] : [r.id!]);

withTally("the national tally file is read as its README describes", () => {
  test("961 rows: 319 / 320 / 322 per year, each resolving to one rulebook id", () => {
    expect(rows).toHaveLength(961);
    for (const [year, n, subtotals] of [
      [2024, 319, 23],
      [2025, 320, 23],
      [2026, 322, 23],
    ] as const) {
      const own = rows.filter((r) => r.year === year);
      expect([year, own.length, own.filter((r) => r.kind === "group").length]).toEqual([year, n, subtotals]);
      expect(own.filter((r) => r.id === null).map((r) => r.label)).toEqual([]);
      for (const grant of ["P", "S"] as const) {
        const ids = own.filter((r) => r.grant === grant).map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
      }
    }
  });
});

withTally("every national figure of the bundled kaigo rulebooks is the tally file's", () => {
  describe.each(YEARS)("FY%i", (year) => {
    test("item level: every column's points, national hit count and share (count ÷ 1,741)", () => {
      const rb = findBundled(`kaigo-municipal-fy${year}`)!;
      const idx = subItemIndex(rb);
      const columns = rows.filter((r) => r.year === year && r.kind === "item");
      // each sub-item once: 目標Ⅳ's columns are listed under both grants, with the same figures
      expect(columns.map((r) => r.id).sort()).toEqual([...idx.subItemOrder].sort());
      for (const r of columns) {
        const info = idx.subItems.get(r.id!)!;
        const def = idx.compiled.indicators[info.indicatorIdx].def;
        const part: { benchmark?: RuleOption["benchmark"] } =
          info.part < 0
            ? def
            : (
                ("bands" in def ? def.bands : "options" in def ? def.options : []) as (
                  RuleBand | RuleOption
                )[]
              )[info.part];
        expect([r.id, info.points, part.benchmark?.hitCount, part.benchmark?.hitRate]).toEqual([
          r.id,
          r.points,
          r.hitCount,
          r4(r.hitRate!),
        ]);
        expect(r.hitRate).toBeCloseTo(r.hitCount! / N, 12);
      }
    });

    test.each([
      ["item-level", ""],
      ["group-level", "-groups"],
    ])("%s rulebook: every group's maximum, mean, median and SD; no other group figure", (_, suffix) => {
      const rb = findBundled(`kaigo-municipal-fy${year}${suffix}`)!;
      const subtotals = rows.filter((r) => r.year === year && r.kind === "group");
      const checked: string[] = [];
      for (const r of subtotals) {
        for (const id of groupIdsOf(r)) {
          const g = group(rb, id);
          const b = g.benchmark;
          expect([id, g.max, b?.mean, b?.median, b?.sd]).toEqual([
            id,
            r.points,
            r3(r.mean),
            r.median,
            r3(r.sd),
          ]);
          expect(b?.source).toMatch(/kofukin-3year-csv|tally-csv/);
          if (!checked.includes(id)) checked.push(id);
        }
      }
      expect(checked).toHaveLength(25);
      const carrying = groupsOf(rb.root).filter((g) => g.benchmark !== undefined);
      expect(carrying.map((g) => g.id).sort()).toEqual(checked.sort());
      // the file names it as a source, and says it is a secondary one
      const source = rb.sources.find((s) => s.id === "kofukin-3year-csv" || s.id === "tally-csv");
      expect(source).toMatchObject({
        path: "docs/北塩原村_第10期/data/交付金評価指標_3か年.csv",
        confidence: "secondary",
      });
      expect(
        rb.notes.some((n) => typeof n !== "string" && /二次資料/.test(n.ja) && /secondary/.test(n.en ?? "")),
      ).toBe(true);
    });
  });

  test("the 0.1 means the file replaced disagreed beyond rounding only where the notes say so", () => {
    // The figures bundled before (data_kofukin_zenkoku.py, 1 decimal) and the tally's, rounded.
    const before: Record<number, Record<string, number>> = {
      2025: {
        P_I: 59.4,
        P_II: 65.4,
        P_III: 46.6,
        P_IV: 47.9,
        S_I: 55.3,
        S_II: 46.5,
        S_III: 66.1,
        P: 219.3,
        S: 215.8,
      },
      2026: {
        P_I: 62.3,
        P_II: 69.1,
        P_III: 50.8,
        P_IV: 47.7,
        S_I: 57.8,
        S_II: 51.1,
        S_III: 68.3,
        P: 230.0,
        S: 224.9,
      },
    };
    const disagree: string[] = [];
    for (const year of [2025, 2026] as const)
      for (const [id, mean] of Object.entries(before[year])) {
        const r = rows.find((x) => x.year === year && x.kind === "group" && x.id === id)!;
        if (Math.round(r.mean * 10) / 10 !== mean) disagree.push(`${year} ${id}`);
      }
    expect(disagree).toEqual(["2025 P_IV", "2025 P", "2025 S", "2026 P_II", "2026 P_IV", "2026 P", "2026 S"]);
    for (const year of [2025, 2026] as const) {
      const text = findBundled(`kaigo-municipal-fy${year}`)!
        .notes.map((n) => (typeof n === "string" ? n : n.ja))
        .join("\n");
      for (const d of disagree.filter((x) => x.startsWith(String(year)))) {
        const id = d.split(" ")[1];
        const r = rows.find((x) => x.year === year && x.kind === "group" && x.id === id)!;
        expect([d, text.includes(r3(r.mean).toFixed(3))]).toEqual([d, true]);
      }
    }
  });
});

// ---------------------------------------------------------------- the real village

/** The answers that give 北塩原村's column points: ○/× for yes/no items, the band reached otherwise. */
function villageAnswers(rb: Rulebook, year: Year): Record<string, string> {
  const idx = subItemIndex(rb);
  const points = new Map(
    rows.filter((r) => r.year === year && r.kind === "item").map((r) => [r.id!, r.village]),
  );
  const spec = new Map(buildTemplate(rb).rows.map((r) => [r.id, r]));
  const answers: Record<string, string> = {};
  for (const ci of idx.compiled.indicators) {
    if (ci.linked) continue;
    const d = ci.def;
    if (d.kind === "yesno") {
      const v = points.get(ci.id)!;
      expect([ci.id, v === 0 || v === d.points]).toEqual([ci.id, true]);
      answers[ci.id] = v > 0 ? "○" : "×";
    } else if (d.kind === "rankBand") {
      const parts = ci.partIds.map((p) => points.get(p)!);
      const reached = parts.filter((v) => v > 0).length;
      // cumulative: the bands reached are the first ones, each at its full points
      expect([ci.id, parts]).toEqual([ci.id, d.bands.map((b, k) => (k < reached ? b.points : 0))]);
      answers[ci.id] = spec.get(ci.id)!.choices![reached];
    } else throw new Error(`unexpected kind ${d.kind}`);
  }
  return answers;
}

/** The standard template with the answers typed into its 回答 column, as .xlsx bytes. */
async function filledTemplate(rb: Rulebook, answers: Record<string, string>): Promise<ArrayBuffer> {
  const book = createTemplateWorkbook(rb);
  const ws = book.getWorksheet("回答")!;
  const header = ws.getRow(5).values as unknown[];
  const idCol = header.indexOf("指標ID");
  const answerCol = header.indexOf("回答");
  let typed = 0;
  ws.eachRow((row, n) => {
    const id = String(row.getCell(idCol).value);
    if (n > 5 && answers[id] !== undefined) {
      row.getCell(answerCol).value = answers[id];
      typed++;
    }
  });
  expect(typed).toBe(Object.keys(answers).length);
  return (await (book as ExcelJS.Workbook).xlsx.writeBuffer()) as ArrayBuffer;
}

const PUBLISHED_TOTAL: Record<Year, number> = { 2024: 295, 2025: 339, 2026: 447 };

withTally("北塩原村's answers, typed into the template and scored, give its published subtotals", () => {
  test.each(YEARS)("FY%i", async (year) => {
    const rb = findBundled(`kaigo-municipal-fy${year}`)!;
    const answers = villageAnswers(rb, year);
    const book = await ExcelJsWorkbook.fromBuffer(await filledTemplate(rb, answers));
    const run = await runScoring(book, { rulebook: rb, write: false });
    expect(run.source).toBe("template");
    expect(run.result.issues.filter((i) => i.severity !== "info")).toEqual([]);

    const scored = new Map<string, number>([[rb.root.id, run.result.total.points]]);
    const walk = (g: GroupResult) => {
      scored.set(g.id, g.points);
      g.children.forEach(walk);
    };
    run.result.groups.forEach(walk);
    const subtotals = rows.filter((r) => r.year === year && r.kind === "group");
    for (const r of subtotals)
      for (const id of groupIdsOf(r)) expect([id, scored.get(id)]).toEqual([id, r.village]);
    expect(run.result.total.points).toBe(PUBLISHED_TOTAL[year]);
    // and column by column: every sub-item earned is the village's
    const columns = new Map(
      rows.filter((r) => r.year === year && r.kind === "item").map((r) => [r.id!, r.village]),
    );
    for (const ind of run.result.indicators) {
      const parts = ind.parts ?? [{ id: ind.id, points: ind.points }];
      for (const p of parts) expect([p.id, p.points]).toEqual([p.id, columns.get(p.id)]);
    }
  });
});

const goalsFile = sharedFile("kaigo-R8-goals-kitashiobara.csv");
const trendFile = sharedFile("kaigo-R6-R8-item-trend-kitashiobara.csv");
const GOAL_IDS: Record<string, string> = {
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

(tallyFile && goalsFile ? describe : describe.skip)("the village's 令和8年度 goal table agrees", () => {
  test("points per 目標 and totals (447/800), national means to 0.1 as bundled", () => {
    const rb = findBundled("kaigo-municipal-fy2026")!;
    const table = readCsv(goalsFile!);
    expect(table.map((r) => r["区分"])).toEqual(Object.keys(GOAL_IDS));
    for (const r of table) {
      const id = GOAL_IDS[r["区分"]];
      const tally = rows.find((x) => x.year === 2026 && x.kind === "group" && x.id === id)!;
      const g = group(rb, id);
      expect([id, Number(r["本村"]), Number(r["配点"]), Number(r["全国平均"])]).toEqual([
        id,
        tally.village,
        g.max,
        Math.round(g.benchmark!.mean! * 10) / 10,
      ]);
      expect(Number(r["全国市町村数"])).toBe(N);
    }
  });
});

(tallyFile && trendFile ? describe : describe.skip)("the village's item trend 令和6→8 agrees", () => {
  test("points in each year per item, and the 令和8年度 national share to 0.1%", () => {
    const trend = readCsv(trendFile!);
    expect(trend).toHaveLength(284);
    const rb = findBundled("kaigo-municipal-fy2026")!;
    const idx = subItemIndex(rb);
    const byLabel = (year: Year, r: Record<string, string>) =>
      rows.find(
        (x) =>
          x.year === year &&
          x.kind === "item" &&
          x.grant === (r["交付金"] === "推進" ? "P" : "S") &&
          x.label === r["指標"] &&
          idx.subItems.has(x.id!),
      );
    for (const r of trend) {
      const r8 = byLabel(2026, r)!;
      expect(r8).toBeDefined();
      const points = (year: Year) =>
        rows.find((x) => x.year === year && x.kind === "item" && x.id === r8.id)?.village ?? 0;
      expect([r8.id, Number(r["令和6年度"]), Number(r["令和7年度"]), Number(r["令和8年度"])]).toEqual([
        r8.id,
        points(2024),
        points(2025),
        points(2026),
      ]);
      const info = idx.subItems.get(r8.id!)!;
      const def = idx.compiled.indicators[info.indicatorIdx].def;
      const b =
        info.part < 0 ? def.benchmark : def.kind === "rankBand" ? def.bands[info.part].benchmark : undefined;
      expect([r8.id, Number(r["全国該当率"])]).toEqual([r8.id, Math.round((b!.hitCount! / N) * 1000) / 10]);
    }
  });
});
