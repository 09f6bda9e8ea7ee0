// The workbook port: what Saiten needs of a workbook, whichever adapter serves it (ExcelJS for the
// CLI, Office.js for the add-in). Reads and writes are whole blocks so an adapter can batch them.

/** One cell as read. `value` is the computed value (a formula's result), never the formula text. */
export interface CellData {
  value: string | number | boolean | Date | null;
  formula?: string;
  numFmt?: string;
  error?: string;
}

/** A rectangular block of cells; top/left are 1-based. */
export interface Block {
  sheet: string;
  top: number;
  left: number;
  cells: CellData[][];
}

export type WriteValue = string | number | boolean | null;

/** A block to write: `null` leaves a cell untouched, so one 2-D array can cover a whole block. */
export interface WriteBlock {
  sheet: string;
  top: number;
  left: number;
  values: WriteValue[][];
  /** Optional number formats per cell (null = leave). */
  numFmts?: (string | null)[][];
}

export interface SheetInfo {
  name: string;
  visible: boolean;
}

export interface DefinedName {
  name: string;
  /** Qualified A1 reference, e.g. 回答!$E$5. */
  ref: string;
}

export interface WorkbookPort {
  sheets(): Promise<SheetInfo[]>;
  /** The used range of each named sheet, read in one batch. Missing sheets are absent from the map. */
  readUsed(sheets: readonly string[]): Promise<Map<string, Block>>;
  /** Several ranges ("Sheet!A1:B3") in one batch. */
  readRanges(refs: readonly string[]): Promise<Block[]>;
  definedNames(): Promise<DefinedName[]>;
  /** Apply every block, or none of them. */
  write(blocks: readonly WriteBlock[]): Promise<void>;
}
