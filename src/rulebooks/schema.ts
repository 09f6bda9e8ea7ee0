// The rulebook format (saiten.rulebook/1). Rules are data so that next year's indicators can be
// loaded without a release; this schema is the single definition both the CLI and the add-in trust.
import { z } from "zod";
import { type Message, msg } from "../messages";
import { schemaIssue } from "../messages/zod";

export const RULEBOOK_FORMAT = "saiten.rulebook/1";
/** Rulebook ids live in settings and file names, not in defined names: hyphens are fine. */
export const RULEBOOK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

/** Ids end up inside Excel defined names (form maps), so they follow Excel's name rules. */
export const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.]*$/;
// Excel refuses names that read as cell references (A1, XFD1048576) or as R1C1 references.
const A1_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
const R1C1_LIKE = /^[RrCc]$|^[Rr][0-9]*[Cc][0-9]*$/;

/** Why `id` cannot be used (a message a user can act on), or null when it can. */
export function idProblem(id: string): Message | null {
  if (!ID_PATTERN.test(id)) return msg("table.id-why.ascii");
  if (A1_LIKE.test(id) || R1C1_LIKE.test(id)) return msg("table.id-why.cell-like");
  if (id.length > 200) return msg("table.id-why.too-long");
  return null;
}

// The problem travels as a catalogue message (schemaIssue), so a user reads it in their language.
export const IdSchema = z.string().superRefine((id, ctx) => {
  const why = idProblem(id);
  if (why) ctx.addIssue({ code: "custom", params: schemaIssue(msg("table.bad-id", { id, why })) });
});

/** Text in Japanese with an optional English version; a plain string is Japanese. */
export const TextSchema = z.union([
  z.string().min(1),
  z.object({ ja: z.string().min(1), en: z.string().min(1).optional() }).strict(),
]);
export type Text = z.infer<typeof TextSchema>;

const finite = z.number().finite();
const share = z.number().min(0).max(1);

export const SourceSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    url: z.string().optional(),
    repository: z.string().optional(),
    path: z.string().optional(),
    commit: z.string().optional(),
    confidence: z.enum(["exact", "OCR", "OCR?", "derived", "secondary", "inferred"]).optional(),
    note: z.string().optional(),
  })
  .strict();

/** National figures for one column/option: how many entities scored it. */
export const HitBenchmarkSchema = z
  .object({
    hitCount: z.number().int().min(0).optional(),
    hitRate: share.optional(),
    mean: finite.optional(),
    source: z.string().optional(),
  })
  .strict();

export const GroupBenchmarkSchema = z
  .object({
    mean: finite.optional(),
    median: finite.optional(),
    /** Population standard deviation of the points (from a national tally). */
    sd: finite.min(0).optional(),
    meanRate: share.optional(),
    source: z.string().optional(),
  })
  .strict();

const OptionSchema = z
  .object({
    code: z.string().min(1),
    label: TextSchema.optional(),
    points: finite,
    /** Sub-item id (a column of the national tally); defaults to `<indicator id>.<code>` when code is ASCII. */
    id: IdSchema.optional(),
    aliases: z.array(z.string().min(1)).optional(),
    benchmark: HitBenchmarkSchema.optional(),
  })
  .strict();
export type RuleOption = z.infer<typeof OptionSchema>;

const BandSchema = z
  .object({
    code: z.string().min(1),
    label: TextSchema.optional(),
    /** Share of peers at or above this band (0.3 = top 30%); omitted for steps whose cut is unknown. */
    top: share.optional(),
    points: finite,
    id: IdSchema.optional(),
    aliases: z.array(z.string().min(1)).optional(),
    benchmark: HitBenchmarkSchema.optional(),
  })
  .strict();
export type RuleBand = z.infer<typeof BandSchema>;

const StepSchema = z
  .object({
    /** Threshold on the value; null where the year's figure is not published (answer cannot be judged). */
    value: finite.nullable(),
    points: finite,
    id: IdSchema.optional(),
    label: TextSchema.optional(),
    benchmark: HitBenchmarkSchema.optional(),
  })
  .strict();
