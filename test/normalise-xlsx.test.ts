// Every normalisation case, each its own test, through a real .xlsx written by ExcelJS and read back
// through the CLI's workbook adapter.
import ExcelJS from "exceljs";
import { join } from "path";
import { buildOptionKeys, parseChoice, parseChoices, parseNumber, parseYesNo } from "../src/engine";
import type { CellInput } from "../src/engine";
import { findBundled } from "../src/rulebooks/registry";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { ANSWER_SHEET, COLUMNS, readTemplate } from "../src/workbook/template";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";
import { tempDir } from "./fixtures/temp-dir";

type Setup = { value: ExcelJS.CellValue; numFmt?: string };
type Kind = "rate" | "number" | "yesno" | "choice" | "multi" | "band";
type Expect = { ok: unknown } | { missing: true } | { invalid: string };

const cases: [string, Setup, Kind, Expect][] = [
  ["full-width digits ６０ → 60", { value: "６０" }, "number", { ok: 60 }],
  ["full-width commas １，２９２ → 1292", { value: "１，２９２" }, "number", { ok: 1292 }],
  ["thousands separators 1,234.5 → 1234.5", { value: "1,234.5" }, "number", { ok: 1234.5 }],
  ["full-width minus －５ → -5", { value: "－５" }, "number", { ok: -5 }],
  ["▲ as minus ▲0.25 → -0.25", { value: "▲0.25" }, "number", { ok: -0.25 }],
  ["△ as minus △3 → -3", { value: "△3" }, "number", { ok: -3 }],
  [
    "▲ with full-width percent ▲０．２５％ on a rate → -0.25",
    { value: "▲０．２５％" },
    "rate",
    { ok: -0.25 },
  ],
  ['"60%" on a rate → 60', { value: "60%" }, "rate", { ok: 60 }],
  ['"６０．５％" on a rate → 60.5', { value: "６０．５％" }, "rate", { ok: 60.5 }],
  ["a percent-formatted 0.605 on a rate → 60.5", { value: 0.605, numFmt: "0.0%" }, "rate", { ok: 60.5 }],
  ["a plain 60.5 on a rate → 60.5", { value: 60.5 }, "rate", { ok: 60.5 }],
  ["a unit suffix 12人 → 12", { value: "12人" }, "number", { ok: 12 }],
  ["a percent on a non-rate number is reported", { value: "60%" }, "number", { invalid: "invalid" }],
  ["text where a number is expected is reported", { value: "多い" }, "number", { invalid: "invalid" }],
  [
    "a date where a number is expected is invalid",
    { value: new Date(Date.UTC(2024, 3, 1)), numFmt: "yyyy/m/d" },
    "number",
    { invalid: "date_not_number" },
  ],
  [
    "an Excel error #N/A is invalid",
    { value: { error: "#N/A" } as ExcelJS.CellErrorValue },
    "number",
    { invalid: "excel_error" },
  ],
  [
    "a formula showing #DIV/0! is invalid",
    { value: { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue },
    "rate",
    { invalid: "excel_error" },
  ],
  [
    "a formula's result is read, not its text",
    { value: { formula: "30*2", result: 60 } as ExcelJS.CellFormulaValue },
    "rate",
    { ok: 60 },
  ],
  ["○ → yes", { value: "○" }, "yesno", { ok: true }],
  ["◯ → yes", { value: "◯" }, "yesno", { ok: true }],
  ["〇 → yes", { value: "〇" }, "yesno", { ok: true }],
  ["✓ → yes", { value: "✓" }, "yesno", { ok: true }],
  ["はい → yes", { value: "はい" }, "yesno", { ok: true }],
  ["有 → yes", { value: "有" }, "yesno", { ok: true }],
  ["実施 → yes", { value: "実施" }, "yesno", { ok: true }],
  ["TRUE cell → yes", { value: true }, "yesno", { ok: true }],
  ["× → no", { value: "×" }, "yesno", { ok: false }],
  ["✕ → no", { value: "✕" }, "yesno", { ok: false }],
  ["いいえ → no", { value: "いいえ" }, "yesno", { ok: false }],
  ["無 → no", { value: "無" }, "yesno", { ok: false }],
  ["未実施 → no", { value: "未実施" }, "yesno", { ok: false }],
  ["○ with surrounding spaces → yes", { value: "　○　" }, "yesno", { ok: true }],
  ["an unknown mark is reported, never guessed", { value: "△" }, "yesno", { invalid: "invalid" }],
  ["blank → missing", { value: null }, "yesno", { missing: true }],
  ['"-" → missing', { value: "-" }, "number", { missing: true }],
  ['"―" → missing', { value: "―" }, "yesno", { missing: true }],
  ["option code イ → the option", { value: "イ" }, "choice", { ok: 1 }],
  ["half-width ｳ → the option ウ", { value: "ｳ" }, "choice", { ok: 2 }],
  ["option text 一部で実施 → the option", { value: "一部で実施" }, "choice", { ok: 1 }],
  ["code with its description ア：全域で実施 → ア", { value: "ア：全域で実施" }, "choice", { ok: 0 }],
  ["bracketed code （ウ） → ウ", { value: "（ウ）" }, "choice", { ok: 2 }],
  ["an unknown option is reported", { value: "エ" }, "choice", { invalid: "invalid" }],
  ["a band code before its bracketed label: ア for 「ア（閾値不明）」", { value: "ア" }, "band", { ok: 0 }],
  ["several codes ア、ウ → both", { value: "ア、ウ" }, "multi", { ok: [0, 2] }],
  [
    "several option texts separated by commas → both",
    { value: "全域で実施,未実施" },
    "multi",
    { ok: [0, 2] },
  ],
  ["なし on several choices → none chosen", { value: "なし" }, "multi", { ok: [] }],
];

const options = [
  { code: "ア", label: "全域で実施" },
  { code: "イ", label: "一部で実施" },
  { code: "ウ", label: "未実施" },
];
const keys = buildOptionKeys(options);
const bands = [
  { code: "a", label: "ア（閾値不明）" },
  { code: "b", label: "イ（閾値不明）" },
];
const bandKeys = buildOptionKeys(bands);

let book: ExcelJsWorkbook;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("回答");
  cases.forEach(([, setup], i) => {
    const cell = ws.getCell(i + 1, 2);
    cell.value = setup.value;
    if (setup.numFmt) cell.numFmt = setup.numFmt;
  });
  const file = join(tempDir("saiten-norm-"), "normalise.xlsx");
  await wb.xlsx.writeFile(file);
  book = await ExcelJsWorkbook.open(file);
});

