// The Web Worker that gathers the batch's records, summarises them and builds the summary workbook,
// so that none of it runs on the pane's main thread.
import { type CollectorMessage, type CollectorReply, collectorHandler } from "../../app/review-collector";

interface WorkerScope {
  onmessage: ((e: { data: CollectorMessage }) => void) | null;
  postMessage(message: CollectorReply, transfer?: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;
const handle = collectorHandler((reply, transfer) => scope.postMessage(reply, transfer ?? []));
// One message at a time, in order: a question is answered after every record sent before it.
let queue = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() => handle(e.data));
};
