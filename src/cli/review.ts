// `saiten review <folder|files…>`: the reviewer batch over many answer workbooks, with a summary.
// Exit 0 when every file was scored, 1 when some failed (listed with reasons), 2 for unusable
// arguments or inputs (one line on stderr).
import { promises as fs } from "fs";
import { basename } from "path";
import type { InfoRecord } from "csv-parse/sync";
import { previousMismatch } from "../engine/compare";
import { numberFrom } from "../engine/normalise";
import { assumedSizeBands } from "../engine/size-band";
import { type LimitOptions, TEXT_LIMITS, WORKBOOK_LIMITS, type Limits } from "../files/limits";
import { decodeText, parseJsonBytes } from "../files/text";
import { formatPercent, roundHalfUp } from "../numbers/round";
import { msg, UserError } from "../messages";
import type { Rulebook } from "../rulebooks/schema";
import { ENTITY_LABELS } from "../workbook/entities";
import { parseFormMapFile, type FormMapFile } from "../workbook/form-map-detect";
import { expandInputs } from "../review/inputs";
import { loadSummaryBook, summaryXlsxBytes } from "../review/outputs";
import { defaultJobs } from "../review/jobs";
import { reviewFiles } from "../review/pool";
import { createProgress } from "../review/progress";
import { summarise } from "../app/review/summarise";
import { localText } from "../engine/text";
import type { LocalText } from "../engine/types";
import { problemKind } from "../app/review/problem-kinds";
import type { ReviewRecord, ReviewSummary } from "../app/review/types";
import { Cli } from "./context";
import { ExitStatus } from "./exit";
import { loadRulebook, recordedRulebook } from "./load";
import { limitsFrom } from "./options";
import { previousRecordsFromTally, rulebookWithTallyBenchmarks, tallyLoader } from "./tally";

export { ExitStatus } from "./exit";

// zod and the schemas (about 60 ms to load) only for a run that reads a summary.json of last year.
async function summaryParser(): Promise<(doc: unknown, file: string) => ReviewSummary> {
  const [{ parseWithSchema }, { ReviewSummarySchema }] = await Promise.all([
    import("../messages/zod"),
    import("../app/review/summary-schema"),
  ]);
  return (doc, file) => parseWithSchema(ReviewSummarySchema, doc, file, msg("format.review")) as ReviewSummary;
}

export const REVIEW_FORMAT = "saiten.review/1";


export interface ReviewOptions extends LimitOptions {
  rulebook: string;
  previous?: string;
  previousTally?: string;
  benchmarks?: string;
  out?: string;
  /** A file, or "-" for stdout (then no table and no progress). */
  json?: string;
  csv?: string;
  budget?: number;
  insured?: string;
  caps?: string;
  map?: string;
  jobs?: number;
  /** No progress output (also implied by --json -). */
  quiet?: boolean;
  force?: boolean;
}

export interface ReviewRun {
  code: number;
  records: ReviewRecord[];
  summary: ReviewSummary;
}

/** A CSV file's records (RFC 4180; the text decoded, a BOM dropped), each with the line it ends on;
 *  records of blank fields only are left out. Unreadable CSV (a quote never closed) says where. The
 *  parser is loaded here, by the runs that read a CSV. */
async function csvRecords(text: string, file: string, option: string): Promise<{ fields: string[]; line: number }[]> {
  const { CsvError, parse } = await import("csv-parse/sync");
  let records: { record: string[]; info: InfoRecord }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as unknown as { record: string[]; info: InfoRecord }[];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = typeof e.lines === "number" ? e.lines : 1;
    throw new UserError(msg("review.csv-unreadable", { option, file, row: line }));
  }
  return records
    .filter((r) => r.record.some((f) => f.trim() !== ""))
    .map((r) => ({ fields: r.record, line: r.info.lines }));
}

