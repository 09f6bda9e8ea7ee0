// The prefecture at a glance, from the batch's summary (the same figures `saiten review --json` gives):
// per indicator, the share of the prefecture's municipalities that met it against the national share;
// each municipality's rank in the prefecture (and nationally where a national tally gives one); the
// prefecture's mean rate against last year's, judged 達成/未達成 against 前年度以上; and the national
// "mean rate − 2 SD" line, below which a municipality costs the prefecture's own grant points. Pure.
import { judgeRates } from "../../engine/compare";
import { roundHalfUp } from "../../numbers/round";
import type { Rulebook } from "../../rulebooks/schema";
import { matchIdentity } from "../../workbook/entities";
import type { ReviewSummary } from "./types";

/** The national "mean rate − 2 SD" line of the total, in points and as a rate (percent). */
export interface NationalLine {
  points: number;
  ratePercent: number;
  source?: string;
}

/**
 * The line from the rulebook's national figures for the total (its own, or a loaded tally's): the
 * mean rate and the standard deviation of the points. Null where either is unknown: nothing invented.
 */
export function nationalLowLine(rulebook: Rulebook): NationalLine | null {
  const b = rulebook.root.benchmark;
  const max = rulebook.root.max;
  if (!b || b.sd === undefined || !max) return null;
  const meanRate = b.meanRate ?? (b.mean !== undefined ? b.mean / max : undefined);
  if (meanRate === undefined) return null;
  const rate = meanRate - (2 * b.sd) / max;
  const line: NationalLine = { points: rate * max, ratePercent: rate * 100 };
  if (b.source) line.source = b.source;
  return line;
}

/** A municipality's national rank as a national tally gives it. */
export interface NationalRank {
  rank: number;
  of: number;
}

/** A row of a national tally with its rank, found by the one matching rule (code, else a unique name). */
export interface RankedEntity extends NationalRank {
  code: string;
  name: string;
}

export interface GlanceRow {
  file: string;
  name: string;
  code?: string;
  points: number;
  ratePercent: number | null;
  rank: number;
  of: number;
  nationalRank?: NationalRank;
  /** Below the national "mean rate − 2 SD" line. */
  belowLine: boolean;
}

export interface PrefectureGlance {
  indicators: {
    id: string;
    name: string;
    achieved: number;
    rate: number;
    nationalRate?: number;
    /** rate − nationalRate, in points of percent (one decimal). */
    difference?: number;
  }[];
  rows: GlanceRow[];
  mean: {
    ratePercent: number | null;
    previousRatePercent: number | null;
    change: number | null;
    judgement: "達成" | "未達成" | null;
    /** Municipalities with a rate this year / with last year's rate. */
    n: number;
    nPrevious: number;
  };
  line: NationalLine | null;
  below: number;
}

function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

export function prefectureGlance(
  summary: Pick<ReviewSummary, "rulebook" | "rows" | "indicators">,
  rulebook: Rulebook,
  national: readonly RankedEntity[] = [],
): PrefectureGlance {
  const digits = summary.rulebook.rateDigits ?? 1;
  const line = nationalLowLine(rulebook);
  const rows: GlanceRow[] = summary.rows.map((r) => {
    const row: GlanceRow = {
      file: r.file,
      name: r.name,
      points: r.total,
      ratePercent: r.ratePercent,
      rank: r.rank,
      of: summary.rows.length,
      belowLine: line !== null && r.total < line.points,
    };
    if (r.code !== undefined) row.code = r.code;
    const found = national.length ? matchIdentity(national, { code: r.code, name: r.name }) : undefined;
    if (found?.kind === "found") row.nationalRank = { rank: found.entity.rank, of: found.entity.of };
    return row;
  });
  const current = summary.rows.map((r) => r.ratePercent).filter((x): x is number => x !== null);
  const previous = summary.rows.map((r) => r.previousRatePercent).filter((x): x is number => x !== null);
  const cur = mean(current);
  const prev = mean(previous);
  const curShown = cur === null ? null : roundHalfUp(cur, digits);
  const prevShown = prev === null ? null : roundHalfUp(prev, digits);
  // Judged as each municipality's rate is: at the shown digits, 前年度以上 is 達成.
  const { judgement } = judgeRates(prevShown, curShown);
  return {
    indicators: summary.indicators.map((i) => {
      const line: PrefectureGlance["indicators"][number] = { id: i.id, name: i.name, achieved: i.achieved, rate: i.rate };
      if (i.nationalRate !== undefined) {
        line.nationalRate = i.nationalRate;
        line.difference = roundHalfUp((i.rate - i.nationalRate) * 100, 1);
      }
      return line;
    }),
    rows,
    mean: {
      ratePercent: curShown,
      previousRatePercent: prevShown,
      change: curShown !== null && prevShown !== null ? roundHalfUp(curShown - prevShown, digits) : null,
      judgement,
      n: current.length,
      nPrevious: previous.length,
    },
    line,
    below: rows.filter((r) => r.belowLine).length,
  };
}
