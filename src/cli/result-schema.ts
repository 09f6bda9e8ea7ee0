// The documented JSON outputs, as schemas: `schemas/*.schema.json` are generated from these
// (npm run schemas) and tests validate real CLI output against the generated files.
import { z } from "zod";
import type { GroupResult } from "../engine/types";
import { RulebookSchema } from "../rulebooks/schema";
import { ReviewSummarySchema } from "../app/review/summary-schema";
import { TallyDocumentSchema } from "../tally/document-schema";

const Text = z.object({ ja: z.string(), en: z.string() });
const Trend = z.enum(["↗", "↘", "→", "―"]);
const Judgement = z.enum(["達成", "未達成"]).nullable();
const Benchmark = z.object({
  mean: z.number().optional(),
  median: z.number().optional(),
  meanRate: z.number().optional(),
});

const Group: z.ZodType<GroupResult> = z.lazy(() =>
  z.object({
    id: z.string().describe("group id (usable in Excel defined names)"),
    code: z.string().optional(),
    name: Text,
    points: z.number().describe("points after this group's clamp"),
    sum: z.number().describe("sum (or best) of the children before the clamp"),
    max: z.number().nullable().describe("published maximum (null where unknown)"),
    min: z.number().nullable(),
    rate: z.number().nullable().describe("exact ratio points/max"),
    ratePercent: z
      .number()
      .nullable()
      .describe("rate in percent, rounded half-up at rateDigits: shown and judged"),
    clamped: z.enum(["max", "min"]).optional(),
    benchmark: Benchmark.optional(),
    indicatorIds: z.array(z.string()),
    children: z.array(Group),
  }),
);

const Figure = z.object({
  points: z.number(),
  max: z.number().nullable(),
  ratePercent: z.number().nullable(),
});
const Line = z.object({
  id: z.string(),
  previousId: z.string().optional(),
  name: Text.optional(),
  previous: Figure.nullable(),
  current: Figure.nullable(),
  changePoints: z.number().nullable(),
  changeRate: z.number().nullable().describe("percentage points"),
  basis: z.enum(["points", "rate"]),
  trend: Trend,
  target: z.object({ kind: z.enum(["previous", "rate", "points"]), value: z.number().nullable() }),
  judgement: Judgement,
});

export const ResultSchema = z
  .object({
    format: z.literal("saiten.result/1"),
    rulebook: z.object({
      id: z.string(),
      fiscalYear: z.number().int(),
      version: z.string(),
      scheme: z.string(),
      entity: z.string(),
      level: z.string(),
    }),
    input: z.object({ file: z.string(), source: z.enum(["template", "names"]) }).optional(),
    total: z.object({
      id: z.string(),
      points: z.number(),
      sum: z.number(),
      max: z.number().nullable(),
      rate: z.number().nullable(),
      ratePercent: z.number().nullable(),
      clamped: z.enum(["max", "min"]).optional(),
      benchmark: Benchmark.optional(),
    }),
    rateDigits: z.number().int(),
    groups: z.array(Group).describe("the group tree under the total"),
    indicators: z.array(
      z.object({
        id: z.string(),
        groupId: z.string(),
        kind: z.enum(["yesno", "choice", "multi", "numeric", "rankBand", "improvement", "points"]),
        answer: z.unknown().describe("the cell value as read (dates as ISO strings), null when blank"),
        cell: z.string().optional().describe("where the answer was read, e.g. 回答!E6"),
        status: z.enum(["ok", "missing", "invalid"]),
        value: z
          .union([z.boolean(), z.number(), z.string(), z.array(z.string()), z.null()])
          .describe("normalised answer"),
        points: z.number(),
        max: z.number().nullable(),
        min: z.number(),
        parts: z
          .array(z.object({ id: z.string(), code: z.string(), points: z.number() }))
          .optional()
          .describe("points per sub-item (national tally column)"),
        explanation: Text,
      }),
    ),
    issues: z.array(
      z.object({
        severity: z.enum(["error", "warning", "info"]),
        code: z.string(),
        indicatorId: z.string().optional(),
        cell: z.string().optional(),
        message: Text,
      }),
    ),
    comparison: z
      .object({
        previousRulebook: z.object({ id: z.string(), fiscalYear: z.number() }),
        sameRulebook: z.boolean(),
        total: Line,
        groups: z.array(Line),
        indicators: z.array(
          z.object({
            id: z.string(),
            previousPoints: z.number().nullable(),
            currentPoints: z.number().nullable(),
            change: z.number().nullable(),
            trend: Trend,
          }),
        ),
        lost: z.array(
          z.object({
            id: z.string(),
            previousPoints: z.number(),
            currentPoints: z.number(),
            change: z.number(),
            previousAnswer: z.unknown(),
            currentAnswer: z.unknown(),
            previousValue: z.unknown().optional(),
            currentValue: z.unknown().optional(),
            answerChanged: z.boolean(),
            cell: z.string().optional(),
          }),
        ),
      })
      .optional(),
    outputConflicts: z.array(z.object({ cell: z.string(), message: z.string() })).optional(),
  })
  .describe("Output of `saiten score --json` (format saiten.result/1)");

export function jsonSchemas(): Record<string, unknown> {
  return {
    "saiten-result.schema.json": z.toJSONSchema(ResultSchema, { io: "output", unrepresentable: "any" }),
    "saiten-rulebook.schema.json": z.toJSONSchema(RulebookSchema, { io: "input", unrepresentable: "any" }),
    "saiten-review.schema.json": z.toJSONSchema(ReviewSummarySchema, {
      io: "output",
      unrepresentable: "any",
    }),
    "saiten-tally.schema.json": z.toJSONSchema(TallyDocumentSchema, { io: "output", unrepresentable: "any" }),
  };
}
