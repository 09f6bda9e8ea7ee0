// Conversion between a rulebook and the 配点表 workbook layout (docs/haitenhyo.md), both ways.
// Pure: the workbook arrives as plain cell values, so the CLI (ExcelJS) and the add-in share one
// reader, and every problem can name the cell a clerk has to fix.
export type { TableBook, TableCell } from "./cells";
export { rulebookToTable } from "./export";
export { tableToRulebook } from "./import";
export { TABLE_LISTS, TABLE_SUBHEADERS } from "./layout";
export { formatTableProblem, TableProblem } from "./problems";
