// The request context: a queue of requests, flushed by sync(). A sync applies its requests in order
// inside a model transaction; if one fails, the transaction is rolled back and no proxy receives
// anything, so the workbook and the proxies look as if the batch had never been sent.
import type { Access } from "./api-sets";
import { SimOfficeError, officeError, type SimErrorCode } from "./errors";
import type { SimWorkbook } from "./model";
import type { Env, LoadOption, SimObject } from "./proxy";
import { SimApplication, SimWorkbookProxy } from "./workbook";

export interface SimOptions {
  /** Never settle syncs (all, or those the predicate picks by 1-based sync number): timeout tests. */
  hangSync?: boolean | ((syncNumber: number) => boolean);
  /** Delay each sync, so a preview shows its progress states. */
  latencyMs?: number;
  /** Fail chosen syncs with this code (state unchanged), e.g. to test GeneralException handling. */
  failSync?: (syncNumber: number) => { code: SimErrorCode; message?: string } | undefined;
  /** Cells one load may return before Excel's ResponsePayloadSizeLimitExceeded (default 5,000,000). */
  maxCellsPerLoad?: number;
  /**
   * Play an Excel that supports ExcelApi only up to this set ("1.8" for Office 2019, "1.14" for LTSC
   * 2021): newer APIs fail with ApiNotFound, and SimulatedExcel.isSetSupported answers accordingly.
   * Unset: every API the simulator has. Set it before the run whose proxies it should affect.
   */
  excelApi?: string;
}

export interface SimStats {
  /** context.sync() calls, across runs. */
  syncs: number;
  /** Syncs Excel.run made itself for requests still queued when the batch ended. */
  implicitSyncs: number;
  runs: number;
  /** Approximate request size: JSON length of the queued requests (writes with their values). */
  bytesOut: number;
  /** Approximate response size: JSON length of the data loads returned. */
  bytesIn: number;
  /** The APIs used ("Range.values" → read/write/call), noted while `excelApi` is set. */
  apis: Map<string, Set<Access>>;
  reset(): void;
}

export function newStats(): SimStats {
  const stats: SimStats = {
    syncs: 0,
    implicitSyncs: 0,
    runs: 0,
    bytesOut: 0,
    bytesIn: 0,
    apis: new Map(),
    reset() {
      stats.syncs = stats.implicitSyncs = stats.runs = stats.bytesOut = stats.bytesIn = 0;
      stats.apis.clear();
    },
  };
  return stats;
}

/** One queued request. `run` may return a delivery, called only when the whole batch succeeded. */
export interface Request {
  payload(): unknown;
  run(env: Env): (() => unknown) | void;
}

export interface SimHost {
  model: SimWorkbook;
  options: SimOptions;
  stats: SimStats;
  /** Syncs started so far (explicit and implicit), for hangSync/failSync. */
  syncNumber: number;
}

function size(v: unknown): number {
  if (v === null || v === undefined) return 0;
  return JSON.stringify(v)?.length ?? 0;
}

export class SimContext {
  readonly workbook: SimWorkbookProxy;
  readonly application: SimApplication;
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };
  readonly debugInfo = { pendingStatements: [] as string[] };
  /** Set when its Excel.run has finished: queued requests can no longer be sent. */
  _closed = false;
  private _queue: Request[] = [];

  constructor(
    readonly _host: SimHost,
    readonly _delayForCellEdit: boolean,
  ) {
    this.workbook = new SimWorkbookProxy(this);
    this.application = new SimApplication(this);
  }

  _enqueue(r: Request): void {
    this._queue.push(r);
  }

  get _pending(): number {
    return this._queue.length;
  }

  _discard(): void {
    this._queue = [];
  }

  /** RequestContext.load(object, props): the old spelling of object.load(props). */
  load<O extends SimObject>(object: O, option?: LoadOption): O {
    return object.load(option);
  }

  trace(_message: string): void {}

  sync<T>(passThroughValue?: T): Promise<T> {
    this._host.stats.syncs++;
    return this._flush().then(() => passThroughValue as T);
  }

  async _flush(): Promise<void> {
    const host = this._host;
    const requests = this._queue;
    this._queue = [];
    const n = ++host.syncNumber;
    if (this._closed && requests.length)
      throw officeError("InvalidObjectPath", "the Excel.run batch had ended");
    const hang = host.options.hangSync;
    if (hang === true || (typeof hang === "function" && hang(n))) return new Promise<void>(() => undefined);
    const delay = host.options.latencyMs ?? 0;
    await new Promise<void>((resolve) => (delay > 0 ? setTimeout(resolve, delay) : queueMicrotask(resolve)));
    if (host.model.cellEditMode) {
      if (!this._delayForCellEdit) throw officeError("InvalidOperationInCellEditMode");
      await host.model.whenCellEditEnds();
    }
    for (const r of requests) host.stats.bytesOut += size(r.payload());
    const fail = host.options.failSync?.(n);
    if (fail) throw new SimOfficeError(fail.code, fail.message);
    const env: Env = { wb: host.model, options: host.options };
    const deliveries: (() => unknown)[] = [];
    host.model._begin();
    try {
      for (const r of requests) {
        const d = r.run(env);
        if (d) deliveries.push(d);
      }
    } catch (e) {
      host.model._rollback();
      throw e;
    }
    host.model._commit();
    for (const d of deliveries) host.stats.bytesIn += size(d());
  }
}
