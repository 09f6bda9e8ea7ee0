// Walking a rulebook's tree, in document order (the order forms, templates and the 配点表 use): the
// one walk every reader of the tree goes through.
import type { Group, Indicator, Node, Rulebook } from "./schema";

export interface TreeVisitor {
  /** Each group, the root first (depth 0), before its children. */
  group?(group: Group, depth: number, parent: Group | undefined): void;
  /** Each indicator, with the group that holds it. */
  indicator?(indicator: Indicator, depth: number, parent: Group): void;
}

/** Depth-first, in document order, from a rulebook's root or any node below it. */
export function walkTree(from: Rulebook | Node, visit: TreeVisitor): void {
  const go = (n: Node, depth: number, parent: Group | undefined) => {
    if (n.kind === "group") {
      visit.group?.(n, depth, parent);
      for (const c of n.children) go(c, depth + 1, n);
    } else visit.indicator?.(n, depth, parent!);
  };
  go("root" in from ? from.root : from, 0, undefined);
}

const cache = new WeakMap<Rulebook, Indicator[]>();

export function indicatorsOf(rb: Rulebook): readonly Indicator[] {
  let list = cache.get(rb);
  if (!list) {
    const out: Indicator[] = [];
    walkTree(rb, { indicator: (i) => void out.push(i) });
    cache.set(rb, out);
    list = out;
  }
  return list;
}

const idCache = new WeakMap<Rulebook, ReadonlySet<string>>();

/** Kept with the rulebook, like the list: the review asks for it with every workbook it scores. */
export function indicatorIdsOf(rb: Rulebook): ReadonlySet<string> {
  let ids = idCache.get(rb);
  if (!ids) {
    ids = new Set(indicatorsOf(rb).map((i) => i.id));
    idCache.set(rb, ids);
  }
  return ids;
}

const byIdCache = new WeakMap<Rulebook, ReadonlyMap<string, Indicator>>();

/** The rulebook's indicator of that id, looked up in a map kept with the rulebook. */
export function indicatorById(rb: Rulebook, id: string): Indicator | undefined {
  let byId = byIdCache.get(rb);
  if (!byId) {
    byId = new Map(indicatorsOf(rb).map((i) => [i.id, i]));
    byIdCache.set(rb, byId);
  }
  return byId.get(id);
}
