// `saiten score <file>`: one answer workbook scored, shown as a table or JSON, optionally saved as a
// scored copy. The input is never written; the copy goes through the command's safe write.
import type { ComparableResult } from "../engine/compare";
import { findSizeClass } from "../engine/score";
import { sizeBandLine } from "../engine/size-band";
import { localText } from "../engine/text";
import type { ScoreContext } from "../engine/types";
import { type LimitOptions, WORKBOOK_LIMITS } from "../files/limits";
import { listOf, msg, UserError } from "../messages";
import type { Cli } from "./context";
import type { WorkbookFacts } from "../app/scoring-run";
import type { Rulebook } from "../rulebooks/schema";
import { openWorkbook, rulebookChoice, workbookToRead } from "./load";
import type { WorkbookPort } from "../workbook/port";
import { limitsFrom } from "./options";
import { checkPrevious, previousResult } from "./previous";
import { renderReport } from "./print";
import { resultJson } from "./result-json";
import { scoreBook } from "./run";
import { conflictReason } from "../workbook/template";

export interface ScoreOptions extends LimitOptions {
  rulebook?: string;
  previous?: string;
  previousRulebook?: string;
  previousTally?: string;
  insurer?: string;
  benchmarks?: string;
  json?: boolean;
  out?: string;
  force?: boolean;
  sizeClass?: string;
  size?: number;
  depth: number;
}

/** The first call's promise for every call: the same answer without doing the work again. */
function once<A, R>(f: (a: A) => Promise<R>): (a: A) => Promise<R> {
  let first: Promise<R> | undefined;
  return (a) => (first ??= f(a));
}

/** A size class typed on the command line is one of the rulebook's: another would score by no band's thresholds. */
function checkSizeClass(rulebook: Rulebook, value: string): void {
  const classes = rulebook.sizeClasses?.classes;
  if (!classes) throw new UserError(msg("score.size-class-none", { id: rulebook.id }));
  if (!findSizeClass(rulebook, value))
    throw new UserError(
      msg("score.size-class-unknown", {
        value,
        id: rulebook.id,
        // By name, as the template's list offers them, the id beside it (either is taken).
        classes: listOf(classes.map((c) => msg("score.size-class-choice", { name: localText(c.label, c.id), id: c.id }))),
      }),
    );
}

/** `saiten score <file>`: the report, --json, or a scored copy (--out). */
export async function scoreCommand(root: Cli, file: string, opts: ScoreOptions): Promise<void> {
  const cli = root.withForce(opts.force);
  const limits = limitsFrom(WORKBOOK_LIMITS, opts);
  if (opts.previousTally && !opts.insurer) throw new UserError(msg("score.tally-needs-insurer"));
  if (opts.previous && opts.previousTally) throw new UserError(msg("cli.previous-either"));
  const context: ScoreContext = {};
  if (opts.sizeClass) context.sizeClass = opts.sizeClass;
  if (opts.size !== undefined) context.size = opts.size;

  // A scored copy needs the whole book (ExcelJS writes it); a score alone reads only what it needs.
  const book = opts.out ? await openWorkbook(cli, file, limits) : undefined;
  const toRead = book ? undefined : await workbookToRead(cli, file, limits);
  // Refused before any work: an output that is an input (links included), or exists without --force.
  for (const other of [opts.previous, opts.previousTally, opts.benchmarks]) if (other) cli.files.remember(other);
  if (opts.out) await cli.files.checkOutput(opts.out);
  // The national tally's reading only for a run that names a tally.
  const tally = opts.previousTally || opts.benchmarks ? await import("./tally") : undefined;
  const loadTally = tally?.tallyLoader(cli);
  const choose = await rulebookChoice(cli, file, opts.rulebook);
  // The rulebook follows from the workbook's first read; national figures and last year follow from it.
  // Each once, though the run may read the book twice (the fast reader, then ExcelJS): they read
  // other files and say what they find.
  const rulebookOf = once(async (facts: WorkbookFacts) => {
    const own = typeof choose === "function" ? await choose(facts) : choose;
    if (opts.sizeClass) checkSizeClass(own, opts.sizeClass);
    return opts.benchmarks ? tally!.rulebookWithTallyBenchmarks(cli, opts.benchmarks, own, loadTally) : own;
  });
  const previousOf = once(async (rulebook: Rulebook): Promise<ComparableResult | undefined> => {
    if (opts.previous) return previousResult(cli, opts.previous, rulebook, opts.previousRulebook, limits);
    if (!opts.previousTally) return undefined;
    const previous = await tally!.previousFromTally(cli, opts.previousTally, opts.insurer!, rulebook, loadTally);
    checkPrevious(cli, rulebook, previous, opts.previousTally);
    return previous;
  });
  const scoreIn = (port: WorkbookPort) =>
    scoreBook(port, file, limits, rulebookOf, context, previousOf, Boolean(book));
  const run = book ? await scoreIn(book) : await toRead!(scoreIn);
  const rulebook = run.rulebook;
  const { result, comparison, conflicts } = run;
  if (book) await cli.files.write(opts.out!, await book.toBuffer());
  if (opts.json) {
    const doc = resultJson(result, { input: { file, source: run.source }, comparison, outputConflicts: conflicts });
    cli.io.out(JSON.stringify(doc, null, 2) + "\n");
    return;
  }
  cli.io.out(renderReport(result, comparison, cli.lang, rulebook, opts.depth) + "\n");
  const band = sizeBandLine(rulebook, run.context);
  if (band) cli.io.out(`${band[cli.lang]}\n`);
  for (const c of conflicts)
    cli.io.out(`  ${cli.text(msg("score.conflict", { cell: c.cell, reason: conflictReason(c.reason) }))}\n`);
  if (opts.out) cli.io.out(`\n${cli.text(msg("score.written", { out: opts.out }))}\n`);
}
