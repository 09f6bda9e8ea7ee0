import { writeFileSync } from "fs";
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { summaryXlsxBytes } from "../src/review/outputs";
import { summaryCsv } from "../src/review/summary-csv";
import { processWorkbook } from "../src/app/review/review-workbook";
import { summarise } from "../src/app/review/summarise";
import { addMatrixSheet, summaryWorkbook } from "../src/app/review/summary-book";
import { ReviewSummarySchema } from "../src/app/review/summary-schema";
import type { ReviewRecord } from "../src/app/review/types";
import type { Group, Rulebook } from "../src/rulebooks/schema";
import { miniRulebook } from "./fixtures/mini-rulebook";
import { junk, templateBook, TOWN_A, TOWN_B } from "./fixtures/review-books";
import { parse } from "csv-parse/sync";

// The same rulebook with national figures, for 指標別.
const rb: Rulebook = structuredClone(miniRulebook);
const groupA = rb.root.children[0] as Group;
groupA.benchmark = { mean: 12, median: 16 };
(groupA.children[0] as { benchmark?: object }).benchmark = { hitRate: 0.5 };

/** RFC 4180 with CRLF line ends only (a bare LF stays inside its field), as Excel writes CSV. */
function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: "\r\n" });
}

let records: ReviewRecord[];
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "saiten-review-"));
  const opts = { rulebook: rb };
  records = [
    await processWorkbook(await templateBook(rb, TOWN_B), "b.xlsx", opts),
    await processWorkbook(await templateBook(rb, TOWN_A), "a.xlsx", opts),
    // The same municipality again, with wrong self-reported points.
    await processWorkbook(
      await templateBook(rb, { ...TOWN_A, reportedPoints: { "A.y1": 5 }, reportedGroups: { ALL: 80 } }),
      "a-copy.xlsx",
      opts,
    ),
    await processWorkbook(
      await templateBook(rb, { name: "東村", answers: { "A.y1": "○", "B.c": "ア" } }),
      "c.xlsx",
      opts,
    ),
    await processWorkbook(junk(2000), "broken.xlsx", opts),
  ];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("summarise", () => {
  test("rows, duplicates, failures, ranks and the previous year", () => {
    const previous: ReviewRecord[] = [
      {
        file: "prev/a.xlsx",
        status: "scored",
        identity: { name: "青葉町", code: "012025", source: "template" },
        total: { id: "ALL", points: 70, max: 100, ratePercent: 70 },
      },
      {
        file: "prev/b.xlsx",
        status: "scored",
        identity: { name: "白浜村（旧名）", code: "012033", source: "template" },
        total: { id: "ALL", points: 30, max: 100, ratePercent: 30 },
      },
      {
        file: "prev/c.xlsx",
        status: "scored",
        identity: { name: "東村", source: "template" },
        total: { id: "ALL", points: 18, max: 100, ratePercent: 18 },
      },
    ];
    const s = summarise(records, { rulebook: rb, previous, now: new Date("2026-05-01T00:00:00Z") });
    expect(ReviewSummarySchema.safeParse(JSON.parse(JSON.stringify(s))).success).toBe(true);
    expect(s.generatedAt).toBe("2026-05-01T00:00:00.000Z");
    expect(s.files).toEqual({ total: 5, scored: 4, failed: 1 });
    expect(s.failures).toEqual([expect.objectContaining({ file: "broken.xlsx", reasonCode: "not-xlsx" })]);
    expect(s.duplicates).toEqual([{ key: "012025", files: ["a.xlsx", "a-copy.xlsx"] }]);
    // Ordered by code, then name, then file; the name-only municipality last.
    expect(s.rows.map((r) => r.file)).toEqual(["a-copy.xlsx", "a.xlsx", "b.xlsx", "c.xlsx"]);
    // 72, 72, 22 and 18 (A.y1 ○ 8 + B.c ア 10): standard competition ranks.
    expect(s.rows.map((r) => [r.total, r.rank])).toEqual([
      [72, 1],
      [72, 1],
      [22, 3],
      [18, 4],
    ]);
    // Bands from insured persons via the rulebook's size classes (< 100,000 → small).
    expect(s.rows.map((r) => [r.sizeClass, r.bandRank])).toEqual([
      ["small", 1],
      ["small", 1],
      ["small", 3],
      [undefined, undefined],
    ]);
    const [aCopy, a, b, c] = s.rows;
    expect(a).toMatchObject({
      code: "012025",
      ratePercent: 72,
      previousRatePercent: 70,
      changeRate: 2,
      trend: "↗",
      judgement: "達成",
    });
    expect(aCopy.mismatches).toBe(2);
    expect(a.mismatches).toBe(0);
    // Matched by code although the name changed.
    expect(b).toMatchObject({
      previousRatePercent: 30,
      changeRate: -8,
      trend: "↘",
      judgement: "未達成",
      previousSource: "previous-set",
    });
    // No code: matched by name.
    expect(c).toMatchObject({ previousRatePercent: 18, changeRate: 0, trend: "→", judgement: "達成" });
    expect(a.groupRates).toEqual({ A: 80, B: 86.7, ACT: 50, D: 75 });
    expect(s.mismatches.map((m) => [m.file, m.target])).toEqual([
      ["a-copy.xlsx", "A.y1"],
      ["a-copy.xlsx", "total"],
    ]);

    // 該当率: A.y1 scored in a, a-copy, c (not b) → 3/4; national 50%.
    const y1 = s.indicators.find((i) => i.id === "A.y1")!;
    expect(y1).toMatchObject({ achieved: 3, rate: 0.75, nationalRate: 0.5, max: 8 });
    expect(s.indicators.find((i) => i.id === "D.neg")).toMatchObject({ achieved: 2, rate: 0.5 });
    expect(s.indicators.find((i) => i.id === "A.y2")!.nationalRate).toBeUndefined();
    // Group A points: 16, 16, 16, 8 → mean 14, median 16; total 72, 72, 22, 18 → mean 46, median 47.
    expect(s.groups.find((g) => g.id === "A")).toMatchObject({
      depth: 1,
      mean: 14,
      median: 16,
      nationalMean: 12,
      nationalMedian: 16,
    });
    expect(s.groups[0]).toMatchObject({ id: "ALL", depth: 0, name: "合計", mean: 46, median: 47 });
    expect(s.allocation).toBeUndefined();
  });

  test("a previous summary.json works as the previous year too", () => {
    const prev = summarise(records, { rulebook: rb });
    const again = summarise(records, { rulebook: rb, previous: prev });
    expect(again.rows.every((r) => r.changeRate === 0 && r.trend === "→" && r.judgement === "達成")).toBe(
      true,
    );
  });

  test("allocation: share ∝ points × insured, with caps and an insured table", () => {
    const budget = 1_000_000;
    const s = summarise(records, { rulebook: rb, budget });
    // Weights: 72×50,000 twice, 22×20,000; c has no insured count.
    const w = [72 * 50000, 72 * 50000, 22 * 20000, 0];
    const W = w.reduce((x, y) => x + y, 0);
    s.rows.forEach((r, i) => {
      expect(r.share).toBeCloseTo(w[i] / W, 12);
      expect(r.estimate).toBeCloseTo((budget * w[i]) / W, 6);
    });
    expect(s.allocation).toMatchObject({ budget, withoutInsured: ["c.xlsx"] });
    expect(s.allocation!.totalPaid).toBeCloseTo(budget, 6);

    // An insured table (by code or name) wins; a cap moves the excess to the others.
    const t = summarise(records, {
      rulebook: rb,
      budget,
      insured: { 東村: 10000 },
      caps: new Map([["012033", 10000]]),
    });
    const [a1, a2, b, c] = t.rows;
    expect(b).toMatchObject({ estimate: 10000, capped: true });
    const rest = budget - 10000;
    const w2 = [72 * 50000, 72 * 50000, 18 * 10000];
    const W2 = w2[0] + w2[1] + w2[2];
    expect(a1.estimate).toBeCloseTo((rest * w2[0]) / W2, 6);
    expect(a2.estimate).toBeCloseTo((rest * w2[1]) / W2, 6);
    expect(c.estimate).toBeCloseTo((rest * w2[2]) / W2, 6);
    expect(c.insured).toBe(10000);
  });
});

