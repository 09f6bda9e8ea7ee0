// Named what-if scenarios: each holds the answers it changes (indicator id → cell text). Pure state;
// nothing here touches the workbook.

export interface Scenario {
  id: string;
  name: string;
  changes: Record<string, string>;
}

export interface ScenarioState {
  scenarios: Scenario[];
  currentId: string | null;
  /** Next number for ids and default names. */
  seq: number;
}

export const INITIAL_SCENARIOS: ScenarioState = { scenarios: [], currentId: null, seq: 1 };

export type ScenarioAction =
  /** name: a function of the sequence number, so the default name follows the language. */
  | { type: "add"; name: (n: number) => string; copyCurrent?: boolean }
  | { type: "rename"; id: string; name: string }
  | { type: "remove"; id: string }
  | { type: "select"; id: string }
  /** Change one answer in the current scenario (created when there is none); the base text drops it. */
  | { type: "set"; indicatorId: string; text: string | null; baseText: string; name: (n: number) => string }
  | { type: "clearChanges"; id: string }
  | { type: "reset" };

function withChange(changes: Record<string, string>, id: string, text: string | null, base: string) {
  const next = { ...changes };
  if (text === null || text === base) delete next[id];
  else next[id] = text;
  return next;
}

export function scenarioReducer(state: ScenarioState, action: ScenarioAction): ScenarioState {
  switch (action.type) {
    case "add": {
      const current = state.scenarios.find((s) => s.id === state.currentId);
      const s: Scenario = {
        id: `s${state.seq}`,
        name: action.name(state.seq),
        changes: action.copyCurrent && current ? { ...current.changes } : {},
      };
      return { scenarios: [...state.scenarios, s], currentId: s.id, seq: state.seq + 1 };
    }
    case "rename":
      return {
        ...state,
        scenarios: state.scenarios.map((s) => (s.id === action.id ? { ...s, name: action.name } : s)),
      };
    case "remove": {
      const idx = state.scenarios.findIndex((s) => s.id === action.id);
      if (idx < 0) return state;
      const scenarios = state.scenarios.filter((s) => s.id !== action.id);
      let currentId = state.currentId;
      if (currentId === action.id) currentId = (scenarios[idx] ?? scenarios[idx - 1])?.id ?? null;
      return { ...state, scenarios, currentId };
    }
    case "select":
      return state.scenarios.some((s) => s.id === action.id) ? { ...state, currentId: action.id } : state;
    case "set": {
      let st = state;
      if (!st.scenarios.some((s) => s.id === st.currentId)) {
        if (action.text === null || action.text === action.baseText) return state;
        st = scenarioReducer(st, { type: "add", name: action.name });
      }
      return {
        ...st,
        scenarios: st.scenarios.map((s) =>
          s.id === st.currentId
            ? { ...s, changes: withChange(s.changes, action.indicatorId, action.text, action.baseText) }
            : s,
        ),
      };
    }
    case "clearChanges":
      return {
        ...state,
        scenarios: state.scenarios.map((s) => (s.id === action.id ? { ...s, changes: {} } : s)),
      };
    case "reset":
      return INITIAL_SCENARIOS;
  }
}

export function currentScenario(state: ScenarioState): Scenario | null {
  return state.scenarios.find((s) => s.id === state.currentId) ?? null;
}

/** Changes of editable indicators that still differ from the scored answers (after a re-score some
 *  may have become the base; after a rulebook change some may name no indicator). */
export function effectiveChanges(
  changes: Readonly<Record<string, string>>,
  base: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, text] of Object.entries(changes)) {
    if (Object.prototype.hasOwnProperty.call(base, id) && base[id] !== text) out[id] = text;
  }
  return out;
}
