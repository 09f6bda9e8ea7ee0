// ExcelJS as Saiten uses it: the workbook (with its .xlsx reader and writer) and the value types. Not
// ExcelJS's own entry, which also loads the streaming reader and writer (archiver, unzipper and theirs)
// that Saiten never uses: in Node 20, 661 modules in about 270 ms against 279 modules in about 115 ms
// (2026-12-05) — paid by every `score --out`, every summary workbook and every review worker that
// reads a sheet through ExcelJS. The same classes as ExcelJS's entry gives. The task pane takes
// ExcelJS's browser build for both (webpack.config.js points these two modules at ./browser/).
import Workbook from "exceljs/lib/doc/workbook";
import { ValueType } from "exceljs/lib/doc/enums";

export { Workbook, ValueType };
