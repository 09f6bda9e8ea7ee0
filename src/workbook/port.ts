// The workbook port: what Saiten needs of a workbook, whichever adapter serves it (ExcelJS for the
// CLI, Office.js for the add-in). One read() and one write() are one round trip each, so a scoring
// run costs at most three (read, read the mapped cells, write) however many indicators there are.
import type { CellInput } from "../engine/types";
import { type Message, render } from "../messages";

/** One cell as read. `value` is the computed value (a formula's result), never the formula text. */
export interface CellData {
  value: string | number | boolean | Date | null;
  formula?: string;
  numFmt?: string;
  error?: string;
  /** Inside a merged range but not its top-left cell: that cell's A1 address (this one holds nothing). */
  mergedInto?: string;
}

/** A cell as read, as the engine's input: what normalising needs, and where the answer came from. */
export function cellInput(c: CellData | undefined, cell: string): CellInput {
  const input: CellInput = { value: c?.value ?? null, cell };
  if (c?.numFmt) input.numFmt = c.numFmt;
  if (c?.error) input.error = c.error;
  return input;
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
  protected: boolean;
}

export interface DefinedName {
  name: string;
  /** Qualified A1 reference, e.g. 回答!$E$5. */
  ref: string;
}

export interface RangeRead {
  ref: string;
  block?: Block;
  problem?: "sheet-missing" | "invalid-ref";
  /** The range is (part of) a merged area. */
  merged?: boolean;
  /** The range lies outside the sheet's used range. */
  outsideUsed?: boolean;
}

export interface ReadRequest {
  /** Sheets whose used range to read (values, formulas, number formats). */
  used?: readonly string[];
  /** Qualified ranges, e.g. 回答!E6 or 'My Sheet'!A1:B3. */
  ranges?: readonly string[];
  names?: boolean;
  settings?: readonly string[];
}

export interface ReadResult {
  sheets: SheetInfo[];
  /** Used ranges by sheet name; sheets that do not exist are absent. */
  used: Map<string, Block>;
  ranges: RangeRead[];
  names: DefinedName[];
  settings: Record<string, string | undefined>;
}

export interface WriteRequest {
  addSheets?: { name: string; hidden?: boolean }[];
  blocks?: WriteBlock[];
  /** Defined names to add or replace (whether or not they exist: the adapter finds out). */
  names?: DefinedName[];
  /** Defined names to delete; names that do not exist are ignored. */
  deleteNames?: string[];
  /** Settings stored in the workbook; null deletes. */
  settings?: Record<string, string | null>;
  /** Native charts to create (clustered columns from a data range), where the adapter can draw them. */
  charts?: { sheet: string; name: string; dataRange: string; title: string; anchor: string }[];
  /** In-cell dropdown lists (data validation) for answer cells. */
  validations?: { ref: string; list: string[] }[];
  /** Conditional-format marks Saiten owns: add on these ranges, or clear them all first. */
  marks?: { clear?: boolean; add?: string[] };
}

export interface WorkbookPort {
  read(req: ReadRequest): Promise<ReadResult>;
  /** Apply every part, or none of it. */
  write(req: WriteRequest): Promise<void>;
  /** Select a cell or range in the sheet (the add-in); a no-op elsewhere. */
  select(ref: string): Promise<void>;
  /** The selected range as a qualified absolute reference (the add-in); null elsewhere. */
  selection(): Promise<string | null>;
  /** Round trips so far (context.sync calls for Office.js). */
  readonly roundTrips: number;
  /**
   * Follow the sheets (the add-in's worksheet events, which Excel sends after a change): the returned
   * function stops following. Absent where nobody else edits the workbook (files on disk).
   */
  watch?(handlers: SheetWatch): Promise<() => Promise<void>>;
}

export interface SheetWatch {
  /** Cells changed (by the user, another add-in or Saiten itself): a qualified address. */
  changed(address: string): void;
  /** The selection moved: a qualified address. */
  selected(address: string): void;
}

/** A problem the user can act on: the message says what to do. */
export class WorkbookError extends Error {
  constructor(
    readonly code:
      | "protected"
      | "sheet-missing"
      | "name-missing"
      | "cell-edit"
      | "timeout"
      | "outside-used-range"
      | "merged-cell"
      | "formula"
      | "failed",
    /** What to say, from the catalogue: shells render it in their user's language. */
    readonly detail: Message,
    readonly cell?: string,
  ) {
    super(render(detail, "ja"));
    this.name = "WorkbookError";
  }
}

/** A sheet whose used range is larger than a read may cover (stray cells far away, or hostile). */
export class RangeTooLarge extends Error {
  constructor(
    readonly sheet: string,
    readonly cells: number,
    readonly limit: number,
  ) {
    super(`used range of ${sheet}: ${cells} cells`);
    this.name = "RangeTooLarge";
  }
}
