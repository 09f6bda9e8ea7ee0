#!/usr/bin/env node
// npm run bench:addin — round trips and payload per scoring run through the Office.js adapter on the
// in-memory Excel, for 10, 100 and 1,000 indicators, and the task pane's bundle size.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { performance } = require("perf_hooks");
const dist = path.join(__dirname, "..", "dist");
// The in-memory Excel is development code, outside the CLI's dist/: `npm run build:dev` compiles it.
const dev = path.join(__dirname, "..", "build", "dev");
const { createSimulatedExcel, fromExcelJs, installOfficeGlobals } = require(path.join(dev, "dev", "office-sim"));
const { OfficeWorkbook } = require(path.join(dev, "src", "adapters", "office", "office-workbook"));
const { runScoring } = require(path.join(dev, "src", "app", "scoring-run"));
const { createTemplateWorkbook } = require(path.join(dev, "src", "adapters", "exceljs", "template-xlsx"));

installOfficeGlobals();

function rulebook(n) {
  const groups = [];
  for (let g = 0; g * 50 < n; g++) {
    const children = [];
    for (let i = 0; i < Math.min(50, n - g * 50); i++) children.push({ kind: "yesno", id: `G${g + 1}.i${i + 1}`, name: `指標${g * 50 + i + 1}`, points: 2 });
    groups.push({ kind: "group", id: `G${g + 1}`, name: `区分${g + 1}`, children });
  }
  return {
    format: "saiten.rulebook/1", id: `bench-${n}`, scheme: "bench", entity: "municipality", fiscalYear: 2026, version: "1.0.0",
    title: `bench ${n}`, level: "item", sources: [{ id: "bench", title: "generated" }], notes: [],
    root: { kind: "group", id: "ALL", name: "合計", max: n * 2, children: groups },
  };
}

async function measure(n) {
  const rb = rulebook(n);
  const book = createTemplateWorkbook(rb);
  const ws = book.getWorksheet("回答");
  ws.eachRow((row, r) => { if (r > 5) row.getCell(5).value = r % 3 ? "○" : "×"; });
  const excel = createSimulatedExcel(fromExcelJs(book));
  const port = new OfficeWorkbook(excel.run);
  excel.stats.reset();
  const t0 = performance.now();
  await runScoring(port, { rulebook: rb, write: true });
  const ms = performance.now() - t0;
  return { n, syncs: excel.stats.syncs + excel.stats.implicitSyncs, bytesIn: excel.stats.bytesIn, bytesOut: excel.stats.bytesOut, ms };
}

(async () => {
  console.log("indicators  syncs  payload in  payload out  time (in-memory)");
  for (const n of [10, 100, 1000]) {
    const m = await measure(n);
    console.log(`${String(m.n).padStart(10)}  ${String(m.syncs).padStart(5)}  ${(m.bytesIn / 1024).toFixed(1).padStart(8)} KB  ${(m.bytesOut / 1024).toFixed(1).padStart(9)} KB  ${m.ms.toFixed(1)} ms`);
  }
  const web = path.join(dist, "web");
  if (fs.existsSync(web)) {
    const html = fs.readFileSync(path.join(web, "taskpane.html"), "utf8");
    const initial = [...html.matchAll(/src="?([^" >]+\.js)/g)].map((m) => m[1]).filter((f) => !/^https?:/.test(f));
    const gz = initial.reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(web, f))).length, 0);
    console.log(`task pane initial JavaScript: ${(gz / 1024).toFixed(0)} KB gzipped (${initial.join(", ")}); target ≤ 350 KB`);
  } else console.log("task pane bundle: run `npm run build` first");
})();
