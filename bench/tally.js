#!/usr/bin/env node
// npm run bench:tally — reading a generated national tally (全国集計) as `saiten tally import` and the
// pane do (every part checked, then read): 1,741 municipalities × ~300 score columns (plus 1,200
// formatting-only columns, as the real file has). Compiles the product and the generator into
// build/dev, generates the workbook once in a child process (cached in the temp directory), then
// reads it in a fresh process and reports time and peak RSS (process.resourceUsage().maxRSS).
// Options: --count N (default 1741), --year 2024|2025|2026 (default 2026).
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");

const root = path.join(__dirname, "..");
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const count = Number(arg("count", "1741"));
const year = Number(arg("year", "2026"));
const out = path.join(root, "build", "dev");
const file = path.join(os.tmpdir(), `saiten-bench-tally-${year}-${count}.xlsx`);

function build() {
  // The generator is development code, outside the CLI's dist/: compiled with the product into build/dev.
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.dev.json")], {
    stdio: "inherit",
  });
}

async function generate() {
  const { findBundled } = require(path.join(out, "src/rulebooks/registry"));
  const gen = require(path.join(out, "dev/tally-generator/generate"));
  const rulebook = findBundled(`kaigo-municipal-fy${year}`);
  const entities = gen.demoEntities(rulebook, count, 1);
  const unions = gen.demoUnions ? gen.demoUnions(entities, 38, 2) : [];
  const wb = gen.generateTally({ rulebook, fiscalYear: year, municipalities: entities, unions });
  fs.writeFileSync(file, await gen.tallyBuffer(wb));
}

async function read() {
  // As `saiten tally import` and the pane read it: every part checked, then read with its year's rulebook.
  const { openTally } = require(path.join(out, "src/tally/open"));
  const data = new Uint8Array(fs.readFileSync(file));
  const t0 = performance.now();
  const r = await openTally(data, path.basename(file), { year });
  const ms = performance.now() - t0;
  const rss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({
      ms: Math.round(ms),
      peakRssMB: Math.round(rss),
      municipalities: r.municipalities.length,
      skipped: r.skipped.length,
      columns: r.columns.length,
      problems: r.problems.length,
      fileMB: +(data.length / 1048576).toFixed(1),
    }),
  );
}

async function main() {
  const phase = process.argv[2];
  if (phase === "--generate") return generate();
  if (phase === "--read") return read();
  build();
  if (!fs.existsSync(file)) {
    const t = performance.now();
    execFileSync(
      process.execPath,
      [__filename, "--generate", "--count", String(count), "--year", String(year)],
      {
        stdio: "inherit",
      },
    );
    console.log(`generated ${file} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const res = JSON.parse(
    execFileSync(process.execPath, [__filename, "--read", "--count", String(count), "--year", String(year)], {
      encoding: "utf8",
    }),
  );
  console.log(
    `tally FY${year}: ${res.municipalities} municipalities (+${res.skipped} union rows), ${res.columns} score columns, ` +
      `${res.fileMB} MB — read in ${res.ms} ms, peak RSS ${res.peakRssMB} MB, problems ${res.problems}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
