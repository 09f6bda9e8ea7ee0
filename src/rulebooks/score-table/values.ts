// Rulebook values as the table holds them: bilingual text split over a column and its (英) column,
// and optional fields that a blank cell leaves out.
import { Indicator, RuleOption, Text } from "../schema";

export type ImprovementStep = Extract<Indicator, { kind: "improvement" }>["steps"][number];
export type Benchmark = NonNullable<RuleOption["benchmark"]>;

export function textOf(ja: string | undefined, en: string | undefined): Text | undefined {
  if (ja === undefined) return undefined;
  return en === undefined ? ja : { ja, en };
}
export const jaOf = (t: Text | undefined) => (t === undefined ? null : typeof t === "string" ? t : t.ja);
export const enOf = (t: Text | undefined) =>
  t === undefined || typeof t === "string" ? null : (t.en ?? null);

/** Drops undefined fields in place, so a blank cell leaves no key behind. */
export function compact<T extends object>(o: T): T {
  const rec = o as Record<string, unknown>;
  for (const k of Object.keys(rec)) if (rec[k] === undefined) delete rec[k];
  return o;
}
export const nonEmpty = <T extends object>(o: T): T | undefined =>
  Object.keys(compact(o)).length ? o : undefined;
