// The workbook port over Office.js. Every read() and write() is one Excel.run with one context.sync()
// (a write that clears marks first looks them up, two more): all loads are queued first, all writes
// are 2-D arrays per block (null = leave the cell alone). Calls above the manifest's ExcelApi set are
// made only where the Excel in use supports them (excel-support.ts; docs/excel-api-requirements.md).
import { isExcelErrorText } from "../../engine/normalise";
import { absoluteAddress, parseRef, qualified, rangeAddress } from "../../excel/a1";
import type {
  Block,
  CellData,
  DefinedName,
  RangeRead,
  ReadRequest,
  ReadResult,
  SheetInfo,
  WorkbookPort,
  WriteRequest,
} from "../../workbook/port";
import { type SheetWatch, WorkbookError } from "../../workbook/port";
import { msg } from "../../messages";
import { ALL_FEATURES, type ExcelFeatures, officeExcelSupport } from "./excel-support";
import { excelFailure } from "./excel-failure";

/** Excel.run as the adapter uses it: real Excel in the add-in, the in-memory workbook in preview/tests. */
export type ExcelRun = <T>(
  /** Options for a new batch, or the context of an earlier one (to remove event handlers it added). */
  options: Excel.RunOptions | Excel.RequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Give up waiting for Excel after this long (ms) and tell the user to retry. */
  timeoutMs?: number;
  /**
   * What the Excel in use supports beyond the manifest's set. Default: what Office.js says inside
   * Office, everything elsewhere (the in-memory Excel of the preview and the tests).
   */
  features?: ExcelFeatures;
}

const MARK_COLOR = "#FFE0E0";
const MARK_FORMULA = "=TRUE";
const MARKS_SETTING = "saiten.marks";

function toCell(value: unknown, formula: unknown, numFmt: unknown): CellData {
  const d: CellData = { value: null };
  if (typeof value === "string" && isExcelErrorText(value)) d.error = value;
  else if (value !== "" && value !== undefined && value !== null) d.value = value as CellData["value"];
  if (typeof formula === "string" && formula.startsWith("=")) d.formula = formula;
  if (typeof numFmt === "string" && numFmt !== "General") d.numFmt = numFmt;
  return d;
}

function toBlock(sheet: string, r: Excel.Range): Block {
  const values = r.values;
  const formulas = r.formulas;
  const fmts = r.numberFormat;
  return {
    sheet,
    top: r.rowIndex + 1,
    left: r.columnIndex + 1,
    cells: values.map((line, i) => line.map((v, j) => toCell(v, formulas[i][j], fmts[i][j]))),
  };
}

function officeError(e: unknown): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? "";
  if (code === "ApiNotFound") return new WorkbookError("failed", msg("excel.api-missing"));
  if (code === "InvalidOperationInCellEditMode") return new WorkbookError("cell-edit", msg("excel.cell-edit"));
  if (code === "AccessDenied" || /protect/i.test(err?.message ?? ""))
    return new WorkbookError("protected", msg("excel.protected"));
  if (code === "ItemNotFound") return new WorkbookError("sheet-missing", msg("excel.not-found"));
  return new WorkbookError("failed", excelFailure(code));
}

interface QueuedRange {
  ref: string;
  problem?: RangeRead["problem"];
  sheetName?: string;
  bounds?: ReturnType<typeof parseRef>;
  cells?: Excel.Range;
  mergedAreas?: Excel.RangeAreas;
  sheetUsed?: Excel.Range;
}

function queueUsedBounds(sheet: Excel.Worksheet): Excel.Range {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  return used;
}

