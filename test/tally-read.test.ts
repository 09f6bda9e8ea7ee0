import { findBundled } from "../src/rulebooks/registry";
import type { Rulebook } from "../src/rulebooks/schema";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { importTally, previousFromTally } from "../src/cli/tally";
import { Cli } from "../src/cli/context";
import { columnLetters } from "../src/excel/a1";
import {
  columnOf,
  computeTallyStats,
  demoEntities,
  demoUnions,
  generateTally,
  STATS_FIRST_ROW,
  STATS_LABELS,
  tallyBuffer,
  tallyLayout,
} from "../dev/tally-generator/generate";
import { readTally } from "../src/tally/read";
import { openTally } from "../src/tally/open";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { Unsupported, XlsxReader } from "../src/adapters/xlsx";
import { toComparable } from "../src/tally/comparable";
import { CheckedPackage } from "../src/files/inspect-workbook";
import { tempDir } from "./fixtures/temp-dir";

const rb = (y: number): Rulebook => findBundled(`kaigo-municipal-fy${y}`)!;

describe.each([2024, 2025, 2026] as const)("FY%s generated tally", (year) => {
  const rulebook = rb(year);
  const entities = demoEntities(rulebook, 60, year);
  const unions = demoUnions(entities, 2, year);
  let read: Awaited<ReturnType<typeof readTally>>;
  beforeAll(async () => {
    const wb = generateTally({
      rulebook,
      fiscalYear: year,
      municipalities: entities,
      unions,
      extraFormattedColumns: 50,
    });
    read = await readTally(await tallyBuffer(wb), "tally.xlsx", { rulebook });
  });

  test("no problems, every column resolved", () => {
    expect(read.problems).toEqual([]);
    expect(read.fiscalYear).toBe(year);
    expect(read.columns.every((c) => c.id !== null)).toBe(true);
  });

  test("recovers every municipality's points exactly", () => {
    expect(read.municipalities.map((m) => m.code).sort()).toEqual(entities.map((e) => e.code).sort());
    const byCode = new Map(read.municipalities.map((m) => [m.code, m]));
    for (const e of entities) {
      const m = byCode.get(e.code)!;
      for (const [id, pts] of Object.entries(m.items)) expect([id, pts]).toEqual([id, e.points[id] ?? 0]);
      for (const [id, pts] of Object.entries(e.points)) expect([id, m.items[id]]).toEqual([id, pts]);
      expect(m.name).toBe(e.name);
      expect(m.insured).toBe(e.insured);
      expect(m.previousTotal).toBe(e.previousTotal ?? null);
      expect(m.previousRank).toBe(e.previousRank ?? null);
      expect(m.code).toMatch(/^\d{6}$/);
    }
  });

  test("stats rows agree with computeTallyStats", () => {
    const stats = computeTallyStats(rulebook, entities);
    for (const s of stats.columns) {
      const b = s.kind === "item" ? read.benchmarks.items[s.id] : read.benchmarks.groups[s.id];
      expect(b).toBeDefined();
      expect(b.read.points).toBe(s.points);
      expect(b.read.sum).toBeCloseTo(s.sum, 9);
      expect(b.read.mean).toBeCloseTo(s.mean, 9);
      expect(b.read.itemMean).toEqual(s.itemMean === null ? null : expect.closeTo(s.itemMean, 9));
      expect(b.read.median).toBeCloseTo(s.median, 9);
      expect(b.read.sd).toBeCloseTo(s.sd, 9);
      expect(b.read.hitCount).toBe(s.hitCount);
      expect(b.recomputed.sum).toBeCloseTo(s.sum, 9);
      expect(b.recomputed.sd).toBeCloseTo(s.sd, 9);
    }
  });

  test("union rows skipped, members kept", () => {
    expect(read.skipped.length).toBe(unions.length);
    for (const u of unions) {
      expect(read.skipped.map((s) => s.code)).toContain(u.code);
      for (const c of u.members) expect(read.municipalities.some((m) => m.code === c)).toBe(true);
    }
  });

  test("comparable", () => {
    const c = toComparable(read.municipalities[0], rulebook);
    expect(c.total.points).toBe(read.municipalities[0].total);
  });
});

