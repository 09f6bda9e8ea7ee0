// What a rulebook's structure allows, as pure functions of its data (no zod, no validation): the
// parts an answer picks from, sub-item ids, and the points an indicator or a group can reach. The
// engine scores with these; the check uses them to warn about maxima nobody can reach.
import type { Group, Indicator, RuleBand, RuleOption } from "./schema";

/** The parts an answer picks from: a choice's or multi's options, a rank band's bands; none otherwise. */
export function partsOf(ind: Indicator): readonly (RuleOption | RuleBand)[] {
  return ind.kind === "choice" || ind.kind === "multi"
    ? ind.options
    : ind.kind === "rankBand"
      ? ind.bands
      : [];
}

/** A part's sub-item id: explicit, or `<indicator id>.<code>` when the code is ASCII. */
export function partId(ind: Indicator, part: { id?: string; code: string }): string | undefined {
  return part.id ?? (/^[A-Za-z0-9_]+$/.test(part.code) ? `${ind.id}.${part.code}` : undefined);
}

/** Sub-item ids of an indicator: one per option or band that has an id, explicit or derived. */
export function subItemIds(ind: Indicator): string[] {
  return partsOf(ind).flatMap((p) => partId(ind, p) ?? []);
}

/** Highest and lowest points an indicator can give on its own. */
export function indicatorRange(ind: Indicator): { min: number; max: number | undefined } {
  switch (ind.kind) {
    case "yesno": {
      const no = ind.pointsIfNo ?? 0;
      return { min: Math.min(0, no, ind.points), max: Math.max(0, no, ind.points) };
    }
    case "choice": {
      const pts = ind.options.map((o) => o.points);
      return { min: Math.min(0, ...pts), max: Math.max(0, ...pts) };
    }
    case "multi": {
      const pos = ind.options.reduce((s, o) => s + Math.max(0, o.points), 0);
      const neg = ind.options.reduce((s, o) => s + Math.min(0, o.points), 0);
      return { min: neg, max: ind.cap !== undefined ? Math.min(ind.cap, pos) : pos };
    }
    case "numeric": {
      const ladders = [ind.steps ?? [], ...Object.values(ind.stepsBySize ?? {})];
      const pts = ladders.flat().map((s) => s.points);
      const other = ind.pointsOtherwise ?? 0;
      return { min: Math.min(0, other, ...pts), max: Math.max(0, other, ...pts) };
    }
    case "rankBand": {
      const pts = ind.bands.map((b) => b.points);
      if (ind.cumulative === false) return { min: Math.min(0, ...pts), max: Math.max(0, ...pts) };
      return { min: 0, max: pts.reduce((s, p) => s + p, 0) };
    }
    case "improvement": {
      const pts = ind.steps.map((s) => s.points);
      return { min: Math.min(0, ...pts), max: Math.max(0, ...pts) };
    }
    case "points":
      return { min: ind.min ?? 0, max: ind.max };
  }
}

/** Reachable maximum of a group after its own clamp (undefined when some part is unbounded). */
export function groupReach(group: Group): { min: number; max: number | undefined } {
  let min = 0;
  let max: number | undefined = 0;
  const best = group.aggregate === "best";
  let first = true;
  for (const child of group.children) {
    const r = child.kind === "group" ? groupReach(child) : indicatorRange(child);
    if (best) {
      min = first ? r.min : Math.min(min, r.min);
      max = max === undefined || r.max === undefined ? undefined : first ? r.max : Math.max(max, r.max);
    } else {
      min += r.min;
      max = max === undefined || r.max === undefined ? undefined : max + r.max;
    }
    first = false;
  }
  if (group.max !== undefined) max = max === undefined ? group.max : Math.min(max, group.max);
  if (group.min !== undefined) min = Math.max(min, group.min);
  return { min, max };
}

