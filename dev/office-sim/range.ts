// Excel.Range over the model: a sheet and a box, located when each request runs. Reads build fresh
// 2-D arrays (so loaded values are a snapshot as of that sync); writes go cell by cell through the
// model so a failing batch can be rolled back.
import {
  type Box,
  MAX_COLS,
  MAX_ROWS,
  boxCols,
  boxRows,
  formatBox,
  intersection,
  intersects,
  qualify,
} from "./address";
import { type SimCell, formatText, readFormula, readNumberFormat, readValue, readValueType } from "./cells";
import type { SimContext } from "./context";
import { officeError } from "./errors";
import { SimRangeFormat } from "./format";
import { type RangeTarget, assertWritable, cellCount, grid, writeContent, writeNumberFormat } from "./grid";
import type { SimSheet } from "./model";
import { type Env, type PropTable, SimCollection, SimObject, exposeProps } from "./proxy";

export type { RangeTarget };

const RANGE_PROPS: PropTable<RangeTarget> = {
  address: { read: (t) => qualify(t.sheet.name, t.box) },
  addressLocal: { read: (t) => qualify(t.sheet.name, t.box) },
  values: {
    read: (t, env) => grid(t, env, "Range.values", readValue),
    write: writeContent,
  },
  formulas: {
    read: (t, env) => grid(t, env, "Range.formulas", readFormula),
    write: writeContent,
  },
  numberFormat: {
    read: (t, env) => grid(t, env, "Range.numberFormat", readNumberFormat),
    write: writeNumberFormat,
  },
  text: {
    read: (t, env) =>
      grid(t, env, "Range.text", (c) => {
        const v = readValue(c);
        return v === "" ? "" : formatText(v, readNumberFormat(c));
      }),
  },
  valueTypes: { read: (t, env) => grid(t, env, "Range.valueTypes", readValueType) },
  rowIndex: { read: (t) => t.box.top - 1 },
  columnIndex: { read: (t) => t.box.left - 1 },
  rowCount: { read: (t) => boxRows(t.box) },
  columnCount: { read: (t) => boxCols(t.box) },
  cellCount: { read: (t) => cellCount(t.box) },
  isEntireRow: { read: (t) => t.box.left === 1 && t.box.right === MAX_COLS },
  isEntireColumn: { read: (t) => t.box.top === 1 && t.box.bottom === MAX_ROWS },
};

function within(box: Box, location: string): Box {
  if (
    box.top < 1 ||
    box.left < 1 ||
    box.bottom > MAX_ROWS ||
    box.right > MAX_COLS ||
    box.bottom < box.top ||
    box.right < box.left
  )
    throw officeError("InvalidArgument", "the range would fall outside the sheet", location);
  return box;
}

export type Locator = (env: Env) => RangeTarget | null;

export class SimRange extends SimObject<RangeTarget> {
  readonly _type = "Range";

  constructor(
    ctx: SimContext,
    private readonly _where: Locator,
    nullable = false,
  ) {
    super(ctx, nullable);
  }

  _locate(env: Env): RangeTarget | null {
    return this._where(env);
  }

  _table(): PropTable<RangeTarget> {
    return RANGE_PROPS;
  }

  override _makeNav(name: string): SimObject | undefined {
    switch (name) {
      case "format":
        return new SimRangeFormat(this);
      case "conditionalFormats":
        return makeConditionalFormats(this);
      case "worksheet":
        return makeWorksheetOf(this);
      case "dataValidation":
        return makeDataValidation(this);
    }
    return undefined;
  }

  get format(): SimRangeFormat {
    return this._nav("format");
  }

  get conditionalFormats(): SimObject {
    return this._nav("conditionalFormats");
  }

  get dataValidation(): SimObject {
    return this._nav("dataValidation");
  }

  get worksheet(): SimObject {
    return this._nav("worksheet");
  }

  /** A range computed from this one when the request runs. */
  _derive(f: (t: RangeTarget, env: Env) => RangeTarget | null, nullable = false): SimRange {
    return new SimRange(
      this._ctx,
      (env) => {
        const t = this._resolve(env);
        return t === null ? null : f(t, env);
      },
      nullable,
    );
  }

