// The workbook port over ExcelJS, for the CLI. Files are read into memory; nothing is written back to
// the input path — saving always goes to a path the caller names.
import ExcelJS from "exceljs";
import { parseRef, qualified, rangeAddress } from "./a1";
import type { Block, CellData, DefinedName, SheetInfo, WorkbookPort, WriteBlock } from "./port";

export function cellData(cell: ExcelJS.Cell): CellData {
  const v = cell.value as unknown;
  const numFmt = cell.numFmt || undefined;
  const out = (value: CellData["value"], extra: Partial<CellData> = {}): CellData => {
    const d: CellData = { value, ...extra };
    if (numFmt) d.numFmt = numFmt;
    return d;
  };
  if (v === null || v === undefined) return out(null);
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return out(v);
  if (v instanceof Date) return out(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return out(null, { error: String(o.error) });
    if ("formula" in o || "sharedFormula" in o) {
      const formula = String(o.formula ?? o.sharedFormula);
      const r = o.result as unknown;
      if (r && typeof r === "object" && "error" in (r as object))
        return out(null, { formula, error: String((r as { error: unknown }).error) });
      return out(r === undefined ? null : (r as CellData["value"]), { formula });
    }
    if ("richText" in o) return out((o.richText as { text: string }[]).map((p) => p.text).join(""));
    if ("text" in o) return out(String(o.text));
  }
  return out(String(v));
}

function hasFormula(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Formula;
}

export class ExcelJsWorkbook implements WorkbookPort {
  constructor(readonly book: ExcelJS.Workbook) {}

  static async open(path: string): Promise<ExcelJsWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    return new ExcelJsWorkbook(book);
  }

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as ArrayBuffer);
    return new ExcelJsWorkbook(book);
  }

  async save(path: string): Promise<void> {
    await this.book.xlsx.writeFile(path);
  }

  async sheets(): Promise<SheetInfo[]> {
    return this.book.worksheets.map((ws) => ({
      name: ws.name,
      visible: ws.state === "visible" || ws.state === undefined,
    }));
  }

  async readUsed(sheets: readonly string[]): Promise<Map<string, Block>> {
    const out = new Map<string, Block>();
    for (const name of sheets) {
      const ws = this.book.getWorksheet(name);
      if (!ws) continue;
      const rows = ws.rowCount;
      const cols = ws.columnCount;
      out.set(name, this.block(ws, 1, 1, rows, cols));
    }
    return out;
  }

  async readRanges(refs: readonly string[]): Promise<Block[]> {
    return refs.map((ref) => {
      const r = parseRef(ref);
      if (!r.sheet) throw new Error(`reference without a sheet: ${ref}`);
      const ws = this.book.getWorksheet(r.sheet);
      if (!ws) throw new Error(`シート「${r.sheet}」がありません。`);
      return this.block(ws, r.top, r.left, r.bottom, r.right);
    });
  }

  private block(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): Block {
    const cells: CellData[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row = ws.getRow(r);
      const line: CellData[] = [];
      for (let c = left; c <= right; c++) line.push(cellData(row.getCell(c)));
      cells.push(line);
    }
    return { sheet: ws.name, top, left, cells };
  }

  async definedNames(): Promise<DefinedName[]> {
    const model =
      (this.book.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
    const out: DefinedName[] = [];
    for (const m of model) for (const ref of m.ranges) out.push({ name: m.name, ref });
    return out;
  }

  async write(blocks: readonly WriteBlock[]): Promise<void> {
    // Check everything first so that a refused write changes nothing.
    for (const b of blocks) {
      const ws = this.book.getWorksheet(b.sheet);
      if (!ws) throw new Error(`シート「${b.sheet}」がありません。`);
      b.values.forEach((line, i) =>
        line.forEach((v, j) => {
          if (v === null) return;
          if (hasFormula(ws.getCell(b.top + i, b.left + j))) {
            throw new Error(
              `${qualified(b.sheet, rangeAddress({ top: b.top + i, left: b.left + j, bottom: b.top + i, right: b.left + j }))} は数式のセルです。上書きしません。`,
            );
          }
        }),
      );
    }
    for (const b of blocks) {
      const ws = this.book.getWorksheet(b.sheet)!;
      b.values.forEach((line, i) =>
        line.forEach((v, j) => {
          const cell = ws.getCell(b.top + i, b.left + j);
          if (v !== null) cell.value = v;
          const fmt = b.numFmts?.[i]?.[j];
          if (fmt) cell.numFmt = fmt;
        }),
      );
    }
  }
}
