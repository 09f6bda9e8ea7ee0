// The whole set: one row per scored workbook (duplicates kept and listed), ranks overall and within
// the size band, last year per municipality, the estimated split of a budget, 該当率 per indicator and
// the set's mean/median per group against the national benchmark. Pure.
import { walkTree } from "../../rulebooks/tree";
import { roundHalfUp } from "../../numbers/round";
import { allocate } from "../../engine/allocate";
import { matchIdentity } from "../../workbook/entities";
import { judgeRates } from "../../engine/compare";
import { rank } from "../../engine/rank";
import { sizeClassFor } from "../../engine/score";
import { jaText } from "../../engine/text";
import { summaryGroupName, summaryIndicatorName } from "./summary-words";
import { bilingual, msg } from "../../messages";
import type { Group, Indicator, Rulebook } from "../../rulebooks/schema";
import { indicatorRange } from "../../rulebooks/structure";
import { recompute } from "../../tally/benchmarks";
import type { ReviewRecord, ReviewRow, ReviewSummary } from "./types";

export interface SummariseOptions {
  rulebook: Rulebook;
  /** Last year: its records or its summary.json; matched by code, then by name. */
  previous?: ReviewRecord[] | ReviewSummary;
  /** Budget in yen to split: share ∝ points × insured. */
  budget?: number;
  /** Insured persons by code or by name (e.g. from --insured CSV); wins over the workbook's own figure. */
  insured?: Map<string, number> | Readonly<Record<string, number>>;
  /** Upper bound of the grant per entity, by code or by name; the excess goes to the others. */
  caps?: Map<string, number> | Readonly<Record<string, number>>;
  now?: Date;
}

interface PreviousFigure {
  ratePercent: number | null;
}

const round = roundHalfUp;

/** The key two files of the same municipality share: the code, or the name when there is no code. */
export function entityKey(identity: { name: string; code?: string }): string {
  return identity.code ?? identity.name;
}

function lookup(
  table: Map<string, number> | Readonly<Record<string, number>> | undefined,
  identity: { name: string; code?: string },
): number | undefined {
  if (!table) return undefined;
  const get = (k: string): number | undefined =>
    table instanceof Map
      ? table.get(k)
      : Object.prototype.hasOwnProperty.call(table, k)
        ? table[k]
        : undefined;
  return (identity.code !== undefined ? get(identity.code) : undefined) ?? get(identity.name);
}

interface PreviousEntity extends PreviousFigure {
  code?: string;
  name: string;
}

/** Last year's entities, each found by the one matching rule (code, else a name no other carries). */
function previousIndex(previous: SummariseOptions["previous"]): (identity: { name: string; code?: string }) => PreviousFigure | undefined {
  const list: PreviousEntity[] = [];
  if (Array.isArray(previous)) {
    for (const r of previous)
      if (r.status === "scored" && r.identity && r.total)
        list.push({ code: r.identity.code, name: r.identity.name, ratePercent: r.total.ratePercent });
  } else if (previous) {
    for (const r of previous.rows) list.push({ code: r.code, name: r.name, ratePercent: r.ratePercent });
  }
  return (identity) => {
    const m = matchIdentity(list, identity);
    if (m.kind === "found") return m.entity;
    // The same municipality submitted twice last year is still one figure when both agree.
    if (m.kind === "ambiguous" && m.entities.every((e) => e.ratePercent === m.entities[0].ratePercent))
      return m.entities[0];
    return undefined;
  };
}

interface GroupInfo {
  id: string;
  name: string;
  depth: number;
  max: number | null;
  group: Group;
}

function walkRulebook(rb: Rulebook): { groups: GroupInfo[]; indicators: Indicator[] } {
  const groups: GroupInfo[] = [];
  const indicators: Indicator[] = [];
  walkTree(rb, {
    group: (g, depth) =>
      void groups.push({
        id: g.id,
        name: summaryGroupName(g, depth, "ja"),
        depth,
        max: g.max ?? null,
        group: g,
      }),
    indicator: (i) => void indicators.push(i),
  });
  return { groups, indicators };
}

