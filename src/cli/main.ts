// `saiten`: the scoring engine on the command line. Exit 0 when scored (issues are in the output),
// 2 for unusable input or arguments with a one-line reason on stderr.
import { Command, CommanderError } from "commander";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { resolve } from "path";
import type { ComparableResult } from "../engine/compare";
import { sizeBandLine } from "../engine/size-band";
import { jaText } from "../engine/text";
import type { ScoreContext } from "../engine/types";
import { bundledRulebooks } from "../rulebooks/registry";
import { rulebookToTable, tableToRulebook } from "../rulebooks/score-table";
import type { Rulebook } from "../rulebooks/schema";
import { checkRulebook } from "../rulebooks/validate";
import type { ExcelJsWorkbook } from "../workbook/exceljs-adapter";
import { WorkbookError } from "../workbook/port";
import { readTableBook, writeTableBook } from "../workbook/score-table-xlsx";
import { runScoring } from "../workbook/scoring-run";
import { ANSWER_SHEET } from "../workbook/template";
import { createTemplateWorkbook } from "../workbook/template-xlsx";
import { loadRulebook, openWorkbook, recordedRulebookId, UsageError } from "./load";
import { renderReport } from "./print";
import { ExitStatus, registerReview } from "./review";
import { previousFromTally, registerTally, rulebookWithTallyBenchmarks, tallyLoader } from "./tally";
import { resultJson, RESULT_FORMAT } from "./result-json";

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

async function rulebookFor(
  book: ExcelJsWorkbook,
  file: string,
  ref: string | undefined,
  fallback?: string,
): Promise<Rulebook> {
  const id = ref ?? (await recordedRulebookId(book)) ?? fallback;
  if (!id)
    throw new UsageError(`${file} のルールブックが分かりません。--rulebook <id|path> で指定してください。`);
  return loadRulebook(id);
}

async function previousResult(
  ref: string,
  rulebook: Rulebook,
  previousRulebookRef: string | undefined,
): Promise<ComparableResult> {
  const path = resolve(ref);
  if (!existsSync(path)) throw new UsageError(`前年度のファイル ${ref} がありません。`);
  if (/\.json$/i.test(path)) {
    let doc: { format?: string } & Partial<ComparableResult>;
    try {
      doc = JSON.parse(readFileSync(path, "utf8"));
    } catch (e) {
      throw new UsageError(`${ref} は JSON として読めません: ${(e as Error).message}`);
    }
    if (doc.format !== RESULT_FORMAT || !doc.total || !doc.groups || !doc.indicators || !doc.rulebook) {
      throw new UsageError(`${ref} は saiten score --json の出力（${RESULT_FORMAT}）ではありません。`);
    }
    return doc as ComparableResult;
  }
  const book = await openWorkbook(ref);
  const prevRulebook = await rulebookFor(
    book,
    ref,
    previousRulebookRef,
    rulebook.previous?.rulebook ?? rulebook.id,
  );
  return (await scoreBook(book, prevRulebook, {}, undefined, false)).result;
}

async function scoreBook(
  book: ExcelJsWorkbook,
  rulebook: Rulebook,
  context: ScoreContext,
  previous: ComparableResult | undefined,
  write: boolean,
) {
  try {
    return await runScoring(book, { rulebook, context, previous, write });
  } catch (e) {
    if (e instanceof WorkbookError) throw new UsageError(e.message);
    throw e;
  }
}

