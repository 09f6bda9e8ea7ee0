/// <reference types="office-js" />
// An in-memory Excel behind the Office.js API surface Saiten uses, so the real Office.js adapter runs
// in jest and in the task pane's browser preview. createSimulatedExcel(model).run has Excel.run's
// type; the context it passes is typed as Excel.RequestContext, and the proxies keep office.js's
// rules (load + sync before read, writes applied at sync, errors with Office's codes).
import { isSetSupportedUpTo } from "./api-sets";
import { type SimHost, type SimOptions, type SimStats, SimContext, newStats } from "./context";
import { officeError } from "./errors";
import { SimWorkbook } from "./model";
import { SimObject } from "./proxy";

export interface SimulatedExcel {
  /** Excel.run over the simulated workbook: run(batch), run(options, batch), run(object(s), batch). */
  run: typeof Excel.run;
  stats: SimStats;
  model: SimWorkbook;
  /** Live options: change hangSync, latencyMs or failSync between runs. */
  options: SimOptions;
  /** Office.context.requirements.isSetSupported as this Excel answers it (see SimOptions.excelApi). */
  isSetSupported(name: string, minVersion?: string): boolean;
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

  return {
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
export { SimWorkbook, changedCells } from "./model";
export { fromExcelJs, loadXlsx, toExcelJs, toXlsx } from "./xlsx";
