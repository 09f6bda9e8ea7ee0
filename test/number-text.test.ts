// The one reading of people's text: NFKC, whitespace collapsed, trimmed — the same answer every time,
// whether the text is met for the first time or was normalised before (short texts are remembered).
import fc from "fast-check";
import { normaliseText, readNumberText } from "../src/numbers/parse";
import { heldByCutTexts } from "./fixtures/cut-texts";

const reference = (s: string) => s.normalize("NFKC").replace(/\s+/g, " ").trim();

test("full-width and compatibility characters become their plain forms; spaces collapse", () => {
  expect(normaliseText("\u3000ｴ\u3000")).toBe("エ");
  expect(normaliseText("①")).toBe("1");
  expect(normaliseText("１２．５％")).toBe("12.5%");
  expect(normaliseText("  a \t b\n")).toBe("a b");
  expect(normaliseText("○")).toBe("○");
  expect(readNumberText("▲１，２３４円")).toEqual({
    kind: "number",
    value: -1234,
    percent: false,
    perMille: false,
  });
});

test("a text reads the same the first time and every time after, past the remembered number of texts", () => {
  // Thousands of distinct short texts (full-width digits and kana), each read again after the others.
  const texts = Array.from(
    { length: 5000 },
    (_, i) => `ｱ${String(i).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}\u3000`,
  );
  for (const s of texts) expect(normaliseText(s)).toBe(reference(s));
  for (const s of texts) expect(normaliseText(s)).toBe(reference(s));
  expect(normaliseText(texts[4321])).toBe("ア4321");
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: "grapheme", maxLength: 20 }), { minLength: 1, maxLength: 3000 }),
      (texts) => {
        for (const s of texts) expect(normaliseText(s)).toBe(reference(s));
        for (const s of texts) expect(normaliseText(s)).toBe(reference(s));
      },
    ),
    { numRuns: 20 },
  );
});

test("ASCII texts with every kind of space, at the ends, together or alone: as the reference reads them", () => {
  for (const s of [
    "",
    " ",
    "a",
    " a",
    "a ",
    "a b",
    "a  b",
    "a\tb",
    "\n",
    "1,234",
    "n/a",
    "a\u000bb",
    "a\fb",
    "\r\n",
  ])
    expect(normaliseText(s)).toBe(reference(s));
  const ascii = fc.constantFrom(..." \t\n\u000b\f\r\u0000\u007fa1-,.%/_".split(""));
  fc.assert(
    fc.property(fc.string({ unit: ascii, maxLength: 12 }), (s) =>
      expect(normaliseText(s)).toBe(reference(s)),
    ),
    { numRuns: 5000 },
  );
});

test("a remembered text never keeps the workbook text it was cut from alive", () => {
  // Remembered as it came, a cell's text would hold its whole sheet (or shared strings) for the rest of a batch.
  const held = heldByCutTexts((cut, book) => {
    const text = `介護予防の取組を第${book}回実施した`;
    expect(normaliseText(cut(text))).toBe(text);
  });
  expect(held).toBeLessThan(4_000_000);
});