export type RuleStep = z.infer<typeof StepSchema>;

const UnitSchema = z.enum(["percent", "number", "count", "yen", "points", "per-mille"]);

const IndicatorBase = {
  id: IdSchema,
  /** Display code as printed in the official table, e.g. 「ア」, 「イ②」, 「共通③」. */
  code: z.string().optional(),
  name: TextSchema,
  /** Other labels or codes existing forms use for this indicator (matched after normalisation). */
  aliases: z.array(z.string().min(1)).optional(),
  /** Scores only when every listed indicator (or sub-item id) scored. */
  requires: z.array(IdSchema).optional(),
  /** Takes its answer from another indicator (e.g. 目標Ⅳ counted in both grants). */
  answerFrom: IdSchema.optional(),
  benchmark: HitBenchmarkSchema.optional(),
  notes: z.array(TextSchema).optional(),
  /** Type code of the reference table (YN, RB, RS, CT, XB, X1 …), kept for traceability. */
  basis: z.string().optional(),
};

const YesNoSchema = z
  .object({
    ...IndicatorBase,
    kind: z.literal("yesno"),
    points: finite,
    /** Points when not met: 0 unless a rule gives minus points (マイナス評価). */
    pointsIfNo: finite.optional(),
  })
  .strict();

const ChoiceSchema = z
  .object({ ...IndicatorBase, kind: z.literal("choice"), options: z.array(OptionSchema).min(1) })
  .strict();

const MultiSchema = z
  .object({
    ...IndicatorBase,
    kind: z.literal("multi"),
    options: z.array(OptionSchema).min(1),
    cap: finite.optional(),
  })
  .strict();

const NumericSchema = z
  .object({
    ...IndicatorBase,
    kind: z.literal("numeric"),
    unit: UnitSchema,
    /** atLeast: value ≥ threshold earns the step; atMost: value ≤ threshold earns it. */
    direction: z.enum(["atLeast", "atMost"]),
    /** Ladder: the best step reached gives its points (steps hold totals, not increments). */
    steps: z.array(StepSchema).optional(),
    /** Different ladders per size class (ids of rulebook.sizeClasses). */
    stepsBySize: z.record(z.string(), z.array(StepSchema)).optional(),
    /** Points when no step is reached (may be negative). */
    pointsOtherwise: finite.optional(),
    range: z.object({ min: finite.optional(), max: finite.optional() }).strict().optional(),
  })
  .strict();

