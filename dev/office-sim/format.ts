// Range.format: fill and font, stored per cell. Column widths, borders and alignment are not
// simulated; autofit is accepted and does nothing.
import { normaliseColor } from "./cells";
import { type RangeTarget, readStyle, writeStyle } from "./grid";
import { type PropTable, SimObject, SimPart, exposeProps } from "./proxy";

export class SimRangeFormat extends SimPart<RangeTarget> {
  readonly _type = "RangeFormat";

  _table(): PropTable<RangeTarget> {
    return {};
  }

  override _makeNav(name: string): SimObject | undefined {
    if (name === "fill") return new SimRangeFill(this);
    if (name === "font") return new SimRangeFont(this);
    return undefined;
  }

  get fill(): SimRangeFill {
    return this._nav("fill");
  }

  get font(): SimRangeFont {
    return this._nav("font");
  }

  autofitColumns(): void {
    this._action("autofitColumns", [], () => undefined);
  }

  autofitRows(): void {
    this._action("autofitRows", [], () => undefined);
  }
}

const FILL_PROPS: PropTable<RangeTarget> = {
  color: {
    // Excel reports a cell without fill as white.
    read: (t, env) => readStyle(t, env, (s) => s?.fill ?? "#FFFFFF"),
    write: (t, v, env, location) => writeStyle(t, "fill", normaliseColor(v, location), env, location),
  },
};

class SimRangeFill extends SimPart<RangeTarget> {
  readonly _type = "RangeFill";

  _table(): PropTable<RangeTarget> {
    return FILL_PROPS;
  }

  clear(): void {
    this._action("clear", [], (t, env, location) => writeStyle(t, "fill", undefined, env, location));
  }
}
exposeProps(SimRangeFill, FILL_PROPS);

const FONT_PROPS: PropTable<RangeTarget> = {
  color: {
    read: (t, env) => readStyle(t, env, (s) => s?.fontColor ?? "#000000"),
    write: (t, v, env, location) => writeStyle(t, "fontColor", normaliseColor(v, location), env, location),
  },
  bold: {
    read: (t, env) => readStyle(t, env, (s) => s?.bold ?? false),
    write: (t, v, env, location) => writeStyle(t, "bold", v ? true : undefined, env, location),
  },
  italic: {
    read: (t, env) => readStyle(t, env, (s) => s?.italic ?? false),
    write: (t, v, env, location) => writeStyle(t, "italic", v ? true : undefined, env, location),
  },
};

class SimRangeFont extends SimPart<RangeTarget> {
  readonly _type = "RangeFont";

  _table(): PropTable<RangeTarget> {
    return FONT_PROPS;
  }
}
exposeProps(SimRangeFont, FONT_PROPS);
