// The pane's file reads in a Web Worker, one worker per read: the pane's thread stays free to show
// progress and to take a click on 中止, which ends the worker at once. Webpack builds the worker from
// `new Worker(new URL(…, import.meta.url))` into a script of the add-in's own host (the CSP's 'self').
import { msg, UserError } from "../messages";
import {
  errorFromWire,
  type FileReadOptions,
  type FileReads,
  ReadCancelled,
} from "../app/file-reads";
import type { FileReadReply, FileReadRequest } from "./file-reads.worker";

function inWorker<T>(request: FileReadRequest, options: FileReadOptions | undefined): Promise<T> {
  const { fileName } = request;
  return new Promise<T>((resolve, reject) => {
    const signal = options?.signal;
    if (signal?.aborted) return reject(new ReadCancelled(fileName));
    // @ts-expect-error -- import.meta: webpack's worker syntax; tsconfig.json checks the code as CommonJS.
    const worker = new Worker(/* webpackChunkName: "file-reads-worker" */ new URL("./file-reads.worker.ts", import.meta.url));
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener("abort", stop);
    };
    const stop = () => {
      finish();
      reject(new ReadCancelled(fileName));
    };
    signal?.addEventListener("abort", stop, { once: true });
    worker.onmessage = (e: MessageEvent<FileReadReply>) => {
      const reply = e.data;
      if (reply.type === "progress") return options?.onProgress?.(reply.progress);
      finish();
      if (reply.type === "done") resolve(reply.value as T);
      else reject(errorFromWire(reply.error));
    };
    // The worker could not start or died (its script refused, out of memory).
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      finish();
      reject(new UserError(msg("session.read-failed", { file: fileName })));
    };
    // The bytes are handed over, not copied.
    worker.postMessage(request, [request.data.buffer]);
  });
}

/** File reads in Web Workers, or null where the browser has none. */
export function workerFileReads(): FileReads | null {
  if (typeof Worker === "undefined") return null;
  return {
    openTally: (data, fileName, options) => inWorker({ op: "tally", data, fileName }, options),
    readPreviousWorkbook: (data, fileName, options) =>
      inWorker({ op: "workbook", data, fileName, rulebooks: options?.rulebooks ?? [] }, options),
  };
}
