// Between ExcelJS and the model, so tests and the preview can start from a real .xlsx. Values come
// in as Office reports them: dates as serial numbers (ExcelJS hands us Date objects), formulas with
// their cached results, errors as "#N/A" strings, merged cells' hidden parts blank.
import ExcelJS from "exceljs";
import { type Box, columnLetters, formatBox, parseAddress, quoteSheetName, splitSheet } from "./address";
import { type CellStyle, type SimCell, type SimValue, dateToSerial } from "./cells";
import { type SheetVisibility, type SimDataValidation, SimWorkbook } from "./model";

export interface FromExcelJsOptions {
  /** Document settings (an .xlsx keeps add-in settings where ExcelJS cannot read them). */
  settings?: Record<string, unknown>;
}

const STATES: Record<string, SheetVisibility> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};
const CF_TYPES: Record<string, string> = {
  expression: "Custom",
  cellIs: "CellValue",
  containsText: "ContainsText",
  dataBar: "DataBar",
  colorScale: "ColorScale",
  iconSet: "IconSet",
  top10: "TopBottom",
  aboveAverage: "PresetCriteria",
  timePeriod: "PresetCriteria",
};

function convert(v: unknown, date1904: boolean): SimValue | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return String(o.error);
    if ("richText" in o) return (o.richText as { text: string }[]).map((p) => p.text).join("");
    if ("text" in o) return String(o.text);
  }
  return String(v);
}

function argb(color: unknown): string | undefined {
  const a = (color as { argb?: string } | undefined)?.argb;
  return typeof a === "string" && /^[0-9a-f]{8}$/i.test(a) ? `#${a.slice(2).toUpperCase()}` : undefined;
}

function styleOf(cell: ExcelJS.Cell): CellStyle | undefined {
  const s: CellStyle = {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const c = argb(fill.fgColor);
    if (c) s.fill = c;
  }
  const fontColor = argb(cell.font?.color);
  if (fontColor) s.fontColor = fontColor;
  if (cell.font?.bold) s.bold = true;
  if (cell.font?.italic) s.italic = true;
  return Object.keys(s).length ? s : undefined;
}

function cellOf(cell: ExcelJS.Cell, date1904: boolean): SimCell | undefined {
  const out: SimCell = {};
  if (cell.type === ExcelJS.ValueType.Merge) return undefined; // hidden part of a merged area
  if (cell.type === ExcelJS.ValueType.Formula) {
    const formula = cell.formula;
    if (formula) out.formula = `=${formula}`;
    const v = convert(cell.result, date1904);
    if (v !== undefined) out.value = v;
  } else {
    const v = convert(cell.value, date1904);
    if (v !== undefined) out.value = v;
  }
  if (cell.numFmt && cell.numFmt !== "General") out.numberFormat = cell.numFmt;
  const style = styleOf(cell);
  if (style) out.style = style;
  return Object.keys(out).length ? out : undefined;
}

function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  // ExcelJS keeps rows in a sparse array; eachRow would skip rows holding only formatted cells.
  const internal = (ws as unknown as { _rows?: (ExcelJS.Row | undefined)[] })._rows;
  if (internal) return internal.filter((r): r is ExcelJS.Row => !!r);
  const rows: ExcelJS.Row[] = [];
  ws.eachRow({ includeEmpty: false }, (r) => rows.push(r));
  return rows;
}

interface XlsxCfRule {
  type: string;
  formulae?: string[];
  style?: { fill?: { bgColor?: unknown }; font?: { color?: unknown } };
}

/** Read from the worksheet; ExcelJS's typings only declare the add/remove side. */
function conditionalFormattingsOf(ws: ExcelJS.Worksheet): { ref: string; rules: XlsxCfRule[] }[] {
  return (
    (ws as unknown as { conditionalFormattings?: { ref: string; rules: XlsxCfRule[] }[] })
      .conditionalFormattings ?? []
  );
}

interface XlsxValidation {
  type: string;
  formulae?: unknown[];
  operator?: string;
  allowBlank?: boolean;
  showErrorMessage?: boolean;
  showInputMessage?: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
  promptTitle?: string;
  prompt?: string;
}

/** ExcelJS keeps validations per cell address (ranges expanded); its typings omit the sheet side. */
function validationsModel(ws: ExcelJS.Worksheet): Record<string, XlsxValidation | undefined> {
  return (
    (ws as unknown as { dataValidations?: { model?: Record<string, XlsxValidation | undefined> } })
      .dataValidations?.model ?? {}
  );
}

