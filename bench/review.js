#!/usr/bin/env node
// npm run bench:review — the reviewer batch against two yardsticks, on the same files, in the same run:
//   floor   — the least any reader must do: read each file, unzip its answer sheet and shared strings
//             (inflated and decoded to text), nothing parsed;
//   ExcelJS — a full ExcelJS load of each file, what a reader built on it would pay;
//   warm    — Saiten's reading, checks and scoring of each file in one thread, and the floor beside it,
//             each once the folder has been through it twice (compiled code: no start-up, JIT warm-up
//             or workers), then five passes of each in turn, reported as the median of their ratios;
//   review  — `saiten review` as the CLI runs it (checks, scoring, summary, summary.xlsx/json/csv), with
//             --jobs 1 and with --jobs 2 (or --jobs-list), its worker pool timed on its own as well.
// Every phase runs in a child process of its own (peak RSS per phase; process CPU time covers worker
// threads), repeated in rounds whose order rotates, so that load from other programs on a shared
// machine falls on every phase alike; figures are min / median / max over the rounds, and ratios are
// taken within a round (paired) before their median is taken. Beside the per-file figures (the run less
// a one-file run), the pool's second half is timed alone: what a file costs once the workers are warm;
// the review phases run under --trace-gc, and the workers' full garbage collections are counted (V8
// compiles again the code each one throws away).
// With two job counts it also says what more workers could gain at best on this machine: the cores
// there are over those the fewest workers already keep busy (their helper threads and the main thread).
// The corpus (bench/review-corpus.js) has plain templates, books shaped as Excel saves them (styles,
// shared strings, a dozen extra sheets), books that take the ExcelJS fallback, and ~1,000-indicator books.
// Options: --plain N, --excel N, --fallback N, --large N (files per folder; default 200, 120, 12, 24;
//          0 leaves a folder out), --mixed N (a folder of the three standard shapes together),
//          --full (adds the 1,741-file mixed folder), --rounds N (default 3), --jobs-list 1,2.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");
const zlib = require("zlib");
const { ensureCorpus } = require("./review-corpus");

const dist = path.join(__dirname, "..", "dist");
const RULEBOOK = "kaigo-municipal-fy2026";
/** The ExcelJS yardstick loads at most this many files of a folder (it is slow; the figure is per file). */
const EXCELJS_FILES = 40;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function workbooks(dir, limit = 0) {
  const all = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(dir, f));
  return limit ? all.slice(0, limit) : all;
}

// ------------------------------------------------------------------ phases (each in its own process)
const cpuMs = (c) => (c.user + c.system) / 1000;

/** The floor's work on `files`: each file read, its answer sheet and shared strings unzipped to text. */
function unzipAll(files) {
  const { readDirectory, entryBytes } = require(path.join(dist, "files", "zip-directory"));
  const text = new TextDecoder();
  let chars = 0;
  for (const f of files) {
    const data = fs.readFileSync(f);
    for (const e of readDirectory(data)) {
      if (e.name !== "xl/worksheets/sheet1.xml" && e.name !== "xl/sharedStrings.xml") continue;
      chars += text.decode(zlib.inflateRawSync(entryBytes(data, e))).length;
    }
  }
  if (!chars) throw new Error("floor: nothing unzipped");
}

function floor(dir) {
  const files = workbooks(dir);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  unzipAll(files);
  return { wall: (performance.now() - t0) / 1000, cpu: cpuMs(process.cpuUsage(c0)), files: files.length };
}

async function exceljs(dir, limit) {
  const ExcelJS = require("exceljs");
  const files = workbooks(dir, limit);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const f of files) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(f));
  return { wall: (performance.now() - t0) / 1000, cpu: cpuMs(process.cpuUsage(c0)), files: files.length };
}

const TASKS = "/proc/self/task";

/**
 * The threads this process has before any worker starts, libuv's thread pool included (started here
 * by a read); null where /proc is not there.
 */
async function threadsBeforeWorkers() {
  if (!fs.existsSync(TASKS)) return null;
  await fs.promises.readdir(TASKS);
  return new Set(fs.readdirSync(TASKS));
}

/**
 * CPU of this process's threads while the pool runs, from /proc (Linux; null elsewhere): this thread,
 * the workers (every thread not in `known`, the first of which may have started before the pool), and
 * the rest (V8's helper threads, which compile and collect garbage for every isolate, and libuv's).
 * Sampled every 10 ms, so a worker's last few milliseconds before it exits may be missed.
 */
