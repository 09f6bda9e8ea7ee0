// Opening a national tally from bytes, whichever form the user has: MHLW's workbook (.xlsx, its year
// from the title row) or the JSON `saiten tally import` wrote (saiten.tally/1). Shared by the CLI and
// the task pane, so both accept the same files and say the same things about them.
import { type Limits, TALLY_LIMITS } from "../files/limits";
import { decodeText } from "../files/text";
import { msg } from "../messages";
import { CheckedPackage, PackageRefused } from "../files/inspect-workbook";
import { readWorkbook } from "../adapters/read-workbook";
import type { WorkbookPort } from "../workbook/port";
import { loadBundled } from "../rulebooks/load-bundled";
import type { Rulebook } from "../rulebooks/schema";
import { parseTallyDocument } from "./document-schema";
import { parseTally, TallyError, tallySheetOf, yearFromTitle } from "./read";
import type { TallyRead } from "./types";
import { isJson } from "./sniff";

export interface OpenedTally extends TallyRead {
  /** File name the tally came from (the JSON's own source when it names one). */
  source: string;
}

/** The bundled item-level rulebook a tally of that year is read with (loaded when first needed). */
function tallyRulebookFor(fiscalYear: number): Promise<Rulebook | undefined> {
  return loadBundled(`kaigo-municipal-fy${fiscalYear}`);
}

/** Reads the workbook with the rulebook of its year (from the title row unless given). */
async function readTallyWorkbook(
  port: WorkbookPort,
  year?: number,
  onRows?: (rows: number) => void,
): Promise<TallyRead> {
  const sheet = await tallySheetOf(port);
  const y = year ?? yearFromTitle(sheet.title);
  if (y === null) {
    // A sheet that is no tally at all should say so rather than ask for a year: parsing it with any
    // item-level rulebook throws that (it is only the error path that reads the sheet for nothing).
    const any = await tallyRulebookFor(2026);
    if (!any) throw new TallyError(msg("tally.no-rulebook", { year: 2026 }));
    await parseTally(sheet, { rulebook: any });
    throw new TallyError(msg("tally.no-year"));
  }
  const rulebook = await tallyRulebookFor(y);
  if (!rulebook)
    throw new TallyError(msg("tally.no-rulebook", { year: y }));
  return parseTally(sheet, { rulebook, fiscalYear: y, onRows });
}

/**
 * Either form of a tally, checked before anything parses it: the JSON as text (UTF-8, nesting, syntax,
 * then its schema), the workbook against the limits (size, unpacked bytes, rows, cells).
 */
export async function openTally(
  data: Uint8Array,
  fileName: string,
  options: { year?: number; limits?: Limits; onRows?: (rows: number) => void } = {},
): Promise<OpenedTally> {
  if (isJson(data)) {
    const doc = parseTallyDocument(decodeText(data, fileName), fileName);
    if (options.year !== undefined && doc.fiscalYear !== null && doc.fiscalYear !== options.year)
      throw new TallyError(msg("tally.year-differs", { file: fileName, year: doc.fiscalYear, given: options.year }));
    return { ...doc, source: doc.source || fileName };
  }
  const limits = options.limits ?? TALLY_LIMITS;
  // Every part checked before any is parsed (a tally is read once, by one reader or the other); the
  // reader then takes the parts from the check instead of inflating them again.
  let pkg: CheckedPackage;
  try {
    pkg = new CheckedPackage(data, fileName, limits);
    pkg.checkAll();
  } catch (e) {
    if (e instanceof PackageRefused) throw new TallyError(e.detail);
    throw e;
  }
  try {
    const readPort = (port: WorkbookPort) => readTallyWorkbook(port, options.year, options.onRows);
    const read = await readWorkbook(data, fileName, limits, readPort, pkg);
    return { ...read, source: fileName };
  } catch (e) {
    // The reader knows sheets and cells, not the file: the message names it here.
    if (e instanceof TallyError && e.detail.params?.file === undefined)
      throw new TallyError(msg("cli.in-file", { file: fileName, detail: e.detail }));
    throw e;
  }
}
