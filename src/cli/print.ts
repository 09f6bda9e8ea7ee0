// The readable terminal report of `saiten score`.
import { groupsInOrder } from "../engine/result-tree";
import Table from "cli-table3";
import type { Comparison, ComparisonLine } from "../engine/compare";
import { formatPercent, roundHalfUp } from "../numbers/round";
import { withCode } from "../engine/text";
import type { ScoreResult } from "../engine/types";

export type Lang = "ja" | "en";

const L = {
  ja: {
    group: "区分",
    points: "得点",
    max: "満点",
    rate: "得点率",
    prev: "前年度",
    change: "差",
    trend: "傾向",
    judge: "判定",
    mean: "全国平均",
    total: "合計",
    issues: "確認事項",
    lost: "得点が下がった指標",
    none: "なし",
  },
  en: {
    group: "Group",
    points: "Points",
    max: "Max",
    rate: "Rate",
    prev: "Previous",
    change: "Change",
    trend: "Trend",
    judge: "Judgement",
    mean: "National mean",
    total: "Total",
    issues: "Issues",
    lost: "Indicators that lost points",
    none: "none",
  },
};

function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined) return "―";
  return String(roundHalfUp(n, 3));
}

function prevText(l: ComparisonLine | undefined, digits: number): [string, string] {
  if (!l?.previous) return ["―", "―"];
  if (l.basis === "points")
    return [fmt(l.previous.points), l.changePoints === null ? "―" : signed(l.changePoints)];
  return [
    formatPercent(l.previous.ratePercent, digits),
    l.changeRate === null ? "―" : `${signed(l.changeRate)}pt`,
  ];
}

function signed(n: number): string {
  return n > 0 ? `+${fmt(n)}` : fmt(n);
}

export function renderReport(
  result: ScoreResult,
  comparison: Comparison | undefined,
  lang: Lang,
  depth = 3,
): string {
  const t = L[lang];
  const d = result.rateDigits;
  const head = [
    t.group,
    t.points,
    t.max,
    t.rate,
    ...(comparison ? [t.prev, t.change, t.trend, t.judge] : []),
    t.mean,
  ];
  const table = new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  const lines = new Map((comparison?.groups ?? []).map((l) => [l.id, l]));
  const row = (
    name: string,
    points: number,
    max: number | null,
    rate: number | null,
    mean: number | undefined,
    l?: ComparisonLine,
  ) => {
    const [p, c] = prevText(l, d);
    table.push([
      name,
      fmt(points),
      fmt(max),
      formatPercent(rate, d),
      ...(comparison ? [p, c, l?.trend ?? "―", l?.judgement ?? "―"] : []),
      mean === undefined ? "―" : fmt(mean),
    ]);
  };
  row(
    t.total,
    result.total.points,
    result.total.max,
    result.total.ratePercent,
    result.total.benchmark?.mean,
    comparison?.total,
  );
  for (const { group: g, depth: level } of groupsInOrder(result)) {
    if (level > depth) continue;
    const name = `${"  ".repeat(level)}${withCode(g.code, g.name[lang])}`;
    row(name, g.points, g.max, g.ratePercent, g.benchmark?.mean, lines.get(g.id));
  }
  const out = [
    `${result.rulebook.id} (FY${result.rulebook.fiscalYear}, v${result.rulebook.version})`,
    table.toString(),
  ];
  if (comparison?.lost.length) {
    out.push(`\n${t.lost}:`);
    for (const lost of comparison.lost.slice(0, 20)) {
      const ans = lost.answerChanged
        ? `  ${String(lost.previousAnswer ?? "―")} → ${String(lost.currentAnswer ?? "―")}`
        : "";
      out.push(
        `  ${lost.id}: ${fmt(lost.previousPoints)} → ${fmt(lost.currentPoints)} (${signed(lost.change)})${ans}`,
      );
    }
    if (comparison.lost.length > 20) out.push(`  … +${comparison.lost.length - 20}`);
  }
  const issues = result.issues.filter((i) => i.severity !== "info");
  out.push(`\n${t.issues}: ${issues.length ? issues.length : t.none}`);
  for (const i of issues.slice(0, 50)) out.push(`  [${i.severity}] ${i.message[lang]}`);
  if (issues.length > 50) out.push(`  … +${issues.length - 50}`);
  return out.join("\n");
}
