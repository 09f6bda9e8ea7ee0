// A tally row as an engine ComparableResult, so last year's tally can serve as the previous year.
import type { ComparableGroup, ComparableResult } from "../engine/compare";
import type { Rulebook } from "../rulebooks/schema";
import { groupPoints, indicatorPoints } from "./points";
import { RulebookIndex } from "./match";
import type { TallyMunicipality } from "./types";

const indexes = new WeakMap<Rulebook, RulebookIndex>();

export function rulebookIndex(rulebook: Rulebook): RulebookIndex {
  let idx = indexes.get(rulebook);
  if (!idx) indexes.set(rulebook, (idx = new RulebookIndex(rulebook)));
  return idx;
}

export function toComparable(m: TallyMunicipality, rulebook: Rulebook): ComparableResult {
  const idx = rulebookIndex(rulebook);
  const computed = groupPoints(idx, m.items);
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
  const ind = indicatorPoints(idx, m.items);
  return {
    rulebook: { id: rulebook.id, fiscalYear: rulebook.fiscalYear },
    total: { points: m.total, max: compiled.groups[root].rateMax },
    groups: compiled.groups[root].childGroups.map(build),
    indicators: compiled.indicators.map((ci) => ({ id: ci.id, points: ind[ci.id] ?? 0 })),
  };
}
