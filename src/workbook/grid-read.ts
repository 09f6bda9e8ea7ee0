// The read() of the port for adapters that hold the whole file in memory (ExcelJS, the fast xlsx
// reader): one place for how requests map to blocks, ranges, names and settings.
import { parseRef } from "./a1";
import type { Block, DefinedName, RangeRead, ReadRequest, ReadResult, SheetInfo } from "./port";

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sheet as an in-memory adapter sees it. */
export interface GridSheet {
  name: string;
  rowCount: number;
  columnCount: number;
  merges(): readonly Box[];
  block(top: number, left: number, bottom: number, right: number): Block;
}

export interface GridSource {
  sheetInfo(): SheetInfo[];
  sheet(name: string): GridSheet | undefined;
  names(): DefinedName[];
  settings(): Map<string, string>;
}

function rangeRead(src: GridSource, ref: string): RangeRead {
  let r;
  try {
    r = parseRef(ref);
  } catch {
    return { ref, problem: "invalid-ref" };
  }
  const s = r.sheet ? src.sheet(r.sheet) : undefined;
  if (!s) return { ref, problem: "sheet-missing" };
  // Judge the bounds before reading: reading a block may add rows (ExcelJS's getRow does).
  const outside = r.bottom > s.rowCount || r.right > s.columnCount;
  const out: RangeRead = { ref, block: s.block(r.top, r.left, r.bottom, r.right) };
  if (
    s.merges().some((m) => m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left)
  ) {
    out.merged = true;
  }
  if (outside) out.outsideUsed = true;
  return out;
}

export function readGrid(src: GridSource, req: ReadRequest): ReadResult {
  const used = new Map<string, Block>();
  for (const name of req.used ?? []) {
    const s = src.sheet(name);
    if (s) used.set(name, s.block(1, 1, Math.max(1, s.rowCount), Math.max(1, s.columnCount)));
  }
  const ranges = (req.ranges ?? []).map((ref) => rangeRead(src, ref));
  const names = req.names ? src.names() : [];
  const settings: Record<string, string | undefined> = {};
  if (req.settings?.length) {
    const stored = src.settings();
    for (const k of req.settings) settings[k] = stored.get(k);
  }
  return { sheets: src.sheetInfo(), used, ranges, names, settings };
}
