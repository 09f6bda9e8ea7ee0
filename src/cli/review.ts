// `saiten review <folder|files…>`: the reviewer batch over many answer workbooks, with a summary.
// Exit 0 when every file was scored, 1 when some failed (listed with reasons), 2 for unusable
// arguments or inputs (one line on stderr).
import type { Command } from "commander";
import { previousRecordsFromTally, rulebookWithTallyBenchmarks, tallyLoader } from "./tally";
import { existsSync, readFileSync, statSync, writeFileSync } from "fs";
import { basename, resolve } from "path";
import { assumedSizeBands } from "../engine/size-band";
import type { Rulebook } from "../rulebooks/schema";
import { parseFormMapFile, type FormMapFile } from "../workbook/form-map-detect";
import { expandInputs } from "../review/inputs";
import { DEFAULT_LIMITS, type Limits } from "../review/limits";
import { writeSummaryXlsx, summaryCsv } from "../review/outputs";
import { defaultJobs, reviewFiles } from "../review/pool";
import { createProgress } from "../review/progress";
import { summarise } from "../review/summarise";
import type { ReviewRecord, ReviewSummary } from "../review/types";
import { loadRulebook, UsageError } from "./load";

export const REVIEW_FORMAT = "saiten.review/1";

/** Thrown after the outputs are written when the batch should exit non-zero (1: some files failed). */
export class ExitStatus extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = "ExitStatus";
  }
}

export interface ReviewIo {
  out(s: string): void;
  err(s: string): void;
}

export interface ReviewOptions {
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
  maxFileMb?: number;
  maxUncompressedMb?: number;
  maxRows?: number;
  /** No progress output (also implied by --json -). */
  quiet?: boolean;
}

export interface ReviewRun {
  code: number;
  records: ReviewRecord[];
  summary: ReviewSummary;
}

const positive =
  (flag: string, integer = false) =>
  (v: string): number => {
    const n = Number(String(v).replace(/[,_]/g, ""));
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      throw new UsageError(`${flag}「${v}」は${integer ? "正の整数" : "正の数"}にしてください。`);
    return n;
  };

/** Minimal CSV (RFC 4180 quoting), UTF-8 with or without BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') ((field += '"'), i++);
        else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(field), (field = ""));
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) (row.push(field), rows.push(row));
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

const CODE_HEADERS = ["code", "市町村コード", "保険者番号", "団体コード", "コード"];
const NAME_HEADERS = ["name", "市町村名", "保険者名", "団体名", "名称"];
const INSURED_HEADERS = ["insured", "被保険者数", "第1号被保険者数"];

const CAP_HEADERS = ["cap", "上限", "上限額"];

/** A CSV of code and/or name with one number per entity; keys are codes and names. */
function readEntityNumbers(
  path: string,
  option: string,
  valueHeaders: string[],
  valueName: string,
): Record<string, number> {
  if (!existsSync(path)) throw new UsageError(`${option} のファイル ${path} がありません。`);
  const rows = parseCsv(readFileSync(path, "utf8"));
  const header = (rows[0] ?? []).map((h) => h.trim().normalize("NFKC").toLowerCase());
  const col = (names: string[]) =>
    header.findIndex((h) => names.some((n) => n.normalize("NFKC").toLowerCase() === h));
  const code = col(CODE_HEADERS);
  const name = col(NAME_HEADERS);
  const value = col(valueHeaders);
  if (value < 0 || (code < 0 && name < 0))
    throw new UsageError(
      `${option} ${path}: 1行目に code（または name）と ${valueName} の列見出しが要ります（例: code,name,${valueName}）。`,
    );
  const out: Record<string, number> = {};
  rows.slice(1).forEach((r, i) => {
    const raw = (r[value] ?? "").normalize("NFKC").replace(/[,\s人円]/g, "");
    const n = Number(raw);
    if (raw === "" || !Number.isFinite(n) || n < 0)
      throw new UsageError(
        `${option} ${path}: ${i + 2} 行目の ${valueName}「${r[value] ?? ""}」は数値ではありません。`,
      );
    const k1 = code >= 0 ? (r[code] ?? "").trim() : "";
    const k2 = name >= 0 ? (r[name] ?? "").trim() : "";
    if (!k1 && !k2) throw new UsageError(`${option} ${path}: ${i + 2} 行目に code も name もありません。`);
    if (k1) out[k1] = n;
    if (k2) out[k2] = n;
  });
  return out;
}

/** --insured: rows of code and/or name with the insured count; keys are codes and names. */
export function readInsuredCsv(path: string): Record<string, number> {
  return readEntityNumbers(path, "--insured", INSURED_HEADERS, "insured");
}

/** --caps: the most each entity may receive (e.g. 2 × its 事業費分); the excess goes to the others. */
export function readCapsCsv(path: string): Record<string, number> {
  return readEntityNumbers(path, "--caps", CAP_HEADERS, "cap");
}

