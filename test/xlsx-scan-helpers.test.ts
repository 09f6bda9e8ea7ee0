// The fast reader's own reading of numbers and spaces (src/adapters/xlsx/digits.ts, isJsSpace in xml.ts),
// written so that its loops need no call into V8's builtins: the same answers as parseInt, parseFloat and
// /\s/, for the strings a sheet writes and for any other.
import fc from "fast-check";
import { floatOf, intOf } from "../src/adapters/xlsx/digits";
import { attributes, isJsSpace } from "../src/adapters/xlsx/xml";
import { Unsupported } from "../src/adapters/xlsx";

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

test("the readers' space test is what \\s matches, for every UTF-16 code unit", () => {
  const differ: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
  expect(differ).toEqual([]);
});

/** The attributes of a start tag as the expression the scanner replaced reads them (refusals as null). */
function byExpression(attrs: string): Map<string, string> | null {
  const out = new Map<string, string>();
  const re = /([^\s=<>"'/]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
  let i = 0;
  for (;;) {
    const from = i;
    while (i < attrs.length && /\s/.test(attrs[i])) i++;
    if (i >= attrs.length) return out;
    if (out.size && i === from) return null;
    re.lastIndex = i;
    const m = re.exec(attrs);
    if (!m || out.has(m[1])) return null;
    out.set(m[1], (m[2] ?? m[3]).replace(/\r\n|[\t\n\r]/g, " "));
    i = re.lastIndex;
  }
}

function byScanner(attrs: string): Map<string, string> | null {
  try {
    return attributes(attrs);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

test("a start tag's attributes: read as the expression read them, refused where it refused them", () => {
  const plain = (m: Map<string, string> | null) => (m ? [...m] : null);
  for (const s of [
    ' r="A1" s="3"',
    " a = 'x' b=\"y\"",
    ' a="1"b="2"',
    ' a="1" a="2"',
    ' a="<"',
    ' a="x',
    ' ="x"',
    " a",
    ' a="&amp;"',
    '\u3000a="1"',
  ])
    expect([s, plain(byScanner(s))]).toEqual([
      s,
      plain(byExpression(s)) && plain(byExpression(s))!.map(([k, v]) => [k, v === "&amp;" ? "&" : v]),
    ]);
  // Values without entities or line breaks, so that decoding leaves them as they are.
  const unit = fc.constantFrom(..." \t\u3000=<>\"'/abr1:".split(""));
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 16 }), (s) =>
      expect(plain(byScanner(s))).toEqual(plain(byExpression(s))),
    ),
    { numRuns: 20000 },
  );
});
