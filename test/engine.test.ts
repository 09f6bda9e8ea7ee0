import fc from "fast-check";
import {
  allocate,
  compare,
  judgeRates,
  rank,
  ratePercent,
  roundHalfUp,
  score,
  ScoreSession,
  type GroupResult,
} from "../src/engine";
import { ratePercentExact } from "../src/numbers/round";
import { findBundled } from "../src/rulebooks/registry";
import type { Rulebook } from "../src/rulebooks/schema";
import { checkRulebook } from "../src/rulebooks/validate";
import { miniRulebook } from "./fixtures/mini-rulebook";
import { heldByCutTexts } from "./fixtures/cut-texts";

const mini = miniRulebook;

function kaigo(id: string): Rulebook {
  const rb = findBundled(id);
  if (!rb) throw new Error(`missing bundled rulebook ${id}`);
  return rb;
}

describe("rates", () => {
  test("663/800 → 82.9% and 621/800 → 77.6% (round half up at one decimal)", () => {
    expect(ratePercent(663, 800)).toBe(82.9);
    expect(ratePercent(621, 800)).toBe(77.6);
    expect(ratePercent(604, 800)).toBe(75.5);
  });
  test("exact halves round up, not to even and not down by float error", () => {
    expect(ratePercent(1, 8, 1)).toBe(12.5);
    expect(ratePercent(1, 16, 1)).toBe(6.3); // 6.25 → 6.3
    expect(ratePercent(1, 16, 2)).toBe(6.25);
    expect(ratePercent(2.5, 10, 0)).toBe(25);
    expect(ratePercent(0.005, 1, 0)).toBe(1); // 0.5% → 1%
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(46.345, 1)).toBe(46.3);
    expect(roundHalfUp(-0.25, 1)).toBe(-0.3);
  });
  test("the integer fast path agrees with exact BigInt arithmetic", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 0, max: 4 }),
        (a, b, d) => {
          expect(ratePercent(a, b, d)).toBe(ratePercentExact(a, b, d));
        },
      ),
      { numRuns: 2000 },
    );
  });
  test("precision is configurable per call and per rulebook", () => {
    const r = score({ ...mini, rateDigits: 2 }, { "A.y1": "○" });
    expect(r.groups.find((g) => g.id === "A")!.ratePercent).toBe(40);
    expect(r.total.ratePercent).toBe(8);
    expect(score(mini, { "A.y1": "○", "B.c": "ア" }, { rateDigits: 0 }).groups[1].ratePercent).toBe(33);
  });
});

