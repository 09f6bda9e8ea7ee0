// Reading the mini-syntax cells into rulebook parts: options and bands (選択肢・段階), steps,
// cut-offs and improvement steps (閾値), and the 値の範囲 cell.
import { type Message, msg, type MessageCode } from "../../messages";
import { idProblem, RuleBand, RuleOption, RuleStep, Text } from "../schema";
import { parseNumber, parseShare } from "./cells";
import { SHEETS } from "./layout";
import { inCell, subIdMessage } from "./problems";
import { Sizes } from "./read-sizes";
import { Row } from "./sheet-reader";
import { Item, parseItem, protect, Protected, SEP_IN_BLOCK, SEP_LINES, SEP_STEPS, splitTop } from "./syntax";
import { Benchmark, compact, ImprovementStep, nonEmpty, textOf } from "./values";
import { normWord } from "./words";

/** Every problem in one cell goes to that cell as 「<header>の…」; any problem discards the cell's value. */
function cellErrors(row: Row, h: string) {
  const errors = {
    ok: true,
    report(m: Message): void {
      errors.ok = false;
      row.error(h, inCell(h, m));
    },
  };
  return errors;
}

/** Reads the attributes every part may carry; reports through `err`. */
function partAttrs(item: Item, err: (m: Message) => void) {
  const a = item.attrs;
  const get = (key: string) => (a.has(key) ? item.restore(a.get(key)!) : undefined);
  const num = (key: string, check: (n: number) => boolean, want: MessageCode) => {
    const t = get(key);
    if (t === undefined) return undefined;
    const n = key === "該当率" || key === "上位" ? parseShare(t) : parseNumber(t);
    if (n === undefined || !check(n))
      err(msg("table.bad-attr-value", { item: item.shown, key, text: t, want: msg(want) }));
    return n;
  };
  const id = get("ID")?.normalize("NFKC");
  const problem = id === undefined ? null : idProblem(id);
  if (id !== undefined && problem) err(subIdMessage(item.shown, id, problem));
  const benchmark: Benchmark | undefined = nonEmpty({
    hitCount: num("該当数", (n) => Number.isInteger(n) && n >= 0, "table.want.count"),
    hitRate: num("該当率", (n) => n >= 0 && n <= 1, "table.want.share"),
    mean: num("全国平均", Number.isFinite, "table.want.number"),
    source: get("出典"),
  });
  const aliases = a.has("別名") ? splitTop(a.get("別名")!, /[|｜]/).map(item.restore) : undefined;
  const top = num("上位", (n) => n >= 0 && n <= 1, "table.want.top");
  return { id, benchmark, aliases, top, en: get("英"), name: get("名称") };
}

/** A step's head is its threshold, so its label can only come from 名称=…, and 英=… translates that. */
function stepLabel(
  item: Item,
  at: { name?: string; en?: string },
  err: (m: Message) => void,
): Text | undefined {
  if (at.en !== undefined && at.name === undefined) err(msg("table.en-needs-name", { item: item.shown }));
  return textOf(at.name, at.en);
}

function pointsOf(item: Item, err: (m: Message) => void, example: string): number | undefined {
  if (item.points === undefined) {
    // 「1,000=5」 splits at the comma in a 閾値 cell, leaving an item of digits only.
    const comma = /^\d+$/.test(item.head);
    err(msg(comma ? "table.no-points-comma" : "table.no-points", { item: item.shown, example }));
    return undefined;
  }
  const n = parseNumber(item.points);
  if (n === undefined) err(msg("table.points-not-number", { item: item.shown, text: item.points }));
  return n;
}

