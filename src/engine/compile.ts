// A rulebook turned into flat arrays once, so that scoring (thousands of what-if runs) does no
// tree walking, no id lookups by search and no repeated option-key building.
import type { Group, Indicator, Rulebook } from "../rulebooks/schema";
import { groupReach, indicatorRange, partId, partsOf } from "../rulebooks/structure";
import { BandOption, buildOptionKeys } from "./normalise";
import { jaText, localText } from "./text";
import type { GroupResult, LocalText } from "./types";

export interface CompiledIndicator {
  idx: number;
  id: string;
  def: Indicator;
  name: LocalText;
  groupIdx: number;
  /** Id whose answer this indicator reads (itself, or its answerFrom). */
  answerId: string;
  /** Index of the indicator whose answer this one reads (its own index unless linked). */
  answerIdx: number;
  linked: boolean;
  max: number | null;
  min: number;
  keys: Map<string, number> | null;
  /** Options or bands as answers name them (bands with their top share), built once for parsing. */
  keyed: BandOption[];
  partIds: string[];
  /** Prerequisites: indicator index, and the part index when a sub-item is named. */
  requires: { idx: number; part: number; id: string }[];
  /** Indicators to re-evaluate when this one changes (prerequisites on it, answer links to it). */
  dependents: number[];
  /** Position in evaluation order (prerequisites first). */
  order: number;
}

function isContextFree(d: Indicator): boolean {
  if (d.kind === "improvement") return false;
  if (d.kind === "numeric" && d.stepsBySize) return false;
  if (d.kind === "rankBand" && d.measure?.cutoffsBySize) return false;
  return true;
}

export interface CompiledGroup {
  idx: number;
  id: string;
  def: Group;
  name: LocalText;
  parentIdx: number;
  childGroups: number[];
  childIndicators: number[];
  /** Ids of childIndicators, made once: every result shares this array. */
  childIndicatorIds: readonly string[];
  /** The national figures a result carries (only those given), made once: every result shares them. */
  benchmark: GroupResult["benchmark"];
  best: boolean;
  /** Published max/min (the clamp), and the maximum rates are computed against. */
  clampMax: number | undefined;
  clampMin: number | undefined;
  rateMax: number | null;
  floor: number | null;
}

export interface CompiledRulebook {
  rulebook: Rulebook;
  indicators: CompiledIndicator[];
  /** Indicator indices in evaluation order. */
  evalOrder: number[];
  /** By indicator index: its evaluation depends on its answer alone (not on the size class or last
   *  year's value), so that sessions may share it. */
  contextFree: readonly boolean[];
  /** Indices of the indicators of kind "points" (typed-in points), in order: only they can take a
   *  group past its published maximum. */
  typedPoints: readonly number[];
  /** Group indices children-first (root last). */
  groups: CompiledGroup[];
  groupOrder: number[];
  indicatorIndex: Map<string, number>;
  groupIndex: Map<string, number>;
  /** Sub-item id → [indicator index, part index]. */
  partIndex: Map<string, [number, number]>;
  rateDigits: number;
}

/** A group's national figures as a result carries them: only those given. */
function benchmarkOf(b: NonNullable<Group["benchmark"]>): NonNullable<GroupResult["benchmark"]> {
  const { mean, median, meanRate } = b;
  return Object.freeze({
    ...(mean !== undefined && { mean }),
    ...(median !== undefined && { median }),
    ...(meanRate !== undefined && { meanRate }),
  });
}

const cache = new WeakMap<Rulebook, CompiledRulebook>();

