// Reading a sheet row by row. A Row reads one cell per column header and reports any problem
// against that cell, so every reader below states what it expects and nothing about addresses.
import { type Message, msg } from "../../messages";
import { idProblem, Text } from "../schema";
import { tableCellRef, cellText, isBlank, parseNumber, parseShare, TableBook, TableCell } from "./cells";
import { aboutRow, idMessage, inCell, Problems, Subject } from "./problems";
import { protect, SEP_LINES, splitTop } from "./syntax";
import { textOf } from "./values";
import { BOOL_WORDS, fromWord, normHeader, wordList, Words } from "./words";

export interface Table {
  sheet: string;
  cols: Map<string, number>;
}

export class Row {
  /** Names the indicator or group in messages once its id is known: 「B.n」の… */
  subject?: Subject;
  constructor(
    readonly table: Table,
    readonly index: number,
    private readonly cells: readonly TableCell[],
    readonly out: Problems,
  ) {}

  raw(h: string): TableCell {
    const c = this.table.cols.get(h);
    return c === undefined ? null : (this.cells[c] ?? null);
  }
  has(h: string): boolean {
    return cellText(this.raw(h)) !== undefined;
  }
  text(h: string): string | undefined {
    return cellText(this.raw(h));
  }
  cell(h?: string): string {
    const c = (h !== undefined ? this.table.cols.get(h) : undefined) ?? this.table.cols.get("ID") ?? 0;
    return tableCellRef(this.table.sheet, c, this.index);
  }
  error(h: string | undefined, m: Message): void {
    this.out.add("error", this.table.sheet, this.cell(h), aboutRow(this.subject, m));
  }
  warn(h: string | undefined, m: Message): void {
    this.out.add("warning", this.table.sheet, this.cell(h), aboutRow(this.subject, m));
  }

  /** `words`: what the cell may hold, when the message should list it. */
  required(h: string, words?: Words<string>): string | undefined {
    const t = this.text(h);
    if (t === undefined)
      this.error(
        h,
        words
          ? msg("table.required-one-of", { header: h, words: wordList(words) })
          : msg("table.required", { header: h }),
      );
    return t;
  }
  /** A number cell as it is; text through `parse`. `text` is what the clerk sees, for messages. */
  numeric(h: string, parse: (t: string) => number | undefined): { text: string; n?: number } | undefined {
    const v = this.raw(h);
    const text = cellText(v);
    if (text === undefined) return undefined;
    return { text, n: typeof v === "number" ? v : parse(text) };
  }
  num(h: string, opt: { int?: boolean; min?: number; max?: number } = {}): number | undefined {
    const read = this.numeric(h, parseNumber);
    if (read === undefined) return undefined;
    const { text: t, n } = read;
    const { min, max } = opt;
    const at = { header: h, text: t };
    if (n === undefined || !Number.isFinite(n)) {
      this.error(h, msg("table.not-number", at));
    } else if (opt.int && !Number.isInteger(n)) {
      this.error(h, msg("table.not-integer", at));
    } else if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      this.error(
        h,
        min === undefined
          ? msg("table.above-max", { ...at, max: max! })
          : max === undefined
            ? msg("table.below-min", { ...at, min })
            : msg("table.out-of-range", { ...at, min, max }),
      );
    } else return n;
    return undefined;
  }
  share(h: string): number | undefined {
    const read = this.numeric(h, parseShare);
    if (read === undefined) return undefined;
    const { text: t, n } = read;
    if (n === undefined || n < 0 || n > 1) {
      this.error(h, msg("table.not-share", { header: h, text: t }));
      return undefined;
    }
    return n;
  }
  /** `kind`: the indicator's kind, named in the message when the words depend on it. */
  word<T extends string>(h: string, words: Words<T>, kind?: Message | string): T | undefined {
    const t = this.text(h);
    if (t === undefined) return undefined;
    const w = fromWord(words, t);
    if (w === undefined) {
      const at = { header: h, text: t, words: wordList(words) };
      this.error(
        h,
        kind ? msg("table.unknown-word-for-kind", { ...at, kind }) : msg("table.unknown-word", at),
      );
    }
    return w;
  }
  bool(h: string): boolean | undefined {
    const v = this.raw(h);
    if (typeof v === "boolean") return v;
    const w = this.word(h, BOOL_WORDS);
    return w === undefined ? undefined : w === "true";
  }
  id(h: string): string | undefined {
    const t = this.text(h)?.normalize("NFKC");
    if (t === undefined) return undefined;
    const problem = idProblem(t);
    if (problem) this.error(h, idMessage(t, problem));
    return t;
  }
  ids(h: string): string[] | undefined {
    const t = this.text(h)?.normalize("NFKC");
    if (t === undefined) return undefined;
    const ids = t.split(/[;,、\s]+/).filter(Boolean);
    for (const id of ids) {
      const problem = idProblem(id);
      if (problem) this.error(h, inCell(h, idMessage(id, problem)));
    }
    return ids;
  }
  list(h: string): string[] | undefined {
    const t = this.text(h);
    if (t === undefined) return undefined;
    const pt = protect(t);
    return splitTop(pt.text, SEP_LINES).map(pt.restore);
  }
  textPair(h: string, hEn: string): Text | undefined {
    const ja = this.text(h);
    const en = this.text(hEn);
    if (ja === undefined && en !== undefined)
      this.error(h, msg("table.pair-missing-ja", { header: h, headerEn: hEn }));
    return textOf(ja, en);
  }
  /** textPair that must be there (when only the English is, textPair has already said so). */
  requiredPair(h: string, hEn: string): Text | undefined {
    const t = this.textPair(h, hEn);
    if (t === undefined && !this.has(hEn)) this.error(h, msg("table.required", { header: h }));
    return t;
  }
  /** One note per line; line i of the English column translates line i. */
  notes(h: string, hEn: string): Text[] | undefined {
    const lines = (x: TableCell) =>
      x === null
        ? []
        : String(x)
            .split(/\r?\n/)
            .map((l) => l.trim());
    const ja = lines(this.raw(h));
    const en = lines(this.raw(hEn));
    const out: Text[] = [];
    for (let i = 0; i < Math.max(ja.length, en.length); i++) {
      if (ja[i]) out.push(textOf(ja[i], en[i] || undefined)!);
      else if (en[i])
        this.error(hEn, inCell(hEn, msg("table.note-line-unmatched", { line: i + 1, header: h })));
    }
    return out.length ? out : undefined;
  }
}