export function parseParts(row: Row, h: string, band: boolean): (RuleOption | RuleBand)[] | undefined {
  const text = row.text(h);
  if (text === undefined) return undefined;
  const pt = protect(text);
  const allowed = ["ID", "英", "別名", "該当数", "該当率", "全国平均", "出典", ...(band ? ["上位"] : [])];
  const errors = cellErrors(row, h);
  const err = errors.report;
  const parts = splitTop(pt.text, SEP_LINES).flatMap((raw) => {
    const item = parseItem(pt, raw, allowed, err);
    if (!item) return [];
    const m = /^(\S+)(?:[\s\u3000]+([\s\S]+))?$/u.exec(item.head);
    if (!m) {
      err(msg("table.no-code", { item: item.shown }));
      return [];
    }
    const points = pointsOf(item, err, band ? "ア 上位3割=5 [上位=30%]" : "ア 全域で実施=10");
    const at = partAttrs(item, err);
    const code = pt.restore(m[1]);
    const label = m[2] === undefined ? undefined : pt.restore(m[2]);
    if (at.en !== undefined && label === undefined) err(msg("table.en-needs-label", { item: item.shown }));
    // 「ア全域で実施=10」: a clerk forgot the space between code and label.
    if (label === undefined && code.length > 4 && /[^ -~]/.test(code)) {
      row.warn(h, inCell(h, msg("table.code-too-long", { code })));
    }
    if (points === undefined) return [];
    const part = compact({
      code,
      label: textOf(label, at.en),
      top: band ? at.top : undefined,
      points,
      id: at.id,
      aliases: at.aliases,
      benchmark: at.benchmark,
    });
    return [part];
  });
  return errors.ok ? parts : undefined;
}

interface Block {
  size?: string;
  body: string;
}

