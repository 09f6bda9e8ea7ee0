// Joining the 区分 and 指標 rows into one tree, with every broken link reported at its cell.
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
    if (prev) row.error("ID", `ID「${id}」が重複しています（${prev} と同じ）。別のIDにしてください。`);
    else seen.set(id, row.cell("ID"));
    return !prev;
  };
  for (const g of groups) if (claim(g.group.id, g.row)) byId.set(g.group.id, g);
  const indicatorIds = new Set<string>();
  for (const i of indicators) if (claim(i.id, i.row)) indicatorIds.add(i.id);

  const roots = groups.filter((g) => g.parent === undefined);
  if (!roots.length && groups.length) {
    out.add(
      "error",
      groups[0].row.table.sheet,
      undefined,
      "最上位の区分（親IDが空欄の行）がありません。合計にあたる区分を1行作り、親IDを空欄にしてください。",
    );
  }
  for (const extra of roots.slice(1)) {
    extra.row.error(
      "親ID",
      `親IDが空欄の区分が複数あります（最上位は「${roots[0].group.id}」の1つだけです）。親IDを入力してください。`,
    );
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
    if (indicatorIds.has(g.parent))
      g.row.error("親ID", `親ID「${g.parent}」は指標です。親IDには区分のIDを入力してください。`);
    else if (!byId.has(g.parent)) g.row.error("親ID", `親ID「${g.parent}」という区分がありません。`);
    else if (!chainOf(g.group.id) && roots.length === 1)
      g.row.error("親ID", "親IDをたどると元の区分に戻ってしまいます（循環）。親IDを見直してください。");
  }

  const attached = new Set<string>();
  for (const { row, ind, path } of indicators) {
    const parent = path[path.length - 1];
    const chain = byId.has(parent) ? chainOf(parent) : null;
    if (!byId.has(parent)) {
      row.error("区分ID", `区分ID「${parent}」という区分が「${SHEETS.groups}」シートにありません。`);
      continue;
    }
    if (!chain) continue;
    if (path.length > 1 && chain.slice(-path.length).join(">") !== path.join(">")) {
      row.error(
        "区分ID",
        `区分ID「${path.join(" > ")}」の経路が区分シートの親IDと合いません（実際は ${chain.join(" > ")}）。`,
      );
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
      g.row.error(
        "ID",
        "この区分には指標がありません。指標シートの区分IDでこの区分（またはその下の区分）を指定するか、行を削除してください。",
      );
    }
  }
  return out.failed ? undefined : roots[0]?.group;
}