// The entity labels are the one list all forms share; a CSV may also say it in English or in short.
const CODE_HEADERS = ["code", "コード", ...ENTITY_LABELS.code];
const NAME_HEADERS = ["name", "名称", ...ENTITY_LABELS.name];
const INSURED_HEADERS = ["insured", ...ENTITY_LABELS.insured];

const CAP_HEADERS = ["cap", "上限", "上限額"];

/** A CSV of code and/or name with one number per entity; keys are codes and names. */
async function entityNumbers(
  text: string,
  file: string,
  option: string,
  valueHeaders: string[],
  /** The value's English header, and its word in messages (both languages). */
  valueHeader: "insured" | "cap",
): Promise<Record<string, number>> {
  const valueName = msg(valueHeader === "insured" ? "review.csv-value.insured" : "review.csv-value.cap");
  const rows = await csvRecords(text, file, option);
  const header = (rows[0]?.fields ?? []).map((h) => h.trim().normalize("NFKC").toLowerCase());
  const col = (names: string[]) => header.findIndex((h) => names.some((n) => n.normalize("NFKC").toLowerCase() === h));
  const code = col(CODE_HEADERS);
  const name = col(NAME_HEADERS);
  const value = col(valueHeaders);
  if (value < 0 || (code < 0 && name < 0))
    throw new UserError(msg("review.csv-headers", { option, file, value: valueName, header: valueHeader }));
  const out: Record<string, number> = {};
  for (const { fields: r, line } of rows.slice(1)) {
    const n = numberFrom(r[value] ?? "");
    if (n === undefined || n < 0)
      throw new UserError(msg("review.csv-number", { option, file, row: line, value: valueName, text: r[value] ?? "" }));
    const k1 = code >= 0 ? (r[code] ?? "").trim() : "";
    const k2 = name >= 0 ? (r[name] ?? "").trim() : "";
    if (!k1 && !k2) throw new UserError(msg("review.csv-no-key", { option, file, row: line }));
    if (k1) out[k1] = n;
    if (k2) out[k2] = n;
  }
  return out;
}

async function readCsvFile(cli: Cli, file: string): Promise<string> {
  return decodeText((await cli.files.read(file, TEXT_LIMITS)).bytes, file);
}

/** --insured: rows of code and/or name with the insured count; keys are codes and names. */
export async function readInsuredCsv(cli: Cli, file: string): Promise<Record<string, number>> {
  return entityNumbers(await readCsvFile(cli, file), file, "--insured", INSURED_HEADERS, "insured");
}

/** --caps: the most each entity may receive (e.g. 2 × its 事業費分); the excess goes to the others. */
export async function readCapsCsv(cli: Cli, file: string): Promise<Record<string, number>> {
  return entityNumbers(await readCsvFile(cli, file), file, "--caps", CAP_HEADERS, "cap");
}

async function readMap(cli: Cli, file: string, rulebook: Rulebook): Promise<FormMapFile> {
  const text = decodeText((await cli.files.read(file, TEXT_LIMITS)).bytes, file);
  try {
    return parseFormMapFile(text, rulebook);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    throw new UserError(msg("review.map-invalid", { file, problem: e.detail }));
  }
}

type Previous = ReviewRecord[] | ReviewSummary;

