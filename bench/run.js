#!/usr/bin/env node
// npm run bench — speed of the scoring core (figures for the README), told both ways:
//   cold: a rulebook compiled but never scored (its evaluation cache empty) and a form never seen —
//         the first workbook a reviewer's worker scores, or a what-if on a fresh session; timed in
//         windows of back-to-back scores of about 10,000 indicators each, so that every figure pays
//         for the garbage collection its scoring causes, whatever the rulebook's size;
//   warm: 16 forms cycled, so the per-indicator evaluation cache answers almost every call.
// Each figure is the minimum, median and maximum of repeated samples. It also checks that the full
// score grows linearly with the rulebook: the ~10,000-indicator rulebook at most 12× the
// ~1,000-indicator one (cold, paired rounds, median ratio); the run exits 1 when that is missed.
// Uses the compiled engine in dist/ (built by `npm ci` / `npm run build:cli`).
// Options: --rounds N (scaling rounds, default 9), --json (one JSON line at the end).
"use strict";
const { performance } = require("perf_hooks");
const path = require("path");
const dist = path.join(__dirname, "..", "dist");
const { ScoreSession } = require(path.join(dist, "engine"));
const { compile } = require(path.join(dist, "engine", "compile"));
const { indicatorsOf, largestBundled, scaledRulebook } = require("./scaled-rulebook");

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const gc = typeof global.gc === "function" ? global.gc : () => undefined;

// A realistic filled form: mixed answers as staff type them (○/×, band codes, full-width text).
function answersFor(rb, seed) {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const a = {};
  indicatorsOf(rb).forEach((ind, i) => {
    if (ind.answerFrom) return;
    const cell = `回答!E${6 + i}`;
    let value;
    switch (ind.kind) {
      case "yesno":
        value = rnd() < 0.7 ? "○" : "×";
        break;
      case "rankBand": {
        const k = Math.floor(rnd() * (ind.bands.length + 1));
        value = k === 0 ? "なし" : ind.bands[k - 1].code;
        break;
      }
      case "choice":
      case "multi":
        value = ind.options[Math.floor(rnd() * ind.options.length)].code;
        break;
      case "points":
        value = Math.floor(rnd() * ((ind.max ?? 10) + 1));
        break;
      default:
        // Distinct numbers per form: a cold score parses each of them.
        value = `${(rnd() * 100).toFixed(2)}％`;
    }
    a[ind.id] = { value, cell };
  });
  return a;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1], n: s.length };
};

/** µs per call over `perRound` calls, `rounds` times. */
function timeEach(fn, rounds, perRound) {
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perRound; i++) fn(i);
    samples.push(((performance.now() - t0) * 1000) / perRound);
  }
  return stats(samples);
}

/** Indicators scored in one timed window: every window does about the same work whatever the
 *  rulebook's size, so that the garbage it makes is collected inside the window alike — a window of
 *  one small score would leave its garbage to the collection before the next window, unpaid, while
 *  a large score pays for its own. */
const WINDOW_INDICATORS = 10_000;

/**
 * Cold full scores (µs each): every score is of a form never seen on a freshly compiled copy of the
 * rulebook, so no evaluation comes from the cache. Compiling is done before the clock starts; each
 * sample is one window of back-to-back scores (about WINDOW_INDICATORS indicators, garbage
 * collection included) divided by the number of scores in it.
 */
function coldSamples(rb, samples, seed0) {
  const perWindow = Math.max(1, Math.round(WINDOW_INDICATORS / indicatorsOf(rb).length));
  const out = [];
  for (let s = 0; s < samples; s++) {
    const jobs = Array.from({ length: perWindow }, (_, k) => ({
      compiled: compile(structuredClone(rb)),
      form: answersFor(rb, seed0 + s * perWindow + k),
    }));
    gc();
    const t0 = performance.now();
    for (const j of jobs) new ScoreSession(j.compiled, j.form).result();
    out.push(((performance.now() - t0) * 1000) / perWindow);
  }
  return out;
}

const largest = largestBundled();
const n = indicatorsOf(largest).length;
const forms = Array.from({ length: 16 }, (_, i) => answersFor(largest, i + 1));
const warmScore = (f) => new ScoreSession(largest, f).result();

// Warm up the JIT (on other copies, so the cold figures below stay cold) and the cache of `largest`.
coldSamples(largest, 4, 10_000);
for (let i = 0; i < 2000; i++) warmScore(forms[i % forms.length]);