function normalise(kind: Kind, input: CellInput) {
  switch (kind) {
    case "rate":
      return parseNumber(input, { percent: true });
    case "number":
      return parseNumber(input);
    case "yesno":
      return parseYesNo(input);
    case "choice":
      return parseChoice(input, keys, options);
    case "multi":
      return parseChoices(input, keys, options);
    case "band": {
      const n = parseChoice(input, bandKeys, bands);
      return n;
    }
  }
}

test.each(cases.map((c, i) => [c[0], i, c[2], c[3]] as const))("%s", async (_name, i, kind, expected) => {
  const read = await book.read({ ranges: [`回答!B${i + 1}`] });
  const c = read.ranges[0].block!.cells[0][0];
  const input: CellInput = { value: c.value, cell: `回答!B${i + 1}` };
  if (c.numFmt) input.numFmt = c.numFmt;
  if (c.error) input.error = c.error;
  const n = normalise(kind, input);
  if ("ok" in expected) expect(n).toEqual({ s: "ok", v: expected.ok });
  else if ("missing" in expected) expect(n.s).toBe("missing");
  else {
    expect(n.s).toBe("invalid");
    if (n.s === "invalid") {
      expect(n.code).toBe(expected.invalid);
      expect(n.msg.ja.length).toBeGreaterThan(5);
      expect(n.msg.en.length).toBeGreaterThan(5);
    }
  }
});

test("前年度値 in the template: a percent format reads as percent, a literal % sign does not", async () => {
  const rb = findBundled("kaigo-municipal-fy2026")!;
  const book = createTemplateWorkbook(rb);
  const ws = book.getWorksheet(ANSWER_SHEET)!;
  const col = COLUMNS.findIndex((c) => c.key === "previousValue") + 1;
  const ids = [String(ws.getCell(6, 1).value), String(ws.getCell(7, 1).value)];
  Object.assign(ws.getCell(6, col), { value: 0.605, numFmt: "0.0%" });
  Object.assign(ws.getCell(7, col), { value: 60.5, numFmt: '0.0"%"' });
  const port = await ExcelJsWorkbook.fromBuffer(await book.xlsx.writeBuffer());
  const block = (await port.read({ used: [ANSWER_SHEET] })).used.get(ANSWER_SHEET)!;
  const t = readTemplate(block)!;
  expect(t.previousValues[ids[0]]).toBe(60.5);
  expect(t.previousValues[ids[1]]).toBe(60.5);
});
