// What a command writes passes through here (Node only), and so do the inputs it must not land on: an
// output that is an input (same device and inode, so links count) is refused; an existing file is
// replaced only when the user said --force; bytes go to a temporary file beside the target, which is
// then renamed over it, so a failed or interrupted write leaves what was there.
import { promises as fs, statSync, type Stats } from "fs";
import { basename, dirname, resolve } from "path";
import type { Limits } from "./limits";
import { type Message, msg, UserError } from "../messages";
import { errnoOf, type InputIdentity, readInputFile, type ReadFile, whatOf } from "./disk";

function writeProblem(e: unknown): Message {
  switch (errnoOf(e)) {
    case "ENOSPC":
    case "EDQUOT":
      return msg("out.why.no-space");
    case "EACCES":
    case "EPERM":
      return msg("out.why.no-permission");
    case "EROFS":
      return msg("out.why.read-only");
    case "ENAMETOOLONG":
      return msg("out.why.too-long");
    default:
      return msg("out.why.other");
  }
}

/**
 * The files of one command: what it read (so no output can land on them) and what it wrote. Each
 * command run makes its own.
 */
export class FileAccess {
  private readonly inputs: InputIdentity[] = [];
  private readonly outputs = new Set<string>();
  /** Outputs checked ahead of the work: the same path given twice is refused before anything is written. */
  private readonly planned = new Set<string>();

  constructor(private readonly force = false) {}

  /** Reads an input and remembers it as one. */
  async read(file: string, limits: Limits, sizeFlag?: string): Promise<ReadFile> {
    const f = readInputFile(file, limits, sizeFlag);
    this.inputs.push({ path: f.path, dev: f.dev, ino: f.ino });
    return f;
  }

  /** Remembers a file another thread will read (the review's workers), so no output lands on it.
   *  Synchronous like readInputFile: a batch remembers every file before its workers start. */
  remember(file: string): void {
    let st: Stats | undefined;
    try {
      st = statSync(file, { throwIfNoEntry: false });
    } catch {
      // Unreadable here: the worker that reads it reports why; nothing to protect.
    }
    if (st) this.inputs.push({ path: file, dev: st.dev, ino: st.ino });
  }

  /** Refuses an output before any work is done: an input, a folder, a special file, or an existing file without --force. */
  async checkOutput(target: string): Promise<void> {
    const abs = resolve(target);
    if (this.planned.has(abs)) throw new UserError(msg("out.same-twice", { out: target }));
    await this.verify(target);
    this.planned.add(abs);
  }

  private async verify(target: string): Promise<void> {
    const abs = resolve(target);
    if (this.outputs.has(abs)) throw new UserError(msg("out.same-twice", { out: target }));
    const link = await fs.lstat(abs).catch((e: unknown) => {
      if (errnoOf(e) === "ENOENT") return undefined;
      throw new UserError(msg("out.write-failed", { out: target, why: writeProblem(e) }));
    });
    const st = link ? await fs.stat(abs).catch(() => undefined) : undefined;
    if (st) {
      const same = this.inputs.find((i) => i.dev === st.dev && i.ino === st.ino);
      if (same) throw new UserError(msg("out.is-input", { out: target, input: same.path }));
      if (st.isDirectory()) throw new UserError(msg("out.is-directory", { out: target }));
      if (!st.isFile()) throw new UserError(msg("out.not-regular", { out: target, what: whatOf(st) }));
    }
    if (link && !this.force) throw new UserError(msg("out.exists", { out: target }));
    const folder = dirname(abs);
    const dir = await fs.stat(folder).catch(() => undefined);
    if (!dir?.isDirectory()) throw new UserError(msg("out.folder-missing", { out: target, folder }));
  }

  /** Writes through a temporary file beside the target and renames it over the target. */
  async write(target: string, data: Uint8Array | string): Promise<void> {
    await this.verify(target);
    const abs = resolve(target);
    // crypto (several ms to load) only for a command that writes.
    const { randomBytes } = await import("crypto");
    const temp = resolve(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString("hex")}.saiten-tmp`);
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(temp, "wx", 0o644);
      await handle.writeFile(data);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await fs.rename(temp, abs);
    } catch (e) {
      await handle?.close().catch(() => undefined);
      await fs.unlink(temp).catch(() => undefined);
      throw new UserError(msg("out.write-failed", { out: target, why: writeProblem(e) }));
    }
    this.outputs.add(abs);
  }
}