async function loadPrevious(
  cli: Cli,
  ref: string,
  rulebook: Rulebook,
  common: { jobs: number; limits: Limits; quiet: boolean },
): Promise<Previous> {
  const st = await fs.stat(ref).catch(() => undefined);
  if (!st?.isDirectory()) {
    const doc = parseJsonBytes((await cli.files.read(ref, TEXT_LIMITS)).bytes, ref);
    if ((doc as { format?: unknown } | null)?.format !== REVIEW_FORMAT)
      throw new UserError(msg("review.previous-format", { file: ref }));
    const summary = (await summaryParser())(doc, ref);
    const why = previousMismatch(rulebook, recordedRulebook(summary.rulebook.id, [rulebook]) ?? {});
    if (why) throw new UserError(msg(why === "other-scheme" ? "previous.other-scheme" : "previous.other-entity", { file: ref, id: summary.rulebook.id }));
    return summary;
  }
  const { files, refused } = await expandInputs([ref]);
  for (const f of files) cli.files.remember(f);
  const fallback = rulebook.previous?.rulebook ? await loadRulebook(cli, rulebook.previous.rulebook) : rulebook;
  const label = cli.text(msg("review.previous-label"));
  const progress = createProgress({ total: files.length, quiet: common.quiet, write: cli.io.err, label, barLabel: label });
  const records = await reviewFiles(files, {
    rulebook: fallback,
    jobs: common.jobs,
    limits: common.limits,
    onDone: (d, t, f) => progress.tick(d, t, f),
  });
  progress.stop();
  // A file whose template records another rulebook is scored again with that one — looked up by id
  // among the bundled rulebooks, never opened as a path.
  const again = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (r.status === "failed" && r.reasonCode === "wrong-rulebook" && r.rulebookId && r.rulebookId !== fallback.id)
      again.set(r.rulebookId, [...(again.get(r.rulebookId) ?? []), i]);
  });
  for (const [id, indexes] of again) {
    const rb = recordedRulebook(id, [rulebook, fallback]);
    if (!rb || previousMismatch(rulebook, rb)) continue;
    const redo = await reviewFiles(
      indexes.map((i) => files[i]),
      { rulebook: rb, jobs: common.jobs, limits: common.limits },
    );
    redo.forEach((r, k) => (records[indexes[k]] = r));
  }
  return [...records, ...refused];
}

function renderTable(cli: Cli, summary: ReviewSummary, records: ReviewRecord[], title: LocalText): string {
  const t = (code: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) => cli.text(msg(code, params));
  const lines: string[] = [];
  const { files } = summary;
  const rates = summary.rows.map((r) => r.ratePercent).filter((x): x is number => x !== null);
  // Rates at the rulebook's digits, as the summary workbook shows them.
  const pct = (x: number | null) => formatPercent(x === null ? null : roundHalfUp(x, summary.rulebook.rateDigits ?? 1), summary.rulebook.rateDigits ?? 1);
  const mean = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
  lines.push(t("review.table.rulebook", { title, id: summary.rulebook.id, year: summary.rulebook.fiscalYear, version: summary.rulebook.version }));
  lines.push(t("review.table.files", { n: String(files.total).padStart(6) }));
  lines.push(t("review.table.scored", { n: String(files.scored).padStart(6) }));
  lines.push(t("review.table.failed", { n: String(files.failed).padStart(6) }));
  lines.push(
    t("review.table.mean", { rate: pct(mean).padStart(6) }) +
      (rates.length ? t("review.table.range", { max: pct(Math.max(...rates)), min: pct(Math.min(...rates)) }) : ""),
  );
  const below = summary.rows.filter((r) => r.judgement === "未達成").length;
  if (summary.rows.some((r) => r.judgement !== null)) lines.push(t("review.table.below", { n: String(below).padStart(6) }));
  lines.push(t("review.table.issues", { n: String(summary.issues.length).padStart(6) }));
  lines.push(t("review.table.mismatches", { n: summary.mismatches.length }));
  if (summary.duplicates.length) {
    lines.push(t("review.table.duplicates", { n: summary.duplicates.length }));
    for (const d of summary.duplicates) lines.push(`  ${d.key}: ${d.files.map((f) => basename(f)).join(", ")}`);
  }
  if (summary.allocation)
    lines.push(
      t("review.table.allocation", {
        budget: summary.allocation.budget.toLocaleString("ja-JP"),
        paid: summary.allocation.totalPaid.toLocaleString("ja-JP"),
      }),
    );
  const failed = records.filter((r) => r.status === "failed");
  if (failed.length) {
    lines.push("", t("review.table.failed-files"));
    for (const r of failed) lines.push(`  ${r.file}  [${cli.text(problemKind(r.reasonCode))}] ${r.reason?.[cli.lang] ?? ""}`);
  }
  return lines.join("\n") + "\n";
}

