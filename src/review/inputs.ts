// What `saiten review <folder|files…>` is pointed at. A folder yields every entry directly inside it
// (not recursive, sorted): workbooks (.xlsx, .xlsm, .xltx, .xltm) to review, and every other file
// listed with the reason it is not read — an old .xls, an .ods, a CSV, a dangling link, a link loop,
// an unreadable entry — so that the summary accounts for everything a municipality sent. Office lock
// files (~$…), hidden files and subfolders are left out (subfolders are counted for the user).
import { type Dirent, promises as fs, type Stats } from "fs";
import { join } from "path";
import { bilingual, type Message, msg, UserError } from "../messages";
import { failedRecord } from "../app/review/refusals";
import type { ReviewRecord } from "../app/review/types";
import { isWorkbookName, skippedName, unsupportedRecord } from "../app/review/file-kinds";

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ReviewInputs {
  /** Files to read and score, in order. */
  files: string[];
  /** Entries that are not read, each with its reason (failed records, in folder order). */
  refused: ReviewRecord[];
  /** Subfolders seen and not entered. */
  subfolders: number;
}

function refusal(file: string, code: NonNullable<ReviewRecord["reasonCode"]>, m: Message): ReviewRecord {
  return failedRecord(file, code, bilingual(m));
}

async function entryOf(dir: string, e: Dirent): Promise<{ path: string; stats?: Stats; refused?: ReviewRecord }> {
  const path = join(dir, e.name);
  if (!e.isSymbolicLink()) return { path };
  try {
    return { path, stats: await fs.stat(path) };
  } catch (err) {
    const code = (err as { code?: string }).code;
    const m =
      code === "ELOOP"
        ? msg("file.link-loop", { file: path })
        : code === "ENOENT"
          ? msg("file.dangling-link", { file: path })
          : msg("file.read-failed", { file: path });
    return { path, refused: refusal(path, "link", m) };
  }
}

/** Every entry directly inside a folder, sorted by name (code-point order, stable across systems). */
export async function folderEntries(dir: string): Promise<ReviewInputs> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    throw new UserError(msg("review.folder-unreadable", { folder: dir }));
  }
  const out: ReviewInputs = { files: [], refused: [], subfolders: 0 };
  for (const e of entries.filter((x) => !skippedName(x.name)).sort((a, b) => byCodePoint(a.name, b.name))) {
    const { path, stats, refused } = await entryOf(dir, e);
    if (refused) {
      out.refused.push(refused);
      continue;
    }
    const isDir = stats ? stats.isDirectory() : e.isDirectory();
    const isFile = stats ? stats.isFile() : e.isFile();
    if (isDir) out.subfolders++;
    else if (!isFile) out.refused.push(refusal(path, "unreadable", msg("file.not-regular", { file: path, what: msg("file.what.other") })));
    else if (isWorkbookName(e.name)) out.files.push(path);
    else out.refused.push(unsupportedRecord(path));
  }
  return out;
}

/** The .xlsx (and kin) files directly inside a folder, sorted; other entries are not listed here. */
export async function folderWorkbooks(dir: string): Promise<string[]> {
  return (await folderEntries(dir)).files;
}

/** Expands folders and files into what to review; an argument that does not exist is a UserError. */
export async function expandInputs(args: readonly string[]): Promise<ReviewInputs> {
  if (!args.length) throw new UserError(msg("review.no-inputs"));
  const out: ReviewInputs = { files: [], refused: [], subfolders: 0 };
  const seen = new Set<string>();
  const add = (f: string) => {
    if (seen.has(f)) return false;
    seen.add(f);
    return true;
  };
  for (const arg of args) {
    const link = await fs.lstat(arg).catch(() => undefined);
    if (!link) throw new UserError(msg("file.not-found", { file: arg }));
    const st = await fs.stat(arg).catch(() => undefined);
    if (st?.isDirectory()) {
      const found = await folderEntries(arg);
      for (const f of found.files) if (add(f)) out.files.push(f);
      for (const r of found.refused) if (add(r.file)) out.refused.push(r);
      out.subfolders += found.subfolders;
    } else if (add(arg)) out.files.push(arg); // named one by one: read, and refused there with its reason
  }
  if (!out.files.length && !out.refused.length) throw new UserError(msg("review.nothing", { inputs: args.join(", ") }));
  return out;
}
