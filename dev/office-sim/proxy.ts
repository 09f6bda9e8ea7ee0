// Proxy objects with office.js's contract: methods and setters only queue requests; load() asks for
// properties; nothing is readable until a context.sync() has delivered it. A proxy finds its model
// object afresh when its request runs (`_locate`), so requests see the workbook as of their place in
// the batch — a sheet added earlier in the same batch is there, a deleted one is not.
import { guardMembers, useApi } from "./api-sets";
import type { SimContext, SimOptions } from "./context";
import { officeError, propertyNotLoaded } from "./errors";
import type { SimWorkbook } from "./model";

/** What a request runs against. */
export interface Env {
  wb: SimWorkbook;
  options: SimOptions;
}

// Method signatures (not function-typed properties) so a PropTable<RangeTarget> is still a
// PropTable<unknown>, letting generic code hold any proxy as a SimObject.
export interface PropDef<T> {
  /** Loadable: read the property from the model object. */
  read?(target: T, env: Env): unknown;
  /** Settable: apply a written value at sync (throw SimOfficeError to fail the batch). */
  write?(target: T, value: unknown, env: Env, location: string): void;
}

export type PropTable<T> = Record<string, PropDef<T>>;

/** load() arguments in all of office.js's forms, flattened to slash paths ("format/fill/color"). */
export type LoadOption =
  | string
  | string[]
  | { select?: string | string[]; expand?: string | string[]; [key: string]: unknown }
  | undefined;

function splitList(s: string | string[]): string[] {
  return (Array.isArray(s) ? s : [s])
    .flatMap((x) => x.split(","))
    .map((x) => x.trim())
    .filter(Boolean);
}

function propertyMap(o: Record<string, unknown>, prefix: string): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k.startsWith("$")) continue;
    if (v === true) out.push(prefix + k);
    else if (v && typeof v === "object") {
      const sub = propertyMap(v as Record<string, unknown>, `${prefix}${k}/`);
      out.push(...(sub.length ? sub : [prefix + k]));
    }
  }
  return out;
}

export function loadPaths(option: LoadOption): string[] {
  if (option === undefined || option === null) return [];
  if (typeof option === "string" || Array.isArray(option)) return splitList(option);
  if ("select" in option || "expand" in option)
    return [...splitList(option.select ?? []), ...splitList(option.expand ?? [])];
  return propertyMap(option, "");
}

export abstract class SimObject<T = unknown> {
  /** Delivered by syncs, or assigned locally (office.js keeps a value you set readable). */
  readonly _values = new Map<string, unknown>();
  /** Whether the object exists, once a sync has looked. */
  _null: boolean | undefined;
  private readonly _navCache = new Map<string, SimObject>();

  /** The API class name, for error locations ("Range.values"). */
  abstract readonly _type: string;

  constructor(
    readonly _ctx: SimContext,
    readonly _nullable = false,
  ) {
    // office.js learns whether an *OrNullObject result exists at the next sync, loaded or not.
    if (_nullable)
      _ctx._enqueue({
        payload: () => ({ resolve: this._type }),
        run: (env) => {
          const found = this._locate(env) !== null;
          return () => {
            this._null = !found;
            return null;
          };
        },
      });
    // An older Excel: the proxy refuses the members that Excel does not have.
    if (_ctx._host.options.excelApi !== undefined)
      return guardMembers(this, () => ({ host: this._ctx._host, type: this._type, scalars: this._table() }));
  }

