// A national tally's full distribution in place of a rulebook's bundled national figures: every
// sub-item (option, band, yes/no item) gets the count and share of municipalities that scored it,
// every indicator the share that scored anything on it, every group its mean, median, SD and mean rate.
// Ids are the same across years, so a tally of another year fills the ids it shares with the rulebook;
// the rest keep what the rulebook had. Pure: returns a new rulebook, the input is left as it was.
import { walkTree } from "../rulebooks/tree";
import { roundHalfUp } from "../numbers/round";
import { compile } from "../engine/compile";
import type { Group, Indicator, Rulebook } from "../rulebooks/schema";
import { type Bilingual, bilingual, msg } from "../messages";
import { recompute } from "./benchmarks";
import { subItemIndex } from "./match";
import { groupPoints, indicatorPoints } from "./points";
import type { TallyMunicipality } from "./types";

export interface TallyForBenchmarks {
  fiscalYear: number | null;
  /** File name shown as the figures' source. */
  source: string;
  municipalities: TallyMunicipality[];
}

export interface AppliedBenchmarks {
  rulebook: Rulebook;
  /** Figures replaced from the tally, and the places in the rulebook that could carry one. */
  matched: number;
  of: number;
  /** Municipalities the figures are computed over. */
  municipalities: number;
  /** 「全国集計 2025年度（file.xlsx）」, recorded as the figures' source in the rulebook. */
  label: string;
  /** The label in both languages, for messages. */
  labelText: Bilingual;
}

type Hit = NonNullable<Indicator["benchmark"]>;
type GroupFigures = NonNullable<Group["benchmark"]>;

const r6 = (x: number) => roundHalfUp(x, 6);

function tallyLabel(tally: Pick<TallyForBenchmarks, "fiscalYear" | "source">): Bilingual {
  const year =
    tally.fiscalYear !== null ? msg("tally.label.year", { year: tally.fiscalYear }) : msg("tally.label.no-year");
  return bilingual(msg("tally.label", { year, source: tally.source }));
}

/** A figure of the distribution as computed, before rounding. */
interface HitFigures {
  hitCount: number;
  hitRate: number;
  mean: number;
}

/**
 * A tally's national distribution per id (sub-items, indicators, groups), computed once from its rows
 * and applied to any rulebook after. The pane computes it where it reads the tally (a Web Worker):
 * it walks every row and item (1,741 × ~300), which would hold up the pane for half a second.
 */
export interface TallyDistribution {
  /** Municipalities the figures are computed over. */
  n: number;
  items: Record<string, HitFigures>;
  indicators: Record<string, HitFigures>;
  groups: Record<string, { mean: number; median: number; sd: number }>;
}

/** @param tallyRulebook the rulebook of the tally's own year (its ids and aggregation read the rows). */
export function tallyDistribution(municipalities: TallyMunicipality[], tallyRulebook: Rulebook): TallyDistribution {
  const idx = subItemIndex(tallyRulebook);
  const items = new Map<string, number[]>();
  const indicators = new Map<string, number[]>();
  const groups = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, id: string, v: number) => {
    const list = m.get(id);
    if (list) list.push(v);
    else m.set(id, [v]);
  };
  for (const m of municipalities) {
    for (const id of idx.subItemOrder) push(items, id, m.items[id] ?? 0);
    const ind = indicatorPoints(idx, m.items);
    for (const [id, v] of Object.entries(ind)) push(indicators, id, v);
    const computed = groupPoints(idx, m.items, ind);
    for (const id of Object.keys(computed))
      push(groups, id, id === idx.rootId ? m.total : (m.groups[id] ?? computed[id]));
  }
  const hits = (m: Map<string, number[]>): Record<string, HitFigures> => {
    const out: Record<string, HitFigures> = {};
    for (const [id, values] of m) {
      const s = recompute(values, null);
      out[id] = { hitCount: s.hitCount, hitRate: s.hitRate, mean: s.mean };
    }
    return out;
  };
  const spread: TallyDistribution["groups"] = {};
  for (const [id, values] of groups) {
    const s = recompute(values, null);
    spread[id] = { mean: s.mean, median: s.median, sd: s.sd };
  }
  return { n: municipalities.length, items: hits(items), indicators: hits(indicators), groups: spread };
}

/**
 * @param tallyRulebook the rulebook of the tally's own year (its ids and aggregation read the rows).
 */
export function applyTallyBenchmarks(
  target: Rulebook,
  tally: TallyForBenchmarks,
  tallyRulebook: Rulebook,
): AppliedBenchmarks {
  return applyTallyDistribution(target, tally, tallyDistribution(tally.municipalities, tallyRulebook));
}

/** A distribution computed before (tallyDistribution) in place of the target's national figures. */
export function applyTallyDistribution(
  target: Rulebook,
  tally: Pick<TallyForBenchmarks, "fiscalYear" | "source">,
  distribution: TallyDistribution,
): AppliedBenchmarks {
  const labelText = tallyLabel(tally);
  const label = labelText.ja;
  const { n } = distribution;
  const has = <T>(m: Record<string, T>, id: string): T | undefined =>
    Object.prototype.hasOwnProperty.call(m, id) ? m[id] : undefined;

  const hit = (f: HitFigures | undefined): Hit | undefined => {
    if (!f || !n) return undefined;
    return { hitCount: f.hitCount, hitRate: r6(f.hitRate), mean: r6(f.mean), source: label };
  };
  const figures = (id: string, max: number | undefined): GroupFigures | undefined => {
    const f = has(distribution.groups, id);
    if (!f || !n) return undefined;
    const out: GroupFigures = { mean: r6(f.mean), median: r6(f.median), sd: r6(f.sd), source: label };
    const meanRate = max ? f.mean / max : null;
    if (meanRate !== null && meanRate >= 0 && meanRate <= 1) out.meanRate = r6(meanRate);
    return out;
  };
  const item = (id: string) => has(distribution.items, id);
  const indicator = (id: string) => has(distribution.indicators, id);

  const rulebook = structuredClone(target);
  const compiled = compile(rulebook);
  let matched = 0;
  let of = 0;
  const set = <T extends { benchmark?: unknown }>(node: T, b: T["benchmark"] | undefined) => {
    of++;
    if (b === undefined) return;
    node.benchmark = b;
    matched++;
  };
  walkTree(rulebook, {
    group: (node) => set(node, figures(node.id, node.max)),
    indicator: (node) => {
      if (node.kind === "choice" || node.kind === "multi" || node.kind === "rankBand") {
        const ci = compiled.indicators[compiled.indicatorIndex.get(node.id)!];
        const parts = node.kind === "rankBand" ? node.bands : node.options;
        parts.forEach((p, k) => set(p, hit(item(ci.partIds[k]))));
        set(node, hit(indicator(node.id)));
        return;
      }
      set(node, hit(item(node.id) ?? indicator(node.id)));
    },
  });
  if (matched > 0) {
    rulebook.population = n;
    rulebook.notes = [...rulebook.notes, bilingual(msg("tally.benchmarks-note", { label: labelText, n, matched, of }))];
  }
  return { rulebook, matched, of, municipalities: n, label, labelText };
}
