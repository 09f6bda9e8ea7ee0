// Generated MHLW 全国集計（市町村） workbooks: re-read with ExcelJS, the layout of
// ../shared/reference/national-tally-layout.md holds (merged hierarchy, stats rows, ID block,
// duplicated 目標Ⅳ, 広域連合 rows, FY2025 shift, text 保険者番号) and the numbers agree with the rulebook.
import ExcelJS from "exceljs";
import { findBundled } from "../src/rulebooks/registry";
import type { Rulebook } from "../src/rulebooks/schema";
import {
  columnOf,
  computeTallyStats,
  demoEntities,
  demoUnions,
  FIRST_DATA_ROW,
  firstScoreColumn,
  generateTally,
  ID_COLUMNS,
  STATS_LABELS,
  STATS_LABEL_COLUMN,
  tallyBuffer,
  tallyLayout,
  TALLY_SHEET_NAME,
} from "../dev/tally-generator/generate";

const rb = (fy: number): Rulebook => {
  const r = findBundled(`kaigo-municipal-fy${fy}`);
  if (!r) throw new Error(`no bundled rulebook for ${fy}`);
  return r;
};

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
  const bytes = await tallyBuffer(wb);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = back.getWorksheet(TALLY_SHEET_NAME);
  if (!ws) throw new Error("sheet missing");
  return ws;
}

/** Raw (un-forward-filled) text of a cell: merged slaves read as empty. */
function raw(ws: ExcelJS.Worksheet, r: number, c: number): string {
  const cell = ws.getCell(r, c);
  if (cell.isMerged && cell.master.address !== cell.address) return "";
  const v = cell.value;
  return v === null || v === undefined ? "" : String(v);
}

