#!/usr/bin/env node
// npm run bench:review — the reviewer batch over 1,741 generated municipal workbooks (the FY2026
// standard template, filled with varied answers). Measures (a) bare loading: reading and ExcelJS-
// loading every file on the same number of worker threads, (b) the full `saiten review` pipeline
// (checks, scoring, summary, summary.xlsx/json/csv). Each phase runs in its own process so peak RSS
// (process.resourceUsage().maxRSS, which covers worker threads) is per phase.
// Options: --count N (default 1741), --jobs N (default os.availableParallelism()), --dir <folder>.
// Generated folders are cached in the temp directory (saiten-bench-review-<count>) and reused.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");
const { Worker, isMainThread, parentPort, workerData } = require("worker_threads");

const dist = path.join(__dirname, "..", "dist");
const RULEBOOK = "kaigo-municipal-fy2026";

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

// ------------------------------------------------------------------ generation
const PREFS = ["北海道", "青森県", "岩手県", "宮城県", "長野県", "静岡県", "大阪府", "福岡県", "沖縄県"];
const SUFFIX = ["市", "町", "村"];

async function generateRange(dir, from, to) {
  const ExcelJS = require("exceljs");
  const { findBundled } = require(path.join(dist, "rulebooks", "registry"));
  const { createTemplateWorkbook } = require(path.join(dist, "adapters", "exceljs", "template-xlsx"));
  const { buildTemplate, HEADER_ROW } = require(path.join(dist, "workbook", "template"));
  const rb = findBundled(RULEBOOK);
  const spec = buildTemplate(rb);
  const book = createTemplateWorkbook(rb);
  const ws = book.getWorksheet("回答");
  const multiOptions = {};
  const walk = (g) =>
    g.children.forEach((c) =>
      c.kind === "group" ? walk(c) : c.kind === "multi" && (multiOptions[c.id] = c.options),
    );
  walk(rb.root);
  for (let n = from; n < to; n++) {
    let s = n * 7919 + 17;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const skill = 0.35 + rnd() * 0.6; // how far this municipality gets
    const insured = Math.round(500 + rnd() * rnd() * 250000);
    const name = `${PREFS[n % PREFS.length]}試験${String(n + 1).padStart(4, "0")}${SUFFIX[n % 3]}`;
    ws.getCell("D3").value = insured;
    ws.getCell("F3").value = name;
    ws.getCell("H3").value = String(10000 + n * 7).padStart(6, "0");
    spec.rows.forEach((row, i) => {
      const r = HEADER_ROW + 1 + i;
      const cell = ws.getCell(r, 5);
      if (row.linkedTo) return;
      if (rnd() < 0.03) return void (cell.value = null); // left blank
      let v;
      if (row.kind === "yesno") v = rnd() < skill ? (rnd() < 0.8 ? "○" : "はい") : "×";
      else if (row.choices)
        v =
          row.choices[Math.min(row.choices.length - 1, Math.floor(rnd() * skill * 1.6 * row.choices.length))];
      else if (row.kind === "multi") {
        const opts = multiOptions[row.id] || [];
        v =
          opts
            .filter(() => rnd() < skill)
            .map((o) => o.code)
            .join("、") || null;
      } else if (row.kind === "points") v = Math.floor(rnd() * skill * ((row.max || 10) + 1));
      else if (row.unit === "percent") v = Math.round(rnd() * 1000) / 10;
      else
        v =
          rnd() < 0.2
            ? `${Math.floor(rnd() * 100)}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
            : Math.floor(rnd() * 100);
      cell.value = v;
      if (row.needsPreviousValue) ws.getCell(r, 6).value = Math.floor(rnd() * 100);
    });
    const file = path.join(dir, `${String(n + 1).padStart(4, "0")}_${name}.xlsx`);
    fs.writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  }
}

async function ensureFolder(count, jobs) {
  const dir = arg("--dir") || path.join(os.tmpdir(), `saiten-bench-review-${count}`);
  const marker = path.join(dir, ".complete");
  if (fs.existsSync(marker)) return { dir, generated: false };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const per = Math.ceil(count / jobs);
  await Promise.all(
    Array.from({ length: jobs }, (_, j) =>
      runWorker({ role: "gen", dir, from: j * per, to: Math.min(count, (j + 1) * per) }),
    ),
  );
  fs.writeFileSync(marker, "");
  process.stderr.write(
    `generated ${count} workbooks in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${dir}\n`,
  );
  return { dir, generated: true };
}

function runWorker(data) {
  return new Promise((resolve, reject) => {
    const w = new Worker(__filename, { workerData: data });
    let result;
    w.on("message", (m) => (result = m));
    w.on("error", reject);
    w.on("exit", (code) => (code === 0 ? resolve(result) : reject(new Error(`worker exit ${code}`))));
  });
}

// ------------------------------------------------------------------ phases (child processes)
async function bare(dir, jobs) {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(dir, f));
  const t0 = performance.now();
  // Same dynamic hand-out as the review pool: each thread asks for the next file.
  const shared = new Int32Array(new SharedArrayBuffer(4));
  await Promise.all(Array.from({ length: jobs }, () => runWorker({ role: "bare", files, shared })));
  return { wall: (performance.now() - t0) / 1000, files: files.length };
}

async function bareWorker({ files, shared }) {
  const ExcelJS = require("exceljs");
  for (;;) {
    const i = Atomics.add(shared, 0, 1);
    if (i >= files.length) break;
    const data = await fs.promises.readFile(files[i]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data);
  }
}

async function review(dir, jobs) {
  const { runReview } = require(path.join(dist, "cli", "review"));
  const { Cli } = require(path.join(dist, "cli", "context"));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "saiten-bench-out-"));
  const t0 = performance.now();
  const run = await runReview(
    [dir],
    {
      rulebook: RULEBOOK,
      jobs,
      quiet: true,
      out: path.join(out, "summary.xlsx"),
      json: path.join(out, "summary.json"),
      csv: path.join(out, "summary.csv"),
    },
    new Cli({ out: () => undefined, err: (s) => process.stderr.write(s) }, "ja", true),
  );
  const wall = (performance.now() - t0) / 1000;
  fs.rmSync(out, { recursive: true, force: true });
  return {
    wall,
    files: run.records.length,
    scored: run.summary.files.scored,
    failed: run.summary.files.failed,
  };
}

async function phase(name, dir, jobs) {
  const r = name === "bare" ? await bare(dir, jobs) : await review(dir, jobs);
  r.maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(r) + "\n");
}

function child(name, dir, jobs) {
  const out = execFileSync(
    process.execPath,
    [__filename, "--phase", name, "--dir", dir, "--jobs", String(jobs)],
    {
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.toString().trim().split("\n").pop());
}

async function main() {
  if (
    !fs.existsSync(path.join(dist, "cli", "review.js")) ||
    !fs.existsSync(path.join(dist, "review", "worker.js"))
  ) {
    process.stderr.write("bench:review: dist/ is missing or stale — run `npm run build:cli` first.\n");
    process.exit(2);
  }
  const jobs = Number(arg("--jobs", String(Math.max(1, os.availableParallelism()))));
  const ph = arg("--phase");
  if (ph) return phase(ph, arg("--dir"), jobs);
  const count = Number(arg("--count", "1741"));
  const { dir } = await ensureFolder(count, jobs);
  const a = child("bare", dir, jobs);
  const b = child("review", dir, jobs);
  const ratio = b.wall / a.wall;
  const target = 30 * (count / 1741);
  const rows = [
    ["", "wall (s)", "per file (ms)", "peak RSS (MB)"],
    [
      "(a) bare ExcelJS load",
      a.wall.toFixed(1),
      ((a.wall * 1000) / a.files).toFixed(1),
      a.maxRssMB.toFixed(0),
    ],
    ["(b) saiten review", b.wall.toFixed(1), ((b.wall * 1000) / b.files).toFixed(1), b.maxRssMB.toFixed(0)],
  ];
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => r.map((x, c) => (c === 0 ? x.padEnd(w[c]) : x.padStart(w[c]))).join("  ");
  console.log(
    `saiten review benchmark: ${count} workbooks, ${jobs} worker threads, ${os.cpus().length} CPUs (${os.cpus()[0].model}), Node ${process.version}`,
  );
  console.log(
    `workbook size: ${(
      fs.statSync(
        path.join(
          dir,
          fs.readdirSync(dir).find((f) => f.endsWith(".xlsx")),
        ),
      ).size / 1024
    ).toFixed(0)} KB; scored ${b.scored}, failed ${b.failed}`,
  );
  rows.forEach((r) => console.log(line(r)));
  const ok = (x) => (x ? "ok" : "MISSED");
  console.log(
    `ratio b/a: ${ratio.toFixed(2)} (overhead ${((ratio - 1) * 100).toFixed(0)}%, target ≤ 10%: ${ok(ratio <= 1.1)})`,
  );
  console.log(
    `wall: target ≤ ${target.toFixed(1)} s for ${count} (30 s for 1,741): ${ok(b.wall <= target)}; peak RSS target ≤ 1,536 MB: ${ok(b.maxRssMB <= 1536)}`,
  );
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else if (workerData.role === "gen") {
  generateRange(workerData.dir, workerData.from, workerData.to).then(() => parentPort.postMessage("done"));
} else if (workerData.role === "bare") {
  bareWorker(workerData).then(() => parentPort.postMessage("done"));
}
