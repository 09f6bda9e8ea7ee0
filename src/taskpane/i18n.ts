// The pane's words come from the message catalogue (src/messages/pane.ts, codes "pane.…"); the
// components name them without the prefix. Engine and rulebook texts carry their own {ja, en}.
import { type Bilingual, type Lang, type MessageCode, msg, render } from "../messages";
import type { Vars } from "../messages/format";
import { PANE_MESSAGES } from "../messages/pane";

export type { Lang } from "../messages";
export type { Vars } from "../messages/format";
export { placeholders } from "../messages";

type PaneCode = keyof typeof PANE_MESSAGES;
type WithoutPrefix<C> = C extends `pane.${infer K}` ? K : never;
export type MessageKey = WithoutPrefix<PaneCode>;

const PREFIX = "pane.";

/** The pane's entries by the names the components use. */
export const MESSAGES: Readonly<Record<MessageKey, Bilingual>> = Object.fromEntries(
  Object.entries(PANE_MESSAGES).map(([code, text]) => [code.slice(PREFIX.length), text]),
) as Record<MessageKey, Bilingual>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const code: MessageCode = `pane.${key}`;
  return render(msg(code, vars), lang);
}

/** Both languages, for texts the pane keeps beside the engine's {ja, en} (what a gain would reach). */
export function bothLanguages(key: MessageKey, vars?: Vars): Bilingual {
  return { ja: translate("ja", key, vars), en: translate("en", key, vars) };
}