describe("layout details", () => {
  test("FY2025 size-band column shifts every score column; leading zeros kept", async () => {
    for (const year of [2024, 2025] as const) {
      const rulebook = rb(year);
      const entities = demoEntities(rulebook, 20, 7);
      const wb = generateTally({
        rulebook,
        fiscalYear: year,
        municipalities: entities,
        extraFormattedColumns: 10,
      });
      const read = await readTally(await tallyBuffer(wb), "tally.xlsx", { rulebook });
      expect(read.problems).toEqual([]);
      expect(read.columns[0].col).toBe(year === 2024 ? 15 : 16);
      expect(
        read.municipalities.every((m) => (year === 2024 ? m.sizeBand === null : m.sizeBand !== null)),
      ).toBe(true);
      const zero = entities.filter((e) => e.code.startsWith("0"));
      expect(zero.length).toBeGreaterThan(0);
      for (const e of zero) expect(read.municipalities.find((m) => m.name === e.name)?.code).toBe(e.code);
    }
  });
});

describe("disagreements are reported with cells", () => {
  const year = 2024;
  const rulebook = rb(year);
  const entities = demoEntities(rulebook, 12, 3);
  const sheet = "全国集計（市町村）";
  async function tamper(edit: (ws: import("exceljs").Worksheet) => void) {
    const wb = generateTally({
      rulebook,
      fiscalYear: year,
      municipalities: entities,
      extraFormattedColumns: 5,
    });
    edit(wb.getWorksheet(sheet)!);
    return readTally(await tallyBuffer(wb), "tally.xlsx", { rulebook });
  }
  const layout = tallyLayout(rulebook);

  test("a 配点 that differs from the rulebook", async () => {
    const { column } = columnOf(layout, year, "P_I_1_1.a")!;
    const read = await tamper((ws) => (ws.getCell(9, column).value = 5));
    const p = read.problems.filter((x) => x.code === "points_mismatch");
    expect(p).toEqual([
      expect.objectContaining({ id: "P_I_1_1.a", cell: `${sheet}!O9`, expected: 4, actual: 5 }),
    ]);
  });

  test("a national figure that the rows do not give, named as the tally names it", async () => {
    const { column } = columnOf(layout, year, "P_I_1_1.a")!;
    const meanRow = STATS_FIRST_ROW + STATS_LABELS.indexOf("平均点");
    const read = await tamper((ws) => (ws.getCell(meanRow, column).value = 99));
    const p = read.problems.filter((x) => x.code === "stats_mismatch");
    expect(p).toEqual([expect.objectContaining({ cell: `${sheet}!${columnLetters(column)}${meanRow}`, actual: 99 })]);
    expect(p[0].message).toMatch(/P_I_1_1\.a の平均点は 99 ですが、各行から計算すると/);
    expect(p[0].messageEn).toMatch(/the mean of P_I_1_1\.a reads 99, but the rows give/);
  });

  test("a municipality whose items do not add up to its total", async () => {
    const total = columnOf(layout, year, "KAIGO", "total")!.column;
    const sub = columnOf(layout, year, "P_I_1", "total")!.column;
    const read = await tamper((ws) => {
      const c1 = ws.getCell(19, total);
      c1.value = Number(c1.value) + 1;
      const c2 = ws.getCell(20, sub);
      c2.value = Number(c2.value) - 2;
    });
    const p = read.problems.filter((x) => x.code === "sum_mismatch");
    expect(p.map((x) => x.cell).sort()).toEqual(
      [`${sheet}!${columnLetters(total)}19`, `${sheet}!${columnLetters(sub)}20`].sort(),
    );
    expect(p.find((x) => x.id === "KAIGO")!.actual).toBe(p.find((x) => x.id === "KAIGO")!.expected! + 1);
  });

  test("an unknown column, and the sub-item it leaves without a column", async () => {
    const { column } = columnOf(layout, year, "P_I_1_1.d")!;
    const read = await tamper((ws) => (ws.getCell(7, column).value = "キ"));
    expect(read.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "unknown_column",
          column: columnLetters(column),
          cell: `${sheet}!${columnLetters(column)}9`,
        }),
        expect.objectContaining({ code: "missing_column", id: "P_I_1_1.d" }),
      ]),
    );
    expect(read.columns.find((c) => c.col === column)?.id).toBeNull();
  });
});

