// Item-level rulebooks for the long-term-care grants (推進 + 支援, 市町村分), FY2024–FY2026.
// Facts checked here come from the kaigo reference table (§1, §4, §5.1) and the MHLW FY2024 summary.
import * as fs from "fs";
import * as path from "path";
import { groupReach } from "../src/rulebooks/structure";
import { checkRulebook } from "../src/rulebooks/validate";
import type { Group, Indicator, Node, Rulebook } from "../src/rulebooks/schema";

const YEARS = [2024, 2025, 2026] as const;
type Year = (typeof YEARS)[number];
const N = 1741;

function load(year: Year): Rulebook {
  const file = path.join(__dirname, "..", "src", "rulebooks", "bundled", `kaigo-municipal-fy${year}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Rulebook;
}
const books = Object.fromEntries(YEARS.map((y) => [y, load(y)])) as Record<Year, Rulebook>;

function findNode(root: Node, id: string): Node | undefined {
  if (root.id === id) return root;
  if (root.kind !== "group") return undefined;
  for (const c of root.children) {
    const hit = findNode(c, id);
    if (hit) return hit;
  }
  return undefined;
}
function group(rb: Rulebook, id: string): Group {
  const n = findNode(rb.root, id);
  if (!n || n.kind !== "group") throw new Error(`no group ${id}`);
  return n;
}
function indicators(n: Node): Indicator[] {
  return n.kind === "group" ? n.children.flatMap(indicators) : [n];
}
function groups(n: Node): Group[] {
  return n.kind === "group" ? [n, ...n.children.flatMap(groups)] : [];
}

interface SubItem {
  id: string;
  points: number;
  hitCount?: number;
  hitRate?: number;
  /** Id of the 大項目 (third-level group or rankBand indicator) the sub-item belongs to. */
  item: string;
}
/** Sub-items (明細列): yes/no indicators and the bands of rank-band indicators. */
function subItems(n: Node, item = ""): SubItem[] {
  if (n.kind === "group") {
    const isItem = /^[PS]_(I|II|III|IV)_[12O]_\d+$/.test(n.id);
    return n.children.flatMap((c) => subItems(c, isItem ? n.id : item));
  }
  const owner = item || n.id;
  if (n.kind === "yesno") {
    return [
      {
        id: n.id,
        points: n.points,
        hitCount: n.benchmark?.hitCount,
        hitRate: n.benchmark?.hitRate,
        item: owner,
      },
    ];
  }
  if (n.kind === "rankBand") {
    return n.bands.map((b) => ({
      id: b.id ?? `${n.id}.${b.code}`,
      points: b.points,
      hitCount: b.benchmark?.hitCount,
      hitRate: b.benchmark?.hitRate,
      item: owner,
    }));
  }
  throw new Error(`unexpected indicator kind ${n.kind} at ${n.id}`);
}

// Published maxima per 指標群 (identical in 令和6・7・8年度, reference §1 and §4).
const CLUSTER_MAX: Record<string, number> = {
  P_I_1: 64,
  P_I_2: 36,
  P_II_1: 68,
  P_II_2: 32,
  P_III_1: 64,
  P_III_2: 36,
  P_IV_O: 100,
  S_I_1: 52,
  S_I_2: 48,
  S_II_1: 64,
  S_II_2: 36,
  S_III_1: 68,
  S_III_2: 32,
  S_IV_O: 100,
};
// Σ(points × hit count) ÷ 1,741 per 指標群 = national tally mean, 令和6年度 (reference §5.1).
const R6_CLUSTER_MEAN: Record<string, number> = {
  P_I_1: 46.345,
  P_I_2: 9.827,
  P_II_1: 42.357,
  P_II_2: 17.459,
  P_III_1: 33.833,
  P_III_2: 7.208,
  P_IV_O: 48.607,
  S_I_1: 31.412,
  S_I_2: 20.105,
  S_II_1: 42.437,
  S_II_2: 12.084,
  S_III_1: 49.28,
  S_III_2: 12.793,
  S_IV_O: 48.607,
};
// 目標 / grant / total tally means 令和6年度 (reference §5.1) with medians (MHLW summary).
const R6_TOTALS: Record<string, { mean: number; median: number }> = {
  P_I: { mean: 56.172, median: 58 },
  P_II: { mean: 59.816, median: 60 },
  P_III: { mean: 41.041, median: 41 },
  P_IV: { mean: 48.607, median: 50 },
  P: { mean: 205.637, median: 209 },
  S_I: { mean: 51.517, median: 52 },
  S_II: { mean: 54.522, median: 56 },
  S_III: { mean: 62.072, median: 66 },
  S_IV: { mean: 48.607, median: 50 },
  S: { mean: 216.718, median: 222 },
  KAIGO: { mean: 422.355, median: 428 },
};
const GOALS = ["P_I", "P_II", "P_III", "P_IV", "S_I", "S_II", "S_III", "S_IV"];

describe.each(YEARS)("kaigo-municipal-fy%i", (year) => {
  const rb = books[year];

  test("validates with no errors and no warnings", () => {
    const res = checkRulebook(rb);
    expect(res.problems).toEqual([]);
    expect(res.ok).toBe(true);
    expect(rb.id).toBe(`kaigo-municipal-fy${year}`);
    expect(rb.fiscalYear).toBe(year);
    expect(rb.level).toBe("item");
    expect(rb.population).toBe(N);
    expect(rb.sizeClasses?.classes.map((c) => c.id)).toEqual([
      "n100k_plus",
      "n50k_100k",
      "n10k_50k",
      "n3k_10k",
      "under3k",
    ]);
  });

  test("every 指標群 has its published maximum, and it is reachable", () => {
    for (const [id, max] of Object.entries(CLUSTER_MAX)) {
      const g = group(rb, id);
      expect([id, g.max]).toEqual([id, max]);
      expect([id, groupReach(g).max]).toEqual([id, max]);
      // and not only because of the clamp: the children reach it unclamped
      expect([id, groupReach({ ...g, max: undefined }).max]).toEqual([id, max]);
    }
  });

  test("目標 100 each, grants 400, total 800", () => {
    for (const id of GOALS) {
      expect([id, group(rb, id).max, groupReach(group(rb, id)).max]).toEqual([id, 100, 100]);
    }
    for (const id of ["P", "S"])
      expect([id, group(rb, id).max, groupReach(group(rb, id)).max]).toEqual([id, 400, 400]);
    expect(rb.root.id).toBe("KAIGO");
    expect(rb.root.max).toBe(800);
    expect(groupReach(rb.root).max).toBe(800);
  });

  test("column sums exceed the maximum only in 目標Ⅳ (160 → 100) and 支援 目標Ⅰ（ⅱ） (57 → 48)", () => {
    const plain = (id: string) => subItems(group(rb, id)).reduce((s, x) => s + x.points, 0);
    expect(plain("P_IV_O")).toBe(160);
    expect(plain("S_IV_O")).toBe(160);
    expect(plain("S_I_2")).toBe(57);
    expect(groupReach(group(rb, "P_IV_O")).max).toBe(100);
    expect(groupReach(group(rb, "S_I_2")).max).toBe(48);
    for (const [id, max] of Object.entries(CLUSTER_MAX)) {
      if (!["P_IV_O", "S_IV_O", "S_I_2"].includes(id)) expect([id, plain(id)]).toEqual([id, max]);
    }
  });

  test("exclusive branches: 目標Ⅳ items 1/3/5 (20 each) and S-I-2-9 (4) only", () => {
    const best = groups(rb.root).filter((g) => g.aggregate === "best");
    expect(best.map((g) => g.id).sort()).toEqual(
      ["P_IV_O_1", "P_IV_O_3", "P_IV_O_5", "S_IV_O_1", "S_IV_O_3", "S_IV_O_5", "S_I_2_9"].sort(),
    );
    for (const g of best) {
      const expected = g.id === "S_I_2_9" ? 4 : 20;
      expect([g.id, g.max, groupReach(g).max]).toEqual([g.id, expected, expected]);
      expect(g.notes?.some((n) => (typeof n === "string" ? n : n.ja).includes("推定"))).toBe(true);
    }
  });

  test("支援 目標Ⅳ takes its answers from 推進 目標Ⅳ", () => {
    const p = indicators(group(rb, "P_IV_O"));
    const s = indicators(group(rb, "S_IV_O"));
    expect(s).toHaveLength(8);
    expect(s.map((i) => i.answerFrom)).toEqual(p.map((i) => i.id));
    s.forEach((ind, k) => {
      expect(ind.id).toBe(`S${p[k].id.slice(1)}`);
      expect(ind.kind).toBe(p[k].kind);
    });
    expect(p.every((i) => i.answerFrom === undefined)).toBe(true);
    // same points, same (or no) counts
    expect(subItems(group(rb, "S_IV_O")).map((x) => [x.points, x.hitCount])).toEqual(
      subItems(group(rb, "P_IV_O")).map((x) => [x.points, x.hitCount]),
    );
  });

  test("hit rates are hit count ÷ 1,741, and cumulative bands never gain municipalities", () => {
    for (const x of subItems(rb.root)) {
      if (x.hitCount === undefined) {
        expect(x.hitRate).toBeUndefined();
        continue;
      }
      expect(x.hitCount).toBeLessThanOrEqual(N);
      expect(x.hitRate).toBeCloseTo(x.hitCount / N, 4);
    }
    for (const ind of indicators(rb.root)) {
      if (ind.kind !== "rankBand") continue;
      expect(ind.cumulative).toBe(true);
      const counts = ind.bands.map((b) => b.benchmark?.hitCount).filter((c): c is number => c !== undefined);
      for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]);
      if (ind.measure) expect(ind.measure.cutoffs).toEqual(ind.bands.map(() => null));
    }
  });
});

describe("FY2024 benchmarks reproduce the national tally", () => {
  const rb = books[2024];

  test.each(Object.entries(R6_CLUSTER_MEAN))("%s: Σ(points × hit count) ÷ 1,741 = %d", (id, mean) => {
    const g = group(rb, id);
    const items = subItems(g);
    expect(items.every((x) => x.hitCount !== undefined)).toBe(true);
    const sigma = items.reduce((s, x) => s + x.points * (x.hitCount ?? 0), 0) / N;
    expect(sigma).toBeCloseTo(mean, 3);
    expect(g.benchmark?.mean).toBeCloseTo(mean, 3);
  });

  test("目標, grant and total means are the sums of their 指標群, with published medians", () => {
    for (const [id, { mean, median }] of Object.entries(R6_TOTALS)) {
      const g = group(rb, id);
      const sigma = subItems(g).reduce((s, x) => s + x.points * (x.hitCount ?? 0), 0) / N;
      // 目標Ⅳ counts once in each grant, so sub-items of both grants are summed as they stand
      expect([id, Math.round(sigma * 1000) / 1000]).toEqual([id, mean]);
      expect([id, g.benchmark?.mean, g.benchmark?.median]).toEqual([id, mean, median]);
    }
  });

  test("known sub-item facts", () => {
    const byId = new Map(subItems(rb.root).map((x) => [x.id, x]));
    expect(byId.get("P_I_1_3.b2")).toMatchObject({ points: 1, hitCount: 1463, item: "P_I_1_3" });
    expect(byId.get("P_II_1_2.a1")).toMatchObject({ points: 2, hitCount: 1736 });
    expect(byId.get("P_II_1_2.b3")).toMatchObject({ points: 2, hitCount: 1473, item: "P_II_1_2" });
    expect(byId.get("P_IV_O_5.b1")).toMatchObject({ points: 5, hitCount: 813, item: "P_IV_O_5" });
    expect(byId.get("S_I_2_9.d")).toMatchObject({ points: 1, hitCount: 22, item: "S_I_2_9" });
    expect(byId.get("S_II_1_1.d")).toMatchObject({ points: 5, hitCount: 1301 });
    expect(byId.get("S_III_2_2.b4")).toMatchObject({ points: 2, hitCount: 174 });
    // 明細列 per 指標群 (reference §1): 28/12/13/8/14/12/32; 32/57/13/12/15/16/32
    const columns: Record<string, number> = {
      P_I_1: 28,
      P_I_2: 12,
      P_II_1: 13,
      P_II_2: 8,
      P_III_1: 14,
      P_III_2: 12,
      P_IV_O: 32,
      S_I_1: 32,
      S_I_2: 57,
      S_II_1: 13,
      S_II_2: 12,
      S_III_1: 15,
      S_III_2: 16,
      S_IV_O: 32,
    };
    for (const [id, n] of Object.entries(columns))
      expect([id, subItems(group(rb, id)).length]).toEqual([id, n]);
    expect(subItems(rb.root)).toHaveLength(296);
    const band = findNode(rb.root, "P_I_2_1");
    expect(band?.kind === "rankBand" && band.bands.map((b) => b.top)).toEqual([0.7, 0.5, 0.3, 0.1]);
    const rs = findNode(rb.root, "P_III_2_1");
    expect(rs?.kind === "rankBand" && rs.bands.every((b) => b.top === undefined)).toBe(true);
  });

  test("compares with the FY2023 group-level rulebook on the grant totals only", () => {
    expect(rb.previous).toEqual({
      rulebook: "kaigo-municipal-fy2023-groups",
      sameIds: false,
      groups: [
        { current: "P", previous: "P" },
        { current: "S", previous: "S" },
      ],
    });
  });
});

describe("FY2025 and FY2026 apply the structural changes of 令和7・8年度", () => {
  const ids = (y: Year) => new Set(subItems(books[y].root).map((x) => x.id));
  const item = (y: Year) => new Map(subItems(books[y].root).map((x) => [x.id, x]));

  test("sub-items keep their ids (and their 大項目) across the three years", () => {
    const removedIn2025 = [
      "P_II_1_2.a1",
      "P_II_1_2.a2",
      "P_II_1_2.a3",
      "S_II_1_1.a",
      "S_II_1_1.b",
      "S_II_1_1.c",
      "S_II_1_1.d",
    ];
    const added2025 = [
      "P_II_1_2.a",
      "S_I_1_4.e",
      "S_I_1_7.e",
      "S_I_1_7.f",
      "S_II_1_4.a",
      "S_II_1_4.b",
      "S_II_1_4.c",
      "S_II_1_4.d",
    ];
    const added2026 = ["S_I_1_6.f", "S_II_1_3.f"];
    const [a, b, c] = [ids(2024), ids(2025), ids(2026)];
    expect([...a].filter((id) => !b.has(id)).sort()).toEqual(removedIn2025.sort());
    expect([...b].filter((id) => !a.has(id)).sort()).toEqual(added2025.sort());
    expect([...b].filter((id) => !c.has(id))).toEqual([]);
    expect([...c].filter((id) => !b.has(id)).sort()).toEqual(added2026.sort());
    // column counts of the tally (目標Ⅳ listed under both grants): 296 in 令和6年度, 299 in 令和8年度
    expect(a.size).toBe(296);
    expect(c.size).toBe(299);
    const [ia, ib, ic] = [item(2024), item(2025), item(2026)];
    for (const id of a) {
      if (!b.has(id)) continue;
      expect([id, ib.get(id)?.item, ic.get(id)?.item]).toEqual([id, ia.get(id)?.item, ia.get(id)?.item]);
    }
  });

  test("re-split items carry the new points", () => {
    const pts = (y: Year, prefix: string) =>
      subItems(books[y].root)
        .filter((x) => x.item === prefix)
        .map((x) => x.points);
    expect(pts(2024, "P_II_1_2")).toEqual([2, 2, 2, 2, 2, 2, 8, 8, 8]);
    expect(pts(2025, "P_II_1_2")).toEqual([6, 2, 2, 2, 8, 8, 8]);
    expect(pts(2024, "S_I_1_4")).toEqual([1, 2, 2, 2]);
    expect(pts(2025, "S_I_1_4")).toEqual([1, 2, 1, 1, 2]);
    expect(pts(2026, "S_I_1_4")).toEqual([1, 2, 1, 1, 2]);
    expect(pts(2025, "S_I_1_7")).toEqual([1, 1, 1, 1, 1, 2]);
    expect(pts(2025, "S_I_1_6")).toEqual([1, 2, 2, 2, 2]);
    expect(pts(2026, "S_I_1_6")).toEqual([1, 1, 1, 2, 2, 2]);
    expect(pts(2025, "S_II_1_3")).toEqual([5, 5, 5, 5, 5]);
    expect(pts(2026, "S_II_1_3")).toEqual([4, 4, 4, 4, 4, 5]);
    expect(pts(2025, "S_II_1_4")).toEqual([5, 5, 5, 5]);
    // S-II-1 is renumbered from 令和7年度: 1 = サポーター (S_II_1_3), 2 = 早期診断 (S_II_1_2), 3 = 難聴 (S_II_1_4)
    for (const y of [2025, 2026] as const) {
      const g = group(books[y], "S_II_1");
      expect(g.children.map((c) => [c.id, c.code])).toEqual([
        ["S_II_1_3", "1"],
        ["S_II_1_2", "2"],
        ["S_II_1_4", "3"],
      ]);
    }
  });

  test("later-year hit counts for every column, from the national tally", () => {
    const i25 = item(2025);
    const i26 = item(2026);
    expect(i25.get("P_II_1_2.a")).toMatchObject({ points: 6, hitCount: 1658 });
    expect(i25.get("S_II_1_4.d")).toMatchObject({ points: 5, hitCount: 52 });
    expect(i25.get("S_I_1_7.f")).toMatchObject({ points: 2, hitCount: 673 });
    expect(i25.get("P_II_2_2.d")).toMatchObject({ hitCount: 1270 });
    expect(i26.get("S_II_1_3.f")).toMatchObject({ points: 5, hitCount: 746 });
    expect(i26.get("S_I_1_6.f")).toMatchObject({ points: 2, hitCount: 929 });
    expect(i26.get("P_II_2_2.a")).toMatchObject({ hitCount: 1336 });
    // kaigo-tally-columns-R6-R8.csv gives every column of every year (令和6/7/8年度)
    const counts = (id: string) => [
      id,
      item(2024).get(id)?.hitCount,
      i25.get(id)?.hitCount,
      i26.get(id)?.hitCount,
    ];
    expect(["P_I_1_1.a", "S_I_2_9.a1", "P_IV_O_1.a1", "S_III_1_1.b"].map(counts)).toEqual([
      ["P_I_1_1.a", 1684, 1696, 1701],
      ["S_I_2_9.a1", 576, 528, 518],
      ["P_IV_O_1.a1", 745, 732, 752],
      ["S_III_1_1.b", 1532, 1612, 1636],
    ]);
    expect(i26.get("P_II_1_2.a")?.hitCount).toBe(1687);
    expect(i26.get("S_II_1_4.a")?.hitCount).toBe(1199);
    for (const y of YEARS)
      expect(subItems(books[y].root).filter((x) => x.hitCount === undefined)).toEqual([]);
  });

  test("指標群, 目標, grant and total figures from the national tally add up", () => {
    // [mean, median, SD] of the tally's subtotal rows (kaigo-tally-columns-R6-R8.csv), 3 decimals
    const figures: Record<number, Record<string, [number, number, number]>> = {
      2025: {
        P_I: [59.406, 62, 18.017],
        P_II: [65.405, 68, 21.025],
        P_III: [46.597, 48, 21.539],
        P_IV: [47.84, 50, 16.327],
        S_I: [55.281, 57, 16.028],
        S_II: [46.508, 47, 17.167],
        S_III: [66.11, 71, 19.334],
        S_IV: [47.84, 50, 16.327],
        P: [219.248, 224, 53.942],
        S: [215.74, 221, 45.331],
        KAIGO: [434.988, 446, 92.327],
      },
      2026: {
        P_I: [62.307, 66, 16.475],
        P_II: [69.176, 72, 19.588],
        P_III: [50.846, 52, 20.221],
        P_IV: [47.757, 50, 15.77],
        S_I: [57.837, 60, 15.236],
        S_II: [51.114, 52, 16.877],
        S_III: [68.332, 73, 18.245],
        S_IV: [47.757, 50, 15.77],
        P: [230.086, 235, 50.532],
        S: [225.04, 232, 43.636],
        KAIGO: [455.126, 469, 87.696],
      },
    };
    for (const y of [2025, 2026] as const) {
      const rb = books[y];
      for (const [id, [mean, median, sd]] of Object.entries(figures[y])) {
        const b = group(rb, id).benchmark;
        expect([y, id, b?.mean, b?.median, b?.sd]).toEqual([y, id, mean, median, sd]);
      }
      // every 指標群 and everything above it carries all three (the tally has no 大項目 subtotals),
      // and its mean is the sum of its children's, rounding aside
      const tallied = groups(rb.root).filter((g) =>
        /^[PS]_(I|II|III|IV)(_[12O])?$|^[PS]$|^KAIGO$/.test(g.id),
      );
      expect(tallied).toHaveLength(25);
      for (const g of tallied) {
        expect([g.id, typeof g.benchmark?.mean, typeof g.benchmark?.median, typeof g.benchmark?.sd]).toEqual([
          g.id,
          "number",
          "number",
          "number",
        ]);
        const kids = g.children.filter((c): c is Group => c.kind === "group" && c.benchmark !== undefined);
        if (!/^[PS]_(I|II|III)$|^[PS]$|^KAIGO$/.test(g.id)) continue;
        const total = kids.reduce((s, c) => s + (c.benchmark?.mean ?? NaN), 0);
        expect([g.id, Math.abs(total - (g.benchmark?.mean ?? NaN)) <= 0.003]).toEqual([g.id, true]);
      }
      expect(group(rb, "P_IV_O").benchmark).toEqual(group(rb, "P_IV").benchmark);
    }
    expect(books[2025].previous).toEqual({ rulebook: "kaigo-municipal-fy2024" });
    expect(books[2026].previous).toEqual({ rulebook: "kaigo-municipal-fy2025" });
  });
});
