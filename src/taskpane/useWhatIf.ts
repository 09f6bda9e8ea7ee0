// Everything derived from a run and the scenarios: the scored answers as editor texts, the current
// scenario's session (points per indicator, figures) and every scenario's figures for the table.
import { useMemo } from "react";
import type { ScoreSession } from "../engine/score";
import type { Rulebook } from "../rulebooks/schema";
import type { RunSummary } from "../app/pane-api";
import { GrantForm, grantParams } from "./grant";
import { baseTexts, RulebookIndex } from "../app/rulebook-index";
import { currentScenario, effectiveChanges, Scenario, ScenarioState } from "./scenarios";
import { Baseline, Figures, figuresOf, scenarioSession } from "./whatif";

export interface ScenarioFigures {
  scenario: Scenario;
  changes: Record<string, string>;
  figures: Figures;
}

export interface WhatIfModel {
  base: Record<string, string>;
  basePoints: Record<string, number>;
  baseline: Baseline;
  baseFigures: Figures;
  current: Scenario | null;
  /** The current scenario's changes that differ from the workbook. */
  changes: Record<string, string>;
  session: ScoreSession;
  points: Record<string, number>;
  figures: Figures;
  all: ScenarioFigures[];
}

function pointsOf(session: ScoreSession): Record<string, number> {
  const out: Record<string, number> = {};
  for (const ci of session.compiled.indicators) out[ci.id] = session.pointsOf(ci.id);
  return out;
}

export function useWhatIf(
  rulebook: Rulebook,
  index: RulebookIndex,
  summary: RunSummary,
  state: ScenarioState,
  grantForm: GrantForm,
): WhatIfModel {
  const base = useMemo(() => baseTexts(index, summary.result.indicators), [index, summary]);
  const baseSession = useMemo(() => scenarioSession(rulebook, summary, {}), [rulebook, summary]);
  const basePoints = useMemo(() => pointsOf(baseSession), [baseSession]);
  const baseline = useMemo<Baseline>(
    () => ({ points: baseSession.total, max: summary.result.total.max, digits: summary.result.rateDigits }),
    [baseSession, summary],
  );
  const grant = useMemo(() => grantParams(grantForm), [grantForm]);
  const current = currentScenario(state);
  const changes = useMemo(() => (current ? effectiveChanges(current.changes, base) : {}), [current, base]);
  const session = useMemo(() => scenarioSession(rulebook, summary, changes), [rulebook, summary, changes]);
  const points = useMemo(() => pointsOf(session), [session]);
  const figures = useMemo(() => figuresOf(session.total, baseline, grant), [session, baseline, grant]);
  const baseFigures = useMemo(() => figuresOf(baseline.points, baseline, grant), [baseline, grant]);
  // The current scenario (the one being edited) is scored above already; only the others need a session.
  const all = useMemo(
    () =>
      state.scenarios.map((scenario) => {
        if (scenario === current) return { scenario, changes, figures };
        const ch = effectiveChanges(scenario.changes, base);
        const total = scenarioSession(rulebook, summary, ch).total;
        return { scenario, changes: ch, figures: figuresOf(total, baseline, grant) };
      }),
    [state.scenarios, current, changes, figures, base, rulebook, summary, baseline, grant],
  );
  return { base, basePoints, baseline, baseFigures, current, changes, session, points, figures, all };
}
