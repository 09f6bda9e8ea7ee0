// What one cell holds and how Excel turns what an add-in writes into it. Excel does not store the
// string "12" an add-in writes to `values`: it parses it like typed input. The simulator reproduces
// the common cases so adapters see the values Excel would give back.
import { isExcelErrorText } from "../../src/engine/normalise";
import { officeError } from "./errors";

export type SimValue = string | number | boolean;

export interface CellStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

/** One stored cell. Objects are replaced, never mutated, so the undo journal can keep the old one. */
export interface SimCell {
  /** Constant or a formula's cached result; absent for a blank cell (read as ""). */
  value?: SimValue;
  /** Formula text with its leading "=". */
  formula?: string;
  /** Absent means "General". */
  numberFormat?: string;
  style?: CellStyle;
}

export function isEmptyCell(c: SimCell | undefined): boolean {
  return !c || (c.value === undefined && c.formula === undefined && !c.numberFormat && !c.style);
}

/** Counted by getUsedRange(true): a value or a formula. */
export function hasContent(c: SimCell | undefined): boolean {
  return !!c && (c.value !== undefined || c.formula !== undefined);
}

export function readValue(c: SimCell | undefined): SimValue {
  return c?.value ?? "";
}

export function readFormula(c: SimCell | undefined): SimValue {
  return c?.formula ?? readValue(c);
}

export function readNumberFormat(c: SimCell | undefined): string {
  return c?.numberFormat ?? "General";
}

export function readValueType(c: SimCell | undefined): string {
  const v = c?.value;
  if (v === undefined) return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return isExcelErrorText(v) ? "Error" : "String";
}

/** The result of writing one array entry: leave the cell, or the new content. */
export type Input = "skip" | { value?: SimValue; formula?: string; numberFormat?: string };

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const PERCENT = /^\s*([+-]?(\d+(\.\d*)?|\.\d+))\s*%\s*$/;

/**
 * Interpret one entry written to `values` or `formulas` the way Excel does. office.js sends entries as
 * JSON, so NaN, Infinity and undefined arrive as null and leave the cell alone, and a Date arrives as
 * its ISO string. Dates typed as text ("2024/4/1") stay strings here: date parsing is locale-bound.
 */
export function coerceInput(raw: unknown, currentFormat: string | undefined, location: string): Input {
  if (raw === null || raw === undefined) return "skip";
  if (typeof raw === "number") return Number.isFinite(raw) ? { value: raw } : "skip";
  if (typeof raw === "boolean") return { value: raw };
  if (raw instanceof Date) return { value: raw.toJSON() ?? "" };
  if (typeof raw !== "string")
    throw officeError("InvalidArgument", `cannot write ${typeof raw} to a cell`, location);
  if (raw === "") return {};
  if (raw.startsWith("=") && raw.length > 1) return { formula: raw };
  if (raw.startsWith("'")) return { value: raw.slice(1) };
  if (currentFormat === "@") return { value: raw };
  if (NUMBER.test(raw)) return { value: Number(raw) };
  const pct = PERCENT.exec(raw);
  if (pct) {
    const decimals = (pct[1].split(".")[1] ?? "").length;
    const value = Number(pct[1]) / 100;
    const fmt =
      !currentFormat || currentFormat === "General"
        ? decimals
          ? `0.${"0".repeat(decimals)}%`
          : "0%"
        : undefined;
    return fmt ? { value, numberFormat: fmt } : { value };
  }
  const upper = raw.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  return { value: raw };
}

/** Apply an entry to a cell; returns the new cell (undefined when nothing is left in it). */
export function applyInput(old: SimCell | undefined, input: Exclude<Input, "skip">): SimCell | undefined {
  const next: SimCell = {};
  if (input.value !== undefined && input.value !== "") next.value = input.value;
  if (input.formula !== undefined) next.formula = input.formula;
  const fmt = input.numberFormat ?? old?.numberFormat;
  if (fmt) next.numberFormat = fmt;
  if (old?.style) next.style = old.style;
  return isEmptyCell(next) ? undefined : next;
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  purple: "#800080",
  pink: "#FFC0CB",
};

/** Excel reads colours back as #RRGGBB in upper case, whatever name or case was written. */
export function normaliseColor(color: unknown, location: string): string {
  if (typeof color !== "string") throw officeError("InvalidArgument", "colour must be a string", location);
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) throw officeError("InvalidArgument", `not a colour: ${color}`, location);
  return `#${m[1].toUpperCase()}`;
}

/**
 * Range.text: the displayed string. Enough of Excel's formatting for the formats Saiten meets
 * (General, fixed decimals, thousands separators, percents, dates as yyyy/m/d); anything else falls
 * back to the General rendering.
 */
export function formatText(value: SimValue, numberFormat: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fmt = numberFormat.split(";")[0];
  const pct = /^(#,##)?0(\.(0+))?%$/.exec(fmt);
  if (pct) return `${(value * 100).toFixed(pct[3]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(\.(0+))?$/.exec(fmt);
  if (fixed) {
    const s = value.toFixed(fixed[3]?.length ?? 0);
    return fixed[1] ? groupThousands(s) : s;
  }
  if (/[yd]/i.test(fmt) && !/^General$/i.test(fmt)) return serialToDateText(value);
  return generalNumber(value);
}

function groupThousands(s: string): string {
  const [int, frac] = s.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Excel's General format fits a number in 11 characters, switching to scientific when it must. */
function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e-9 && abs < 1e11)
    for (let p = 10; p >= 1; p--) {
      const s = String(Number(n.toPrecision(p)));
      if (s.length <= 11 && !s.includes("e")) return s;
    }
  return n
    .toExponential(5)
    .replace(/\.?0+e/, "e")
    .replace(/e([+-])(\d)$/, "e$10$2")
    .replace("e", "E");
}

/** Excel serial (1900 system) to yyyy/m/d. */
export function serialToDateText(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86400000));
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
}

/** JS Date to an Excel serial, as ExcelJS computes it (UTC; 1904 system when the book uses it). */
export function dateToSerial(d: Date, date1904 = false): number {
  return 25569 + d.getTime() / 86400000 - (date1904 ? 1462 : 0);
}
