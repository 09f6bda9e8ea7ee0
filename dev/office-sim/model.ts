// The workbook the simulator serves: plain data that tests can build, inspect and compare. Every
// mutation goes through a method that records its undo while a sync is applying a batch, so a batch
// that fails half-way leaves the workbook exactly as it was (Excel applies a failing batch's earlier
// statements, but Saiten's port promises all-or-nothing and the tests check that the adapter does
// not rely on partial writes) — and references tests hold to sheets stay valid either way.
import { MAX_COLS, type Box, boxCols, formatBox, parseAddress, qualify } from "./address";
import { SimEventHub } from "./events";
import { type CellStyle, type SimCell, type SimValue, hasContent, isEmptyCell } from "./cells";

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SimConditionalFormat {
  id: string;
  /** Excel.ConditionalFormatType spelling: "Custom", "CellValue", … Only Custom has rule/format. */
  type: string;
  boxes: Box[];
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  stopIfTrue?: boolean;
}

/** A native chart, as much of it as the simulator keeps (no series, axes or formatting). */
export interface SimChart {
  /** Loadable Chart.id; unique in the workbook. */
  id: string;
  /** Unique on its sheet (case-insensitively). */
  name: string;
  /** Excel.ChartType spelling: "ColumnClustered", "Line", "Pie", … */
  type: string;
  /** Qualified A1 address of the data range ("採点結果!L1:N11"); follows sheet renames, #REF! on delete. */
  source: string;
  /** As passed to ChartCollection.add: "Auto" (the default), "Columns" or "Rows". */
  seriesBy: string;
  title?: string;
  /** Cells the chart covers after setPosition: "E2:K15", or just the start cell ("E2") without an end. */
  position?: string;
}