/** The whole batch, in-process API (the CLI and the benchmark). Throws UserError for unusable input. */
export async function runReview(inputs: readonly string[], opts: ReviewOptions, cli: Cli): Promise<ReviewRun> {
  if (opts.previous && opts.previousTally) throw new UserError(msg("cli.previous-either"));
  const { files, refused, subfolders } = await expandInputs(inputs);
  for (const f of files) cli.files.remember(f);
  const limits = limitsFrom(WORKBOOK_LIMITS, opts);
  // Outputs refused before any work: an input (links included), a folder, or an existing file without --force.
  for (const target of [opts.out, opts.json, opts.csv]) if (target && target !== "-") await cli.files.checkOutput(target);
  const own = await loadRulebook(cli, opts.rulebook);
  const loadTally = tallyLoader(cli);
  const rulebook = opts.benchmarks ? await rulebookWithTallyBenchmarks(cli, opts.benchmarks, own, loadTally) : own;
  const map = opts.map ? await readMap(cli, opts.map, rulebook) : undefined;
  const insured = opts.insured ? await readInsuredCsv(cli, opts.insured) : undefined;
  const caps = opts.caps ? await readCapsCsv(cli, opts.caps) : undefined;
  const jobs = opts.jobs ?? defaultJobs(files.length);
  const jsonToStdout = opts.json === "-";
  const quiet = Boolean(opts.quiet || jsonToStdout);
  if (subfolders && !jsonToStdout) cli.note(msg("review.subfolders", { n: subfolders }));

  const progress = createProgress({
    total: files.length,
    quiet,
    write: cli.io.err,
    barLabel: cli.text(msg("review.progress-bar")),
  });
  const reviewing = reviewFiles(files, { rulebook, map, jobs, limits, onDone: (d, t, f) => progress.tick(d, t, f) });
  // Loaded while the workers start up, rather than after the last file. Its failure is reported
  // where the workbook is written.
  if (opts.out) loadSummaryBook().catch(() => undefined);
  const scored = await reviewing;
  progress.stop();
  const records = [...scored, ...refused];
  const previous = opts.previous
    ? await loadPrevious(cli, opts.previous, rulebook, { jobs, limits, quiet })
    : opts.previousTally
      ? await previousRecordsFromTally(opts.previousTally, loadTally)
      : undefined;

  const summary = summarise(records, { rulebook, previous, budget: opts.budget, insured, caps });
  if (opts.out) await cli.files.write(opts.out, await summaryXlsxBytes(summary, { lang: cli.lang, rulebook }));
  if (opts.json) {
    const text = JSON.stringify(summary, null, 2) + "\n";
    if (jsonToStdout) cli.io.out(text);
    else await cli.files.write(opts.json, text);
  }
  if (opts.csv) {
    const { summaryCsv } = await import("../review/summary-csv");
    await cli.files.write(opts.csv, summaryCsv(summary, { lang: cli.lang, rulebook }));
  }
  if (!jsonToStdout) {
    cli.io.out(renderTable(cli, summary, records, localText(rulebook.title)));
    const bands = assumedSizeBands(rulebook);
    if (bands && summary.rows.some((r) => r.sizeClass !== undefined)) cli.say(msg("review.assumed-bands", { bands }));
    const written = [opts.out, opts.json, opts.csv].filter((x): x is string => Boolean(x));
    if (written.length) cli.say(msg("review.written", { files: written.join(", ") }));
  }
  const code = records.some((r) => r.status === "failed") ? 1 : 0;
  return { code, records, summary };
}

/** `saiten review <inputs…>`: exits 1 when some files could not be scored. */
export async function reviewCommand(root: Cli, inputs: string[], opts: ReviewOptions): Promise<void> {
  const run = await runReview(inputs, opts, root.withForce(opts.force));
  if (run.code !== 0) throw new ExitStatus(run.code);
}
