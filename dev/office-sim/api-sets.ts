// Requirement sets: the simulator can play an older Excel that supports ExcelApi only up to a given
// set (SimOptions.excelApi), so tests show what the add-in does on Office 2019 or LTSC 2021. Excel then
// refuses newer APIs the way office.js does: a method or navigation property is refused when it is
// called (office.js checks those in the page with Office.context.requirements and throws
// ApiNotFound), a scalar property when its load or write reaches Excel at sync.
import { SimOfficeError } from "./errors";

/** A member's set, or the sets for reading and for writing it when they differ. */
export type ApiSet = string | { read: string; write: string };

/**
 * The ExcelApi set of every member the simulator serves, as Microsoft's reference gives it (the
 * "[Api set: ExcelApi x]" remarks of @types/office-js; test/office-requirements.test.ts compares them).
 * Where a remark names a set for an optional argument only (WorksheetProtection.unprotect's
 * password), the entry takes that set, so the simulator errs on refusing.
 */
export const EXCEL_API_SETS: Readonly<Record<string, ApiSet>> = {
  "Application.calculate": "1.1",
  "Application.calculationMode": { read: "1.1", write: "1.8" },
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "Application.suspendScreenUpdatingUntilNextSync": "1.9",
  "Chart.chartType": "1.7",
  "Chart.delete": "1.1",
  "Chart.id": "1.7",
  "Chart.name": "1.1",
  "Chart.setPosition": "1.1",
  "Chart.title": "1.1",
  "ChartCollection.add": "1.1",
  "ChartCollection.getCount": "1.4",
  "ChartCollection.getItem": "1.1",
  "ChartCollection.getItemAt": "1.1",
  "ChartCollection.getItemOrNullObject": "1.4",
  "ChartTitle.text": "1.1",
  "ConditionalFormat.custom": "1.6",
  "ConditionalFormat.delete": "1.6",
  "ConditionalFormat.getRange": "1.6",
  "ConditionalFormat.getRangeOrNullObject": "1.6",
  "ConditionalFormat.id": "1.6",
  "ConditionalFormat.priority": "1.6",
  "ConditionalFormat.stopIfTrue": "1.6",
  "ConditionalFormat.type": "1.6",
  "ConditionalFormatCollection.add": "1.6",
  "ConditionalFormatCollection.clearAll": "1.6",
  "ConditionalFormatCollection.getCount": "1.6",
  "ConditionalFormatCollection.getItem": "1.6",
  "ConditionalFormatRule.formula": "1.6",
  "ConditionalFormatRule.formulaLocal": "1.6",
  "ConditionalRangeFill.clear": "1.6",
  "ConditionalRangeFill.color": "1.6",
  "ConditionalRangeFont.bold": "1.6",
  "ConditionalRangeFont.color": "1.6",
  "ConditionalRangeFormat.fill": "1.6",
  "ConditionalRangeFormat.font": "1.6",
  "CustomConditionalFormat.format": "1.6",
  "CustomConditionalFormat.rule": "1.6",
  "DataValidation.clear": "1.8",
  "DataValidation.errorAlert": "1.8",
  "DataValidation.ignoreBlanks": "1.8",
  "DataValidation.prompt": "1.8",
  "DataValidation.rule": "1.8",
  "DataValidation.type": "1.8",
  "NamedItem.comment": "1.4",
  "NamedItem.delete": "1.4",
  "NamedItem.formula": "1.7",
  "NamedItem.getRange": "1.1",
  "NamedItem.getRangeOrNullObject": "1.4",
  "NamedItem.name": "1.1",
  "NamedItem.scope": "1.4",
  "NamedItem.type": "1.1",
  "NamedItem.value": "1.1",
  "NamedItem.visible": "1.1",
  "NamedItemCollection.add": "1.4",
  "NamedItemCollection.getCount": "1.4",
  "NamedItemCollection.getItem": "1.1",
  "NamedItemCollection.getItemOrNullObject": "1.4",
  "Range.address": "1.1",
  "Range.addressLocal": "1.1",
  "Range.cellCount": "1.1",
  "Range.clear": "1.1",
  "Range.columnCount": "1.1",
  "Range.columnIndex": "1.1",
  "Range.conditionalFormats": "1.6",
  "Range.dataValidation": "1.8",
  "Range.format": "1.1",
  "Range.formulas": "1.1",
  "Range.getAbsoluteResizedRange": "1.7",
  "Range.getCell": "1.1",
  "Range.getColumn": "1.1",
  "Range.getEntireColumn": "1.1",
  "Range.getEntireRow": "1.1",
  "Range.getLastCell": "1.1",
  "Range.getMergedAreasOrNullObject": "1.13",
  "Range.getOffsetRange": "1.1",
  "Range.getResizedRange": "1.2",
  "Range.getRow": "1.1",
  "Range.getUsedRange": "1.2",
  "Range.getUsedRangeOrNullObject": "1.4",
  "Range.isEntireColumn": "1.7",
  "Range.isEntireRow": "1.7",
  "Range.merge": "1.2",
  "Range.numberFormat": "1.1",
  "Range.rowCount": "1.1",
  "Range.rowIndex": "1.1",
  "Range.select": "1.1",
  "Range.text": "1.1",
  "Range.unmerge": "1.2",
  "Range.valueTypes": "1.1",
  "Range.values": "1.1",
  "Range.worksheet": "1.1",
  "RangeAreas.address": "1.9",
  "RangeAreas.addressLocal": "1.9",
  "RangeAreas.areaCount": "1.9",
  "RangeAreas.areas": "1.9",
  "RangeAreas.cellCount": "1.9",
  "RangeCollection.getCount": "1.9",
  "RangeCollection.getItemAt": "1.9",
  "RangeFill.clear": "1.1",
  "RangeFill.color": "1.1",
  "RangeFont.bold": "1.1",
  "RangeFont.color": "1.1",
  "RangeFont.italic": "1.1",
  "RangeFormat.autofitColumns": "1.2",
  "RangeFormat.autofitRows": "1.2",
  "RangeFormat.fill": "1.1",
  "RangeFormat.font": "1.1",
  "Setting.delete": "1.4",
  "Setting.key": "1.4",
  "Setting.value": "1.4",
  "SettingCollection.add": "1.4",
  "SettingCollection.getCount": "1.4",
  "SettingCollection.getItem": "1.4",
  "SettingCollection.getItemOrNullObject": "1.4",
  "Workbook.application": "1.1",
  "Workbook.getActiveCell": "1.7",
  "Workbook.getSelectedRange": "1.1",
  "Workbook.names": "1.1",
  "Workbook.settings": "1.4",
  "Workbook.worksheets": "1.1",
  "Worksheet.activate": "1.1",
  "Worksheet.calculate": "1.6",
  "Worksheet.charts": "1.1",
  "Worksheet.onChanged": "1.7",
  "Worksheet.onSelectionChanged": "1.7",
  "Worksheet.delete": "1.1",
  "Worksheet.getCell": "1.1",
  "Worksheet.getRange": "1.1",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.getUsedRange": "1.2",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.id": "1.1",
  "Worksheet.name": "1.1",
  "Worksheet.position": "1.1",
  "Worksheet.protection": "1.2",
  "Worksheet.visibility": { read: "1.1", write: "1.2" },
  "WorksheetCollection.add": "1.1",
  "WorksheetCollection.getActiveWorksheet": "1.1",
  "WorksheetCollection.getCount": "1.4",
  "WorksheetCollection.getItem": "1.1",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetProtection.protect": "1.2",
  "WorksheetProtection.protected": "1.2",
  "WorksheetProtection.unprotect": "1.7",
};

