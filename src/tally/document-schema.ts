// The documented JSON of `saiten tally import --out` (saiten.tally/1): the TallyDocument as a zod
// schema, from which schemas/saiten-tally.schema.json is generated (npm run schemas), and
// parseTallyDocument() that reads such a file back with a short Japanese message when it is not one.
import { z } from "zod";
import { parseWithSchema } from "../messages/zod";
import { parseJsonText } from "../files/text";
import { msg } from "../messages";
import { TallyError } from "./read";
import { type ColumnStats, TALLY_FORMAT, type TallyDocument } from "./types";

const Int = z.number().int();

const ProblemCode = z.enum([
  "unknown_column",
  "missing_column",
  "duplicate_column",
  "points_mismatch",
  "sum_mismatch",
  "stats_mismatch",
  "missing_header",
  "code_not_text",
  "duplicate_code",
  "item_not_number",
  "item_out_of_range",
  "item_as_text",
]);

const StatKey = z.enum([
  "points",
  "sum",
  "mean",
  "itemMean",
  "meanRate",
  "median",
  "sd",
  "hitCount",
  "hitRate",
]);

const Problem = z.object({
  code: ProblemCode,
  severity: z.enum(["error", "warning"]),
  cell: z.string().optional().describe("qualified cell, e.g. 全国集計（市町村）!AB19"),
  column: z.string().optional().describe("column letter"),
  header: z.string().optional().describe('header text of the column (levels joined with " / ")'),
  id: z.string().optional().describe("rulebook sub-item or group id concerned"),
  expected: z.number().optional(),
  actual: z.number().optional(),
  message: z.string(),
  messageEn: z.string().optional(),
});

const Column = z.object({
  col: Int.describe("1-based column number"),
  letter: z.string(),
  kind: z.enum(["item", "total"]),
  id: z.string().nullable().describe("sub-item id (items) or group id (totals); null when unresolved"),
  header: z.string(),
  points: z.number().nullable().describe("配点 as read"),
});

const ReadStats = z
  .object({
    points: z.number().nullable(),
    sum: z.number().nullable(),
    mean: z.number().nullable(),
    itemMean: z.number().nullable(),
    meanRate: z.number().nullable(),
    median: z.number().nullable(),
    sd: z.number().nullable(),
    hitCount: z.number().nullable(),
    hitRate: z.number().nullable(),
  })
  .describe("statistics as read from the stats rows (null where blank)");

const RecomputedStats = z
  .object({
    n: Int,
    sum: z.number(),
    mean: z.number(),
    meanRate: z.number().nullable().describe("mean ÷ 配点 (null when the 配点 is unknown or 0)"),
    median: z.number(),
    sd: z.number().describe("population standard deviation"),
    sdSample: z.number().describe("sample standard deviation (n − 1)"),
    hitCount: Int,
    hitRate: z.number(),
  })
  .describe("statistics recomputed from the municipality rows that carry a numeric total");

const Benchmark = z.object({
  id: z.string(),
  kind: z.enum(["item", "total"]),
  column: z.string(),
  read: ReadStats,
  recomputed: RecomputedStats,
});

const Municipality = z.object({
  row: Int.describe("sheet row"),
  serial: z.number().nullable(),
  prefCode: z.number().nullable(),
  code: z.string().describe("保険者番号, 6-digit text with its leading zero"),
  name: z.string(),
  pref: z.string(),
  population: z.number().nullable(),
  insured: z.number().nullable(),
  sizeBand: z.string().nullable().describe("規模区分 as printed (FY2025+), else null"),
  sizeClass: z.string().nullable().describe("size class id of the rulebook from 第1号被保険者数"),
  items: z.record(z.string(), z.number()).describe("points per rulebook sub-item"),
  groups: z.record(z.string(), z.number()).describe("points per rulebook group"),
  total: z.number().describe("this year's 総合計"),
  rank: z.number().nullable().describe("this year's rank as printed"),
  previousTotal: z.number().nullable(),
  previousRank: z.number().nullable(),
});

const Rank = z.object({
  code: z.string(),
  total: z.number(),
  rank: Int,
  of: Int,
  sizeClass: z.string().nullable(),
  bandRank: Int.nullable(),
  bandOf: Int.nullable(),
});

const LowScoreLine = z.object({
  line: z.number().describe("(mean rate − 2 × SD of the rate) × 配点 of the total"),
  meanRate: z.number(),
  sdRate: z.number(),
  points: z.number(),
  source: z.enum(["read", "recomputed"]),
  below: z.array(z.object({ code: z.string(), name: z.string(), pref: z.string(), total: z.number() })),
});

export const TallyDocumentSchema = z
  .object({
    format: z.literal(TALLY_FORMAT),
    source: z.string().describe("file name of the tally workbook"),
    counts: z.object({
      municipalities: Int,
      skipped: Int,
      itemColumns: Int,
      totalColumns: Int,
      problems: Int,
    }),
    sheet: z.string(),
    title: z.string(),
    fiscalYear: Int.nullable(),
    rulebookId: z.string(),
    statsRows: z.partialRecord(StatKey, Int).describe("row numbers of the stats rows found by label"),
    dataStartRow: Int,
    columns: z.array(Column),
    municipalities: z.array(Municipality),
    skipped: z
      .array(z.object({ row: Int, code: z.string(), name: z.string() }))
      .describe("rows with no numeric total (広域連合, 一部事務組合)"),
    benchmarks: z.object({
      items: z.record(z.string(), Benchmark),
      groups: z.record(z.string(), Benchmark),
    }),
    ranks: z.array(Rank),
    lowScore: LowScoreLine.nullable(),
    problems: z.array(Problem),
  })
  .describe("Output of `saiten tally import --out` (format saiten.tally/1)");

// Keep the schema and the TypeScript contract in step.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inStep: Same<z.infer<typeof TallyDocumentSchema>, TallyDocument> = true;
// (all-optional objects are mutually assignable whatever their keys, so the stats keys separately)
const statKeysInStep: Same<z.infer<typeof StatKey>, keyof ColumnStats> = true;
void inStep;
void statKeysInStep;

/** A saiten.tally/1 document read back from its JSON text; a message naming the file otherwise. */
export function parseTallyDocument(text: string, fileName: string): TallyDocument {
  const data = parseJsonText(text, fileName);
  const format =
    typeof data === "object" && data !== null && !Array.isArray(data)
      ? (data as { format?: unknown }).format
      : undefined;
  if (format !== TALLY_FORMAT) throw new TallyError(msg("tally.json-format", { file: fileName }));
  return parseWithSchema(TallyDocumentSchema, data, fileName, msg("format.tally")) as TallyDocument;
}
