// Every saiten command as the command line and its help see it: names, descriptions and options, with
// their values checked as they are parsed. What a command does lives in its own module, loaded only
// when that command runs: `saiten score` does not load the review's worker pool and progress bar,
// the national tally's reading or the rulebook commands, nor `saiten --version` any of them.
import type { Command } from "commander";
import { type LimitOptions, TALLY_LIMITS, TEXT_LIMITS, WORKBOOK_LIMITS } from "../files/limits";
import { msg, UserError } from "../messages";
import { defaultJobs, filesPerWorker } from "../review/jobs";
import type { Cli } from "./context";
import { limitOptions, nonNegativeInteger, positiveInteger, positiveNumber } from "./options";
import type { ReviewOptions } from "./review";
import type { ScoreOptions } from "./score";

export function defineCommands(program: Command, root: Cli): void {
  defineRulebookCommands(program, root);
  defineScore(program, root);
  defineReview(program, root);
  defineTally(program, root);
}

function defineScore(program: Command, root: Cli): void {
  const cmd = program
    .command("score <file>")
    .description("回答ブックを採点する / score an answer workbook")
    .option("--rulebook <id|path>", "ルールブック（省略時はブックに記録されたもの）/ rulebook")
    .option("--previous <file>", "前年度の回答ブック(.xlsx)または採点結果(.json) / last year")
    .option("--previous-rulebook <id|path>", "前年度のルールブック / last year's rulebook")
    .option(
      "--previous-tally <tally.xlsx|tally.json>",
      "前年度の全国集計（厚生労働省の .xlsx か tally import の .json）を前年度として使う / last year's national tally as the previous year",
    )
    .option(
      "--insurer <number|name>",
      "--previous-tally で使う保険者番号（または市町村名）/ the insurer number (or municipality name) to take from --previous-tally",
    )
    .option(
      "--benchmarks <tally.xlsx|tally.json>",
      "全国の該当率・平均をこの全国集計から / national figures from this tally",
    )
    .option("--json", "JSON で出力 / output JSON")
    .option("--out <scored.xlsx>", "得点を書き込んだコピーを保存 / save a scored copy")
    .option("--force", "既存の出力ファイルを置き換える / replace an existing output file")
    .option("--size-class <id>", "規模区分 / size class")
    .option("--size <n>", "被保険者数など規模の数値 / size (e.g. insured persons)", positiveNumber("--size"))
    .option(
      "--depth <n>",
      "表に出す区分の深さ / group levels in the table",
      nonNegativeInteger("--depth"),
      3,
    );
  limitOptions(cmd, WORKBOOK_LIMITS).action(async (file: string, opts: ScoreOptions) =>
    (await import("./score")).scoreCommand(root, file, opts),
  );
}

export function defineReview(program: Command, root: Cli): void {
  const cmd = program
    .command("review <inputs...>")
    .description("回答ブックをまとめて審査・集計する / review many answer workbooks (folder or files)")
    .requiredOption("--rulebook <id|path>", "ルールブック / rulebook")
    .option(
      "--previous <folder|summary.json>",
      "前年度の回答ブックのフォルダ、または saiten review --json の出力 / last year",
    )
    .option(
      "--previous-tally <tally.xlsx|tally.json>",
      "前年度の全国集計（厚生労働省）で前年度と比べる / last year's national tally as the previous year",
    )
    .option(
      "--benchmarks <tally.xlsx|tally.json>",
      "指標別・区分別の全国値をこの全国集計から / national figures from this tally",
    )
    .option("--out <summary.xlsx>", "集計ブックを保存 / write the summary workbook")
    .option("--json <file>", "集計を JSON で保存（- で標準出力）/ summary as JSON (- for stdout)")
    .option("--csv <file>", "集計を CSV（UTF-8 BOM 付き）で保存 / summary as CSV")
    .option("--force", "既存の出力ファイルを置き換える / replace existing output files")
    .option("--budget <yen>", "按分する予算額（円）/ budget to allocate (yen)", positiveNumber("--budget"))
    .option("--insured <csv>", "被保険者数の CSV（code/name,insured）/ insured persons")
    .option(
      "--caps <csv>",
      "配分の上限の CSV（code/name,cap）。超えた分は上限に達していない団体へ / allocation caps",
    )
    .option("--map <formmap.json>", "既存様式の割り当てファイル（saiten.formmap/1）/ form map")
    .option(
      "--jobs <n>",
      `並列数（既定: ${filesPerWorker()} ファイルごとに 1、最大 ${defaultJobs()}）/ worker threads: by default one per ${filesPerWorker()} files, at most ${defaultJobs()}`,
      positiveInteger("--jobs"),
    )
    .option("--quiet", "進捗を表示しない / no progress output");
  limitOptions(cmd, WORKBOOK_LIMITS, true).action(async (inputs: string[], opts: ReviewOptions) =>
    (await import("./review")).reviewCommand(root, inputs, opts),
  );
}

