// Office.js enums at run time. Adapter code that writes Excel.ConditionalFormatType.custom compiles
// to a property read on the global `Excel`, which does not exist in Node or in a plain browser tab;
// installOfficeGlobals() provides the enums the simulator understands (and Excel.run, if given).
import { SimOfficeError } from "./errors";

function enumOf(...values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v.charAt(0).toLowerCase() + v.slice(1), v]));
}

export const excelEnums = {
  ConditionalFormatType: enumOf(
    "Custom",
    "DataBar",
    "ColorScale",
    "IconSet",
    "TopBottom",
    "PresetCriteria",
    "ContainsText",
    "CellValue",
  ),
  SheetVisibility: enumOf("Visible", "Hidden", "VeryHidden"),
  ClearApplyTo: enumOf("All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"),
  NamedItemType: enumOf("String", "Integer", "Double", "Boolean", "Range", "Error", "Array"),
  RangeValueType: enumOf("Unknown", "Empty", "String", "Integer", "Double", "Boolean", "Error", "RichValue"),
  CalculationMode: enumOf("Automatic", "AutomaticExceptTables", "Manual"),
  ErrorCodes: enumOf(
    "AccessDenied",
    "GeneralException",
    "InvalidArgument",
    "InvalidOperation",
    "InvalidOperationInCellEditMode",
    "InvalidReference",
    "InvalidSelection",
    "ItemAlreadyExists",
    "ItemNotFound",
    "NotImplemented",
    "ResponsePayloadSizeLimitExceeded",
  ),
};

export const officeExtensionGlobals = {
  Error: SimOfficeError,
  ErrorCodes: enumOf(
    "AccessDenied",
    "GeneralException",
    "InvalidArgument",
    "InvalidObjectPath",
    "InvalidRequestContext",
    "PropertyNotLoaded",
    "RunMustReturnPromise",
    "ValueNotLoaded",
  ),
};

/**
 * Define `Excel` and `OfficeExtension` on the global object where they are missing (never replacing
 * the real ones), optionally with `Excel.run` bound to a simulator. Returns a function that undoes it.
 */
export function installOfficeGlobals(run?: unknown, target: object = globalThis): () => void {
  const g = target as Record<string, unknown>;
  const added: string[] = [];
  if (g.Excel === undefined) {
    g.Excel = { ...excelEnums, ...(run ? { run } : {}) };
    added.push("Excel");
  }
  if (g.OfficeExtension === undefined) {
    g.OfficeExtension = { ...officeExtensionGlobals };
    added.push("OfficeExtension");
  }
  return () => {
    for (const k of added) delete g[k];
  };
}
