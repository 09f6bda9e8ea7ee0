// What a scenario scores: the answers as read, with the scenario's changes set in a ScoreSession, and
// the differences against the scored workbook in points, rate (percentage points) and grant.
import { ratePercent, roundHalfUp } from "../numbers/round";
import { ScoreSession } from "../engine/score";
import type { Rulebook } from "../rulebooks/schema";
import type { RunSummary } from "../app/pane-api";
import { clean } from "./format";
import { estimateGrant, GrantParams } from "./grant";

export function scenarioSession(
  rulebook: Rulebook,
  summary: Pick<RunSummary, "answers" | "context">,
  changes: Readonly<Record<string, string>>,
): ScoreSession {
  const session = new ScoreSession(rulebook, summary.answers, summary.context);
  for (const [id, text] of Object.entries(changes)) {
    if (session.compiled.indicatorIndex.has(id)) session.set(id, text);
  }
  return session;
}

export interface Baseline {
  points: number;
  max: number | null;
  digits: number;
}

export interface Figures {
  points: number;
  max: number | null;
  ratePercent: number | null;
  deltaPoints: number;
  /** Percentage points at display precision (null without a maximum). */
  deltaRate: number | null;
  grant: number | null;
  deltaGrant: number | null;
}

export function rateOf(points: number, max: number | null, digits: number): number | null {
  return max !== null && max > 0 ? ratePercent(points, max, digits) : null;
}

export function figuresOf(points: number, base: Baseline, grant: GrantParams | null): Figures {
  const rate = rateOf(points, base.max, base.digits);
  const baseRate = rateOf(base.points, base.max, base.digits);
  const deltaRate = rate !== null && baseRate !== null ? roundHalfUp(rate - baseRate, base.digits) : null;
  const g = grant ? estimateGrant(points, grant, base.points) : null;
  const g0 = grant ? estimateGrant(base.points, grant, base.points) : null;
  return {
    points,
    max: base.max,
    ratePercent: rate,
    deltaPoints: clean(points - base.points),
    deltaRate,
    grant: g,
    deltaGrant: g !== null && g0 !== null ? g - g0 : null,
  };
}