/** Cells back into rectangles: vertical runs per column, joined across equal neighbouring columns. */
function cellsToBoxes(cells: { row: number; col: number }[]): Box[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Box[] = [];
  for (const { row, col } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.left === col && last.bottom === row - 1) last.bottom = row;
    else runs.push({ top: row, bottom: row, left: col, right: col });
  }
  runs.sort((a, b) => a.top - b.top || a.bottom - b.bottom || a.left - b.left);
  const out: Box[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.top === r.top && last.bottom === r.bottom && last.right === r.left - 1)
      last.right = r.right;
    else out.push({ ...r });
  }
  return out;
}

const OPERATORS: Record<string, string> = {
  between: "Between",
  notBetween: "NotBetween",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
};
const RULE_KEYS: Record<string, string> = {
  whole: "wholeNumber",
  decimal: "decimal",
  date: "date",
  textLength: "textLength",
};

/** An ExcelJS validation as the Office.js rule object Range.dataValidation.rule would return. */
function ruleOf(v: XlsxValidation): Record<string, unknown> | null {
  const f = v.formulae?.map((x) => (x instanceof Date ? x.toISOString() : String(x))) ?? [];
  if (v.type === "list") {
    const src = f[0] ?? "";
    return { list: { inCellDropDown: true, source: /^".*"$/.test(src) ? src.slice(1, -1) : `=${src}` } };
  }
  if (v.type === "custom") return { custom: { formula: `=${f[0] ?? ""}` } };
  const key = RULE_KEYS[v.type];
  if (!key) return null;
  return {
    [key]: {
      formula1: f[0],
      ...(f[1] !== undefined ? { formula2: f[1] } : {}),
      operator: OPERATORS[v.operator ?? "between"] ?? "Between",
    },
  };
}

function importValidations(ws: ExcelJS.Worksheet): SimDataValidation[] {
  const groups = new Map<XlsxValidation, { row: number; col: number }[]>();
  for (const [addr, v] of Object.entries(validationsModel(ws))) {
    const p = v && parseAddress(addr);
    if (!v || !p) continue;
    const list = groups.get(v) ?? [];
    list.push({ row: p.box.top, col: p.box.left });
    groups.set(v, list);
  }
  const out: SimDataValidation[] = [];
  for (const [v, cells] of groups) {
    const rule = ruleOf(v);
    if (!rule) continue;
    out.push({
      boxes: cellsToBoxes(cells),
      rule,
      ignoreBlanks: !!v.allowBlank,
      errorAlert: {
        showAlert: !!v.showErrorMessage,
        style: (v.errorStyle ?? "stop").replace(/^./, (c) => c.toUpperCase()),
        title: v.errorTitle ?? "",
        message: v.error ?? "",
      },
      prompt: { showPrompt: !!v.showInputMessage, title: v.promptTitle ?? "", message: v.prompt ?? "" },
    });
  }
  return out;
}

/** List rules only (the template's dropdowns); other kinds are not written back. */
function exportValidations(ws: ExcelJS.Worksheet, list: readonly SimDataValidation[]): void {
  const model = (ws as unknown as { dataValidations: { add(address: string, v: XlsxValidation): void } })
    .dataValidations;
  for (const dv of list) {
    const source = (dv.rule?.list as { source?: string } | undefined)?.source;
    if (typeof source !== "string") continue;
    const v: XlsxValidation = {
      type: "list",
      allowBlank: dv.ignoreBlanks ?? true,
      formulae: [source.startsWith("=") ? source.slice(1) : `"${source}"`],
      showErrorMessage: (dv.errorAlert?.showAlert as boolean | undefined) ?? true,
    };
    for (const b of dv.boxes)
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++)
          model.add(formatBox({ top: r, left: c, bottom: r, right: c }), v);
  }
}

/** ExcelJS quotes every sheet name it writes ('回答'!$A$1); Excel reports 回答!$A$1. */
function requote(ref: string): string {
  const { sheet, address } = splitSheet(ref);
  return sheet === undefined ? ref : `${quoteSheetName(sheet)}!${address}`;
}