describe("score on the mini rulebook", () => {
  const answers = {
    "A.y1": "○",
    "A.y2": "×",
    "A.y3": "はい",
    "B.c": "イ",
    "B.m": "ア、イ、ウ",
    "B.n": "５５％",
    "ACT.r": "ウ",
    "ACT.i": 95,
    "ACT.top": "○",
    "D.neg": "×",
    "D.pts": 4,
  };
  const r = score(mini, answers, { size: 5000, previousValues: { "ACT.i": 94.5 } });
  const ind = (id: string) => r.indicators.find((i) => i.id === id)!;

  test("every kind scores as its rule says", () => {
    expect(ind("A.y1").points).toBe(8);
    expect(ind("A.y2").points).toBe(0);
    expect(ind("B.c").points).toBe(5);
    expect(ind("B.c").value).toBe("イ");
    expect(ind("B.m").points).toBe(6); // 9 capped at 6
    expect(ind("B.m").explanation.ja).toMatch(/上限6点/);
    expect(ind("B.n").points).toBe(5); // small size class: 55 ≥ 45
    expect(ind("ACT.r").points).toBe(9); // ア+イ+ウ
    expect(ind("ACT.r").parts!.map((p) => p.points)).toEqual([3, 3, 3, 0]);
    expect(ind("ACT.i").points).toBe(3); // +0.5: improved, less than +1
    expect(ind("D.neg").points).toBe(-10);
    expect(ind("D.pts").points).toBe(4);
  });
  test("a prerequisite not met gives 0 with the reason", () => {
    expect(ind("ACT.top").points).toBe(0); // needs band エ
    expect(ind("ACT.top").explanation.ja).toMatch(/前提/);
    const met = score(mini, { ...answers, "ACT.r": "エ" }, { size: 5000 });
    expect(met.indicators.find((i) => i.id === "ACT.top")!.points).toBe(6);
  });
  test("groups sum their children, clamped to the maximum and to the floor", () => {
    const g = (id: string) => r.groups.find((x) => x.id === id)!;
    expect(g("A").sum).toBe(16);
    expect(g("D").points).toBe(-6); // -10 + 4 + 0
    const clamped = score(mini, { "A.y1": "○", "A.y2": "○", "A.y3": "○" });
    expect(clamped.groups[0].sum).toBe(24);
    expect(clamped.groups[0].points).toBe(20);
    expect(clamped.groups[0].clamped).toBe("max");
    const floored = score(
      {
        ...mini,
        root: {
          ...mini.root,
          children: mini.root.children.map((c) => (c.id === "D" ? { ...c, min: -5 } : c)),
        } as Rulebook["root"],
      },
      { "D.neg": "×" },
    );
    expect(floored.groups[3].points).toBe(-5);
    expect(floored.groups[3].clamped).toBe("min");
  });
  test("size classes pick thresholds; without one the indicator says so", () => {
    expect(
      score(mini, { "B.n": "55%" }, { size: 200000 }).indicators.find((i) => i.id === "B.n")!.points,
    ).toBe(10);
    const none = score(mini, { "B.n": "55%" });
    expect(none.issues.find((i) => i.indicatorId === "B.n")!.code).toBe("size_class_missing");
  });
  test("rank band from the measure when cut-offs are known", () => {
    const s = score(mini, { "ACT.r": "6.5%" });
    expect(s.indicators.find((i) => i.id === "ACT.r")!.points).toBe(9);
    expect(score(mini, { "ACT.r": "上位1割" }).indicators.find((i) => i.id === "ACT.r")!.points).toBe(12);
    expect(score(mini, { "ACT.r": "なし" }).indicators.find((i) => i.id === "ACT.r")!.points).toBe(0);
  });
  test("improvement without last year's value is reported, not guessed", () => {
    const s = score(mini, { "ACT.i": 95 });
    expect(s.issues.find((i) => i.indicatorId === "ACT.i")!.code).toBe("previous_missing");
  });
  test("answerFrom takes the other indicator's answer, and issues are reported once", () => {
    const s = score(mini, { "A.y1": "abc" });
    expect(s.issues.filter((i) => i.code === "invalid").map((i) => i.indicatorId)).toEqual(["A.y1"]);
    expect(score(mini, { "A.y1": "○" }).indicators.find((i) => i.id === "D.link")!.value).toBe(true);
  });
  test("out of range points are an error naming the indicator and cell", () => {
    const s = score(mini, { "D.pts": { value: 12, cell: "回答!E20" } });
    const issue = s.issues.find((i) => i.indicatorId === "D.pts")!;
    expect(issue).toMatchObject({ severity: "error", code: "out_of_range", cell: "回答!E20" });
    expect(issue.message.ja).toMatch(/回答!E20.*D\.pts.*範囲外/);
  });
  test("every result object of one kind has the same fields, whatever it holds", () => {
    // One hidden class per kind: fields added afterwards made V8 throw the scoring code away at
    // full collections. Absent fields are undefined, which JSON leaves out.
    const s = score(
      mini,
      {
        ...answers,
        "A.y2": { value: "○", cell: "回答!E7" },
        "A.y3": "○",
        "B.c": "abc",
        "D.pts": { value: 12, cell: "回答!E20" },
      },
      { size: 5000 },
    );
    const groups: GroupResult[] = [];
    const walk = (g: GroupResult) => (groups.push(g), g.children.forEach(walk));
    s.groups.forEach(walk);
    const shapes = (xs: object[]) => new Set(xs.map((x) => Object.keys(x).join()));
    expect(shapes(s.indicators).size).toBe(1);
    expect(shapes(groups).size).toBe(1);
    expect(s.issues.length).toBeGreaterThan(1);
    expect(shapes(s.issues).size).toBe(1);
    // What differs is the values: the cell where the answer names one, a clamp where there is one.
    const at = (id: string) => s.indicators.find((i) => i.id === id)!;
    expect(at("A.y2").cell).toBe("回答!E7");
    expect(at("A.y1").cell).toBeUndefined();
    expect(groups.find((g) => g.id === "A")!.clamped).toBe("max");
    expect(groups.find((g) => g.id === "B")!.clamped).toBeUndefined();
    expect(s.issues.find((i) => i.indicatorId === "D.pts")!.cell).toBe("回答!E20");
    expect(s.issues.find((i) => i.indicatorId === "B.c")!.cell).toBeUndefined();
    expect(JSON.stringify(at("A.y1"))).not.toMatch(/"cell"/);
  });
  test("a group's national figures: only those given, made once for every result on the rulebook", () => {
    const rb = structuredClone(kaigo("kaigo-municipal-fy2026"));
    const withMean = rb.root.children.find((c) => c.kind === "group")!;
    if (withMean.kind !== "group") throw new Error("no group");
    withMean.benchmark = { mean: 41.2 };
    rb.root.benchmark = { mean: 535.6, median: 534, meanRate: 0.5 };
    const a = score(rb, {});
    const b = new ScoreSession(rb, { x: "○" }).result();
    const first = (r: typeof a) => r.groups.find((g) => g.id === withMean.id)!;
    expect(first(a).benchmark).toEqual({ mean: 41.2 });
    expect(Object.keys(first(a).benchmark!)).toEqual(["mean"]);
    expect(a.total.benchmark).toEqual({ mean: 535.6, median: 534, meanRate: 0.5 });
    expect(first(b).benchmark).toBe(first(a).benchmark);
    expect(Object.isFrozen(first(a).benchmark)).toBe(true);
  });
  test("missing answers are warnings with the indicator named", () => {
    const s = score(mini, {});
    const missing = s.issues.filter((i) => i.code === "missing");
    expect(missing.length).toBe(11); // every answerable indicator; the linked D.link is not reported twice
    expect(missing.map((i) => i.indicatorId)).not.toContain("D.link");
    expect(missing.every((i) => i.severity === "warning" && i.message.ja.includes(i.indicatorId!))).toBe(
      true,
    );
    expect(s.total.points).toBe(0);
  });
});

