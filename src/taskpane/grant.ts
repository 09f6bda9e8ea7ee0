// The grant a total would bring: points × insured persons × yen per (point × insured person), or the
// pool's budget shared in proportion to points × insured persons (as the engine's allocate() does).
import { parseNumber } from "../engine/normalise";

export type GrantMode = "perPoint" | "pool";

/** The grant inputs as typed (full-width digits, commas and 円 are fine). */
export interface GrantForm {
  insured: string;
  mode: GrantMode;
  /** Yen per point per insured person. */
  yenPerPoint: string;
  /** The pool's budget, yen. */
  budget: string;
  /** National Σ (points × insured persons), including this entity at its current points. */
  nationalWeight: string;
}

export const EMPTY_GRANT: GrantForm = {
  insured: "",
  mode: "perPoint",
  yenPerPoint: "",
  budget: "",
  nationalWeight: "",
};

export type GrantParams =
  | { mode: "perPoint"; insured: number; yenPerPoint: number }
  | { mode: "pool"; insured: number; budget: number; nationalWeight: number };

/** A non-negative number from what the user typed, or null (blank or unreadable). */
export function parseAmount(text: string): number | null {
  const n = parseNumber(text);
  return n.s === "ok" && Number.isFinite(n.v) && n.v >= 0 ? n.v : null;
}

/** Which fields are unreadable (non-blank but not a non-negative number). */
export function invalidFields(form: GrantForm): (keyof GrantForm)[] {
  const keys: (keyof GrantForm)[] =
    form.mode === "perPoint" ? ["insured", "yenPerPoint"] : ["insured", "budget", "nationalWeight"];
  return keys.filter((k) => form[k].trim() !== "" && parseAmount(form[k]) === null);
}

/** Complete parameters, or null while something is missing. */
export function grantParams(form: GrantForm): GrantParams | null {
  const insured = parseAmount(form.insured);
  if (insured === null) return null;
  if (form.mode === "perPoint") {
    const yenPerPoint = parseAmount(form.yenPerPoint);
    return yenPerPoint === null ? null : { mode: "perPoint", insured, yenPerPoint };
  }
  const budget = parseAmount(form.budget);
  const nationalWeight = parseAmount(form.nationalWeight);
  if (budget === null || nationalWeight === null || nationalWeight <= 0) return null;
  return { mode: "pool", insured, budget, nationalWeight };
}

/**
 * Estimated grant at `points`. In pool mode the national Σ holds this entity at `basePoints` (the
 * scored total), so a what-if total also moves Σ by (points − basePoints) × insured.
 */
export function estimateGrant(points: number, params: GrantParams, basePoints = points): number {
  const weight = Math.max(0, points) * params.insured;
  if (params.mode === "perPoint") return weight * params.yenPerPoint;
  const others = params.nationalWeight - Math.max(0, basePoints) * params.insured;
  const total = Math.max(0, others) + weight;
  return total > 0 ? (params.budget * weight) / total : 0;
}
