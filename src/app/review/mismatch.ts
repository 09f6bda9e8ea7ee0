// Self-reported figures against the recomputed ones: the template's 得点 column, the 採点結果 sheet
// (得点 per group id and the total row) and mapped output cells saiten.p.<id>. Blank cells are not
// mismatches (nothing was reported). Pure: the caller reads the cells.
import { groupsInOrder } from "../../engine/result-tree";
import { isMissingText, normaliseText, numberFrom } from "../../engine/normalise";
import { num } from "../../engine/text";
import { bilingual, msg, type Param } from "../../messages";
import type { ScoreResult } from "../../engine/types";
import type { CellData } from "../../workbook/port";
import type { Mismatch } from "./types";

export interface ReportedCell {
  /** Qualified address, e.g. 回答!G12. */
  cell: string;
  data: CellData | undefined;
}

export interface ReportedFigures {
  /** Template 得点 column, by indicator id. */
  indicators?: Map<string, ReportedCell>;
  /** 採点結果 column C, by group id (the root id is the total). */
  groups?: Map<string, ReportedCell>;
  /** saiten.p.<id> cells, by indicator id. */
  outputs?: Map<string, ReportedCell>;
}

const TOLERANCE = 1e-6;

/** What a cell reports: undefined when blank (not a report), a number, or the text it holds. */
export function reportedValue(c: CellData | undefined): number | string | undefined {
  if (!c) return undefined;
  if (c.error) return c.error;
  const v = c.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return String(v);
  // A date where points were to be written: shown as the date, as the pane shows a date answer.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const t = normaliseText(v).trim();
  if (isMissingText(t)) return undefined;
  return numberFrom(t) ?? t;
}

function check(
  out: Mismatch[],
  where: ReportedCell | undefined,
  target: string,
  computed: number,
  /** What the figure is of: an indicator or group id, or the total. */
  what: Param,
): void {
  if (!where) return;
  const reported = reportedValue(where.data);
  if (reported === undefined) return;
  if (typeof reported === "number" && Math.abs(reported - computed) <= TOLERANCE) return;
  const shown = typeof reported === "number" ? num(reported) : msg("review.reported-text", { text: reported });
  out.push({
    cell: where.cell,
    target,
    reported,
    computed,
    message: bilingual(msg("review.mismatch", { cell: where.cell, what, reported: shown, computed: num(computed) })),
  });
}

export function findMismatches(result: ScoreResult, reported: ReportedFigures): Mismatch[] {
  const out: Mismatch[] = [];
  for (const ind of result.indicators) {
    check(out, reported.indicators?.get(ind.id), ind.id, ind.points, ind.id);
  }
  for (const ind of result.indicators) {
    check(out, reported.outputs?.get(ind.id), ind.id, ind.points, ind.id);
  }
  if (reported.groups) {
    check(out, reported.groups.get(result.total.id), "total", result.total.points, msg("review.total"));
    for (const { group: g } of groupsInOrder(result)) check(out, reported.groups.get(g.id), g.id, g.points, g.id);
  }
  return out;
}