describe("sessions (what-if)", () => {
  test("set() re-scores incrementally to the same result as a full score", () => {
    const base = { "A.y1": "×", "ACT.r": "エ", "ACT.top": "○" };
    const s = new ScoreSession(mini, base, { size: 5000 });
    expect(s.pointsOf("ACT.top")).toBe(0);
    const total = s.set("A.y1", "○"); // unlocks ACT.top via prerequisite and D.link via answerFrom
    const full = score(mini, { ...base, "A.y1": "○" }, { size: 5000 });
    expect(total).toBe(full.total.points);
    expect(s.result()).toEqual(full);
    expect(s.pointsOf("ACT.top")).toBe(6);
  });

  test("a result handed out before a what-if stays as it was", () => {
    const base = { "A.y1": "×", "ACT.r": "エ", "ACT.top": "○" };
    const s = new ScoreSession(mini, base, { size: 5000 });
    const before = s.result();
    const asItWas = structuredClone(before);
    s.set("A.y1", "○"); // changes A.y1, ACT.top (its prerequisite) and D.link (reads A.y1's answer)
    const after = s.result();
    expect(before).toEqual(asItWas);
    expect(after).toEqual(score(mini, { ...base, "A.y1": "○" }, { size: 5000 }));
    const pointsOf = (r: typeof before, id: string) => r.indicators.find((i) => i.id === id)!.points;
    expect([pointsOf(before, "ACT.top"), pointsOf(after, "ACT.top")]).toEqual([0, 6]);
  });

  test("answers that read differently never share a remembered evaluation", () => {
    const s = new ScoreSession(mini, {}, { size: 5000 });
    // A cell holding ア, then the text "|ア" (not an option).
    s.set("B.c", { value: "ア" });
    expect(s.pointsOf("B.c")).toBe(10);
    s.set("B.c", "|ア");
    expect(s.pointsOf("B.c")).toBe(
      score(mini, { "B.c": "|ア" }, { size: 5000 }).indicators.find((i) => i.id === "B.c")!.points,
    );
    expect(s.pointsOf("B.c")).toBe(0);
    // 0.5 as a percentage (50%) scores; 0.5 under a literal "%" sign reads as 0.5 and does not.
    s.set("B.n", { value: 0.5, numFmt: "0%" });
    expect(s.pointsOf("B.n")).toBe(5);
    s.set("B.n", { value: 0.5, numFmt: '0"%"' });
    expect(s.pointsOf("B.n")).not.toBe(5);
    expect(s.pointsOf("B.n")).toBe(
      score(mini, { "B.n": { value: 0.5, numFmt: '0"%"' } }, { size: 5000 }).indicators.find(
        (i) => i.id === "B.n",
      )!.points,
    );
  });

  test("remembered evaluations stay right past the first answer, past many, and back again", () => {
    // One session keeps re-scoring B.n; every answer is checked against a fresh rulebook's score, so
    // the first-answer slot, the map made for later ones and the map starting over are all used.
    const fresh = (answer: string) =>
      score(structuredClone(mini), { "B.n": answer }, { size: 5000 }).indicators.find((i) => i.id === "B.n")!;
    const s = new ScoreSession(mini, {}, { size: 5000 });
    const answers = Array.from({ length: 150 }, (_, k) => `${k % 101}%`);
    for (const a of [...answers, ...answers.slice(0, 10).reverse()]) {
      s.set("B.n", a);
      const got = s.result().indicators.find((i) => i.id === "B.n")!;
      const want = fresh(a);
      expect([a, got.points, got.explanation]).toEqual([a, want.points, want.explanation]);
    }
  });
  test("remembered evaluations never keep the workbook text an answer was cut from alive", () => {
    // What a batch does: one rulebook, workbook after workbook. Remembered as they came, the first answer
    // of each indicator and the later ones in its map would hold whole sheets for the rest of the batch.
    const rulebook = structuredClone(mini);
    const held = heldByCutTexts((cut, book) => {
      const answers = {
        "A.y1": { value: cut(`計画は第${book}期の策定に向け準備中`), cell: "回答!D5" },
        "B.c": { value: cut(`第${book}期計画の目標に届かず集計中`), cell: "回答!D6" },
        "B.n": { value: 0.5, numFmt: cut(`0.0"%（第${book}期計画の目標値）"`), cell: "回答!D7" },
      };
      const r = score(rulebook, answers, { size: 5000 });
      expect(r.indicators.filter((x) => x.id in answers && x.status === "invalid")).toHaveLength(2);
    });
    expect(held).toBeLessThan(4_000_000);
  });
});

