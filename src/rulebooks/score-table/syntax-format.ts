// Writing rulebook parts in the mini-syntax, escaped so that syntax-parse.ts reads them back
// unchanged.
import { RuleBand, RuleOption, RuleStep, Text } from "../schema";
import { shareText } from "./cells";
import { attr, attrsText, escapeAttr, escapeText } from "./syntax";
import { Benchmark, enOf, ImprovementStep, jaOf } from "./values";

type Attrs = [string, string | undefined][];

/** `?` for a threshold the notice does not publish. */
export const numText = (n: number | null) => (n === null ? "?" : String(n));

function benchAttrs(b: Benchmark | undefined): Attrs {
  return [
    ["該当数", attr(b?.hitCount)],
    ["該当率", attr(b?.hitRate === undefined ? undefined : shareText(b.hitRate))],
    ["全国平均", attr(b?.mean)],
    ["出典", attr(b?.source)],
  ];
}

/** A step's head is its threshold, so its label goes in 名称=…. */
const stepAttrs = (s: { id?: string; label?: Text }): Attrs => [
  ["ID", attr(s.id)],
  ["名称", attr(jaOf(s.label))],
  ["英", attr(enOf(s.label))],
];

export function partsText(parts: readonly (RuleOption | RuleBand)[]): string {
  return parts
    .map((p) => {
      const label = jaOf(p.label);
      const head = escapeText(p.code, "\\s\\u3000") + (label === null ? "" : ` ${escapeText(label)}`);
      const top = "top" in p && p.top !== undefined ? shareText(p.top) : undefined;
      const aliases = p.aliases?.map((a) => escapeAttr(a, "|｜")).join("|");
      const attrs: Attrs = [
        ["上位", top],
        ["ID", attr(p.id)],
        ["英", attr(enOf(p.label))],
      ];
      return `${head}=${p.points}${attrsText([...attrs, ["別名", aliases], ...benchAttrs(p.benchmark)])}`;
    })
    .join("\n");
}

export function stepsText(steps: readonly RuleStep[]): string {
  return steps
    .map((s) => `${numText(s.value)}=${s.points}${attrsText([...stepAttrs(s), ...benchAttrs(s.benchmark)])}`)
    .join("; ");
}

/** One line per size class, after a 共通 line for the steps every class shares. */
export function bySizeText<T>(
  plain: T | undefined,
  bySize: Record<string, T> | undefined,
  text: (x: T) => string,
): string | null {
  if (!bySize || !Object.keys(bySize).length) return plain === undefined ? null : text(plain);
  const lines = Object.entries(bySize).map(([size, x]) => `${size}: ${text(x)}`);
  return (plain === undefined ? lines : [`共通: ${text(plain)}`, ...lines]).join("\n");
}

export function improvementText(steps: readonly ImprovementStep[]): string {
  return steps
    .map((s) => {
      const lower = s.min === undefined ? "" : `${s.min}${s.minInclusive === false ? "超" : "以上"}`;
      const upper = s.max === undefined ? "" : `${s.max}${s.maxInclusive === false ? "未満" : "以下"}`;
      return `${lower + upper || "それ以外"}=${s.points}${attrsText(stepAttrs(s))}`;
    })
    .join("; ");
}
