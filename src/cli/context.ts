// What every command runs with: where text goes, the user's language, and the one way in and out
// for files (inputs remembered, outputs checked against them).
import { FileAccess } from "../files/file-access";
import { type Lang, type Message, render } from "../messages";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const processIo: Io = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};

export class Cli {
  readonly files: FileAccess;

  constructor(
    readonly io: Io,
    readonly lang: Lang,
    force = false,
  ) {
    this.files = new FileAccess(force);
  }

  text(m: Message): string {
    return render(m, this.lang);
  }

  /** A line on standard output. */
  say(m: Message): void {
    this.io.out(this.text(m) + "\n");
  }

  /** A line on standard error (notes and warnings that must not mix into piped output). */
  note(m: Message): void {
    this.io.err(this.text(m) + "\n");
  }

  /** The same command context with --force as the command's own option gave it. */
  withForce(force: boolean | undefined): Cli {
    return force ? new Cli(this.io, this.lang, true) : this;
  }
}
