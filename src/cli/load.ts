// Loading what the CLI is pointed at: rulebooks (a bundled id, or a JSON or 配点表 file named on the
// command line) and workbooks. Every file comes in through the command's FileAccess, is checked
// before a parser sees it, and a workbook's own content never names a file to open.
import { type Limits, TEXT_LIMITS, WORKBOOK_LIMITS } from "../files/limits";
import { parseJsonBytes } from "../files/text";
import { listOf, msg, UserError } from "../messages";
import { findBundled } from "../rulebooks/registry";
import type { Rulebook } from "../rulebooks/schema";
// ExcelJS is loaded only for a 配点表, a workbook to be written, or one the fast reader leaves to it,
// not by every command that imports this module.
import type { ExcelJsWorkbook } from "../adapters/exceljs/workbook";
import type { RulebookChoice, WorkbookFacts } from "../app/scoring-run";
import type { Cli } from "./context";
import type { ReadUse } from "../adapters/read-workbook";

/** An input the user must fix: the CLI prints it on one line in the user's language and exits 2. */
export { UserError as UsageError } from "../messages";

/** A workbook to be written (a scored copy): the whole book, loaded with ExcelJS once every part is checked. */
export async function openWorkbook(cli: Cli, file: string, limits: Limits = WORKBOOK_LIMITS): Promise<ExcelJsWorkbook> {
  const input = await cli.files.read(file, limits);
  const { openWholeWorkbook } = await import("../adapters/read-workbook");
  return openWholeWorkbook(input.bytes, file, limits);
}

/** Runs a read-only use over a workbook already checked (see readWorkbook); it may run the use twice. */
export type WorkbookRead = <T>(use: ReadUse<T>) => Promise<T>;

/**
 * A workbook to be read and never written: read and its package checked now (so that a file that is
 * not a usable workbook is said first), parsed when `read` is called — by the fast reader, or by
 * ExcelJS where that reader leaves the book to it. `use` may run twice and must only read.
 */
export async function workbookToRead(
  cli: Cli,
  file: string,
  limits: Limits = WORKBOOK_LIMITS,
): Promise<WorkbookRead> {
  const input = await cli.files.read(file, limits);
  return workbookInBytes(input.bytes, file, limits);
}

/** The same, for bytes already read (a file that may be JSON or a workbook). */
export async function workbookInBytes(
  bytes: Uint8Array,
  file: string,
  limits: Limits,
): Promise<WorkbookRead> {
  const { checkedPackage, readWorkbook } = await import("../adapters/read-workbook");
  const pkg = checkedPackage(bytes, file, limits);
  return (use) => readWorkbook(bytes, file, limits, use, pkg);
}

/** A 配点表 (any spreadsheet-looking file) rather than a rulebook JSON. */
export function isTableFile(file: string, bytes: Uint8Array): boolean {
  if (/\.(xls[xmbt]?|ods)$/i.test(file)) return true;
  return (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
}

/** A 配点表 workbook or a rulebook JSON file, as given on the command line. */
export async function rulebookFromFile(cli: Cli, file: string, limits: Limits = TEXT_LIMITS): Promise<Rulebook> {
  const input = await cli.files.read(file, { ...limits, maxFileBytes: Math.max(limits.maxFileBytes, WORKBOOK_LIMITS.maxFileBytes) });
  if (isTableFile(file, input.bytes)) {
    const [{ tableBookFrom }, { tableToRulebook }] = await Promise.all([
      import("../adapters/exceljs/score-table-xlsx"),
      import("../rulebooks/score-table"),
    ]);
    const book = await tableBookFrom(input.bytes, file, WORKBOOK_LIMITS);
    const res = tableToRulebook(book);
    if (!res.rulebook) {
      const first = res.problems.find((p) => p.severity === "error");
      throw new UserError(
        msg("rulebook.table-invalid", {
          file,
          where: first?.cell ?? first?.sheet ?? "",
          problem: first?.detail ?? "",
          n: res.problems.filter((p) => p.severity === "error").length,
        }),
      );
    }
    return res.rulebook;
  }
  const doc = parseJsonBytes(input.bytes, file);
  // The validator (zod, about 60 ms to load) only for a rulebook given as a file: bundled ones are
  // validated by the build and the tests.
  const { parseRulebook, RulebookError } = await import("../rulebooks/validate");
  try {
    return parseRulebook(doc, file);
  } catch (e) {
    if (e instanceof RulebookError) {
      const first = e.problems.find((p) => p.severity === "error");
      throw new UserError(
        msg("rulebook.invalid", {
          file,
          where: first?.path ?? "",
          problem: first?.detail ?? "",
          n: e.problems.filter((p) => p.severity === "error").length,
        }),
      );
    }
    throw e;
  }
}

/** A rulebook argument: a bundled id, or else a file. */
export async function loadRulebook(cli: Cli, ref: string): Promise<Rulebook> {
  const bundled = findBundled(ref);
  if (bundled) return bundled;
  if (!/[\\/.]/.test(ref)) throw new UserError(msg("rulebook.unknown-id", { id: ref }));
  return rulebookFromFile(cli, ref);
}

/**
 * The rulebook a workbook records, looked up by id among the bundled rulebooks and those the user gave
 * on the command line: the workbook's text is an id, never a path.
 */
export function recordedRulebook(id: string, given: readonly Rulebook[]): Rulebook | undefined {
  return given.find((rb) => rb.id === id) ?? findBundled(id);
}

/**
 * The rulebook to score a workbook with: the argument if given, else the one the workbook records —
 * chosen from what the scoring run's first read sees, so the workbook is read once.
 */
export async function rulebookChoice(
  cli: Cli,
  file: string,
  ref: string | undefined,
  options: { given?: readonly Rulebook[]; fallback?: Rulebook } = {},
): Promise<RulebookChoice> {
  if (ref) return loadRulebook(cli, ref);
  return (facts: WorkbookFacts) => {
    if (facts.rulebookId) {
      const rb = recordedRulebook(facts.rulebookId, options.given ?? []);
      if (rb) return rb;
      throw new UserError(msg("book.rulebook-unknown", { file, id: facts.rulebookId }));
    }
    if (options.fallback) return options.fallback;
    // Say what is wrong with the workbook before asking for a rulebook it could not be scored with anyway.
    if (!facts.template && !facts.mapped)
      throw new UserError(
        msg("cli.in-file", {
          file,
          detail: facts.answerSheet
            ? msg("run.answer-headers")
            : msg("run.no-answers", { sheets: facts.sheets.length ? listOf(facts.sheets) : "―" }),
        }),
      );
    throw new UserError(msg("book.rulebook-missing", { file }));
  };
}
