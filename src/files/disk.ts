// Every file a command reads passes through here (Node only; what it writes, through file-access.ts):
// the path is looked at before it is opened (only regular files; a folder, pipe, socket or device is
// refused at once, so nothing blocks or streams forever), its size is checked before reading and again
// while reading, and the file read is the file that was looked at. A review worker loads only this.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from "fs";
import { type Limits, tooLargeMessage } from "./limits";
import { type Message, msg, UserError } from "../messages";

export interface InputIdentity {
  /** As the user gave it (what messages name). */
  path: string;
  dev: number;
  ino: number;
}

export function errnoOf(e: unknown): string | undefined {
  return typeof e === "object" && e !== null ? (e as { code?: string }).code : undefined;
}

export function whatOf(st: Stats): Message {
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
