// The readable terminal report of `saiten score`.
import { groupsInOrder } from "../engine/result-tree";
import Table from "cli-table3";
import type { Comparison, ComparisonLine, Judgement } from "../engine/compare";
import { type Lang, type MessageCode, msg, type Param, render } from "../messages";
import { formatPercent, MEAN_DIGITS, roundHalfUp } from "../numbers/round";
import { codeIn, localText, withCode } from "../engine/text";
import type { ScoreResult } from "../engine/types";
import type { Rulebook } from "../rulebooks/schema";
import { answerText, indexRulebook } from "../app/rulebook-index";

/** A word of the table in the report's language. */
function word(code: MessageCode, lang: Lang, params?: Record<string, Param>): string {
  return render(msg(code, params), lang);
}

/** The comparison's 達成/未達成 (a value in the result JSON), said in the report's language. */
function judgementText(j: Judgement | null | undefined, lang: Lang): string {
  if (!j) return "―";
  return word(j === "達成" ? "score.table.met" : "score.table.not-met", lang);
}

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
  rulebook: Rulebook,
  depth = 3,
): string {
  const title = localText(rulebook.title);
  const d = result.rateDigits;
  const head = [
    word("score.table.group", lang),
    word("score.table.points", lang),
    word("score.table.max", lang),
    word("score.table.rate", lang),
    ...(comparison
      ? [
          word("score.table.previous", lang),
          word("score.table.change", lang),
          word("score.table.trend", lang),
          word("score.table.judgement", lang),
        ]
      : []),
    word("score.table.mean", lang),
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
      ...(comparison ? [p, c, l?.trend ?? "―", judgementText(l?.judgement, lang)] : []),
      mean === undefined ? "―" : roundHalfUp(mean, MEAN_DIGITS).toFixed(MEAN_DIGITS),
    ]);
  };
  row(
    word("score.table.total", lang),
    result.total.points,
    result.total.max,
    result.total.ratePercent,
    result.total.benchmark?.mean,
    comparison?.total,
  );
  for (const { group: g, depth: level } of groupsInOrder(result)) {
    if (level > depth) continue;
    const name = `${"  ".repeat(level)}${withCode(codeIn(g.code, lang), g.name[lang])}`;
    row(name, g.points, g.max, g.ratePercent, g.benchmark?.mean, lines.get(g.id));
  }
  const out = [
    word("score.table.rulebook", lang, {
      title: title[lang],
      id: result.rulebook.id,
      year: result.rulebook.fiscalYear,
      version: result.rulebook.version,
    }),
    table.toString(),
  ];
  if (comparison?.lost.length) {
    out.push(`\n${word("score.table.lost", lang)}`);
    const index = indexRulebook(rulebook);
    for (const lost of comparison.lost.slice(0, 20)) {
      const info = index.byId.get(lost.id);
      const ans = lost.answerChanged
        ? `  ${answerText(info, lost.previousAnswer, lang)} → ${answerText(info, lost.currentAnswer, lang)}`
        : "";
      const name = info?.name[lang];
      out.push(
        `  ${name ? `${lost.id} ${name}` : lost.id}: ${fmt(lost.previousPoints)} → ${fmt(lost.currentPoints)} (${signed(lost.change)})${ans}`,
      );
    }
    if (comparison.lost.length > 20) out.push(`  ${word("score.table.more", lang, { n: comparison.lost.length - 20 })}`);
  }
  const issues = result.issues.filter((i) => i.severity !== "info");
  out.push(`\n${issues.length ? word("score.table.issues", lang, { n: issues.length }) : word("score.table.no-issues", lang)}`);
  for (const i of issues.slice(0, 50))
    out.push(`  ${word(i.severity === "error" ? "cli.severity.error" : "cli.severity.warning", lang)} ${i.message[lang]}`);
  if (issues.length > 50) out.push(`  ${word("score.table.more", lang, { n: issues.length - 50 })}`);
  return out.join("\n");
}