function threadCpu(known) {
  const dir = TASKS;
  if (!known) return null;
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const read = () => {
    const out = new Map();
    for (const t of fs.readdirSync(dir)) {
      try {
        const st = fs.readFileSync(`${dir}/${t}/stat`, "utf8");
        const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
        out.set(t, (Number(f[11]) + Number(f[12])) * tick);
      } catch {
        // the thread ended between the listing and the read
      }
    }
    return out;
  };
  const before = read();
  const last = new Map(before);
  const sample = () => read().forEach((ms, t) => last.set(t, ms));
  const timer = setInterval(sample, 10);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const split = { main: 0, workers: 0, helpers: 0 };
      for (const [t, ms] of last) {
        const used = ms - (before.get(t) ?? 0);
        if (t === String(process.pid)) split.main += used;
        else if (known.has(t)) split.helpers += used;
        else split.workers += used;
      }
      return split;
    },
  };
}

/**
 * The main thread's own full collections, counted from the phase's start. A review phase runs under
 * --trace-gc, which prints every isolate's; the parent takes these from the total to count the
 * workers' (V8 throws optimised code away at each).
 */
const mainGcs = { count: 0 };
function countMainFullGcs() {
  const { PerformanceObserver, constants } = require("perf_hooks");
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) mainGcs.count++;
  }).observe({ entryTypes: ["gc"] });
}

async function review(dir, jobs, rulebook, limit) {
  const known = await threadsBeforeWorkers();

  // As bin/saiten.js does: the first worker starts before the CLI's modules load.
  require(path.join(dist, "review", "worker-thread")).startEarly(["review"]);
  // The pool timed on its own: the CLI calls it through the module's export, looked up at each call.
  const pool = require(path.join(dist, "review", "pool"));
  const reviewFiles = pool.reviewFiles;
  let poolWall = 0;
  // The second half of the pool's files, once the workers are warm: CPU per file without start-up,
  // warm-up or the summary (the process's CPU, so the collector's helper threads count).
  let steadyCpu = null;
  let threads = null;
  // The process's CPU when the pool ended: what follows (the summary, summary.xlsx/json/csv) is the rest.
  let cpuAtPoolEnd = null;
  pool.reviewFiles = async (files, options) => {
    const half = Math.ceil(files.length / 2);
    const sampler = threadCpu(known);
    let c0;
    const onDone = (done, ...rest) => {
      if (done === half) c0 = process.cpuUsage();
      options.onDone?.(done, ...rest);
    };
    const t = performance.now();
    try {
      return await reviewFiles(files, { ...options, onDone });
    } finally {
      poolWall += (performance.now() - t) / 1000;
      cpuAtPoolEnd = process.cpuUsage();
      if (sampler) threads = sampler.stop();
      if (c0 && files.length - half >= 10) steadyCpu = cpuMs(process.cpuUsage(c0)) / (files.length - half);
    }
  };
  const { runReview } = require(path.join(dist, "cli", "review"));
  const { Cli } = require(path.join(dist, "cli", "context"));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "saiten-bench-out-"));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await runReview(
    workbooks(dir, limit),
    {
      rulebook,
      jobs,
      quiet: true,
      out: path.join(out, "summary.xlsx"),
      json: path.join(out, "summary.json"),
      csv: path.join(out, "summary.csv"),
    },
    new Cli({ out: () => undefined, err: (s) => process.stderr.write(s) }, "ja", true),
  );
  const wall = (performance.now() - t0) / 1000;
  const end = process.cpuUsage();
  const cpu = cpuMs(process.cpuUsage(c0));
  const afterPoolCpu = cpuAtPoolEnd
    ? cpuMs({ user: end.user - cpuAtPoolEnd.user, system: end.system - cpuAtPoolEnd.system })
    : null;
  fs.rmSync(out, { recursive: true, force: true });
  await new Promise((resolve) => setImmediate(resolve)); // the observer's last entries
  return { wall, cpu, afterPoolCpu, poolWall, steadyCpu, threads, mainFullGcs: mainGcs.count, files: run.records.length, scored: run.summary.files.scored, failed: run.summary.files.failed };
}

/** Passes over the folder before the timed ones in the warm phase. */
const WARM_PASSES = 2;
/** Timed passes in the warm phase, the floor's and Saiten's alternating: the median of each is reported
 *  (one pass each moved the ratio by a fifth between runs on a shared machine). */
const TIMED_PASSES = 5;

/**
 * Saiten's reading, checks and scoring of each file (the review worker's reviewFile) in this thread,
 * and the floor's unzipping beside it, each once the folder has been through it WARM_PASSES times:
 * compiled code on both sides — what a file costs once the JIT has done, without start-up, workers
 * or summary. Then TIMED_PASSES of each, alternating; the median pass of each is returned, and their
 * ratio pass by pass. The floor's own phase includes its warm-up (its loop and zlib's first calls), as
 * the review's per-file figures include theirs.
 */
