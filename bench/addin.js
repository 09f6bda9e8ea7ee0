#!/usr/bin/env node
// npm run bench:addin — round trips and payload per scoring run through the Office.js adapter on the
// in-memory Excel, for 10, 100 and 1,000 indicators, the task pane's first download (gzipped) and its
// first paint in headless Chromium at 1× and 4× CPU throttling.
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

/** Serves a built web/ folder on 127.0.0.1 (a random port). */
function serve(dir) {
  const http = require("http");
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png" };
  const server = http.createServer((req, res) => {
    const file = path.normalize(path.join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}`, server })));
}

/**
 * The task pane's first paint in headless Chromium with the CPU slowed down `rate` times (CDP
 * Emulation.setCPUThrottlingRate), cold cache: taskpane.html with the real Office.js (the package's
 * files in place of Microsoft's CDN) in a stand-in Excel for Windows (dev/excel-host). Reports
 * Chromium's first-contentful-paint (the pane's first text: the page has none of its own) and the
 * frame after the 採点 button appeared (the pane usable), in ms from navigation start.
 */
async function firstPaint(web, rate, runs) {
  const { chromium } = require("playwright-core");
  const { standInExcelForWindows, LTSC_2021 } = require(path.join(dev, "dev", "excel-host", "stand-in"));
  const officeJs = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
  const { url, server } = await serve(web);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  const out = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ locale: "ja-JP", viewport: { width: 350, height: 800 } });
      await context.route("**/*", (route) => {
        const u = route.request().url();
        if (u.startsWith(url)) return route.continue();
        const m = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/.exec(u.split("?")[0]);
        const file = m && path.join(officeJs, m[1]);
        if (file && fs.existsSync(file)) return route.fulfill({ path: file, contentType: "text/javascript" });
        return route.abort();
      });
      const page = await context.newPage();
      await page.addInitScript(standInExcelForWindows, LTSC_2021);
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          const ready = Array.from(document.querySelectorAll("button")).some((b) => b.textContent.trim() === "採点");
          if (!ready) return;
          obs.disconnect();
          requestAnimationFrame(() => (window.__ready = performance.now()));
        }).observe(document, { childList: true, subtree: true });
      });
      // The same origin first, so the throttled renderer is the one that loads the pane.
      await page.goto(`${url}/help.html`);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      await page.goto(`${url}/taskpane.html`);
      await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 120_000 });
      out.push(
        await page.evaluate(() => ({
          fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
          ready: window.__ready,
        })),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

(async () => {
  console.log("indicators  syncs  payload in  payload out  time (in-memory)");
  for (const n of [10, 100, 1000]) {
    const m = await measure(n);
    console.log(`${String(m.n).padStart(10)}  ${String(m.syncs).padStart(5)}  ${(m.bytesIn / 1024).toFixed(1).padStart(8)} KB  ${(m.bytesOut / 1024).toFixed(1).padStart(9)} KB  ${m.ms.toFixed(1)} ms`);
  }
  // BENCH_WEB=<another build's web/ folder> measures that build instead (paired comparisons).
  const web = path.resolve(process.env.BENCH_WEB ?? path.join(dist, "web"));
  if (fs.existsSync(path.join(web, "taskpane.html"))) {
    const html = fs.readFileSync(path.join(web, "taskpane.html"), "utf8");
    const initial = [...html.matchAll(/src="?([^" >]+\.js)/g)].map((m) => m[1]).filter((f) => !/^https?:/.test(f));
    const gz = initial.reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(web, f))).length, 0);
    console.log(`task pane initial JavaScript: ${(gz / 1024).toFixed(0)} KB gzipped (${initial.join(", ")}); target ≤ 250 KB`);
  } else console.log("task pane bundle: run `npm run build` first");
  const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) console.log(`task pane first paint: ${chromium} is missing (apt-get install chromium, or set CHROMIUM)`);
  else if (fs.existsSync(path.join(web, "taskpane.html"))) {
    const runs = Number(process.env.BENCH_RUNS ?? 5);
    for (const rate of [1, 4]) {
      const r = await firstPaint(web, rate, runs);
      const fmt = (xs) => xs.map((x) => Math.round(x)).join(", ");
      console.log(
        `task pane first paint at ${rate}× CPU throttling (${runs} cold loads, median): ` +
          `${Math.round(median(r.map((x) => x.fcp)))} ms first contentful paint, ${Math.round(median(r.map((x) => x.ready)))} ms 採点 button shown` +
          ` [${fmt(r.map((x) => x.fcp))} | ${fmt(r.map((x) => x.ready))}]${rate === 4 ? "; target ≤ 2,000 ms" : ""}`,
      );
    }
  }
})();
