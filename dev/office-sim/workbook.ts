// context.workbook and context.application: the roots every proxy hangs from.
import { parseAddress } from "./address";
import "./conditional"; // registers Range.conditionalFormats
import "./datavalidation"; // registers Range.dataValidation
import type { SimContext } from "./context";
import { officeError } from "./errors";
import type { SimWorkbook } from "./model";
import { SimNamedItemCollection } from "./names";
import { type Env, type PropTable, SimObject, exposeProps } from "./proxy";
import { SimRange } from "./range";
import { SimSettingCollection } from "./settings";
import { SimWorksheetCollection } from "./worksheet";

export class SimWorkbookProxy extends SimObject<SimWorkbook> {
  readonly _type = "Workbook";

  _locate(env: Env): SimWorkbook {
    return env.wb;
  }

  _table(): PropTable<SimWorkbook> {
    return {};
  }

  override _makeNav(name: string): SimObject | undefined {
    switch (name) {
      case "worksheets":
        return new SimWorksheetCollection(this._ctx);
      case "names":
        return new SimNamedItemCollection(this._ctx);
      case "settings":
        return new SimSettingCollection(this._ctx);
    }
    return undefined;
  }

  get worksheets(): SimWorksheetCollection {
    return this._nav("worksheets");
  }

  get names(): SimNamedItemCollection {
    return this._nav("names");
  }

  get settings(): SimSettingCollection {
    return this._nav("settings");
  }

  get application(): SimApplication {
    return this._ctx.application;
  }

  /** The selection as the model records it (a single area). */
  getSelectedRange(): SimRange {
    return new SimRange(this._ctx, (env) => {
      const sel = env.wb.selection;
      const sheet = sel && env.wb.sheet(sel.sheet);
      const p = sel && parseAddress(sel.address);
      if (!sheet || !p) throw officeError("InvalidSelection", "no selection", "Workbook.getSelectedRange");
      return { sheet, box: p.box };
    });
  }

  getActiveCell(): SimRange {
    return this.getSelectedRange().getCell(0, 0);
  }
}

const APP_PROPS: PropTable<SimWorkbook> = {
  calculationMode: { read: () => "Automatic" },
};

/** Calculation control is accepted and ignored: there is no formula engine. */
export class SimApplication extends SimObject<SimWorkbook> {
  readonly _type = "Application";

  constructor(ctx: SimContext) {
    super(ctx);
  }

  _locate(env: Env): SimWorkbook {
    return env.wb;
  }

  _table(): PropTable<SimWorkbook> {
    return APP_PROPS;
  }

  suspendApiCalculationUntilNextSync(): void {
    this._action("suspendApiCalculationUntilNextSync", [], () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._action("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }

  calculate(_calculationType?: string): void {
    this._action("calculate", [], () => undefined);
  }
}
exposeProps(SimApplication, APP_PROPS);