async function warm(dir, rulebookRef) {
  const { reviewFile } = require(path.join(dist, "review", "worker"));
  // An id or a file, read as `saiten review --rulebook` reads it.
  const { loadRulebook } = require(path.join(dist, "cli", "load"));
  const { Cli } = require(path.join(dist, "cli", "context"));
  const rulebook = await loadRulebook(new Cli({ out: () => undefined, err: (s) => process.stderr.write(s) }, "ja"), rulebookRef);
  const files = workbooks(dir);
  const ctx = { rulebook };
  const reviewAll = async () => {
    let scored = 0;
    for (const f of files) if ((await reviewFile(f, ctx)).status === "scored") scored++;
    return scored;
  };
  for (let p = 0; p < WARM_PASSES; p++) {
    unzipAll(files);
    await reviewAll();
  }
  const floors = [];
  const reads = [];
  const walls = [];
  for (let p = 0; p < TIMED_PASSES; p++) {
    let c0 = process.cpuUsage();
    unzipAll(files);
    floors.push(cpuMs(process.cpuUsage(c0)));
    c0 = process.cpuUsage();
    const t0 = performance.now();
    const scored = await reviewAll();
    walls.push((performance.now() - t0) / 1000);
    reads.push(cpuMs(process.cpuUsage(c0)));
    if (scored !== files.length) throw new Error(`warm: ${files.length - scored} of ${files.length} files not scored`);
  }
  const median = (xs) => stats(xs).median;
  return {
    wall: median(walls),
    cpu: median(reads),
    floorCpu: median(floors),
    ratio: median(reads.map((r, k) => r / floors[k])),
    files: files.length,
  };
}

async function phase(name, dir, jobs, rulebook, limit) {
  const r =
    name === "floor"
      ? floor(dir)
      : name === "exceljs"
        ? await exceljs(dir, limit)
        : name === "warm"
          ? await warm(dir, rulebook)
          : await review(dir, jobs, rulebook, limit);
  r.maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(r) + "\n");
}

function child(name, dir, jobs, rulebook, limit) {
  const traced = name === "review";
  const out = execFileSync(
    process.execPath,
    [
      ...(traced ? ["--trace-gc"] : []),
      __filename,
      ...["--phase", name, "--dir", dir, "--jobs", String(jobs), "--rulebook", rulebook, "--limit", String(limit)],
    ],
    { stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 << 20 },
  );
  const lines = out.toString().trim().split("\n");
  const result = JSON.parse(lines.filter((l) => l.startsWith("{")).pop());
  if (traced) {
    // Every isolate's full collections ("[pid:isolate] … Mark-Compact"), less the main thread's own count.
    const all = lines.filter((l) => /^\[\d+:0x[0-9a-f]+\]\s+[\d.]+ ms: Mark-Compact/.test(l)).length;
    result.workerFullGcs = all - result.mainFullGcs;
  }
  return result;
}

// ------------------------------------------------------------------ report
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const spread = (xs, d = 2) => {
  const s = stats(xs);
  return `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`;
};

/** Cores a review phase kept busy on average while its pool ran (all threads of the process). */
const coresBusy = (x) => (x.threads.main + x.threads.workers + x.threads.helpers) / 1000 / x.poolWall;

