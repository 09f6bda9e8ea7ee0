// The workbook port over ExcelJS, for the CLI (and for files chosen in the pane). Files are read into
// memory; nothing is written back to the input path — saving always goes to a path the caller names.
import type ExcelJS from "exceljs";
import { Workbook, ValueType } from "./library";
import { xlsxBytes } from "./xlsx-bytes";
import { type Box, cellAddress, parseRef, qualified } from "../../excel/a1";
import { cellValueData } from "../cell-data";
import { GridSheet, GridWorkbook, LiveGridSheet } from "../grid-read";
import type { Block, CellData, DefinedName, SheetInfo, WriteRequest } from "../../workbook/port";
import { WorkbookError } from "../../workbook/port";
import { msg } from "../../messages";

/** An ExcelJS cell as CellData: the shared value rule, after what only ExcelJS's cells know (merges). */
function cellData(cell: ExcelJS.Cell): CellData {
  // Inside a merge Excel holds no value (ExcelJS shows the top-left's): say where the value lives.
  const master = (cell as { master?: ExcelJS.Cell }).master;
  if (cell.type === ValueType.Merge && master && master !== cell) {
    const d: CellData = { value: null, mergedInto: master.address };
    if (cell.numFmt) d.numFmt = cell.numFmt;
    return d;
  }
  return cellValueData(cell.value, cell.numFmt || undefined);
}

function hasFormula(cell: ExcelJS.Cell): boolean {
  return cell.type === ValueType.Formula;
}

const MARK_FILL = "FFFFE0E0";

type NameModel = { name: string; ranges: string[] }[];

/** One worksheet as ExcelJS holds it, given to the port: its cells as blocks, its merges. */
class ExcelJsSheet extends LiveGridSheet {
  constructor(private readonly ws: ExcelJS.Worksheet) {
    super(ws.name, ws);
  }

  merges(): readonly Box[] {
    type Merges = Record<string, { model: Box }>;
    return Object.values((this.ws as unknown as { _merges?: Merges })._merges ?? {}).map((m) => m.model);
  }

  block(top: number, left: number, bottom: number, right: number): Block {
    const cells: CellData[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row = this.ws.getRow(r);
      const line: CellData[] = [];
      for (let c = left; c <= right; c++) line.push(cellData(row.getCell(c)));
      cells.push(line);
    }
    return { sheet: this.ws.name, top, left, cells };
  }
}

export class ExcelJsWorkbook extends GridWorkbook {
  constructor(readonly book: ExcelJS.Workbook) {
    super();
  }

  static async open(path: string): Promise<ExcelJsWorkbook> {
    const book = new Workbook();
    await book.xlsx.readFile(path);
    return new ExcelJsWorkbook(book);
  }

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook> {
    const book = new Workbook();
    await book.xlsx.load(data as ArrayBuffer);
    return new ExcelJsWorkbook(book);
  }

  /** The workbook as .xlsx bytes, for the caller to save (through its own safe write). */
  async toBuffer(): Promise<Uint8Array> {
    return xlsxBytes(this.book);
  }

  protected sheetInfo(): SheetInfo[] {
    return this.book.worksheets.map((ws) => ({
      name: ws.name,
      visible: ws.state === "visible" || ws.state === undefined,
      protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    }));
  }

  /** Public here: a sheet the fast reader leaves to ExcelJS is read from a book loaded for it alone. */
  override gridSheet(name: string): GridSheet | undefined {
    const ws = this.book.getWorksheet(name);
    if (!ws) return undefined;
    return new ExcelJsSheet(ws);
  }

  /** ExcelJS's typings leave out the model its defined names keep. */
  private nameModel(): NameModel {
    return (this.book.definedNames as unknown as { model?: NameModel }).model ?? [];
  }

  protected names(): DefinedName[] {
    const out: DefinedName[] = [];
    for (const m of this.nameModel()) for (const ref of m.ranges) out.push({ name: m.name, ref });
    return out;
  }

  protected storedSettings(): Map<string, string> {
    const ws = this.book.getWorksheet(ExcelJsWorkbook.SETTINGS_SHEET);
    const out = new Map<string, string>();
    ws?.eachRow((row) => {
      const k = row.getCell(1).value;
      const v = row.getCell(2).value;
      if (typeof k === "string" && v !== null && v !== undefined) out.set(k, String(v));
    });
    return out;
  }

