// Every saiten command as the command line and its help see it: names, descriptions and options, with
// their values checked as they are parsed. What a command does lives in its own module, loaded only
// when that command runs: `saiten score` does not load the review's worker pool and progress bar,
// the national tally's reading or the rulebook commands, nor `saiten --version` any of them.
import type { Command } from "commander";
import { type LimitOptions, TALLY_LIMITS, TEXT_LIMITS, WORKBOOK_LIMITS } from "../files/limits";
import { msg, UserError } from "../messages";
import { defaultJobs, filesPerWorker } from "../review/jobs";
import type { Cli } from "./context";
import { helpOf, limitOptions, nonNegativeInteger, positiveInteger, positiveNumber } from "./options";
import type { ReviewOptions } from "./review";
import type { ScoreOptions } from "./score";

export function defineCommands(program: Command, root: Cli): void {
  defineRulebookCommands(program, root);
  defineScore(program, root);
  defineReview(program, root);
  defineTally(program, root);
}

function defineScore(program: Command, root: Cli): void {
  const help = helpOf(root);
  const cmd = program
    .command("score <file>")
    .description(help("help.score"))
    .option("--rulebook <id|path>", help("help.score.rulebook"))
    .option("--previous <file>", help("help.score.previous"))
    .option("--previous-rulebook <id|path>", help("help.score.previous-rulebook"))
    .option("--previous-tally <tally.xlsx|tally.json>", help("help.score.previous-tally"))
    .option("--insurer <number|name>", help("help.score.insurer"))
    .option("--benchmarks <tally.xlsx|tally.json>", help("help.score.benchmarks"))
    .option("--json", help("help.json"))
    .option("--out <scored.xlsx>", help("help.score.out"))
    .option("--force", help("help.force"))
    .option("--size-class <name|id>", help("help.score.size-class"))
    .option("--size <n>", help("help.score.size"), positiveNumber("--size"))
    .option("--depth <n>", help("help.score.depth"), nonNegativeInteger("--depth"), 3);
  limitOptions(cmd, root, WORKBOOK_LIMITS).action(async (file: string, opts: ScoreOptions) =>
    (await import("./score")).scoreCommand(root, file, opts),
  );
}

export function defineReview(program: Command, root: Cli): void {
  const help = helpOf(root);
  const cmd = program
    .command("review <inputs...>")
    .description(help("help.review"))
    .requiredOption("--rulebook <id|path>", help("help.rulebook"))
    .option("--previous <folder|summary.json>", help("help.review.previous"))
    .option("--previous-tally <tally.xlsx|tally.json>", help("help.review.previous-tally"))
    .option("--benchmarks <tally.xlsx|tally.json>", help("help.review.benchmarks"))
    .option("--out <summary.xlsx>", help("help.review.out"))
    .option("--json <file>", help("help.review.json"))
    .option("--csv <file>", help("help.review.csv"))
    .option("--force", help("help.review.force"))
    .option("--budget <yen>", help("help.review.budget"), positiveNumber("--budget"))
    .option("--insured <csv>", help("help.review.insured"))
    .option("--caps <csv>", help("help.review.caps"))
    .option("--map <formmap.json>", help("help.review.map"))
    .option(
      "--jobs <n>",
      help("help.review.jobs", { per: filesPerWorker(), max: defaultJobs() }),
      positiveInteger("--jobs"),
    )
    .option("--quiet", help("help.review.quiet"));
  limitOptions(cmd, root, WORKBOOK_LIMITS, true).action(async (inputs: string[], opts: ReviewOptions) =>
    (await import("./review")).reviewCommand(root, inputs, opts),
  );
}

function defineTally(program: Command, root: Cli): void {
  const help = helpOf(root);
  const tally = program
    .command("tally")
    .description(help("help.tally"));
  limitOptions(
    tally
      .command("import <tally.xlsx>")
      .description(help("help.tally.import"))
      .option("--year <n>", help("help.tally.year"), (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 2000 || n > 2100)
          throw new UserError(msg("tally.year-option", { value: v }));
        return n;
      })
      .option("--out <benchmarks.json>", help("help.tally.out"))
      .option("--force", help("help.force")),
    root,
    TALLY_LIMITS,
  ).action(async (file: string, opts: LimitOptions & { year?: number; out?: string; force?: boolean }) => {
    await (await import("./tally")).importTally(root, file, opts);
  });
}

function defineRulebookCommands(program: Command, root: Cli): void {
  const help = helpOf(root);
  const rulebookCommands = () => import("./rulebook");
  program
    .command("rulebooks")
    .description(help("help.rulebooks"))
    .option("--json", help("help.json"))
    .action(async (opts: { json?: boolean }) => (await rulebookCommands()).listRulebooks(root, opts));

  program
    .command("template")
    .description(help("help.template"))
    .requiredOption("--rulebook <id|path>", help("help.rulebook"))
    .requiredOption("--out <file.xlsx>", help("help.out-file"))
    .option("--force", help("help.force"))
    .action(async (opts: { rulebook: string; out: string; force?: boolean }) =>
      (await rulebookCommands()).writeTemplate(root, opts),
    );

  const rulebook = program
    .command("rulebook")
    .description(help("help.rulebook-commands"));

  limitOptions(
    rulebook.command("check <file>").description(help("help.rulebook.check")),
    root,
    TEXT_LIMITS,
  ).action(async (file: string, opts: LimitOptions) =>
    (await rulebookCommands()).checkRulebookFile(root, file, opts),
  );

  limitOptions(
    rulebook
      .command("import <table.xlsx>")
      .description(help("help.rulebook.import"))
      .option("--out <file.json>", help("help.rulebook.import.out"))
      .option("--force", help("help.force")),
    root,
    WORKBOOK_LIMITS,
  ).action(async (file: string, opts: LimitOptions & { out?: string; force?: boolean }) =>
    (await rulebookCommands()).importRulebook(root, file, opts),
  );

  rulebook
    .command("export <rulebook>")
    .description(help("help.rulebook.export"))
    .requiredOption("--out <file.xlsx>", help("help.out-file"))
    .option("--force", help("help.force"))
    .action(async (ref: string, opts: { out: string; force?: boolean }) =>
      (await rulebookCommands()).exportRulebook(root, ref, opts),
    );
}
