// The scheduler both shells share (the CLI's worker threads, the pane's Web Workers), driven through
// lanes that stand for workers: what each worker is given and when, the order of the records, and what
// happens to a worker's files when it stops.
import { WORKBOOK_LIMITS } from "../src/files/limits";
import { type Lane, type LaneStop, type Prepared, schedule, type ScheduleOptions } from "../src/app/review/scheduler";
import type { ReviewRecord } from "../src/app/review/types";

const record = (file: string): ReviewRecord => ({ file, status: "failed", reasonCode: "not-xlsx", reason: { ja: file, en: file } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A worker that reviews its files in order, taking `ms(file)` each; it can be told to stop. */
class FakeLane implements Lane<string> {
  readonly posts: string[][] = [];
  terminated = false;
  private held: { index: number; payload: string }[] = [];
  private busy = false;
  private reply: (index: number, r: ReviewRecord) => void = () => undefined;
  stop: (why: LaneStop) => void = () => undefined;
  /** Most files it held at once. */
  most = 0;
  constructor(private readonly ms: (file: string) => number | "hang") {}
  post(tasks: readonly { index: number; payload: string }[]): void {
    this.posts.push(tasks.map((t) => t.payload));
    this.held.push(...tasks);
    this.most = Math.max(this.most, this.held.length);
    void this.work();
  }
  private async work() {
    if (this.busy) return;
    this.busy = true;
    while (this.held.length && !this.terminated) {
      const t = this.held[0];
      const ms = this.ms(t.payload);
      if (ms === "hang") return;
      await sleep(ms);
      if (this.terminated) return;
      this.held.shift();
      this.reply(t.index, record(t.payload));
    }
    this.busy = false;
  }
  onReply(h: (index: number, r: ReviewRecord) => void): void {
    this.reply = h;
  }
  onStop(h: (why: LaneStop) => void): void {
    this.stop = h;
  }
  terminate(): void {
    this.terminated = true;
  }
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `f${i}.xlsx`);

interface RunOptions extends Partial<ScheduleOptions<string>> {
  /** How long each file takes its worker. */
  ms?: (file: string) => number | "hang";
  /** Told of each worker as it starts, with all started so far. */
  spawned?: (lane: FakeLane, lanes: FakeLane[]) => void;
}

function run(n: number, over: RunOptions = {}) {
  const lanes: FakeLane[] = [];
  const seen: [string, number][] = [];
  const files = names(n);
  const s = schedule<string>({
    names: files,
    workers: 2,
    limits: { ...WORKBOOK_LIMITS, timeoutMs: 200 },
    spawn: () => {
      const lane = new FakeLane(over.ms ?? (() => 1));
      lanes.push(lane);
      over.spawned?.(lane, lanes);
      return lane;
    },
    hold: () => 3,
    refillAt: 0,
    prepare: (i): Prepared<string> => ({ payload: files[i] }),
    onRecord: (i, _r, done) => seen.push([files[i], done]),
    ...over,
  });
  return { s, lanes, seen, files };
}

test("batches of `hold` files, refilled when a worker runs out; records in the files' order", async () => {
  // f1 is slow, so the records come back out of order.
  const { s, lanes, seen, files } = run(8, { ms: (f) => (f === "f1.xlsx" ? 30 : 1) });
  const { records, cancelled } = await s.done;
  expect(cancelled).toBe(false);
  expect(records.map((r) => r.file)).toEqual(files);
  expect(lanes).toHaveLength(2);
  expect(lanes.flatMap((l) => l.posts).every((p) => p.length <= 3)).toBe(true);
  expect(lanes[0].posts[0]).toEqual(["f0.xlsx", "f1.xlsx", "f2.xlsx"]);
  expect(lanes[1].posts[0]).toEqual(["f3.xlsx", "f4.xlsx", "f5.xlsx"]);
  // Refilled only once empty: never more than one batch held.
  expect(Math.max(...lanes.map((l) => l.most))).toBe(3);
  expect(seen.map(([, d]) => d)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(seen.map(([f]) => f).indexOf("f1.xlsx")).toBeGreaterThan(2);
  expect(lanes.every((l) => l.terminated)).toBe(true);
});

test("read ahead: a worker holds its file and the next, each prepared one at a time", async () => {
  let reading = 0;
  let mostReading = 0;
  const { s, lanes, files } = run(6, {
    workers: 1,
    hold: () => 2,
    refillAt: 1,
    prepare: async (i) => {
      mostReading = Math.max(mostReading, ++reading);
      await sleep(2);
      reading--;
      return { payload: names(6)[i] };
    },
    ms: () => 5,
  });
  const { records } = await s.done;
  expect(records.map((r) => r.file)).toEqual(files);
  expect(mostReading).toBe(1);
  expect(lanes[0].most).toBe(2);
  // Each file posted on its own, as soon as it was read.
  expect(lanes[0].posts).toEqual(files.map((f) => [f]));
});

test("a file is timed from when its worker can start on it, not from when it was handed over", async () => {
  // Each file takes 150 ms against a 400 ms limit: three in one batch take 450 ms, and none times out
  // (the margin is for a machine that stalls this process for a while).
  const { s } = run(3, { workers: 1, limits: { ...WORKBOOK_LIMITS, timeoutMs: 400 }, ms: () => 150 });
  const { records } = await s.done;
  expect(records.map((r) => r.reasonCode)).toEqual(["not-xlsx", "not-xlsx", "not-xlsx"]);
});

test("a file too slow fails alone with the limit's words; the files waiting behind it go first to a fresh worker", async () => {
  const { s, lanes } = run(5, {
    workers: 1,
    limits: { ...WORKBOOK_LIMITS, timeoutMs: 300 },
    ms: (f) => (f === "f1.xlsx" ? "hang" : 1),
  });
  const { records } = await s.done;
  expect(records.map((r) => [r.file, r.reasonCode])).toEqual([
    ["f0.xlsx", "not-xlsx"],
    ["f1.xlsx", "timeout"],
    ["f2.xlsx", "not-xlsx"],
    ["f3.xlsx", "not-xlsx"],
    ["f4.xlsx", "not-xlsx"],
  ]);
  expect(records[1].reason?.ja).toContain("f1.xlsx");
  expect(lanes).toHaveLength(2);
  expect(lanes[0].terminated).toBe(true);
  expect(lanes[1].posts[0]).toEqual(["f2.xlsx", "f3.xlsx", "f4.xlsx"]);
});

test("the first file a worker is given is timed too", async () => {
  const { s } = run(2, { workers: 1, limits: { ...WORKBOOK_LIMITS, timeoutMs: 50 }, ms: (f) => (f === "f0.xlsx" ? "hang" : 1) });
  expect((await s.done).records.map((r) => r.reasonCode)).toEqual(["timeout", "not-xlsx"]);
});

test("a worker out of memory or crashed fails the file it was on, with the words for each", async () => {
  for (const why of ["memory", "crash"] as const) {
    const { s, lanes } = run(3, { workers: 1, ms: (f) => (f === "f0.xlsx" ? "hang" : 1) });
    await sleep(5);
    lanes[0].stop(why);
    const { records } = await s.done;
    expect(records.map((r) => r.reasonCode)).toEqual([why === "memory" ? "too-large" : "failed", "not-xlsx", "not-xlsx"]);
    expect(records[0].reason?.ja).toContain(why === "memory" ? "f0.xlsx" : "f0.xlsx の処理が異常終了しました");
    expect(lanes[1].posts[0]).toEqual(["f1.xlsx", "f2.xlsx"]);
  }
});

test("a worker that stops while its next file is prepared: that file goes to the fresh one", async () => {
  let first: FakeLane | undefined;
  const { s, lanes } = run(2, {
    workers: 1,
    hold: () => 1,
    spawned: (lane) => (first ??= lane),
    prepare: async (i) => {
      await sleep(1);
      if (i === 0 && lanes.length === 1) first!.stop("crash");
      await sleep(1);
      return { payload: names(2)[i] };
    },
  });
  const { records } = await s.done;
  expect(records.map((r) => [r.file, r.reasonCode])).toEqual([
    ["f0.xlsx", "not-xlsx"],
    ["f1.xlsx", "not-xlsx"],
  ]);
  expect(lanes[0].posts).toEqual([]);
  // The fresh worker was already on f1 when f0 came back: it takes f0 next.
  expect(lanes.slice(1).flatMap((l) => l.posts)).toEqual([["f1.xlsx"], ["f0.xlsx"]]);
});

test("workers that stop before any file reaches them: after three, every file left fails instead of a fourth", async () => {
  const { s, lanes, files } = run(4, {
    workers: 1,
    hold: () => 1,
    spawned: (lane, all) => {
      if (all.length > 10) throw new Error("workers started again and again");
      // Its script never loads: it stops at once, while its first file is still being read. A microtask
      // runs before any timer, so the stop comes before that file is ready however slow the machine is.
      queueMicrotask(() => lane.stop("crash"));
    },
    prepare: async (i) => {
      await sleep(5);
      return { payload: names(4)[i] };
    },
  });
  const { records } = await s.done;
  expect(records.map((r) => [r.file, r.reasonCode])).toEqual(files.map((f) => [f, "failed"]));
  expect(records[0].reason?.ja).toContain("f0.xlsx の処理が異常終了しました");
  expect(lanes).toHaveLength(3);
  expect(lanes.every((l) => l.terminated && l.posts.length === 0)).toBe(true);
});

test("files refused while prepared never reach a worker and still count", async () => {
  const { s, lanes, seen } = run(4, {
    prepare: (i) => (i % 2 ? { refused: record(`refused${i}`) } : { payload: `f${i}.xlsx` }),
  });
  const { records } = await s.done;
  expect(records.map((r) => r.file)).toEqual(["f0.xlsx", "refused1", "f2.xlsx", "refused3"]);
  expect(lanes.flatMap((l) => l.posts).flat().sort()).toEqual(["f0.xlsx", "f2.xlsx"]);
  expect(seen).toHaveLength(4);
});

test("cancel ends at once with the records done, and stops every worker", async () => {
  const { s, lanes } = run(6, { ms: (f) => (f === "f0.xlsx" || f === "f3.xlsx" ? 1 : "hang") });
  await sleep(20);
  s.cancel();
  const { records, cancelled } = await s.done;
  expect(cancelled).toBe(true);
  expect(records.map((r) => r.file)).toEqual(["f0.xlsx", "f3.xlsx"]);
  expect(lanes.every((l) => l.terminated)).toBe(true);
});

test("no files: done at once, no worker started", async () => {
  const { s, lanes } = run(0);
  expect(await s.done).toEqual({ records: [], cancelled: false });
  expect(lanes).toHaveLength(0);
});
