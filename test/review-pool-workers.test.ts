// The worker pool on real threads: files go to the workers in batches, records come back one by one
// and land in input order; a file that hangs or crashes its worker fails alone, and the rest of that
// worker's batch is read by a fresh worker. The worker here is a stand-in script speaking the pool's
// protocol (the compiled dist/review/worker.js is exercised by the CLI tests): it records which files
// arrived in which message, hangs on names containing "hang" and exits on names containing "crash".
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { availableParallelism } from "os";
import { defaultJobs, filesPerWorker } from "../src/review/jobs";
import { reviewFiles } from "../src/review/pool";
import { miniRulebook } from "./fixtures/mini-rulebook";

const dir = mkdtempSync(join(tmpdir(), "saiten-pool-workers-"));
const log = join(dir, "batches.log");
const script = join(dir, "stand-in-worker.js");
writeFileSync(
  script,
  `"use strict";
const { parentPort, workerData } = require("worker_threads");
const fs = require("fs");
if (workerData.saitenReview !== 1) throw new Error("unexpected workerData");
let init;
parentPort.on("message", (batch) => {
  // The batch's context comes first, once.
  if (!Array.isArray(batch)) {
    if (batch.kind !== "init" || !batch.ctx.rulebook || init) throw new Error("unexpected message");
    return void (init = batch);
  }
  if (!init) throw new Error("files before the batch's context");
  fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(batch.map((t) => t.index)) + "\\n");
  (async () => {
    for (const t of batch) {
      if (t.file.includes("hang")) return void setInterval(() => {}, 1000);
      if (t.file.includes("crash")) process.exit(3);
      await new Promise((r) => setTimeout(r, 2));
      parentPort.postMessage({ index: t.index, record: { file: t.file, status: "scored", total: { id: "root", points: t.index, max: 100, ratePercent: null } } });
    }
  })();
});
`,
);

const batches = (): number[][] =>
  readFileSync(log, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as number[]);

beforeEach(() => writeFileSync(log, ""));

const names = (n: number, special: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => join(dir, `${String(i).padStart(3, "0")}${special[i] ?? ""}.xlsx`));

test("hands files out in batches of several and returns every record in input order", async () => {
  const files = names(120);
  const done: number[] = [];
  const records = await reviewFiles(files, {
    rulebook: miniRulebook,
    jobs: 2,
    workerScript: script,
    onDone: (d) => done.push(d),
  });
  expect(records.map((r) => r.file)).toEqual(files);
  expect(records.map((r) => r.total?.points)).toEqual(files.map((_, i) => i));
  expect(done).toEqual(files.map((_, i) => i + 1));
  const sent = batches();
  expect(sent.flat().sort((a, b) => a - b)).toEqual(files.map((_, i) => i));
  expect(Math.max(...sent.map((b) => b.length))).toBeGreaterThan(1);
  expect(sent.length).toBeLessThan(files.length / 2);
  // Near the end, batches shrink so that both workers finish together.
  expect(sent[sent.length - 1].length).toBe(1);
});

test("a file that hangs or crashes its worker fails alone; its batch-mates are read by a fresh worker", async () => {
  const files = names(60, { 5: "-hang", 17: "-crash" });
  const records = await reviewFiles(files, {
    rulebook: miniRulebook,
    jobs: 2,
    workerScript: script,
    limits: { ...(await import("../src/app/review/refusals")).DEFAULT_LIMITS, timeoutMs: 800 },
  });
  expect(records.map((r) => r.file)).toEqual(files);
  expect(records[5]).toMatchObject({ status: "failed", reasonCode: "timeout" });
  expect(records[17]).toMatchObject({ status: "failed", reasonCode: "failed" });
  const others = records.filter((_, i) => i !== 5 && i !== 17);
  expect(others.every((r) => r.status === "scored")).toBe(true);
  // The files batched after the hanging and the crashing one were each read once, by another worker.
  const sent = batches();
  const withHang = sent.find((b) => b.includes(5))!;
  const withCrash = sent.find((b) => b.includes(17))!;
  for (const i of [...withHang.slice(withHang.indexOf(5) + 1), ...withCrash.slice(withCrash.indexOf(17) + 1)])
    expect(sent.filter((b) => b.includes(i)).length).toBe(2);
}, 20_000);

test("a batch gets one worker per filesPerWorker files begun, never more than the CPUs", () => {
  // Two CPUs: a second worker only from 801 files (it finished 400 files later than one worker did).
  expect(filesPerWorker(2)).toBe(800);
  expect([1, 800, 801, 1741].map((n) => defaultJobs(n, 2))).toEqual([1, 1, 2, 2]);
  expect(defaultJobs(undefined, 2)).toBe(2);
  expect(defaultJobs(5000, 1)).toBe(1);
  // More CPUs: one per 400 files, up to the CPUs.
  expect(filesPerWorker(8)).toBe(400);
  expect([1, 400, 401, 1741].map((n) => defaultJobs(n, 8))).toEqual([1, 1, 2, 5]);
  expect(defaultJobs(1741, 4)).toBe(4);
  expect(defaultJobs(undefined, 8)).toBe(8);
  // This machine's own count, by default.
  const cores = availableParallelism();
  expect(defaultJobs(1)).toBe(1);
  expect(defaultJobs()).toBe(cores);
  expect(defaultJobs(filesPerWorker() + 1)).toBe(Math.min(2, cores));
});
