// The column model of MHLW's 全国集計（市町村） workbook, derived from an item-level rulebook:
// one column per sub-item (a yesno indicator, or a rank-band/option part), subtotal columns per
// 指標群 and 目標, grant totals, the overall total and the rank column, in the tally's order
// (national-tally-layout.md §1.1). Also scores an entity's sub-item points up the group tree.
import { jaText } from "../../src/engine/text";
import type { Group, Indicator, Node, Rulebook } from "../../src/rulebooks/schema";
import { partId, partsOf } from "../../src/rulebooks/structure";

/** Hierarchy text of one column (rows 2–8 of the header block); "" where the cell is empty. */
export interface TallyHeader {
  grant: string;
  goal: string;
  cluster: string;
  number: string | number;
  name: string;
  branch: string;
  twig: string;
}

export interface ItemColumn {
  kind: "item";
  /** Sub-item id (rulebook spelling, e.g. P_I_1_3.b2). */
  id: string;
  points: number;
  indicator: Indicator;
  /** Part index within the indicator (options/bands), -1 for a yesno indicator. */
  part: number;
  header: TallyHeader;
}

export interface TotalColumn {
  kind: "total";
  /** Group id whose score the column holds (root for 推進・支援合計). */
  id: string;
  /** Header text, e.g. 「Ⅰ（ⅰ） 計」, 「Ⅰ合計」, 「推進合計」, 「推進・支援合計」. */
  label: string;
  /** Header row (2–4) holding the label: 2 grant/overall, 3 目標, 4 指標群. */
  labelRow: number;
  points: number;
  group: Group;
}

export type ScoreColumn = ItemColumn | TotalColumn;

/** A run of adjacent columns sharing one header text in one row (merged in the workbook). */
export interface HeaderSpan {
  row: number;
  first: number;
  last: number;
  text: string | number;
}

export interface TallyLayout {
  /** Score columns in sheet order (index 0 = first column after the ID block). */
  columns: ScoreColumn[];
  /** Merged hierarchy spans, column positions relative to `columns`. */
  spans: HeaderSpan[];
}

