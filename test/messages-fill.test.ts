// fill() splits each text once and reuses the pieces: for any text and parameters it must give what
// replacing every {name} with its parameter (and leaving unknown names as written) gives.
import fc from "fast-check";
import { fill } from "../src/messages/format";

const byRegex = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (all, name: string) => (Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : all));

const piece = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom("{a}", "{b}", "{n}", "{toString}", "{}", "{a", "a}", "{{a}}", "{ a }", "{日本}", "｛a｝"),
);

test("fill gives what the placeholder pattern gives, the same text filled again and again", () => {
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 8 }).map((xs) => xs.join("")),
      fc.dictionary(fc.constantFrom("a", "b", "n", "x"), fc.oneof(fc.string({ maxLength: 4 }), fc.integer())),
      (text, vars) => {
        expect(fill(text, vars)).toBe(byRegex(text, vars));
        expect(fill(text, vars)).toBe(byRegex(text, vars));
      },
    ),
    { numRuns: 2000 },
  );
  expect(fill("{a}点", { a: 4 })).toBe("4点");
  expect(fill("{a}と{b}", { a: "{b}", b: "x" })).toBe("{b}とx");
});