function readMap(path: string, rulebook: Rulebook): FormMapFile {
  if (!existsSync(path)) throw new UsageError(`--map のファイル ${path} がありません。`);
  try {
    return parseFormMapFile(readFileSync(path, "utf8"), rulebook);
  } catch (e) {
    throw new UsageError(`--map ${path}: ${(e as Error).message}`);
  }
}

function limitsOf(opts: ReviewOptions): Limits {
  const MB = 1024 * 1024;
  return {
    maxFileBytes: opts.maxFileMb !== undefined ? opts.maxFileMb * MB : DEFAULT_LIMITS.maxFileBytes,
    maxUncompressedBytes:
      opts.maxUncompressedMb !== undefined
        ? opts.maxUncompressedMb * MB
        : DEFAULT_LIMITS.maxUncompressedBytes,
    maxRows: opts.maxRows ?? DEFAULT_LIMITS.maxRows,
  };
}

type Previous = ReviewRecord[] | ReviewSummary;

async function loadPrevious(
  ref: string,
  rulebook: Rulebook,
  common: { jobs: number; limits: Limits; quiet: boolean; io: ReviewIo },
): Promise<Previous> {
  const path = resolve(ref);
  if (!existsSync(path)) throw new UsageError(`前年度の ${ref} がありません。`);
  if (!statSync(path).isDirectory()) {
    let doc: Partial<ReviewSummary>;
    try {
      doc = JSON.parse(readFileSync(path, "utf8")) as Partial<ReviewSummary>;
    } catch (e) {
      throw new UsageError(`${ref} は JSON として読めません: ${(e as Error).message}`);
    }
    if (doc.format !== REVIEW_FORMAT || !Array.isArray(doc.rows))
      throw new UsageError(
        `${ref} は saiten review --json の出力（${REVIEW_FORMAT}）でも前年度のフォルダでもありません。`,
      );
    return doc as ReviewSummary;
  }
  const files = expandInputs([ref]);
  const fallbackId = rulebook.previous?.rulebook ?? rulebook.id;
  const fallback = await loadRulebook(fallbackId);
  const progress = createProgress({
    total: files.length,
    quiet: common.quiet,
    write: common.io.err,
    label: "前年度",
  });
  const records = await reviewFiles(files, {
    rulebook: fallback,
    jobs: common.jobs,
    limits: common.limits,
    onDone: (d, t, f) => progress.tick(d, t, f),
  });
  progress.stop();
  // A file whose template records another rulebook is scored again with that one.
  const again = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (
      r.status === "failed" &&
      r.reasonCode === "wrong-rulebook" &&
      r.rulebookId &&
      r.rulebookId !== fallback.id
    )
      again.set(r.rulebookId, [...(again.get(r.rulebookId) ?? []), i]);
  });
  for (const [id, indexes] of again) {
    let rb: Rulebook;
    try {
      rb = await loadRulebook(id);
    } catch {
      continue;
    }
    const redo = await reviewFiles(
      indexes.map((i) => files[i]),
      { rulebook: rb, jobs: common.jobs, limits: common.limits },
    );
    redo.forEach((r, k) => (records[indexes[k]] = r));
  }
  return records;
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? "―" : `${x.toFixed(1)}%`);

function renderTable(summary: ReviewSummary, records: ReviewRecord[]): string {
  const lines: string[] = [];
  const { files } = summary;
  const rates = summary.rows.map((r) => r.ratePercent).filter((x): x is number => x !== null);
  const mean = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
  lines.push(
    `ルールブック: ${summary.rulebook.id}（FY${summary.rulebook.fiscalYear} 版 ${summary.rulebook.version}）`,
  );
  lines.push(`ファイル     ${String(files.total).padStart(6)} 件`);
  lines.push(`  採点済     ${String(files.scored).padStart(6)} 件`);
  lines.push(`  失敗       ${String(files.failed).padStart(6)} 件`);
  lines.push(
    `平均得点率   ${pct(mean).padStart(6)}${rates.length ? `（最高 ${pct(Math.max(...rates))} / 最低 ${pct(Math.min(...rates))}）` : ""}`,
  );
  const below = summary.rows.filter((r) => r.judgement === "未達成").length;
  if (summary.rows.some((r) => r.judgement !== null))
    lines.push(`前年度未達成 ${String(below).padStart(6)} 団体`);
  lines.push(`確認事項     ${String(summary.issues.length).padStart(6)} 件`);
  lines.push(`自己申告との不一致 ${String(summary.mismatches.length)} 件`);
  if (summary.duplicates.length) {
    lines.push(`同じ団体のファイルが複数: ${summary.duplicates.length} 組`);
    for (const d of summary.duplicates)
      lines.push(`  ${d.key}: ${d.files.map((f) => basename(f)).join(", ")}`);
  }
  if (summary.allocation)
    lines.push(
      `按分: 予算 ${summary.allocation.budget.toLocaleString("ja-JP")} 円、配分 ${summary.allocation.totalPaid.toLocaleString("ja-JP")} 円`,
    );
  const failed = records.filter((r) => r.status === "failed");
  if (failed.length) {
    lines.push("", "採点できなかったファイル:");
    for (const r of failed) lines.push(`  ${r.file}  [${r.reasonCode ?? "failed"}] ${r.reason?.ja ?? ""}`);
  }
  return lines.join("\n") + "\n";
}