describe("ranks, low-score line, CLI", () => {
  test("ranks overall and per size band; low-score line", async () => {
    const rulebook = rb(2026);
    const entities = demoEntities(rulebook, 80, 11);
    const wb = generateTally({
      rulebook,
      fiscalYear: 2026,
      municipalities: entities,
      extraFormattedColumns: 5,
    });
    const read = await readTally(await tallyBuffer(wb), "tally.xlsx", { rulebook });
    const stats = computeTallyStats(rulebook, entities);
    const byCode = new Map(read.ranks.map((r) => [r.code, r]));
    entities.forEach((e, i) => expect(byCode.get(e.code)!.rank).toBe(stats.ranks[i]));
    expect(read.municipalities.every((m) => m.rank === byCode.get(m.code)!.rank)).toBe(true);
    expect(read.ranks.every((r) => r.bandRank !== null && r.bandRank <= r.rank)).toBe(true);
    const t = stats.columns[stats.columns.length - 1];
    const line = (t.meanRate - 2 * (t.sd / t.points)) * t.points;
    expect(read.lowScore!.line).toBeCloseTo(line, 9);
    expect(read.lowScore!.below.map((b) => b.code).sort()).toEqual(
      entities
        .filter((_, i) => stats.totals[i] < line)
        .map((e) => e.code)
        .sort(),
    );
  });

  test("saiten tally import writes saiten.tally/1; previousFromTally finds an insurer", async () => {
    const rulebook = rb(2025);
    const entities = demoEntities(rulebook, 15, 5);
    const dir = tempDir("tally-");
    const file = join(dir, "t.xlsx");
    writeFileSync(
      file,
      await tallyBuffer(
        generateTally({ rulebook, fiscalYear: 2025, municipalities: entities, extraFormattedColumns: 5 }),
      ),
    );
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    const cli = new Cli(io, "ja");
    const doc = await importTally(cli, file, { out: join(dir, "b.json") });
    expect(doc.rulebookId).toBe("kaigo-municipal-fy2025");
    const json = JSON.parse(readFileSync(join(dir, "b.json"), "utf8"));
    expect(json.format).toBe("saiten.tally/1");
    expect(json.counts.municipalities).toBe(15);
    expect(out.join("")).toContain("問題はありません");
    const prev = await previousFromTally(cli, file, entities[3].code, rb(2026));
    expect(prev.rulebook.id).toBe("kaigo-municipal-fy2025");
    expect(prev.total.points).toBe(computeTallyStats(rulebook, entities).totals[3]);
    await expect(previousFromTally(cli, file, "999999", rb(2026))).rejects.toThrow(/999999/);
  });
});

describe("a tally the fast reader leaves to ExcelJS", () => {
  test("is read through ExcelJS, every part checked first, with the fast reader's result", async () => {
    const rulebook = rb(2026);
    const wb = generateTally({ rulebook, fiscalYear: 2026, municipalities: demoEntities(rulebook, 20, 3) });
    const data = await tallyBuffer(wb);
    const excel = jest.spyOn(ExcelJsWorkbook, "fromBuffer");
    try {
      const fast = await openTally(data, "tally.xlsx");
      expect(excel).not.toHaveBeenCalled();
      // The fast reader stops part-way (while reading cells), as it does on what it does not handle.
      const leave = jest.spyOn(XlsxReader.prototype, "read").mockRejectedValue(new Unsupported("test"));
      // The whole package was checked before the fast reader: ExcelJS's turn does not check it again.
      const wholeChecks = jest.spyOn(
        CheckedPackage.prototype as unknown as { checkValidations(): void },
        "checkValidations",
      );
      let slow: Awaited<ReturnType<typeof openTally>>;
      let checks: number;
      try {
        slow = await openTally(data, "tally.xlsx");
      } finally {
        checks = wholeChecks.mock.calls.length;
        leave.mockRestore();
        wholeChecks.mockRestore();
      }
      expect(checks).toBe(1);
      expect(excel).toHaveBeenCalledTimes(1);
      expect(slow).toStrictEqual(fast);
      expect(fast.municipalities).toHaveLength(20);
    } finally {
      excel.mockRestore();
    }
  });
});