  private _shift(location: string, f: (b: Box) => Box): SimRange {
    return this._derive((t) => ({ sheet: t.sheet, box: within(f(t.box), location) }));
  }

  getCell(row: number, column: number): SimRange {
    return this._shift("Range.getCell", (b) => {
      const r = b.top + row;
      const c = b.left + column;
      return { top: r, left: c, bottom: r, right: c };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._shift("Range.getResizedRange", (b) => ({
      ...b,
      bottom: b.bottom + deltaRows,
      right: b.right + deltaColumns,
    }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): SimRange {
    return this._shift("Range.getAbsoluteResizedRange", (b) => ({
      ...b,
      bottom: b.top + numRows - 1,
      right: b.left + numColumns - 1,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._shift("Range.getOffsetRange", (b) => ({
      top: b.top + rowOffset,
      left: b.left + columnOffset,
      bottom: b.bottom + rowOffset,
      right: b.right + columnOffset,
    }));
  }

  getRow(row: number): SimRange {
    return this._shift("Range.getRow", (b) => ({ ...b, top: b.top + row, bottom: b.top + row }));
  }

  getColumn(column: number): SimRange {
    return this._shift("Range.getColumn", (b) => ({ ...b, left: b.left + column, right: b.left + column }));
  }

  getLastCell(): SimRange {
    return this._shift("Range.getLastCell", (b) => ({ ...b, top: b.bottom, left: b.right }));
  }

  getEntireRow(): SimRange {
    return this._shift("Range.getEntireRow", (b) => ({ ...b, left: 1, right: MAX_COLS }));
  }

  getEntireColumn(): SimRange {
    return this._shift("Range.getEntireColumn", (b) => ({ ...b, top: 1, bottom: MAX_ROWS }));
  }

  /** The part of this range inside the sheet's used range. */
  getUsedRange(valuesOnly = false): SimRange {
    return this._derive((t) => usedPart(t, valuesOnly) ?? { sheet: t.sheet, box: cornerOf(t.box) });
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this._derive((t) => usedPart(t, valuesOnly), true);
  }

  /** Merged areas intersecting this range (whole areas), or a null object when there are none. */
  getMergedAreasOrNullObject(): SimRangeAreas {
    return new SimRangeAreas(this._ctx, (env) => {
      const t = this._resolve(env);
      if (t === null) return null;
      const boxes = t.sheet.merges.filter((m) => intersects(m, t.box));
      return boxes.length ? { sheet: t.sheet, boxes } : null;
    });
  }

  select(): void {
    this._action("select", [], (t, env) => {
      env.wb.selection = { sheet: t.sheet.name, address: formatBox(t.box) };
    });
  }

  /** clear(applyTo): "All" (default), "Contents" or "Formats". */
  clear(applyTo: string = "All"): void {
    this._action("clear", [applyTo], (t, env, location) => {
      assertWritable(t.sheet, location);
      const contents = applyTo === "All" || applyTo === "Contents";
      const formats = applyTo === "All" || applyTo === "Formats";
      if (!contents && !formats) throw officeError("InvalidArgument", `applyTo ${applyTo}`, location);
      for (const [r, c, cell] of [...t.sheet.cellsIn(t.box)]) {
        const next: SimCell = { ...cell };
        if (contents) {
          delete next.value;
          delete next.formula;
        }
        if (formats) {
          delete next.numberFormat;
          delete next.style;
        }
        t.sheet.putCell(r, c, next);
      }
      if (formats) clearFormatsHook(t, env);
    });
  }

  merge(across = false): void {
    this._action("merge", [across], (t, _env, location) => {
      assertWritable(t.sheet, location);
      const add: Box[] = across
        ? Array.from({ length: boxRows(t.box) }, (_, i) => ({
            ...t.box,
            top: t.box.top + i,
            bottom: t.box.top + i,
          }))
        : [t.box];
      const kept = t.sheet.merges.filter((m) => !intersects(m, t.box));
      // Excel keeps the top-left value of each merged area and clears the rest.
      for (const area of add)
        for (const [r, c, cell] of [...t.sheet.cellsIn(area)])
          if (r !== area.top || c !== area.left) {
            const next: SimCell = { ...cell };
            delete next.value;
            delete next.formula;
            t.sheet.putCell(r, c, next);
          }
      t.sheet.setMerges([...kept, ...add.filter((b) => cellCount(b) > 1)]);
    });
  }

  unmerge(): void {
    this._action("unmerge", [], (t, _env, location) => {
      assertWritable(t.sheet, location);
      t.sheet.setMerges(t.sheet.merges.filter((m) => !intersects(m, t.box)));
    });
  }
}
exposeProps(SimRange, RANGE_PROPS);

/** Clearing formats also drops conditional formats in the range (set by conditional.ts). */
let clearFormatsHook: (t: RangeTarget, env: Env) => void = () => undefined;
export function setClearFormatsHook(f: (t: RangeTarget, env: Env) => void): void {
  clearFormatsHook = f;
}

function cornerOf(b: Box): Box {
  return { top: b.top, left: b.left, bottom: b.top, right: b.left };
}

function usedPart(t: RangeTarget, valuesOnly: boolean): RangeTarget | null {
  const used = t.sheet.usedBox(valuesOnly);
  const box = used && intersection(used, t.box);
  return box ? { sheet: t.sheet, box } : null;
}

// Factories set by the modules that own those classes, so range.ts needs no import cycle.
let makeConditionalFormats: (r: SimRange) => SimObject = () => {
  throw new Error("office-sim: conditional formats not registered");
};
let makeWorksheetOf: (r: SimRange) => SimObject = () => {
  throw new Error("office-sim: worksheets not registered");
};
let makeDataValidation: (r: SimRange) => SimObject = () => {
  throw new Error("office-sim: data validation not registered");
};
export function registerDataValidation(f: (r: SimRange) => SimObject): void {
  makeDataValidation = f;
}
export function registerConditionalFormats(f: (r: SimRange) => SimObject): void {
  makeConditionalFormats = f;
}
export function registerWorksheetOf(f: (r: SimRange) => SimObject): void {
  makeWorksheetOf = f;
}

// ---- merged areas -------------------------------------------------------------------------

interface AreasTarget {
  sheet: SimSheet;
  boxes: Box[];
}

const AREAS_PROPS: PropTable<AreasTarget> = {
  address: { read: (t) => t.boxes.map((b) => qualify(t.sheet.name, b)).join(",") },
  addressLocal: { read: (t) => t.boxes.map((b) => qualify(t.sheet.name, b)).join(",") },
  areaCount: { read: (t) => t.boxes.length },
  cellCount: { read: (t) => t.boxes.reduce((n, b) => n + cellCount(b), 0) },
};

/** Excel.RangeAreas, as getMergedAreasOrNullObject returns it. */
export class SimRangeAreas extends SimObject<AreasTarget> {
  readonly _type = "RangeAreas";

  constructor(
    ctx: SimContext,
    private readonly _where: (env: Env) => AreasTarget | null,
  ) {
    super(ctx, true);
  }

  _locate(env: Env): AreasTarget | null {
    return this._where(env);
  }

  _table(): PropTable<AreasTarget> {
    return AREAS_PROPS;
  }

  override _makeNav(name: string): SimObject | undefined {
    return name === "areas" ? new SimRangeCollection(this) : undefined;
  }

  get areas(): SimRangeCollection {
    return this._nav("areas");
  }
}
exposeProps(SimRangeAreas, AREAS_PROPS);

/** RangeAreas.areas: one range per area. */
class SimRangeCollection extends SimCollection<AreasTarget, SimRange> {
  readonly _type = "RangeCollection";

  constructor(private readonly parent: SimRangeAreas) {
    super(parent._ctx);
  }

  _locate(env: Env): AreasTarget | null {
    return this.parent._resolve(env);
  }

  _itemKeys(t: AreasTarget): string[] {
    return t.boxes.map((_, i) => String(i));
  }

  _item(key: string): SimRange {
    return new SimRange(this._ctx, (env) => {
      const t = this._require(env, "RangeCollection.items");
      const box = t.boxes[Number(key)];
      return box ? { sheet: t.sheet, box } : null;
    });
  }

  getItemAt(index: number): SimRange {
    return this._item(String(index));
  }
}
