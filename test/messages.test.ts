// The message catalogue: every code says the same thing in Japanese and English, with the same
// parameters, and no area of the catalogue silently replaces another's code.
import { CATALOGUE, msg, placeholders, render } from "../src/messages";
import { CLI_MESSAGES } from "../src/messages/cli";
import { ENGINE_MESSAGES } from "../src/messages/engine";
import { FILE_MESSAGES } from "../src/messages/files";
import { INPUT_MESSAGES } from "../src/messages/inputs";
import { PANE_MESSAGES } from "../src/messages/pane";
import { RULEBOOK_MESSAGES } from "../src/messages/rulebooks";
import { SCORE_TABLE_MESSAGES } from "../src/messages/score-table";

const AREAS = {
  ENGINE_MESSAGES,
  FILE_MESSAGES,
  CLI_MESSAGES,
  INPUT_MESSAGES,
  RULEBOOK_MESSAGES,
  SCORE_TABLE_MESSAGES,
  PANE_MESSAGES,
};

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
});
