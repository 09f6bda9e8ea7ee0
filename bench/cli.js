#!/usr/bin/env node
// npm run bench:cli — what one command costs a user, start-up included: each command is run as a new
// process, in rounds whose order rotates (load from other programs falls on every command alike), and
// reported as the minimum, median and maximum wall time with the process's CPU time and peak RSS (read
// in the child as it exits). The workbooks: the bundled example, and one of each shape the review
// benchmark generates (bench/review-corpus.js: Excel-shaped, one the fast reader leaves to ExcelJS, a
// ~1,000-indicator book).
// Options: --rounds N (default 9), --json (one JSON line at the end).
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");
const { ensureCorpus } = require("./review-corpus");

const root = path.join(__dirname, "..");
const bin = path.join(root, "bin", "saiten.js");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const rounds = Number(arg("--rounds", "9"));

// Loaded into each child with --require: its CPU time and peak RSS, written where the bench reads them.
const usageFile = path.join(os.tmpdir(), `saiten-bench-cli-${process.pid}.json`);
const reporter = path.join(os.tmpdir(), `saiten-bench-cli-usage-${process.pid}.js`);
fs.writeFileSync(
  reporter,
  `process.on("exit", () => {
     const u = process.resourceUsage();
     require("fs").writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, rssMb: u.maxRSS / 1024 }));
   });`,
);

function firstXlsx(dir) {
  return path.join(dir, fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort()[0]);
}

async function main() {
  const corpus = await ensureCorpus({ excel: 1, fallback: 1, large: 1 }, 1);
  const example = path.join(root, "examples", "sample-kaigo-fy2026.xlsx");
  const out = path.join(os.tmpdir(), `saiten-bench-cli-${process.pid}.xlsx`);
  const commands = [
    { label: "saiten --version", args: ["--version"] },
    { label: "saiten score (example, table)", args: ["score", example] },
    { label: "saiten score (example) --json", args: ["score", example, "--json"] },
    { label: "saiten score (example) --out copy", args: ["score", example, "--out", out, "--force"] },
    { label: "saiten score (Excel-shaped book) --json", args: ["score", firstXlsx(corpus.excel), "--json"] },
    { label: "saiten score (book left to ExcelJS) --json", args: ["score", firstXlsx(corpus.fallback), "--json"] },
    {
      label: "saiten score (~1,000 indicators) --json",
      args: ["score", firstXlsx(corpus.large), "--rulebook", corpus.largeRulebook, "--json"],
    },
  ];
  const samples = commands.map(() => []);
  try {
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < commands.length; k++) {
        const i = (k + r) % commands.length;
        fs.rmSync(usageFile, { force: true });
        const t0 = performance.now();
        execFileSync(process.execPath, ["--require", reporter, bin, ...commands[i].args], { stdio: "ignore" });
        const wallMs = performance.now() - t0;
        samples[i].push({ wallMs, ...JSON.parse(fs.readFileSync(usageFile, "utf8")) });
      }
    }
  } finally {
    for (const f of [usageFile, reporter, out]) fs.rmSync(f, { force: true });
  }

  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
  };
  const report = commands.map((c, i) => ({
    command: c.label,
    wallMs: stats(samples[i].map((x) => x.wallMs)),
    cpuMs: stats(samples[i].map((x) => x.cpuMs)),
    rssMb: stats(samples[i].map((x) => x.rssMb)),
  }));
  const f = (s, unit) => `${s.median.toFixed(0)} ${unit} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${rounds} rounds; median (min–max)`);
  for (const r of report)
    console.log(`${r.command.padEnd(44)} wall ${f(r.wallMs, "ms").padEnd(20)} CPU ${f(r.cpuMs, "ms").padEnd(20)} peak RSS ${f(r.rssMb, "MB")}`);
  if (process.argv.includes("--json")) console.log(JSON.stringify(report));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
