// Document settings (context.workbook.settings): where the add-in remembers its choices inside the
// file. Values are stored as JSON, so what comes back is a copy, never the object that was added.
import type { SimContext } from "./context";
import type { SimWorkbook } from "./model";
import { type Env, type PropTable, SimCollection, SimObject, exposeProps } from "./proxy";

interface SettingTarget {
  key: string;
  value: unknown;
}

function copy(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

const SETTING_PROPS: PropTable<SettingTarget> = {
  key: { read: (s) => s.key },
  value: {
    read: (s) => copy(s.value),
    write: (s, v, env) => env.wb.setSetting(s.key, v),
  },
};

export class SimSetting extends SimObject<SettingTarget> {
  readonly _type = "Setting";

  constructor(
    ctx: SimContext,
    private readonly _key: string,
    nullable = false,
  ) {
    super(ctx, nullable);
  }

  _locate(env: Env): SettingTarget | null {
    return env.wb.settings.has(this._key) ? { key: this._key, value: env.wb.settings.get(this._key) } : null;
  }

  _table(): PropTable<SettingTarget> {
    return SETTING_PROPS;
  }

  delete(): void {
    this._action("delete", [], (s, env) => env.wb.removeSetting(s.key));
  }
}
exposeProps(SimSetting, SETTING_PROPS);

export class SimSettingCollection extends SimCollection<SimWorkbook, SimSetting> {
  readonly _type = "SettingCollection";

  _locate(env: Env): SimWorkbook {
    return env.wb;
  }

  _itemKeys(wb: SimWorkbook): string[] {
    return [...wb.settings.keys()];
  }

  _item(key: string): SimSetting {
    return new SimSetting(this._ctx, key);
  }

  /** Adds or replaces. */
  add(key: string, value: unknown): SimSetting {
    this._action("add", [key, value], (wb) => wb.setSetting(key, value));
    return new SimSetting(this._ctx, key);
  }

  getItem(key: string): SimSetting {
    return new SimSetting(this._ctx, key);
  }

  getItemOrNullObject(key: string): SimSetting {
    return new SimSetting(this._ctx, key, true);
  }
}
