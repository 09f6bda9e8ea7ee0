// `saiten score <file>`: one answer workbook scored, shown as a table or JSON, optionally saved as a
// scored copy. The input is never written; the copy goes through the command's safe write.
import type { Command } from "commander";
import type { ComparableResult } from "../engine/compare";
import { sizeBandLine } from "../engine/size-band";
import type { ScoreContext } from "../engine/types";
import { type LimitOptions, WORKBOOK_LIMITS } from "../files/limits";
import { msg, UserError } from "../messages";
import type { Cli } from "./context";
import type { WorkbookFacts } from "../app/scoring-run";
import type { Rulebook } from "../rulebooks/schema";
import { openWorkbook, rulebookChoice, workbookToRead } from "./load";
import type { WorkbookPort } from "../workbook/port";
import { anyNumber, limitOptions, limitsFrom, nonNegativeInteger } from "./options";
import { checkPrevious, previousResult } from "./previous";
import { renderReport } from "./print";
import { resultJson } from "./result-json";
import { scoreBook } from "./run";
import { previousFromTally, rulebookWithTallyBenchmarks, tallyLoader } from "./tally";
import { conflictReason } from "../workbook/template";

interface ScoreOptions extends LimitOptions {
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

export function registerScore(program: Command, root: Cli): void {
  const cmd = program
    .command("score <file>")
    .description("回答ブックを採点する / score an answer workbook")
    .option("--rulebook <id|path>", "ルールブック（省略時はブックに記録されたもの）/ rulebook")
    .option("--previous <file>", "前年度の回答ブック(.xlsx)または採点結果(.json) / last year")
    .option("--previous-rulebook <id|path>", "前年度のルールブック / last year's rulebook")
    .option(
      "--previous-tally <tally.xlsx|tally.json>",
      "前年度の全国集計（厚生労働省の .xlsx か tally import の .json）を前年度として使う",
    )
    .option("--insurer <保険者番号|名称>", "--previous-tally で使う保険者番号（または市町村名）")
    .option("--benchmarks <tally.xlsx|tally.json>", "全国の該当率・平均をこの全国集計から / national figures from this tally")
    .option("--json", "JSON で出力 / output JSON")
    .option("--out <scored.xlsx>", "得点を書き込んだコピーを保存 / save a scored copy")
    .option("--force", "既存の出力ファイルを置き換える / replace an existing output file")
    .option("--size-class <id>", "規模区分 / size class")
    .option("--size <n>", "被保険者数など規模の数値 / size (e.g. insured persons)", anyNumber("--size"))
    .option("--depth <n>", "表に出す区分の深さ / group levels in the table", nonNegativeInteger("--depth"), 3);
  limitOptions(cmd, WORKBOOK_LIMITS).action(async (file: string, opts: ScoreOptions) => {
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
    const loadTally = tallyLoader(cli);
    const choose = await rulebookChoice(cli, file, opts.rulebook);
    // The rulebook follows from the workbook's first read; national figures and last year follow from it.
    // Each once, though the run may read the book twice (the fast reader, then ExcelJS): they read
    // other files and say what they find.
    const rulebookOf = once(async (facts: WorkbookFacts) => {
      const own = typeof choose === "function" ? await choose(facts) : choose;
      return opts.benchmarks ? rulebookWithTallyBenchmarks(cli, opts.benchmarks, own, loadTally) : own;
    });
    const previousOf = once(async (rulebook: Rulebook): Promise<ComparableResult | undefined> => {
      if (opts.previous) return previousResult(cli, opts.previous, rulebook, opts.previousRulebook, limits);
      if (!opts.previousTally) return undefined;
      const previous = await previousFromTally(cli, opts.previousTally, opts.insurer!, rulebook, loadTally);
      checkPrevious(cli, rulebook, previous, opts.previousTally);
      return previous;
    });
    const scoreIn = (port: WorkbookPort) =>
      scoreBook(port, file, rulebookOf, context, previousOf, Boolean(book));
    const run = book ? await scoreIn(book) : await toRead!(scoreIn);
    const rulebook = run.rulebook;
    const { result, comparison, conflicts } = run;
    if (book) await cli.files.write(opts.out!, await book.toBuffer());
    if (opts.json) {
      const doc = resultJson(result, { input: { file, source: run.source }, comparison, outputConflicts: conflicts });
      cli.io.out(JSON.stringify(doc, null, 2) + "\n");
      return;
    }
    cli.io.out(renderReport(result, comparison, cli.lang, opts.depth) + "\n");
    const band = sizeBandLine(rulebook, run.context);
    if (band) cli.io.out(`${band[cli.lang]}\n`);
    for (const c of conflicts)
      cli.io.out(`  ${cli.text(msg("score.conflict", { cell: c.cell, reason: conflictReason(c.reason) }))}\n`);
    if (opts.out) cli.io.out(`\n${cli.text(msg("score.written", { out: opts.out }))}\n`);
  });
}
