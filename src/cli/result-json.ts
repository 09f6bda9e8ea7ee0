// The documented, stable JSON output of `saiten score --json` (schemas/saiten-result.schema.json).
import type { Comparison } from "../engine/compare";
import type { ScoreResult } from "../engine/types";

export const RESULT_FORMAT = "saiten.result/1";

export interface ResultJson extends ScoreResult {
  format: typeof RESULT_FORMAT;
  input?: { file: string; source: "template" | "names" };
  comparison?: Comparison;
  outputConflicts?: { cell: string; message: string }[];
}

export function resultJson(
  result: ScoreResult,
  extra: {
    input?: ResultJson["input"];
    comparison?: Comparison;
    outputConflicts?: ResultJson["outputConflicts"];
  } = {},
): ResultJson {
  const out: ResultJson = { format: RESULT_FORMAT, ...result };
  if (extra.input) out.input = extra.input;
  if (extra.comparison) out.comparison = extra.comparison;
  if (extra.outputConflicts?.length)
    out.outputConflicts = extra.outputConflicts.map((c) => ({ cell: c.cell, message: c.message }));
  // Dates read from cells serialise as ISO strings; that is what the schema documents.
  return JSON.parse(JSON.stringify(out)) as ResultJson;
}