const RankBandSchema = z
  .object({
    ...IndicatorBase,
    kind: z.literal("rankBand"),
    /** Cumulative: reaching a band earns it and every lower band (top 10% ⇒ all four). */
    cumulative: z.boolean().optional(),
    bands: z.array(BandSchema).min(1),
    /** The underlying measure, when the year's cut-offs are known the value decides the band. */
    measure: z
      .object({
        name: TextSchema.optional(),
        unit: UnitSchema,
        direction: z.enum(["higher", "lower"]),
        /** One cut-off per band, same order as bands; null where unknown. */
        cutoffs: z.array(finite.nullable()).optional(),
        cutoffsBySize: z.record(z.string(), z.array(finite.nullable())).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const ImprovementSchema = z
  .object({
    ...IndicatorBase,
    kind: z.literal("improvement"),
    unit: UnitSchema,
    /** increase: current − previous counts as improvement; decrease: previous − current does. */
    direction: z.enum(["increase", "decrease"]),
    /** values: the answer is this year's value and last year's comes from the previous year;
     *  change: the answer is the change itself. */
    input: z.enum(["values", "change"]).optional(),
    /** First matching step wins; bounds apply to the improvement amount. */
    steps: z
      .array(
        z
          .object({
            min: finite.optional(),
            minInclusive: z.boolean().optional(),
            max: finite.optional(),
            maxInclusive: z.boolean().optional(),
            points: finite,
            id: IdSchema.optional(),
            label: TextSchema.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const PointsSchema = z
  .object({
    ...IndicatorBase,
    kind: z.literal("points"),
    /** Published maximum; omitted where unknown (then only the enclosing groups bound it). */
    max: finite.optional(),
    min: finite.optional(),
  })
  .strict();

export const IndicatorSchema = z.discriminatedUnion("kind", [
  YesNoSchema,
  ChoiceSchema,
  MultiSchema,
  NumericSchema,
  RankBandSchema,
  ImprovementSchema,
  PointsSchema,
]);
export type Indicator = z.infer<typeof IndicatorSchema>;
export type IndicatorKind = Indicator["kind"];

export interface Group {
  kind: "group";
  id: string;
  code?: string;
  name: Text;
  max?: number;
  min?: number;
  aggregate?: "sum" | "best";
  benchmark?: z.infer<typeof GroupBenchmarkSchema>;
  notes?: Text[];
  children: Node[];
}
export type Node = Group | Indicator;

export const GroupSchema: z.ZodType<Group> = z.lazy(() =>
  z
    .object({
      kind: z.literal("group"),
      id: IdSchema,
      code: z.string().optional(),
      name: TextSchema,
      /** Published maximum; the sum of the children is clamped to it. */
      max: finite.optional(),
      /** Floor where minus points exist; without it the group is not floored. */
      min: finite.optional(),
      /** sum (default) or best: only the best child counts (exclusive branches). */
      aggregate: z.enum(["sum", "best"]).optional(),
      benchmark: GroupBenchmarkSchema.optional(),
      notes: z.array(TextSchema).optional(),
      children: z.array(z.union([GroupSchema, IndicatorSchema])).min(1),
    })
    .strict(),
) as z.ZodType<Group>;

export const SizeClassesSchema = z
  .object({
    basis: TextSchema,
    /** Set when this year's bands are not published and the bands of that fiscal year are carried
     *  forward: the bands are an assumption, and what shows a band says so. */
    assumedFrom: z.number().int().min(2000).max(2100).optional(),
    classes: z
      .array(
        z
          .object({
            id: IdSchema,
            label: TextSchema,
            /** Inclusive lower bound. */
            min: finite.optional(),
            /** Exclusive upper bound. */
            max: finite.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const RulebookSchema = z
  .object({
    format: z.literal(RULEBOOK_FORMAT),
    id: z.string().regex(RULEBOOK_ID_PATTERN, "use ASCII letters, digits, '.', '_' or '-'"),
    scheme: z.string().min(1),
    entity: z.enum(["municipality", "prefecture", "wide-area-union", "insurer"]),
    fiscalYear: z.number().int().min(2000).max(2100),
    version: z.string().regex(VERSION_PATTERN, "use a version like 1.0.0"),
    title: TextSchema,
    /** item: every indicator scored by rule; group: points entered per group; mixed: some of each. */
    level: z.enum(["item", "group", "mixed"]),
    sources: z.array(SourceSchema).min(1),
    notes: z.array(TextSchema),
    sizeClasses: SizeClassesSchema.optional(),
    /** Number of scored entities nationally (denominator of hit rates). */
    population: z.number().int().positive().optional(),
    /** Decimal places at which rates are shown and judged (default 1). */
    rateDigits: z.number().int().min(0).max(6).optional(),
    previous: z
      .object({
        rulebook: z.string().optional(),
        /** Groups comparable across the revision: current id → previous id. */
        groups: z.array(z.object({ current: IdSchema, previous: IdSchema }).strict()).optional(),
        /** When false, groups with the same id are not assumed comparable. */
        sameIds: z.boolean().optional(),
      })
      .strict()
      .optional(),
    root: GroupSchema,
  })
  .strict();

export type Rulebook = z.infer<typeof RulebookSchema>;
export type SizeClasses = z.infer<typeof SizeClassesSchema>;
