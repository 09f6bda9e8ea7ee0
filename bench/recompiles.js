#!/usr/bin/env node
// npm run bench:jit — how often V8's optimising compiler (TurboFan) compiles Saiten's reading and
// scoring code in one long review, where a worker goes through hundreds of workbooks and V8 runs a full
// garbage collection about every 130 of them. Optimised code stays only while a function holding it
// lives: a function made anew for every workbook (a closure in a function body) loses its optimised
// code at every full collection and is compiled again, on V8's helper threads, beside the workers —
// found on 2026-12-05 as about 60 functions compiled again after each collection of a 1,741-file review.
// The review code runs in a process of its own as a review worker runs it (dist/review/worker.js
// reviewFile), over the plain, Excel-shaped and fallback folders of the benchmark corpus, their files
// interleaved as in a reviewer's folder (full collections come during the fallback's ExcelJS loads,
// while no reader closure lives to keep its code), `--rounds` times;
// V8's own report (--print-opt-source, --trace-gc) says which function each compilation was for and
// how many full collections came (V8's own, as in a review: a forced one, gc(), throws away more).
// A function of Saiten's compiled again after half the full collections or more is reported, and the
// command ends with exit code 1.
// Options: --rounds N (default 5), --plain N, --excel N, --fallback N (files per folder; default 200,
//          120 and 12).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { ensureCorpus } = require("./review-corpus");

const ROOT = path.join(__dirname, "..");
const dist = path.join(ROOT, "dist");
const RULEBOOK = "kaigo-municipal-fy2026";

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** The child: the folders' files reviewed `rounds` times. */
async function run(dirs, rounds) {
  const { loadBundled } = require(path.join(dist, "rulebooks", "load-bundled"));
  const { reviewFile } = require(path.join(dist, "review", "worker"));
  const ctx = { rulebook: await loadBundled(RULEBOOK) };
  // Each folder's files spread evenly through the run (the k-th of n at k/n).
  const files = dirs
    .flatMap((d) => {
      const names = fs
        .readdirSync(d)
        .filter((f) => f.endsWith(".xlsx"))
        .sort();
      return names.map((f, k) => ({ file: path.join(d, f), at: k / names.length }));
    })
    .sort((a, b) => a.at - b.at)
    .map((x) => x.file);
  let scored = 0;
  for (let r = 0; r < rounds; r++)
    for (const f of files) if ((await reviewFile(f, ctx)).status !== "failed") scored++;
  process.stderr.write(`reviewed ${files.length} workbooks ${rounds} times, ${scored} scored\n`);
}

/**
 * Compilations per function, from V8's report: each compilation begins with the function's source
 * place (file, name, offset), which is what is counted (V8's addresses move when the heap is compacted).
 */
function compilations(report) {
  const count = new Map();
  let fullCollections = 0;
  for (const line of report.split("\n")) {
    if (/: Mark-Compact /.test(line)) fullCollections++;
    const m = /^--- FUNCTION SOURCE \((.*)\) id\{\d+,-1\} start\{(\d+)\} ---$/.exec(line);
    if (!m) continue;
    const key = `${m[1]}@${m[2]}`;
    const c = count.get(key);
    if (c) c.n++;
    else {
      const colon = m[1].lastIndexOf(":");
      count.set(key, { n: 1, file: m[1].slice(0, colon), name: m[1].slice(colon + 1), at: Number(m[2]) });
    }
  }
  return { fullCollections, functions: [...count.values()] };
}

/** "file:line name" for a place in a compiled file. */
function where(p) {
  let line = "?";
  try {
    line = String(fs.readFileSync(p.file, "utf8").slice(0, p.at).split("\n").length);
  } catch {
    // a Node built-in: no file to read
  }
  return `${path.relative(ROOT, p.file) || p.file}:${line} ${p.name || "(anonymous)"}`;
}

async function main() {
  const rounds = Number(arg("--rounds", "5"));
  if (arg("--phase") === "run") return run(JSON.parse(arg("--dirs")), rounds);
  if (!fs.existsSync(path.join(dist, "review", "worker.js"))) {
    console.error("bench:jit needs the compiled CLI: npm run build:cli");
    process.exit(2);
  }
  const corpus = await ensureCorpus({
    plain: Number(arg("--plain", "200")),
    excel: Number(arg("--excel", "120")),
    fallback: Number(arg("--fallback", "12")),
  });
  const dirs = [corpus.plain, corpus.excel, corpus.fallback].filter(Boolean);
  const child = spawnSync(
    process.execPath,
    [
      "--trace-gc",
      "--print-opt-source",
      __filename,
      "--phase",
      "run",
      "--rounds",
      String(rounds),
      "--dirs",
      JSON.stringify(dirs),
    ],
    { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "inherit"] },
  );
  if (child.status !== 0) process.exit(child.status ?? 1);
  const { fullCollections, functions } = compilations(child.stdout);
  const ours = functions.filter((c) => c.file.startsWith(dist));
  const total = (xs) => xs.reduce((s, c) => s + c.n, 0);
  const folders = dirs.map((d) => path.basename(d)).join(", ");
  console.log(
    `Node ${process.version}; ${folders}, ${rounds} rounds in one process; ${fullCollections} full collections`,
  );
  console.log(
    `TurboFan compilations: ${total(functions)} (Saiten's code: ${total(ours)}, of ${ours.length} functions; libraries and Node: ${total(functions) - total(ours)})`,
  );
  const limit = Math.max(3, Math.ceil(fullCollections / 2));
  const byCount = (a, b) => b.n - a.n;
  const some = ours.filter((c) => c.n >= 3 && c.n < limit).sort(byCount);
  if (some.length) console.log(`compiled 3 times or more (deoptimised and optimised again):`);
  for (const c of some) console.log(`  ${String(c.n).padStart(3)}×  ${where(c)}`);
  const again = ours.filter((c) => c.n >= limit).sort(byCount);
  if (!again.length) {
    console.log(`none of Saiten's functions compiled ${limit} times or more   OK`);
    return;
  }
  console.log(`compiled ${limit} times or more (optimised code lost at full collections)   FOUND:`);
  for (const c of again) console.log(`  ${String(c.n).padStart(3)}×  ${where(c)}`);
  process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
