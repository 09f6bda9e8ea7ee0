// Rulebooks of a chosen size for the benchmarks: the largest bundled rulebook's tree repeated under
// one root, each copy with its ids prefixed (indicators, groups, sub-items, prerequisites and answer
// links alike), so that a 1,000- or 10,000-indicator rulebook has the real mix of indicator kinds,
// prerequisites, clamps and size-dependent steps. Benchmark data only: the points are the bundled
// rulebook's, repeated, and mean nothing as a grant.
"use strict";
const path = require("path");
const dist = path.join(__dirname, "..", "dist");

/** Every indicator of a rulebook, in tree order. */
function indicatorsOf(rb) {
  const out = [];
  const walk = (g) => g.children.forEach((c) => (c.kind === "group" ? walk(c) : out.push(c)));
  walk(rb.root);
  return out;
}

function largestBundled() {
  const { bundledRulebooks } = require(path.join(dist, "rulebooks", "registry"));
  return bundledRulebooks().reduce((a, b) => (indicatorsOf(b).length > indicatorsOf(a).length ? b : a));
}

const ID_LISTS = new Set(["requires"]);
const ID_FIELDS = new Set(["id", "answerFrom"]);

/** A deep copy of a subtree with every id and id reference prefixed. */
function prefixed(node, prefix) {
  if (Array.isArray(node)) return node.map((x) => prefixed(x, prefix));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (ID_FIELDS.has(k) && typeof v === "string") out[k] = prefix + v;
    else if (ID_LISTS.has(k) && Array.isArray(v)) out[k] = v.map((id) => prefix + id);
    else if (k === "benchmark") continue; // national figures of the original indicators: not these
    else out[k] = prefixed(v, prefix);
  }
  return out;
}

/**
 * The base rulebook repeated `copies` times (copy 1 keeps its ids). The result is a valid rulebook
 * document (checked by the callers that load it through the CLI).
 */
function scaledRulebook(copies, base = largestBundled()) {
  const children = [];
  for (let k = 1; k <= copies; k++) {
    const copy = k === 1 ? prefixed(base.root, "") : prefixed(base.root, `copy${k}_`);
    copy.name = { ja: `${base.root.name.ja ?? base.root.name}（${k}）`, en: `Copy ${k}` };
    children.push(copy);
  }
  const max = base.root.max === undefined ? undefined : base.root.max * copies;
  const rb = {
    format: base.format,
    id: `bench-${base.id}-x${copies}`,
    scheme: "bench",
    entity: base.entity,
    fiscalYear: base.fiscalYear,
    version: "1.0.0",
    title: { ja: `ベンチマーク用（${base.id} × ${copies}）`, en: `Benchmark (${base.id} × ${copies})` },
    level: base.level,
    sources: [{ id: "bench", title: `${base.id}, repeated ${copies} times for benchmarks`, confidence: "derived" }],
    notes: [{ ja: "ベンチマーク専用。点数に意味はありません。", en: "For benchmarks only; the points mean nothing." }],
    root: { kind: "group", id: "BENCH_ROOT", name: { ja: "合計", en: "Total" }, children },
  };
  if (max !== undefined) rb.root.max = max;
  if (base.sizeClasses) rb.sizeClasses = base.sizeClasses;
  if (base.rateDigits !== undefined) rb.rateDigits = base.rateDigits;
  return rb;
}

module.exports = { indicatorsOf, largestBundled, scaledRulebook };
