// What every component may use: the PaneApi (the only way to the workbook) and the language.
import { createContext, useContext } from "react";
import type { PaneApi } from "../app/pane-api";
import type { Lang, MessageKey, Vars } from "./i18n";
import { translate } from "./i18n";
import type { LocalText } from "../engine/types";

export interface PaneContextValue {
  api: PaneApi;
  lang: Lang;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Picks the language's text of an engine/rulebook text (Japanese when no English exists). */
  lt: (text: LocalText | undefined) => string;
}

export function makePaneContext(api: PaneApi, lang: Lang): PaneContextValue {
  return {
    api,
    lang,
    t: (key, vars) => translate(lang, key, vars),
    lt: (text) => (text ? text[lang] || text.ja : ""),
  };
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const v = useContext(PaneContext);
  if (!v) throw new Error("usePane() outside <PaneContext.Provider>");
  return v;
}