/** A data validation rule as Office.js spells it ({ list: { inCellDropDown, source } }, …). */
export interface SimDataValidation {
  boxes: Box[];
  rule: Record<string, unknown> | null;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

export interface SimName {
  name: string;
  /** What the name refers to, without the leading "=": 回答!$E$6, 42, "text", #REF!$A$1. */
  reference: string;
  comment?: string;
  visible: boolean;
}

export interface SimSelection {
  sheet: string;
  address: string;
}

/** A cell as tests write it: a constant, "=formula", or the full record. */
export type CellInit = SimValue | null | SimCell;

export interface SheetInit {
  name: string;
  visibility?: SheetVisibility;
  protected?: boolean;
  /** Cells by A1 address. */
  cells?: Record<string, CellInit>;
  /** Rows from A1 (null = blank). */
  rows?: CellInit[][];
  merges?: string[];
}

export interface WorkbookInit {
  sheets?: SheetInit[];
  /** Defined names: name → reference (回答!$E$6). */
  names?: Record<string, string>;
  settings?: Record<string, unknown>;
  selection?: SimSelection;
  cellEditMode?: boolean;
}

export interface CellSnapshot {
  value: SimValue;
  formula?: string;
  numberFormat?: string;
  style?: CellStyle;
}

export interface SheetSnapshot {
  visibility: SheetVisibility;
  protected: boolean;
  /** Non-blank cells by A1 address, in row order. */
  cells: Record<string, CellSnapshot>;
  merges: string[];
  conditionalFormats: { type: string; ranges: string; formula?: string; fill?: string; fontColor?: string }[];
  dataValidations: { ranges: string; rule: Record<string, unknown> | null }[];
  charts: { name: string; type: string; source: string; title?: string }[];
}

/** A plain, JSON-able picture of the workbook for toEqual comparisons. */
export interface WorkbookSnapshot {
  sheetOrder: string[];
  sheets: Record<string, SheetSnapshot>;
  names: Record<string, string>;
  settings: Record<string, unknown>;
}

function key(row: number, col: number): number {
  return (row - 1) * MAX_COLS + (col - 1);
}

function unkey(k: number): { row: number; col: number } {
  return { row: Math.floor(k / MAX_COLS) + 1, col: (k % MAX_COLS) + 1 };
}

function toCell(init: CellInit): SimCell | undefined {
  if (init === null || init === "") return undefined;
  if (typeof init === "string" && init.startsWith("=") && init.length > 1) return { formula: init };
  if (typeof init !== "object") return { value: init };
  const c: SimCell = { ...init };
  if (c.value === "") delete c.value;
  return isEmptyCell(c) ? undefined : c;
}

function jsonClone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export class SimSheet {
  private _cells = new Map<number, SimCell>();
  private _merges: Box[] = [];
  private _cfs: SimConditionalFormat[] = [];
  private _dvs: SimDataValidation[] = [];
  private _charts: SimChart[] = [];

  constructor(
    private readonly book: SimWorkbook,
    private _name: string,
    readonly id: string,
    private _visibility: SheetVisibility = "Visible",
    private _protected = false,
  ) {}

  get name(): string {
    return this._name;
  }
  set name(v: string) {
    const old = this._name;
    this.book._record(() => (this._name = old));
    this._name = v;
  }

  get visibility(): SheetVisibility {
    return this._visibility;
  }
  set visibility(v: SheetVisibility) {
    const old = this._visibility;
    this.book._record(() => (this._visibility = old));
    this._visibility = v;
  }

  get protected(): boolean {
    return this._protected;
  }
  set protected(v: boolean) {
    const old = this._protected;
    this.book._record(() => (this._protected = old));
    this._protected = v;
  }

  cell(row: number, col: number): SimCell | undefined {
    return this._cells.get(key(row, col));
  }

  /** Replace one cell (undefined blanks it). */
  putCell(row: number, col: number, cell: SimCell | undefined): void {
    const k = key(row, col);
    const old = this._cells.get(k);
    if (old === cell) return;
    this.book._record(() => (old ? this._cells.set(k, old) : this._cells.delete(k)));
    this.book._noteChange(this, row, col);
    if (cell && !isEmptyCell(cell)) this._cells.set(k, cell);
    else this._cells.delete(k);
  }

  /** The cell at an A1 address (for tests). */
  get(address: string): SimCell | undefined {
    const p = parseAddress(address);
    if (!p) throw new Error(`not a cell address: ${address}`);
    return this.cell(p.box.top, p.box.left);
  }

  /** Set the cell at an A1 address: a constant, "=formula" or a full SimCell (for tests). */
  set(address: string, init: CellInit): void {
    const p = parseAddress(address);
    if (!p) throw new Error(`not a cell address: ${address}`);
    this.putCell(p.box.top, p.box.left, toCell(init));
  }

  /** Stored cells as [row, col, cell], in no particular order. */
  *entries(): IterableIterator<[number, number, SimCell]> {
    for (const [k, c] of this._cells) {
      const { row, col } = unkey(k);
      yield [row, col, c];
    }
  }

  /** Stored cells inside a box, visiting whichever is smaller: the box or the stored cells. */
  *cellsIn(box: Box): IterableIterator<[number, number, SimCell]> {
    const area = (box.bottom - box.top + 1) * boxCols(box);
    if (area <= this._cells.size) {
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) {
          const cell = this._cells.get(key(r, c));
          if (cell) yield [r, c, cell];
        }
      return;
    }
    for (const [r, c, cell] of this.entries())
      if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) yield [r, c, cell];
  }

  /**
   * Bounding box of cells with a value or formula (valuesOnly), or also of formatted cells and
   * merged areas (a merge is formatting to Excel's used range).
   */
  usedBox(valuesOnly: boolean): Box | null {
    let box: Box | null = null;
    const add = (b: Box) => {
      if (!box) box = { ...b };
      else {
        box.top = Math.min(box.top, b.top);
        box.left = Math.min(box.left, b.left);
        box.bottom = Math.max(box.bottom, b.bottom);
        box.right = Math.max(box.right, b.right);
      }
    };
    for (const [r, c, cell] of this.entries()) {
      if (valuesOnly && !hasContent(cell)) continue;
      add({ top: r, left: c, bottom: r, right: c });
    }
    if (!valuesOnly) this._merges.forEach(add);
    return box;
  }

  get merges(): readonly Box[] {
    return this._merges;
  }
  setMerges(list: Box[]): void {
    const old = this._merges;
    this.book._record(() => (this._merges = old));
    this._merges = list;
  }

  get conditionalFormats(): readonly SimConditionalFormat[] {
    return this._cfs;
  }
  setConditionalFormats(list: SimConditionalFormat[]): void {
    const old = this._cfs;
    this.book._record(() => (this._cfs = old));
    this._cfs = list;
  }

  get dataValidations(): readonly SimDataValidation[] {
    return this._dvs;
  }
  setDataValidations(list: SimDataValidation[]): void {
    const old = this._dvs;
    this.book._record(() => (this._dvs = old));
    this._dvs = list;
  }

  get charts(): readonly SimChart[] {
    return this._charts;
  }
  setCharts(list: SimChart[]): void {
    const old = this._charts;
    this.book._record(() => (this._charts = old));
    this._charts = list;
  }

  /** The chart with this name (case-insensitive, as Excel compares object names). */
  chart(name: string): SimChart | undefined {
    const n = name.toUpperCase();
    return this._charts.find((c) => c.name.toUpperCase() === n);
  }

  snapshot(): SheetSnapshot {
    const cells: Record<string, CellSnapshot> = {};
    for (const k of [...this._cells.keys()].sort((a, b) => a - b)) {
      const c = this._cells.get(k) as SimCell;
      const { row, col } = unkey(k);
      const s: CellSnapshot = { value: c.value ?? "" };
      if (c.formula !== undefined) s.formula = c.formula;
      if (c.numberFormat) s.numberFormat = c.numberFormat;
      if (c.style) s.style = { ...c.style };
      cells[formatBox({ top: row, left: col, bottom: row, right: col })] = s;
    }
    return {
      visibility: this._visibility,
      protected: this._protected,
      cells,
      merges: this._merges.map((b) => formatBox(b)),
      conditionalFormats: this._cfs.map((cf) => {
        const out: SheetSnapshot["conditionalFormats"][number] = {
          type: cf.type,
          ranges: cf.boxes.map((b) => formatBox(b)).join(","),
        };
        if (cf.formula !== undefined) out.formula = cf.formula;
        if (cf.fill !== undefined) out.fill = cf.fill;
        if (cf.fontColor !== undefined) out.fontColor = cf.fontColor;
        return out;
      }),
      dataValidations: this._dvs.map((dv) => ({
        ranges: dv.boxes.map((b) => formatBox(b)).join(","),
        rule: jsonClone(dv.rule),
      })),
      charts: this._charts.map((c) => {
        const out: SheetSnapshot["charts"][number] = { name: c.name, type: c.type, source: c.source };
        if (c.title !== undefined) out.title = c.title;
        return out;
      }),
    };
  }

  /** Copy into another workbook (cells are immutable records, so sharing them is safe). */
  _copyInto(book: SimWorkbook, id: string): SimSheet {
    const s = new SimSheet(book, this._name, id, this._visibility, this._protected);
    s._cells = new Map(this._cells);
    s._merges = this._merges.map((b) => ({ ...b }));
    s._cfs = this._cfs.map((cf) => ({ ...cf, boxes: cf.boxes.map((b) => ({ ...b })) }));
    s._dvs = this._dvs.map((dv) => jsonClone(dv));
    s._charts = this._charts.map((c) => ({ ...c }));
    return s;
  }
}

