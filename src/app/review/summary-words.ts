// The summary workbook and CSV in one language: the catalogue's words, and the names of groups,
// indicators and size bands as the rulebook gives them in that language. The summary itself (the JSON)
// carries names in Japanese, as its rows were made; in Japanese they are shown as they are.
import { codeIn, localText, withCode } from "../../engine/text";
import type { LocalText } from "../../engine/types";
import { type Lang, type Message, type MessageCode, msg, type Param, render } from "../../messages";
import type { Group, Indicator, Rulebook } from "../../rulebooks/schema";
import { walkTree } from "../../rulebooks/tree";
import type { ReviewRow } from "./types";

/** The language of a summary's files, and the rulebook whose names they use in it. */
export interface SummaryLanguage {
  lang: Lang;
  /** The review's rulebook: the names of its groups, indicators and size bands in `lang`. */
  rulebook?: Rulebook;
}

/** A group's name in a summary, in `lang`: the total as 合計 / Total, the others with their code. */
export function summaryGroupName(g: Group, depth: number, lang: Lang): string {
  return depth === 0
    ? render(msg("score.table.total"), lang)
    : withCode(codeIn(g.code, lang), localText(g.name, g.id)[lang]);
}

/** An indicator's name in a summary, in `lang`, with its code. */
export function summaryIndicatorName(i: Indicator, lang: Lang): string {
  return withCode(codeIn(i.code, lang), localText(i.name, i.id)[lang]);
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
    walkTree(rb, {
      group: (g, depth) => this.names.set(g.id, summaryGroupName(g, depth, lang)),
      indicator: (i) => this.names.set(i.id, summaryIndicatorName(i, lang)),
    });
    for (const c of rb.sizeClasses?.classes ?? []) this.bands.set(c.id, localText(c.label, c.id)[lang]);
  }

  /** A message in this language. */
  word(m: Message): string {
    return render(m, this.lang);
  }

  say(code: MessageCode, params?: Record<string, Param>): string {
    return this.word(msg(code, params));
  }

  /** Headings by their codes. */
  heads(codes: readonly MessageCode[]): string[] {
    return codes.map((code) => this.say(code));
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
