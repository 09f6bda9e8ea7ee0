#!/usr/bin/env node
// Development only: writes the national figures of kaigo-tally-columns-R6-R8.csv (a secondary
// re-tabulation of MHLW's national tallies of the long-term-care grants, 令和6–8年度; see
// ../shared/reference/data/README.md) into the bundled kaigo rulebooks as data — every sub-item's hit
// count and share, every group's mean, median and standard deviation — after checking that each
// column's 配点 and each subtotal's maximum are the rulebook's. The product never reads ../shared: run
// this by hand (after `npm run build:cli`) when the source changes, then review the diff.
//   node scripts/transcribe-kaigo-tally.js [path/to/kaigo-tally-columns-R6-R8.csv]
"use strict";
const fs = require("fs");
const path = require("path");
const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");
const { findBundled } = require(path.join(dist, "rulebooks", "registry"));
const { rulebookIndex, goalOf, setOf, branchOf, twigOf, numberOf, totalLabel } = require(
  path.join(dist, "tally", "match"),
);

const csvPath =
  process.argv[2] ?? path.join(root, "..", "shared", "reference", "data", "kaigo-tally-columns-R6-R8.csv");
const BUNDLED = path.join(root, "src", "rulebooks", "bundled");
const YEARS = { 令和6年度: 2024, 令和7年度: 2025, 令和8年度: 2026 };
const N = 1741;
const r3 = (x) => Math.round(x * 1000) / 1000;
const r4 = (x) => Math.round(x * 10000) / 10000;

function fail(message) {
  console.error(message);
  process.exit(1);
}

const lines = fs.readFileSync(csvPath, "utf8").trim().split("\n");
const head = lines[0].split(",");
const rows = lines.slice(1).map((line) => {
  const f = line.split(",");
  if (f.length !== head.length) fail(`unexpected field count: ${line}`);
  return Object.fromEntries(head.map((h, i) => [h, f[i]]));
});

/** A tally row's rulebook id: a sub-item (column) or a group (subtotal row). */
function idOf(row, idx) {
  const grant = row["交付金"] === "支援交付金" ? "S" : "P";
  if (row["該当市町村数"] === "") return { kind: "group", id: idx.totalId(totalLabel(row["指標"]), grant) };
  const [num, name, branch, twig] = row["指標"].split(" / ");
  const id = idx.itemId(
    grant,
    goalOf(row["目標"]),
    setOf(row["指標群"]),
    numberOf(num),
    name,
    branchOf(branch),
    twig === undefined ? null : twigOf(twig),
  );
  return { kind: "item", id };
}

/** obj[key] = value, a new key going before the first of `before` the object has (else last). */
function put(obj, key, value, before) {
  if (key in obj) {
    obj[key] = value;
    return;
  }
  const at = before.find((k) => k in obj);
  const entries = Object.entries(obj);
  const i = at === undefined ? entries.length : entries.findIndex(([k]) => k === at);
  entries.splice(i, 0, [key, value]);
  for (const k of Object.keys(obj)) delete obj[k];
  Object.assign(obj, Object.fromEntries(entries));
}

function nodesById(node, out = new Map()) {
  out.set(node.id, node);
  if (node.kind === "group") for (const c of node.children) nodesById(c, out);
  return out;
}

/** The source ids a rulebook uses for the tally file and for MHLW's FY2024 summary. */
function groupSource(doc, year, keepsMeanRate) {
  const has = (id) => doc.sources.some((s) => s.id === id);
  const tally = has("kofukin-3year-csv") ? "kofukin-3year-csv" : "tally-csv";
  const summary = has("mhlw-r6-gaiyo") ? "mhlw-r6-gaiyo" : "seed000";
  if (!has(tally) || (keepsMeanRate && !has(summary))) fail(`${doc.id}: source ids not found`);
  const text = `${tally}: national tally 令和${year - 2018}年度 (mean, median, SD; secondary)`;
  return keepsMeanRate ? `${text}; ${summary} (meanRate)` : text;
}

for (const [label, year] of Object.entries(YEARS)) {
  const own = rows.filter((r) => r["年度"] === label);
  const idx = rulebookIndex(findBundled(`kaigo-municipal-fy${year}`));
  const items = new Map();
  const groups = new Map();
  for (const row of own) {
    const { kind, id } = idOf(row, idx);
    if (!id) fail(`${label}: no rulebook id for 「${row["指標"]}」`);
    const points = Number(row["配点"]);
    if (kind === "item") {
      const info = idx.subItems.get(id);
      if (info.points !== points) fail(`${label} ${id}: 配点 ${points}, rulebook ${info.points}`);
      const hitCount = Number(row["該当市町村数"]);
      if (Math.abs(hitCount / N - Number(row["該当率"])) > 1e-9)
        fail(`${label} ${id}: 該当率 is not count ÷ ${N}`);
      if (items.has(id)) fail(`${label} ${id}: two columns`);
      items.set(id, { info, benchmark: { hitCount, hitRate: r4(hitCount / N) } });
    } else {
      if (idx.groupMax(id) !== points)
        fail(`${label} ${id}: maximum ${points}, rulebook ${idx.groupMax(id)}`);
      const figures = {
        mean: r3(Number(row["全国平均"])),
        median: Number(row["全国中央値"]),
        sd: r3(Number(row["標準偏差"])),
      };
      groups.set(id, figures);
      // 目標Ⅳ is a single 成果指標群: its subtotal is the group's too.
      if (/^[PS]_IV$/.test(id)) groups.set(`${id}_O`, figures);
    }
  }
  const missing = idx.subItemOrder.filter((id) => !items.has(id));
  if (missing.length) fail(`${label}: no column for ${missing.join(", ")}`);

  for (const file of [`kaigo-municipal-fy${year}.json`, `kaigo-municipal-fy${year}-groups.json`]) {
    const target = path.join(BUNDLED, file);
    const doc = JSON.parse(fs.readFileSync(target, "utf8"));
    const byId = nodesById(doc.root);
    let set = 0;
    for (const [id, figures] of groups) {
      const g = byId.get(id);
      if (!g || g.kind !== "group") fail(`${file}: no group ${id}`);
      const meanRate = g.benchmark?.meanRate;
      const keepsMeanRate = year === 2024 && meanRate !== undefined;
      const benchmark = {
        ...figures,
        ...(keepsMeanRate && { meanRate }),
        source: groupSource(doc, year, keepsMeanRate),
      };
      put(g, "benchmark", benchmark, ["notes", "children"]);
      set++;
    }
    if (!file.endsWith("-groups.json")) {
      for (const { info, benchmark } of items.values()) {
        const ind = byId.get(idx.compiled.indicators[info.indicatorIdx].id);
        const part = info.part < 0 ? ind : (ind.bands ?? ind.options)[info.part];
        put(part, "benchmark", benchmark, ["notes"]);
        set++;
      }
    }
    fs.writeFileSync(target, JSON.stringify(doc, null, 2) + "\n");
    console.log(`${file}: ${set} figures`);
  }
}
