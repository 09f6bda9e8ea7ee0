// What the pane shows for a failed call: the catalogue message of a problem the user can act on, in
// the pane's language; any other error's own message (only a programming error gets that far).
import { type Lang, render, UserError } from "../messages";
import { WorkbookError } from "../workbook/port";

export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof UserError) return e.text(lang);
  if (e instanceof WorkbookError) return render(e.detail, lang);
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  return String(e);
}
