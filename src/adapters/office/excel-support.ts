// Which Excel the add-in runs in, by Office.context.requirements.isSetSupported, and what it leaves
// out where a feature needs a newer ExcelApi set than the manifest asks for. Every Excel API the
// adapter calls, with its set, is listed in docs/excel-api-requirements.md.

/** The ExcelApi set manifest.xml requires: an older Excel does not offer the add-in at all. */
export const MANIFEST_EXCEL_API = "1.7";
/** Everything works from this set on: Office 2021 / LTSC 2021. */
export const FULL_EXCEL_API = "1.14";

/** Office.context.requirements.isSetSupported. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** The features that need a newer set than MANIFEST_EXCEL_API, with the set each needs. */
export const OPTIONAL_FEATURES = {
  /** Dropdown lists (data validation) in the answer cells of a new answer sheet: Range.dataValidation. */
  answerDropdowns: "1.8",
  /** The warning that a mapped answer cell is merged: Range.getMergedAreasOrNullObject. */
  mergedCellCheck: "1.13",
} as const;

export type OptionalFeature = keyof typeof OPTIONAL_FEATURES;
export type ExcelFeatures = Readonly<Record<OptionalFeature, boolean>>;

export const ALL_FEATURES: ExcelFeatures = { answerDropdowns: true, mergedCellCheck: true };

export interface ExcelSupport {
  /** The highest numbered ExcelApi set this Excel supports ("1.8"), or null when it says none. */
  excelApi: string | null;
  features: ExcelFeatures;
  /** The features this Excel lacks, in OPTIONAL_FEATURES order. */
  missing: OptionalFeature[];
}

/** A check that answers false instead of throwing (an Office too old to know the question). */
function safe(isSetSupported: IsSetSupported): IsSetSupported {
  return (name, minVersion) => {
    try {
      return isSetSupported(name, minVersion) === true;
    } catch {
      return false;
    }
  };
}

/** Sets are cumulative, so the highest is the last 1.x that is supported (1.1 … 1.40 are asked). */
export function highestExcelApi(isSetSupported: IsSetSupported): string | null {
  const check = safe(isSetSupported);
  let found: string | null = null;
  for (let minor = 1; minor <= 40; minor++) {
    if (!check("ExcelApi", `1.${minor}`)) break;
    found = `1.${minor}`;
  }
  return found;
}

export function excelSupport(isSetSupported: IsSetSupported): ExcelSupport {
  const check = safe(isSetSupported);
  const entries = Object.entries(OPTIONAL_FEATURES) as [OptionalFeature, string][];
  const features = Object.fromEntries(
    entries.map(([f, set]) => [f, check("ExcelApi", set)]),
  ) as ExcelFeatures;
  return {
    excelApi: highestExcelApi(check),
    features,
    missing: entries.filter(([f]) => !features[f]).map(([f]) => f),
  };
}

/** What the Office.js of the page says, or null outside Office (preview, tests). */
export function officeExcelSupport(): ExcelSupport | null {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: unknown } } } })
    .Office;
  let requirements;
  try {
    requirements = office?.context?.requirements;
  } catch {
    return null;
  }
  if (!requirements || typeof requirements.isSetSupported !== "function") return null;
  const isSetSupported = requirements.isSetSupported as IsSetSupported;
  return excelSupport((name, minVersion) => isSetSupported.call(requirements, name, minVersion));
}