export function fromExcelJs(book: ExcelJS.Workbook, options: FromExcelJsOptions = {}): SimWorkbook {
  const date1904 = !!book.properties?.date1904;
  const wb = new SimWorkbook({ settings: options.settings });
  for (const ws of book.worksheets) {
    const sheet = wb.addSheet({
      name: ws.name,
      visibility: STATES[ws.state] ?? "Visible",
      protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet,
    });
    for (const row of rowsOf(ws))
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const c = cellOf(cell, date1904);
        if (c) sheet.putCell(row.number, col, c);
      });
    const merges = (ws.model.merges ?? []).map((m) => parseAddress(m)?.box).filter((b) => !!b);
    if (merges.length) sheet.setMerges(merges);
    const cfs = conditionalFormattingsOf(ws).flatMap((cf, i) =>
      cf.rules.map((rule, j) => {
        const boxes = cf.ref
          .split(/\s+/)
          .map((r) => parseAddress(r)?.box)
          .filter((b) => !!b);
        const r = rule as XlsxCfRule;
        const formula = r.formulae?.[0];
        return {
          id: `xlsx-${ws.id}-${i}-${j}`,
          type: CF_TYPES[r.type] ?? "Custom",
          boxes,
          ...(formula !== undefined ? { formula: formula.startsWith("=") ? formula : `=${formula}` } : {}),
          ...(argb(r.style?.fill?.bgColor) ? { fill: argb(r.style?.fill?.bgColor) } : {}),
          ...(argb(r.style?.font?.color) ? { fontColor: argb(r.style?.font?.color) } : {}),
        };
      }),
    );
    if (cfs.length) sheet.setConditionalFormats(cfs);
    const dvs = importValidations(ws);
    if (dvs.length) sheet.setDataValidations(dvs);
  }
  for (const n of book.definedNames.model ?? []) {
    if (n.name.startsWith("_xlnm.") || !n.ranges?.length) continue;
    wb.setName({ name: n.name, reference: n.ranges.map(requote).join(","), visible: true });
  }
  const active = book.worksheets[book.views?.[0]?.activeTab ?? 0] ?? book.worksheets[0];
  if (active) {
    const cell = active.views?.[0]?.activeCell;
    wb.selection = { sheet: active.name, address: cell && parseAddress(cell) ? cell : "A1" };
  }
  return wb;
}

export async function loadXlsx(
  data: ArrayBuffer | Uint8Array,
  options?: FromExcelJsOptions,
): Promise<SimWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as ArrayBuffer);
  return fromExcelJs(book, options);
}

const XLSX_STATES: Record<SheetVisibility, ExcelJS.WorksheetState> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** The model as an ExcelJS workbook (settings are not written; selection only as the active tab). */
export function toExcelJs(model: SimWorkbook): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  for (const s of model.sheets) {
    const ws = book.addWorksheet(s.name, { state: XLSX_STATES[s.visibility] });
    for (const [r, c, cell] of s.entries()) {
      const x = ws.getCell(r, c);
      if (cell.formula)
        x.value = { formula: cell.formula.slice(1), result: cell.value } as ExcelJS.CellFormulaValue;
      else if (cell.value !== undefined) x.value = cell.value;
      if (cell.numberFormat) x.numFmt = cell.numberFormat;
      if (cell.style?.fill)
        x.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${cell.style.fill.slice(1)}` } };
      if (cell.style?.fontColor || cell.style?.bold || cell.style?.italic)
        x.font = {
          ...(cell.style.fontColor ? { color: { argb: `FF${cell.style.fontColor.slice(1)}` } } : {}),
          ...(cell.style.bold ? { bold: true } : {}),
          ...(cell.style.italic ? { italic: true } : {}),
        };
    }
    for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    if (s.protected) (ws as unknown as { sheetProtection: object }).sheetProtection = { sheet: true };
    exportValidations(ws, s.dataValidations);
    s.conditionalFormats.forEach((cf, i) => {
      if (cf.type !== "Custom" || !cf.formula) return;
      ws.addConditionalFormatting({
        ref: cf.boxes
          .map((b) => `${columnLetters(b.left)}${b.top}:${columnLetters(b.right)}${b.bottom}`)
          .join(" "),
        rules: [
          {
            type: "expression",
            priority: i + 1,
            formulae: [cf.formula.replace(/^=/, "")],
            style: cf.fill
              ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${cf.fill.slice(1)}` } } }
              : {},
          },
        ],
      });
    });
  }
  for (const n of model.names) {
    try {
      const sheet = parseAddress(n.reference)?.sheet;
      if (sheet && model.sheet(sheet)) book.definedNames.add(n.reference, n.name);
    } catch {
      // ExcelJS only stores names that are cell ranges; constants and formulas are dropped.
    }
  }
  const active = model.selection ? model.sheets.findIndex((s) => s.name === model.selection?.sheet) : -1;
  if (active >= 0) book.views = [{ activeTab: active } as ExcelJS.WorkbookView];
  return book;
}

export async function toXlsx(model: SimWorkbook): Promise<Uint8Array> {
  return new Uint8Array((await toExcelJs(model).xlsx.writeBuffer()) as ArrayBuffer);
}
