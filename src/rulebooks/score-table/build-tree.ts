// Joining the 区分 and 指標 rows into one tree, with every broken link reported at its cell.
import { msg } from "../../messages";
import { Group } from "../schema";
import { SHEETS } from "./layout";
import { Problems } from "./problems";
import { GroupRow } from "./read-groups";
import { IndicatorRow } from "./read-indicators";
import { Row } from "./sheet-reader";

/** Children follow the 指標 sheet: a group or indicator joins its parent when it first appears there. */
export function buildTree(groups: GroupRow[], indicators: IndicatorRow[], out: Problems): Group | undefined {
  const byId = new Map<string, GroupRow>();
  const seen = new Map<string, string>();
  const claim = (id: string, row: Row) => {
    const prev = seen.get(id);
    if (prev) row.error("ID", msg("table.id-twice-at", { id, other: prev }));
    else seen.set(id, row.cell("ID"));
    return !prev;
  };
  for (const g of groups) if (claim(g.group.id, g.row)) byId.set(g.group.id, g);
  const indicatorIds = new Set<string>();
  for (const i of indicators) if (claim(i.id, i.row)) indicatorIds.add(i.id);

  const roots = groups.filter((g) => g.parent === undefined);
  if (!roots.length && groups.length) {
    out.add("error", groups[0].row.table.sheet, undefined, msg("table.no-root"));
  }
  for (const extra of roots.slice(1)) {
    extra.row.error("親ID", msg("table.extra-root", { root: roots[0].group.id }));
  }
  // Root-to-group id chains; null for a group that never reaches the root (unknown parent or a cycle).
  const chains = new Map<string, string[] | null>();
  const chainOf = (id: string): string[] | null => {
    if (chains.has(id)) return chains.get(id)!;
    chains.set(id, null);
    const g = byId.get(id);
    let chain: string[] | null = null;
    if (g && g.parent === undefined) chain = g === roots[0] ? [id] : null;
    else if (g && g.parent !== undefined) {
      const up = byId.has(g.parent) ? chainOf(g.parent) : null;
      chain = up && [...up, id];
    }
    chains.set(id, chain);
    return chain;
  };
  for (const g of groups) {
    if (g.parent === undefined || !byId.has(g.group.id)) continue;
    if (indicatorIds.has(g.parent)) g.row.error("親ID", msg("table.parent-is-indicator", { id: g.parent }));
    else if (!byId.has(g.parent)) g.row.error("親ID", msg("table.unknown-parent", { id: g.parent }));
    else if (!chainOf(g.group.id) && roots.length === 1) g.row.error("親ID", msg("table.parent-cycle"));
  }

  const attached = new Set<string>();
  for (const { row, ind, path } of indicators) {
    const parent = path[path.length - 1];
    const chain = byId.has(parent) ? chainOf(parent) : null;
    if (!byId.has(parent)) {
      row.error("区分ID", msg("table.unknown-group", { id: parent, sheet: SHEETS.groups }));
      continue;
    }
    if (!chain) continue;
    if (path.length > 1 && chain.slice(-path.length).join(">") !== path.join(">")) {
      row.error("区分ID", msg("table.path-mismatch", { path: path.join(" > "), actual: chain.join(" > ") }));
      continue;
    }
    for (let k = 1; k < chain.length; k++) {
      if (!attached.has(chain[k])) {
        attached.add(chain[k]);
        byId.get(chain[k - 1])!.group.children.push(byId.get(chain[k])!.group);
      }
    }
    if (ind) byId.get(parent)!.group.children.push(ind);
  }
  if (out.failed) return undefined;
  for (const g of groups) {
    if (!g.group.children.length) {
      g.row.error("ID", msg("table.empty-group"));
    }
  }
  return out.failed ? undefined : roots[0]?.group;
}
