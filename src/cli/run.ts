// One scoring run from the CLI: the shared run over the port, with the workbook's problems turned
// into messages that name the file.
import type { ScoreContext } from "../engine/types";
import { type Limits, tooManyCellsMessage } from "../files/limits";
import { msg, UserError } from "../messages";
import { RangeTooLarge } from "../workbook/port";
import { WorkbookError, type WorkbookPort } from "../workbook/port";
import { type RulebookChoice, runScoring, type ScoringRunInput } from "../app/scoring-run";

export async function scoreBook(
  book: WorkbookPort,
  file: string,
  limits: Limits,
  rulebook: RulebookChoice,
  context: ScoreContext,
  previous: ScoringRunInput["previous"],
  write: boolean,
) {
  try {
    return await runScoring(book, { rulebook, context, previous, write });
  } catch (e) {
    if (e instanceof RangeTooLarge)
      throw new UserError(tooManyCellsMessage(limits, file, e.sheet, e.cells, e.limit));
    if (e instanceof WorkbookError) throw new UserError(msg("cli.in-file", { file, detail: e.detail }));
    throw e;
  }
}
