// The Web Worker that reads a chosen file for the pane (src/app/file-reads.ts): a national tally or
// last year's answer workbook. It runs one read per worker and says how far it has come; the pane
// stops a read by ending the worker. Errors travel as data (WireError) and become errors again there.
import { errorToWire, inThreadFileReads, type WireError } from "../app/file-reads";
import type { ReadProgress } from "../app/file-reads";
import type { Rulebook } from "../rulebooks/schema";

export type FileReadRequest =
  | { op: "tally"; data: Uint8Array; fileName: string }
  | { op: "workbook"; data: Uint8Array; fileName: string; rulebooks: Rulebook[] };

export type FileReadReply =
  | { type: "progress"; progress: ReadProgress }
  | { type: "done"; value: unknown }
  | { type: "error"; error: WireError };

// The worker's global scope, as far as it is used here (the project's types are the page's).
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<FileReadRequest>) => void) | null;
  postMessage(reply: FileReadReply): void;
};

scope.onmessage = (e) => {
  const req = e.data;
  const onProgress = (progress: ReadProgress) => scope.postMessage({ type: "progress", progress });
  const read =
    req.op === "tally"
      ? inThreadFileReads.openTally(req.data, req.fileName, { onProgress })
      : inThreadFileReads.readPreviousWorkbook(req.data, req.fileName, { onProgress, rulebooks: req.rulebooks });
  read.then(
    (value) => scope.postMessage({ type: "done", value }),
    (err: unknown) => scope.postMessage({ type: "error", error: errorToWire(err, req.fileName) }),
  );
};
