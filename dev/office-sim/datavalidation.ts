// Range.dataValidation: the template's answer dropdowns. Rules are kept as Office.js writes them and
// cut like Excel cuts them: setting or clearing a range removes just that range from older rules.
// Whether cell values satisfy a rule (`valid`, getInvalidCells) is not simulated.
import { type Box, intersects, subtract } from "./address";
import type { SimDataValidation, SimSheet } from "./model";
import { type PropTable, SimPart, exposeProps } from "./proxy";
import { type RangeTarget, assertWritable } from "./grid";
import { registerDataValidation } from "./range";

const TYPES: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  list: "List",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

const DEFAULT_ALERT = { showAlert: true, style: "Stop", title: "", message: "" };
const DEFAULT_PROMPT = { showPrompt: false, title: "", message: "" };

function copy<T>(v: T): T {
  return v === undefined || v === null ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Remove a box from every rule on the sheet, dropping rules left with nothing. */
function cut(sheet: SimSheet, box: Box): void {
  let changed = false;
  const next: SimDataValidation[] = [];
  for (const dv of sheet.dataValidations) {
    if (!dv.boxes.some((b) => intersects(b, box))) {
      next.push(dv);
      continue;
    }
    changed = true;
    const boxes = dv.boxes.flatMap((b) => subtract(b, box));
    if (boxes.length) next.push({ ...dv, boxes });
  }
  if (changed) sheet.setDataValidations(next);
}

/** The one rule that covers exactly this range, if there is one. */
function exact(t: RangeTarget): SimDataValidation | undefined {
  const b = t.box;
  return t.sheet.dataValidations.find(
    (dv) =>
      dv.boxes.length === 1 &&
      dv.boxes[0].top === b.top &&
      dv.boxes[0].left === b.left &&
      dv.boxes[0].bottom === b.bottom &&
      dv.boxes[0].right === b.right,
  );
}

/** Update the rule on exactly this range, creating it (after cutting older ones) if needed. */
function patch(t: RangeTarget, change: Partial<SimDataValidation>, location: string): void {
  assertWritable(t.sheet, location);
  const found = exact(t);
  if (found) {
    t.sheet.setDataValidations(
      t.sheet.dataValidations.map((dv) => (dv === found ? { ...dv, ...change } : dv)),
    );
    return;
  }
  cut(t.sheet, t.box);
  t.sheet.setDataValidations([...t.sheet.dataValidations, { boxes: [{ ...t.box }], rule: null, ...change }]);
}

/** The rule covering the whole range, "mixed" when several apply, null when none. */
function covering(t: RangeTarget): SimDataValidation | "mixed" | null {
  const hits = t.sheet.dataValidations.filter((dv) => dv.boxes.some((b) => intersects(b, t.box)));
  if (!hits.length) return null;
  return hits.length === 1 ? hits[0] : "mixed";
}

const DV_PROPS: PropTable<RangeTarget> = {
  type: {
    read: (t) => {
      const dv = covering(t);
      if (dv === null || (dv !== "mixed" && !dv.rule)) return "None";
      if (dv === "mixed") return "MixedCriteria";
      return TYPES[Object.keys(dv.rule ?? {})[0]] ?? "Custom";
    },
  },
  rule: {
    read: (t) => {
      const dv = covering(t);
      return dv === null ? {} : dv === "mixed" ? null : copy(dv.rule ?? {});
    },
    write: (t, v, _env, location) => patch(t, { rule: copy(v as Record<string, unknown>) }, location),
  },
  errorAlert: {
    read: (t) => {
      const dv = covering(t);
      return dv === "mixed" ? null : copy({ ...DEFAULT_ALERT, ...dv?.errorAlert });
    },
    write: (t, v, _env, location) => patch(t, { errorAlert: copy(v as Record<string, unknown>) }, location),
  },
  prompt: {
    read: (t) => {
      const dv = covering(t);
      return dv === "mixed" ? null : copy({ ...DEFAULT_PROMPT, ...dv?.prompt });
    },
    write: (t, v, _env, location) => patch(t, { prompt: copy(v as Record<string, unknown>) }, location),
  },
  ignoreBlanks: {
    read: (t) => {
      const dv = covering(t);
      return dv === "mixed" ? null : (dv?.ignoreBlanks ?? true);
    },
    write: (t, v, _env, location) => patch(t, { ignoreBlanks: !!v }, location),
  },
};

export class SimDataValidationProxy extends SimPart<RangeTarget> {
  readonly _type = "DataValidation";

  _table(): PropTable<RangeTarget> {
    return DV_PROPS;
  }

  clear(): void {
    this._action("clear", [], (t, _env, location) => {
      assertWritable(t.sheet, location);
      cut(t.sheet, t.box);
    });
  }
}
exposeProps(SimDataValidationProxy, DV_PROPS);

registerDataValidation((r) => new SimDataValidationProxy(r));
