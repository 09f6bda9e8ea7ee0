// What the user is told when Excel refuses a request for a reason Saiten has no sentence of its own
// for. Never Excel's code or English text: a clerk can do nothing with "GeneralException".
import { type Message, msg } from "../../messages";

/** Excel's codes for a request past what it does at once (Excel.ErrorCodes / OfficeExtension.ErrorCodes). */
const AT_A_LIMIT = new Set([
  "ActivityLimitReached",
  "MemoryLimitReached",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
]);

export function excelFailure(code: string | undefined): Message {
  return msg(code && AT_A_LIMIT.has(code) ? "excel.limit-reached" : "excel.failed");
}
