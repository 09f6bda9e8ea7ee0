// What the pane shows for a failed call: the catalogue message of a problem the user can act on, in
// the pane's language. Anything else is a fault of ours (a programming error, a worker that stopped):
// the clerk reads that something unexpected happened and what to do, and the error itself goes to the
// console for whoever supports them — never its own text, which is English and a developer's.
import { type Lang, render, UserError } from "../messages";
import { translate } from "./i18n";
import { WorkbookError } from "../workbook/port";

export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof UserError) return e.text(lang);
  if (e instanceof WorkbookError) return render(e.detail, lang);
  console.error(e);
  return translate(lang, "unexpected");
}
