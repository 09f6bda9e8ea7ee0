// The documented JSON of `saiten review --json` (saiten.review/1): the ReviewSummary as a zod schema,
// from which schemas/saiten-review.schema.json is generated and against which tests check real output.
import { z } from "zod";
import type { ReviewSummary } from "./types";

const Text = z.object({ ja: z.string(), en: z.string() });
const Trend = z.enum(["↗", "↘", "→", "―"]);
const IssueCode = z.enum([
  "missing",
  "invalid",
  "excel_error",
  "date_not_number",
  "out_of_range",
  "threshold_unknown",
  "size_class_missing",
  "previous_missing",
  "prerequisite_unmet",
  "output_conflict",
  "mismatch",
]);

const Row = z.object({
  file: z.string(),
  name: z.string().describe("市町村名 (or the file name when the workbook does not say)"),
  code: z.string().optional().describe("市町村コード as text, leading zeros kept"),
  insured: z.number().optional().describe("insured persons (--insured wins over the workbook)"),
  sizeClass: z.string().optional().describe("size band (rulebook.sizeClasses id)"),
  sizeClassName: z.string().optional().describe("the size band's name, as 一覧 and the CSV show it (規模区分)"),
  total: z.number(),
  max: z.number().nullable(),
  ratePercent: z.number().nullable().describe("rate in percent at rateDigits (rounded half-up)"),
  groupRates: z
    .record(z.string(), z.number().nullable())
    .describe("rate in percent per top/second-level group"),
  rank: z.number().int().describe("standard competition rank by points (572, 572 → 7, 7, 9)"),
  bandRank: z.number().int().optional().describe("rank within the size band"),
  previousRatePercent: z.number().nullable(),
  changeRate: z.number().nullable().describe("percentage points"),
  trend: Trend,
  judgement: z.enum(["達成", "未達成"]).nullable().describe("against 前年度以上"),
  issues: z.number().int(),
  mismatches: z.number().int(),
  previousSource: z.enum(["history", "column", "file", "previous-set"]).optional(),
  share: z.number().optional().describe("share of the budget before caps (0–1)"),
  estimate: z.number().optional().describe("estimated grant in yen"),
  capped: z.boolean().optional(),
});

const Issue = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: IssueCode,
  indicatorId: z.string().optional(),
  cell: z.string().optional(),
  message: Text,
  file: z.string(),
});

const Mismatch = z.object({
  cell: z.string().describe("qualified cell, e.g. 回答!G12"),
  target: z.string().describe('indicator or group id, or "total"'),
  reported: z.unknown(),
  computed: z.number(),
  message: Text,
  file: z.string(),
});

export const ReviewSummarySchema = z.object({
  format: z.literal("saiten.review/1"),
  rulebook: z.object({
    id: z.string(),
    fiscalYear: z.number().int(),
    version: z.string(),
    rateDigits: z.number().int().optional(),
  }),
  generatedAt: z.string().describe("ISO 8601"),
  files: z.object({ total: z.number().int(), scored: z.number().int(), failed: z.number().int() }),
  rows: z.array(Row),
  failures: z.array(
    z.object({
      file: z.string(),
      reasonCode: z.string(),
      reason: Text,
      name: z.string().optional(),
      code: z.string().optional(),
    }),
  ),
  duplicates: z.array(z.object({ key: z.string(), files: z.array(z.string()) })),
  issues: z.array(Issue),
  mismatches: z.array(Mismatch),
  indicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      max: z.number().nullable(),
      achieved: z.number().int(),
      rate: z.number().describe("share of scored files with points > 0 (該当率, 0–1)"),
      nationalRate: z.number().optional(),
    }),
  ),
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      depth: z.number().int(),
      max: z.number().nullable(),
      mean: z.number(),
      median: z.number(),
      nationalMean: z.number().optional(),
      nationalMedian: z.number().optional(),
    }),
  ),
  sizeBandsAssumedFrom: z
    .number()
    .int()
    .optional()
    .describe("the size classes are another fiscal year's bands carried forward (this year's are not published)"),
  nationalSource: z
    .string()
    .optional()
    .describe("where the national figures (nationalRate, nationalMean, nationalMedian) come from"),
  allocation: z
    .object({
      budget: z.number(),
      totalPaid: z.number(),
      unallocated: z.number(),
      withoutInsured: z.array(z.string()),
    })
    .optional(),
});

// Keep the schema and the TypeScript contract in step.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inStep: Same<z.infer<typeof ReviewSummarySchema>, ReviewSummary> = true;
void inStep;