/** After the sync: the block, and whether it is merged or outside the used range. */
function rangeRead(q: QueuedRange): RangeRead {
  if (q.problem || !q.cells || !q.bounds || !q.sheetName)
    return { ref: q.ref, problem: q.problem ?? "invalid-ref" };
  const out: RangeRead = { ref: q.ref, block: toBlock(q.sheetName, q.cells) };
  if (q.mergedAreas && !q.mergedAreas.isNullObject && q.mergedAreas.areaCount > 0) out.merged = true;
  const u = q.sheetUsed;
  const b = q.bounds;
  if (
    !u ||
    u.isNullObject ||
    b.top - 1 < u.rowIndex ||
    b.left - 1 < u.columnIndex ||
    b.bottom > u.rowIndex + u.rowCount ||
    b.right > u.columnIndex + u.columnCount
  ) {
    out.outsideUsed = true;
  }
  return out;
}

export class OfficeWorkbook implements WorkbookPort {
  roundTrips = 0;
  /** Known from the last read: which sheets exist. */
  private sheetNames = new Set<string>();
  readonly features: ExcelFeatures;

  constructor(
    private readonly run: ExcelRun,
    private readonly options: OfficeWorkbookOptions = {},
  ) {
    this.features = options.features ?? officeExcelSupport()?.features ?? ALL_FEATURES;
  }