describe("compare", () => {
  test("長野県 61.7% → 47.0% is ↘ 未達成 against 前年度以上; an unchanged rate is → 達成", () => {
    expect(judgeRates(61.7, 47.0)).toEqual({ trend: "↘", judgement: "未達成" });
    expect(judgeRates(61.7, 61.7)).toEqual({ trend: "→", judgement: "達成" });
    expect(judgeRates(61.7, 62.0, 64.8)).toEqual({ trend: "↗", judgement: "未達成" });
    expect(judgeRates(null, 62.0)).toEqual({ trend: "―", judgement: null });
  });
  test("results: trend and judgement per total and group, lost indicators largest first with answers", () => {
    const prev = score(mini, { "A.y1": "○", "A.y2": "○", "B.c": "ア", "ACT.r": "イ" });
    const cur = score(mini, { "A.y1": "○", "A.y2": "×", "B.c": "ウ", "ACT.r": "イ" });
    const c = compare(cur, prev);
    expect(c.total).toMatchObject({ trend: "↘", judgement: "未達成", basis: "points", changePoints: -18 });
    expect(c.groups.find((g) => g.id === "ACT")).toMatchObject({ trend: "→", judgement: "達成" });
    expect(c.lost.map((l) => [l.id, l.change])).toEqual([
      ["B.c", -10],
      ["A.y2", -8],
    ]);
    expect(c.lost[0]).toMatchObject({ previousValue: "ア", currentValue: "ウ", answerChanged: true });
  });
  test("an explicit target replaces 前年度以上", () => {
    const prev = score(mini, { "A.y1": "○" });
    const cur = score(mini, { "A.y1": "○", "A.y2": "○" });
    expect(compare(cur, prev, { target: { total: { ratePercent: 20 } } }).total.judgement).toBe("未達成");
    expect(compare(cur, prev, { target: { total: { points: 16 } } }).total.judgement).toBe("達成");
  });
  test("across an indicator revision only rates compare, for the total and the groups declared comparable", () => {
    const fy2023 = kaigo("kaigo-municipal-fy2023-groups");
    const fy2024 = kaigo("kaigo-municipal-fy2024-groups");
    // R5 national average 1,156 / 2,185 = 52.9%; a municipality at exactly that then 52.8% of 800.
    const prev = score(fy2023, {
      "P_I.points": 100,
      "P_II.points": 600,
      "P_III.points": 100,
      "S_I.points": 20,
      "S_II.points": 316,
      "S_III.points": 20,
    });
    expect(prev.total.points).toBe(1156);
    expect(prev.total.ratePercent).toBe(52.9);
    const cur = score(fy2024, {
      "P_I_1.points": 46,
      "P_I_2.points": 10,
      "P_II_1.points": 42,
      "P_II_2.points": 18,
      "P_III_1.points": 34,
      "P_III_2.points": 7,
      "P_IV_O.points": 49,
      "S_I_1.points": 31,
      "S_I_2.points": 20,
      "S_II_1.points": 42,
      "S_II_2.points": 12,
      "S_III_1.points": 49,
      "S_III_2.points": 13,
    });
    expect(cur.total.points).toBe(422);
    const c = compare(cur, prev, {
      comparableGroups: fy2024.previous!.groups,
      sameIds: fy2024.previous!.sameIds,
    });
    expect(c.total).toMatchObject({ basis: "rate", changePoints: null, trend: "↘", judgement: "未達成" });
    expect(c.total.changeRate).toBe(-0.1);
    expect(c.groups.map((g) => g.id).sort()).toEqual(["P", "S"]);
    expect(c.groups.every((g) => g.basis === "rate")).toBe(true);
  });
});