export class SimWorkbook {
  private _sheets: SimSheet[] = [];
  private _names = new Map<string, SimName>();
  private _settings = new Map<string, unknown>();
  private _selection: SimSelection | null = null;
  private _cellEditMode = false;
  private _editWaiters: (() => void)[] = [];
  private _txn: (() => void)[] | null = null;
  /** Cells changed in the open transaction, per sheet id: the box Excel's change event reports. */
  private _txnChanges = new Map<string, Box>();
  private _txnSelection = false;
  private _nextId = 1;
  /** Handlers of worksheet events (Worksheet.onChanged / onSelectionChanged). */
  readonly events = new SimEventHub();

  constructor(init: WorkbookInit = {}) {
    for (const s of init.sheets ?? []) this.addSheet(s);
    for (const [name, reference] of Object.entries(init.names ?? {}))
      this.setName({ name, reference, visible: true });
    for (const [k, v] of Object.entries(init.settings ?? {})) this.setSetting(k, v);
    if (init.selection) this._selection = { ...init.selection };
    this._cellEditMode = !!init.cellEditMode;
  }

  // ---- sheets -------------------------------------------------------------------------------

  get sheets(): readonly SimSheet[] {
    return this._sheets;
  }

  /** Sheet names compare case-insensitively, as in Excel. */
  sheet(name: string): SimSheet | undefined {
    const n = name.toUpperCase();
    return this._sheets.find((s) => s.name.toUpperCase() === n);
  }

  sheetById(id: string): SimSheet | undefined {
    return this._sheets.find((s) => s.id === id);
  }

