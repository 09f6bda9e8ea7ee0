// Problems found while reading a 配点表, each naming the cell to fix, as catalogue messages so the
// CLI says them in its user's language.
import { type Lang, type Message, msg, type Param, render } from "../../messages";

export class TableProblem {
  /** A1 address with the sheet, e.g. "指標!F12". */
  declare readonly cell?: string;
  /** Japanese, says what to fix: what logs and the default shell show. */
  readonly message: string;
  readonly #detail: Message;

  constructor(
    readonly severity: "error" | "warning",
    readonly sheet: string,
    cell: string | undefined,
    detail: Message,
  ) {
    if (cell) this.cell = cell;
    this.message = render(detail, "ja");
    this.#detail = detail;
  }

  /**
   * What to fix, by catalogue code, for shells to render in their user's language. Not an own
   * field, so a problem still compares and serialises as {severity, sheet, cell, message}.
   */
  get detail(): Message {
    return this.#detail;
  }
}

export function formatTableProblem(p: TableProblem, lang: Lang = "ja"): string {
  return `${p.cell ?? p.sheet}: ${render(p.detail, lang)}`;
}

/** Collects problems; reading goes on after an error so one pass reports them all. */
export class Problems {
  readonly list: TableProblem[] = [];
  add(severity: TableProblem["severity"], sheet: string, cell: string | undefined, detail: Message): void {
    this.list.push(new TableProblem(severity, sheet, cell, detail));
  }
  get failed(): boolean {
    return this.list.some((p) => p.severity === "error");
  }
}

/** The indicator or group a row describes, once its id is known. */
export interface Subject {
  group: boolean;
  id: string;
}

/** A reader's problem on a subject's row: 「B.n」の配点… / 区分「B」の満点… */
export function aboutRow(subject: Subject | undefined, m: Message): Message {
  if (!subject) return m;
  const { id } = subject;
  if (m.code === "table.in-cell") {
    const { header, problem } = m.params as { header: Param; problem: Param };
    return msg(subject.group ? "table.about-group-in" : "table.about-indicator-in", { id, header, problem });
  }
  return msg(subject.group ? "table.about-group" : "table.about-indicator", { id, problem: m });
}

/** The rulebook check's problem on a subject's row: 指標「B.n」: … */
export function aboutCheck(subject: Subject | undefined, m: Message): Message {
  if (!subject) return m;
  return msg(subject.group ? "table.check-group" : "table.check-indicator", { id: subject.id, problem: m });
}

/** A problem with one part of a cell: 閾値の「x」… */
export const inCell = (header: string, problem: Message): Message =>
  msg("table.in-cell", { header, problem });

export const idMessage = (id: string, why: Message): Message => msg("table.bad-id", { id, why });
export const subIdMessage = (item: string, id: string, why: Message): Message =>
  msg("table.bad-sub-id", { item, id, why });
