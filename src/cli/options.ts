// Option values checked as they are parsed, each refusal naming the option and the value given.
import type { Command } from "commander";
import { type Limits, type LimitOptions, withOptions } from "../files/limits";
import { msg, UserError } from "../messages";

const numberOf = (v: string) => Number(String(v).normalize("NFKC").replace(/[,_]/g, ""));

export const positiveNumber =
  (flag: string) =>
  (v: string): number => {
    const n = numberOf(v);
    if (!Number.isFinite(n) || n <= 0) throw new UserError(msg("cli.option-positive", { flag, value: v }));
    return n;
  };

export const positiveInteger =
  (flag: string) =>
  (v: string): number => {
    const n = numberOf(v);
    if (!Number.isInteger(n) || n <= 0) throw new UserError(msg("cli.option-positive-integer", { flag, value: v }));
    return n;
  };

export const nonNegativeInteger =
  (flag: string) =>
  (v: string): number => {
    const n = numberOf(v);
    if (!Number.isInteger(n) || n < 0) throw new UserError(msg("cli.option-non-negative", { flag, value: v }));
    return n;
  };

/** --max-file-mb and friends, the same on every command that reads files. */
export function limitOptions(cmd: Command, base: Limits, timeout = false): Command {
  cmd
    .option(
      "--max-file-mb <n>",
      `1ファイルの上限 MB（既定 ${base.maxFileBytes / 1048576}）/ largest file, MB`,
      positiveNumber("--max-file-mb"),
    )
    .option(
      "--max-uncompressed-mb <n>",
      `展開後の上限 MB（既定 ${base.maxUncompressedBytes / 1048576}）/ largest unpacked size, MB`,
      positiveNumber("--max-uncompressed-mb"),
    )
    .option(
      "--max-rows <n>",
      `1シートの行数の上限（既定 ${base.maxRows}）/ most rows per sheet`,
      positiveInteger("--max-rows"),
    )
    .option(
      "--max-cells <n>",
      `1シートのセル数の上限（既定 ${base.maxCells}）/ most cells per sheet`,
      positiveInteger("--max-cells"),
    );
  if (timeout)
    cmd.option(
      "--timeout-s <n>",
      `1ファイルの時間の上限 秒（既定 ${base.timeoutMs / 1000}）/ most seconds per file`,
      positiveNumber("--timeout-s"),
    );
  return cmd;
}

export function limitsFrom(base: Limits, opts: LimitOptions): Limits {
  return withOptions(base, opts);
}
