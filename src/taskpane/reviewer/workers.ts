// The reviewer batch's Web Workers: one per core (navigator.hardwareConcurrency), each a bundle of
// its own that webpack 5 builds from `new Worker(new URL(…, import.meta.url))`.
import type { JobWorker, WorkerInit, WorkerReply, WorkerTask } from "../../app/review-job";

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
