// Property tests over every bundled rulebook and random answers.
import fc from "fast-check";
import { score, ScoreSession } from "../src/engine";
import type { GroupResult, RawAnswer } from "../src/engine";
import { bundledRulebooks } from "../src/rulebooks/registry";
import type { Group, Indicator, Rulebook } from "../src/rulebooks/schema";
import { miniRulebook } from "./fixtures/mini-rulebook";

const rulebooks: Rulebook[] = [miniRulebook, ...bundledRulebooks()];

function indicatorsOf(rb: Rulebook): Indicator[] {
  const out: Indicator[] = [];
  const walk = (g: Group) => g.children.forEach((c) => (c.kind === "group" ? walk(c) : out.push(c)));
  walk(rb.root);
  return out;
}

/** Plausible and implausible answers for one indicator, as a form might hold them. */
function answerArb(ind: Indicator): fc.Arbitrary<RawAnswer> {
  const junk = fc.constantFrom<RawAnswer>(
    null,
    "",
    "-",
    "??",
    "#N/A",
    { value: null, error: "#DIV/0!" },
    new Date(2024, 3, 1),
  );
  switch (ind.kind) {
    case "yesno":
      return fc.oneof(fc.constantFrom<RawAnswer>("○", "×", "はい", "いいえ", true, false, 1, 0), junk);
    case "choice":
      return fc.oneof(fc.constantFrom<RawAnswer>(...ind.options.map((o) => o.code)), junk);
    case "multi":
      return fc.oneof(
        fc.subarray(ind.options.map((o) => o.code)).map((a) => a.join("、")),
        junk,
      );
    case "rankBand":
      return fc.oneof(
        fc.constantFrom<RawAnswer>("なし", ...ind.bands.map((b) => b.code)),
        fc.double({ min: -5, max: 120, noNaN: true }),
        junk,
      );
    case "points":
      return fc.oneof(fc.integer({ min: -5, max: (ind.max ?? 100) + 5 }), junk);
    default:
      return fc.oneof(
        fc.double({ min: -50, max: 200, noNaN: true }),
        fc.constantFrom<RawAnswer>("60%", "▲3"),
        junk,
      );
  }
}

function answersArb(rb: Rulebook): fc.Arbitrary<Record<string, RawAnswer>> {
  const inds = indicatorsOf(rb).filter((i) => !i.answerFrom);
  const rec: Record<string, fc.Arbitrary<RawAnswer>> = {};
  for (const i of inds) rec[i.id] = answerArb(i);
  return fc.record(rec, { requiredKeys: [] });
}

const context = { size: 5000, previousValues: {} as Record<string, number> };

function flat(groups: GroupResult[], out: GroupResult[] = []): GroupResult[] {
  for (const g of groups) {
    out.push(g);
    flat(g.children, out);
  }
  return out;
}

describe.each(rulebooks.map((rb) => [rb.id, rb] as const))("%s", (_id, rb) => {
  const defs = new Map(indicatorsOf(rb).map((i) => [i.id, i]));
  const groupDefs = new Map<string, Group>();
  const walk = (g: Group) => {
    groupDefs.set(g.id, g);
    g.children.forEach((c) => c.kind === "group" && walk(c));
  };
  walk(rb.root);

  test("points stay within each indicator's min and max", () => {
    fc.assert(
      fc.property(answersArb(rb), (answers) => {
        const r = score(rb, answers, context);
        for (const i of r.indicators) {
          expect(i.points).toBeGreaterThanOrEqual(i.min);
          if (i.max !== null) expect(i.points).toBeLessThanOrEqual(i.max);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("group points are the clamped sum (or best) of their children", () => {
    fc.assert(
      fc.property(answersArb(rb), (answers) => {
        const r = score(rb, answers, context);
        const points = new Map(r.indicators.map((i) => [i.id, i.points]));
        const all = [
          { ...r.total, children: r.groups, indicatorIds: [] as string[] } as unknown as GroupResult,
          ...flat(r.groups),
        ];
        const byId = new Map(all.map((g) => [g.id, g]));
        for (const g of all) {
          const def = groupDefs.get(g.id)!;
          const childPoints = def.children.map((c) =>
            c.kind === "group" ? byId.get(c.id)!.points : points.get(c.id)!,
          );
          const raw =
            def.aggregate === "best" ? Math.max(...childPoints) : childPoints.reduce((a, b) => a + b, 0);
          let expected = Math.round(raw * 1e9) / 1e9;
          if (def.max !== undefined) expected = Math.min(expected, def.max);
          if (def.min !== undefined) expected = Math.max(expected, def.min);
          expect(g.points).toBeCloseTo(expected, 9);
        }
      }),
      { numRuns: 60 },
    );
  });

  const yesnos = [...defs.values()].filter(
    (d) => d.kind === "yesno" && !d.answerFrom && d.points >= (d.pointsIfNo ?? 0),
  );
  // Rulebooks of points entry only have no requirement to meet; the property is about yes/no items.
  if (yesnos.length)
    test("meeting one more requirement never lowers a score", () => {
      fc.assert(
        fc.property(answersArb(rb), fc.constantFrom(...yesnos.map((y) => y.id)), (answers, id) => {
          const before = new ScoreSession(rb, { ...answers, [id]: "×" }, context);
          const totalBefore = before.total;
          const groupsBefore = flat(before.result().groups).map((g) => g.points);
          const after = before.set(id, "○");
          expect(after).toBeGreaterThanOrEqual(totalBefore);
          flat(before.result().groups).forEach((g, k) =>
            expect(g.points).toBeGreaterThanOrEqual(groupsBefore[k]),
          );
        }),
        { numRuns: 60 },
      );
    });

  test("output is deterministic and independent of answer order", () => {
    fc.assert(
      fc.property(answersArb(rb), (answers) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        expect(JSON.stringify(score(rb, reversed, context))).toBe(
          JSON.stringify(score(rb, answers, context)),
        );
      }),
      { numRuns: 30 },
    );
  });

  test("an incremental session gives exactly the full score", () => {
    fc.assert(
      fc.property(answersArb(rb), answersArb(rb), (a, b) => {
        const s = new ScoreSession(rb, a, context);
        for (const [id, v] of Object.entries(b)) s.set(id, v);
        expect(s.result()).toEqual(score(rb, { ...a, ...b }, context));
      }),
      { numRuns: 25 },
    );
  });
});
