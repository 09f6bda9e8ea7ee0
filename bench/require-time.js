#!/usr/bin/env node
// How long a fresh Node process takes to `require` compiled modules, and whether ExcelJS comes with
// them: a review worker pays this once per thread before its first file.
// Usage: npm run bench:require, or node bench/require-time.js [--dist <compiled dir>] [--runs N] [module ...]
//   modules are paths inside the compiled tree (default: below);
//   compile elsewhere with `npx tsc -p tsconfig.cli.json --outDir <dir>` to compare two versions.
"use strict";
const { execFileSync } = require("child_process");
const path = require("path");

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const dist = path.resolve(arg("--dist", path.join(__dirname, "..", "dist")));
const runs = Number(arg("--runs", "15"));
const flags = new Set(["--dist", "--runs"]);
const modules = process.argv.slice(2).filter((a, i, all) => !flags.has(a) && !flags.has(all[i - 1]));
// By default: the fast reader, the review use case, and the ExcelJS adapter (what a fallback costs).
if (!modules.length)
  modules.push("adapters/xlsx/index.js", "app/review/review-workbook.js", "adapters/exceljs/workbook.js");

// Runs in the child: one require, timed, and the ExcelJS files it brought in.
const probe = `
const { performance } = require("perf_hooks");
const t = performance.now();
require(process.argv[1]);
const ms = performance.now() - t;
const excel = Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/]exceljs[\\\\/]/.test(f)).length;
process.stdout.write(JSON.stringify({ ms, excel }));
`;

// A compiled tree outside the project finds the project's packages through NODE_PATH.
const env = { ...process.env, NODE_PATH: path.join(__dirname, "..", "node_modules") };
for (const m of modules) {
  const file = path.join(dist, m);
  const times = [];
  let excel = 0;
  for (let k = 0; k < runs; k++) {
    const out = JSON.parse(execFileSync(process.execPath, ["-e", probe, file], { env, encoding: "utf8" }));
    times.push(out.ms);
    excel = out.excel;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `${m}: median ${median.toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}, ${runs} runs); ExcelJS files loaded: ${excel}`,
  );
}
