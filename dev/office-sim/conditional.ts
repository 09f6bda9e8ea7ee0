// Conditional formats, the way Saiten marks cells without touching their values or formats. A
// range's collection holds every format whose ranges intersect it; clearAll() removes those formats
// whole (Excel trims formats that only partly overlap — not simulated).
import { type Box, intersects, qualify } from "./address";
import { normaliseColor } from "./cells";
import { officeError } from "./errors";
import { CONDITIONAL_FORMAT_TYPES } from "./globals";
import type { SimConditionalFormat, SimSheet } from "./model";
import { type Env, type PropTable, SimCollection, SimObject, SimPart, exposeProps } from "./proxy";
import { type RangeTarget, assertWritable } from "./grid";
import { SimRange, registerConditionalFormats, setClearFormatsHook } from "./range";

interface CfTarget {
  sheet: SimSheet;
  cf: SimConditionalFormat;
}

let nextId = 1;

function update(t: CfTarget, patch: Partial<SimConditionalFormat>, location: string): void {
  assertWritable(t.sheet, location);
  t.sheet.setConditionalFormats(
    t.sheet.conditionalFormats.map((cf) => (cf.id === t.cf.id ? { ...cf, ...patch } : cf)),
  );
}

function removeWhere(sheet: SimSheet, pred: (cf: SimConditionalFormat) => boolean): void {
  const kept = sheet.conditionalFormats.filter((cf) => !pred(cf));
  if (kept.length !== sheet.conditionalFormats.length) sheet.setConditionalFormats(kept);
}

const TYPES = new Set(CONDITIONAL_FORMAT_TYPES);

export class SimConditionalFormatCollection extends SimCollection<RangeTarget, SimConditionalFormatProxy> {
  readonly _type = "ConditionalFormatCollection";

  constructor(private readonly range: SimRange) {
    super(range._ctx);
  }

  _locate(env: Env): RangeTarget | null {
    return this.range._resolve(env);
  }

  _itemKeys(t: RangeTarget): string[] {
    return t.sheet.conditionalFormats
      .filter((cf) => cf.boxes.some((b) => intersects(b, t.box)))
      .map((cf) => `${t.sheet.id}|${cf.id}`);
  }

  _item(key: string): SimConditionalFormatProxy {
    const [sheetId, id] = key.split("|");
    return new SimConditionalFormatProxy(this._ctx, { sheetId, id });
  }

  /** Excel.ConditionalFormatType value ("Custom", …). New formats take the top priority. */
  add(type: string): SimConditionalFormatProxy {
    const ref = { sheetId: "", id: `cf-${nextId++}` };
    const proxy = new SimConditionalFormatProxy(this._ctx, ref);
    this._action("add", [type], (t, _env, location) => {
      if (!TYPES.has(type)) throw officeError("InvalidArgument", `conditional format type ${type}`, location);
      assertWritable(t.sheet, location);
      ref.sheetId = t.sheet.id;
      t.sheet.setConditionalFormats([
        { id: ref.id, type, boxes: [{ ...t.box }] },
        ...t.sheet.conditionalFormats,
      ]);
    });
    return proxy;
  }

  clearAll(): void {
    this._action("clearAll", [], (t, _env, location) => {
      assertWritable(t.sheet, location);
      removeWhere(t.sheet, (cf) => cf.boxes.some((b) => intersects(b, t.box)));
    });
  }

  getItem(id: string): SimConditionalFormatProxy {
    const ref = { sheetId: "", id };
    const proxy = new SimConditionalFormatProxy(this._ctx, ref);
    // Bind to the sheet when the request runs; the id must belong to this range's formats.
    proxy._bind = (env) => {
      const t = this._require(env, "ConditionalFormatCollection.getItem");
      ref.sheetId = t.sheet.id;
    };
    return proxy;
  }
}

const CF_PROPS: PropTable<CfTarget> = {
  id: { read: (t) => t.cf.id },
  type: { read: (t) => t.cf.type },
  priority: { read: (t) => t.sheet.conditionalFormats.findIndex((cf) => cf.id === t.cf.id) },
  stopIfTrue: {
    read: (t) => t.cf.stopIfTrue ?? false,
    write: (t, v, _env, location) => update(t, { stopIfTrue: !!v }, location),
  },
};

export class SimConditionalFormatProxy extends SimObject<CfTarget> {
  readonly _type = "ConditionalFormat";
  _bind: ((env: Env) => void) | undefined;

  constructor(
    ctx: SimRange["_ctx"],
    private readonly ref: { sheetId: string; id: string },
  ) {
    super(ctx);
  }

  _locate(env: Env): CfTarget | null {
    this._bind?.(env);
    const sheet = env.wb.sheetById(this.ref.sheetId);
    const cf = sheet?.conditionalFormats.find((c) => c.id === this.ref.id);
    return sheet && cf ? { sheet, cf } : null;
  }

