// Office.js enums at run time. Adapter code that writes Excel.ConditionalFormatType.custom compiles
// to a property read on the global `Excel`, which does not exist in Node or in a plain browser tab;
// installOfficeGlobals() provides the enums the simulator understands (and Excel.run, if given).
import { SimOfficeError } from "./errors";

function enumOf(...values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v.charAt(0).toLowerCase() + v.slice(1), v]));
}

/** Excel.ChartType values ("Invalid" is in Office.js's enum but ChartCollection.add refuses it). */
export const CHART_TYPES: readonly string[] = [
  "Invalid",
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "3DColumnClustered",
  "3DColumnStacked",
  "3DColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "3DBarClustered",
  "3DBarStacked",
  "3DBarStacked100",
  "LineStacked",
  "LineStacked100",
  "LineMarkers",
  "LineMarkersStacked",
  "LineMarkersStacked100",
  "PieOfPie",
  "PieExploded",
  "3DPieExploded",
  "BarOfPie",
  "XYScatterSmooth",
  "XYScatterSmoothNoMarkers",
  "XYScatterLines",
  "XYScatterLinesNoMarkers",
  "AreaStacked",
  "AreaStacked100",
  "3DAreaStacked",
  "3DAreaStacked100",
  "DoughnutExploded",
  "RadarMarkers",
  "RadarFilled",
  "Surface",
  "SurfaceWireframe",
  "SurfaceTopView",
  "SurfaceTopViewWireframe",
  "Bubble",
  "Bubble3DEffect",
  "StockHLC",
  "StockOHLC",
  "StockVHLC",
  "StockVOHLC",
  "CylinderColClustered",
  "CylinderColStacked",
  "CylinderColStacked100",
  "CylinderBarClustered",
  "CylinderBarStacked",
  "CylinderBarStacked100",
  "CylinderCol",
  "ConeColClustered",
  "ConeColStacked",
  "ConeColStacked100",
  "ConeBarClustered",
  "ConeBarStacked",
  "ConeBarStacked100",
  "ConeCol",
  "PyramidColClustered",
  "PyramidColStacked",
  "PyramidColStacked100",
  "PyramidBarClustered",
  "PyramidBarStacked",
  "PyramidBarStacked100",
  "PyramidCol",
  "3DColumn",
  "Line",
  "3DLine",
  "3DPie",
  "Pie",
  "XYScatter",
  "3DArea",
  "Area",
  "Doughnut",
  "Radar",
  "Histogram",
  "Boxwhisker",
  "Pareto",
  "RegionMap",
  "Treemap",
  "Waterfall",
  "Sunburst",
  "Funnel",
];

export const CHART_SERIES_BY: readonly string[] = ["Auto", "Columns", "Rows"];

/** Office.js's member names: "3DPie" is _3DPie, "XYScatterLines" is xyscatterLines. */
function chartTypeKey(v: string): string {
  if (v.startsWith("3D")) return `_${v}`;
  if (v.startsWith("XYScatter")) return `xyscatter${v.slice("XYScatter".length)}`;
  return v.charAt(0).toLowerCase() + v.slice(1);
}

/** Excel.ConditionalFormatType values. */
export const CONDITIONAL_FORMAT_TYPES: readonly string[] = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];

export const excelEnums = {
  ConditionalFormatType: enumOf(...CONDITIONAL_FORMAT_TYPES),
  ChartType: Object.fromEntries(CHART_TYPES.map((v) => [chartTypeKey(v), v])),
  ChartSeriesBy: enumOf(...CHART_SERIES_BY),
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
