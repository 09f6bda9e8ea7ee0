// Resolving tally header text to rulebook ids: an item column (目標, 指標群, indicator number, 枝, 小枝)
// to a sub-item id, a total column (「Ⅰ（ⅰ） 計」, 「推進合計」 …) to a group id. Nothing is guessed: a
// header that does not resolve gives null and the reader reports it.
import { walkTree } from "../rulebooks/tree";
import { compile, type CompiledRulebook } from "../engine/compile";
import type { Group, Indicator, Rulebook } from "../rulebooks/schema";

export type Grant = "P" | "S";

/** NFKC (Ⅰ→I, （ⅰ）→(i), ①→1, full-width digits) without spaces. */
export function norm(s: string): string {
  return s.normalize("NFKC").replace(/[\s\u3000]+/g, "");
}

const KANA = "アイウエオカキクケコサシスセソ";

/** 目標 numeral from 「目標Ⅰ 持続可能な…」. */
export function goalOf(text: string): string | null {
  const m = /目標(IV|III|II|I)/.exec(norm(text));
  return m ? m[1] : null;
}

/** 指標群 from 「目標Ⅰｰ（ⅰ）体制・取組指標群」 → "1", 「…（ⅱ）活動指標群」 → "2", 「成果指標群」 → "O". */
export function setOf(text: string): string | null {
  const t = norm(text);
  if (/成果/.test(t)) return "O";
  const m = /\((ii|i)\)/.exec(t);
  if (m) return m[1] === "ii" ? "2" : "1";
  if (/活動/.test(t)) return "2";
  if (/体制|取組/.test(t)) return "1";
  return null;
}

/** 枝 letter: ア → a, イ → b … (null unless the text starts with a 枝 kana). */
export function branchOf(text: string): string | null {
  const t = norm(text);
  const i = t ? KANA.indexOf(t[0]) : -1;
  return i >= 0 ? String.fromCharCode(97 + i) : null;
}

/** 小枝 digit: ① → 1 (NFKC), or a plain leading number. */
export function twigOf(text: string): string | null {
  const m = /^(\d{1,2})(?!\d)/.exec(norm(text));
  return m ? String(Number(m[1])) : null;
}

export function numberOf(text: string): string | null {
  const m = /^(\d{1,3})(?!\d)/.exec(norm(text));
  return m ? String(Number(m[1])) : null;
}

export const GRANT_S = /介護保険保険者努力支援交付金|努力支援交付金/;

/** A total label, or null: the group it names relative to the grant. */
export function totalLabel(
  text: string,
): { kind: "root" } | { kind: "grant"; grant: Grant } | { kind: "goal"; goal: string; set?: string } | null {
  let t = norm(text).replace(/^目標/, "");
  if (!/計/.test(t)) return null;
  if (/^(推進・?支援|推進及び支援)(合計|計)$|^総合計$|^合計$/.test(t)) return { kind: "root" };
  if (/^推進(交付金)?(合計|計)$/.test(t)) return { kind: "grant", grant: "P" };
  if (/^支援(交付金)?(合計|計)$/.test(t)) return { kind: "grant", grant: "S" };
  t = t.replace(/[-ｰー－]/g, "");
  let m = /^(IV|III|II|I)\((ii|i)\)(指標群)?(小計|合計|計)$/.exec(t);
  if (m) return { kind: "goal", goal: m[1], set: m[2] === "ii" ? "2" : "1" };
  m = /^(IV|III|II|I)(成果)(指標群)?(小計|合計|計)$/.exec(t);
  if (m) return { kind: "goal", goal: m[1], set: "O" };
  m = /^(IV|III|II|I)(合計|計)$/.exec(t);
  if (m) return { kind: "goal", goal: m[1] };
  return null;
}

export interface SubItemInfo {
  id: string;
  points: number;
  /** Indicator that owns the sub-item. */
  indicatorIdx: number;
  part: number;
}

/** A rulebook as the tally sees it: every sub-item (a column) with its points, and the group ids; built once. */
export class SubItemIndex {
  readonly compiled: CompiledRulebook;
  readonly subItems = new Map<string, SubItemInfo>();
  /** Sub-item ids in rulebook order. */
  readonly subItemOrder: string[] = [];
  readonly groupIds: Set<string>;

