// Live results: the sheet's change and selection events, reduced to what the pane acts on — answer
// cells that changed (debounced into one read-only re-score) and the indicator whose answer cell is
// selected. Saiten's own writes (points, 採点結果, history) are events too and are ignored here.
import { useEffect, useRef } from "react";
import type { CellInput } from "../engine/types";
import { parseRef } from "../excel/a1";
import type { PaneApi, RunSummary } from "../app/pane-api";

/** How long the sheet must be quiet before the pane reads the answers again (typing, pasting). */
export const LIVE_DEBOUNCE_MS = 400;

function refOf(address: string): ReturnType<typeof parseRef> | null {
  try {
    return parseRef(address);
  } catch {
    return null;
  }
}

const sameSheet = (a: string | undefined, b: string | undefined) =>
  (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

/** Whether a changed range covers any answer cell of the run. */
export function touchesAnswers(address: string, answerCells: Record<string, string>): boolean {
  const r = refOf(address);
  if (!r) return false;
  return Object.values(answerCells).some((cell) => {
    const c = refOf(cell);
    return (
      !!c &&
      sameSheet(c.sheet, r.sheet) &&
      c.top >= r.top &&
      c.top <= r.bottom &&
      c.left >= r.left &&
      c.left <= r.right
    );
  });
}

/** The indicator whose answer cell is the selected cell (the top-left one of a selected range). */
export function indicatorAt(address: string, answerCells: Record<string, string>): string | null {
  const r = refOf(address);
  if (!r) return null;
  for (const [id, cell] of Object.entries(answerCells)) {
    const c = refOf(cell);
    if (c && sameSheet(c.sheet, r.sheet) && c.top === r.top && c.left === r.left) return id;
  }
  return null;
}

const valueKey = (i: CellInput | undefined) => JSON.stringify(i?.value ?? null);

/** The same answers in every cell: a change event that changed nothing Saiten reads (or its own write). */
export function sameAnswers(a: Record<string, CellInput>, b: Record<string, CellInput>): boolean {
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const id of ids) if (valueKey(a[id]) !== valueKey(b[id])) return false;
  return true;
}

export interface SheetEvents {
  /** Answer cells changed: called once the sheet has been quiet for LIVE_DEBOUNCE_MS. */
  answersChanged(): void;
  /** The selection is on an indicator's answer cell. */
  selected(indicatorId: string): void;
}

/**
 * Follows the workbook while the pane is open (re-registered when `key` changes, e.g. after sheets
 * were added). Reads the latest summary through a ref, so events never act on an old run.
 */
export function useSheetEvents(
  api: PaneApi,
  summaryRef: { current: RunSummary | null },
  handlers: SheetEvents,
  key: unknown,
): void {
  const on = useRef(handlers);
  on.current = handlers;
  useEffect(() => {
    if (!api.watch) return;
    let live = true;
    let stop: (() => Promise<void>) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    api
      .watch({
        changed(address) {
          const s = summaryRef.current;
          if (!s || !touchesAnswers(address, s.answerCells)) return;
          clearTimeout(timer);
          timer = setTimeout(() => live && on.current.answersChanged(), LIVE_DEBOUNCE_MS);
        },
        selected(address) {
          const s = summaryRef.current;
          const id = s ? indicatorAt(address, s.answerCells) : null;
          if (id) on.current.selected(id);
        },
      })
      .then((s) => {
        if (live) stop = s;
        else void s().catch(() => undefined);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [api, summaryRef, key]);
}
