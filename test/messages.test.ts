// The message catalogue: every code says the same thing in Japanese and English, with the same
// parameters, and no area of the catalogue silently replaces another's code.
import { CATALOGUE, listOf, MESSAGE_AREAS as AREAS, msg, placeholders, render } from "../src/messages";
import { TABLE_WORDS } from "./fixtures/workbook-words";

describe("the message catalogue", () => {
  test("every code has Japanese and English with the same placeholders", () => {
    // A sentence may name a parameter twice in one language and once in the other.
    const names = (text: string) => [...new Set(placeholders(text))];
    const wrong = Object.entries(CATALOGUE)
      .filter(([, m]) => !m.ja.trim() || !m.en.trim() || names(m.ja).join() !== names(m.en).join())
      .map(([code, m]) => ({ code, ja: names(m.ja), en: names(m.en) }));
    expect(wrong).toEqual([]);
    expect(Object.keys(CATALOGUE).length).toBeGreaterThan(200);
  });

  test("each code belongs to one area (spreading would hide a clash)", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [area, entries] of Object.entries(AREAS)) {
      for (const code of Object.keys(entries)) {
        if (seen.has(code)) clashes.push(`${code}: ${seen.get(code)} and ${area}`);
        seen.set(code, area);
      }
    }
    expect(clashes).toEqual([]);
    expect(Object.keys(CATALOGUE).sort()).toEqual([...seen.keys()].sort());
  });

  test("a message inside a message is said in the same language", () => {
    const kind = msg("table.kind.choice");
    const m = msg("table.column-not-for-kind", { kind, header: "配点" });
    expect(render(m, "ja")).toBe("種類が「択一」の指標では「配点」の列は使いません（読み込みません）。");
    expect(render(m, "en")).toBe(
      "A 択一 (single choice) indicator does not use the “配点” column; it is not read.",
    );
  });

  test("lists read as each language lists them, whatever the items are", () => {
    expect(listOf(["ア", "イ"])).toEqual({ ja: "ア、イ", en: "ア, イ" });
    expect(listOf([msg("engine.none"), { ja: "合計", en: "Total" }, 3])).toEqual({
      ja: "なし、合計、3",
      en: "none, Total, 3",
    });
  });
});

describe("English is English", () => {
  const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  // What an English message may keep in Japanese: the words of a workbook, as the user will find them
  // in the sheet. The 配点表's messages name its own vocabulary (sheets, headers, cell words,
  // examples: fixtures/workbook-words.ts); every other message only these.
  const WORKBOOK_WORDS = [
    // Saiten's answer sheet and the header its rows are found by (saiten template).
    "回答",
    "指標ID",
    // The score-table workbook, by the name its authors know it by.
    "配点表",
    // Headers of MHLW's national tally that a message asks the user to look for.
    "保険者番号",
    "市町村名",
    "推進・支援合計",
    "配点",
  ];
  const japaneseLeft = (en: string, words: readonly string[]) =>
    [...words]
      .sort((a, b) => b.length - a.length)
      .reduce((rest, w) => rest.split(w).join(" "), en)
      .match(new RegExp(JAPANESE.source, "gu"))
      ?.join("") ?? "";
  const TABLE_CODES = new Set(Object.keys(AREAS.SCORE_TABLE_MESSAGES));
  const TABLE_JAPANESE = TABLE_WORDS.filter((w) => JAPANESE.test(w));

  test("no English holds Japanese but a workbook's own words", () => {
    const left = Object.entries(CATALOGUE)
      .map(([code, m]) => ({
        code,
        japanese: japaneseLeft(m.en, TABLE_CODES.has(code) ? [...WORKBOOK_WORDS, ...TABLE_JAPANESE] : WORKBOOK_WORDS),
      }))
      .filter((x) => x.japanese);
    expect(left).toEqual([]);
    // The check can fail: a Japanese sentence in an English field is caught.
    expect(japaneseLeft("回答がありません。", WORKBOOK_WORDS)).toBe("がありません");
  });

  test("every English differs from its Japanese, unless the entry is only placeholders", () => {
    // 「{file}: {detail}」 is the same in both languages: nothing in it is a word.
    const words = (text: string) => text.replace(/\{\w+\}/g, "").replace(/[\s\p{P}\p{S}]/gu, "");
    const same = Object.entries(CATALOGUE)
      .filter(([, m]) => m.en === m.ja && words(m.ja) !== "")
      .map(([code]) => code);
    expect(same).toEqual([]);
    expect(words("{file}: {detail}")).toBe("");
    expect(words("{n}点")).toBe("点");
  });
});

describe("what the add-in shows", () => {
  // Its own messages, and the variants of the limits' messages it is given (it has no options to raise them).
  const PANE_SHOWN = [
    ...Object.keys(AREAS.PANE_MESSAGES),
    "file.too-large-fixed",
    "file.timeout-fixed",
    "book.unpacked-too-large-fixed",
    "book.too-many-rows-fixed",
    "book.too-many-cells-fixed",
  ];
  const COMMAND_LINE = /(^|[\s（(「])--[a-z]|saiten [a-z]|コマンド|the command/;

  test("names no command-line option, command or the CLI itself", () => {
    const catalogue = CATALOGUE as Record<string, { ja: string; en: string }>;
    const named = PANE_SHOWN.filter(
      (c) => COMMAND_LINE.test(catalogue[c].ja) || COMMAND_LINE.test(catalogue[c].en),
    );
    expect(named).toEqual([]);
    // The check can fail: the command line's own variant names its option.
    expect(COMMAND_LINE.test(catalogue["book.too-many-rows"].ja)).toBe(true);
  });
});
