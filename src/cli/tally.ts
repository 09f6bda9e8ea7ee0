// `saiten tally import <tally.xlsx> [--year N] --out <benchmarks.json>`: MHLW's national tally (全国集計)
// read into national benchmarks, every municipality's item-level points, ranks and the low-score line
// (format saiten.tally/1, see src/workbook/tally/types.ts). Also previousFromTally() for --previous-tally.
import type { Command } from "commander";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { basename, resolve } from "path";
import type { ComparableResult } from "../engine/compare";
import { ratePercent } from "../engine/rate";
import type { ReviewRecord } from "../review/types";
import { findBundled } from "../rulebooks/registry";
import type { Rulebook } from "../rulebooks/schema";
import { applyTallyBenchmarks } from "../workbook/tally/apply-benchmarks";
import { toComparable } from "../workbook/tally/comparable";
import { findInsurer } from "../workbook/tally/find-insurer";
import { type OpenedTally, openTally } from "../workbook/tally/open";
import { TallyError } from "../workbook/tally/read";
import { TALLY_FORMAT, type TallyDocument, type TallyRead } from "../workbook/tally/types";
import { UsageError } from "./load";

export interface TallyIo {
  out(s: string): void;
  err(s: string): void;
}

function readBytes(path: string): Uint8Array {
  const p = resolve(path);
  if (!existsSync(p)) throw new UsageError(`${path} がありません。`);
  return new Uint8Array(readFileSync(p));
}

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

export async function importTally(
  path: string,
  opts: { year?: number; out?: string },
  io: TallyIo,
): Promise<TallyDocument> {
  const read = await loadTally(path, opts.year);
  const doc = tallyDocument(read, basename(path));
  if (opts.out) writeFileSync(resolve(opts.out), JSON.stringify(doc, null, 1));
  const c = doc.counts;
  io.out(
    `${path}: ${read.rulebookId}（${read.fiscalYear ?? "?"}年度）市町村 ${c.municipalities}、` +
      `合計のない行（広域連合など） ${c.skipped}、小項目列 ${c.itemColumns}、合計列 ${c.totalColumns}\n`,
  );
  if (read.lowScore)
    io.out(
      `著しく得点の低い市町村の基準 ${read.lowScore.line.toFixed(1)} 点未満: ${read.lowScore.below.length} 団体\n`,
    );
  const byCode = new Map<string, number>();
  for (const p of read.problems) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);
  if (read.problems.length) {
    io.out(`問題 ${read.problems.length} 件: ${[...byCode].map(([k, n]) => `${k} ${n}`).join(", ")}\n`);
    for (const p of read.problems.slice(0, 20)) io.out(`  ${p.message}\n`);
    if (read.problems.length > 20) io.out(`  …ほか ${read.problems.length - 20} 件（JSON の problems）\n`);
  } else io.out("問題はありません。\n");
  if (opts.out) io.out(`出力: ${opts.out}\n`);
  return doc;
}

/** A tally file (.xlsx from MHLW, or the JSON of `saiten tally import`), read with the rulebook of its year. */
export async function loadTally(path: string, year?: number): Promise<OpenedTally> {
  const data = readBytes(path);
  try {
    return await openTally(data, basename(path), { year });
  } catch (e) {
    if (e instanceof TallyError) throw new UsageError(`${path}: ${e.message}`);
    throw e;
  }
}

export type TallyLoad = (path: string) => Promise<OpenedTally>;

/** loadTally, but each file once: --benchmarks and --previous-tally often name the same tally. */
export function tallyLoader(): TallyLoad {
  const opened = new Map<string, Promise<OpenedTally>>();
  return (path) => {
    const key = resolve(path);
    let tally = opened.get(key);
    if (!tally) opened.set(key, (tally = loadTally(path)));
    return tally;
  };
}

/** The row of one insurer in a tally, as last year's result for compare (--previous-tally). */
export async function previousFromTally(
  path: string,
  insurerNo: string,
  rulebook: Rulebook,
  load: TallyLoad = loadTally,
): Promise<ComparableResult> {
  const read = await load(path);
  const m = findInsurer(read.municipalities, insurerNo);
  if (!m) throw new UsageError(`${path} に保険者番号 ${insurerNo} の行（総合計のある行）がありません。`);
  return toComparable(m, findBundled(read.rulebookId) ?? rulebook);
}

/** The rulebook with the tally's national figures (--benchmarks); says how much of it matched. */
export async function rulebookWithTallyBenchmarks(
  path: string,
  rulebook: Rulebook,
  io: TallyIo,
  load: TallyLoad = loadTally,
): Promise<Rulebook> {
  const read = await load(path);
  const own = findBundled(read.rulebookId);
  if (!own) throw new UsageError(`${path}: ルールブック ${read.rulebookId} がありません。`);
  const applied = applyTallyBenchmarks(rulebook, read, own);
  if (applied.matched === 0)
    throw new UsageError(
      `${path} の項目は ${rulebook.id} の指標と一致しません。同じ交付金のルールブックを指定してください。`,
    );
  io.err(
    `全国の該当率・平均: ${applied.label}、${applied.municipalities} 市町村（${applied.matched}/${applied.of} 箇所）\n`,
  );
  return applied.rulebook;
}

export function registerTally(program: Command, io: TallyIo): void {
  const tally = program
    .command("tally")
    .description("全国集計（市町村）のブックを読む / read MHLW's national tally workbook");
  tally
    .command("import <tally>")
    .description("全国集計を読み、ベンチマークと各市町村の得点を JSON に / national tally to benchmarks JSON")
    .option("--year <n>", "年度（既定: 表題から）/ fiscal year (default: from the title row)", (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 2000 || n > 2100)
        throw new UsageError(`--year ${v} は年度ではありません。`);
      return n;
    })
    .option("--out <benchmarks.json>", "出力する JSON（saiten.tally/1）")
    .action(async (file: string, opts: { year?: number; out?: string }) => {
      await importTally(file, opts, io);
    });
}

/** Every municipality of a national tally as last year's records for `saiten review --previous-tally`. */
export async function previousRecordsFromTally(
  path: string,
  load: TallyLoad = loadTally,
): Promise<ReviewRecord[]> {
  if (!existsSync(path)) throw new UsageError(`前年度の全国集計 ${path} がありません。`);
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
