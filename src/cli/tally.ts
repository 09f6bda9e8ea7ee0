// `saiten tally import <tally.xlsx> [--year N] --out <benchmarks.json>`: MHLW's national tally (全国集計)
// read into national benchmarks, every municipality's item-level points, ranks and the low-score line
// (format saiten.tally/1, see src/tally/types.ts). Also previousFromTally() for --previous-tally.
import { basename, resolve } from "path";
import { type LimitOptions, TALLY_LIMITS, withOptions } from "../files/limits";
import { listOf, type MessageCode, msg, UserError } from "../messages";
import type { Cli } from "./context";
import type { ComparableResult } from "../engine/compare";
import { ratePercent } from "../numbers/round";
import { localText } from "../engine/text";
import type { ReviewRecord } from "../app/review/types";
import { findBundled } from "../rulebooks/registry";
import type { Rulebook } from "../rulebooks/schema";
import { applyTallyBenchmarks } from "../tally/apply-benchmarks";
import { toComparable } from "../tally/comparable";
import { matchInsurer } from "../tally/find-insurer";
// The tally reader (and ExcelJS behind it) is loaded when a tally is opened.
import type { OpenedTally } from "../tally/open";
import { TALLY_FORMAT, type TallyDocument, type TallyProblemCode, type TallyRead } from "../tally/types";

/** What each kind of problem is called in the summary line, instead of its code. */
const PROBLEM_KIND: Record<TallyProblemCode, MessageCode> = {
  unknown_column: "tally.kind.unknown_column",
  missing_column: "tally.kind.missing_column",
  duplicate_column: "tally.kind.duplicate_column",
  points_mismatch: "tally.kind.points_mismatch",
  sum_mismatch: "tally.kind.sum_mismatch",
  stats_mismatch: "tally.kind.stats_mismatch",
  missing_header: "tally.kind.missing_header",
  code_not_text: "tally.kind.code_not_text",
  duplicate_code: "tally.kind.duplicate_code",
  item_not_number: "tally.kind.item_not_number",
  item_out_of_range: "tally.kind.item_out_of_range",
  item_as_text: "tally.kind.item_as_text",
};

export function tallyDocument(read: TallyRead, source: string): TallyDocument {
  // A tally opened from JSON carries its own format/source/counts: these are written afresh.
  const body: Record<string, unknown> = { ...read };
  for (const k of ["format", "source", "counts"]) delete body[k];
  return {
    format: TALLY_FORMAT,
    source,
    counts: {
      municipalities: read.municipalities.length,
      skipped: read.skipped.length,
      itemColumns: read.columns.filter((c) => c.kind === "item").length,
      totalColumns: read.columns.filter((c) => c.kind === "total").length,
      problems: read.problems.length,
    },
    ...(body as unknown as TallyRead),
  };
}

/** `saiten tally import <tally>`: the tally read, saved as JSON with --out (replacing a file only with --force). */
export async function importTally(
  root: Cli,
  path: string,
  opts: LimitOptions & { year?: number; out?: string; force?: boolean },
): Promise<TallyDocument> {
  const cli = root.withForce(opts.force);
  const read = await loadTally(cli, path, opts.year, opts);
  if (opts.out) await cli.files.checkOutput(opts.out);
  const doc = tallyDocument(read, basename(path));
  if (opts.out) await cli.files.write(opts.out, JSON.stringify(doc, null, 1));
  const c = doc.counts;
  cli.say(
    msg("tally.imported", {
      file: path,
      // The rulebook the tally was read with, by its title (which names the year).
      rulebook: localText(findBundled(read.rulebookId)?.title ?? read.rulebookId),
      id: read.rulebookId,
      municipalities: c.municipalities,
      skipped: c.skipped,
      items: c.itemColumns,
      totals: c.totalColumns,
    }),
  );
  if (read.lowScore)
    cli.say(msg("tally.low-score", { line: read.lowScore.line.toFixed(1), n: read.lowScore.below.length }));
  const byKind = new Map<TallyProblemCode, number>();
  for (const p of read.problems) byKind.set(p.code, (byKind.get(p.code) ?? 0) + 1);
  if (read.problems.length) {
    cli.say(
      msg("tally.problems", {
        n: read.problems.length,
        kinds: listOf([...byKind].map(([k, n]) => msg("tally.kind.count", { kind: msg(PROBLEM_KIND[k]), n }))),
      }),
    );
    for (const p of read.problems.slice(0, 20))
      cli.io.out(`  ${cli.lang === "en" && p.messageEn ? p.messageEn : p.message}\n`);
    if (read.problems.length > 20) cli.say(msg("tally.problems-more", { n: read.problems.length - 20 }));
  } else cli.say(msg("tally.no-problems"));
  if (opts.out) cli.say(msg("cli.written", { out: opts.out }));
  return doc;
}