function measureFolder(label, dir, rulebook, jobsList, rounds) {
  // review-one: the same command on the first file alone, for the fixed cost of a run (starting
  // workers, loading ExcelJS for summary.xlsx…), which the per-file figures leave out.
  const phases = ["floor", "exceljs", "warm", "review-one", ...jobsList.map((j) => `review-j${j}`)];
  const got = Object.fromEntries(phases.map((p) => [p, []]));
  for (let r = 0; r < rounds; r++) {
    const order = phases.map((_, k) => phases[(k + r) % phases.length]);
    for (const p of order) {
      const jobs = p.startsWith("review-j") ? Number(p.slice(8)) : 1;
      const limit = p === "review-one" ? 1 : p === "exceljs" ? EXCELJS_FILES : 0;
      got[p].push(child(p.startsWith("review") ? "review" : p, dir, jobs, rulebook, limit));
      process.stderr.write(".");
    }
  }
  process.stderr.write("\n");
  const files = got.floor[0].files;
  // Per file: the floor and ExcelJS as measured (ExcelJS on at most EXCELJS_FILES files); the review
  // without its fixed cost (the one-file run's), paired round by round.
  const fixed = got["review-one"];
  const perFile = (p, key) =>
    got[p].map((x, k) => {
      const scale = key === "cpu" ? 1 : 1000;
      if (!p.startsWith("review-j")) return (x[key] * scale) / x.files;
      return ((x[key] - fixed[k][key]) * scale) / Math.max(1, x.files - 1);
    });
  const rows = [["", "CPU ms/file", "wall ms/file", "run wall s", "run CPU s", "peak RSS MB"]];
  const names = {
    floor: "unzip floor (answer sheet + shared strings)",
    exceljs: "ExcelJS full load",
    warm: `saiten's reading and scoring, warm (median of passes ${WARM_PASSES + 1}–${WARM_PASSES + TIMED_PASSES} in one thread)`,
    "review-one": "saiten review of one file (fixed cost)",
  };
  for (const p of phases) {
    const xs = got[p];
    rows.push([
      names[p] ?? `saiten review --jobs ${p.slice(8)}`,
      p === "review-one" ? "" : spread(perFile(p, "cpu")),
      p === "review-one" ? "" : spread(perFile(p, "wall")),
      spread(xs.map((x) => x.wall), 1),
      spread(xs.map((x) => x.cpu / 1000), 1),
      stats(xs.map((x) => x.maxRssMB)).max.toFixed(0),
    ]);
  }
  const w = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  console.log(`\n${label}: ${files} workbooks — ${dir}`);
  for (const row of rows) console.log(row.map((x, c) => (c === 0 ? x.padEnd(w[c]) : x.padStart(w[c]))).join("  "));
  const first = got[`review-j${jobsList[0]}`];
  console.log(`scored ${first[0].scored}, failed ${first[0].failed}`);
  const paired = (a, b, f) => a.map((x, k) => f(x, b[k]));
  const ok = (x) => (x ? "OK" : "MISSED");
  const lines = [];
  const warmFloor = got.warm.map((x) => x.floorCpu / x.files);
  const warmToFloor = got.warm.map((x) => x.ratio);
  lines.push(
    `warm (no start-up, JIT warm-up, workers or summary), in one thread, CPU per file ÷ the floor's, warm too: ${spread(warmToFloor, 1)} (floor ${spread(warmFloor)} ms)`,
  );
  const last = got[`review-j${jobsList[jobsList.length - 1]}`];
  for (const j of jobsList) {
    const rv = got[`review-j${j}`];
    const mine = perFile(`review-j${j}`, "cpu");
    const toFloor = paired(mine, perFile("floor", "cpu"), (a, b) => a / b);
    const toExcel = paired(mine, perFile("exceljs", "cpu"), (a, b) => a / b);
    const whole = paired(rv, got.floor, (a, b) => a.cpu / b.cpu);
    lines.push(
      `review --jobs ${j}, CPU per file ÷ floor: ${spread(toFloor, 1)}   goal ≤ 3   ${ok(stats(toFloor).median <= 3)};  ÷ ExcelJS: ${spread(toExcel)};  whole run's CPU ÷ floor: ${spread(whole, 1)}`,
    );
    if (rv.every((x) => x.afterPoolCpu !== null) && fixed.every((x) => x.afterPoolCpu !== null)) {
      // The part of the per-file figure that comes after the pool, paid per file as well: the summary
      // and its files (summary.xlsx by ExcelJS, in this thread), less the one-file run's.
      const after = rv.map((x, k) => (x.afterPoolCpu - fixed[k].afterPoolCpu) / Math.max(1, x.files - 1));
      const afterToFloor = paired(after, perFile("floor", "cpu"), (a, b) => a / b);
      lines.push(
        `   of which after the pool (the summary; summary.xlsx/json/csv), CPU per file: ${spread(after)} ms, ÷ floor ${spread(afterToFloor, 1)}`,
      );
    }
    if (rv.every((x) => x.steadyCpu !== null)) {
      const steady = rv.map((x) => x.steadyCpu);
      const steadyToFloor = paired(steady, perFile("floor", "cpu"), (a, b) => a / b);
      lines.push(
        `   warm workers (the pool's second half): CPU per file ${spread(steady)} ms, ÷ floor ${spread(steadyToFloor, 1)}`,
      );
    }
    if (rv.every((x) => x.threads)) {
      const share = (key) => spread(rv.map((x) => x.threads[key] / 1000), 2);
      const cores = rv.map(coresBusy);
      lines.push(
        `   the pool's CPU by thread, s: workers ${share("workers")}, V8/libuv helper threads ${share("helpers")}, main thread ${share("main")}; cores busy on average ${spread(cores)}`,
      );
    }
    if (rv.every((x) => x.workerFullGcs !== undefined)) {
      const n = (key) => spread(rv.map((x) => x[key]), 0);
      lines.push(`   full garbage collections: workers ${n("workerFullGcs")} (all workers together), main thread ${n("mainFullGcs")}`);
    }
  }
  if (jobsList.length > 1) {
    const one = got[`review-j${jobsList[0]}`];
    const speedup = paired(one, last, (a, b) => a.wall / b.wall);
    const poolSpeedup = paired(one, last, (a, b) => a.poolWall / b.poolWall);
    const cpus = os.availableParallelism();
    lines.push(
      `wall --jobs ${jobsList[0]} ÷ --jobs ${jobsList[jobsList.length - 1]}: ${spread(speedup)} (worker pool alone ${spread(poolSpeedup)})   goal ≥ 1.6 on 2 cores   ${cpus >= 2 ? ok(stats(speedup).median >= 1.6) : "(one CPU: not judged)"}`,
    );
    // What more workers could gain at best: the pool with the fewest workers already keeps some cores busy
    // (V8's helper threads and the main thread besides the workers), and the cores are all there is.
    if (one.every((x) => x.threads)) {
      const busy = stats(one.map(coresBusy)).median;
      const k = jobsList[jobsList.length - 1] / jobsList[0];
      lines.push(
        `   at best, with the same CPU: --jobs ${jobsList[0]} keeps ${busy.toFixed(2)} cores busy, so on ${cpus} cores the pool can be ${Math.min(cpus / busy, k).toFixed(2)}× faster`,
      );
    }
  }
  lines.forEach((l) => console.log(l));
  return { files, got };
}

