// The number formats Excel does not write into styles.xml because every reader is meant to know them:
// numFmtId → format code, exactly the table ExcelJS uses (its xlsx/defaultnumformats.js). ExcelJS keeps
// only one code per id; the ids whose code depends on the locale (27–36, 50–58 East Asian dates, 59–81
// Thai) it leaves without one, so a cell styled with them has no number format there — nor here.
const BUILTIN: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** The built-in format code of `numFmtId`, or undefined where ExcelJS has none. */
export function builtinNumFmt(numFmtId: number): string | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTIN, numFmtId) ? BUILTIN[numFmtId] : undefined;
}
