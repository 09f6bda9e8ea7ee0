// A Web Worker of the pane's reviewer batch: takes one workbook's bytes at a time, reviews them with
// the batch's own code (the CLI's checks, limits and messages) and posts back only the record.
import { reviewBytes } from "../../app/review/review-bytes";
import type { WorkerInit, WorkerReply, WorkerTask } from "../../app/review-job";

interface WorkerScope {
  onmessage: ((e: { data: WorkerInit | WorkerTask }) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;
let init: WorkerInit | undefined;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.kind === "init") {
    init = m;
    return;
  }
  if (!init) return;
  const { rulebook, limits } = init;
  void reviewBytes(new Uint8Array(m.data), m.file, { rulebook, limits }).then((record) =>
    scope.postMessage({ index: m.index, record }),
  );
};
