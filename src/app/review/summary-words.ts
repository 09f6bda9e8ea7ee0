// The summary workbook and CSV in one language: the catalogue's words, and the names of groups,
// indicators and size bands as the rulebook gives them in that language. The summary itself (the JSON)
// carries names in Japanese, as its rows were made; in Japanese they are shown as they are.
import { codeIn, localText, withCode } from "../../engine/text";
import type { LocalText } from "../../engine/types";
import { type Lang, type MessageCode, msg, type Param, render } from "../../messages";
import type { Rulebook } from "../../rulebooks/schema";
import { walkTree } from "../../rulebooks/tree";
import type { ReviewRow } from "./types";

/** The language of a summary's files, and the rulebook whose names they use in it. */
export interface SummaryLanguage {
  lang: Lang;
  /** The review's rulebook: the names of its groups, indicators and size bands in `lang`. */
  rulebook?: Rulebook;
}

export class SummaryWords {
  readonly lang: Lang;
  /** Names by id in `lang`, where the language is not the summary's own (Japanese) and the rulebook is known. */
  private readonly names = new Map<string, string>();
  private readonly bands = new Map<string, string>();

  constructor(language: SummaryLanguage = { lang: "ja" }) {
    this.lang = language.lang;
    const rb = language.rulebook;
    if (this.lang === "ja" || !rb) return;
    const lang = this.lang;
    const named = (code: string | undefined, name: LocalText) => withCode(codeIn(code, lang), name[lang]);
    walkTree(rb, {
      group: (g, depth) =>
        this.names.set(
          g.id,
          depth === 0 ? render(msg("score.table.total"), lang) : named(g.code, localText(g.name, g.id)),
        ),
      indicator: (i) => this.names.set(i.id, named(i.code, localText(i.name, i.id))),
    });
    for (const c of rb.sizeClasses?.classes ?? []) this.bands.set(c.id, localText(c.label, c.id)[lang]);
  }

  say(code: MessageCode, params?: Record<string, Param>): string {
    return render(msg(code, params), this.lang);
  }

  /** A group's or an indicator's name: the summary's (Japanese) unless the rulebook gives it in this language. */
  name(id: string, summaryName: string): string {
    return this.names.get(id) ?? summaryName;
  }

  /** The row's size band by name (by id where the summary has no name). */
  band(row: ReviewRow): string | undefined {
    return (row.sizeClass && this.bands.get(row.sizeClass)) || row.sizeClassName || row.sizeClass;
  }

  /** 達成 / 未達成 in this language. */
  judgement(j: ReviewRow["judgement"]): string | null {
    return j === null ? null : this.say(j === "達成" ? "score.table.met" : "score.table.not-met");
  }

  text(t: LocalText): string {
    return t[this.lang];
  }
}
