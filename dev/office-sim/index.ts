/// <reference types="office-js" />
// An in-memory Excel behind the Office.js API surface Saiten uses, so the real Office.js adapter runs
// in jest and in the task pane's browser preview. createSimulatedExcel(model).run has Excel.run's
// type; the context it passes is typed as Excel.RequestContext, and the proxies keep office.js's
// rules (load + sync before read, writes applied at sync, errors with Office's codes).
import { apiNotFound, compareSets, isSetSupportedUpTo } from "./api-sets";
import { type SimHost, type SimOptions, type SimStats, SimContext, newStats } from "./context";
import { officeError } from "./errors";
import { SimWorkbook } from "./model";
import { SimObject } from "./proxy";
import { loadXlsx } from "./xlsx";

export interface SimulatedExcel {
  /** Excel.run over the simulated workbook: run(batch), run(options, batch), run(object(s), batch). */
  run: typeof Excel.run;
  stats: SimStats;
  model: SimWorkbook;
  /** Live options: change hangSync, latencyMs or failSync between runs. */
  options: SimOptions;
  /** Office.context.requirements.isSetSupported as this Excel answers it (see SimOptions.excelApi). */
  isSetSupported(name: string, minVersion?: string): boolean;
  /**
   * Excel.createWorkbook (ExcelApi 1.8): opens a new workbook from a base64 .xlsx, as Excel opens it
   * in a window of its own (the add-in gets no handle to it). Kept in `created`, in order.
   */
  createWorkbook(base64?: string): Promise<void>;
  created: SimWorkbook[];
}

function base64Bytes(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function contextOf(x: unknown): SimContext | undefined {
  if (x instanceof SimContext) return x;
  if (x instanceof SimObject) return x._ctx;
  if (Array.isArray(x)) return contextOf(x[0]);
  if (x && typeof x === "object" && "previousObjects" in x)
    return contextOf((x as { previousObjects?: unknown }).previousObjects);
  return undefined;
}

export function createSimulatedExcel(
  model: SimWorkbook = new SimWorkbook(),
  options: SimOptions = {},
): SimulatedExcel {
  const host: SimHost = { model, options, stats: newStats(), syncNumber: 0 };

  async function run(...args: unknown[]): Promise<unknown> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function")
      throw officeError("InvalidArgument", "Excel.run needs a batch function", "run");
    const first = args.length > 1 ? args[0] : undefined;
    const reused = contextOf(first);
    const delay = !!(first && typeof first === "object" && (first as Excel.RunOptions).delayForCellEdit);
    const ctx = reused ?? new SimContext(host, delay);
    // Excel.run(earlierContext, batch) sends requests with that context again (e.g. removing the event
    // handlers it added), however long ago its own batch ended.
    const wasClosed = ctx._closed;
    ctx._closed = false;
    host.stats.runs++;
    try {
      const p = (batch as (c: Excel.RequestContext) => unknown)(ctx as unknown as Excel.RequestContext);
      if (!p || typeof (p as Promise<unknown>).then !== "function") throw officeError("RunMustReturnPromise");
      const result = await p;
      // Like Excel.run, send what the batch queued but never synced.
      if (ctx._pending) {
        host.stats.implicitSyncs++;
        await ctx._flush();
      }
      return result;
    } catch (e) {
      ctx._discard();
      throw e;
    } finally {
      ctx._closed = reused ? wasClosed : true;
    }
  }

  const created: SimWorkbook[] = [];
  async function createWorkbook(base64?: string): Promise<void> {
    if (options.excelApi !== undefined && compareSets("1.8", options.excelApi) > 0)
      throw apiNotFound("Excel.createWorkbook", "1.8");
    try {
      created.push(base64 ? await loadXlsx(base64Bytes(base64)) : new SimWorkbook({ sheets: [{ name: "Sheet1" }] }));
    } catch {
      throw officeError("InvalidArgument", "the base64 text is not an .xlsx workbook", "createWorkbook");
    }
  }

  return {
    createWorkbook,
    created,
    run: run as unknown as typeof Excel.run,
    stats: host.stats,
    model,
    options,
    isSetSupported: (name, minVersion) => isSetSupportedUpTo(options.excelApi, name, minVersion),
  };
}

export { type SimOptions, type SimStats } from "./context";
export { type Access, type ApiSet, EXCEL_API_SETS, compareSets } from "./api-sets";
export { installOfficeGlobals } from "./globals";
export { SimWorkbook, changedCells, type WorkbookSnapshot } from "./model";
export { fromExcelJs, loadXlsx, toExcelJs, toXlsx } from "./xlsx";