export function compile(rulebook: Rulebook): CompiledRulebook {
  const hit = cache.get(rulebook);
  if (hit) return hit;
  const indicators: CompiledIndicator[] = [];
  const groups: CompiledGroup[] = [];
  const groupOrder: number[] = [];

  const walk = (g: Group, parentIdx: number): number => {
    const reach = groupReach(g);
    const cg: CompiledGroup = {
      idx: groups.length,
      id: g.id,
      def: g,
      name: localText(g.name, g.id),
      parentIdx,
      childGroups: [],
      childIndicators: [],
      childIndicatorIds: [],
      benchmark: g.benchmark && benchmarkOf(g.benchmark),
      best: g.aggregate === "best",
      clampMax: g.max,
      clampMin: g.min,
      rateMax: g.max ?? reach.max ?? null,
      floor: g.min ?? null,
    };
    groups.push(cg);
    for (const child of g.children) {
      if (child.kind === "group") cg.childGroups.push(walk(child, cg.idx));
      else cg.childIndicators.push(addIndicator(child, cg.idx));
    }
    cg.childIndicatorIds = Object.freeze(cg.childIndicators.map((i) => indicators[i].id));
    groupOrder.push(cg.idx);
    return cg.idx;
  };

  const addIndicator = (ind: Indicator, groupIdx: number): number => {
    const range = indicatorRange(ind);
    const parts: BandOption[] = partsOf(ind).map((p) => ({
      code: p.code,
      label: p.label ? jaText(p.label) : undefined,
      aliases: p.aliases,
      top: "top" in p ? p.top : undefined,
    }));
    const ci: CompiledIndicator = {
      idx: indicators.length,
      id: ind.id,
      def: ind,
      name: localText(ind.name, ind.id),
      groupIdx,
      answerId: ind.answerFrom ?? ind.id,
      answerIdx: indicators.length,
      linked: ind.answerFrom !== undefined,
      max: range.max ?? null,
      min: range.min,
      keys: parts.length ? buildOptionKeys(parts) : null,
      keyed: parts,
      partIds: partIdsOf(ind),
      requires: [],
      dependents: [],
      order: 0,
    };
    indicators.push(ci);
    return ci.idx;
  };

  walk(rulebook.root, -1);

  const indicatorIndex = new Map(indicators.map((c) => [c.id, c.idx]));
  const groupIndex = new Map(groups.map((g) => [g.id, g.idx]));
  const partIndex = new Map<string, [number, number]>();
  for (const c of indicators) c.partIds.forEach((pid, p) => partIndex.set(pid, [c.idx, p]));

  for (const c of indicators) {
    for (const req of c.def.requires ?? []) {
      const direct = indicatorIndex.get(req);
      if (direct !== undefined) c.requires.push({ idx: direct, part: -1, id: req });
      else {
        const part = partIndex.get(req);
        if (part) c.requires.push({ idx: part[0], part: part[1], id: req });
      }
    }
    for (const r of c.requires) indicators[r.idx].dependents.push(c.idx);
    if (c.linked) {
      const src = indicatorIndex.get(c.answerId);
      if (src !== undefined) {
        c.answerIdx = src;
        indicators[src].dependents.push(c.idx);
      }
    }
  }

  // Prerequisites first; validation has already refused cycles.
  const evalOrder: number[] = [];
  const seen = new Uint8Array(indicators.length);
  const visit = (i: number) => {
    if (seen[i]) return;
    seen[i] = 1;
    for (const r of indicators[i].requires) visit(r.idx);
    indicators[i].order = evalOrder.length;
    evalOrder.push(i);
  };
  indicators.forEach((c) => visit(c.idx));

  const compiled: CompiledRulebook = {
    rulebook,
    indicators,
    evalOrder,
    contextFree: indicators.map((c) => isContextFree(c.def)),
    typedPoints: indicators.filter((c) => c.def.kind === "points").map((c) => c.idx),
    groups,
    groupOrder,
    indicatorIndex,
    groupIndex,
    partIndex,
    rateDigits: rulebook.rateDigits ?? 1,
  };
  cache.set(rulebook, compiled);
  return compiled;
}

/** Part ids in option/band order; options without an id or ASCII code get "<id>#<n>". */
function partIdsOf(ind: Indicator): string[] {
  return partsOf(ind).map((p, n) => partId(ind, p) ?? `${ind.id}#${n + 1}`);
}
