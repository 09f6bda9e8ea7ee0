// Bundled group-level and partial rulebooks: kaigo (FY2019, FY2023–FY2026 group level, prefectural FY2019 and
// FY2026), NHI FY2024, 後期 FY2022 and FY2024 (details of the FY2026 prefectural and 後期 FY2024 ones in
// rulebooks-fy2026-more.test.ts).
import * as fs from "fs";
import * as path from "path";
import { groupReach } from "../src/rulebooks/structure";
import { checkRulebook } from "../src/rulebooks/validate";
import { findBundled } from "../src/rulebooks/registry";
import { render } from "../src/messages";
import type { Group, Indicator, Node, Rulebook } from "../src/rulebooks/schema";

const DIR = path.join(__dirname, "..", "src", "rulebooks", "bundled");

const FILES = [
  "kaigo-municipal-fy2024-groups",
  "kaigo-municipal-fy2025-groups",
  "kaigo-municipal-fy2026-groups",
  "kaigo-municipal-fy2023-groups",
  "kaigo-municipal-2019-groups",
  "kaigo-prefectural-2019-groups",
  "kaigo-prefectural-fy2026-groups",
  "nhi-municipal-fy2024",
  "kouki-fy2022",
  "kouki-fy2024",
] as const;

function raw(id: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(DIR, `${id}.json`), "utf8"));
}

function load(id: string): Rulebook {
  const res = checkRulebook(raw(id));
  if (!res.ok || !res.rulebook) throw new Error(`${id}: ${JSON.stringify(res.problems)}`);
  return res.rulebook;
}

function all(node: Node, out: Node[] = []): Node[] {
  out.push(node);
  if (node.kind === "group") node.children.forEach((c) => all(c, out));
  return out;
}

function group(rb: Rulebook, id: string): Group {
  const n = all(rb.root).find((x) => x.id === id);
  if (!n || n.kind !== "group") throw new Error(`no group ${id} in ${rb.id}`);
  return n;
}

function indicator(rb: Rulebook, id: string): Indicator {
  const n = all(rb.root).find((x) => x.id === id);
  if (!n || n.kind === "group") throw new Error(`no indicator ${id} in ${rb.id}`);
  return n;
}

