// Option values checked as they are parsed, each refusal naming the option and the value given.
import type { Command } from "commander";
import { type Limits, type LimitOptions, withOptions } from "../files/limits";
import { msg, type Param, UserError } from "../messages";
import type { HELP_MESSAGES } from "../messages/cli-help";
import type { Cli } from "./context";

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

/** A line of the help, in the user's language. */
export function helpOf(root: Cli): (code: keyof typeof HELP_MESSAGES, params?: Record<string, Param>) => string {
  return (code, params) => root.text(msg(code, params));
}

/** --max-file-mb and friends, the same on every command that reads files. */
export function limitOptions(cmd: Command, root: Cli, base: Limits, timeout = false): Command {
  const help = helpOf(root);
  cmd
    .option(
      "--max-file-mb <n>",
      help("help.max-file-mb", { n: base.maxFileBytes / 1048576 }),
      positiveNumber("--max-file-mb"),
    )
    .option(
      "--max-uncompressed-mb <n>",
      help("help.max-uncompressed-mb", { n: base.maxUncompressedBytes / 1048576 }),
      positiveNumber("--max-uncompressed-mb"),
    )
    .option("--max-rows <n>", help("help.max-rows", { n: base.maxRows }), positiveInteger("--max-rows"))
    .option("--max-cells <n>", help("help.max-cells", { n: base.maxCells }), positiveInteger("--max-cells"));
  if (timeout)
    cmd.option("--timeout-s <n>", help("help.timeout-s", { n: base.timeoutMs / 1000 }), positiveNumber("--timeout-s"));
  return cmd;
}

export function limitsFrom(base: Limits, opts: LimitOptions): Limits {
  return withOptions(base, opts);
}
