// A Web Worker of the pane's reviewer batch: takes one workbook's bytes after another, reviews them with
// the batch's own code (the CLI's checks, limits and messages) and posts back only the record.
import { loadProcessor, reviewBytes } from "../../app/review/review-bytes";
import type { WorkerInit, WorkerReply, WorkerTask } from "../../app/review-job";

interface WorkerScope {
  onmessage: ((e: { data: WorkerInit | WorkerTask }) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;
// The scorer's code is fetched now, while the first file is still being read for this worker; a
// failure is the first file's to report (reviewBytes loads it again).
loadProcessor().catch(() => undefined);
let init: WorkerInit | undefined;
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const m = e.data;
  if (m.kind === "init") {
    init = m;
    return;
  }
  if (!init) return;
  const { rulebook, limits } = init;
  // One file after another, in the order posted (the next one waits here while this one is reviewed):
  // the job times the file at the head of its queue and expects the records in that order.
  queue = queue.then(() =>
    reviewBytes(new Uint8Array(m.data), m.file, { rulebook, limits }).then((record) =>
      scope.postMessage({ index: m.index, record }),
    ),
  );
};
