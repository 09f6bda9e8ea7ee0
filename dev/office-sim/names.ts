// Workbook-scoped defined names (context.workbook.names). Saiten keeps its answer and result cells
// in names, so these follow Excel closely: case-insensitive lookup, Excel's naming rules, `value` is
// the reference without "=", `formula` with it. Sheet-scoped names are not simulated.
import { isValidName, parseAddress, qualify } from "./address";
import type { SimContext } from "./context";
import { officeError } from "./errors";
import type { SimName, SimWorkbook } from "./model";
import { type Env, type PropTable, SimCollection, SimObject, exposeProps } from "./proxy";
import { type RangeTarget, SimRange } from "./range";

/** Excel.NamedItemType for a reference. */
export function nameType(reference: string): string {
  const r = reference.trim();
  if (r.startsWith("#")) return "Error";
  if (/^".*"$/.test(r)) return "String";
  if (/^[+-]?\d+$/.test(r)) return "Integer";
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(r)) return "Double";
  if (/^(TRUE|FALSE)$/i.test(r)) return "Boolean";
  if (r.startsWith("{")) return "Array";
  return "Range";
}

function nameValue(reference: string): unknown {
  const type = nameType(reference);
  if (type === "String") return reference.slice(1, -1).replace(/""/g, '"');
  if (type === "Integer" || type === "Double") return Number(reference);
  if (type === "Boolean") return reference.toUpperCase() === "TRUE";
  return reference;
}

/** The single range a name refers to, or null (constants, formulas, several areas, #REF!). */
export function nameTarget(env: Env, n: SimName): RangeTarget | null {
  const p = parseAddress(n.reference);
  if (!p?.sheet) return null;
  const sheet = env.wb.sheet(p.sheet);
  return sheet ? { sheet, box: p.box } : null;
}

const NAME_PROPS: PropTable<SimName> = {
  name: { read: (n) => n.name },
  type: { read: (n) => nameType(n.reference) },
  value: { read: (n) => nameValue(n.reference) },
  formula: {
    read: (n) => `=${n.reference}`,
    write: (n, v, env) => env.wb.setName({ ...n, reference: String(v).replace(/^=/, "") }),
  },
  visible: {
    read: (n) => n.visible,
    write: (n, v, env) => env.wb.setName({ ...n, visible: !!v }),
  },
  comment: {
    read: (n) => n.comment ?? "",
    write: (n, v, env) => env.wb.setName({ ...n, comment: String(v) }),
  },
  scope: { read: () => "Workbook" },
};

export class SimNamedItem extends SimObject<SimName> {
  readonly _type = "NamedItem";

  constructor(
    ctx: SimContext,
    private readonly _name: string,
    nullable = false,
  ) {
    super(ctx, nullable);
  }

  _locate(env: Env): SimName | null {
    return env.wb.name(this._name) ?? null;
  }

  _table(): PropTable<SimName> {
    return NAME_PROPS;
  }

  delete(): void {
    this._action("delete", [], (n, env) => env.wb.removeName(n.name));
  }

  /** Fails with InvalidArgument when the name is not a single range. */
  getRange(): SimRange {
    return new SimRange(this._ctx, (env) => {
      const n = this._require(env, "NamedItem.getRange");
      const t = nameTarget(env, n);
      if (!t) throw officeError("InvalidArgument", `${n.name} is not a range`, "NamedItem.getRange");
      return t;
    });
  }

  getRangeOrNullObject(): SimRange {
    return new SimRange(
      this._ctx,
      (env) => {
        const n = this._locate(env);
        return n ? nameTarget(env, n) : null;
      },
      true,
    );
  }
}
exposeProps(SimNamedItem, NAME_PROPS);

export class SimNamedItemCollection extends SimCollection<SimWorkbook, SimNamedItem> {
  readonly _type = "NamedItemCollection";

  _locate(env: Env): SimWorkbook {
    return env.wb;
  }

  _itemKeys(wb: SimWorkbook): string[] {
    return wb.names.map((n) => n.name);
  }

  _item(name: string): SimNamedItem {
    return new SimNamedItem(this._ctx, name);
  }

  getItem(name: string): SimNamedItem {
    return new SimNamedItem(this._ctx, name);
  }

  getItemOrNullObject(name: string): SimNamedItem {
    return new SimNamedItem(this._ctx, name, true);
  }

  /** reference: a Range of this context, or a formula such as "=回答!$E$6". */
  add(name: string, reference: SimRange | string, comment?: string): SimNamedItem {
    if (reference instanceof SimObject && reference._ctx !== this._ctx)
      throw officeError("InvalidRequestContext", undefined, "NamedItemCollection.add");
    this._ctx._enqueue({
      payload: () => ({
        call: "NamedItemCollection.add",
        args: [name, typeof reference === "string" ? reference : "<Range>", comment],
      }),
      run: (env) => {
        const location = "NamedItemCollection.add";
        if (!isValidName(name)) throw officeError("InvalidArgument", `name ${name}`, location);
        if (env.wb.name(name)) throw officeError("ItemAlreadyExists", `name ${name}`, location);
        let ref: string;
        if (typeof reference === "string") ref = reference.replace(/^=/, "").trim();
        else {
          const t = reference._require(env, location);
          ref = qualify(t.sheet.name, t.box, true);
        }
        if (!ref) throw officeError("InvalidArgument", "empty reference", location);
        env.wb.setName({ name, reference: ref, visible: true, ...(comment ? { comment } : {}) });
      },
    });
    return new SimNamedItem(this._ctx, name);
  }
}