/** The whole batch, in-process API (the CLI and the benchmark). Throws UsageError for unusable input. */
export async function runReview(
  inputs: readonly string[],
  opts: ReviewOptions,
  io: ReviewIo,
): Promise<ReviewRun> {
  if (opts.previous && opts.previousTally)
    throw new UsageError("--previous と --previous-tally はどちらか一方にしてください。");
  const files = expandInputs(inputs);
  const own = await loadRulebook(opts.rulebook);
  const loadTally = tallyLoader();
  const rulebook = opts.benchmarks
    ? await rulebookWithTallyBenchmarks(opts.benchmarks, own, io, loadTally)
    : own;
  const inputSet = new Set(files.map((f) => resolve(f)));
  for (const [flag, target] of [
    ["--out", opts.out],
    ["--json", opts.json],
    ["--csv", opts.csv],
  ] as const) {
    if (target && target !== "-" && inputSet.has(resolve(target)))
      throw new UsageError(`${flag} に入力ファイルは指定できません（入力は上書きしません）。`);
  }
  const map = opts.map ? readMap(opts.map, rulebook) : undefined;
  const insured = opts.insured ? readInsuredCsv(opts.insured) : undefined;
  const limits = limitsOf(opts);
  const jobs = opts.jobs ?? defaultJobs();
  const jsonToStdout = opts.json === "-";
  const quiet = Boolean(opts.quiet || jsonToStdout);

  const progress = createProgress({ total: files.length, quiet, write: io.err });
  const records = await reviewFiles(files, {
    rulebook,
    map,
    jobs,
    limits,
    onDone: (d, t, f) => progress.tick(d, t, f),
  });
  progress.stop();
  const previous = opts.previous
    ? await loadPrevious(opts.previous, rulebook, { jobs, limits, quiet, io })
    : opts.previousTally
      ? await previousRecordsFromTally(opts.previousTally, loadTally)
      : undefined;

  const caps = opts.caps ? readCapsCsv(opts.caps) : undefined;
  const summary = summarise(records, { rulebook, previous, budget: opts.budget, insured, caps });
  if (opts.out) await writeSummaryXlsx(summary, opts.out);
  if (opts.json) {
    const text = JSON.stringify(summary, null, 2) + "\n";
    if (jsonToStdout) io.out(text);
    else writeFileSync(opts.json, text);
  }
  if (opts.csv) writeFileSync(opts.csv, summaryCsv(summary));
  if (!jsonToStdout) {
    io.out(renderTable(summary, records));
    const bands = assumedSizeBands(rulebook);
    if (bands && summary.rows.some((r) => r.sizeClass !== undefined))
      io.out(`${bands.ja}（一覧の規模区分・規模区分内順位）。\n`);
    const written = [opts.out, opts.json, opts.csv].filter((x): x is string => Boolean(x));
    if (written.length) io.out(`出力: ${written.join(", ")}\n`);
  }
  const code = records.some((r) => r.status === "failed") ? 1 : 0;
  return { code, records, summary };
}

export function registerReview(program: Command, io: ReviewIo): void {
  program
    .command("review <inputs...>")
    .description("回答ブックをまとめて審査・集計する / review many answer workbooks (folder or files)")
    .requiredOption("--rulebook <id|path>", "ルールブック")
    .option(
      "--previous <folder|summary.json>",
      "前年度の回答ブックのフォルダ、または saiten review --json の出力",
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
    .option("--budget <yen>", "按分する予算額（円）/ budget to allocate (yen)", positive("--budget"))
    .option("--insured <csv>", "被保険者数の CSV（code/name,insured）")
    .option(
      "--caps <csv>",
      "配分の上限の CSV（code/name,cap）。超えた分は上限に達していない団体へ / allocation caps, excess redistributed",
    )
    .option("--map <formmap.json>", "既存様式の割り当てファイル（saiten.formmap/1）")
    .option("--jobs <n>", `並列数（既定 ${defaultJobs()}）/ worker threads`, positive("--jobs", true))
    .option(
      "--max-file-mb <n>",
      `1ファイルの上限 MB（既定 ${DEFAULT_LIMITS.maxFileBytes / 1048576}）`,
      positive("--max-file-mb"),
    )
    .option(
      "--max-uncompressed-mb <n>",
      `展開後の上限 MB（既定 ${DEFAULT_LIMITS.maxUncompressedBytes / 1048576}）`,
      positive("--max-uncompressed-mb"),
    )
    .option(
      "--max-rows <n>",
      `1シートの行数の上限（既定 ${DEFAULT_LIMITS.maxRows}）`,
      positive("--max-rows", true),
    )
    .option("--quiet", "進捗を表示しない / no progress output")
    .action(async (inputs: string[], opts: ReviewOptions) => {
      const run = await runReview(inputs, opts, io);
      if (run.code !== 0) throw new ExitStatus(run.code);
    });
}