  private async batch<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const timeoutMs = this.options.timeoutMs ?? 30000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new WorkbookError("timeout", msg("excel.timeout")),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.run({ delayForCellEdit: true }, fn), timeout]);
    } catch (e) {
      throw officeError(e);
    } finally {
      clearTimeout(timer);
    }
  }

  async read(req: ReadRequest): Promise<ReadResult> {
    return this.batch(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets;
      // One navigational load for every sheet's protection: a null-object sheet cannot be asked.
      sheets.load("items/name, items/visibility, items/protection/protected");
      const used = (req.used ?? []).map((name) => {
        const ws = wb.worksheets.getItemOrNullObject(name);
        ws.load("name");
        const range = ws.getUsedRangeOrNullObject();
        range.load("values, formulas, numberFormat, rowIndex, columnIndex");
        return { name, ws, range };
      });
      const usedBySheet = new Map<string, Excel.Range>();
      const ranges = (req.ranges ?? []).map((ref) => this.queueRange(wb, ref, usedBySheet));
      const names = req.names ? wb.names : undefined;
      names?.load("items/name, items/type, items/formula");
      const settings = (req.settings ?? []).map((key) => {
        const s = wb.settings.getItemOrNullObject(key);
        s.load("value");
        return { key, s };
      });
      this.roundTrips++;
      await context.sync();

      const sheetInfo: SheetInfo[] = sheets.items.map((s) => ({
        name: s.name,
        visible: s.visibility === "Visible",
        protected: s.protection.protected,
      }));
      this.sheetNames = new Set(sheetInfo.map((s) => s.name));
      const usedBlocks = new Map<string, Block>();
      for (const u of used) {
        if (u.ws.isNullObject) continue;
        usedBlocks.set(
          u.name,
          u.range.isNullObject
            ? { sheet: u.name, top: 1, left: 1, cells: [[{ value: null }]] }
            : toBlock(u.name, u.range),
        );
      }
      const definedNames: DefinedName[] = [];
      for (const n of names?.items ?? []) {
        if (n.type === "Range" && typeof n.formula === "string")
          definedNames.push({ name: n.name, ref: n.formula.replace(/^=/, "") });
      }
      const settingValues: Record<string, string | undefined> = {};
      for (const { key, s } of settings) settingValues[key] = s.isNullObject ? undefined : String(s.value);
      return {
        sheets: sheetInfo,
        used: usedBlocks,
        ranges: ranges.map(rangeRead),
        names: definedNames,
        settings: settingValues,
      };
    });
  }

  /**
   * Queues the loads for one range; rangeRead() interprets them after the sync. A sheet's used range
   * is asked for once per read, however many of the ranges lie on it.
   */
  private queueRange(wb: Excel.Workbook, ref: string, usedBySheet: Map<string, Excel.Range>): QueuedRange {
    let r;
    try {
      r = parseRef(ref);
    } catch {
      return { ref, problem: "invalid-ref" };
    }
    if (!r.sheet || (this.sheetNames.size > 0 && !this.sheetNames.has(r.sheet)))
      return { ref, problem: "sheet-missing" };
    const sheet = wb.worksheets.getItem(r.sheet);
    const cells = sheet.getRange(rangeAddress(r));
    cells.load("values, formulas, numberFormat, rowIndex, columnIndex");
    // ExcelApi 1.13: without it a merged answer cell is read as it is, unflagged (the pane says so).
    const mergedAreas = this.features.mergedCellCheck ? cells.getMergedAreasOrNullObject() : undefined;
    mergedAreas?.load("areaCount");
    const sheetUsed = usedBySheet.get(r.sheet) ?? queueUsedBounds(sheet);
    usedBySheet.set(r.sheet, sheetUsed);
    return { ref, sheetName: r.sheet, bounds: r, cells, mergedAreas, sheetUsed };
  }

  async write(req: WriteRequest): Promise<void> {
    await this.batch(async (context) => {
      const wb = context.workbook;
      const existingNames = await this.lookUpNames(context, req);
      // In the same batch, so the old marks go in the sync that applies everything else.
      if (req.marks?.clear) await this.queueClearMarks(context);
      context.application.suspendApiCalculationUntilNextSync();
      for (const s of req.addSheets ?? []) {
        const ws = wb.worksheets.add(s.name);
        if (s.hidden) ws.visibility = "Hidden";
      }
      for (const b of req.blocks ?? []) {
        const rows = b.values.length;
        const cols = b.values[0]?.length ?? 0;
        if (!rows || !cols) continue;
        const target = wb.worksheets.getItem(b.sheet).getRangeByIndexes(b.top - 1, b.left - 1, rows, cols);
        target.values = b.values as unknown as (string | number | boolean)[][];
        if (b.numFmts) target.numberFormat = b.numFmts as unknown as string[][];
      }
      // ExcelApi 1.8: without it answer cells get no dropdown list (the pane says so).
      for (const v of this.features.answerDropdowns ? (req.validations ?? []) : []) {
        const r = parseRef(v.ref);
        if (!r.sheet) continue;
        const target = wb.worksheets.getItem(r.sheet).getRange(rangeAddress(r));
        target.dataValidation.clear();
        target.dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
        target.dataValidation.errorAlert = { showAlert: false, message: "", style: "Information", title: "" };
      }
      for (const c of req.charts ?? []) {
        const r = parseRef(c.dataRange);
        const sheet = wb.worksheets.getItem(c.sheet);
        const chart = sheet.charts.add("ColumnClustered", sheet.getRange(rangeAddress(r)), "Columns");
        chart.name = c.name;
        chart.title.text = c.title;
        chart.setPosition(rangeAddress(parseRef(c.anchor)));
      }
      // Replacing is delete + add: Excel has no way to point an existing name elsewhere by formula text.
      for (const item of existingNames) item.delete();
      for (const n of req.names ?? []) wb.names.add(n.name, `=${n.ref}`);
      for (const [key, value] of Object.entries(req.settings ?? {})) {
        if (value === null) wb.settings.getItemOrNullObject(key).delete();
        else wb.settings.add(key, value);
      }
      const marked: string[] = [];
      for (const ref of req.marks?.add ?? []) {
        const r = parseRef(ref);
        if (!r.sheet) continue;
        const cf = wb.worksheets.getItem(r.sheet).getRange(rangeAddress(r)).conditionalFormats.add("Custom");
        cf.custom.rule.formula = MARK_FORMULA;
        cf.custom.format.fill.color = MARK_COLOR;
        marked.push(qualified(r.sheet, rangeAddress(r)));
      }
      if (marked.length) wb.settings.add(MARKS_SETTING, JSON.stringify(marked));
      this.roundTrips++;
      await context.sync();
    });
    for (const s of req.addSheets ?? []) this.sheetNames.add(s.name);
  }

  /**
   * The defined names a write replaces or deletes that exist now, looked up in the write's own batch
   * (one sync, only when names change), so a write never depends on what an earlier read saw.
   */
  private async lookUpNames(context: Excel.RequestContext, req: WriteRequest): Promise<Excel.NamedItem[]> {
    const touched = new Set([...(req.deleteNames ?? []), ...(req.names ?? []).map((n) => n.name)]);
    if (!touched.size) return [];
    const items = [...touched].map((n) => {
      const item = context.workbook.names.getItemOrNullObject(n);
      item.load("name");
      return item;
    });
    this.roundTrips++;
    await context.sync();
    return items.filter((item) => !item.isNullObject);
  }

  /**
   * Finds exactly the conditional formats Saiten added (recorded ranges, its rule and colour) and
   * queues their removal; the caller's next sync applies it.
   */
  private async queueClearMarks(context: Excel.RequestContext): Promise<void> {
    const wb = context.workbook;
    const setting = wb.settings.getItemOrNullObject(MARKS_SETTING);
    setting.load("value");
    this.roundTrips++;
    await context.sync();
    if (setting.isNullObject) return;
    const refs = JSON.parse(String(setting.value)) as string[];
    const lists = refs
      .map((ref) => parseRef(ref))
      .filter((r) => r.sheet && this.sheetNames.has(r.sheet!))
      .map((r) => {
        const cfs = wb.worksheets.getItem(r.sheet!).getRange(rangeAddress(r)).conditionalFormats;
        cfs.load("items/type, items/custom/rule/formula, items/custom/format/fill/color");
        return cfs;
      });
    if (lists.length) {
      this.roundTrips++;
      await context.sync();
    }
    for (const cfs of lists) {
      for (const cf of cfs.items) {
        if (
          cf.type === "Custom" &&
          cf.custom.rule.formula === MARK_FORMULA &&
          cf.custom.format.fill.color?.toUpperCase() === MARK_COLOR
        )
          cf.delete();
      }
    }
    setting.delete();
  }

  async selection(): Promise<string | null> {
    return this.batch(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      this.roundTrips++;
      await context.sync();
      const r = parseRef(range.address);
      return r.sheet ? qualified(r.sheet, absoluteAddress(r)) : null;
    });
  }

  /**
   * Worksheet events on every sheet there is now (Worksheet.onChanged / onSelectionChanged, ExcelApi
   * 1.7, so Office 2019 has them too): one batch to register, one to remove with the context that added
   * them, as Office.js requires. Excel gives addresses without the sheet: the sheet is found by its id.
   */
  async watch(handlers: SheetWatch): Promise<() => Promise<void>> {
    const added = await this.batch(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id, items/name");
      this.roundTrips++;
      await context.sync();
      const names = new Map(sheets.items.map((s) => [s.id, s.name]));
      const where = (id: string, address: string) => qualified(names.get(id) ?? "", address);
      const results: OfficeExtension.EventHandlerResult<unknown>[] = [];
      for (const ws of sheets.items) {
        results.push(
          ws.onChanged.add(async (e) => handlers.changed(where(e.worksheetId, e.address))),
          ws.onSelectionChanged.add(async (e) => handlers.selected(where(e.worksheetId, e.address))),
        );
      }
      this.roundTrips++;
      await context.sync();
      return { context, results };
    });
    return async () => {
      if (!added.results.length) return;
      await this.run(added.context, async (context) => {
        for (const r of added.results) r.remove();
        await context.sync();
      });
    };
  }

  async select(ref: string): Promise<void> {
    const r = parseRef(ref);
    if (!r.sheet) return;
    await this.batch(async (context) => {
      const ws = context.workbook.worksheets.getItem(r.sheet!);
      ws.activate();
      ws.getRange(rangeAddress(r)).select();
      this.roundTrips++;
      await context.sync();
    });
  }
}
