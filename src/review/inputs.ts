// What `saiten review <folder|files…>` is pointed at: a folder's .xlsx files (not recursive, sorted,
// without Office lock files `~$…` or hidden files), or files named one by one, kept as given.
import { existsSync, readdirSync, statSync } from "fs";
import { join } from "path";
import { UsageError } from "../cli/load";

const XLSX = /\.xlsx$/i;

/** True for names a folder listing skips: Office lock files (~$…) and hidden files (.…). */
export function skippedName(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".");
}

/** The .xlsx files directly inside a folder, sorted by name (code-point order, stable across systems). */
export function folderWorkbooks(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !skippedName(e.name) && XLSX.test(e.name) && (e.isFile() || e.isSymbolicLink()))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(dir, name))
    .filter((p) => statSync(p).isFile());
}

/** Expands folders and files into the list of workbooks to review; nothing usable is a UsageError. */
export function expandInputs(args: readonly string[]): string[] {
  if (!args.length) throw new UsageError("回答ブックのフォルダかファイルを指定してください。");
  const out: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    if (!existsSync(arg)) throw new UsageError(`${arg} がありません。`);
    const list = statSync(arg).isDirectory() ? folderWorkbooks(arg) : [arg];
    for (const f of list) {
      if (seen.has(f)) continue;
      seen.add(f);
      out.push(f);
    }
  }
  if (!out.length)
    throw new UsageError(
      `${args.join(", ")} に .xlsx ファイルがありません（サブフォルダは見ません。.xls は Excel で .xlsx として保存し直してください）。`,
    );
  return out;
}