  _table(): PropTable<CfTarget> {
    return CF_PROPS;
  }

  override _makeNav(name: string): SimObject | undefined {
    return name === "custom" ? new SimCustomFormat(this) : undefined;
  }

  /** Only Custom formats have rule and format here; the other types' details are not simulated. */
  get custom(): SimCustomFormat {
    return this._nav("custom");
  }

  delete(): void {
    this._action("delete", [], (t, _env, location) => {
      assertWritable(t.sheet, location);
      removeWhere(t.sheet, (cf) => cf.id === t.cf.id);
    });
  }

  getRange(): SimRange {
    return new SimRange(this._ctx, (env) => firstBox(this._require(env, "ConditionalFormat.getRange")));
  }

  getRangeOrNullObject(): SimRange {
    return new SimRange(
      this._ctx,
      (env) => {
        const t = this._locate(env);
        return t ? firstBox(t) : null;
      },
      true,
    );
  }

  /** Addresses of all the format's ranges (Excel: getRanges().address). */
  _address(t: CfTarget): string {
    return t.cf.boxes.map((b: Box) => qualify(t.sheet.name, b)).join(",");
  }
}
exposeProps(SimConditionalFormatProxy, CF_PROPS);

function firstBox(t: CfTarget): RangeTarget {
  return { sheet: t.sheet, box: t.cf.boxes[0] };
}

/** A child of a conditional format: same target, located through the parent. */
abstract class CfPart extends SimPart<CfTarget> {
  override _locate(env: Env): CfTarget | null {
    const t = super._locate(env);
    if (t && t.cf.type !== "Custom")
      throw officeError("InvalidOperation", `a ${t.cf.type} format has no custom rule`, this._type);
    return t;
  }
}

class SimCustomFormat extends CfPart {
  readonly _type = "CustomConditionalFormat";

  _table(): PropTable<CfTarget> {
    return {};
  }

  override _makeNav(name: string): SimObject | undefined {
    if (name === "rule") return new SimCfRule(this);
    if (name === "format") return new SimCfFormat(this);
    return undefined;
  }

  get rule(): SimCfRule {
    return this._nav("rule");
  }

  get format(): SimCfFormat {
    return this._nav("format");
  }
}

const RULE_PROPS: PropTable<CfTarget> = {
  formula: {
    read: (t) => t.cf.formula ?? null,
    write: (t, v, _env, location) => update(t, { formula: String(v) }, location),
  },
  formulaLocal: {
    read: (t) => t.cf.formula ?? null,
    write: (t, v, _env, location) => update(t, { formula: String(v) }, location),
  },
};

class SimCfRule extends CfPart {
  readonly _type = "ConditionalFormatRule";

  _table(): PropTable<CfTarget> {
    return RULE_PROPS;
  }
}
exposeProps(SimCfRule, RULE_PROPS);

class SimCfFormat extends CfPart {
  readonly _type = "ConditionalRangeFormat";

  _table(): PropTable<CfTarget> {
    return {};
  }

  override _makeNav(name: string): SimObject | undefined {
    if (name === "fill") return new SimCfFill(this);
    if (name === "font") return new SimCfFont(this);
    return undefined;
  }

  get fill(): SimCfFill {
    return this._nav("fill");
  }

  get font(): SimCfFont {
    return this._nav("font");
  }
}

const CF_FILL_PROPS: PropTable<CfTarget> = {
  color: {
    read: (t) => t.cf.fill ?? null,
    write: (t, v, _env, location) => update(t, { fill: normaliseColor(v, location) }, location),
  },
};

class SimCfFill extends CfPart {
  readonly _type = "ConditionalRangeFill";

  _table(): PropTable<CfTarget> {
    return CF_FILL_PROPS;
  }

  clear(): void {
    this._action("clear", [], (t, _env, location) => update(t, { fill: undefined }, location));
  }
}
exposeProps(SimCfFill, CF_FILL_PROPS);

const CF_FONT_PROPS: PropTable<CfTarget> = {
  color: {
    read: (t) => t.cf.fontColor ?? null,
    write: (t, v, _env, location) => update(t, { fontColor: normaliseColor(v, location) }, location),
  },
  bold: {
    read: (t) => t.cf.bold ?? null,
    write: (t, v, _env, location) => update(t, { bold: !!v }, location),
  },
};

class SimCfFont extends CfPart {
  readonly _type = "ConditionalRangeFont";

  _table(): PropTable<CfTarget> {
    return CF_FONT_PROPS;
  }
}
exposeProps(SimCfFont, CF_FONT_PROPS);

registerConditionalFormats((r) => new SimConditionalFormatCollection(r));
// Range.clear("Formats"/"All") removes the conditional formats it covers, as in Excel.
setClearFormatsHook((t) => removeWhere(t.sheet, (cf) => cf.boxes.some((b: Box) => intersects(b, t.box))));