function indicators(rb: Rulebook): Indicator[] {
  return all(rb.root).filter((n): n is Indicator => n.kind !== "group");
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const childMaxima = (g: Group) =>
  g.children.map((c) => (c.kind === "group" ? c.max : c.kind === "points" ? c.max : undefined));

describe("every bundled rulebook of this set validates", () => {
  test.each(FILES)("%s", (id) => {
    const doc = raw(id) as { id: string; format: string; version: string };
    const res = checkRulebook(doc);
    expect(res.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(res.ok).toBe(true);
    // No warnings either: none of these files needs one explained.
    expect(res.problems).toEqual([]);
    expect(doc.id).toBe(id);
    expect(doc.format).toBe("saiten.rulebook/1");
    expect(doc.version).toBe("1.0.0");
  });

  test.each(FILES)("%s: every group max equals the sum of its children and reach equals the total", (id) => {
    const rb = load(id);
    for (const n of all(rb.root)) {
      if (n.kind !== "group" || n.max === undefined) continue;
      const maxima = childMaxima(n);
      if (maxima.every((m) => m !== undefined)) expect(sum(maxima as number[])).toBe(n.max);
    }
    expect(groupReach(rb.root).max).toBe(rb.root.max);
  });

  test.each(FILES)("%s: sources and notes are bilingual and present", (id) => {
    const rb = load(id);
    expect(rb.sources.length).toBeGreaterThan(0);
    expect(rb.notes.length).toBeGreaterThan(0);
    for (const n of rb.notes) {
      expect(typeof n).toBe("object");
      if (typeof n === "object") {
        expect(n.ja.length).toBeGreaterThan(0);
        expect(n.en?.length).toBeGreaterThan(0);
      }
    }
    const sourceIds = new Set(rb.sources.map((s) => s.id));
    expect(sourceIds.size).toBe(rb.sources.length);
  });
});

describe("kaigo municipal FY2024–FY2026, group level", () => {
  const CLUSTERS: Record<string, number> = {
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
  const GOALS = ["P_I", "P_II", "P_III", "P_IV", "S_I", "S_II", "S_III", "S_IV"];

  describe.each([2024, 2025, 2026])("FY%i", (fy) => {
    const rb = load(`kaigo-municipal-fy${fy}-groups`);

    test("header", () => {
      expect(rb.scheme).toBe("kaigo-kofukin");
      expect(rb.entity).toBe("municipality");
      expect(rb.fiscalYear).toBe(fy);
      expect(rb.level).toBe("group");
      expect(rb.population).toBe(1741);
    });

    test("800 = 推進 400 + 支援 400, 100 per 目標", () => {
      expect(rb.root.id).toBe("KAIGO");
      expect(rb.root.max).toBe(800);
      expect(rb.root.children.map((c) => c.id)).toEqual(["P", "S"]);
      expect(group(rb, "P").max).toBe(400);
      expect(group(rb, "S").max).toBe(400);
      expect(group(rb, "P").children.map((c) => c.id)).toEqual(["P_I", "P_II", "P_III", "P_IV"]);
      expect(group(rb, "S").children.map((c) => c.id)).toEqual(["S_I", "S_II", "S_III", "S_IV"]);
      for (const g of GOALS) expect(group(rb, g).max).toBe(100);
      expect(groupReach(group(rb, "P")).max).toBe(400);
      expect(groupReach(group(rb, "S")).max).toBe(400);
    });

    test("指標群 maxima 64/36/68/32/64/36/100 and 52/48/64/36/68/32/100, one points indicator each", () => {
      const ids = all(rb.root)
        .filter((n) => n.kind === "group" && /^[PS]_[IV]+_[12O]$/.test(n.id))
        .map((n) => n.id);
      expect(ids).toEqual(Object.keys(CLUSTERS));
      for (const [id, max] of Object.entries(CLUSTERS)) {
        const g = group(rb, id);
        expect(g.max).toBe(max);
        expect(g.children).toHaveLength(1);
        const ind = g.children[0] as Indicator;
        expect(ind.kind).toBe("points");
        expect(ind.id).toBe(`${id}.points`);
        if (ind.kind === "points") {
          expect(ind.max).toBe(max);
          expect(ind.min).toBeUndefined();
        }
      }
      expect(indicators(rb)).toHaveLength(14);
    });

    test("目標Ⅳ is one set counted in both grants: S_IV_O.points answers from P_IV_O.points", () => {
      expect(indicator(rb, "S_IV_O.points").answerFrom).toBe("P_IV_O.points");
      expect(indicator(rb, "P_IV_O.points").answerFrom).toBeUndefined();
      expect(
        indicators(rb)
          .filter((i) => i.answerFrom !== undefined)
          .map((i) => i.id),
      ).toEqual(["S_IV_O.points"]);
    });

    test("size classes of 第1号被保険者数", () => {
      expect(rb.sizeClasses?.classes.map((c) => [c.id, c.min, c.max])).toEqual([
        ["n100k_plus", 100000, undefined],
        ["n50k_100k", 50000, 100000],
        ["n10k_50k", 10000, 50000],
        ["n3k_10k", 3000, 10000],
        ["under3k", undefined, 3000],
      ]);
    });
  });

  test("previous links", () => {
    expect(load("kaigo-municipal-fy2024-groups").previous).toEqual({
      rulebook: "kaigo-municipal-fy2023-groups",
      sameIds: false,
      groups: [
        { current: "P", previous: "P" },
        { current: "S", previous: "S" },
      ],
    });
    expect(load("kaigo-municipal-fy2025-groups").previous).toEqual({
      rulebook: "kaigo-municipal-fy2024-groups",
    });
    expect(load("kaigo-municipal-fy2026-groups").previous).toEqual({
      rulebook: "kaigo-municipal-fy2025-groups",
    });
  });

  test("FY2024 benchmarks: tally means match the published averages; medians and rates as published (seed 000)", () => {
    const rb = load("kaigo-municipal-fy2024-groups");
    // [id, national tally mean, published average, published median, published average rate]
    const expected: [string, number, number, number, number][] = [
      ["KAIGO", 422.355, 422.4, 428, 0.528],
      ["P", 205.637, 205.6, 209, 0.514],
      ["S", 216.718, 216.7, 222, 0.542],
      ["P_I", 56.172, 56.2, 58, 0.562],
      ["P_I_1", 46.345, 46.3, 48, 0.724],
      ["P_I_2", 9.827, 9.8, 9, 0.273],
      ["P_II", 59.816, 59.8, 60, 0.598],
      ["P_II_1", 42.357, 42.4, 44, 0.623],
      ["P_II_2", 17.459, 17.5, 16, 0.546],
      ["P_III", 41.041, 41.0, 41, 0.41],
      ["P_III_1", 33.833, 33.8, 34, 0.529],
      ["P_III_2", 7.208, 7.2, 6, 0.2],
      ["P_IV", 48.607, 48.6, 50, 0.486],
      ["P_IV_O", 48.607, 48.6, 50, 0.486],
      ["S_I", 51.517, 51.5, 52, 0.515],
      ["S_I_1", 31.412, 31.4, 33, 0.604],
      ["S_I_2", 20.105, 20.1, 20, 0.419],
      ["S_II", 54.522, 54.5, 56, 0.545],
      ["S_II_1", 42.437, 42.4, 44, 0.663],
      ["S_II_2", 12.084, 12.1, 12, 0.336],
      ["S_III", 62.072, 62.1, 66, 0.621],
      ["S_III_1", 49.28, 49.3, 53, 0.725],
      ["S_III_2", 12.793, 12.8, 12, 0.4],
      ["S_IV", 48.607, 48.6, 50, 0.486],
      ["S_IV_O", 48.607, 48.6, 50, 0.486],
    ];
    for (const [id, tally, published, median, rate] of expected) {
      const g = group(rb, id);
      expect([id, g.benchmark?.mean]).toEqual([id, tally]);
      expect([id, Math.round((g.benchmark?.mean ?? NaN) * 10) / 10]).toEqual([id, published]);
      expect([id, g.benchmark?.median]).toEqual([id, median]);
      expect([id, g.benchmark?.meanRate]).toEqual([id, rate]);
      // The published rate is the mean over the maximum, rounded to 0.1%.
      expect(Math.round(((g.benchmark?.mean ?? NaN) / (g.max as number)) * 1000) / 1000).toBeCloseTo(
        rate,
        10,
      );
      expect(g.benchmark?.source).toBeTruthy();
    }
  });

  test("FY2025 and FY2026 benchmarks: every group's national mean, median and SD from the tally file", () => {
    // 目標/grant/total [mean, median, SD] of kaigo-tally-columns-R6-R8.csv (mean and SD to 3 decimals);
    // the 0.1 means of official-indicators §5.3 they replace disagree on P_IV/S_IV, P, S (FY2025)
    // and P_II, P_IV/S_IV, P, S, KAIGO (FY2026).
    const expected: Record<number, Record<string, [number, number, number]>> = {
      2025: {
        KAIGO: [434.988, 446, 92.327],
        P: [219.248, 224, 53.942],
        S: [215.74, 221, 45.331],
        P_I: [59.406, 62, 18.017],
        P_II: [65.405, 68, 21.025],
        P_III: [46.597, 48, 21.539],
        P_IV: [47.84, 50, 16.327],
        S_I: [55.281, 57, 16.028],
        S_II: [46.508, 47, 17.167],
        S_III: [66.11, 71, 19.334],
        S_IV: [47.84, 50, 16.327],
      },
      2026: {
        KAIGO: [455.126, 469, 87.696],
        P: [230.086, 235, 50.532],
        S: [225.04, 232, 43.636],
        P_I: [62.307, 66, 16.475],
        P_II: [69.176, 72, 19.588],
        P_III: [50.846, 52, 20.221],
        P_IV: [47.757, 50, 15.77],
        S_I: [57.837, 60, 15.236],
        S_II: [51.114, 52, 16.877],
        S_III: [68.332, 73, 18.245],
        S_IV: [47.757, 50, 15.77],
      },
    };
    for (const fy of [2025, 2026]) {
      const rb = load(`kaigo-municipal-fy${fy}-groups`);
      const withBenchmark = all(rb.root).filter((n): n is Group => n.kind === "group" && !!n.benchmark);
      expect(withBenchmark).toHaveLength(25);
      for (const g of withBenchmark)
        expect([fy, g.id, g.benchmark?.source]).toEqual([fy, g.id, expect.stringContaining("tally-csv")]);
      for (const [id, [mean, median, sd]] of Object.entries(expected[fy])) {
        const b = group(rb, id).benchmark;
        expect([fy, id, b?.mean, b?.median, b?.sd]).toEqual([fy, id, mean, median, sd]);
      }
      expect(rb.sizeClasses?.assumedFrom).toBe(2024);
    }
    expect(load("kaigo-municipal-fy2024-groups").sizeClasses?.assumedFrom).toBeUndefined();
  });
});

describe("kaigo municipal FY2023 (old structure)", () => {
  const rb = load("kaigo-municipal-fy2023-groups");

  test("2,185 = 推進 1,355 + 支援 830 and the six sections", () => {
    expect(rb.fiscalYear).toBe(2023);
    expect(rb.root.id).toBe("KAIGO");
    expect(rb.root.max).toBe(2185);
    expect(group(rb, "P").max).toBe(1355);
    expect(group(rb, "S").max).toBe(830);
    const sections: Record<string, number> = {
      P_I: 135,
      P_II: 1020,
      P_III: 200,
      S_I: 35,
      S_II: 755,
      S_III: 40,
    };
    for (const [id, max] of Object.entries(sections)) {
      expect(group(rb, id).max).toBe(max);
      const ind = indicator(rb, `${id}.points`);
      expect(ind.kind).toBe("points");
      if (ind.kind === "points") expect(ind.max).toBe(max);
    }
    expect(135 + 1020 + 200).toBe(1355);
    expect(35 + 755 + 40).toBe(830);
    expect(groupReach(rb.root).max).toBe(2185);
    expect(indicators(rb)).toHaveLength(6);
  });

  test("national averages (toyako page; seed 000 for the total)", () => {
    const means: Record<string, number> = {
      P: 742.94,
      P_I: 84.18,
      P_II: 557.58,
      P_III: 101.18,
      S: 412.92,
      S_I: 19.93,
      S_II: 376.28,
      S_III: 16.71,
      KAIGO: 1156,
    };
    for (const [id, mean] of Object.entries(means))
      expect([id, group(rb, id).benchmark?.mean]).toEqual([id, mean]);
    expect(rb.root.benchmark?.meanRate).toBe(0.529);
    // Grant averages add up to the published total (1,155.86 ≈ 1,156).
    expect(Math.round(742.94 + 412.92)).toBe(1156);
  });
});

describe("kaigo 2019 structure", () => {
  test("municipal 612 = Ⅰ 82 + Ⅱ 460 (8 areas) + Ⅲ 70 (2 areas)", () => {
    const rb = load("kaigo-municipal-2019-groups");
    expect(rb.fiscalYear).toBe(2019);
    expect(rb.entity).toBe("municipality");
    expect(rb.root.max).toBe(612);
    expect(group(rb, "M_I").max).toBe(82);
    expect(group(rb, "M_II").max).toBe(460);
    expect(group(rb, "M_III").max).toBe(70);
    expect(childMaxima(group(rb, "M_II"))).toEqual([40, 20, 150, 70, 40, 80, 40, 20]);
    expect(childMaxima(group(rb, "M_III"))).toEqual([60, 10]);
    expect(sum(childMaxima(group(rb, "M_II")) as number[])).toBe(460);
    expect(82 + 460 + 70).toBe(612);
    expect(indicators(rb)).toHaveLength(11);
    expect(groupReach(rb.root).max).toBe(612);
  });

  test("prefectural 730 = Ⅰ 180 + Ⅱ 530 (9 areas) + Ⅲ 20", () => {
    const rb = load("kaigo-prefectural-2019-groups");
    expect(rb.fiscalYear).toBe(2019);
    expect(rb.entity).toBe("prefecture");
    expect(rb.population).toBe(47);
    expect(rb.root.max).toBe(730);
    expect(group(rb, "PF_I").max).toBe(180);
    expect(group(rb, "PF_II").max).toBe(530);
    expect(group(rb, "PF_III").max).toBe(20);
    expect(childMaxima(group(rb, "PF_II"))).toEqual([30, 110, 70, 80, 110, 20, 50, 50, 10]);
    expect(sum(childMaxima(group(rb, "PF_II")) as number[])).toBe(530);
    expect(180 + 530 + 20).toBe(730);
    expect(indicators(rb)).toHaveLength(11);
    expect(groupReach(rb.root).max).toBe(730);
  });

  test("every indicator is a bounded points entry and names are Japanese", () => {
    for (const id of ["kaigo-municipal-2019-groups", "kaigo-prefectural-2019-groups"]) {
      const rb = load(id);
      for (const ind of indicators(rb)) {
        expect(ind.kind).toBe("points");
        if (ind.kind === "points") expect(ind.max).toBeGreaterThan(0);
        expect(typeof ind.name === "object" && /[\u3040-\u30ff\u4e00-\u9fff]/.test(ind.name.ja)).toBe(true);
      }
    }
  });
});

describe("NHI 保険者努力支援制度 市町村分 FY2024", () => {
  const rb = load("nhi-municipal-fy2024");

  test("root 840, mixed level, 共通①–⑥ and 固有①–⑥", () => {
    expect(rb.scheme).toBe("nhi-doryoku-shien");
    expect(rb.level).toBe("mixed");
    expect(rb.fiscalYear).toBe(2024);
    expect(rb.root.max).toBe(840);
    expect(groupReach(rb.root).max).toBe(840);
    expect(group(rb, "KYOTSU").children.map((c) => c.code)).toEqual([
      "共通①",
      "共通②",
      "共通③",
      "共通④",
      "共通⑤",
      "共通⑥",
    ]);
    expect(group(rb, "KOYU").children.map((c) => c.code)).toEqual([
      "固有①",
      "固有②",
      "固有③",
      "固有④",
      "固有⑤",
      "固有⑥",
    ]);
  });

  test("共通③ 特定健診受診率向上の取組: yes/no items 5 + 10 + 10 with their R6 該当数/達成率", () => {
    const g = group(rb, "KYOTSU_3_KENSHIN");
    const items = g.children as Indicator[];
    expect(items.map((i) => i.kind)).toEqual(["yesno", "yesno", "yesno"]);
    expect(items.map((i) => (i.kind === "yesno" ? i.points : NaN))).toEqual([5, 10, 10]);
    // shares are count ÷ 1,741 (the slide prints 83.3% for 1,453, which is 83.46%)
    expect(items.map((i) => [i.benchmark?.hitCount, i.benchmark?.hitRate])).toEqual([
      [1639, 0.9414],
      [1453, 0.8346],
      [1277, 0.7335],
    ]);
    for (const i of items) expect(i.benchmark?.hitRate).toBeCloseTo(i.benchmark!.hitCount! / 1741, 4);
    expect(groupReach(g).max).toBe(25);
  });

  test("everything else is points entry without a maximum; only the total bounds it", () => {
    const pts = indicators(rb).filter((i) => i.kind === "points");
    expect(pts).toHaveLength(12);
    for (const i of pts) {
      if (i.kind !== "points") continue;
      expect(i.max).toBeUndefined();
      // 固有⑥ takes minus points down to the only bound the sources know (▲30, R3/R4); no other min.
      expect([i.id, i.min]).toEqual([i.id, i.id === "KOYU_6.points" ? -30 : undefined]);
    }
    for (const n of all(rb.root)) if (n.kind === "group" && n !== rb.root) expect(n.max).toBeUndefined();
    expect(indicators(rb).filter((i) => i.kind !== "points" && i.kind !== "yesno")).toEqual([]);
  });

  test("notes say what is official, what is points entry and what is unknown", () => {
    const text = rb.notes.map((n) => (typeof n === "string" ? n : `${n.ja}\n${n.en ?? ""}`)).join("\n");
    expect(text).toMatch(/特定健診受診率向上の取組/);
    expect(text).toMatch(/points entry/);
    expect(text).toMatch(/Unknown/);
    expect(text).toMatch(/▲30/);
  });
});

describe("後期高齢者医療 保険者インセンティブ FY2022", () => {
  const rb = load("kouki-fy2022");

  test("14 indicators summing to 120, national average 96.17", () => {
    expect(rb.scheme).toBe("kouki-incentive");
    expect(rb.entity).toBe("wide-area-union");
    expect(rb.fiscalYear).toBe(2022);
    expect(rb.root.max).toBe(120);
    const inds = indicators(rb);
    expect(inds).toHaveLength(14);
    const maxima = inds.map((i) => (i.kind === "points" ? i.max : NaN));
    expect(maxima).toEqual([7, 7, 10, 8, 5, 5, 2, 2, 15, 8, 15, 10, 6, 20]);
    expect(sum(maxima as number[])).toBe(120);
    expect(groupReach(rb.root).max).toBe(120);
    expect(rb.root.benchmark?.mean).toBe(96.17);
  });
});

describe("a rulebook document's schema problems", () => {
  test("are said in Japanese in the Japanese text, whatever kind of problem zod finds", () => {
    const res = checkRulebook({ a: 1 });
    expect(res.ok).toBe(false);
    const ja = res.problems.map((p) => render(p.detail, "ja"));
    // title is a text or a { ja, en } pair, and missing here.
    expect(ja).toContain("値が必要です（項目がありません）");
    expect(ja.filter((t) => /[A-Za-z]{3,}/.test(t.replace(/"[^"]*"|（[^）]*）/g, "")))).toEqual([]);
  });

  test("are said in our English in the English text, never in zod's wording", () => {
    const res = checkRulebook({ a: 1 });
    const en = res.problems.map((p) => render(p.detail, "en"));
    expect(en).toContain("a value is needed (the entry is missing)");
    expect(en).toContain("a list is needed (the entry is missing)");
    expect(res.problems.map((p) => p.message)).toEqual(en);
    for (const t of en) expect(t).not.toMatch(/Invalid|expected|received|[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  test("an id a rulebook cannot use is explained in the user's language, with what to do", () => {
    const doc = structuredClone(findBundled("kaigo-municipal-fy2026")!) as unknown as { root: { id: string } };
    doc.root.id = "A1";
    const res = checkRulebook(doc);
    expect(res.ok).toBe(false);
    const p = res.problems.find((x) => x.path === "root.id")!;
    expect(render(p.detail, "ja")).toBe("ID「A1」は使えません。セル番地（A1 など）と紛らわしいため使えません。別のIDにしてください。");
    expect(render(p.detail, "en")).toBe(
      "The ID “A1” cannot be used: it could be taken for a cell address (such as A1); use another ID.",
    );
  });
});
