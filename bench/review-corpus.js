// The workbooks `npm run bench:review` reads: generated here (benchmark code, never shipped), in four
// shapes, so that the benchmark measures what reviewers are sent rather than one tidy file repeated:
//   plain    — the standard template as Saiten writes it, filled in;
//   excel    — the same form as a municipality's Excel saves it after use: styled answers (fills,
//              borders, number formats), a dozen extra sheets of unrelated data (lists of residents'
//              services, budgets, dates, notes — strings shared through sharedStrings.xml), document
//              properties;
//   fallback — an "excel" book whose answer sheet has a link (to the ministry's page, in a merged note
//              area next to the answers, underlined as Excel shows a link) on a cell that was then given
//              a formula whose result is 0 (a count of attached documents, none yet): ExcelJS keeps the 0
//              as the link's text and the fast reader's formula values do not, so it leaves that sheet
//              to ExcelJS and these files measure the fallback path (until corpus v4 the link was left
//              on an emptied cell, which the fast reader now reads);
//   large    — "excel" books of a ~1,000-indicator rulebook (bench/scaled-rulebook.js), scored with
//              that rulebook in a folder of their own.
// Answers vary by municipality (seeded; the recipe of the desk's generated submissions,
// dev/review-generator/answers.ts, loaded from build/dev), so scores, issues and the evaluation cache
// behave as in a real set. Folders are cached in the temp directory by corpus version and size.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");
const { Worker, isMainThread, parentPort, workerData } = require("worker_threads");

const dist = path.join(__dirname, "..", "dist");
const devBuild = path.join(__dirname, "..", "build", "dev");
const CORPUS_VERSION = 5;
const SERVICES = ["訪問介護", "通所介護", "短期入所", "福祉用具貸与", "住宅改修", "居宅介護支援", "認知症対応型", "地域密着型通所介護"];
const NOTES = ["前年度から継続", "要確認（担当課へ照会中）", "委託先変更", "補正予算で対応", "―", "年度末に見直し予定"];

/** Which shape the n-th workbook of the standard folder has: 10% fallback, 40% excel, 50% plain. */
function shapeOf(n) {
  const k = n % 10;
  return k === 3 ? "fallback" : k % 2 === 0 ? "excel" : "plain";
}

function rng(seed) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** What a clerk's Excel leaves on an answer: a fill, a border, a font, sometimes a number format. */
function styleAnswer(cell, row, rnd) {
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: rnd() < 0.5 ? "FFFFF2CC" : "FFE2EFDA" } };
  cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  cell.font = { name: "游ゴシック", size: 11 };
  if (row.unit === "percent") cell.numFmt = "0.0";
}