  constructor(readonly rulebook: Rulebook) {
    this.compiled = compile(rulebook);
    for (const ci of this.compiled.indicators) {
      const def = ci.def;
      if (def.kind === "yesno") this.add({ id: ci.id, points: def.points, indicatorIdx: ci.idx, part: -1 });
      else if (def.kind === "rankBand")
        ci.partIds.forEach((pid, p) =>
          this.add({ id: pid, points: def.bands[p].points, indicatorIdx: ci.idx, part: p }),
        );
      else if (def.kind === "choice" || def.kind === "multi")
        ci.partIds.forEach((pid, p) =>
          this.add({ id: pid, points: def.options[p].points, indicatorIdx: ci.idx, part: p }),
        );
      else this.add({ id: ci.id, points: ci.max ?? 0, indicatorIdx: ci.idx, part: -1 });
    }
    this.groupIds = new Set(this.compiled.groups.map((g) => g.id));
  }

  private add(s: SubItemInfo): void {
    this.subItems.set(s.id, s);
    this.subItemOrder.push(s.id);
  }

  get rootId(): string {
    return this.rulebook.root.id;
  }

  groupMax(id: string): number | null {
    const i = this.compiled.groupIndex.get(id);
    return i === undefined ? null : this.compiled.groups[i].rateMax;
  }

  /** Group id for a total label in a grant, or null. */
  totalId(label: ReturnType<typeof totalLabel>, grant: Grant): string | null {
    if (!label) return null;
    let id: string;
    if (label.kind === "root") id = this.rootId;
    else if (label.kind === "grant") id = label.grant;
    else if (label.set) id = `${grant}_${label.goal}_${label.set}`;
    else id = `${grant}_${label.goal}`;
    return this.groupIds.has(id) ? id : null;
  }

  /** Sub-item id for an item column's hierarchy, or null. */
  itemId(
    grant: Grant,
    goal: string,
    set: string,
    num: string | null,
    name: string,
    branch: string,
    twig: string | null,
  ): string | null {
    const parentId = `${grant}_${goal}_${set}`;
    const pi = this.compiled.groupIndex.get(parentId);
    if (pi === undefined) return null;
    const parent = this.compiled.groups[pi].def;
    const nName = norm(name);
    const node =
      (num !== null
        ? parent.children.find((c) => c.code !== undefined && norm(c.code) === num)
        : undefined) ??
      parent.children.find(
        (c) => nName !== "" && norm(typeof c.name === "string" ? c.name : c.name.ja) === nName,
      );
    if (!node) return null;
    const suffix = branch + (twig ?? "");
    const direct = `${node.id}.${suffix}`;
    if (this.subItems.has(direct) && this.within(node, direct)) return direct;
    return this.byCode(node, branch, twig);
  }

  private within(node: Group | Indicator, id: string): boolean {
    const s = this.subItems.get(id);
    if (!s) return false;
    const ind = this.compiled.indicators[s.indicatorIdx];
    if (node.kind !== "group") return ind.id === node.id;
    let g = ind.groupIdx;
    while (g >= 0) {
      if (this.compiled.groups[g].id === node.id) return true;
      g = this.compiled.groups[g].parentIdx;
    }
    return false;
  }

  /** Fallback on the printed codes: yesno 「ア①」, a 枝 rank band 「ア」 with band 「1」, or bands a–d. */
  private byCode(node: Group | Indicator, branch: string, twig: string | null): string | null {
    const kana = KANA[branch.charCodeAt(0) - 97];
    const want = norm(kana + (twig ?? ""));
    const inds: Indicator[] = [];
    walkTree(node, { indicator: (i) => void inds.push(i) });
    for (const ind of inds) {
      if (ind.kind === "yesno" && ind.code && norm(ind.code) === want) return ind.id;
      if (ind.kind === "rankBand") {
        const ci = this.compiled.indicators[this.compiled.indicatorIndex.get(ind.id)!];
        if (ind.code && norm(ind.code) === kana && twig !== null) {
          const p = ind.bands.findIndex((b) => norm(b.code) === twig);
          if (p >= 0) return ci.partIds[p];
        }
        if (ind === node && twig === null) {
          const p = ind.bands.findIndex((b) => norm(b.code) === branch || norm(b.code) === kana);
          if (p >= 0) return ci.partIds[p];
        }
      }
    }
    return null;
  }
}

const indexes = new WeakMap<Rulebook, SubItemIndex>();

/** The index of a rulebook, built once per rulebook object (the reader and every tally row share it). */
export function subItemIndex(rulebook: Rulebook): SubItemIndex {
  let idx = indexes.get(rulebook);
  if (!idx) indexes.set(rulebook, (idx = new SubItemIndex(rulebook)));
  return idx;
}
