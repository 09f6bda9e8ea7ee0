// The reviewer batch's Web Workers: one per core (navigator.hardwareConcurrency), each a bundle of
// its own that webpack 5 builds from `new Worker(new URL(…, import.meta.url))`.
import type { JobWorker, WorkerInit, WorkerReply, WorkerTask } from "../../app/review-job";
import type { CollectorMessage, CollectorReply, SummarySource, SummaryView } from "../../app/review-collector";
import type { ReviewRecord } from "../../app/review/types";
import type { Rulebook } from "../../rulebooks/schema";
import type { WriteRequest } from "../../workbook/port";

export function workerCount(): number {
  const cores = typeof navigator !== "undefined" ? navigator.hardwareConcurrency : undefined;
  return Math.max(1, Math.min(16, cores || 2));
}

export function spawnReviewWorker(): JobWorker {
  // @ts-expect-error -- import.meta: webpack bundles the pane as ES modules (tsconfig.web.json); tsconfig.json checks it as CommonJS.
  const worker = new Worker(new URL("./review.worker.ts", import.meta.url), { name: "saiten-review" });
  return {
    post: (message: WorkerInit | WorkerTask, transfer?: ArrayBuffer[]) => worker.postMessage(message, transfer ?? []),
    onReply: (handler) => (worker.onmessage = (e: MessageEvent<WorkerReply>) => handler(e.data)),
    onCrash: (handler) => {
      worker.onerror = (e) => {
        e.preventDefault();
        handler();
      };
      worker.onmessageerror = () => handler();
    },
    terminate: () => worker.terminate(),
  };
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

  async summarise(extra: ReviewRecord[]): Promise<SummaryView> {
    const r = await this.ask({ kind: "summarise", extra });
    if (r.kind !== "summary") throw new Error("unexpected reply");
    return r.view;
  }

  async xlsx(): Promise<{ bytes: Uint8Array; sheets: string[] }> {
    const r = await this.ask({ kind: "xlsx" });
    if (r.kind !== "xlsx") throw new Error("unexpected reply");
    return { bytes: r.bytes, sheets: r.sheets };
  }

  async writes(existing: string[]): Promise<{ request: WriteRequest; sheets: string[] }> {
    const r = await this.ask({ kind: "writes", existing });
    if (r.kind !== "writes") throw new Error("unexpected reply");
    return { request: r.request, sheets: r.sheets };
  }

  terminate(): void {
    this.worker.terminate();
  }
}
