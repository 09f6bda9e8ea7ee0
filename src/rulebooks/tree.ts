// Walking a rulebook's tree: every indicator in document order (the order forms and templates use).
import type { Group, Indicator, Rulebook } from "./schema";

const cache = new WeakMap<Rulebook, Indicator[]>();

export function indicatorsOf(rb: Rulebook): readonly Indicator[] {
  let list = cache.get(rb);
  if (!list) {
    const out: Indicator[] = [];
    const walk = (g: Group) => g.children.forEach((c) => (c.kind === "group" ? walk(c) : out.push(c)));
    walk(rb.root);
    cache.set(rb, out);
    list = out;
  }
  return list;
}

export function indicatorIdsOf(rb: Rulebook): Set<string> {
  return new Set(indicatorsOf(rb).map((i) => i.id));
}
