// Progress of the batch on stderr: a bar on a terminal, plain "12/77 file.xlsx" lines otherwise (CI
// logs), nothing when quiet (JSON on stdout).
import { SingleBar } from "cli-progress";
import { basename } from "path";

export interface Progress {
  tick(done: number, total: number, file: string): void;
  stop(): void;
}

export interface ProgressOptions {
  total: number;
  quiet?: boolean;
  /** Where plain lines go; default process.stderr. */
  write?: (s: string) => void;
  /** Whether to draw a bar; default process.stderr.isTTY. */
  tty?: boolean;
  /** The word before each plain line, if any. */
  label?: string;
  /** The word before the bar, in the user's language (the bar is drawn on a terminal only). */
  barLabel: string;
  /** Where the bar is drawn; default process.stderr. */
  stream?: NodeJS.WriteStream;
}

export function createProgress(opts: ProgressOptions): Progress {
  if (opts.quiet) return { tick: () => undefined, stop: () => undefined };
  const tty = opts.tty ?? Boolean(process.stderr.isTTY);
  if (tty) {
    const bar = new SingleBar({
      stream: opts.stream ?? process.stderr,
      format: `${opts.barLabel} [{bar}] {value}/{total} {percentage}% | {file}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    });
    bar.start(opts.total, 0, { file: "" });
    return {
      tick: (done, _total, file) => bar.update(done, { file: basename(file) }),
      stop: () => bar.stop(),
    };
  }
  const write = opts.write ?? ((s: string) => void process.stderr.write(s));
  const prefix = opts.label ? `${opts.label} ` : "";
  return {
    tick: (done, total, file) => write(`${prefix}${done}/${total} ${basename(file)}\n`),
    stop: () => undefined,
  };
}
