// Shaping a run's result for display: the group tree joined with last year's figures and the national
// average, issues in the order to fix them, and the indicators that lost points with their cells.
import type { Comparison, ComparisonLine } from "../engine/compare";
import type { GroupResult, Issue, LocalText } from "../engine/types";
import type { RunSummary } from "../app/pane-api";

export interface GroupRow {
  id: string;
  code?: string;
  name: LocalText;
  depth: number;
  points: number;
  max: number | null;
  ratePercent: number | null;
  /** Last year (from the comparison), when this group compares. */
  previous: { points: number; max: number | null; ratePercent: number | null } | null;
  /** National average points (benchmark.mean), or the mean rate × max. */
  nationalMean: number | null;
  trend: ComparisonLine["trend"] | null;
  judgement: ComparisonLine["judgement"];
  changePoints: number | null;
  changeRate: number | null;
  children: GroupRow[];
}

export function nationalMean(g: Pick<GroupResult, "benchmark" | "max">): number | null {
  const b = g.benchmark;
  if (!b) return null;
  if (b.mean !== undefined) return b.mean;
  if (b.meanRate !== undefined && g.max !== null) return b.meanRate * g.max;
  return null;
}

export function groupRows(groups: readonly GroupResult[], comparison?: Comparison, depth = 0): GroupRow[] {
  const lines = new Map((comparison?.groups ?? []).map((l) => [l.id, l]));
  // 目標Ⅰ exists under 推進 and under 支援: a second-level group names its branch (「推進 目標Ⅰ」).
  const build = (g: GroupResult, d: number, branch?: string): GroupRow => {
    const line = lines.get(g.id);
    return {
      id: g.id,
      code: d === depth + 1 && branch && g.code ? `${branch} ${g.code}` : g.code,
      name: g.name,
      depth: d,
      points: g.points,
      max: g.max,
      ratePercent: g.ratePercent,
      previous: line?.previous ?? null,
      nationalMean: nationalMean(g),
      trend: line ? line.trend : null,
      judgement: line ? line.judgement : null,
      changePoints: line ? line.changePoints : null,
      changeRate: line ? line.changeRate : null,
      children: g.children.map((c) => build(c, d + 1, d === depth ? g.code : branch)),
    };
  };
  return groups.map((g) => build(g, depth));
}

/** Ids of the groups open at first: the top two levels. */
export function initiallyOpen(rows: readonly GroupRow[], levels = 1): string[] {
  const out: string[] = [];
  const walk = (rs: readonly GroupRow[]) => {
    for (const r of rs) {
      if (r.depth < levels && r.children.length) {
        out.push(r.id);
        walk(r.children);
      }
    }
  };
  walk(rows);
  return out;
}

const SEVERITY_ORDER: Record<Issue["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then (when asked) information; otherwise in indicator order. */
export function visibleIssues(issues: readonly Issue[], showInfo: boolean): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .filter(({ issue }) => showInfo || issue.severity !== "info")
    .sort((a, b) => SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity] || a.i - b.i)
    .map(({ issue }) => issue);
}

export function issueCounts(issues: readonly Issue[]): Record<Issue["severity"], number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}

export interface LostRow {
  id: string;
  change: number;
  previousPoints: number;
  currentPoints: number;
  previousAnswer: unknown;
  currentAnswer: unknown;
  answerChanged: boolean;
  cell?: string;
}

/** comparison.lost, largest loss first, with the answer cell as read this year. */
export function lostRows(summary: Pick<RunSummary, "comparison" | "answers">): LostRow[] {
  const lost = summary.comparison?.lost ?? [];
  return [...lost]
    .sort((a, b) => a.change - b.change)
    .map((l) => ({
      id: l.id,
      change: l.change,
      previousPoints: l.previousPoints,
      currentPoints: l.currentPoints,
      previousAnswer: l.previousAnswer,
      currentAnswer: l.currentAnswer,
      answerChanged: l.answerChanged,
      cell: summary.answers[l.id]?.cell ?? l.cell,
    }));
}

/** Distinct cells to mark for the lost rows. */
export function lostCells(rows: readonly LostRow[]): string[] {
  return [...new Set(rows.map((r) => r.cell).filter((c): c is string => !!c))];
}
