// A tally row as an engine ComparableResult, so last year's tally can serve as the previous year.
import type { ComparableGroup, ComparableResult } from "../engine/compare";
import type { Rulebook } from "../rulebooks/schema";
import { groupPoints, indicatorPoints } from "./points";
import { subItemIndex } from "./match";
import type { TallyMunicipality } from "./types";

export function toComparable(m: TallyMunicipality, rulebook: Rulebook): ComparableResult {
  const idx = subItemIndex(rulebook);
  const ind = indicatorPoints(idx, m.items);
  const computed = groupPoints(idx, m.items, ind);
  const points = (id: string) => m.groups[id] ?? computed[id] ?? 0;
  const { compiled } = idx;
  const build = (gi: number): ComparableGroup => {
    const g = compiled.groups[gi];
    return {
      id: g.id,
      name: g.name,
      points: points(g.id),
      max: g.rateMax,
      children: g.childGroups.map(build),
    };
  };
  const root = compiled.groups.findIndex((g) => g.parentIdx === -1);
  return {
    rulebook: { id: rulebook.id, fiscalYear: rulebook.fiscalYear },
    total: { points: m.total, max: compiled.groups[root].rateMax },
    groups: compiled.groups[root].childGroups.map(build),
    indicators: compiled.indicators.map((ci) => ({ id: ci.id, points: ind[ci.id] ?? 0 })),
  };
}
