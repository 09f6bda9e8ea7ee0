// Worksheets and the worksheet collection. A worksheet proxy is found by name (getItem) or id (add,
// items) and binds to the sheet's id the first time a request finds it, as Excel's object paths do —
// so renaming a sheet mid-batch does not lose the proxy. Deleting a sheet deletes its charts.
import { type Box, MAX_COLS, MAX_ROWS, isValidSheetName, parseAddress, quoteSheetName } from "./address";
import { SimChartCollection } from "./charts";
import { SimEventHandlers } from "./events";
import type { SimContext } from "./context";
import { officeError } from "./errors";
import type { SheetVisibility, SimSheet, SimWorkbook } from "./model";
import { type Env, type PropTable, SimCollection, SimObject, SimPart, exposeProps } from "./proxy";
import { SimRange, registerWorksheetOf } from "./range";

interface SheetRef {
  id?: string;
  name?: string;
}

const VISIBILITIES = new Set<SheetVisibility>(["Visible", "Hidden", "VeryHidden"]);

function visibleCount(wb: SimWorkbook): number {
  return wb.sheets.filter((s) => s.visibility === "Visible").length;
}

/** When the active sheet goes away or is hidden, Excel activates the next visible one. */
function moveSelectionOff(wb: SimWorkbook, sheet: SimSheet): void {
  if (wb.selection?.sheet.toUpperCase() !== sheet.name.toUpperCase()) return;
  const next = wb.sheets.find((s) => s !== sheet && s.visibility === "Visible");
  wb.selection = next ? { sheet: next.name, address: "A1" } : null;
}

/** Point names and chart data ranges at a renamed sheet, or at #REF! once it is deleted. */
function retarget(wb: SimWorkbook, oldName: string, newName: string | null): void {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const quoted = `'${oldName.replace(/'/g, "''")}'`;
  const re = new RegExp(`(^|[=,(\\s])(${escape(quoted)}|${escape(oldName)})!`, "gi");
  const to = newName === null ? "#REF!" : `${quoteSheetName(newName)}!`;
  for (const n of wb.names) {
    const reference = n.reference.replace(re, (_m, lead: string) => lead + to);
    if (reference !== n.reference) wb.setName({ ...n, reference });
  }
  for (const s of wb.sheets) {
    const charts = s.charts.map((c) => ({
      ...c,
      source: c.source.replace(re, (_m, lead: string) => lead + to),
    }));
    if (charts.some((c, i) => c.source !== s.charts[i].source)) s.setCharts(charts);
  }
}

const SHEET_PROPS: PropTable<SimSheet> = {
  name: {
    read: (s) => s.name,
    write: (s, v, env, location) => {
      const name = String(v);
      if (!isValidSheetName(name)) throw officeError("InvalidArgument", `sheet name ${name}`, location);
      const other = env.wb.sheet(name);
      if (other && other !== s) throw officeError("ItemAlreadyExists", `sheet ${name}`, location);
      const old = s.name;
      s.name = name;
      retarget(env.wb, old, name);
      if (env.wb.selection?.sheet.toUpperCase() === old.toUpperCase())
        env.wb.selection = { ...env.wb.selection, sheet: name };
    },
  },
  id: { read: (s) => s.id },
  position: { read: (s, env) => env.wb.sheets.indexOf(s) },
  visibility: {
    read: (s) => s.visibility,
    write: (s, v, env, location) => {
      if (!VISIBILITIES.has(v as SheetVisibility))
        throw officeError("InvalidArgument", `visibility ${String(v)}`, location);
      const vis = v as SheetVisibility;
      if (vis !== "Visible" && s.visibility === "Visible" && visibleCount(env.wb) <= 1)
        throw officeError("InvalidOperation", "a workbook must keep one visible sheet", location);
      s.visibility = vis;
      if (vis !== "Visible") moveSelectionOff(env.wb, s);
    },
  },
};

export class SimWorksheet extends SimObject<SimSheet> {
  readonly _type = "Worksheet";

  constructor(
    ctx: SimContext,
    readonly _ref: SheetRef,
    nullable = false,
  ) {
    super(ctx, nullable);
  }

  _locate(env: Env): SimSheet | null {
    const { id, name } = this._ref;
    const s =
      id !== undefined
        ? env.wb.sheetById(id)
        : name !== undefined
          ? (env.wb.sheet(name) ?? env.wb.sheetById(name))
          : undefined;
    if (s) this._ref.id = s.id;
    return s ?? null;
  }

  _table(): PropTable<SimSheet> {
    return SHEET_PROPS;
  }

  override _makeNav(name: string): SimObject | undefined {
    if (name === "protection") return new SimWorksheetProtection(this);
    if (name === "charts") return new SimChartCollection(this);
    return undefined;
  }

  get protection(): SimWorksheetProtection {
    return this._nav("protection");
  }

  get charts(): SimChartCollection {
    return this._nav("charts");
  }

  private _events?: { changed: SimEventHandlers; selection: SimEventHandlers };

  /** Sent after cells of this sheet changed (ExcelApi 1.7). */
  get onChanged(): SimEventHandlers {
    this._events ??= this._makeEvents();
    return this._events.changed;
  }

  /** Sent after the selection moved on this sheet (ExcelApi 1.7). */
  get onSelectionChanged(): SimEventHandlers {
    this._events ??= this._makeEvents();
    return this._events.selection;
  }

  private _makeEvents() {
    return {
      changed: new SimEventHandlers(this._ctx, this, "WorksheetChanged"),
      selection: new SimEventHandlers(this._ctx, this, "WorksheetSelectionChanged"),
    };
  }