const KANA_BY_LETTER: Record<string, string> = {
  a: "ア",
  b: "イ",
  c: "ウ",
  d: "エ",
  e: "オ",
  f: "カ",
  g: "キ",
  h: "ク",
};
const CIRCLED = ["", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"];

/** Split a display code like 「ア①」 into 枝 「ア」 and 小枝 「①」. */
function splitCode(code: string): { branch: string; twig: string } {
  const m = /^([\u30A0-\u30FF]+)(.*)$/.exec(code);
  if (m) return { branch: m[1], twig: m[2] };
  return { branch: code, twig: "" };
}

function circled(code: string): string {
  const n = Number(code);
  return Number.isInteger(n) && n > 0 && n < CIRCLED.length ? CIRCLED[n] : code;
}

/** 枝 and 小枝 of each column an indicator contributes. */
function branchesOf(ind: Indicator, isTopIndicator: boolean): { branch: string; twig: string }[] {
  const parts = partsOf(ind);
  if (parts.length) {
    return parts.map((p) => {
      if (!isTopIndicator && ind.code) return { branch: splitCode(ind.code).branch, twig: circled(p.code) };
      const label = jaText(p.label).split(/[\s（(]/)[0];
      if (/^[\u30A0-\u30FF]/.test(label)) return splitCode(label);
      if (KANA_BY_LETTER[p.code]) return { branch: KANA_BY_LETTER[p.code], twig: "" };
      // Digits only: a 枝 is still needed to tell the column from a total.
      return { branch: "ア", twig: circled(p.code) };
    });
  }
  if (!isTopIndicator && ind.code) return [splitCode(ind.code)];
  return [{ branch: "ア", twig: "" }];
}

/** Column ids of an indicator, in part order (the same ids compile.ts uses). */
export function columnIdsOf(ind: Indicator): string[] {
  const parts = partsOf(ind);
  return parts.length ? parts.map((p, n) => partId(ind, p) ?? `${ind.id}#${n + 1}`) : [ind.id];
}

function partPoints(ind: Indicator): number[] {
  switch (ind.kind) {
    case "yesno":
      return [ind.points];
    case "rankBand":
      return ind.bands.map((b) => b.points);
    case "choice":
    case "multi":
      return ind.options.map((o) => o.points);
    default:
      return [0];
  }
}

/** Highest score a node can reach (group max where published, best-of for `aggregate: best`). */
export function nodeReach(node: Node): number {
  if (node.kind === "group") {
    const kids = node.children.map(nodeReach);
    const raw = node.aggregate === "best" ? Math.max(0, ...kids) : kids.reduce((s, v) => s + v, 0);
    return node.max !== undefined ? Math.min(node.max, raw) : raw;
  }
  const pts = partPoints(node);
  if (node.kind === "choice" || (node.kind === "rankBand" && node.cumulative === false))
    return Math.max(0, ...pts);
  const sum = pts.reduce((s, v) => s + Math.max(0, v), 0);
  return node.kind === "multi" && node.cap !== undefined ? Math.min(node.cap, sum) : sum;
}

function goalNumeral(goal: Group): string {
  return (goal.code ?? goal.id).replace(/^目標/, "");
}

export function goalText(goal: Group): string {
  return goal.code ? `${goal.code} ${jaText(goal.name)}` : jaText(goal.name);
}

export function clusterText(goal: Group, cluster: Group): string {
  return `${goal.code ?? ""}ｰ${jaText(cluster.name)}`;
}

/**
 * Builds the column model. Rulebook shape: root → grant (推進/支援) → 目標 → 指標群 → indicator
 * (a group of sub-items or a rank-band indicator) → sub-items. 目標 with one 指標群 (目標Ⅳ) get no
 * 指標群 subtotal column, as in the tally.
 */
export function tallyLayout(rulebook: Rulebook): TallyLayout {
  const columns: ScoreColumn[] = [];
  const spans: HeaderSpan[] = [];
  const span = (row: number, first: number, text: string | number) => {
    if (text === "" || columns.length - 1 < first) return;
    spans.push({ row, first, last: columns.length - 1, text });
  };

  const grants = rulebook.root.children.filter((c): c is Group => c.kind === "group");
  const seenGoals = new Set<string>();
  for (const grant of grants) {
    const grantStart = columns.length;
    // The 支援 copy of 目標Ⅳ does not repeat the grant name in row 2.
    let grantSpanEnd = -1;
    for (const goal of grant.children) {
      if (goal.kind !== "group") continue;
      const goalStart = columns.length;
      const repeated = seenGoals.has(goalText(goal)) && grantStart > 0;
      seenGoals.add(goalText(goal));
      const clusters = goal.children.filter((c): c is Group => c.kind === "group");
      for (const cluster of clusters) {
        const clusterStart = columns.length;
        for (const top of cluster.children) {
          const topStart = columns.length;
          const addIndicator = (ind: Indicator, isTop: boolean) => {
            const ids = columnIdsOf(ind);
            const pts = partPoints(ind);
            const br = branchesOf(ind, isTop);
            ids.forEach((id, i) => {
              columns.push({
                kind: "item",
                id,
                points: pts[i] ?? 0,
                indicator: ind,
                part: ind.kind === "yesno" ? -1 : i,
                header: {
                  grant: repeated ? "" : jaText(grant.name),
                  goal: goalText(goal),
                  cluster: clusterText(goal, cluster),
                  number: /^\d+$/.test(top.code ?? "") ? Number(top.code) : (top.code ?? ""),
                  name: jaText(top.name),
                  branch: br[i]?.branch ?? "",
                  twig: br[i]?.twig ?? "",
                },
              });
            });
          };
          const walk = (node: Node, isTop: boolean) => {
            if (node.kind === "group") node.children.forEach((c) => walk(c, false));
            else addIndicator(node, isTop);
          };
          walk(top, true);
          const head = columns[topStart] as ItemColumn | undefined;
          if (!head) continue;
          span(5, topStart, head.header.number);
          span(6, topStart, head.header.name);
          // 枝 spans: adjacent columns with the same 枝 within the indicator.
          let b = topStart;
          for (let c = topStart + 1; c <= columns.length; c++) {
            const prev = columns[c - 1] as ItemColumn;
            const cur = columns[c] as ItemColumn | undefined;
            if (c === columns.length || cur?.kind !== "item" || cur.header.branch !== prev.header.branch) {
              spans.push({ row: 7, first: b, last: c - 1, text: prev.header.branch });
              b = c;
            }
          }
          for (let c = topStart; c < columns.length; c++) {
            const twig = (columns[c] as ItemColumn).header.twig;
            if (twig) spans.push({ row: 8, first: c, last: c, text: twig });
          }
        }
        span(4, clusterStart, clusterText(goal, cluster));
      }
      if (clusters.length > 1) {
        for (const cluster of clusters) {
          columns.push({
            kind: "total",
            id: cluster.id,
            label: `${goalNumeral(goal)}${cluster.code ?? ""} 計`,
            labelRow: 4,
            points: nodeReach(cluster),
            group: cluster,
          });
        }
      }
      span(3, goalStart, goalText(goal));
      columns.push({
        kind: "total",
        id: goal.id,
        label: `${goalNumeral(goal)}合計`,
        labelRow: 3,
        points: nodeReach(goal),
        group: goal,
      });
      if (!repeated) grantSpanEnd = columns.length - 1;
      else if (grantSpanEnd >= grantStart) {
        spans.push({ row: 2, first: grantStart, last: grantSpanEnd, text: jaText(grant.name) });
        grantSpanEnd = -2; // closed: later goals of this grant (none in practice) are not re-spanned
      }
    }
    if (grantSpanEnd >= grantStart)
      spans.push({ row: 2, first: grantStart, last: grantSpanEnd, text: jaText(grant.name) });
    columns.push({
      kind: "total",
      id: grant.id,
      label: `${grant.code ?? jaText(grant.name)}合計`,
      labelRow: 2,
      points: nodeReach(grant),
      group: grant,
    });
  }
  columns.push({
    kind: "total",
    id: rulebook.root.id,
    label: grants.map((g) => g.code ?? g.id).join("・") + "合計",
    labelRow: 2,
    points: nodeReach(rulebook.root),
    group: rulebook.root,
  });
  return { columns, spans };
}

/** Points of every column for one entity, keyed by column index. Totals follow the group tree. */
export function scoreColumns(
  rulebook: Rulebook,
  layout: TallyLayout,
  points: Record<string, number>,
): number[] {
  const byIndicator = new Map<string, number[]>();
  const values = new Array<number>(layout.columns.length).fill(0);
  const partLookup = partLookupOf(layout);
  layout.columns.forEach((col, i) => {
    if (col.kind !== "item") return;
    let v = points[col.id];
    if (v === undefined && col.indicator.answerFrom) {
      const src = partLookup.get(col.indicator.answerFrom);
      const srcId = src?.[col.part < 0 ? 0 : col.part];
      if (srcId !== undefined) v = points[srcId];
    }
    values[i] = v ?? 0;
    const list = byIndicator.get(col.indicator.id) ?? [];
    list.push(values[i]);
    byIndicator.set(col.indicator.id, list);
  });
  const groupScore = new Map<string, number>();
  const score = (node: Node): number => {
    if (node.kind !== "group") {
      const parts = byIndicator.get(node.id) ?? [];
      const sum = parts.reduce((s, v) => s + v, 0);
      return node.kind === "multi" && node.cap !== undefined ? Math.min(node.cap, sum) : sum;
    }
    const kids = node.children.map(score);
    let v =
      node.aggregate === "best" ? (kids.length ? Math.max(...kids) : 0) : kids.reduce((s, x) => s + x, 0);
    if (node.max !== undefined) v = Math.min(node.max, v);
    if (node.min !== undefined) v = Math.max(node.min, v);
    groupScore.set(node.id, v);
    return v;
  };
  score(rulebook.root);
  layout.columns.forEach((col, i) => {
    if (col.kind === "total") values[i] = groupScore.get(col.id) ?? 0;
  });
  return values;
}

const lookupCache = new WeakMap<TallyLayout, Map<string, string[]>>();
function partLookupOf(layout: TallyLayout): Map<string, string[]> {
  let m = lookupCache.get(layout);
  if (!m) {
    m = new Map();
    for (const col of layout.columns) {
      if (col.kind !== "item") continue;
      const list = m.get(col.indicator.id) ?? [];
      list.push(col.id);
      m.set(col.indicator.id, list);
    }
    lookupCache.set(layout, m);
  }
  return m;
}
