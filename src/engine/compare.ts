// compare(): this year against the previous one, the way prefectures judge it (事業改善シート):
// trend ↗ ↘ → ―, 達成/未達成 against 「前年度以上」 or an explicit target, and the indicators that lost points.
import { dropFloatNoise, ratePercent, roundHalfUp } from "../numbers/round";
import type { AnswerValue, LocalText } from "./types";

export type Trend = "↗" | "↘" | "→" | "―";
export type Judgement = "達成" | "未達成";

/** What compare needs of a result: a ScoreResult, or the JSON the CLI wrote last year. */
export interface ComparableGroup {
  id: string;
  name?: LocalText | string;
  points: number;
  max: number | null;
  children?: ComparableGroup[];
}
export interface ComparableResult {
  /** scheme and entity where known: a year of another grant or entity is never compared. */
  rulebook: { id: string; fiscalYear: number; scheme?: string; entity?: string };
  total: { points: number; max: number | null };
  groups: ComparableGroup[];
  indicators: { id: string; points: number; answer?: unknown; value?: AnswerValue; cell?: string }[];
}

/** Why a previous year cannot be compared with this one at all, or null when it can. */
export function previousMismatch(
  current: { scheme: string; entity: string },
  previous: { scheme?: string; entity?: string },
): "other-scheme" | "other-entity" | null {
  if (previous.scheme !== undefined && previous.scheme !== current.scheme) return "other-scheme";
  if (previous.entity !== undefined && previous.entity !== current.entity) return "other-entity";
  return null;
}

/** A previous year that is not earlier than this one: compared, but the user is told. */
export function previousYearNote(
  current: { fiscalYear: number },
  previous: { fiscalYear: number },
): "same-year" | "later-year" | null {
  if (previous.fiscalYear === current.fiscalYear) return "same-year";
  if (previous.fiscalYear > current.fiscalYear) return "later-year";
  return null;
}

export interface Target {
  /** Rate in percent (e.g. 61.7 for 「61.7%以上」), judged at the display precision. */
  ratePercent?: number;
  points?: number;
}

export interface CompareOptions {
  target?: { total?: Target; groups?: Record<string, Target> };
  rateDigits?: number;
  /** Groups comparable across an indicator revision: current id → previous id. */
  comparableGroups?: { current: string; previous: string }[];
  /** Whether groups with the same id compare (default: true). */
  sameIds?: boolean;
}

export interface Figure {
  points: number;
  max: number | null;
  ratePercent: number | null;
}

export interface ComparisonLine {
  id: string;
  previousId?: string;
  name?: LocalText;
  previous: Figure | null;
  current: Figure | null;
  /** Change in points (null when the maxima differ, as across a revision). */
  changePoints: number | null;
  /** Change in rate, percentage points at display precision. */
  changeRate: number | null;
  /** points: same maximum, judged on points; rate: judged on the rate shown. */
  basis: "points" | "rate";
  trend: Trend;
  target: { kind: "previous" | "rate" | "points"; value: number | null };
  judgement: Judgement | null;
}

export interface LostIndicator {
  id: string;
  previousPoints: number;
  currentPoints: number;
  change: number;
  previousAnswer: unknown;
  currentAnswer: unknown;
  previousValue: AnswerValue | undefined;
  currentValue: AnswerValue | undefined;
  answerChanged: boolean;
  cell?: string;
}

export interface IndicatorChange {
  id: string;
  previousPoints: number | null;
  currentPoints: number | null;
  change: number | null;
  trend: Trend;
}

export interface Comparison {
  previousRulebook: { id: string; fiscalYear: number };
  sameRulebook: boolean;
  total: ComparisonLine;
  groups: ComparisonLine[];
  indicators: IndicatorChange[];
  /** Indicators that lost points, largest loss first. */
  lost: LostIndicator[];
}

function nameOf(n: LocalText | string | undefined): LocalText | undefined {
  if (n === undefined) return undefined;
  return typeof n === "string" ? { ja: n, en: n } : n;
}

function figure(points: number, max: number | null, digits: number): Figure {
  return { points, max, ratePercent: max !== null && max > 0 ? ratePercent(points, max, digits) : null };
}

export function trendOf(previous: number | null | undefined, current: number | null | undefined): Trend {
  if (previous === null || previous === undefined || current === null || current === undefined) return "―";
  if (current > previous) return "↗";
  if (current < previous) return "↘";
  return "→";
}

/** One figure judged: the rule of the prefecture sheets (trend, and 達成 when the target is reached). */
export function judgeRates(
  previousRatePercent: number | null,
  currentRatePercent: number | null,
  targetRatePercent?: number,
): { trend: Trend; judgement: Judgement | null } {
  const trend = trendOf(previousRatePercent, currentRatePercent);
  const goal = targetRatePercent ?? previousRatePercent;
  if (currentRatePercent === null || goal === null || goal === undefined) return { trend, judgement: null };
  return { trend, judgement: currentRatePercent >= goal ? "達成" : "未達成" };
}