  private _range(location: string, f: (s: SimSheet, env: Env) => Box | null, nullable = false): SimRange {
    return new SimRange(
      this._ctx,
      (env) => {
        const s = this._resolve(env);
        if (s === null) return null;
        const box = f(s, env);
        return box ? { sheet: s, box } : null;
      },
      nullable,
    );
  }

  /** An A1 address on this sheet, a defined name, or (no argument) the whole sheet. */
  getRange(address?: string): SimRange {
    return this._range("Worksheet.getRange", (s, env) => {
      if (address === undefined) return { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };
      const p = parseAddress(address) ?? namedOnSheet(env, address);
      if (!p || (p.sheet !== undefined && p.sheet.toUpperCase() !== s.name.toUpperCase()))
        throw officeError("InvalidArgument", `address ${address}`, "Worksheet.getRange");
      return p.box;
    });
  }

  /** Zero-based start, counts ≥ 1. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return this._range("Worksheet.getRangeByIndexes", () => {
      const box = {
        top: startRow + 1,
        left: startColumn + 1,
        bottom: startRow + rowCount,
        right: startColumn + columnCount,
      };
      const ok =
        [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) &&
        startRow >= 0 &&
        startColumn >= 0 &&
        rowCount >= 1 &&
        columnCount >= 1 &&
        box.bottom <= MAX_ROWS &&
        box.right <= MAX_COLS;
      if (!ok)
        throw officeError("InvalidArgument", "indexes outside the sheet", "Worksheet.getRangeByIndexes");
      return box;
    });
  }

  getCell(row: number, column: number): SimRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The bounding box of used cells; A1 on an empty sheet (Excel's answer). */
  getUsedRange(valuesOnly = false): SimRange {
    return this._range(
      "Worksheet.getUsedRange",
      (s) => s.usedBox(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this._range("Worksheet.getUsedRangeOrNullObject", (s) => s.usedBox(valuesOnly), true);
  }

  delete(): void {
    this._action("delete", [], (s, env, location) => {
      if (s.visibility === "Visible" && visibleCount(env.wb) <= 1)
        throw officeError("InvalidOperation", "a workbook must keep one visible sheet", location);
      moveSelectionOff(env.wb, s);
      env.wb.removeSheet(s);
      retarget(env.wb, s.name, null);
    });
  }

  activate(): void {
    this._action("activate", [], (s, env, location) => {
      if (s.visibility !== "Visible")
        throw officeError("InvalidOperation", "cannot activate a hidden sheet", location);
      if (env.wb.selection?.sheet.toUpperCase() !== s.name.toUpperCase())
        env.wb.selection = { sheet: s.name, address: "A1" };
    });
  }

  /** No formula engine: accepted and ignored. */
  calculate(_markAllDirty?: boolean): void {
    this._action("calculate", [], () => undefined);
  }
}
exposeProps(SimWorksheet, SHEET_PROPS);

function namedOnSheet(env: Env, name: string): { sheet?: string; box: Box } | null {
  const n = env.wb.name(name);
  return n ? parseAddress(n.reference) : null;
}

const PROTECTION_PROPS: PropTable<SimSheet> = {
  protected: { read: (s) => s.protected },
};

/** Protection state; options and passwords are not simulated. */
class SimWorksheetProtection extends SimPart<SimSheet> {
  readonly _type = "WorksheetProtection";

  _table(): PropTable<SimSheet> {
    return PROTECTION_PROPS;
  }

  protect(_options?: unknown, _password?: string): void {
    this._action("protect", [], (s) => (s.protected = true));
  }

  unprotect(_password?: string): void {
    this._action("unprotect", [], (s) => (s.protected = false));
  }
}
exposeProps(SimWorksheetProtection, PROTECTION_PROPS);

export class SimWorksheetCollection extends SimCollection<SimWorkbook, SimWorksheet> {
  readonly _type = "WorksheetCollection";

  _locate(env: Env): SimWorkbook {
    return env.wb;
  }

  _itemKeys(wb: SimWorkbook): string[] {
    return wb.sheets.map((s) => s.id);
  }

  _item(id: string): SimWorksheet {
    return new SimWorksheet(this._ctx, { id });
  }

  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this._ctx, { name: key });
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(this._ctx, { name: key }, true);
  }

  getActiveWorksheet(): SimWorksheet {
    const ref: SheetRef = {};
    const ws = new SimWorksheet(this._ctx, ref);
    ws._locate = (env) => {
      const s = env.wb.selection ? env.wb.sheet(env.wb.selection.sheet) : env.wb.sheets[0];
      return s ?? null;
    };
    return ws;
  }

  /** Adds at the end; without a name Excel picks the first free "SheetN". */
  add(name?: string): SimWorksheet {
    const ref: SheetRef = {};
    this._action("add", [name], (wb, _env, location) => {
      let n = name;
      if (n === undefined || n === null) {
        let i = wb.sheets.length + 1;
        while (wb.sheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      if (!isValidSheetName(n)) throw officeError("InvalidArgument", `sheet name ${n}`, location);
      if (wb.sheet(n)) throw officeError("ItemAlreadyExists", `sheet ${n}`, location);
      ref.id = wb.addSheet(n).id;
    });
    return new SimWorksheet(this._ctx, ref);
  }
}

/** The worksheet a range lies on. */
registerWorksheetOf((r: SimRange) => {
  const ws = new SimWorksheet(r._ctx, {});
  ws._locate = (env) => r._resolve(env)?.sheet ?? null;
  return ws;
});