describe("rank", () => {
  test("standard competition ranking: 572, 572 → 7, 7, then 9", () => {
    const pts = [663, 621, 604, 600, 590, 580, 572, 572, 560, 550];
    const r = rank(pts.map((p, i) => ({ id: `m${i}`, points: p })));
    expect(r.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 9, 10]);
  });
  test("within size bands as well as overall", () => {
    const r = rank([
      { id: "仙台市", points: 572, band: "n100k_plus" },
      { id: "静岡市", points: 572, band: "n100k_plus" },
      { id: "京都市", points: 560, band: "n100k_plus" },
      { id: "小松市", points: 663, band: "n10k_50k" },
    ]);
    expect(r.map((x) => [x.id, x.rank, x.bandRank])).toEqual([
      ["仙台市", 2, 1],
      ["静岡市", 2, 1],
      ["京都市", 4, 3],
      ["小松市", 1, 1],
    ]);
  });
});

describe("allocate", () => {
  test("share ∝ points × insured", () => {
    const a = allocate(
      [
        { id: "a", points: 100, insured: 1000 },
        { id: "b", points: 50, insured: 1000 },
      ],
      300,
    );
    expect(a.allocations.map((x) => x.estimate)).toEqual([200, 100]);
  });
  test("a cap with the excess redistributed to those under their cap (事業費連動分)", () => {
    const a = allocate(
      [
        { id: "a", points: 10, insured: 100, cap: 100 },
        { id: "b", points: 10, insured: 100 },
        { id: "c", points: 20, insured: 100 },
      ],
      1000,
    );
    // Uncapped: 250/250/500; a is capped at 100, the other 900 split 1:2.
    expect(a.allocations.map((x) => x.estimate)).toEqual([100, 300, 600]);
    expect(a.allocations[0].capped).toBe(true);
    expect(a.totalEstimate).toBe(1000);
  });
  test("payment is the lower of the estimate and the requirement", () => {
    const a = allocate(
      [
        { id: "a", points: 1, insured: 1, requirement: 40 },
        { id: "b", points: 1, insured: 1 },
      ],
      100,
    );
    expect(a.allocations.map((x) => x.paid)).toEqual([40, 50]);
    expect(a.unallocated).toBe(10);
  });
});

