// In the task pane's bundle, in place of "exceljs/lib/doc/workbook" (see ../library.ts): the workbook
// of ExcelJS's browser build, which carries the Node built-ins its sources would need.
import ExcelJS from "exceljs";

export default ExcelJS.Workbook;