/** A tally file (.xlsx from MHLW, or the JSON of `saiten tally import`), read with the rulebook of its year. */
export async function loadTally(cli: Cli, path: string, year?: number, opts?: LimitOptions): Promise<OpenedTally> {
  const limits = withOptions(TALLY_LIMITS, opts);
  const input = await cli.files.read(path, limits);
  const { openTally } = await import("../tally/open");
  return openTally(input.bytes, basename(path), { year, limits });
}

export type TallyLoad = (path: string) => Promise<OpenedTally>;

/** loadTally, but each file once: --benchmarks and --previous-tally often name the same tally. */
export function tallyLoader(cli: Cli): TallyLoad {
  const opened = new Map<string, Promise<OpenedTally>>();
  return (path) => {
    const key = resolve(path);
    let tally = opened.get(key);
    if (!tally) opened.set(key, (tally = loadTally(cli, path)));
    return tally;
  };
}

/** The row of one insurer in a tally, as last year's result for compare (--previous-tally). */
export async function previousFromTally(
  cli: Cli,
  path: string,
  insurerNo: string,
  rulebook: Rulebook,
  load: TallyLoad = (p) => loadTally(cli, p),
): Promise<ComparableResult> {
  const read = await load(path);
  const m = matchInsurer(read.municipalities, insurerNo);
  if (m.kind === "none") throw new UserError(msg("tally.insurer-missing", { file: path, insurer: insurerNo }));
  if (m.kind === "ambiguous")
    throw new UserError(
      msg(m.by === "code" ? "tally.insurer-code-twice" : "tally.insurer-name-twice", {
        file: path,
        insurer: insurerNo,
        rows: listOf(m.entities.map((e) => msg("tally.insurer-row", { row: e.row, code: e.code, name: e.name }))),
      }),
    );
  return toComparable(m.entity, findBundled(read.rulebookId) ?? rulebook);
}

/** The rulebook with the tally's national figures (--benchmarks); says how much of it matched. */
export async function rulebookWithTallyBenchmarks(
  cli: Cli,
  path: string,
  rulebook: Rulebook,
  load: TallyLoad = (p) => loadTally(cli, p),
): Promise<Rulebook> {
  const read = await load(path);
  const own = findBundled(read.rulebookId);
  if (!own) throw new UserError(msg("tally.no-rulebook-id", { file: path, id: read.rulebookId }));
  const applied = applyTallyBenchmarks(rulebook, read, own);
  if (applied.matched === 0) throw new UserError(msg("tally.benchmarks-unmatched", { file: path, id: rulebook.id }));
  cli.note(
    msg("tally.benchmarks-applied", {
      label: applied.labelText,
      n: applied.municipalities,
      matched: applied.matched,
      of: applied.of,
    }),
  );
  return applied.rulebook;
}

/** Every municipality of a national tally as last year's records for `saiten review --previous-tally`. */
export async function previousRecordsFromTally(path: string, load: TallyLoad): Promise<ReviewRecord[]> {
  const read = await load(path);
  const rulebook = findBundled(read.rulebookId);
  const max = rulebook?.root.max ?? null;
  return read.municipalities.map((m) => ({
    file: path,
    status: "scored" as const,
    identity: {
      name: m.name,
      code: m.code,
      source: "names" as const,
      ...(m.insured !== null && { insured: m.insured }),
    },
    rulebookId: read.rulebookId,
    total: {
      id: "total",
      points: m.total,
      max,
      ratePercent: max ? ratePercent(m.total, max, rulebook?.rateDigits ?? 1) : null,
    },
  }));
}