/** 閾値 cells may be split by size class: `large: 50=10, 40=5 | small: 60=10` (or one size per line). */
function blocksOf(row: Row, h: string, pt: Protected, sizes: Sizes): Block[] | undefined {
  if (!/^[^=＝[［;；,，、\n|｜]*[:：]/.test(pt.text)) return [{ body: pt.text }];
  const blocks: Block[] = [];
  for (const part of splitTop(pt.text, /[|｜\n]/)) {
    const m = /^([^=＝[［;；,，、:：]+)[:：]([\s\S]*)$/.exec(part);
    if (!m) {
      if (blocks.length) blocks[blocks.length - 1].body += `;${part}`;
      continue;
    }
    const name = pt.restore(m[1]);
    const common = ["共通", "全体", "*"].includes(name);
    const size = common ? undefined : sizes.lookup.get(normWord(name));
    if (!common && size === undefined) {
      row.error(h, inCell(h, msg("table.unknown-size-class", { size: name, sheet: SHEETS.sizes })));
      return undefined;
    }
    if (blocks.some((b) => b.size === size)) {
      row.error(h, msg("table.size-twice", { header: h, size: name }));
      return undefined;
    }
    blocks.push({ size, body: m[2] });
  }
  return blocks;
}

/** The items of a 閾値 cell: `plain` for all sizes (or 共通), `bySize` per size class. */
interface BySize<T> {
  plain?: T[];
  bySize?: Record<string, T[]>;
}

function readBySize<T>(
  row: Row,
  h: string,
  pt: Protected,
  sizes: Sizes,
  read: (raw: string) => T[],
): BySize<T> | undefined {
  const blocks = blocksOf(row, h, pt, sizes);
  if (!blocks) return undefined;
  const sep = blocks.some((b) => b.size !== undefined) ? SEP_IN_BLOCK : SEP_STEPS;
  const res: BySize<T> = {};
  for (const b of blocks) {
    const items = splitTop(b.body, sep).flatMap(read);
    if (b.size === undefined) res.plain = items;
    else (res.bySize ??= {})[b.size] = items;
  }
  return res;
}

function parseValue(t: string): number | null | undefined {
  const s = t.normalize("NFKC").trim();
  if (["?", "不明", "未公表", "null"].includes(s)) return null;
  return parseNumber(s);
}

interface Ladder {
  steps?: RuleStep[];
  stepsBySize?: Record<string, RuleStep[]>;
  /** From 以上/以下 written on the steps, when they say it. */
  direction?: "atLeast" | "atMost";
}

export function parseLadder(row: Row, h: string, sizes: Sizes): Ladder | undefined {
  const text = row.text(h);
  if (text === undefined) return undefined;
  const pt = protect(text);
  const errors = cellErrors(row, h);
  const err = errors.report;
  const dirs = new Set<"atLeast" | "atMost">();
  const sized = readBySize(row, h, pt, sizes, (raw) => {
    const item = parseItem(pt, raw, ["ID", "名称", "英", "該当数", "該当率", "全国平均", "出典"], err);
    if (!item) return [];
    const m = /^(.*?)\s*(以上|以下)?$/.exec(item.head.normalize("NFKC"))!;
    if (m[2]) dirs.add(m[2] === "以上" ? "atLeast" : "atMost");
    const value = parseValue(m[1]);
    if (value === undefined) {
      err(msg("table.threshold-not-number", { item: item.shown, text: pt.restore(item.head) }));
      return [];
    }
    const points = pointsOf(item, err, "60=10");
    const at = partAttrs(item, err);
    const label = stepLabel(item, at, err);
    if (points === undefined) return [];
    return [compact({ value, points, id: at.id, label, benchmark: at.benchmark })];
  });
  if (!sized) return undefined;
  if (dirs.size > 1) err(msg("table.mixed-directions"));
  const direction = dirs.size === 1 ? [...dirs][0] : undefined;
  return errors.ok ? compact({ steps: sized.plain, stepsBySize: sized.bySize, direction }) : undefined;
}

export function parseCutoffs(row: Row, h: string, sizes: Sizes) {
  const text = row.text(h);
  if (text === undefined) return {};
  const pt = protect(text);
  const errors = cellErrors(row, h);
  const sized = readBySize(row, h, pt, sizes, (raw) => {
    const v = raw.includes("=") || raw.includes("＝") ? undefined : parseValue(pt.restore(raw));
    if (v === undefined) {
      errors.report(msg("table.cutoff-not-number", { item: pt.restore(raw) }));
    }
    return [v ?? null];
  });
  if (!sized || !errors.ok) return undefined;
  return compact({ cutoffs: sized.plain, cutoffsBySize: sized.bySize });
}

const BOUND = /([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(以上|超|以下|未満)/gi;

export function parseImprovement(row: Row, h: string): ImprovementStep[] | undefined {
  const text = row.text(h);
  if (text === undefined) return undefined;
  const pt = protect(text);
  const errors = cellErrors(row, h);
  const err = errors.report;
  const steps = splitTop(pt.text, SEP_STEPS).flatMap((raw) => {
    const item = parseItem(pt, raw, ["ID", "名称", "英"], err);
    if (!item) return [];
    const head = item.head.normalize("NFKC").replace(/[▲△−]/g, "-");
    const step: Partial<ImprovementStep> = {};
    if (!["それ以外", "その他", "すべて"].includes(head)) {
      const rest = head.replace(BOUND, (_, n: string, op: string) => {
        const lower = op === "以上" || op === "超";
        if ((lower ? step.min : step.max) !== undefined) err(msg("table.bound-twice", { item: item.shown }));
        if (lower) Object.assign(step, { min: Number(n), minInclusive: op === "超" ? false : undefined });
        else Object.assign(step, { max: Number(n), maxInclusive: op === "未満" ? false : undefined });
        return "";
      });
      if (rest.replace(/[\s、,~〜]/g, "") !== "" || (step.min === undefined && step.max === undefined)) {
        err(msg("table.bad-improvement", { item: item.shown }));
        return [];
      }
    }
    const points = pointsOf(item, err, "1以上=6");
    const at = partAttrs(item, err);
    const label = stepLabel(item, at, err);
    if (points === undefined) return [];
    const { min, minInclusive, max, maxInclusive } = step;
    return [compact({ min, minInclusive, max, maxInclusive, points, id: at.id, label })];
  });
  return errors.ok ? steps : undefined;
}

export function parseRange(row: Row, h: string): { min?: number; max?: number } | undefined {
  const t = row.text(h);
  if (t === undefined) return undefined;
  const parts = t.normalize("NFKC").split(/[~〜]/);
  const nums = parts.map((p) => (p.trim() === "" ? undefined : parseNumber(p)));
  if (
    parts.length !== 2 ||
    nums.some((n, i) => n === undefined && parts[i].trim() !== "") ||
    nums.every((n) => n === undefined)
  ) {
    row.error(h, msg("table.bad-range", { header: h, text: t }));
    return undefined;
  }
  return compact({ min: nums[0], max: nums[1] });
}
