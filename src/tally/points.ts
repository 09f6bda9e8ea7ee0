// Indicator and group points from a tally row's sub-item points, aggregated the way the engine does
// (rank bands cumulative unless said otherwise, a choice's best option, a multi's capped sum, group
// maxima and floors, exclusive branches).
import type { RulebookIndex } from "./match";

/** Points per indicator, in the rulebook's order of indicators. */
function indicatorValues(idx: RulebookIndex, items: Record<string, number>): number[] {
  return idx.compiled.indicators.map((ci) => {
    const def = ci.def;
    const part = (p: string) => items[p] ?? 0;
    if (def.kind === "rankBand") {
      const v = ci.partIds.map(part);
      return def.cumulative === false ? Math.max(0, ...v) : v.reduce((s, x) => s + x, 0);
    }
    if (def.kind === "choice") return Math.max(0, ...ci.partIds.map(part));
    if (def.kind === "multi") {
      const sum = ci.partIds.reduce((s, p) => s + part(p), 0);
      return def.cap !== undefined ? Math.min(def.cap, sum) : sum;
    }
    return items[ci.id] ?? 0;
  });
}

export function indicatorPoints(idx: RulebookIndex, items: Record<string, number>): Record<string, number> {
  const values = indicatorValues(idx, items);
  const out: Record<string, number> = {};
  idx.compiled.indicators.forEach((ci, i) => (out[ci.id] = values[i]));
  return out;
}

export function groupPoints(idx: RulebookIndex, items: Record<string, number>): Record<string, number> {
  const { compiled } = idx;
  const indPts = indicatorValues(idx, items);
  const gPts = new Array<number>(compiled.groups.length).fill(0);
  for (const gi of compiled.groupOrder) {
    const g = compiled.groups[gi];
    const vals = [...g.childIndicators.map((i) => indPts[i]), ...g.childGroups.map((i) => gPts[i])];
    let v = g.best ? (vals.length ? Math.max(...vals) : 0) : vals.reduce((s, x) => s + x, 0);
    if (g.clampMax !== undefined && v > g.clampMax) v = g.clampMax;
    if (g.clampMin !== undefined && v < g.clampMin) v = g.clampMin;
    gPts[gi] = v;
  }
  const out: Record<string, number> = {};
  compiled.groups.forEach((g, i) => (out[g.id] = gPts[i]));
  return out;
}