/** Members every proxy has whatever the set (office.js's ClientObject and collection basics). */
const UNVERSIONED = new Set(["context", "isNullObject", "items", "load", "toJSON", "track", "untrack"]);

export type Access = "read" | "write" | "call";

/** "1.13" > "1.8": numbered sets compare part by part. */
export function compareSets(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

export function setOf(member: string, access: Access): string | undefined {
  const s = EXCEL_API_SETS[member];
  if (s === undefined || typeof s === "string") return s;
  return access === "write" ? s.write : s.read;
}

/** Office.context.requirements.isSetSupported as an Excel supporting ExcelApi up to `limit` answers. */
export function isSetSupportedUpTo(limit: string | undefined, name: string, minVersion?: string): boolean {
  if (name.toLowerCase() !== "excelapi") return false;
  if (limit === undefined) return true;
  return compareSets(minVersion ?? "1.1", limit) <= 0;
}

/** office.js's error for an API the Excel in use does not have (its en-US wording). */
export function apiNotFound(member: string, set: string): SimOfficeError {
  return new SimOfficeError(
    "ApiNotFound",
    `The method or property ${member} is part of the ExcelApi ${set} requirement set, which is not available in your version of Excel.`,
    member,
  );
}

/** Where the simulator notes the APIs a run used and knows the set Excel supports. */
export interface ApiSetHost {
  options: { excelApi?: string };
  stats: { apis: Map<string, Set<Access>> };
}

/**
 * Notes that `member` was used and throws ApiNotFound when the simulated Excel does not have it. A
 * member missing from EXCEL_API_SETS is a simulator bug while a limit is set: it fails loudly.
 */
export function useApi(host: ApiSetHost, member: string, access: Access): void {
  const limit = host.options.excelApi;
  if (limit === undefined) return;
  const uses = host.stats.apis.get(member) ?? new Set<Access>();
  uses.add(access);
  host.stats.apis.set(member, uses);
  const set = setOf(member, access);
  if (set === undefined)
    throw new Error(`office-sim: no requirement set is known for ${member}; add it to EXCEL_API_SETS`);
  if (compareSets(set, limit) > 0) throw apiNotFound(member, set);
}

/**
 * A proxy whose API methods and navigation properties (on its prototypes; its own fields are the
 * simulator's) are refused on access, as office.js refuses them.
 */
export function guardMembers<T extends object>(
  target: T,
  describe: () => { host: ApiSetHost; type: string; scalars: Record<string, unknown> },
): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (
        typeof prop === "string" &&
        !prop.startsWith("_") &&
        !UNVERSIONED.has(prop) &&
        prop in t &&
        !Object.prototype.hasOwnProperty.call(t, prop) &&
        !(prop in Object.prototype)
      ) {
        const { host, type, scalars } = describe();
        // Scalar properties are checked where their load or write runs.
        if (!(prop in scalars)) useApi(host, `${type}.${prop}`, "call");
      }
      return Reflect.get(t, prop, receiver);
    },
  });
}
