// The fast reader's own reading of numbers (src/adapters/xlsx/digits.ts) gives what parseInt and
// parseFloat give, for the strings a sheet writes and for any other.
import fc from "fast-check";
import { floatOf, intOf } from "../src/adapters/xlsx/digits";

const sameAsBuiltins = (s: string) => {
  expect(Object.is(intOf(s), parseInt(s, 10))).toBe(true);
  expect(Object.is(floatOf(s), parseFloat(s))).toBe(true);
};

test("digits as a sheet writes them: indexes, row numbers, whole values", () => {
  for (const s of [
    "0",
    "7",
    "12",
    "0012",
    "1048576",
    "999999999999999",
    "9999999999999999",
    "12345678901234567890",
  ])
    sameAsBuiltins(s);
  expect(intOf("1048576")).toBe(1048576);
  expect(floatOf("999999999999999")).toBe(999999999999999);
});

test("anything else as the built-ins read it: signs, decimals, exponents, spaces, text, nothing", () => {
  for (const s of [
    "",
    "-0",
    "-5",
    "+3",
    "1.5",
    "1e3",
    " 12",
    "12 ",
    "1_000",
    "٣",
    "１２",
    "0x1A",
    "Infinity",
    "NaN",
    "TRUE",
  ])
    sameAsBuiltins(s);
});

test("any string of digits, and any string at all", () => {
  fc.assert(fc.property(fc.stringMatching(/^[0-9]{0,20}$/), sameAsBuiltins), { numRuns: 2000 });
  fc.assert(fc.property(fc.string({ maxLength: 20 }), sameAsBuiltins), { numRuns: 2000 });
  fc.assert(
    fc.property(fc.double({ noNaN: false }), (d) => sameAsBuiltins(String(d))),
    { numRuns: 2000 },
  );
});
