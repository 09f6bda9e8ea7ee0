// National benchmarks per column: the stats rows as read (配点, 全国合計, 平均点, 項目平均, 平均得点率,
// 中央値, 標準偏差, 該当市町村数, 該当率), next to the same figures recomputed from the municipality rows;
// a read figure that disagrees beyond its rounding is reported. Also the low-score line.
import { roundHalfUp } from "../numbers/round";
import { type MessageCode, msg } from "../messages";
import { say } from "./say";
import type {
  Benchmark,
  ColumnStats,
  LowScoreLine,
  RecomputedStats,
  TallyColumn,
  TallyMunicipality,
  TallyProblem,
} from "./types";

export function recompute(values: number[], points: number | null): RecomputedStats {
  const n = values.length;
  const sum = values.reduce((s, x) => s + x, 0);
  const mean = n ? sum / n : 0;
  const sorted = [...values].sort((a, b) => a - b);
  const median = n === 0 ? 0 : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const ss = values.reduce((s, x) => s + (x - mean) * (x - mean), 0);
  const hitCount = values.filter((x) => x !== 0).length;
  return {
    n,
    sum,
    mean,
    meanRate: points ? mean / points : null,
    median,
    sd: n ? Math.sqrt(ss / n) : 0,
    sdSample: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    hitCount,
    hitRate: n ? hitCount / n : 0,
  };
}

/** Whether a printed figure is the exact one, allowing for rounding (and rates printed in percent). */
function agrees(read: number, exact: number, rate = false): boolean {
  const tol = (x: number) => Math.max(1e-6, Math.abs(x) * 0.0005, 0.0051);
  if (Math.abs(read - exact) <= tol(exact)) return true;
  return rate && Math.abs(read / 100 - exact) <= tol(exact);
}

/** Each statistic as the tally's own rows name it (全国合計, 平均点…), for the problems that cite one. */
const STAT_WORD: Record<keyof ColumnStats, MessageCode> = {
  points: "tally.stat.points",
  sum: "tally.stat.sum",
  mean: "tally.stat.mean",
  itemMean: "tally.stat.item-mean",
  meanRate: "tally.stat.mean-rate",
  median: "tally.stat.median",
  sd: "tally.stat.sd",
  hitCount: "tally.stat.hit-count",
  hitRate: "tally.stat.hit-rate",
};

export function computeBenchmarks(args: {
  columns: TallyColumn[];
  municipalities: TallyMunicipality[];
  readStats: (col: TallyColumn) => ColumnStats;
  cellRef: (row: number, col: number) => string;
  statsRows: Partial<Record<keyof ColumnStats, number>>;
  problems: TallyProblem[];
}): { items: Record<string, Benchmark>; groups: Record<string, Benchmark> } {
  const { columns, municipalities, readStats, cellRef, statsRows, problems } = args;
  const items: Record<string, Benchmark> = {};
  const groups: Record<string, Benchmark> = {};
  for (const col of columns) {
    if (col.id === null) continue;
    const id = col.id;
    const values = municipalities.map((m) => (col.kind === "item" ? m.items[id] : m.groups[id]) ?? 0);
    const read = readStats(col);
    const rc = recompute(values, col.points);
    const check = (key: keyof ColumnStats, exact: number | null, alt?: number, rate = false) => {
      const v = read[key];
      const row = statsRows[key];
      if (v === null || exact === null || row === undefined) return;
      if (agrees(v, exact, rate) || (alt !== undefined && agrees(v, alt, rate))) return;
      problems.push({
        code: "stats_mismatch",
        severity: "warning",
        cell: cellRef(row, col.col),
        column: col.letter,
        header: col.header,
        id,
        expected: exact,
        actual: v,
        ...say(
          msg("tally.p.stats", { cell: cellRef(row, col.col), id, key: msg(STAT_WORD[key]), value: v, computed: round(exact) }),
        ),
      });
    };
    check("sum", rc.sum);
    check("mean", rc.mean);
    check("meanRate", rc.meanRate, undefined, true);
    check("median", rc.median);
    check("sd", rc.sd, rc.sdSample);
    if (col.kind === "item") {
      check("hitCount", rc.hitCount);
      check("hitRate", rc.hitRate, undefined, true);
    }
    const b: Benchmark = { id, kind: col.kind, column: col.letter, read, recomputed: rc };
    (col.kind === "item" ? items : groups)[id] = b;
  }
  return { items, groups };
}

const round = (x: number) => roundHalfUp(x, 4);

/** (mean rate − 2 × SD of the rate) × 配点 of the total, and the municipalities below it. */
export function lowScoreLine(
  total: Benchmark | undefined,
  municipalities: TallyMunicipality[],
): LowScoreLine | null {
  if (!total) return null;
  const points = total.read.points ?? null;
  if (!points) return null;
  let meanRate = total.read.meanRate;
  if (meanRate !== null && meanRate > 1.5) meanRate /= 100;
  const sd = total.read.sd;
  const fromRead = meanRate !== null && sd !== null;
  const mr = fromRead ? meanRate! : (total.recomputed.meanRate ?? total.recomputed.mean / points);
  const sdRate = (fromRead ? sd! : total.recomputed.sd) / points;
  const line = (mr - 2 * sdRate) * points;
  return {
    line,
    meanRate: mr,
    sdRate,
    points,
    source: fromRead ? "read" : "recomputed",
    below: municipalities
      .filter((m) => m.total < line)
      .map((m) => ({ code: m.code, name: m.name, pref: m.pref, total: m.total })),
  };
}
