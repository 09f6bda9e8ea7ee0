// The port for adapters that hold the whole file in memory (ExcelJS, the fast xlsx reader): one place
// for how requests map to blocks, ranges, names and settings, so both answer every read alike.
import { type Box, overlaps, parseRef } from "../excel/a1";
import type {
  Block,
  DefinedName,
  RangeRead,
  ReadRequest,
  ReadResult,
  SheetInfo,
  WorkbookPort,
  WriteRequest,
} from "../workbook/port";
import { RangeTooLarge } from "../workbook/port";

/** One sheet as an in-memory adapter sees it. */
export interface GridSheet {
  name: string;
  rowCount: number;
  columnCount: number;
  merges(): readonly Box[];
  block(top: number, left: number, bottom: number, right: number): Block;
}

/**
 * A GridSheet over a sheet whose counts are live (reading a block adds rows, as ExcelJS's getRow()
 * does). A class, not an object literal with getters: V8 gives each such literal a hidden class of its
 * own, outside the young generation, whose getters' closures keep the whole workbook alive until a full
 * collection (a reviewer's worker promoted ~200 KB per file that way). Each adapter's sheet is a
 * subclass with methods, not arrow functions made per workbook: those lose their optimised code at
 * every full collection (see XmlHandler in xlsx/xml.ts; `npm run bench:jit` found these).
 */
export abstract class LiveGridSheet implements GridSheet {
  constructor(
    readonly name: string,
    private readonly counts: { readonly rowCount: number; readonly columnCount: number },
  ) {}

  get rowCount(): number {
    return this.counts.rowCount;
  }

  get columnCount(): number {
    return this.counts.columnCount;
  }

  abstract merges(): readonly Box[];
  abstract block(top: number, left: number, bottom: number, right: number): Block;
}

export abstract class GridWorkbook implements WorkbookPort {
  roundTrips = 0;
  /** The most cells one block may cover (rows × columns of a used range). */
  maxBlockCells = Infinity;
  /** Settings live in a hidden sheet of key/value rows: a file has no document settings store. */
  static readonly SETTINGS_SHEET = "saiten_settings";

  protected abstract sheetInfo(): SheetInfo[];
  protected abstract gridSheet(name: string): GridSheet | undefined;
  protected abstract names(): DefinedName[];
  protected abstract storedSettings(): Map<string, string>;
  abstract write(req: WriteRequest): Promise<void>;

  async read(req: ReadRequest): Promise<ReadResult> {
    this.roundTrips++;
    const used = new Map<string, Block>();
    for (const name of req.used ?? []) {
      const s = this.gridSheet(name);
      if (!s) continue;
      const rows = Math.max(1, s.rowCount);
      const cols = Math.max(1, s.columnCount);
      if (rows * cols > this.maxBlockCells) throw new RangeTooLarge(name, rows * cols, this.maxBlockCells);
      used.set(name, s.block(1, 1, rows, cols));
    }
    const ranges = (req.ranges ?? []).map((ref) => this.rangeRead(ref));
    const names = req.names ? this.names() : [];
    const settings: Record<string, string | undefined> = {};
    if (req.settings?.length) {
      const stored = this.storedSettings();
      for (const k of req.settings) settings[k] = stored.get(k);
    }
    return { sheets: this.sheetInfo(), used, ranges, names, settings };
  }

  private rangeRead(ref: string): RangeRead {
    let r;
    try {
      r = parseRef(ref);
    } catch {
      return { ref, problem: "invalid-ref" };
    }
    const s = r.sheet ? this.gridSheet(r.sheet) : undefined;
    if (!s) return { ref, problem: "sheet-missing" };
    // Judge the bounds before reading: reading a block may add rows (ExcelJS's getRow does).
    const outside = r.bottom > s.rowCount || r.right > s.columnCount;
    const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (area > this.maxBlockCells) throw new RangeTooLarge(s.name, area, this.maxBlockCells);
    const out: RangeRead = { ref, block: s.block(r.top, r.left, r.bottom, r.right) };
    if (s.merges().some((m) => overlaps(m, r))) out.merged = true;
    if (outside) out.outsideUsed = true;
    return out;
  }

  async select(): Promise<void> {
    // A file has no selection to move.
  }

  async selection(): Promise<string | null> {
    return null;
  }
}
