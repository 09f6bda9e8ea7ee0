// A result's group tree in document order, each group with its depth (1 under the total): the one walk
// every report, sheet and check of a result goes through.
import type { GroupResult, ScoreResult } from "./types";

export function groupsInOrder(result: Pick<ScoreResult, "groups">): { group: GroupResult; depth: number }[] {
  const out: { group: GroupResult; depth: number }[] = [];
  const walk = (gs: readonly GroupResult[], depth: number) => {
    for (const group of gs) {
      out.push({ group, depth });
      walk(group.children, depth + 1);
    }
  };
  walk(result.groups, 1);
  return out;
}
