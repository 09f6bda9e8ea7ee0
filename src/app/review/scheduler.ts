// Hands a batch's files to workers and takes their records back, for every shell: the CLI's worker
// threads (src/review/pool.ts) and the task pane's Web Workers (../review-job.ts). A worker holds a few
// files at a time and reviews them in order, so the next one is ready while it works on the current
// one. The file at the head of a worker's queue is timed from when the worker could start on it; a
// file that takes too long, exhausts the worker's memory or crashes it fails alone: the worker is
// replaced, and the files that were waiting in it go first to the fresh one.
import { type Limits, timeoutMessage } from "../../files/limits";
import { type Message, msg } from "../../messages";
import { refusedRecord } from "./refusals";
import type { ReviewRecord } from "./types";

/** Why a worker stopped on its own. */
export type LaneStop = "crash" | "memory";

/** One worker as the scheduler sees it; each shell wraps its own kind of worker. */
export interface Lane<P> {
  /** Files for the worker to review after those it already holds, in this order. */
  post(tasks: readonly { index: number; payload: P }[]): void;
  onReply(handler: (index: number, record: ReviewRecord) => void): void;
  /** The worker died: crashed, ran out of memory or exited. */
  onStop(handler: (why: LaneStop) => void): void;
  terminate(): void;
}

/** What a worker needs for a file (a path, or the file's bytes), or the file refused before any worker sees it. */
export type Prepared<P> = { payload: P } | { refused: ReviewRecord };

export interface ScheduleOptions<P> {
  /** Each file's name, as records and messages show it. */
  names: readonly string[];
  /** Workers at once (at most one per file). */
  workers: number;
  limits: Limits;
  spawn(): Lane<P>;
  /** How many files a worker should hold after a refill, given the files not yet handed out. */
  hold(remaining: number): number;
  /** A worker is refilled once it holds this many files or fewer. */
  refillAt: number;
  /** Asynchronous preparation (reading a file) is done one file at a time per worker. */
  prepare(index: number): Prepared<P> | Promise<Prepared<P>>;
  /** Each record as it is done, in completion order, with how many are done. */
  onRecord?(index: number, record: ReviewRecord, done: number): void;
}

export interface Schedule {
  /** Records in the order of the files; when cancelled, only the files done by then. */
  done: Promise<{ records: ReviewRecord[]; cancelled: boolean }>;
  cancel(): void;
}

/** Workers in a row that may stop before finishing a file before the batch stops starting them. */
const STARTS_WITHOUT_WORK = 3;

export function schedule<P>(options: ScheduleOptions<P>): Schedule {
  const { names, limits } = options;
  const total = names.length;
  const results: (ReviewRecord | undefined)[] = new Array(total);
  /** Each live worker and how to stop it (its timer with it). */
  const live = new Map<Lane<P>, () => void>();
  let next = 0;
  let done = 0;
  let ended = false;
  let cancelled = false;
  /** Workers that stopped, one after the other, before they finished or failed a file. */
  let stoppedIdle = 0;
  let settle: (v: { records: ReviewRecord[]; cancelled: boolean }) => void = () => undefined;
  const finished = new Promise<{ records: ReviewRecord[]; cancelled: boolean }>((resolve) => (settle = resolve));

  const end = () => {
    ended = true;
    for (const stop of [...live.values()]) stop();
    live.clear();
    settle({ records: results.filter((r): r is ReviewRecord => r !== undefined), cancelled });
  };

  const finish = (index: number, record: ReviewRecord) => {
    if (results[index] || ended) return;
    results[index] = record;
    done++;
    options.onRecord?.(index, record, done);
    if (done === total) end();
  };

  /** Files a stopped worker had waiting: handed out again first. */
  const again: number[] = [];
  const remaining = () => again.length + total - next;
  const take = (): number | undefined => (again.length ? again.shift() : next < total ? next++ : undefined);

  const start = () => {
    if (ended) return;
    const lane = options.spawn();
    // The files this worker holds, in the order it reviews them: queue[0] is the one it is on.
    let queue: number[] = [];
    let preparing = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const retire = () => {
      clearTimeout(timer);
      live.delete(lane);
      lane.terminate();
    };
    live.set(lane, retire);
    const watch = () => {
      clearTimeout(timer);
      const index = queue[0];
      if (index !== undefined) timer = setTimeout(() => fail(index, timeoutMessage(names[index], limits)), limits.timeoutMs);
    };
    const post = (tasks: { index: number; payload: P }[]) => {
      if (!tasks.length) return;
      const idle = !queue.length;
      for (const t of tasks) queue.push(t.index);
      lane.post(tasks);
      if (idle) watch();
    };
    const feed = async () => {
      if (preparing) return;
      preparing = true;
      while (!ended && live.has(lane) && queue.length <= options.refillAt) {
        const tasks: { index: number; payload: P }[] = [];
        let want = Math.max(1, options.hold(remaining())) - queue.length;
        let added = 0;
        while (want > 0) {
          const index = take();
          if (index === undefined) break;
          let got = options.prepare(index);
          if (got instanceof Promise) {
            // What is ready is posted before waiting: the worker starts on it.
            post(tasks.splice(0));
            got = await got;
            if (ended) return;
            if (!live.has(lane)) {
              // Stopped while this file was prepared: it goes to the fresh worker (started if none is left).
              again.push(index);
              if (!live.size) start();
              return;
            }
          }
          if ("refused" in got) finish(index, got.refused);
          else {
            tasks.push({ index, payload: got.payload });
            added++;
            want--;
          }
        }
        post(tasks);
        if (!added) {
          // Nothing left to hand out: an idle worker is let go.
          if (!ended && !queue.length) retire();
          break;
        }
      }
      preparing = false;
    };
    const fail = (index: number, m: Message) => {
      if (queue[0] !== index) return;
      stoppedIdle = 0;
      again.unshift(...queue.slice(1));
      queue = [];
      retire();
      finish(index, refusedRecord(names[index], m));
      if (!ended && remaining() > 0) start();
    };
    lane.onReply((index, record) => {
      const at = queue.indexOf(index);
      if (at < 0 || !live.has(lane)) return;
      stoppedIdle = 0;
      queue.splice(at, 1);
      finish(index, record);
      if (at === 0) watch();
      void feed();
    });
    lane.onStop((why) => {
      if (!live.has(lane)) return;
      if (queue[0] === undefined) {
        retire();
        // A worker that cannot even start (its script refused, say) would otherwise be replaced forever.
        if (++stoppedIdle >= STARTS_WITHOUT_WORK) return giveUp();
        if (!ended && remaining() > 0 && !live.size) start();
        return;
      }
      const file = names[queue[0]];
      fail(queue[0], msg(why === "memory" ? "file.out-of-memory" : "review.crashed", { file }));
    });
    void feed();
  };

  /** Every file not done yet fails, with the words for a worker that stopped. */
  const giveUp = () => {
    for (let index = 0; index < total && !ended; index++)
      if (!results[index]) finish(index, refusedRecord(names[index], msg("review.crashed", { file: names[index] })));
  };

  if (!total) end();
  else for (let i = 0; i < Math.max(1, Math.min(options.workers, total)); i++) start();

  return {
    done: finished,
    cancel: () => {
      if (ended) return;
      cancelled = true;
      end();
    },
  };
}