async function main() {
  if (!fs.existsSync(path.join(dist, "cli", "review.js")) || !fs.existsSync(path.join(dist, "review", "worker.js"))) {
    process.stderr.write("bench:review: dist/ is missing or stale — run `npm run build:cli` first.\n");
    process.exit(2);
  }
  const ph = arg("--phase");
  if (ph === "review") countMainFullGcs();
  if (ph) return phase(ph, arg("--dir"), Number(arg("--jobs", "1")), arg("--rulebook"), Number(arg("--limit", "0")));
  if (!fs.existsSync(path.join(__dirname, "..", "build", "dev", "dev", "review-generator", "answers.js"))) {
    process.stderr.write("bench:review: build/dev/ (the corpus's answers) is missing — run `npm run bench:review`, which builds it.\n");
    process.exit(2);
  }
  const full = process.argv.includes("--full");
  const sizes = {
    plain: Number(arg("--plain", "200")),
    excel: Number(arg("--excel", "120")),
    fallback: Number(arg("--fallback", "12")),
    large: Number(arg("--large", "24")),
    mixed: full ? 1741 : Number(arg("--mixed", "0")),
  };
  const rounds = Number(arg("--rounds", "3"));
  const jobsList = arg("--jobs-list", "1,2").split(",").map(Number);
  const threads = Math.max(1, os.availableParallelism());
  const corpus = await ensureCorpus(sizes, threads);
  console.log(
    `saiten review benchmark — ${os.availableParallelism()} CPUs (${os.cpus()[0].model}), Node ${process.version}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} at the start; ${rounds} rounds; median (min–max)`,
  );
  const labels = {
    plain: `plain: the standard template of ${RULEBOOK} (162 indicators), filled in`,
    excel: "excel: the same form shaped as Excel saves it (styles, shared strings, 12 extra sheets of other data)",
    fallback: "fallback: excel-shaped books whose answer sheet has a linked formula whose result is 0 (read by ExcelJS)",
    large: "large: excel-shaped books of a ~1,000-indicator rulebook",
    mixed: "mixed: 50% plain, 40% excel-shaped, 10% fallback",
  };
  const results = {};
  for (const kind of Object.keys(labels)) {
    if (!corpus[kind]) continue;
    const rulebook = kind === "large" ? corpus.largeRulebook : RULEBOOK;
    results[kind] = measureFolder(labels[kind], corpus[kind], rulebook, jobsList, rounds);
  }
  if (results.mixed) {
    const j = jobsList[jobsList.length - 1];
    const rv = results.mixed.got[`review-j${j}`];
    const rss = Math.max(...rv.map((x) => x.maxRssMB));
    console.log(
      `\n1,741 workbooks with --jobs ${j}: ${spread(rv.map((x) => x.wall), 1)} s (goal ≤ 30 s), peak RSS ${rss.toFixed(0)} MB (goal ≤ 1,536 MB)`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
