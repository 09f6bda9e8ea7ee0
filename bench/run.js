#!/usr/bin/env node
// npm run bench — speed goals of the scoring core (numbers go into the README).
// Uses the compiled engine in dist/ (built by `npm ci` / `npm run build:cli`).
"use strict";
const { performance } = require("perf_hooks");
const path = require("path");
const dist = path.join(__dirname, "..", "dist");
const { score, ScoreSession } = require(path.join(dist, "engine"));
const { bundledRulebooks } = require(path.join(dist, "rulebooks", "registry"));

function indicators(rb) {
  const out = [];
  const walk = (g) => g.children.forEach((c) => (c.kind === "group" ? walk(c) : out.push(c)));
  walk(rb.root);
  return out;
}

// A realistic filled form: mixed answers as staff type them (○/×, band codes, full-width text).
function answersFor(rb, seed) {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const a = {};
  indicators(rb).forEach((ind, i) => {
    if (ind.answerFrom) return;
    const cell = `回答!E${6 + i}`;
    let value;
    switch (ind.kind) {
      case "yesno": value = rnd() < 0.7 ? "○" : "×"; break;
      case "rankBand": { const k = Math.floor(rnd() * (ind.bands.length + 1)); value = k === 0 ? "なし" : ind.bands[k - 1].code; break; }
      case "choice": case "multi": value = ind.options[Math.floor(rnd() * ind.options.length)].code; break;
      case "points": value = Math.floor(rnd() * ((ind.max ?? 10) + 1)); break;
      default: value = `${Math.floor(rnd() * 100)}％`;
    }
    a[ind.id] = { value, cell };
  });
  return a;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeEach(fn, rounds, perRound) {
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perRound; i++) fn(i);
    samples.push(((performance.now() - t0) * 1000) / perRound);
  }
  return median(samples);
}

const rbs = bundledRulebooks();
const largest = rbs.reduce((a, b) => (indicators(b).length > indicators(a).length ? b : a));
const n = indicators(largest).length;
const forms = Array.from({ length: 16 }, (_, i) => answersFor(largest, i + 1));

// Warm up the JIT and the per-rulebook compile cache.
for (let i = 0; i < 2000; i++) score(largest, forms[i % forms.length]);

const full = timeEach((i) => score(largest, forms[i % forms.length]), 41, 200);

const session = new ScoreSession(largest, forms[0]);
const targets = indicators(largest).filter((i) => i.kind === "yesno" && !i.answerFrom).map((i) => i.id);
for (let i = 0; i < 2000; i++) session.set(targets[i % targets.length], i % 2 ? "○" : "×");
const rescore = timeEach((i) => session.set(targets[i % targets.length], i % 2 ? "○" : "×"), 41, 2000);
const rescoreWithResult = timeEach((i) => {
  session.set(targets[i % targets.length], i % 2 ? "○" : "×");
  session.result();
}, 41, 200);

const lines = [
  `rulebook: ${largest.id} (${n} indicators)`,
  `full score (median):                    ${full.toFixed(1)} µs   goal ≤ 50 µs   ${full <= 50 ? "OK" : "MISSED"}`,
  `re-score after one answer (median):     ${rescore.toFixed(2)} µs   (${Math.round(1e6 / rescore).toLocaleString("en")} what-ifs per second)   ${rescore <= full ? "OK" : "MISSED"}`,
  `re-score + full result object (median): ${rescoreWithResult.toFixed(1)} µs`,
];
console.log(lines.join("\n"));
if (process.argv.includes("--json")) console.log(JSON.stringify({ rulebook: largest.id, indicators: n, fullUs: full, rescoreUs: rescore, rescoreWithResultUs: rescoreWithResult }));
