// Indicator and group points from a tally row's sub-item points: a rank band's parts add up unless
// it says otherwise, a choice counts its best option, a multi its capped sum; groups then follow the
// engine's rule (childrenSum, clampToGroup), best-of groups and clamps included.
import { childrenSum, clampToGroup } from "../engine/score";
import type { SubItemIndex } from "./match";

/** Points per indicator id. */
export function indicatorPoints(idx: SubItemIndex, items: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const ci of idx.compiled.indicators) {
    const def = ci.def;
    const part = (p: string) => items[p] ?? 0;
    let v: number;
    if (def.kind === "rankBand") {
      const parts = ci.partIds.map(part);
      v = def.cumulative === false ? Math.max(0, ...parts) : parts.reduce((s, x) => s + x, 0);
    } else if (def.kind === "choice") v = Math.max(0, ...ci.partIds.map(part));
    else if (def.kind === "multi") {
      const sum = ci.partIds.reduce((s, p) => s + part(p), 0);
      v = def.cap !== undefined ? Math.min(def.cap, sum) : sum;
    } else v = items[ci.id] ?? 0;
    out[ci.id] = v;
  }
  return out;
}

/** Points per group id, summed and clamped by the engine's own rule; pass the indicator points when
 *  the caller has them already. */
export function groupPoints(
  idx: SubItemIndex,
  items: Record<string, number>,
  indicators: Record<string, number> = indicatorPoints(idx, items),
): Record<string, number> {
  const { compiled } = idx;
  const ind = compiled.indicators.map((ci) => indicators[ci.id]);
  const gPts = new Float64Array(compiled.groups.length);
  for (const gi of compiled.groupOrder) {
    const g = compiled.groups[gi];
    gPts[gi] = clampToGroup(g, childrenSum(g, ind, gPts));
  }
  const out: Record<string, number> = {};
  compiled.groups.forEach((g, i) => (out[g.id] = gPts[i]));
  return out;
}
