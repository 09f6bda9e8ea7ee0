// Problems found while reading a 配点表, each naming the cell to fix, in the clerk's language.

export interface TableProblem {
  severity: "error" | "warning";
  sheet: string;
  /** A1 address with the sheet, e.g. "指標!F12". */
  cell?: string;
  /** Japanese, says what to fix. */
  message: string;
}

export function formatTableProblem(p: TableProblem): string {
  return `${p.cell ?? p.sheet}: ${p.message}`;
}

/** Collects problems; reading goes on after an error so one pass reports them all. */
export class Problems {
  readonly list: TableProblem[] = [];
  add(severity: TableProblem["severity"], sheet: string, cell: string | undefined, message: string): void {
    this.list.push(cell ? { severity, sheet, cell, message } : { severity, sheet, message });
  }
  get failed(): boolean {
    return this.list.some((p) => p.severity === "error");
  }
}

/** Japanese for an idProblem reason (which is written in English for the JSON side). */
export function idMessage(id: string, reason: string): string {
  const why = reason.startsWith("ASCII")
    ? "半角英数字と「_」「.」だけを使い、先頭は数字以外にしてください"
    : reason.startsWith("looks like")
      ? "セル番地（A1 など）と紛らわしいため使えません。別のIDにしてください"
      : reason.startsWith("longer")
        ? "200文字以内にしてください"
        : reason;
  return `ID「${id}」は使えません。${why}。`;
}