export function summarise(records: ReviewRecord[], options: SummariseOptions): ReviewSummary {
  const rb = options.rulebook;
  const digits = rb.rateDigits ?? 1;
  const scored = records.filter((r) => r.status === "scored" && r.total && r.identity);
  const failedRecords = records.filter((r) => r.status === "failed");

  // Duplicates: every file kept, the set listed once per key (first appearance order).
  const byKey = new Map<string, string[]>();
  for (const r of records) {
    if (!r.identity) continue;
    const k = entityKey(r.identity);
    const list = byKey.get(k) ?? [];
    list.push(r.file);
    byKey.set(k, list);
  }
  const duplicates = [...byKey]
    .filter(([, files]) => files.length > 1)
    .map(([key, files]) => ({ key, files }));

  // Stable order: code, then name, then file (workers finish in any order).
  const ordered = [...scored].sort((a, b) => {
    const ca = a.identity!.code;
    const cb = b.identity!.code;
    if (ca !== cb) {
      if (ca === undefined) return 1;
      if (cb === undefined) return -1;
      return ca < cb ? -1 : 1;
    }
    const na = a.identity!.name;
    const nb = b.identity!.name;
    if (na !== nb) return na < nb ? -1 : 1;
    return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  });

  const { groups: groupInfo, indicators } = walkRulebook(rb);
  const columnGroups = groupInfo.filter((g) => g.depth === 1 || g.depth === 2);
  const prev = previousIndex(options.previous);

  const rows: ReviewRow[] = ordered.map((r) => {
    const id = r.identity!;
    const insured = lookup(options.insured, id) ?? id.insured;
    const sizeClass = sizeClassFor(rb, { sizeClass: id.sizeClass, size: insured });
    const rates = new Map((r.groups ?? []).map((g) => [g.id, g.ratePercent]));
    const groupRates: Record<string, number | null> = {};
    for (const g of columnGroups) groupRates[g.id] = rates.get(g.id) ?? null;
    const row: ReviewRow = {
      file: r.file,
      name: id.name,
      total: r.total!.points,
      max: r.total!.max,
      ratePercent: r.total!.ratePercent,
      groupRates,
      rank: 0,
      previousRatePercent: null,
      changeRate: null,
      trend: "―",
      judgement: null,
      issues: r.issues?.length ?? 0,
      mismatches: r.mismatches?.length ?? 0,
    };
    if (id.code !== undefined) row.code = id.code;
    if (insured !== undefined) row.insured = insured;
    if (sizeClass) {
      row.sizeClass = sizeClass.id;
      row.sizeClassName = jaText(sizeClass.label);
    }

    const own = r.comparison?.total;
    if (own && own.previous) {
      row.previousRatePercent = own.previous.ratePercent;
      row.changeRate = own.changeRate;
      row.trend = own.trend;
      row.judgement = own.judgement;
      if (r.previousSource) row.previousSource = r.previousSource;
    } else {
      const p = prev(id);
      if (p) {
        const cur = row.ratePercent;
        row.previousRatePercent = p.ratePercent;
        row.changeRate = p.ratePercent !== null && cur !== null ? round(cur - p.ratePercent, digits) : null;
        const j = judgeRates(p.ratePercent, cur);
        row.trend = j.trend;
        row.judgement = j.judgement;
        row.previousSource = "previous-set";
      }
    }
    return row;
  });

  const ranked = rank(rows.map((row, i) => ({ id: String(i), points: row.total, band: row.sizeClass })));
  ranked.forEach((x) => {
    const row = rows[Number(x.id)];
    row.rank = x.rank;
    if (x.bandRank !== undefined) row.bandRank = x.bandRank;
  });

  let allocation: ReviewSummary["allocation"];
  if (options.budget !== undefined) {
    const ordered2 = ordered.map((r) => r.identity!);
    const res = allocate(
      rows.map((row, i) => {
        const e: { id: string; points: number; insured: number; cap?: number } = {
          id: String(i),
          points: row.total,
          insured: row.insured ?? 0,
        };
        const cap = lookup(options.caps, ordered2[i]);
        if (cap !== undefined) e.cap = cap;
        return e;
      }),
      options.budget,
    );
    res.allocations.forEach((a, i) => {
      rows[i].share = a.share;
      rows[i].estimate = a.paid;
      if (a.capped) rows[i].capped = true;
    });
    allocation = {
      budget: res.budget,
      totalPaid: res.totalPaid,
      unallocated: res.unallocated,
      withoutInsured: rows.filter((r) => r.insured === undefined).map((r) => r.file),
    };
  }

  const n = scored.length;
  const indicatorSummary: ReviewSummary["indicators"] = indicators.map((ind) => {
    let achieved = 0;
    for (const r of scored) if ((r.indicatorPoints?.[ind.id] ?? 0) > 0) achieved++;
    const line: ReviewSummary["indicators"][number] = {
      id: ind.id,
      name: summaryIndicatorName(ind, "ja"),
      max: indicatorRange(ind).max ?? null,
      achieved,
      rate: n ? achieved / n : 0,
    };
    if (ind.benchmark?.hitRate !== undefined) line.nationalRate = ind.benchmark.hitRate;
    return line;
  });

  const groupPoints = new Map<string, number[]>(groupInfo.map((g) => [g.id, []]));
  for (const r of scored) {
    groupPoints.get(rb.root.id)?.push(r.total!.points);
    for (const g of r.groups ?? []) groupPoints.get(g.id)?.push(g.points);
  }
  const groupSummary: ReviewSummary["groups"] = groupInfo.map((g) => {
    const { mean, median } = recompute(groupPoints.get(g.id) ?? [], null);
    const line: ReviewSummary["groups"][number] = {
      id: g.id,
      name: g.name,
      depth: g.depth,
      max: g.max,
      mean,
      median,
    };
    if (g.group.benchmark?.mean !== undefined) line.nationalMean = g.group.benchmark.mean;
    if (g.group.benchmark?.median !== undefined) line.nationalMedian = g.group.benchmark.median;
    return line;
  });

  const summary: ReviewSummary = {
    format: "saiten.review/1",
    rulebook: { id: rb.id, fiscalYear: rb.fiscalYear, version: rb.version, rateDigits: digits },
    generatedAt: (options.now ?? new Date()).toISOString(),
    files: { total: records.length, scored: scored.length, failed: failedRecords.length },
    rows,
    failures: failedRecords.map((r) => {
      const f: ReviewSummary["failures"][number] = {
        file: r.file,
        reasonCode: r.reasonCode ?? "failed",
        reason: r.reason ?? bilingual(msg("review.unreadable")),
      };
      if (r.identity && r.identity.source !== "file-name") f.name = r.identity.name;
      if (r.identity?.code !== undefined) f.code = r.identity.code;
      return f;
    }),
    duplicates,
    issues: ordered.flatMap((r) => (r.issues ?? []).map((i) => ({ ...i, file: r.file }))),
    mismatches: ordered.flatMap((r) => (r.mismatches ?? []).map((m) => ({ ...m, file: r.file }))),
    indicators: indicatorSummary,
    groups: groupSummary,
  };
  if (allocation) summary.allocation = allocation;
  const sources = nationalSources(
    indicators,
    groupInfo.map((g) => g.group),
  );
  if (sources.length) summary.nationalSource = sources.join("; ");
  const assumedFrom = options.rulebook.sizeClasses?.assumedFrom;
  if (assumedFrom !== undefined && rows.some((r) => r.sizeClass !== undefined)) summary.sizeBandsAssumedFrom = assumedFrom;
  return summary;
}

/** Where the national figures shown come from (a tally's label, or the rulebook's cited sources). */
function nationalSources(
  indicators: readonly { benchmark?: { hitRate?: number; source?: string } }[],
  groups: readonly { benchmark?: { mean?: number; median?: number; source?: string } }[],
): string[] {
  const out = new Set<string>();
  for (const i of indicators)
    if (i.benchmark?.hitRate !== undefined && i.benchmark.source) out.add(i.benchmark.source);
  for (const g of groups)
    if ((g.benchmark?.mean !== undefined || g.benchmark?.median !== undefined) && g.benchmark.source)
      out.add(g.benchmark.source);
  return [...out];
}