describe("outputs", () => {
  test("summary.xlsx re-read cell by cell", async () => {
    const s = summarise(records, {
      rulebook: rb,
      budget: 1_000_000,
      previous: [
        {
          file: "p.xlsx",
          status: "scored",
          identity: { name: "白浜村", code: "012033", source: "template" },
          total: { id: "ALL", points: 30, max: 100, ratePercent: 30 },
        },
      ],
    });
    const path = join(dir, "summary.xlsx");
    writeFileSync(path, await summaryXlsxBytes(s));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(["一覧", "確認事項", "指標別"]);

    const ws = book.getWorksheet("一覧")!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    expect(headers.slice(0, 7)).toEqual([
      "市町村名",
      "市町村コード",
      "被保険者数",
      "規模区分",
      "得点",
      "満点",
      "得点率",
    ]);
    expect(headers).toEqual(
      expect.arrayContaining(["体制 得点率", "順位", "判定", "不一致数", "交付見込額"]),
    );
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();

    // Row 2: a-copy (青葉町, 72 points); row 4: 白浜村.
    expect(ws.getCell(2, 1).value).toBe("青葉町");
    expect(ws.getCell(2, 2).value).toBe("012025");
    expect(typeof ws.getCell(2, 2).value).toBe("string");
    expect(ws.getCell(2, 3).value).toBe(50000);
    expect(ws.getCell(2, col("得点")).value).toBe(72);
    expect(ws.getCell(2, col("得点率")).value).toBeCloseTo(0.72, 12);
    expect(ws.getCell(2, col("得点率")).numFmt).toBe("0.0%");
    expect(ws.getCell(2, col("体制 得点率")).value).toBeCloseTo(0.8, 12);
    expect(ws.getCell(2, col("不一致数")).value).toBe(2);
    expect(ws.getCell(2, col("交付見込額")).numFmt).toBe("#,##0");
    expect(ws.getCell(4, 1).value).toBe("白浜村");
    expect(ws.getCell(4, 2).value).toBe("012033");
    expect(ws.getCell(4, col("判定")).value).toBe("未達成");
    expect(ws.getCell(4, col("前年度得点率")).value).toBeCloseTo(0.3, 12);
    expect(ws.getCell(4, col("差(ポイント)")).value).toBe(-8);
    expect(ws.getCell(4, col("順位")).value).toBe(3);
    const cf = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }
    ).conditionalFormattings;
    expect(cf.some((x) => x.rules.some((r) => String(r.formulae?.[0]).includes('="未達成"')))).toBe(true);

    const check = book.getWorksheet("確認事項")!;
    const kinds: string[] = [];
    check.eachRow((row, r) => r > 1 && kinds.push(String(row.getCell(4).value)));
    expect(kinds).toEqual(expect.arrayContaining(["読めない", "重複", "不一致", "確認事項"]));
    // What a reviewer reads is in words: the kind of problem (分類) and how serious it is (重要度),
    // never the codes the JSON carries.
    expect((check.getRow(1).values as unknown[]).slice(1)).toEqual([
      "ファイル",
      "市町村名",
      "市町村コード",
      "種別",
      "分類",
      "セル",
      "対象",
      "重要度",
      "内容",
      "記載値",
      "再計算値",
    ]);
    const column = (c: number) => {
      const out: string[] = [];
      check.eachRow((row, r) => r > 1 && out.push(String(row.getCell(c).value)));
      return out;
    };
    expect(new Set(column(5))).toEqual(
      new Set(["xlsx 形式ではない", "同じ市町村", "得点の不一致", "未回答"]),
    );
    expect(new Set(column(8))).toEqual(new Set(["エラー", "警告"]));
    expect(column(7)).toContain("合計");
    let mismatchRow = 0;
    check.eachRow((row, r) => {
      if (row.getCell(4).value === "不一致" && row.getCell(7).value === "合計") mismatchRow = r;
    });
    expect(check.getCell(mismatchRow, 1).value).toBe("a-copy.xlsx");
    expect(check.getCell(mismatchRow, 3).value).toBe("012025");
    expect(check.getCell(mismatchRow, 6).value).toBe("採点結果!C2");
    expect(check.getCell(mismatchRow, 10).value).toBe(80);
    expect(check.getCell(mismatchRow, 11).value).toBe(72);

    const ind = book.getWorksheet("指標別")!;
    expect(ind.getCell("A2").value).toBe("A.y1");
    expect(ind.getCell("E2").value).toBe(0.75);
    expect(ind.getCell("E2").numFmt).toBe("0.0%");
    expect(ind.getCell("F2").value).toBe(0.5);
    expect(ind.getCell("G2").value).toBe(25);
    expect(ind.getCell("I2").value).toBe("ALL");
    expect(ind.getCell("I3").value).toBe("A");
    expect(ind.getCell("L3").value).toBe(14);
    expect(ind.getCell("N3").value).toBe(12);

    // Formats as written: codes as text, plain numbers and texts without one (the cells share their
    // style objects, so a format given to one cell in place would show on all of them).
    expect(ws.getCell(2, 2).numFmt).toBe("@");
    expect(ws.getCell(2, col("得点")).numFmt).toBeUndefined();
    expect(ws.getCell(2, 1).numFmt).toBe("@");
    expect(ws.getCell(1, 1).font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(ws.getCell(1, 1).fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FF1F4E79" } });
    expect(ws.getCell(2, 1).font?.bold).toBeFalsy();
    expect(check.getCell(mismatchRow, 3).numFmt).toBe("@");
    expect(check.getCell(mismatchRow, 1).numFmt).toBeUndefined();
    expect(check.getCell(mismatchRow, 10).numFmt).toBeUndefined();
    expect(ind.getCell("G2").numFmt).toBe("+0.0;-0.0;0.0");
    expect(ind.getCell("L3").numFmt).toBe("0.0");
    expect(ind.getCell("A2").numFmt).toBeUndefined();
  });

  test("the summary's cells share a few style objects (saving works each one's style out once)", () => {
    const many = Array.from({ length: 40 }, (_, k) => ({
      ...records[0],
      file: `copy-${k}.xlsx`,
      identity: { ...records[0].identity!, code: String(10_000 + k) },
    })) as ReviewRecord[];
    const summary = summarise(many, { rulebook: rb, budget: 1_000_000 });
    const book = summaryWorkbook(summary);
    addMatrixSheet(book, summary, many, { points: 1_000, ratePercent: 50 });
    let cells = 0;
    for (const ws of book.worksheets) {
      const styles = new Set<unknown>();
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          styles.add(cell.style);
        }),
      );
      expect(styles.size).toBeLessThanOrEqual(8);
    }
    expect(cells).toBeGreaterThan(40 * 10);
  });

  test("the municipalities × indicators sheet re-read: maxima in italics, codes as text, rows below the line filled", async () => {
    const scored = records.filter((r) => r.status === "scored");
    const s = summarise(scored, { rulebook: rb });
    const book = summaryWorkbook(s);
    const low = Math.min(...s.rows.map((r) => r.total));
    addMatrixSheet(book, s, scored, { points: low + 0.5, ratePercent: 10 });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = back.getWorksheet("市町村×指標")!;
    expect(ws.getCell(2, 1).value).toBe("満点");
    expect(ws.getCell(2, 1).font?.italic).toBe(true);
    expect(ws.getCell(2, 6).font?.italic).toBe(true);
    expect(ws.getCell(3, 1).font?.italic).toBeFalsy();
    const rowOf = (name: string) => s.rows.findIndex((r) => r.name === name) + 3;
    const below = s.rows.find((r) => r.total === low)!;
    const above = s.rows.find((r) => r.total > low)!;
    for (const c of [1, 2, 3, 4, 5])
      expect(ws.getCell(rowOf(below.name!), c).fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell(rowOf(below.name!), 5).value).toBe("○");
    expect(ws.getCell(rowOf(above.name!), 1).fill).toBeUndefined();
    expect(ws.getCell(rowOf(above.name!), 5).value).toBeNull();
    expect(ws.getCell(rowOf(above.name!), 2).numFmt).toBe("@");
    expect(ws.getCell(rowOf(below.name!), 2).numFmt).toBe("@");
    expect(ws.getCell(rowOf(above.name!), 4).numFmt).toBe("0.0%");
    expect(ws.getCell(rowOf(above.name!), 6).numFmt).toBeUndefined();
  });

  test("CSV: BOM, CRLF, RFC 4180, parses back to the 一覧 columns", () => {
    const s = summarise(records, { rulebook: rb, budget: 1_000_000 });
    s.rows[3].name = 'He said "東", ok\nnext';
    const csv = summaryCsv(s);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    // Outside quoted fields every line ends in CRLF.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, "");
    expect(unquoted.match(/\n/g)!.length).toBe(unquoted.match(/\r\n/g)!.length);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(5);
    expect(rows[0].slice(0, 7)).toEqual([
      "市町村名",
      "市町村コード",
      "被保険者数",
      "規模区分",
      "得点",
      "満点",
      "得点率(%)",
    ]);
    const h = rows[0];
    expect(rows[1][1]).toBe("012025");
    expect(rows[1][h.indexOf("得点率(%)")]).toBe("72");
    expect(rows[1][h.indexOf("得点")]).toBe("72");
    expect(rows[3][h.indexOf("得点率(%)")]).toBe("22");
    expect(rows[4][0]).toBe('He said "東", ok\nnext');
    expect(rows.every((r) => r.length === h.length)).toBe(true);
  });
});
