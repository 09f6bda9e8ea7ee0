// Last year for `saiten score --previous`: a workbook (scored with the rulebook it records, looked up
// by id, or --previous-rulebook) or the JSON `saiten score --json` wrote, validated against its schema.
// A year of another scheme or entity is refused, never judged.
import { type ComparableResult, previousMismatch, previousYearNote } from "../engine/compare";
import { WORKBOOK_LIMITS, type Limits } from "../files/limits";
import { parseJsonBytes } from "../files/text";
import { msg, UserError } from "../messages";
import { findBundled } from "../rulebooks/registry";
import type { Rulebook } from "../rulebooks/schema";
import { loadRulebook, rulebookChoice, workbookInBytes } from "./load";
import type { Cli } from "./context";
import type { WorkbookPort } from "../workbook/port";
import { RESULT_FORMAT } from "./result-json";
import { scoreBook } from "./run";

const isJsonFile = (file: string, bytes: Uint8Array) => /\.json$/i.test(file) || bytes[0] === 0x7b || bytes[0] === 0xef;

/** The scheme and entity of a previous year's rulebook, from itself or, by id, a bundled rulebook. */
function identityOf(prev: ComparableResult["rulebook"]): { scheme?: string; entity?: string } {
  if (prev.scheme !== undefined || prev.entity !== undefined) return prev;
  const rb = findBundled(prev.id);
  return rb ? { scheme: rb.scheme, entity: rb.entity } : {};
}

/** Refuses a previous year of another scheme or entity; says so when it is not an earlier year. */
export function checkPrevious(cli: Cli, rulebook: Rulebook, previous: ComparableResult, file: string): void {
  const why = previousMismatch(rulebook, identityOf(previous.rulebook));
  const params = { file, id: previous.rulebook.id, year: previous.rulebook.fiscalYear, current: rulebook.fiscalYear };
  if (why === "other-scheme") throw new UserError(msg("previous.other-scheme", params));
  if (why === "other-entity") throw new UserError(msg("previous.other-entity", params));
  const note = previousYearNote(rulebook, previous.rulebook);
  if (note === "same-year") cli.note(msg("previous.same-year", params));
  if (note === "later-year") cli.note(msg("previous.later-year", params));
}

export async function previousResult(
  cli: Cli,
  file: string,
  rulebook: Rulebook,
  previousRulebookRef: string | undefined,
  limits: Limits = WORKBOOK_LIMITS,
): Promise<ComparableResult> {
  const input = await cli.files.read(file, limits);
  let previous: ComparableResult;
  if (isJsonFile(file, input.bytes)) {
    const doc = parseJsonBytes(input.bytes, file);
    const format = (doc as { format?: unknown } | null)?.format;
    if (typeof doc !== "object" || doc === null || format !== RESULT_FORMAT)
      throw new UserError(msg("json.wrong-format", { file, expected: msg("format.result") }));
    // zod and the result schema are loaded only for a result JSON, not by every command.
    const [{ schemaProblem }, { ResultSchema }] = await Promise.all([import("../messages/zod"), import("./result-schema")]);
    const bad = schemaProblem(ResultSchema, doc, file, msg("format.result"));
    if (bad) throw bad;
    previous = doc as ComparableResult;
  } else {
    const read = await workbookInBytes(input.bytes, file, limits);
    const given = previousRulebookRef ? await loadRulebook(cli, previousRulebookRef) : undefined;
    const fallback =
      given ?? (rulebook.previous?.rulebook ? await loadRulebook(cli, rulebook.previous.rulebook) : rulebook);
    const choice = given ?? (await rulebookChoice(cli, file, undefined, { given: [rulebook], fallback }));
    // Read only: the fast reader, or ExcelJS where that reader leaves the book to it.
    const scoreIn = (port: WorkbookPort) => scoreBook(port, file, limits, choice, {}, undefined, false);
    previous = (await read(scoreIn)).result;
  }
  checkPrevious(cli, rulebook, previous, file);
  return previous;
}