/** A dozen sheets of the municipality's own, unrelated to the form: as long-used workbooks have. */
function addExtraSheets(book, n) {
  const rnd = rng(n * 104729 + 3);
  for (let k = 1; k <= 12; k++) {
    const ws = book.addWorksheet(`資料${k}`);
    ws.columns = [
      { header: "番号", key: "no", width: 6 },
      { header: "事業名", key: "service", width: 22 },
      { header: "地区", key: "area", width: 10 },
      { header: "利用者数", key: "users", width: 10, style: { numFmt: "#,##0" } },
      { header: "事業費（円）", key: "cost", width: 14, style: { numFmt: "#,##0" } },
      { header: "実施率", key: "rate", width: 9, style: { numFmt: "0.0%" } },
      { header: "開始日", key: "start", width: 12, style: { numFmt: "yyyy/m/d" } },
      { header: "備考", key: "note", width: 30 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    const rows = 40 + Math.floor(rnd() * 120);
    for (let r = 0; r < rows; r++) {
      ws.addRow({
        no: r + 1,
        service: SERVICES[Math.floor(rnd() * SERVICES.length)],
        area: `第${1 + Math.floor(rnd() * 9)}地区`,
        users: Math.floor(rnd() * 2000),
        cost: Math.floor(rnd() * 5e7),
        rate: Math.round(rnd() * 1000) / 1000,
        start: new Date(Date.UTC(2020 + Math.floor(rnd() * 6), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))),
        note: NOTES[Math.floor(rnd() * NOTES.length)],
      });
    }
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  book.creator = "〇〇市 介護保険課";
  book.lastModifiedBy = "〇〇市 介護保険課";
  book.created = new Date(Date.UTC(2026, 5, 1));
  book.modified = new Date(Date.UTC(2026, 6, 15));
}

async function generateRange({ dir, from, to, rulebookFile, forceShape }) {
  const { createTemplateWorkbook } = require(path.join(dist, "adapters", "exceljs", "template-xlsx"));
  const { buildTemplate, ANSWER_SHEET } = require(path.join(dist, "workbook", "template"));
  const { parseRulebook } = require(path.join(dist, "rulebooks", "validate"));
  const { findBundled } = require(path.join(dist, "rulebooks", "registry"));
  // The answers themselves: the recipe of the desk's generated submissions, from `npm run build:dev`.
  const { answerFiller } = require(path.join(devBuild, "dev", "review-generator", "answers"));
  const rb = rulebookFile ? parseRulebook(JSON.parse(fs.readFileSync(rulebookFile, "utf8"))) : findBundled("kaigo-municipal-fy2026");
  const fill = answerFiller(rb, buildTemplate(rb));
  for (let n = from; n < to; n++) {
    const shape = forceShape ?? shapeOf(n);
    // A fresh template per file: styles and extra sheets must not pile up from one file to the next.
    const book = createTemplateWorkbook(rb);
    const ws = book.getWorksheet(ANSWER_SHEET);
    const name = fill(ws, n, shape === "plain" ? undefined : styleAnswer);
    if (shape !== "plain") addExtraSheets(book, n);
    if (shape === "fallback") {
      ws.mergeCells("L2:M2");
      ws.getCell("L2").value = { text: "厚生労働省の評価指標", hyperlink: "https://www.mhlw.go.jp/" };
      ws.getCell("L2").font = { underline: true, color: { argb: "FF0563C1" } };
    }
    const file = path.join(dir, `${String(n + 1).padStart(4, "0")}_${name}.xlsx`);
    let bytes = Buffer.from(await book.xlsx.writeBuffer());
    if (shape === "fallback") bytes = await withZeroFormula(bytes, "L2");
    fs.writeFileSync(file, bytes);
  }
}

/** The book with the answer sheet's cell `ref` given a formula whose result is 0 (its style and link kept). */
async function withZeroFormula(bytes, ref) {
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const part = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(part).async("string");
  const cell = new RegExp(`<c r="${ref}"( s="\\d+")?[^>]*>.*?</c>`);
  if (!cell.test(xml)) throw new Error(`corpus: no cell ${ref} to give a formula`);
  zip.file(part, xml.replace(cell, (_, s) => `<c r="${ref}"${s ?? ""}><f>COUNTA(資料1!Z1:Z9)</f><v>0</v></c>`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function runWorker(data) {
  return new Promise((resolve, reject) => {
    const w = new Worker(__filename, { workerData: data });
    w.on("error", reject);
    w.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`generator exit ${code}`))));
  });
}

async function generateFolder(dir, count, threads, extra = {}) {
  const marker = path.join(dir, ".complete");
  if (fs.existsSync(marker)) return false;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const per = Math.ceil(count / threads);
  await Promise.all(
    Array.from({ length: threads }, (_, j) =>
      runWorker({ dir, from: j * per, to: Math.min(count, (j + 1) * per), ...extra }),
    ),
  );
  fs.writeFileSync(marker, "");
  return true;
}

/**
 * The corpus, one folder per shape: { plain, excel, fallback, large (each a folder or undefined when
 * its count is 0), mixed (the standard rulebook's three shapes together: 50% plain, 40% excel, 10%
 * fallback; only when asked for), largeRulebook }. `sizes` gives each folder's count.
 */
async function ensureCorpus(sizes, threads) {
  const root = path.join(os.tmpdir(), `saiten-bench-corpus-v${CORPUS_VERSION}`);
  const largeRulebook = path.join(root, "rulebook-1000.json");
  fs.mkdirSync(root, { recursive: true });
  if (!fs.existsSync(largeRulebook)) {
    const { scaledRulebook, largestBundled, indicatorsOf } = require("./scaled-rulebook");
    const base = largestBundled();
    const rb = scaledRulebook(Math.round(1000 / indicatorsOf(base).length), base);
    fs.writeFileSync(largeRulebook, JSON.stringify(rb));
  }
  const t0 = performance.now();
  let made = false;
  const out = { largeRulebook };
  for (const [kind, count] of Object.entries(sizes)) {
    if (!count) continue;
    const dir = path.join(root, `${kind}-${count}`);
    const extra =
      kind === "large"
        ? { rulebookFile: largeRulebook, forceShape: "excel" }
        : kind === "mixed"
          ? {}
          : { forceShape: kind };
    made = (await generateFolder(dir, count, threads, extra)) || made;
    out[kind] = dir;
  }
  if (made)
    process.stderr.write(`generated the benchmark corpus in ${((performance.now() - t0) / 1000).toFixed(0)} s → ${root}\n`);
  return out;
}

if (!isMainThread && workerData && workerData.dir) generateRange(workerData).then(() => parentPort.close());

module.exports = { ensureCorpus, shapeOf };
