// In the task pane's bundle, in place of "exceljs/lib/doc/enums" (see ../library.ts).
import ExcelJS from "exceljs";

export const ValueType = ExcelJS.ValueType;
