// Which number formats make a number a date, and the serial → Date conversion, by ExcelJS's rules
// (its utils.isDateFmt and utils.excelToDate), so that the reader's values are ExcelJS's to the
// millisecond. The rule is ExcelJS's, not Excel's: a format is a date format when, outside [...]
// sections and "..." literals, it has any of the letters y m d h M s b — so '0.0"日"' is not one,
// while '[$-411]ggge"年"m"月"d"日"' and elapsed times like '[h]:mm' are.
import { ownText } from "../../numbers/own-text";

/** Does ExcelJS read a number in format `fmt` as a date? */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let known = dateFormats.get(fmt);
  if (known === undefined) {
    const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
    known = /[ymdhMsb]+/.test(bare);
    // Asked once per cell: a workbook has a handful of formats, a hostile one no more than this. The
    // formats outlive the workbook whose styles' text they were read from (see ownText).
    if (dateFormats.size >= 4096) dateFormats.clear();
    dateFormats.set(ownText(fmt), known);
  }
  return known;
}
const dateFormats = new Map<string, boolean>();

/** Serial of 1970-01-01 in the 1900 system; the 1904 system's serials start 1462 days later. */
const UNIX_EPOCH_SERIAL = 25569;
const SYSTEM_1904_OFFSET = 1462;

/**
 * A date serial as ExcelJS turns it into a Date: UTC, rounded to the millisecond. Like ExcelJS it knows
 * nothing of Excel's fictitious 1900-02-29 (serial 60), so serials before March 1900 come out a day early.
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  // The same operations in the same order as ExcelJS, so that rounding lands on the same millisecond.
  const days = serial - UNIX_EPOCH_SERIAL + (date1904 ? SYSTEM_1904_OFFSET : 0);
  return new Date(Math.round(days * 24 * 3600 * 1000));
}
