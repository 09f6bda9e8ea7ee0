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

function tallyLabel(tally: TallyForBenchmarks): Bilingual {
  const year =
    tally.fiscalYear !== null ? msg("tally.label.year", { year: tally.fiscalYear }) : msg("tally.label.no-year");
  return bilingual(msg("tally.label", { year, source: tally.source }));
}

/**
 * @param tallyRulebook the rulebook of the tally's own year (its ids and aggregation read the rows).
 */
export function applyTallyBenchmarks(
  target: Rulebook,
  tally: TallyForBenchmarks,
  tallyRulebook: Rulebook,
): AppliedBenchmarks {
  const idx = subItemIndex(tallyRulebook);
  const labelText = tallyLabel(tally);
  const label = labelText.ja;
  const n = tally.municipalities.length;
  const items = new Map<string, number[]>();
  const indicators = new Map<string, number[]>();
  const groups = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, id: string, v: number) => {
    const list = m.get(id);
    if (list) list.push(v);
    else m.set(id, [v]);
  };
  for (const m of tally.municipalities) {
    for (const id of idx.subItemOrder) push(items, id, m.items[id] ?? 0);
    const ind = indicatorPoints(idx, m.items);
    for (const [id, v] of Object.entries(ind)) push(indicators, id, v);
    const computed = groupPoints(idx, m.items, ind);
    for (const id of Object.keys(computed))
      push(groups, id, id === idx.rootId ? m.total : (m.groups[id] ?? computed[id]));
  }

  const hit = (values: number[] | undefined): Hit | undefined => {
    if (!values || !n) return undefined;
    const s = recompute(values, null);
    return { hitCount: s.hitCount, hitRate: r6(s.hitRate), mean: r6(s.mean), source: label };
  };
  const figures = (values: number[] | undefined, max: number | undefined): GroupFigures | undefined => {
    if (!values || !n) return undefined;
    const s = recompute(values, max ?? null);
    const out: GroupFigures = { mean: r6(s.mean), median: r6(s.median), sd: r6(s.sd), source: label };
    if (s.meanRate !== null && s.meanRate >= 0 && s.meanRate <= 1) out.meanRate = r6(s.meanRate);
    return out;
  };

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
    group: (node) => set(node, figures(groups.get(node.id), node.max)),
    indicator: (node) => {
      if (node.kind === "choice" || node.kind === "multi" || node.kind === "rankBand") {
        const ci = compiled.indicators[compiled.indicatorIndex.get(node.id)!];
        const parts = node.kind === "rankBand" ? node.bands : node.options;
        parts.forEach((p, k) => set(p, hit(items.get(ci.partIds[k]))));
        set(node, hit(indicators.get(node.id)));
        return;
      }
      set(node, hit(items.get(node.id) ?? indicators.get(node.id)));
    },
  });
  if (matched > 0) {
    rulebook.population = n;
    rulebook.notes = [...rulebook.notes, bilingual(msg("tally.benchmarks-note", { label: labelText, n, matched, of }))];
  }
  return { rulebook, matched, of, municipalities: n, label, labelText };
}