describe.each([2024, 2025, 2026] as const)("generated tally FY%i", (fy) => {
  const rulebook = rb(fy);
  const entities = demoEntities(rulebook, 120, fy);
  const unions = demoUnions(entities, 4, fy + 1);
  let ws: ExcelJS.Worksheet;
  const layout = tallyLayout(rulebook);
  const stats = computeTallyStats(rulebook, entities);
  const first = firstScoreColumn(fy);
  const rankCol = first + layout.columns.length;

  beforeAll(async () => {
    ws = await roundTrip(
      generateTally({
        rulebook,
        fiscalYear: fy,
        municipalities: entities,
        unions,
        extraFormattedColumns: 60,
      }),
    );
  });

  test("title, merged hierarchy rows 2–8 and the 支援 part", () => {
    expect(raw(ws, 1, 1)).toContain(`令和${fy - 2018}年度`);
    const g = ws.getCell(2, first);
    expect(g.value).toBe("保険者機能強化推進交付金");
    expect(ws.getCell(2, first + 5).isMerged).toBe(true);
    expect(ws.getCell(2, first + 5).master.address).toBe(g.address);
    expect(raw(ws, 3, first)).toMatch(/^目標Ⅰ 持続可能な/);
    expect(raw(ws, 4, first)).toBe("目標Ⅰｰ（ⅰ）体制・取組指標群");
    expect(ws.getCell(5, first).value).toBe(1);
    expect(raw(ws, 6, first)).toBe("地域の介護保険事業の特徴");
    expect(raw(ws, 7, first)).toBe("ア");
    // P_I_1_3.b2 = イ② under 施策の実施状況の把握・改善.
    const b2 = columnOf(layout, fy, "P_I_1_3.b2");
    expect(b2).toBeDefined();
    expect(ws.getCell(7, b2!.column).value).toBe("イ");
    expect(raw(ws, 8, b2!.column)).toBe("②");
    expect(ws.getCell(6, b2!.column).value).toBe("施策の実施状況の把握・改善");
    // The 支援 part starts at the first row-2 cell starting with its grant name.
    const shienStart = [...Array(rankCol).keys()].find((c) =>
      raw(ws, 2, c + 1).startsWith("介護保険保険者努力支援交付金"),
    );
    expect(shienStart! + 1).toBe(columnOf(layout, fy, "S_I_1_1.a")!.column);
  });

  test("total columns: a 配点, no 枝, labels in the raw header cells", () => {
    const labels: string[] = [];
    layout.columns.forEach((col, i) => {
      const c = first + i;
      expect(typeof ws.getCell(9, c).value).toBe("number");
      // ExcelJS reads a merged slave as its master's value: that is the forward-filled 枝.
      const branch = ws.getCell(7, c).value ?? "";
      if (col.kind === "item") expect(branch).not.toBe("");
      else {
        expect(branch).toBe("");
        labels.push([2, 3, 4].map((r) => raw(ws, r, c)).join(""));
      }
    });
    expect(labels).toEqual([
      "Ⅰ（ⅰ） 計",
      "Ⅰ（ⅱ） 計",
      "Ⅰ合計",
      "Ⅱ（ⅰ） 計",
      "Ⅱ（ⅱ） 計",
      "Ⅱ合計",
      "Ⅲ（ⅰ） 計",
      "Ⅲ（ⅱ） 計",
      "Ⅲ合計",
      "Ⅳ合計",
      "推進合計",
      "Ⅰ（ⅰ） 計",
      "Ⅰ（ⅱ） 計",
      "Ⅰ合計",
      "Ⅱ（ⅰ） 計",
      "Ⅱ（ⅱ） 計",
      "Ⅱ合計",
      "Ⅲ（ⅰ） 計",
      "Ⅲ（ⅱ） 計",
      "Ⅲ合計",
      "Ⅳ合計",
      "支援合計",
      "推進・支援合計",
    ]);
    expect(ws.getCell(9, rankCol - 1).value).toBe(800);
    expect(ws.getCell(9, columnOf(layout, fy, "P_IV", "total")!.column).value).toBe(100);
    expect(raw(ws, 2, rankCol)).toBe("順位");
    expect(ws.getCell(9, rankCol).value).toBeNull();
  });

  test("目標Ⅳ appears twice, the second copy without the grant name in row 2", () => {
    const goalIV: number[] = [];
    for (let c = first; c < rankCol; c++) if (raw(ws, 3, c).startsWith("目標Ⅳ")) goalIV.push(c);
    expect(goalIV).toHaveLength(2);
    const second = goalIV[1];
    expect(ws.getCell(2, second).value).toBeNull();
    expect(ws.getCell(2, second).isMerged).toBe(false);
    // Same columns and 配点 in both copies.
    const pIV = layout.columns.filter((c) => c.kind === "item" && c.id.startsWith("P_IV_"));
    const sIV = layout.columns.filter((c) => c.kind === "item" && c.id.startsWith("S_IV_"));
    expect(sIV.map((c) => c.points)).toEqual(pIV.map((c) => c.points));
    expect(
      columnOf(layout, fy, "S_IV_O_1.a1")!.column - columnOf(layout, fy, "P_IV_O_1.a1")!.column,
    ).toBeGreaterThan(100);
  });

  test("stats rows 9–17 carry the labels and the computed statistics", () => {
    STATS_LABELS.forEach((label, k) => expect(ws.getCell(9 + k, STATS_LABEL_COLUMN).value).toBe(label));
    stats.columns.forEach((s, i) => {
      const c = first + i;
      const row = (k: number) => ws.getCell(9 + k, c).value as number | null;
      expect(row(0)).toBe(s.points);
      expect(row(1)).toBeCloseTo(s.sum, 9);
      expect(row(2)).toBeCloseTo(s.mean, 9);
      expect(row(5)).toBe(s.median);
      expect(row(6)).toBeCloseTo(s.sd, 9);
      if (s.kind === "total") {
        expect(row(3)).toBeNull();
        expect(row(7)).toBeNull();
      } else {
        expect(row(7)).toBe(s.hitCount);
        expect(row(8)).toBeCloseTo(s.hitRate!, 12);
      }
    });
  });

  test("ID block, text 保険者番号, 広域連合 rows followed by their members", () => {
    const codeCol = ID_COLUMNS.code;
    const unionCodes = new Map(unions.map((u) => [u.code, u]));
    const byCode = new Map(entities.map((e, i) => [e.code, i]));
    let r = FIRST_DATA_ROW;
    let scored = 0;
    let seenUnions = 0;
    for (; ws.getCell(r, codeCol).value !== null; r++) {
      const code = ws.getCell(r, codeCol).value;
      expect(typeof code).toBe("string");
      expect(code).toMatch(/^\d{6}$/);
      const u = unionCodes.get(code as string);
      if (u) {
        seenUnions++;
        expect(raw(ws, r, ID_COLUMNS.name)).not.toMatch(/[市区町村]$/);
        expect(ws.getCell(r, rankCol - 1).value).toBeNull();
        u.members.forEach((m, k) => expect(ws.getCell(r + 1 + k, codeCol).value).toBe(m));
        continue;
      }
      scored++;
      const i = byCode.get(code as string)!;
      const e = entities[i];
      expect(ws.getCell(r, ID_COLUMNS.serial).value).toBe(e.serial);
      expect(ws.getCell(r, ID_COLUMNS.name).value).toBe(e.name);
      expect(ws.getCell(r, ID_COLUMNS.name).value).toMatch(/[市区町村]$/);
      expect(ws.getCell(r, ID_COLUMNS.previousTotal).value).toBe(e.previousTotal);
      expect(ws.getCell(r, rankCol - 1).value).toBe(stats.totals[i]);
      expect(ws.getCell(r, rankCol).value).toBe(stats.ranks[i]);
    }
    expect(seenUnions).toBe(unions.length);
    expect(scored).toBe(entities.length);
    expect(r - FIRST_DATA_ROW).toBe(entities.length + unions.length);
    // A prefecture code below 10 keeps its leading zero.
    expect(entities.some((e) => e.code.startsWith("0"))).toBe(true);
  });

  test("FY2025+ size-band column shifts every later column", () => {
    expect(raw(ws, 18, 15)).toBe(fy >= 2025 ? "規模区分" : "");
    expect(first).toBe(fy >= 2025 ? 16 : 15);
    if (fy >= 2025) expect(raw(ws, FIRST_DATA_ROW, 15)).not.toBe("");
  });

  test("formatting-only columns make the sheet much wider than the data", () => {
    expect(ws.columnCount).toBeGreaterThanOrEqual(rankCol + 60);
    expect(ws.getCell(5, rankCol + 40).value).toBeNull();
  });

  test("item columns recover the entities' points and add up to the totals", () => {
    const itemIdx = layout.columns.flatMap((c, i) => (c.kind === "item" ? [i] : []));
    const byCode = new Map(entities.map((e, i) => [e.code, i]));
    for (let r = FIRST_DATA_ROW; ws.getCell(r, ID_COLUMNS.code).value !== null; r++) {
      const i = byCode.get(ws.getCell(r, ID_COLUMNS.code).value as string);
      if (i === undefined) continue;
      const e = entities[i];
      for (const k of itemIdx) {
        const id = layout.columns[k].id;
        expect(ws.getCell(r, first + k).value).toBe(e.points[id] ?? 0);
      }
      // Totals are the rulebook's: 推進 + 支援 = 総合計, each ≤ its 配点.
      const p = ws.getCell(r, columnOf(layout, fy, "P", "total")!.column).value as number;
      const s = ws.getCell(r, columnOf(layout, fy, "S", "total")!.column).value as number;
      expect(ws.getCell(r, rankCol - 1).value).toBe(p + s);
      expect(p).toBeLessThanOrEqual(400);
      // 目標Ⅳ is the same in both grants.
      expect(ws.getCell(r, columnOf(layout, fy, "P_IV", "total")!.column).value).toBe(
        ws.getCell(r, columnOf(layout, fy, "S_IV", "total")!.column).value,
      );
    }
  });
});

describe("demo entities follow the rulebook", () => {
  const rulebook = rb(2026);
  const entities = demoEntities(rulebook, 300, 7);

  test("cumulative bands, one branch in best groups, varied totals", () => {
    for (const e of entities) {
      const pts = e.points;
      // Cumulative: band 3 implies bands 1 and 2.
      if (pts["P_I_2_1.c"]) expect(pts["P_I_2_1.a"] && pts["P_I_2_1.b"]).toBeTruthy();
      // Exclusive branches: never both ア and イ in P_IV_O_1.
      expect(Boolean(pts["P_IV_O_1.a1"]) && Boolean(pts["P_IV_O_1.b1"])).toBe(false);
      expect(pts["S_IV_O_2.a"] ?? 0).toBe(pts["P_IV_O_2.a"] ?? 0);
    }
    const stats = computeTallyStats(rulebook, entities);
    const totals = new Set(stats.totals);
    expect(totals.size).toBeGreaterThan(50);
    expect(Math.max(...stats.totals)).toBeLessThanOrEqual(800);
    expect(demoEntities(rulebook, 300, 7)).toEqual(entities);
  });
});
