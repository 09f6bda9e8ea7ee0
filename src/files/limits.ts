// How much of a file Saiten will read, for every command and the pane alike: bytes on disk, bytes
// once unpacked, parts, rows and cells per sheet, and time per file. A file over a limit is refused
// with a message naming the limit (and, on the command line, the option that raises it); nothing is
// read past it.
import { type Message, msg, type Param } from "../messages";

export interface Limits {
  /** Bytes on disk. */
  maxFileBytes: number;
  /** Bytes of all zip parts once inflated (counted as they are produced, never from headers). */
  maxUncompressedBytes: number;
  /** Parts in a zip package. */
  maxParts: number;
  /** Rows per worksheet. */
  maxRows: number;
  /** Cells per worksheet: stored cells, and the used range a read would cover. */
  maxCells: number;
  /** Wall time to read and score one file, where it can be enforced (the review's workers). */
  timeoutMs: number;
  /** The limits come from a command line, whose options can raise them: messages name the option. */
  fromCommandLine?: boolean;
}

export const MB = 1024 * 1024;

/** Answer workbooks: a form is a few hundred rows; a municipality's own workbook may carry more. */
export const WORKBOOK_LIMITS: Limits = {
  maxFileBytes: 20 * MB,
  maxUncompressedBytes: 200 * MB,
  maxParts: 10_000,
  maxRows: 20_000,
  maxCells: 1_000_000,
  timeoutMs: 120_000,
};

/** MHLW's national tally: about 1,800 rows and 1,500 columns (most of them formatting only). */
export const TALLY_LIMITS: Limits = {
  maxFileBytes: 50 * MB,
  maxUncompressedBytes: 500 * MB,
  maxParts: 10_000,
  maxRows: 20_000,
  maxCells: 6_000_000,
  timeoutMs: 300_000,
};

/** JSON and CSV files: rulebooks, results, review summaries, tally JSON, form maps, insured counts. */
export const TEXT_LIMITS: Limits = {
  maxFileBytes: 100 * MB,
  maxUncompressedBytes: 100 * MB,
  maxParts: 1,
  maxRows: 1_000_000,
  maxCells: 10_000_000,
  timeoutMs: 120_000,
};

/** Deepest nesting accepted in a JSON document (a rulebook's group tree is a handful of levels). */
export const MAX_JSON_DEPTH = 64;

/** The command-line options that change limits, as given (MB for sizes, seconds for time). */
export interface LimitOptions {
  maxFileMb?: number;
  maxUncompressedMb?: number;
  maxRows?: number;
  maxCells?: number;
  timeoutS?: number;
}

export function withOptions(base: Limits, o: LimitOptions | undefined): Limits {
  if (!o) return { ...base, fromCommandLine: true };
  return {
    fromCommandLine: true,
    maxFileBytes: o.maxFileMb !== undefined ? Math.round(o.maxFileMb * MB) : base.maxFileBytes,
    maxUncompressedBytes:
      o.maxUncompressedMb !== undefined ? Math.round(o.maxUncompressedMb * MB) : base.maxUncompressedBytes,
    maxParts: base.maxParts,
    maxRows: o.maxRows ?? base.maxRows,
    maxCells: o.maxCells ?? base.maxCells,
    timeoutMs: o.timeoutS !== undefined ? Math.round(o.timeoutS * 1000) : base.timeoutMs,
  };
}

/** Sizes in messages: whole MB from 10 up, one decimal below. */
export function mbText(bytes: number): string {
  const v = bytes / MB;
  return v >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
}

/** The limits' messages, each with a "-fixed" variant that names no option. */
type LimitCode =
  | "file.too-large"
  | "file.timeout"
  | "book.unpacked-too-large"
  | "book.too-many-rows"
  | "book.too-many-cells";

/**
 * A limit's message: on the command line the one that says which option raises the limit (`flag` when the
 * text takes it as a parameter), elsewhere (the pane has no options) its variant that does not.
 */
export function limitMessage(
  limits: Limits | undefined,
  code: LimitCode,
  params: Record<string, Param>,
  flag?: string,
): Message {
  if (!limits?.fromCommandLine) return msg(`${code}-fixed`, params);
  return msg(code, flag ? { ...params, flag } : params);
}

/** A file over the size limit; on the command line, with the option that raises it. */
export function tooLargeMessage(file: string, size: number, limits: Limits, flag = "--max-file-mb"): Message {
  return limitMessage(
    limits,
    "file.too-large",
    { file, size: mbText(size), limit: mbText(limits.maxFileBytes) },
    flag,
  );
}

/** A file that took longer than the limit; on the command line, with the option that allows more. */
export function timeoutMessage(file: string, limits: Limits): Message {
  return limitMessage(
    limits,
    "file.timeout",
    { file, seconds: Math.round(limits.timeoutMs / 1000) },
    "--timeout-s",
  );
}

/** A sheet with more cells than the limit (counted, or the range a read would cover). */
export function tooManyCellsMessage(
  limits: Limits | undefined,
  file: string,
  sheet: string,
  cells: number,
  limit: number,
): Message {
  return limitMessage(limits, "book.too-many-cells", {
    file,
    sheet,
    cells: cells.toLocaleString("en-US"),
    limit: limit.toLocaleString("en-US"),
  });
}
