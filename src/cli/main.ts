// `saiten`: the scoring engine on the command line. Exit 0 when scored (issues are in the output), 1
// when a review finished with files it could not score, 2 for unusable input or arguments, with a
// one-line reason on stderr in the user's language (--lang en, or SAITEN_LANG=en).
import { Command, CommanderError } from "commander";
import { type Bilingual, type Lang, langOf, msg, type Message, render, UserError } from "../messages";
import { Cli, type Io, processIo } from "./context";
import { defineCommands } from "./commands";
import { ExitStatus } from "./exit";

export type { Io } from "./context";

// The version users see; package.json is outside the compiled tree, so it is read at run time.
function version(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("../../package.json") as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function helpText(text: string, lang: Lang): string {
  if (lang === "en") return text;
  return text
    .replace(/^Usage:/gm, "使い方:")
    .replace(/^Arguments:/gm, "引数:")
    .replace(/^Options:/gm, "オプション:")
    .replace(/^Commands:/gm, "コマンド:")
    .replace(/display help for command/g, "使い方を表示")
    .replace(/output the version number/g, "版を表示")
    .replace(/ ?\(default: ([^)\n]*)\)/g, "（既定: $1）");
}

export function program(cli: Cli): Command {
  const cmd = new Command("saiten")
    .description(cli.text(msg("help.saiten")))
    .version(version(), "-V, --version")
    .option("--lang <ja|en>", "表示言語 / language", "ja")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => cli.io.out(helpText(s, cli.lang)),
      // Commander's own error lines are replaced by the catalogue's (see commanderMessage).
      writeErr: (s) => {
        if (!/^error:/i.test(s)) cli.io.err(helpText(s, cli.lang));
      },
    })
    .showHelpAfterError(false);
  defineCommands(cmd, cli);
  return cmd;
}

/** The --lang value given anywhere on the line (commander sees it only once a command runs). */
function langArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang") return argv[i + 1] ?? "";
    if (a.startsWith("--lang=")) return a.slice("--lang=".length);
  }
  return undefined;
}

/** What a missing argument is, by the name the commands give it (see commands.ts). */
const ARGUMENTS: Record<string, Bilingual> = {
  file: { ja: "ファイル", en: "file" },
  inputs: { ja: "回答ブックのフォルダかファイル", en: "folder or files of answer workbooks" },
  "table.xlsx": { ja: "配点表（.xlsx）", en: "score table (.xlsx)" },
  "tally.xlsx": { ja: "全国集計（.xlsx）", en: "national tally (.xlsx)" },
  rulebook: { ja: "ルールブック", en: "rulebook" },
};

/** Commander's parse errors as catalogue messages: the quoted name comes from its message. */
function commanderMessage(e: CommanderError): Message {
  const name = /'([^']*)'/.exec(e.message)?.[1] ?? "";
  switch (e.code) {
    case "commander.unknownOption":
      return msg("cli.unknown-option", { option: name });
    case "commander.unknownCommand":
      return msg("cli.unknown-command", { command: name });
    case "commander.missingArgument":
      return msg("cli.missing-argument", {
        argument: Object.hasOwn(ARGUMENTS, name) ? ARGUMENTS[name] : name,
      });
    case "commander.optionMissingArgument":
      return msg("cli.option-missing-value", { option: name });
    case "commander.missingMandatoryOptionValue":
      return msg("cli.option-required", { option: name });
    case "commander.excessArguments":
      return msg("cli.too-many-arguments");
    case "commander.invalidArgument":
      return msg("cli.invalid-argument", { option: name });
    default:
      return msg("cli.usage");
  }
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const asked = langArg(argv);
  const lang = langOf(asked ?? process.env.SAITEN_LANG);
  const cli = new Cli(io, lang);
  try {
    if (asked !== undefined && asked !== "ja" && asked !== "en") {
      // The language asked for is unknown: said in both.
      const m =
        asked === ""
          ? msg("cli.option-missing-value", { option: "--lang" })
          : msg("cli.lang", { value: asked });
      io.err(`saiten: ${render(m, "ja")} / ${render(m, "en")}\n`);
      return 2;
    }
    await program(cli).parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof ExitStatus) return e.code;
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0) return 0;
      if (e.code === "commander.help") return 0;
      io.err(`saiten: ${render(commanderMessage(e), lang)}\n`);
      return 2;
    }
    if (e instanceof UserError) {
      io.err(`saiten: ${e.text(lang)}\n`);
      return e.exitCode;
    }
    // Not a problem of the input: no stack trace or library text, but a way to find out more.
    if (process.env.SAITEN_DEBUG) io.err(`${(e as Error)?.stack ?? String(e)}\n`);
    io.err(`saiten: ${render(msg("cli.unexpected"), lang)}\n`);
    return 2;
  }
}
