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
// The first round is the warm-up: there V8 also compiles again code it threw away for its own early
// decisions (which objects to place in the old generation at once, "code dependencies"), once each.
// A function of Saiten's compiled again, after the first round, half as many times as full collections
// came in those rounds or more is reported, and the command ends with exit code 1.
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
  for (let r = 0; r < rounds; r++) {
    for (const [i, f] of files.entries()) {
      if ((await reviewFile(f, ctx)).status !== "failed") scored++;
      if (i === files.length >> 1 || i === files.length - 1) fillOldGeneration();
    }
    // On V8's clock of --trace-gc (both count from the process's start, within a few ms), so that the
    // parent can tell which round each compilation came in.
    process.stderr.write(`round ${r + 1} ended at ${performance.now().toFixed(0)} ms\n`);
  }
  process.stderr.write(`reviewed ${files.length} workbooks ${rounds} times, ${scored} scored\n`);
}

/**
 * Makes V8 collect the whole heap on its own (twice a round), as it does in a long review where
 * ExcelJS reads some files (bench:review counts them): the reading code itself leaves nothing behind in
 * the old generation (2026-12-05), so these rounds alone may see no full collection at all, and the
 * loss this bench looks for happens only at one. About 128 MB of small objects are kept until they
 * reach the old generation, then dropped.
 */
function fillOldGeneration() {
  const kept = [];
  for (let i = 0; i < 32; i++) {
    const chunk = [];
    for (let k = 0; k < 100_000; k++) chunk.push({ k, text: `x${k}` });
    kept.push(chunk);
  }
  return kept.length;
}

/**
 * Compilations per function, from V8's report: each compilation begins with the function's source
 * place (file, name, offset), which is what is counted (V8's addresses move when the heap is compacted).
 * `firstRoundEnd` (ms) splits them: a compilation is counted as the first round's when the last
 * collection V8 reported before it came before that time (collections come every few ms).
 */
function compilations(report, firstRoundEnd) {
  const count = new Map();
  let fullCollections = 0;
  let laterFullCollections = 0;
  let now = 0;
  for (const line of report.split("\n")) {
    const gc = /^\[\d+:0x[0-9a-f]+\]\s+(\d+) ms: (\S+)/.exec(line);
    if (gc) {
      now = Number(gc[1]);
      if (gc[2] === "Mark-Compact") {
        fullCollections++;
        if (now > firstRoundEnd) laterFullCollections++;
      }
      continue;
    }
    const m = /^--- FUNCTION SOURCE \((.*)\) id\{\d+,-1\} start\{(\d+)\} ---$/.exec(line);
    if (!m) continue;
    const key = `${m[1]}@${m[2]}`;
    let c = count.get(key);
    if (!c) {
      const colon = m[1].lastIndexOf(":");
      c = { n: 0, later: 0, file: m[1].slice(0, colon), name: m[1].slice(colon + 1), at: Number(m[2]) };
      count.set(key, c);
    }
    c.n++;
    if (now > firstRoundEnd) c.later++;
  }
  return { fullCollections, laterFullCollections, functions: [...count.values()] };
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
  if (!(rounds >= 2)) {
    console.error("bench:jit needs --rounds 2 or more: the first round is the warm-up, not counted");
    process.exit(2);
  }
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
    { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] },
  );
  const roundEnds = [...child.stderr.matchAll(/^round \d+ ended at (\d+) ms$/gm)].map((m) => Number(m[1]));
  process.stderr.write(child.stderr.replace(/^round \d+ ended at .*\n/gm, ""));
  if (child.status !== 0) process.exit(child.status ?? 1);
  const { fullCollections, laterFullCollections, functions } = compilations(child.stdout, roundEnds[0]);
  const ours = functions.filter((c) => c.file.startsWith(dist));
  const total = (xs) => xs.reduce((s, c) => s + c.n, 0);
  const folders = dirs.map((d) => path.basename(d)).join(", ");
  const later = (xs) => xs.reduce((s, c) => s + c.later, 0);
  console.log(
    `Node ${process.version}; ${folders}, ${rounds} rounds in one process; ${fullCollections} full collections (${laterFullCollections} after the first round)`,
  );
  console.log(
    `TurboFan compilations: ${total(functions)} (Saiten's code: ${total(ours)}, of ${ours.length} functions; libraries and Node: ${total(functions) - total(ours)}); after the first round: ${later(functions)} (Saiten's code: ${later(ours)})`,
  );
  const limit = Math.max(3, Math.ceil(laterFullCollections / 2));
  const byCount = (a, b) => b.later - a.later || b.n - a.n;
  const counts = (c) => `${String(c.later).padStart(3)}× after the first round (${c.n}× in all)`;
  const some = ours.filter((c) => c.n >= 3 && c.later < limit).sort(byCount);
  if (some.length) console.log(`compiled 3 times or more in all (deoptimised and optimised again):`);
  for (const c of some) console.log(`  ${counts(c)}  ${where(c)}`);
  const again = ours.filter((c) => c.later >= limit).sort(byCount);
  if (!again.length) {
    console.log(`none of Saiten's functions compiled ${limit} times or more after the first round   OK`);
    return;
  }
  console.log(
    `compiled ${limit} times or more after the first round (optimised code lost at full collections)   FOUND:`,
  );
  for (const c of again) console.log(`  ${counts(c)}  ${where(c)}`);
  process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