const cold = stats(coldSamples(largest, 31, 1));
const warm = timeEach((i) => warmScore(forms[i % forms.length]), 41, 200);

const session = new ScoreSession(largest, forms[0]);
const targets = indicatorsOf(largest)
  .filter((i) => i.kind === "yesno" && !i.answerFrom)
  .map((i) => i.id);
for (let i = 0; i < 2000; i++) session.set(targets[i % targets.length], i % 2 ? "○" : "×");
const rescore = timeEach((i) => session.set(targets[i % targets.length], i % 2 ? "○" : "×"), 41, 2000);
const whatIfWithResult = (i) => {
  session.set(targets[i % targets.length], i % 2 ? "○" : "×");
  session.result();
};
// Warmed like the figures above: result() after a what-if makes again only what changed, code that a
// full score never runs, so its first thousands of calls would be timed before it is optimised.
for (let i = 0; i < 4000; i++) whatIfWithResult(i);
const rescoreWithResult = timeEach(whatIfWithResult, 41, 200);

// Linear growth: ~1,000 against ~10,000 indicators, cold, in paired rounds (small then large, then
// the other way round), each round's median of each size, so that load from other programs falls on
// both sides of a ratio. Wall time, not CPU time: V8's helper threads collect garbage in parallel,
// and their CPU time grows with the heap rather than with the work of scoring.
const copiesSmall = Math.round(1000 / n);
const copiesLarge = Math.round(10000 / n);
const small = scaledRulebook(copiesSmall, largest);
const large = scaledRulebook(copiesLarge, largest);
const nSmall = indicatorsOf(small).length;
const nLarge = indicatorsOf(large).length;
const rounds = Number(arg("--rounds", "9"));
coldSamples(small, 2, 50_000);
coldSamples(large, 2, 60_000);
const smallMs = [];
const largeMs = [];
const ratios = [];
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? ["large", "small"] : ["small", "large"];
  const got = {};
  for (const which of order) {
    const s =
      which === "small"
        ? stats(coldSamples(small, 5, 1000 + r * 100))
        : stats(coldSamples(large, 5, 2000 + r * 100));
    got[which] = s.median / 1000;
  }
  smallMs.push(got.small);
  largeMs.push(got.large);
  ratios.push(got.large / got.small);
}
const ratio = stats(ratios);
const linear = ratio.median <= 12;

const us = (s, d = 1) => `${s.median.toFixed(d)} µs (min ${s.min.toFixed(d)}, max ${s.max.toFixed(d)})`;
const ms = (xs) => {
  const s = stats(xs);
  return `${s.median.toFixed(2)} ms (min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)})`;
};
console.log(
  [
    `rulebook: ${largest.id} (${n} indicators); median (min, max) of repeated samples`,
    `full score, cold (cache empty, form never seen):  ${us(cold)}`,
    `full score, warm (16 forms cycled, cache hits):   ${us(warm)}   goal ≤ 50 µs   ${warm.median <= 50 ? "OK" : "MISSED"}`,
    `re-score after one answer:                        ${us(rescore, 2)}   (${Math.round(1e6 / rescore.median).toLocaleString("en")} what-ifs per second)   ${rescore.median <= warm.median ? "OK" : "MISSED"}`,
    `re-score + full result object:                    ${us(rescoreWithResult)}`,
    `cold full score, ${nSmall.toLocaleString("en")} indicators (median per round):  ${ms(smallMs)}`,
    `cold full score, ${nLarge.toLocaleString("en")} indicators (median per round): ${ms(largeMs)}`,
    `growth ${nLarge.toLocaleString("en")} ÷ ${nSmall.toLocaleString("en")} (${rounds} paired rounds): ${ratio.median.toFixed(1)}× (min ${ratio.min.toFixed(1)}, max ${ratio.max.toFixed(1)})   goal ≤ 12×   ${linear ? "OK" : "MISSED"}`,
  ].join("\n"),
);
if (process.argv.includes("--json"))
  console.log(
    JSON.stringify({
      rulebook: largest.id,
      indicators: n,
      coldUs: cold,
      warmUs: warm,
      rescoreUs: rescore,
      rescoreWithResultUs: rescoreWithResult,
      scaling: { small: nSmall, large: nLarge, smallMs: stats(smallMs), largeMs: stats(largeMs), ratio },
    }),
  );
if (!linear) process.exitCode = 1;
