// Worksheet events (Worksheet.onChanged, Worksheet.onSelectionChanged) as Office.js has them: a
// handler is registered by add() inside a batch and takes effect at that batch's sync; Excel sends an
// event after the change it reports has been applied (never for a batch that failed), asynchronously,
// for changes made by add-ins (Saiten's own writes included) as well as by the user; remove() is queued
// like any request and takes effect at the next sync of the context it was added with.
import { officeError } from "./errors";
import type { SimContext } from "./context";
import type { SimObject } from "./proxy";

export type SimEventKind = "WorksheetChanged" | "WorksheetSelectionChanged";

export interface SimEventArgs {
  type: SimEventKind;
  worksheetId: string;
  /** The range's address on its sheet, without the sheet name (as Excel gives it). */
  address: string;
  /** WorksheetChanged only. */
  changeType?: "RangeEdited";
  source: "Local";
}

type Handler = (args: SimEventArgs) => Promise<unknown> | unknown;

interface Listener {
  kind: SimEventKind;
  sheetId: string;
  handler: Handler;
}

/** The workbook's registered handlers; events are delivered after the change, in a later task. */
export class SimEventHub {
  private readonly listeners = new Set<Listener>();

  _add(l: Listener): void {
    this.listeners.add(l);
  }

  _remove(l: Listener): void {
    this.listeners.delete(l);
  }

  get count(): number {
    return this.listeners.size;
  }

  emit(args: SimEventArgs): void {
    const targets = [...this.listeners].filter((l) => l.kind === args.type && l.sheetId === args.worksheetId);
    if (!targets.length) return;
    setTimeout(() => {
      for (const l of targets) {
        // A handler's failure is the add-in's; Excel does not report it back.
        Promise.resolve()
          .then(() => l.handler({ ...args }))
          .catch(() => undefined);
      }
    }, 0);
  }
}

export class SimEventHandlerResult {
  constructor(
    readonly context: SimContext,
    private readonly listener: Listener,
  ) {}

  remove(): void {
    this.context._enqueue({
      payload: () => ({ remove: this.listener.kind }),
      run: (env) => () => env.wb.events._remove(this.listener),
    });
  }
}

/** Worksheet.onChanged / onSelectionChanged. */
export class SimEventHandlers {
  constructor(
    private readonly ctx: SimContext,
    private readonly sheet: SimObject<{ id: string }>,
    private readonly kind: SimEventKind,
  ) {}

  add(handler: Handler): SimEventHandlerResult {
    if (typeof handler !== "function") throw officeError("InvalidArgument", "an event handler must be a function");
    const listener: Listener = { kind: this.kind, sheetId: "", handler };
    const location = `Worksheet.${this.kind === "WorksheetChanged" ? "onChanged" : "onSelectionChanged"}`;
    this.ctx._enqueue({
      payload: () => ({ add: location }),
      run: (env) => {
        listener.sheetId = this.sheet._require(env, location).id;
        return () => env.wb.events._add(listener);
      },
    });
    return new SimEventHandlerResult(this.ctx, listener);
  }
}