describe("bundled rulebooks through the engine", () => {
  test("FY2023 group level: points in all six sections scored against 2,185", () => {
    const rb = kaigo("kaigo-municipal-fy2023-groups");
    const r = score(rb, {
      "P_I.points": 100,
      "P_II.points": 700,
      "P_III.points": 150,
      "S_I.points": 20,
      "S_II.points": 400,
      "S_III.points": 30,
    });
    expect(r.total.max).toBe(2185);
    expect(r.total.points).toBe(1400);
    expect(r.total.ratePercent).toBe(64.1);
    expect(r.groups.map((g) => [g.id, g.max])).toEqual([
      ["P", 1355],
      ["S", 830],
    ]);
    expect(r.issues).toEqual([]);
  });
  test.each(["kaigo-municipal-fy2024", "kaigo-municipal-fy2025", "kaigo-municipal-fy2026"])(
    "%s: best answers reach exactly 400 + 400",
    (id) => {
      const rb = kaigo(id);
      const answers: Record<string, string> = {};
      const walk = (g: Rulebook["root"]) => {
        for (const c of g.children) {
          if (c.kind === "group") walk(c);
          else if (c.kind === "yesno") answers[c.id] = "○";
          else if (c.kind === "rankBand") answers[c.id] = c.bands[c.bands.length - 1].code;
        }
      };
      walk(rb.root);
      const r = score(rb, answers);
      expect(r.groups.map((g) => [g.id, g.points, g.max])).toEqual([
        ["P", 400, 400],
        ["S", 400, 400],
      ]);
      expect(r.total).toMatchObject({ points: 800, max: 800, ratePercent: 100 });
      expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
    },
  );
  test("目標Ⅳ is answered once and counts in both grants", () => {
    const rb = kaigo("kaigo-municipal-fy2026");
    const r = score(rb, { P_IV_O_2: "エ" });
    expect(r.groups.find((g) => g.id === "P")!.points).toBe(20);
    expect(r.groups.find((g) => g.id === "S")!.points).toBe(20);
  });
  test("exclusive outcome branches: only the better branch counts", () => {
    const rb = kaigo("kaigo-municipal-fy2024");
    const r = score(rb, { "P_IV_O_1.a": "ア③", "P_IV_O_1.b": "イ①" });
    const p = r.groups.find((g) => g.id === "P")!;
    const goal4 = p.children.find((g) => g.id === "P_IV")!;
    expect(goal4.points).toBe(15);
  });
  test("a clerk-authored rulebook with a validation error is refused with the path", () => {
    const bad = {
      ...mini,
      root: { ...mini.root, children: [{ kind: "yesno", id: "1bad", name: "x", points: 1 }] },
    };
    const res = checkRulebook(bad);
    expect(res.ok).toBe(false);
    expect(res.problems[0].path).toBe("root.children[0].id");
  });
  test("a node that fits neither a group nor any indicator is told by the form its kind names, with its id", () => {
    const group = {
      kind: "group",
      id: "G",
      name: "g",
      children: [
        { kind: "yesno", id: "ORG.a", name: "a", points: 1 },
        { kind: "yesno", id: "ORG.b", name: "b", points: "ten", note2: 1 },
      ],
    };
    const res = checkRulebook({ ...mini, root: { ...mini.root, children: [group] } });
    expect(res.ok).toBe(false);
    // The indicator's own problems at their fields, not "not in an allowed form" at the group.
    expect(res.problems.map((p) => [p.path, p.nodeId, p.message])).toEqual([
      ["root.children[0].children[1].points", "ORG.b", "a number is needed"],
      ["root.children[0].children[1]", "ORG.b", "there are entries that do not belong here (note2)"],
    ]);
    // A kind that is no indicator's stays a problem of the node's form.
    const unknown = { ...group, children: [{ kind: "yesn0", id: "ORG.c", name: "c", points: 1 }] };
    const res2 = checkRulebook({ ...mini, root: { ...mini.root, children: [unknown] } });
    expect(res2.problems.map((p) => [p.path, p.nodeId])).toEqual([["root.children[0].children[0].kind", "ORG.c"]]);
    expect(res2.problems[0].message).toMatch(/^one of "group", "yesno", .*"points" is needed$/);
  });
});
