// The two modules of ExcelJS that library.ts loads, typed as ExcelJS's entry types them (the same
// classes: its entry re-exports them).
declare module "exceljs/lib/doc/workbook" {
  import type { Workbook } from "exceljs";
  const workbook: typeof Workbook;
  export default workbook;
}

declare module "exceljs/lib/doc/enums" {
  export { ValueType } from "exceljs";
}