function line(
  id: string,
  previousId: string | undefined,
  name: LocalText | undefined,
  prev: Figure | null,
  cur: Figure | null,
  target: Target | undefined,
  digits: number,
): ComparisonLine {
  const samePoints = !!prev && !!cur && prev.max !== null && prev.max === cur.max;
  const basis = samePoints ? "points" : "rate";
  const changePoints = samePoints ? dropFloatNoise(cur!.points - prev!.points) : null;
  const changeRate =
    prev?.ratePercent != null && cur?.ratePercent != null
      ? round(cur.ratePercent - prev.ratePercent, digits)
      : null;
  const trend = samePoints
    ? trendOf(prev!.points, cur!.points)
    : trendOf(prev?.ratePercent, cur?.ratePercent);
  let judgement: Judgement | null = null;
  let tgt: ComparisonLine["target"];
  if (target?.points !== undefined) {
    tgt = { kind: "points", value: target.points };
    if (cur) judgement = cur.points >= target.points ? "達成" : "未達成";
  } else if (target?.ratePercent !== undefined) {
    tgt = { kind: "rate", value: target.ratePercent };
    if (cur?.ratePercent != null) judgement = cur.ratePercent >= target.ratePercent ? "達成" : "未達成";
  } else {
    tgt = { kind: "previous", value: samePoints ? prev!.points : (prev?.ratePercent ?? null) };
    if (prev && cur) {
      if (samePoints) judgement = cur.points >= prev.points ? "達成" : "未達成";
      else if (prev.ratePercent !== null && cur.ratePercent !== null) {
        judgement = cur.ratePercent >= prev.ratePercent ? "達成" : "未達成";
      }
    }
  }
  const out: ComparisonLine = {
    id,
    name,
    previous: prev,
    current: cur,
    changePoints,
    changeRate,
    basis,
    trend,
    target: tgt,
    judgement,
  };
  if (previousId !== undefined && previousId !== id) out.previousId = previousId;
  return out;
}

const round = roundHalfUp;

function flatten(
  groups: ComparableGroup[],
  out = new Map<string, ComparableGroup>(),
): Map<string, ComparableGroup> {
  for (const g of groups) {
    out.set(g.id, g);
    if (g.children) flatten(g.children, out);
  }
  return out;
}

function sameAnswer(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function compare(
  current: ComparableResult,
  previous: ComparableResult,
  options: CompareOptions = {},
): Comparison {
  const digits = options.rateDigits ?? 1;
  const sameRulebook = current.rulebook.id === previous.rulebook.id;
  const total = line(
    "total",
    undefined,
    undefined,
    figure(previous.total.points, previous.total.max, digits),
    figure(current.total.points, current.total.max, digits),
    options.target?.total,
    digits,
  );

  const prevGroups = flatten(previous.groups);
  const curGroups = flatten(current.groups);
  const pairs = new Map<string, string>();
  if (options.sameIds !== false) for (const id of curGroups.keys()) if (prevGroups.has(id)) pairs.set(id, id);
  for (const m of options.comparableGroups ?? [])
    if (curGroups.has(m.current) && prevGroups.has(m.previous)) pairs.set(m.current, m.previous);
  const groups: ComparisonLine[] = [];
  for (const [id, g] of curGroups) {
    const pid = pairs.get(id);
    if (pid === undefined) continue;
    const p = prevGroups.get(pid)!;
    groups.push(
      line(
        id,
        pid,
        nameOf(g.name),
        figure(p.points, p.max, digits),
        figure(g.points, g.max, digits),
        options.target?.groups?.[id],
        digits,
      ),
    );
  }

  const prevInd = new Map(previous.indicators.map((i) => [i.id, i]));
  const indicators: IndicatorChange[] = [];
  const lost: LostIndicator[] = [];
  const order = new Map<string, number>();
  current.indicators.forEach((cur, n) => {
    order.set(cur.id, n);
    const p = prevInd.get(cur.id);
    if (!p) {
      indicators.push({
        id: cur.id,
        previousPoints: null,
        currentPoints: cur.points,
        change: null,
        trend: "―",
      });
      return;
    }
    const change = dropFloatNoise(cur.points - p.points);
    indicators.push({
      id: cur.id,
      previousPoints: p.points,
      currentPoints: cur.points,
      change,
      trend: trendOf(p.points, cur.points),
    });
    if (change < 0) {
      const item: LostIndicator = {
        id: cur.id,
        previousPoints: p.points,
        currentPoints: cur.points,
        change,
        previousAnswer: p.answer ?? null,
        currentAnswer: cur.answer ?? null,
        previousValue: p.value,
        currentValue: cur.value,
        answerChanged: !sameAnswer(p.value ?? p.answer, cur.value ?? cur.answer),
      };
      if (cur.cell) item.cell = cur.cell;
      lost.push(item);
    }
  });
  lost.sort((a, b) => a.change - b.change || order.get(a.id)! - order.get(b.id)!);
  return { previousRulebook: previous.rulebook, sameRulebook, total, groups, indicators, lost };
}
