// Each scoring run leaves a snapshot in a hidden sheet, so last year's file copied to start this year's
// carries its history, and the CLI reads the same rows as the add-in.
import type { ComparableGroup, ComparableResult } from "../engine/compare";
import type { AnswerValue, GroupResult, ScoreResult } from "../engine/types";
import type { Block, WriteBlock } from "./port";

export const HISTORY_SHEET = "saiten_history";
export const HISTORY_HEADERS = [
  "記録日時",
  "年度",
  "ルールブックID",
  "版",
  "合計",
  "満点",
  "得点率",
  "データ",
] as const;

interface CompactGroup {
  id: string;
  points: number;
  max: number | null;
  children?: CompactGroup[];
}

export interface Snapshot {
  time: string;
  fiscalYear: number;
  rulebookId: string;
  version: string;
  total: number;
  max: number | null;
  ratePercent: number | null;
  groups: CompactGroup[];
  /** [indicator id, points, normalised value] */
  indicators: [string, number, AnswerValue][];
}

function compact(groups: GroupResult[]): CompactGroup[] {
  return groups.map((g) => {
    const out: CompactGroup = { id: g.id, points: g.points, max: g.max };
    if (g.children.length) out.children = compact(g.children);
    return out;
  });
}

export function snapshotOf(result: ScoreResult, time: Date): Snapshot {
  return {
    time: time.toISOString(),
    fiscalYear: result.rulebook.fiscalYear,
    rulebookId: result.rulebook.id,
    version: result.rulebook.version,
    total: result.total.points,
    max: result.total.max,
    ratePercent: result.total.ratePercent,
    groups: compact(result.groups),
    indicators: result.indicators.map((i) => [i.id, i.points, i.value]),
  };
}

export function readHistory(block: Block | undefined): Snapshot[] {
  if (!block) return [];
  const out: Snapshot[] = [];
  for (const line of block.cells.slice(1)) {
    const data = line[7]?.value;
    if (typeof data !== "string" || !data.startsWith("{")) continue;
    try {
      const parsed = JSON.parse(data) as Pick<Snapshot, "groups" | "indicators">;
      out.push({
        time: String(line[0]?.value ?? ""),
        fiscalYear: Number(line[1]?.value),
        rulebookId: String(line[2]?.value ?? ""),
        version: String(line[3]?.value ?? ""),
        total: Number(line[4]?.value),
        max: typeof line[5]?.value === "number" ? line[5].value : null,
        ratePercent: typeof line[6]?.value === "number" ? line[6].value : null,
        groups: parsed.groups ?? [],
        indicators: parsed.indicators ?? [],
      });
    } catch {
      // A row someone edited by hand is skipped rather than trusted.
    }
  }
  return out;
}

/** The newest snapshot of an earlier fiscal year: "last year" for this year's run. */
export function previousSnapshot(history: readonly Snapshot[], fiscalYear: number): Snapshot | undefined {
  return history
    .filter((s) => s.fiscalYear < fiscalYear && Number.isFinite(s.total))
    .sort((a, b) => b.fiscalYear - a.fiscalYear || b.time.localeCompare(a.time))[0];
}

export function comparableOf(s: Snapshot): ComparableResult {
  const groups = (gs: CompactGroup[]): ComparableGroup[] =>
    gs.map((g) => ({ id: g.id, points: g.points, max: g.max, children: groups(g.children ?? []) }));
  return {
    rulebook: { id: s.rulebookId, fiscalYear: s.fiscalYear },
    total: { points: s.total, max: s.max },
    groups: groups(s.groups),
    indicators: s.indicators.map(([id, points, value]) => ({ id, points, value })),
  };
}

/** The block that appends a snapshot (with headers when the sheet is new). */
export function historyAppend(block: Block | undefined, s: Snapshot): WriteBlock {
  const row = [
    s.time,
    s.fiscalYear,
    s.rulebookId,
    s.version,
    s.total,
    s.max,
    s.ratePercent,
    JSON.stringify({ groups: s.groups, indicators: s.indicators }),
  ];
  if (!block || block.cells.length === 0 || block.cells[0][0]?.value !== HISTORY_HEADERS[0]) {
    return { sheet: HISTORY_SHEET, top: 1, left: 1, values: [[...HISTORY_HEADERS], row] };
  }
  const last = block.top + block.cells.length - 1;
  return { sheet: HISTORY_SHEET, top: last + 1, left: 1, values: [row] };
}