function defineTally(program: Command, root: Cli): void {
  const tally = program
    .command("tally")
    .description("全国集計（市町村）のブックを読む / read MHLW's national tally workbook");
  limitOptions(
    tally
      .command("import <tally.xlsx>")
      .description(
        "全国集計を読み、ベンチマークと各市町村の得点を JSON に / national tally to benchmarks JSON",
      )
      .option("--year <n>", "年度（既定: 表題から）/ fiscal year: by default from the title row", (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 2000 || n > 2100)
          throw new UserError(msg("tally.year-option", { value: v }));
        return n;
      })
      .option("--out <benchmarks.json>", "出力する JSON（saiten.tally/1）/ output JSON")
      .option("--force", "既存のファイルを置き換える / replace an existing file"),
    TALLY_LIMITS,
  ).action(async (file: string, opts: LimitOptions & { year?: number; out?: string; force?: boolean }) => {
    await (await import("./tally")).importTally(root, file, opts);
  });
}

function defineRulebookCommands(program: Command, root: Cli): void {
  const rulebookCommands = () => import("./rulebook");
  program
    .command("rulebooks")
    .description("同梱のルールブック一覧 / list bundled rulebooks")
    .option("--json", "JSON で出力 / output JSON")
    .action(async (opts: { json?: boolean }) => (await rulebookCommands()).listRulebooks(root, opts));

  program
    .command("template")
    .description("標準の回答ブックを作る / create the standard answer workbook")
    .requiredOption("--rulebook <id|path>", "ルールブック / rulebook")
    .requiredOption("--out <file.xlsx>", "出力ファイル / output file")
    .option("--force", "既存のファイルを置き換える / replace an existing file")
    .action(async (opts: { rulebook: string; out: string; force?: boolean }) =>
      (await rulebookCommands()).writeTemplate(root, opts),
    );

  const rulebook = program
    .command("rulebook")
    .description("ルールブックの作成と確認 / author and check rulebooks");

  limitOptions(
    rulebook.command("check <file>").description("ルールブック(.json/.xlsx)を検証する / validate a rulebook"),
    TEXT_LIMITS,
  ).action(async (file: string, opts: LimitOptions) =>
    (await rulebookCommands()).checkRulebookFile(root, file, opts),
  );

  limitOptions(
    rulebook
      .command("import <table.xlsx>")
      .description(
        "配点表(.xlsx)からルールブック(JSON)を作る / build a rulebook from a score table workbook (配点表)",
      )
      .option("--out <file.json>", "出力ファイル（省略時は標準出力）/ output file (default stdout)")
      .option("--force", "既存のファイルを置き換える / replace an existing file"),
    WORKBOOK_LIMITS,
  ).action(async (file: string, opts: LimitOptions & { out?: string; force?: boolean }) =>
    (await rulebookCommands()).importRulebook(root, file, opts),
  );

  rulebook
    .command("export <rulebook>")
    .description(
      "ルールブックを配点表(.xlsx)に書き出す / write a rulebook as a score table workbook (配点表)",
    )
    .requiredOption("--out <file.xlsx>", "出力ファイル / output file")
    .option("--force", "既存のファイルを置き換える / replace an existing file")
    .action(async (ref: string, opts: { out: string; force?: boolean }) =>
      (await rulebookCommands()).exportRulebook(root, ref, opts),
    );
}
