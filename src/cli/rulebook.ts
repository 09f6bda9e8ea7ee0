// Rulebook commands: list the bundled ones, create the answer template, check, import from and
// export to the 配点表 workbook. Inputs come through the command's FileAccess; outputs go through
// its safe write (an input is never an output, an existing file is replaced only with --force).
import { jaText, localText } from "../engine/text";
import { type LimitOptions, TEXT_LIMITS, WORKBOOK_LIMITS } from "../files/limits";
import { parseJsonBytes } from "../files/text";
import { msg, UserError } from "../messages";
import { bundledRulebooks } from "../rulebooks/registry";
import type { Rulebook } from "../rulebooks/schema";
import { ANSWER_SHEET } from "../workbook/template";
import type { Cli } from "./context";
import { isTableFile, loadRulebook } from "./load";
import { limitsFrom } from "./options";

// ExcelJS (about 0.3 s to load) only for the commands that read or write a 配点表 or a template:
// `saiten rulebook check` of a JSON file never touches it.
const scoreTableXlsx = () => import("../adapters/exceljs/score-table-xlsx");
// The 配点表 conversions validate what they build (zod): loaded with them.
const scoreTable = () => import("../rulebooks/score-table");

interface Problem {
  severity: "error" | "warning";
  where: string;
  message: string;
}

async function checkFile(cli: Cli, file: string, opts: LimitOptions) {
  const limits = limitsFrom({ ...TEXT_LIMITS, ...WORKBOOK_LIMITS, maxFileBytes: TEXT_LIMITS.maxFileBytes }, opts);
  const input = await cli.files.read(file, limits);
  if (isTableFile(file, input.bytes)) {
    const { tableToRulebook } = await scoreTable();
    const res = tableToRulebook(await (await scoreTableXlsx()).tableBookFrom(input.bytes, file, limitsFrom(WORKBOOK_LIMITS, opts)));
    const problems: Problem[] = res.problems.map((p) => ({
      severity: p.severity,
      where: p.cell ?? p.sheet,
      message: cli.text(p.detail),
    }));
    return { problems, rulebook: res.rulebook };
  }
  const { checkRulebook } = await import("../rulebooks/validate");
  const res = checkRulebook(parseJsonBytes(input.bytes, file));
  const problems: Problem[] = res.problems.map((p) => ({
    severity: p.severity,
    where: p.nodeId ? cli.text(msg("rb.where-id", { path: p.path, id: p.nodeId })) : p.path,
    message: cli.text(p.detail),
  }));
  return { problems, rulebook: res.rulebook };
}

function printProblems(cli: Cli, problems: Problem[], write: (s: string) => void) {
  for (const p of problems)
    write(`${cli.text(msg(p.severity === "error" ? "cli.severity.error" : "cli.severity.warning"))} ${p.where}: ${p.message}\n`);
}

/** How a rulebook is scored, as the list says it (the JSON keeps the rulebook's own value). */
const LEVEL_WORDS = { item: "cli.level.item", group: "cli.level.group", mixed: "cli.level.mixed" } as const;

/** `saiten rulebooks`: the bundled rulebooks, as a list or JSON. */
export function listRulebooks(root: Cli, opts: { json?: boolean }): void {
  const books = bundledRulebooks();
  if (opts.json) {
    const list = books.map((rb) => ({
      id: rb.id,
      scheme: rb.scheme,
      entity: rb.entity,
      fiscalYear: rb.fiscalYear,
      version: rb.version,
      level: rb.level,
      max: rb.root.max ?? null,
      title: jaText(rb.title),
    }));
    return root.io.out(JSON.stringify(list, null, 2) + "\n");
  }
  const en = root.lang === "en";
  // Japanese words are padded with ideographic spaces, so that the columns after them line up.
  const how = (level: Rulebook["level"]) =>
    root.text(msg(LEVEL_WORDS[level])).padEnd(en ? 13 : 5, en ? " " : "\u3000");
  for (const rb of books)
    root.io.out(
      `${rb.id.padEnd(32)} ${root.text(msg("cli.fiscal-year", { year: rb.fiscalYear }))}  ${how(rb.level)}  ${String(rb.root.max ?? "―").padStart(5)}${en ? " pts" : "点"}  ${localText(rb.title)[root.lang]}\n`,
    );
}

/** `saiten template`: the standard answer workbook of a rulebook. */
export async function writeTemplate(root: Cli, opts: { rulebook: string; out: string; force?: boolean }): Promise<void> {
  const cli = root.withForce(opts.force);
  const rb = await loadRulebook(cli, opts.rulebook);
  await cli.files.checkOutput(opts.out);
  const { createTemplateWorkbook } = await import("../adapters/exceljs/template-xlsx");
  const { xlsxBytes } = await import("../adapters/exceljs/xlsx-bytes");
  await cli.files.write(opts.out, await xlsxBytes(createTemplateWorkbook(rb)));
  cli.say(msg("template.written", { out: opts.out, id: rb.id, sheet: ANSWER_SHEET }));
}

/** `saiten rulebook check <file>`: every problem listed; exits 2 when one is an error. */
export async function checkRulebookFile(root: Cli, file: string, opts: LimitOptions): Promise<void> {
  const { problems, rulebook: rb } = await checkFile(root, file, opts);
  printProblems(root, problems, root.io.out);
  const errors = problems.filter((p) => p.severity === "error").length;
  if (errors)
    throw new UserError(
      msg(errors === 1 ? "rulebook.check-failed.one" : "rulebook.check-failed", { file, n: errors }),
    );
  root.say(msg("rulebook.check-ok", { file, id: rb?.id ?? file, warnings: problems.length }));
}

/** `saiten rulebook import <haitenhyo>`: a 配点表 workbook to a rulebook (JSON). */
export async function importRulebook(
  root: Cli,
  file: string,
  opts: LimitOptions & { out?: string; force?: boolean },
): Promise<void> {
  const cli = root.withForce(opts.force);
  const input = await cli.files.read(file, limitsFrom(WORKBOOK_LIMITS, opts));
  if (opts.out) await cli.files.checkOutput(opts.out);
  const { tableToRulebook } = await scoreTable();
  const res = tableToRulebook(await (await scoreTableXlsx()).tableBookFrom(input.bytes, file, limitsFrom(WORKBOOK_LIMITS, opts)));
  printProblems(
    cli,
    res.problems.map((p) => ({ severity: p.severity, where: p.cell ?? p.sheet, message: cli.text(p.detail) })),
    cli.io.err,
  );
  if (!res.rulebook) throw new UserError(msg("rulebook.import-failed", { file }));
  const json = JSON.stringify(res.rulebook, null, 2) + "\n";
  if (!opts.out) return cli.io.out(json);
  await cli.files.write(opts.out, json);
  cli.say(msg("rulebook.imported", { out: opts.out, id: res.rulebook.id }));
}

/** `saiten rulebook export <rulebook>`: a rulebook as a 配点表 workbook. */
export async function exportRulebook(root: Cli, ref: string, opts: { out: string; force?: boolean }): Promise<void> {
  const cli = root.withForce(opts.force);
  const rb = await loadRulebook(cli, ref);
  await cli.files.checkOutput(opts.out);
  const { rulebookToTable } = await scoreTable();
  await cli.files.write(opts.out, await (await scoreTableXlsx()).tableBookBytes(rulebookToTable(rb)));
  cli.say(msg("rulebook.exported", { out: opts.out, id: rb.id }));
}
