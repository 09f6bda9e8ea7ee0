// Errors shaped like OfficeExtension.Error (name "RichApi.Error", a `code`, `debugInfo`), so adapter
// code that branches on `error.code` behaves the same against the simulator as inside Excel.

/** Codes the simulator raises. Excel.ErrorCodes / OfficeExtension.ErrorCodes spell them the same. */
export type SimErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "InvalidReference"
  | "InvalidRequestContext"
  | "InvalidSelection"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "NotImplemented"
  | "PropertyNotLoaded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RunMustReturnPromise";

/** Excel's own wording, so messages shown to users read as they would inside Excel. */
const MESSAGES: Record<SimErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidOperation: "The operation is invalid for the object.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  InvalidReference: "This reference isn't valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  InvalidSelection: "The current selection is invalid for this operation.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded: "The property is not available.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
};

export const PROTECTED_MESSAGE =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.";

export class SimOfficeError extends Error {
  readonly code: SimErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string; statement?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: Error | null = null;

  /** `detail` says what the simulator was doing; it goes to debugInfo so `message` stays Excel's. */
  constructor(code: SimErrorCode, message?: string, location?: string, detail?: string) {
    super(message ?? MESSAGES[code]);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message: detail ? `${this.message} (${detail})` : this.message };
    if (location) this.debugInfo.errorLocation = location;
  }
}

export function officeError(code: SimErrorCode, detail?: string, location?: string): SimOfficeError {
  return new SimOfficeError(code, undefined, location, detail);
}

/** The error office.js throws on reading a property that no sync has delivered. */
export function propertyNotLoaded(property: string): SimOfficeError {
  return new SimOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