  get context(): SimContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._null === undefined) throw propertyNotLoaded("isNullObject");
    return this._null;
  }

  /** The model object now, or null when it does not exist. */
  abstract _locate(env: Env): T | null;

  /** Scalar properties: how to read and write them. */
  abstract _table(): PropTable<T>;

  /** Navigation properties (format, fill, protection, …), created on first use and cached. */
  _makeNav(_name: string): SimObject | undefined {
    return undefined;
  }

  _nav<N extends SimObject>(name: string): N {
    let n = this._navCache.get(name);
    if (!n) {
      n = this._makeNav(name);
      if (!n) throw new Error(`office-sim: ${this._type} has no navigation property ${name}`);
      this._navCache.set(name, n);
    }
    return n as N;
  }

  /** The model object, or an Office error for a missing one (null objects give null). */
  _resolve(env: Env): T | null {
    const t = this._locate(env);
    if (t === null && !this._nullable)
      throw officeError("ItemNotFound", `${this._type} not found`, this._type);
    return t;
  }

  /** Like _resolve, for requests that cannot run on a null object. */
  _require(env: Env, location: string): T {
    const t = this._locate(env);
    if (t === null) throw officeError("ItemNotFound", `${this._type} not found`, location);
    return t;
  }

  _get<V>(name: string): V {
    if (!this._values.has(name)) throw propertyNotLoaded(name);
    return this._values.get(name) as V;
  }

  _set(name: string, value: unknown): void {
    const def = this._table()[name];
    if (!def?.write) throw new TypeError(`Cannot set read-only property '${name}' of ${this._type}`);
    const location = `${this._type}.${name}`;
    this._values.set(name, value);
    this._ctx._enqueue({
      payload: () => ({ set: location, value }),
      run: (env) => {
        useApi(this._ctx._host, location, "write");
        def.write?.(this._require(env, location), value, env, location);
      },
    });
  }

  /** Queue a method call that changes the workbook. */
  _action(name: string, args: unknown[], apply: (target: T, env: Env, location: string) => void): void {
    const location = `${this._type}.${name}`;
    this._ctx._enqueue({
      payload: () => ({ call: location, args }),
      run: (env) => apply(this._require(env, location), env, location),
    });
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this._ctx._enqueue({
      payload: () => ({ load: this._type, props: paths }),
      run: (env) => this._readTree(paths, env),
    });
    return this;
  }

  /**
   * Read the requested paths now (inside a sync); the returned delivery hands them to the proxies
   * once the whole batch has succeeded. No paths means every scalar property, as load() does.
   */
  _readTree(paths: string[], env: Env): () => unknown {
    const table = this._table();
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (!rest.length && table[head]) own.push(head);
      else if (this._makeNav(head)) {
        useApi(this._ctx._host, `${this._type}.${head}`, "read");
        const list = nested.get(head) ?? [];
        if (rest.length) list.push(rest.join("/"));
        nested.set(head, list);
      } else own.push(head); // unknown: _readProps fails the sync, as Excel's request would
    }
    const props = paths.length ? own : this._scalarNames();
    const t = this._resolve(env);
    if (t === null)
      return () => {
        this._deliver(null, props);
        return null;
      };
    const data = this._readProps(t, props, env);
    const kids = [...nested].map(([head, rest]) => this._nav(head)._readTree(rest, env));
    return () => {
      this._deliver(data, props);
      const more = kids.map((k) => k());
      return more.length ? [data, ...more] : data;
    };
  }

  _scalarNames(): string[] {
    const table = this._table();
    return Object.keys(table).filter((k) => table[k].read);
  }

  /** Read props from a located target (shared with collections, which load items in bulk). */
  _readProps(target: T, props: string[], env: Env): Record<string, unknown> {
    const table = this._table();
    const data: Record<string, unknown> = {};
    for (const p of props) {
      const read = table[p]?.read;
      if (!read)
        throw officeError("InvalidArgument", `${this._type} has no loadable property '${p}'`, this._type);
      useApi(this._ctx._host, `${this._type}.${p}`, "read");
      data[p] = read(target, env);
    }
    return data;
  }

  _deliver(data: Record<string, unknown> | null, props: string[]): void {
    this._null = data === null;
    for (const p of props) this._values.set(p, data ? data[p] : null);
  }

  /** office.js objects serialise their loaded properties. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** A navigation property's object (format, fill, protection, …): it stands for its parent's target. */
export abstract class SimPart<T> extends SimObject<T> {
  constructor(protected readonly parent: SimObject<T>) {
    super(parent._ctx);
  }

  _locate(env: Env): T | null {
    return this.parent._resolve(env);
  }
}

/** Give a proxy class Office-style accessors for its property table. */
export function exposeProps<T>(cls: { prototype: object }, table: PropTable<T>): void {
  for (const [name, def] of Object.entries(table)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: SimObject<T>) {
        return this._get(name);
      },
      set: def.write
        ? function (this: SimObject<T>, v: unknown) {
            this._set(name, v);
          }
        : undefined,
    });
  }
}

/** OfficeExtension.ClientResult: a value that arrives with the next sync. */
export class SimClientResult<V> {
  private _has = false;
  private _v: V | undefined;

  get value(): V {
    if (!this._has) throw propertyNotLoaded("value");
    return this._v as V;
  }

  _setValue(v: V): void {
    this._has = true;
    this._v = v;
  }
}

/** A collection: `items` once loaded, getCount(); items are proxies of their own. */
export abstract class SimCollection<T, I extends SimObject> extends SimObject<T> {
  /** Keys of the items that exist now, in Excel's order. */
  abstract _itemKeys(target: T, env: Env): string[];
  abstract _item(key: string): I;

  _table(): PropTable<T> {
    return {};
  }

  get items(): I[] {
    return this._get("items");
  }

  /** "items", "items/name" and bare item properties ("name") all load items. */
  override _readTree(paths: string[], env: Env): () => unknown {
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    const t = this._resolve(env);
    const rows: { item: I; deliver: () => unknown }[] = [];
    for (const k of t === null ? [] : this._itemKeys(t, env)) {
      const item = this._item(k);
      rows.push({ item, deliver: item._readTree(itemPaths, env) });
    }
    return () => {
      this._null = t === null;
      this._values.set(
        "items",
        rows.map((r) => r.item),
      );
      return rows.map((r) => r.deliver());
    };
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this._ctx._enqueue({
      payload: () => ({ call: `${this._type}.getCount` }),
      run: (env) => {
        const t = this._resolve(env);
        const n = t === null ? 0 : this._itemKeys(t, env).length;
        return () => {
          result._setValue(n);
          return n;
        };
      },
    });
    return result;
  }
}