  /** Add a sheet (at the end unless an index is given) with optional initial cells. */
  addSheet(init: string | SheetInit, index = this._sheets.length): SimSheet {
    const spec: SheetInit = typeof init === "string" ? { name: init } : init;
    if (this.sheet(spec.name)) throw new Error(`sheet already exists: ${spec.name}`);
    const id = `{${String(this._nextId++).padStart(8, "0")}-0001-0000-0000-000000000000}`;
    const sheet = new SimSheet(this, spec.name, id, spec.visibility ?? "Visible", spec.protected ?? false);
    const list = [...this._sheets];
    list.splice(index, 0, sheet);
    this.replaceSheets(list);
    spec.rows?.forEach((row, r) => row.forEach((v, c) => sheet.putCell(r + 1, c + 1, toCell(v))));
    for (const [addr, v] of Object.entries(spec.cells ?? {})) sheet.set(addr, v);
    if (spec.merges) {
      sheet.setMerges(
        spec.merges.map((m) => {
          const p = parseAddress(m);
          if (!p) throw new Error(`not a range: ${m}`);
          return p.box;
        }),
      );
    }
    if (!this._selection) this.selection = { sheet: sheet.name, address: "A1" };
    return sheet;
  }

  /** A new id for a chart (workbook-unique, never reused). */
  _newChartId(): string {
    return `{${String(this._nextId++).padStart(8, "0")}-0002-0000-0000-000000000000}`;
  }

  /** Removing a sheet removes its charts with it. */
  removeSheet(sheet: SimSheet): void {
    this.replaceSheets(this._sheets.filter((s) => s !== sheet));
  }

  private replaceSheets(list: SimSheet[]): void {
    const old = this._sheets;
    this._record(() => (this._sheets = old));
    this._sheets = list;
  }

  // ---- defined names -----------------------------------------------------------------------

  get names(): readonly SimName[] {
    return [...this._names.values()];
  }

  /** Names compare case-insensitively, as in Excel. */
  name(name: string): SimName | undefined {
    return this._names.get(name.toUpperCase());
  }

  setName(n: SimName): void {
    const k = n.name.toUpperCase();
    const old = this._names.get(k);
    this._record(() => (old ? this._names.set(k, old) : this._names.delete(k)));
    this._names.set(k, { ...n, reference: n.reference.replace(/^=/, "") });
  }

  removeName(name: string): void {
    const k = name.toUpperCase();
    const old = this._names.get(k);
    if (!old) return;
    this._record(() => this._names.set(k, old));
    this._names.delete(k);
  }

  // ---- settings (Office.js document settings) -----------------------------------------------

  get settings(): ReadonlyMap<string, unknown> {
    return this._settings;
  }

  /** Values are stored as JSON, as Office stores them. */
  setSetting(k: string, v: unknown): void {
    const had = this._settings.has(k);
    const old = this._settings.get(k);
    this._record(() => (had ? this._settings.set(k, old) : this._settings.delete(k)));
    this._settings.set(k, jsonClone(v));
  }

  removeSetting(k: string): void {
    if (!this._settings.has(k)) return;
    const old = this._settings.get(k);
    this._record(() => this._settings.set(k, old));
    this._settings.delete(k);
  }

  // ---- selection and cell-edit mode ---------------------------------------------------------

  get selection(): SimSelection | null {
    return this._selection;
  }
  set selection(v: SimSelection | null) {
    const old = this._selection;
    this._record(() => (this._selection = old), "selection");
    this._selection = v ? { ...v } : null;
    if (this._txn) this._txnSelection = true;
  }

  // ---- what a user does in the sheet (the preview and tests play the user) -------------------

  /** The user types into one cell (or pastes into a range): Excel then sends WorksheetChanged. */
  userEdit(sheetName: string, address: string, value: CellInit): void {
    const sheet = this.sheet(sheetName);
    const p = parseAddress(address);
    if (!sheet || !p) throw new Error(`no such cell: ${sheetName}!${address}`);
    this._begin();
    for (let r = p.box.top; r <= p.box.bottom; r++)
      for (let c = p.box.left; c <= p.box.right; c++) sheet.putCell(r, c, toCell(value));
    this._commit();
  }

