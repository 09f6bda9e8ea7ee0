// The reviewer batch's Web Workers: one per core (navigator.hardwareConcurrency), each a bundle of
// its own that webpack 5 builds from `new Worker(new URL(…, import.meta.url))`.
import type { JobWorker, WorkerInit, WorkerReply, WorkerTask } from "../../app/review-job";
import type { CollectorMessage, CollectorReply, SummarySource, SummaryView } from "../../app/review-collector";
import type { ReviewRecord } from "../../app/review/types";
import type { Lang } from "../../messages";
import type { Rulebook } from "../../rulebooks/schema";
import type { WriteRequest } from "../../workbook/port";

export function workerCount(): number {
  const cores = typeof navigator !== "undefined" ? navigator.hardwareConcurrency : undefined;
  return Math.max(1, Math.min(16, cores || 2));
}

export function spawnReviewWorker(): JobWorker {
  // @ts-expect-error -- import.meta: webpack bundles the pane as ES modules (tsconfig.web.json); tsconfig.json checks it as CommonJS.
  const worker = new Worker(new URL("./review.worker.ts", import.meta.url), { name: "saiten-review" });
  // A worker may be started before its job (see PreparedWorkers): a failure before the job listens is
  // told to the job when it does.
  let crashed = false;
  let onCrash: (() => void) | undefined;
  const crash = () => {
    crashed = true;
    onCrash?.();
  };
  worker.onerror = (e) => {
    e.preventDefault();
    crash();
  };
  worker.onmessageerror = crash;
  return {
    post: (message: WorkerInit | WorkerTask, transfer?: ArrayBuffer[]) => worker.postMessage(message, transfer ?? []),
    onReply: (handler) => (worker.onmessage = (e: MessageEvent<WorkerReply>) => handler(e.data)),
    onCrash: (handler) => {
      onCrash = handler;
      if (crashed) handler();
    },
    terminate: () => worker.terminate(),
  };
}

/** How long workers started for a file choice wait for it before they are let go. */
const PREPARED_FOR_MS = 120_000;

/**
 * Review workers started when the reviewer opens the file dialog: while they choose (seconds), each
 * worker loads its code and the scorer's, which the batch would otherwise wait for after the choice.
 * Workers not taken by a job within two minutes are let go.
 */
export class PreparedWorkers {
  private workers: JobWorker[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Starts a worker per core unless some are already waiting. */
  prepare(): void {
    if (this.workers.length) return;
    for (let i = 0; i < workerCount(); i++) this.workers.push(spawnReviewWorker());
    this.timer = setTimeout(() => this.release(), PREPARED_FOR_MS);
  }

  /** A waiting worker, else a new one: what a job's spawn calls. */
  take(): JobWorker {
    return this.workers.shift() ?? spawnReviewWorker();
  }

  /** Lets go of the workers nobody took. */
  release(): void {
    clearTimeout(this.timer);
    for (const w of this.workers.splice(0)) w.terminate();
  }
}

/** The summary's worker, as the pane talks to it: records in, the summary's view and report out. */
export class SummaryWorker implements SummarySource {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (r: CollectorReply) => void; reject: (e: unknown) => void }[] = [];

  constructor(rulebook: Rulebook) {
    // @ts-expect-error -- import.meta: webpack bundles the pane as ES modules (tsconfig.web.json); tsconfig.json checks it as CommonJS.
    this.worker = new Worker(new URL("./summary.worker.ts", import.meta.url), { name: "saiten-summary" });
    this.worker.onmessage = (e: MessageEvent<CollectorReply>) => this.waiting.shift()?.resolve(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      for (const w of this.waiting.splice(0)) w.reject(new Error("summary worker stopped"));
    };
    this.post({ kind: "init", rulebook });
  }

  private post(m: CollectorMessage): void {
    this.worker.postMessage(m);
  }

  private ask(m: CollectorMessage): Promise<CollectorReply> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.post(m);
    });
  }

  add(index: number, record: ReviewRecord): void {
    this.post({ kind: "record", index, record });
  }

  /** `prepare`: the summary workbook is built right after, in that language, in the worker
   *  (SummaryCollector.prepareXlsx). */
  async summarise(extra: ReviewRecord[], prepare?: Lang): Promise<SummaryView> {
    const r = await this.ask({ kind: "summarise", extra, prepare });
    if (r.kind !== "summary") throw new Error("unexpected reply");
    return r.view;
  }

  async xlsx(lang: Lang): Promise<{ bytes: Uint8Array; sheets: string[] }> {
    const r = await this.ask({ kind: "xlsx", lang });
    if (r.kind !== "xlsx") throw new Error("unexpected reply");
    return { bytes: r.bytes, sheets: r.sheets };
  }

  async writes(existing: string[], lang: Lang): Promise<{ request: WriteRequest; sheets: string[] }> {
    const r = await this.ask({ kind: "writes", existing, lang });
    if (r.kind !== "writes") throw new Error("unexpected reply");
    return { request: r.request, sheets: r.sheets };
  }

  terminate(): void {
    this.worker.terminate();
  }
}