  async write(req: WriteRequest): Promise<void> {
    this.roundTrips++;
    // Check everything first so that a refused write changes nothing.
    const added = new Set((req.addSheets ?? []).map((s) => s.name));
    for (const b of req.blocks ?? []) {
      const ws = this.book.getWorksheet(b.sheet);
      if (!ws && !added.has(b.sheet))
        throw new WorkbookError("sheet-missing", msg("workbook.sheet-missing", { sheet: b.sheet }));
      if (!ws) continue;
      b.values.forEach((line, i) =>
        line.forEach((v, j) => {
          if (v === null) return;
          if (hasFormula(ws.getCell(b.top + i, b.left + j))) {
            const cell = qualified(b.sheet, cellAddress(b.top + i, b.left + j));
            throw new WorkbookError("formula", msg("workbook.formula", { cell }), cell);
          }
        }),
      );
    }
    for (const s of req.addSheets ?? []) {
      if (!this.book.getWorksheet(s.name))
        this.book.addWorksheet(s.name, { state: s.hidden ? "hidden" : "visible" });
    }
    for (const b of req.blocks ?? []) {
      const ws = this.book.getWorksheet(b.sheet)!;
      b.values.forEach((line, i) =>
        line.forEach((v, j) => {
          const cell = ws.getCell(b.top + i, b.left + j);
          if (v !== null)
            cell.value = typeof v === "string" && v.startsWith("=") ? { formula: v.slice(1) } : v;
          const fmt = b.numFmts?.[i]?.[j];
          if (fmt) cell.numFmt = fmt;
        }),
      );
    }
    for (const v of req.validations ?? []) {
      const r = parseRef(v.ref);
      const ws = r.sheet ? this.book.getWorksheet(r.sheet) : undefined;
      for (let row = r.top; row <= r.bottom && ws; row++) {
        for (let col = r.left; col <= r.right; col++) {
          ws.getCell(row, col).dataValidation = {
            type: "list",
            allowBlank: true,
            showErrorMessage: false,
            formulae: [`"${v.list.join(",")}"`],
          };
        }
      }
    }
    const names = this.book.definedNames as unknown as {
      remove(loc: string, name: string): void;
      add(loc: string, name: string): void;
      removeAllNames?(name: string): void;
    };
    const model = this.nameModel();
    const drop = (name: string) => {
      for (const m of model.filter((x) => x.name === name))
        for (const ref of m.ranges) names.remove(ref, name);
    };
    for (const n of req.deleteNames ?? []) drop(n);
    for (const n of req.names ?? []) {
      drop(n.name);
      names.add(n.ref, n.name);
    }
    if (req.settings) {
      const stored = this.storedSettings();
      for (const [k, v] of Object.entries(req.settings)) {
        if (v === null) stored.delete(k);
        else stored.set(k, v);
      }
      const old = this.book.getWorksheet(ExcelJsWorkbook.SETTINGS_SHEET);
      if (old) this.book.removeWorksheet(old.id);
      if (stored.size) {
        const ws = this.book.addWorksheet(ExcelJsWorkbook.SETTINGS_SHEET, { state: "veryHidden" });
        for (const [k, v] of stored) ws.addRow([k, v]);
      }
    }
    if (req.marks) this.applyMarks(req.marks);
  }

  private applyMarks(marks: NonNullable<WriteRequest["marks"]>): void {
    type Cf = {
      ref: string;
      rules: { type: string; formulae?: string[]; style?: unknown; priority?: number }[];
    };
    for (const ws of this.book.worksheets) {
      const list = ((ws as unknown as { conditionalFormattings?: Cf[] }).conditionalFormattings ??= []);
      if (marks.clear) {
        const kept = list.filter(
          (cf) => !cf.rules.some((r) => r.formulae?.[0] === "TRUE" && (r as { saiten?: boolean }).saiten),
        );
        list.splice(0, list.length, ...kept);
      }
    }
    for (const ref of marks.add ?? []) {
      const r = parseRef(ref);
      const ws = r.sheet ? this.book.getWorksheet(r.sheet) : undefined;
      if (!ws) continue;
      ws.addConditionalFormatting({
        ref: ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, ""),
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: ["TRUE"],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: MARK_FILL } } },
            saiten: true,
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    }
  }
}
