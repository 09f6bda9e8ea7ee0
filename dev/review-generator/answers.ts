// The answers of a generated municipal submission: one recipe, seeded by the municipality's number, for
// the desk's generated submissions (submissions.ts) and the review benchmark's corpus
// (bench/review-corpus.js), so that both sets vary alike and the same number gives the same answers.
// Development only.
import type ExcelJS from "exceljs";
import type { Rulebook } from "../../src/rulebooks/schema";
import { walkTree } from "../../src/rulebooks/tree";
import { HEADER_ROW, type TemplateRow, type TemplateSpec } from "../../src/workbook/template";

const PREFS = ["北海道", "青森県", "岩手県", "宮城県", "長野県", "静岡県", "大阪府", "福岡県", "沖縄県"];
const SUFFIX = ["市", "町", "村"];

/**
 * Called on each answer cell before its answer is drawn (the corpus styles cells as a clerk's Excel
 * leaves them). What it draws from `rnd` shifts the answers that follow, as it did before the recipe
 * was shared.
 */
export type DressAnswer = (cell: ExcelJS.Cell, row: TemplateRow, rnd: () => number) => void;

/**
 * Fills the answer sheet of a standard template (`spec` built from `rb`) as the n-th municipality
 * (0-based) answers it: its insured count, name and code, then every row that is not linked to
 * another — a few left blank, yes/no as ○, はい or ×, choices and points as far as the municipality's
 * skill reaches, multi options picked, percents with a decimal, counts sometimes in full-width digits,
 * previous-year values where asked. Returns the municipality's name.
 */
export function answerFiller(
  rb: Rulebook,
  spec: TemplateSpec,
): (ws: ExcelJS.Worksheet, n: number, dress?: DressAnswer) => string {
  const multiOptions = new Map<string, { code: string }[]>();
  walkTree(rb, { indicator: (c) => void (c.kind === "multi" && multiOptions.set(c.id, c.options)) });
  return (ws, n, dress) => {
    let s = n * 7919 + 17;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const skill = 0.35 + rnd() * 0.6; // how far this municipality gets
    const insured = Math.round(500 + rnd() * rnd() * 250000);
    const name = `${PREFS[n % PREFS.length]}試験${String(n + 1).padStart(4, "0")}${SUFFIX[n % 3]}`;
    ws.getCell("D3").value = insured;
    ws.getCell("F3").value = name;
    ws.getCell("H3").value = String(10000 + n * 7).padStart(6, "0");
    spec.rows.forEach((row, i) => {
      const r = HEADER_ROW + 1 + i;
      const cell = ws.getCell(r, 5);
      if (row.linkedTo) return;
      dress?.(cell, row, rnd);
      if (rnd() < 0.03) return void (cell.value = null); // left blank
      let v: string | number | null;
      if (row.kind === "yesno") v = rnd() < skill ? (rnd() < 0.8 ? "○" : "はい") : "×";
      else if (row.choices)
        v =
          row.choices[Math.min(row.choices.length - 1, Math.floor(rnd() * skill * 1.6 * row.choices.length))];
      else if (row.kind === "multi")
        v =
          (multiOptions.get(row.id) ?? [])
            .filter(() => rnd() < skill)
            .map((o) => o.code)
            .join("、") || null;
      else if (row.kind === "points") v = Math.floor(rnd() * skill * ((row.max || 10) + 1));
      else if (row.unit === "percent") v = Math.round(rnd() * 1000) / 10;
      else
        v =
          rnd() < 0.2
            ? `${Math.floor(rnd() * 100)}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
            : Math.floor(rnd() * 100);
      cell.value = v;
      if (row.needsPreviousValue) ws.getCell(r, 6).value = Math.floor(rnd() * 100);
    });
    return name;
  };
}
