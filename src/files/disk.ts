// Every file a command reads or writes passes through here (Node only).
// In: the path is looked at before it is opened (only regular files; a folder, pipe, socket or device
// is refused at once, so nothing blocks or streams forever), its size is checked before reading and
// again while reading, and the file read is the file that was looked at.
// Out: an output that is an input (same device and inode, so links count) is refused; an existing
// file is replaced only when the user said --force; bytes go to a temporary file beside the target,
// which is then renamed over it, so a failed or interrupted write leaves what was there.
import { closeSync, constants, fstatSync, lstatSync, openSync, promises as fs, readSync, statSync, type Stats } from "fs";
import { basename, dirname, resolve } from "path";
import { randomBytes } from "crypto";
import { type Limits, tooLargeMessage } from "./limits";
import { type Message, msg, UserError } from "../messages";

export interface InputIdentity {
  /** As the user gave it (what messages name). */
  path: string;
  dev: number;
  ino: number;
}

function errnoOf(e: unknown): string | undefined {
  return typeof e === "object" && e !== null ? (e as { code?: string }).code : undefined;
}

function whatOf(st: Stats): Message {
  if (st.isFIFO()) return msg("file.what.fifo");
  if (st.isSocket()) return msg("file.what.socket");
  if (st.isCharacterDevice() || st.isBlockDevice()) return msg("file.what.device");
  return msg("file.what.other");
}

/** The message for an error of the file system while reading `file`. */
export function readProblem(e: unknown, file: string): Message {
  switch (errnoOf(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return msg("file.not-found", { file });
    case "ELOOP":
      return msg("file.link-loop", { file });
    case "EACCES":
    case "EPERM":
      return msg("file.no-permission", { file });
    case "EISDIR":
      return msg("file.is-directory", { file });
    default:
      return msg("file.read-failed", { file });
  }
}

/** Stats of what the path names, following links, with a message for anything but a regular file. */
function regularFile(file: string): Stats {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    if (errnoOf(e) === "ENOENT") {
      // A link whose target is gone says so, rather than "does not exist".
      const link = lstatSync(file, { throwIfNoEntry: false });
      if (link?.isSymbolicLink()) throw new UserError(msg("file.dangling-link", { file }));
    }
    throw new UserError(readProblem(e, file));
  }
  if (st.isDirectory()) throw new UserError(msg("file.is-directory", { file }));
  if (!st.isFile()) throw new UserError(msg("file.not-regular", { file, what: whatOf(st) }));
  return st;
}

function tooLarge(file: string, size: number, limits: Limits, flag: string): UserError {
  return new UserError(tooLargeMessage(file, size, limits, flag));
}

export interface ReadFile extends InputIdentity {
  bytes: Uint8Array;
}

/**
 * Reads a whole regular file within `limits.maxFileBytes`. Opened without blocking (a pipe swapped in
 * after the check cannot hang the read) and re-checked on the open handle, so the bytes read belong
 * to the file that was checked. Synchronous on purpose: the review's workers read a file after
 * another, and each step of an asynchronous read waited its turn on Node's thread pool — a fifth of a
 * worker's time went idle between the six steps of reading a 20 KB workbook.
 */
export function readInputFile(file: string, limits: Limits, sizeFlag = "--max-file-mb"): ReadFile {
  const st = regularFile(file);
  if (st.size > limits.maxFileBytes) throw tooLarge(file, st.size, limits, sizeFlag);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new UserError(readProblem(e, file));
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile() || now.dev !== st.dev || now.ino !== st.ino)
      throw new UserError(msg("file.read-failed", { file }));
    // One byte more than the limit tells a file that grew past it while being read.
    const cap = Math.min(limits.maxFileBytes + 1, Math.max(now.size, st.size) + 1);
    const buf = new Uint8Array(cap);
    let filled = 0;
    for (;;) {
      const bytesRead = readSync(fd, buf, filled, cap - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === cap) break;
    }
    if (filled > limits.maxFileBytes) throw tooLarge(file, filled, limits, sizeFlag);
    if (filled === cap && cap <= limits.maxFileBytes) throw new UserError(msg("file.grew", { file }));
    return { path: file, dev: now.dev, ino: now.ino, bytes: buf.subarray(0, filled) };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(readProblem(e, file));
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a file only read from cannot lose anything.
    }
  }
}

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
