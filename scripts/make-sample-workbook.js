#!/usr/bin/env node
// Writes examples/sample-kaigo-fy2026.xlsx: the standard template of the FY2026 long-term-care
// rulebook filled with invented answers for a fictional town (サンプル町), used by `npm start`.
"use strict";
const path = require("path");
const dist = path.join(__dirname, "..", "dist");
const { findBundled } = require(path.join(dist, "rulebooks", "registry"));
const { createTemplateWorkbook } = require(path.join(dist, "adapters", "exceljs", "template-xlsx"));
const { buildTemplate } = require(path.join(dist, "workbook", "template"));

const rb = findBundled("kaigo-municipal-fy2026");
const book = createTemplateWorkbook(rb);
const ws = book.getWorksheet("回答");
const header = ws.getRow(5).values;
const idCol = header.indexOf("指標ID");
const ansCol = header.indexOf("回答");
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const bandMarks = ["なし", "ア", "イ", "ウ", "エ"];
// The band by the name the 規模区分 dropdown offers (1万人以上5万人未満), as a clerk picks it.
const sizeIndex = rb.sizeClasses.classes.findIndex((c) => c.id === "n10k_50k");
ws.getCell("B3").value = buildTemplate(rb).sizeClasses[sizeIndex];
ws.getCell("D3").value = 12480;
ws.eachRow((row, n) => {
  if (n <= 5) return;
  const id = String(row.getCell(idCol).value);
  const ind = findIndicator(rb.root, id);
  if (!ind || ind.answerFrom) return;
  const cell = row.getCell(ansCol);
  if (ind.kind === "yesno") cell.value = rnd() < 0.68 ? "○" : "×";
  else if (ind.kind === "rankBand") {
    const k = Math.floor(rnd() * (ind.bands.length + 1));
    cell.value = k === 0 ? "なし" : ind.bands.length === 4 && /^[a-d]$/.test(ind.bands[0].code) ? bandMarks[k] : ind.bands[k - 1].code;
  }
});
function findIndicator(g, id) {
  for (const c of g.children) {
    if (c.kind === "group") {
      const hit = findIndicator(c, id);
      if (hit) return hit;
    } else if (c.id === id) return c;
  }
  return undefined;
}
const out = path.join(__dirname, "..", "examples", "sample-kaigo-fy2026.xlsx");
book.xlsx.writeFile(out).then(() => console.log(out));
