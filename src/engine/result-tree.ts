// A result's group tree in document order, each group with its depth (1 under the total): the one walk
// every report, sheet and check of a result goes through.
import type { GroupResult, ScoreResult } from "./types";

export function groupsInOrder(result: Pick<ScoreResult, "groups">): { group: GroupResult; depth: number }[] {
  const out: { group: GroupResult; depth: number }[] = [];
  walk(result.groups, 1, out);
  return out;
}

// At module level, not a closure per call: see XmlHandler (adapters/xlsx/xml.ts) for why.
function walk(gs: readonly GroupResult[], depth: number, out: { group: GroupResult; depth: number }[]): void {
  for (const group of gs) {
    out.push({ group, depth });
    walk(group.children, depth + 1, out);
  }
}