  /** The user selects a cell or range: Excel then sends WorksheetSelectionChanged. */
  userSelect(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet || !parseAddress(address)) throw new Error(`no such cell: ${sheetName}!${address}`);
    this._begin();
    this.selection = { sheet: sheet.name, address };
    this._commit();
  }

  _noteChange(sheet: SimSheet, row: number, col: number): void {
    if (!this._txn) return;
    const b = this._txnChanges.get(sheet.id);
    this._txnChanges.set(
      sheet.id,
      b
        ? {
            top: Math.min(b.top, row),
            left: Math.min(b.left, col),
            bottom: Math.max(b.bottom, row),
            right: Math.max(b.right, col),
          }
        : { top: row, left: col, bottom: row, right: col },
    );
  }

  /** True while "the user" is typing in a cell: batches fail or wait (delayForCellEdit). */
  get cellEditMode(): boolean {
    return this._cellEditMode;
  }

  setCellEditMode(on: boolean): void {
    this._cellEditMode = on;
    if (!on) for (const w of this._editWaiters.splice(0)) w();
  }

  /** Resolves when cell-edit mode ends (at once when it is off). */
  whenCellEditEnds(): Promise<void> {
    if (!this._cellEditMode) return Promise.resolve();
    return new Promise((resolve) => this._editWaiters.push(resolve));
  }

  // ---- comparison ---------------------------------------------------------------------------

  snapshot(): WorkbookSnapshot {
    const sheets: Record<string, SheetSnapshot> = {};
    for (const s of this._sheets) sheets[s.name] = s.snapshot();
    return {
      sheetOrder: this._sheets.map((s) => s.name),
      sheets,
      names: Object.fromEntries(this.names.map((n) => [n.name, n.reference])),
      settings: jsonClone(Object.fromEntries(this._settings)),
    };
  }

  /** An independent copy (for running the same workbook through several scenarios). */
  clone(): SimWorkbook {
    const book = new SimWorkbook();
    book._nextId = this._nextId;
    book._sheets = this._sheets.map((s) => s._copyInto(book, s.id));
    book._names = new Map([...this._names].map(([k, n]) => [k, { ...n }]));
    book._settings = new Map([...this._settings].map(([k, v]) => [k, jsonClone(v)]));
    book._selection = this._selection ? { ...this._selection } : null;
    book._cellEditMode = this._cellEditMode;
    return book;
  }

  // ---- transactions (used by sync) ----------------------------------------------------------

  /**
   * Changes asked for through the API (at sync, counted even when the batch is then rolled back):
   * `count` every change to cells, sheets, names, settings, formats, charts …; `selection` moves of
   * the selection. A read-only run must leave `count` at zero. Tests building the model directly
   * are not counted.
   */
  readonly writes = { count: 0, selection: 0 };

  _record(undo: () => void, kind: "change" | "selection" = "change"): void {
    if (!this._txn) return;
    this._txn.push(undo);
    if (kind === "selection") this.writes.selection++;
    else this.writes.count++;
  }

  _begin(): void {
    if (this._txn) throw new Error("office-sim: nested transaction");
    this._txn = [];
    this._txnChanges = new Map();
    this._txnSelection = false;
  }

  /** Applied: Excel reports the changes (one event per changed sheet) and a moved selection. */
  _commit(): void {
    this._txn = null;
    for (const [sheetId, box] of this._txnChanges) {
      if (!this.sheetById(sheetId)) continue;
      this.events.emit({
        type: "WorksheetChanged",
        worksheetId: sheetId,
        address: formatBox(box),
        changeType: "RangeEdited",
        source: "Local",
      });
    }
    const sel = this._selection;
    const selSheet = sel && this._txnSelection ? this.sheet(sel.sheet) : undefined;
    if (sel && selSheet)
      this.events.emit({ type: "WorksheetSelectionChanged", worksheetId: selSheet.id, address: sel.address, source: "Local" });
    this._txnChanges = new Map();
    this._txnSelection = false;
  }

  _rollback(): void {
    const undo = this._txn ?? [];
    this._txn = null;
    this._txnChanges = new Map();
    this._txnSelection = false;
    for (let i = undo.length - 1; i >= 0; i--) undo[i]();
  }
}

/**
 * Qualified addresses of cells whose value, formula or number format differ between two snapshots
 * (sheets added or removed count all their cells). For "only Saiten's cells changed" assertions.
 */
export function changedCells(before: WorkbookSnapshot, after: WorkbookSnapshot): string[] {
  const out: string[] = [];
  const names = new Set([...Object.keys(before.sheets), ...Object.keys(after.sheets)]);
  for (const name of names) {
    const a = before.sheets[name]?.cells ?? {};
    const b = after.sheets[name]?.cells ?? {};
    for (const addr of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const x = a[addr];
      const y = b[addr];
      const same =
        (x?.value ?? "") === (y?.value ?? "") &&
        x?.formula === y?.formula &&
        (x?.numberFormat ?? "") === (y?.numberFormat ?? "");
      if (!same) {
        const p = parseAddress(addr);
        out.push(p ? qualify(name, p.box) : `${name}!${addr}`);
      }
    }
  }
  return out;
}