/** Sheet names are matched loosely (a stray space is not the clerk's intent). */
export function openSheet(
  book: TableBook,
  name: string,
  out: Problems,
  optional = false,
): [string, TableCell[][]] | undefined {
  const key = book[name] ? name : Object.keys(book).find((k) => normHeader(k) === normHeader(name));
  if (key === undefined) {
    if (!optional) out.add("error", name, undefined, msg("table.no-sheet", { sheet: name }));
    return undefined;
  }
  return [key, book[key]];
}

export function headerMap(
  sheet: string,
  cells: readonly TableCell[],
  rowIndex: number,
  known: readonly string[],
  out: Problems,
): Map<string, number> {
  const byNorm = new Map(known.map((h) => [normHeader(h), h]));
  const cols = new Map<string, number>();
  cells.forEach((c, i) => {
    const t = cellText(c);
    if (t === undefined) return;
    const h = byNorm.get(normHeader(t));
    const cell = tableCellRef(sheet, i, rowIndex);
    if (!h) out.add("warning", sheet, cell, msg("table.unknown-header", { header: t }));
    else if (cols.has(h)) out.add("error", sheet, cell, msg("table.header-twice", { header: t }));
    else cols.set(h, i);
  });
  return cols;
}

/** A table sheet: the first non-blank row holds the headers, blank rows are skipped. */
export function readTable(
  book: TableBook,
  name: string,
  known: readonly string[],
  required: readonly string[],
  out: Problems,
  optional = false,
): Row[] | undefined {
  const found = openSheet(book, name, out, optional);
  if (!found) return undefined;
  const [sheet, rows] = found;
  const head = rows.findIndex((r) => !isBlank(r));
  if (head < 0) {
    if (!optional) out.add("error", sheet, undefined, msg("table.empty-sheet", { sheet }));
    return undefined;
  }
  const table: Table = { sheet, cols: headerMap(sheet, rows[head], head, known, out) };
  const missing = required.filter((h) => !table.cols.has(h));
  for (const h of missing) {
    out.add("error", sheet, tableCellRef(sheet, 0, head), msg("table.missing-header", { header: h }));
  }
  if (missing.length) return undefined;
  const data: Row[] = [];
  for (let i = head + 1; i < rows.length; i++)
    if (!isBlank(rows[i])) data.push(new Row(table, i, rows[i], out));
  return data;
}
