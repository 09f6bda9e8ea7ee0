// The one rule for what a cell value in ExcelJS's shape (number, string, boolean, Date, error,
// formula with its cached result, rich text, hyperlink) means to Saiten: the port's CellData. The
// ExcelJS adapter applies it to ExcelJS's cells and the fast reader to the values it reads in the
// same shape, so both answer alike. Types only: nothing here loads ExcelJS.
import type { CellData } from "../workbook/port";

/** A cell value, in the shape ExcelJS's `cell.value` has, with its number format, as CellData. */
export function cellValueData(v: unknown, numFmt: string | undefined): CellData {
  // Empty cells and plain values first, without the helper below: a read builds one of these for
  // every cell of a used range, most of them empty.
  if (v === null || v === undefined || typeof v === "number" || typeof v === "string" || typeof v === "boolean") {
    const d: CellData = { value: v ?? null };
    if (numFmt) d.numFmt = numFmt;
    return d;
  }
  const out = (value: CellData["value"], extra: Partial<CellData> = {}): CellData => {
    const d: CellData = { value, ...extra };
    if (numFmt) d.numFmt = numFmt;
    return d;
  };
  if (v instanceof Date) return out(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return out(null, { error: String(o.error) });
    if ("formula" in o || "sharedFormula" in o) {
      const formula = String(o.formula ?? o.sharedFormula);
      const r = o.result as unknown;
      if (r && typeof r === "object" && "error" in (r as object)) {
        return out(null, { formula, error: String((r as { error: unknown }).error) });
      }
      return out(r === undefined ? null : (r as CellData["value"]), { formula });
    }
    if ("richText" in o) return out((o.richText as { text: string }[]).map((p) => p.text).join(""));
    // A link: what the cell shows under it is the value (a number stays a number, a date a date; a
    // linked cell without a value has none), the address it leads to is not an answer.
    if ("hyperlink" in o) return cellValueData(o.text ?? null, numFmt);
    if ("text" in o) return out(String(o.text));
  }
  return out(String(v));
}