export function program(io: Io = defaultIo): Command {
  const cmd = new Command("saiten")
    .description("採点 Saiten — 評価指標の採点 (scores incentive-grant indicator workbooks)")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError(false);

  cmd
    .command("rulebooks")
    .description("同梱のルールブック一覧 / list bundled rulebooks")
    .option("--json", "JSON で出力 / output JSON")
    .action((opts: { json?: boolean }) => {
      const list = bundledRulebooks().map((rb) => ({
        id: rb.id,
        scheme: rb.scheme,
        entity: rb.entity,
        fiscalYear: rb.fiscalYear,
        version: rb.version,
        level: rb.level,
        max: rb.root.max ?? null,
        title: jaText(rb.title),
      }));
      if (opts.json) io.out(JSON.stringify(list, null, 2) + "\n");
      else
        for (const r of list)
          io.out(
            `${r.id.padEnd(32)} FY${r.fiscalYear}  ${r.level.padEnd(5)}  ${String(r.max ?? "―").padStart(5)}点  ${r.title}\n`,
          );
    });

  cmd
    .command("template")
    .description("標準の回答ブックを作る / create the standard answer workbook")
    .requiredOption("--rulebook <id|path>", "ルールブック")
    .requiredOption("--out <file.xlsx>", "出力ファイル")
    .option("--force", "既存のファイルを上書きする / overwrite an existing file")
    .action(async (opts: { rulebook: string; out: string; force?: boolean }) => {
      const rb = await loadRulebook(opts.rulebook);
      if (existsSync(opts.out) && !opts.force)
        throw new UsageError(`${opts.out} は既にあります。別の名前にするか --force を付けてください。`);
      await createTemplateWorkbook(rb).xlsx.writeFile(opts.out);
      io.out(
        `${opts.out}: ${rb.id} の回答ブックを作りました（「${ANSWER_SHEET}」シートの回答列に入力してください）。\n`,
      );
    });

  cmd
    .command("score <file>")
    .description("回答ブックを採点する / score an answer workbook")
    .option("--rulebook <id|path>", "ルールブック（省略時はブックに記録されたもの）")
    .option("--previous <file>", "前年度の回答ブック(.xlsx)または採点結果(.json)")
    .option("--previous-rulebook <id|path>", "前年度のルールブック")
    .option(
      "--previous-tally <tally.xlsx|tally.json>",
      "前年度の全国集計（厚生労働省の .xlsx か tally import の .json）を前年度として使う",
    )
    .option("--insurer <保険者番号|名称>", "--previous-tally で使う保険者番号（または市町村名）")
    .option(
      "--benchmarks <tally.xlsx|tally.json>",
      "全国の該当率・平均をこの全国集計から / national figures from this tally",
    )
    .option("--json", "JSON で出力 / output JSON")
    .option("--out <scored.xlsx>", "得点を書き込んだコピーを保存 / save a scored copy")
    .option("--size-class <id>", "規模区分")
    .option("--size <n>", "被保険者数など規模の数値", (v) => {
      const n = Number(v);
      if (!Number.isFinite(n)) throw new UsageError(`--size「${v}」は数値ではありません。`);
      return n;
    })
    .option("--lang <ja|en>", "表示言語 / language", "ja")
    .option(
      "--depth <n>",
      "表に出す区分の深さ / group levels in the table",
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0)
          throw new UsageError(`--depth「${v}」は0以上の整数にしてください。`);
        return n;
      },
      3,
    )
    .action(
      async (
        file: string,
        opts: {
          rulebook?: string;
          previous?: string;
          previousRulebook?: string;
          previousTally?: string;
          insurer?: string;
          benchmarks?: string;
          json?: boolean;
          out?: string;
          sizeClass?: string;
          size?: number;
          lang: string;
          depth: number;
        },
      ) => {
        if (opts.lang !== "ja" && opts.lang !== "en") throw new UsageError(`--lang は ja か en です。`);
        if (opts.out && resolve(opts.out) === resolve(file))
          throw new UsageError("入力ファイルは上書きしません。--out には別のファイル名を指定してください。");
        const context: ScoreContext = {};
        if (opts.sizeClass) context.sizeClass = opts.sizeClass;
        if (opts.size !== undefined) context.size = opts.size;
        if (opts.previousTally && !opts.insurer)
          throw new UsageError("--previous-tally には --insurer <保険者番号> も指定してください。");
        if (opts.previous && opts.previousTally)
          throw new UsageError("--previous と --previous-tally はどちらか一方にしてください。");
        const book = await openWorkbook(file);
        const own = await rulebookFor(book, file, opts.rulebook);
        const loadTally = tallyLoader();
        const rulebook = opts.benchmarks
          ? await rulebookWithTallyBenchmarks(opts.benchmarks, own, io, loadTally)
          : own;
        const previous = opts.previous
          ? await previousResult(opts.previous, rulebook, opts.previousRulebook)
          : opts.previousTally
            ? await previousFromTally(opts.previousTally, opts.insurer!, rulebook, loadTally)
            : undefined;
        const run = await scoreBook(book, rulebook, context, previous, Boolean(opts.out));
        const { result, comparison, conflicts } = run;
        if (opts.out) await book.save(opts.out);
        if (opts.json) {
          io.out(
            JSON.stringify(
              resultJson(result, {
                input: { file, source: run.source },
                comparison,
                outputConflicts: conflicts,
              }),
              null,
              2,
            ) + "\n",
          );
        } else {
          io.out(renderReport(result, comparison, opts.lang, opts.depth) + "\n");
          const band = sizeBandLine(rulebook, run.context);
          if (band) io.out(`${band[opts.lang]}\n`);
          for (const c of conflicts) io.out(`  [warning] ${c.cell}: ${c.message}\n`);
          if (opts.out) io.out(`\n${opts.out} に得点を書き込みました。\n`);
        }
      },
    );

  const rulebook = cmd
    .command("rulebook")
    .description("ルールブックの作成と確認 / author and check rulebooks");
  rulebook
    .command("check <file>")
    .description("ルールブック(.json/.xlsx)を検証する / validate a rulebook")
    .action(async (file: string) => {
      const path = resolve(file);
      if (!existsSync(path)) throw new UsageError(`${file} がありません。`);
      let problems: { severity: string; where: string; message: string }[];
      let id = file;
      if (/\.xlsx$/i.test(path)) {
        const res = tableToRulebook(await readTableBook(path));
        problems = res.problems.map((p) => ({
          severity: p.severity,
          where: p.cell ?? p.sheet,
          message: p.message,
        }));
        if (res.rulebook) id = res.rulebook.id;
      } else {
        let doc: unknown;
        try {
          doc = JSON.parse(readFileSync(path, "utf8"));
        } catch (e) {
          throw new UsageError(`${file} は JSON として読めません: ${(e as Error).message}`);
        }
        const res = checkRulebook(doc);
        problems = res.problems.map((p) => ({ severity: p.severity, where: p.path, message: p.message }));
        if (res.rulebook) id = res.rulebook.id;
      }
      for (const p of problems) io.out(`[${p.severity}] ${p.where}: ${p.message}\n`);
      const errors = problems.filter((p) => p.severity === "error").length;
      if (errors) throw new UsageError(`${file}: ${errors} 件のエラーがあります。`);
      io.out(`${file}: OK (${id})${problems.length ? `、警告 ${problems.length} 件` : ""}\n`);
    });
  rulebook
    .command("import <haitenhyo>")
    .description("配点表(.xlsx)からルールブック(JSON)を作る / build a rulebook from a 配点表 workbook")
    .option("--out <file.json>", "出力ファイル（省略時は標準出力）")
    .action(async (file: string, opts: { out?: string }) => {
      const path = resolve(file);
      if (!existsSync(path)) throw new UsageError(`${file} がありません。`);
      const res = tableToRulebook(await readTableBook(path));
      for (const p of res.problems) io.err(`[${p.severity}] ${p.cell ?? p.sheet}: ${p.message}\n`);
      if (!res.rulebook)
        throw new UsageError(`${file}: 配点表にエラーがあるためルールブックを作れませんでした。`);
      const json = JSON.stringify(res.rulebook, null, 2) + "\n";
      if (opts.out) {
        writeFileSync(opts.out, json);
        io.out(`${opts.out}: ${res.rulebook.id} を書き出しました。\n`);
      } else io.out(json);
    });
  rulebook
    .command("export <rulebook>")
    .description("ルールブックを配点表(.xlsx)に書き出す / write a rulebook as a 配点表 workbook")
    .requiredOption("--out <file.xlsx>", "出力ファイル")
    .action(async (ref: string, opts: { out: string }) => {
      const rb = await loadRulebook(ref);
      await writeTableBook(rulebookToTable(rb), opts.out);
      io.out(`${opts.out}: ${rb.id} の配点表を書き出しました。\n`);
    });
  registerReview(cmd, io);
  registerTally(cmd, io);
  return cmd;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    await program(io).parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof ExitStatus) return e.code;
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0)
        return 0;
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`saiten: ${msg.split("\n")[0]}\n`);
    return 2;
  }
}
