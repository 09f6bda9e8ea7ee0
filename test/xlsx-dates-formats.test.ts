// The fast reader's own rules for number formats and dates, against ExcelJS's as the oracle: which
// formats make a number a date, serial → Date in both date systems, the built-in format table, the
// second entity decoding — unit by unit over broad inputs, then end to end through real files.
import fc from "fast-check";
import utils from "exceljs/lib/utils/utils";
import defaultNumFormats from "exceljs/lib/xlsx/defaultnumformats";
import { builtinNumFmt } from "../src/adapters/xlsx/builtin-formats";
import { isDateFormat, serialToDate } from "../src/adapters/xlsx/dates";
import { decodeAgain } from "../src/adapters/xlsx/xml";
import { patchedBook, xmlEscape } from "./fixtures/patched-xlsx";
import { sameReads } from "./fixtures/both-readers";
import { heldByCutTexts } from "./fixtures/cut-texts";

/** Every code in ExcelJS's built-in table, the locale variants included. */
const BUILTIN_CODES = Object.values(defaultNumFormats).flatMap((v) => Object.values(v ?? {}));

/** Formats found in real workbooks: Japanese dates and eras, percentages, text, units, accounting. */
const REAL_FORMATS = [
  // Japanese dates, eras (g, e), weekdays (aaa), kanji units, DBNum numerals
  '[$-411]ggge"年"m"月"d"日"',
  '[$-ja-JP]ggge"年"m"月"d"日"',
  "[$-411]ge.m.d",
  '[$-411]gge"年"m"月"d"日"',
  '[DBNum1][$-411]ggge"年"m"月"d"日"',
  '[DBNum3][$-411]ggge"年"m"月"d"日"',
  'ggge"年"m"月"d"日"',
  'ggge"年"m"月"d"日"(aaa)',
  '[$-411]e"年"',
  "e/m/d",
  '"令和"e"年"',
  'yyyy"年"m"月"d"日"',
  'yyyy"年"m"月"d"日";@',
  'yyyy"年"m"月"',
  'm"月"d"日"',
  'm"月"d"日"(aaa)',
  "yyyy/m/d(aaa)",
  "aaa",
  "aaaa",
  "(aaaa)",
  'h"時"mm"分"',
  'h"時"mm"分"ss"秒"',
  "[$-F800]dddd, mmmm dd, yyyy",
  "[$-F400]h:mm:ss AM/PM",
  "[$-409]mmmm d, yyyy;@",
  "[$-409]d-mmm-yy;@",
  // plain dates and times
  "yyyy/mm/dd",
  "yyyy/m/d",
  "yyyy-mm-dd",
  'yyyy-mm-dd"T"hh:mm:ss',
  "yyyy/mm/dd hh:mm",
  "dd/mm/yyyy",
  "d-mmm-yy",
  "mmm-yy",
  "mmmmm",
  "[h]:mm",
  "[h]:mm:ss",
  "[mm]:ss",
  "[ss].000",
  "mm:ss.0",
  "hh:mm:ss.000",
  "h:mm AM/PM",
  "d/m/bb",
  "bbbb/mm/dd",
  // percentages
  "0%",
  "0.0%",
  "0.00%",
  '0.0"%"',
  "#,##0.0%",
  "0.0%;[Red]-0.0%",
  "0.0%;▲0.0%",
  // text
  "@",
  '@"様"',
  '"回答："@',
  '@" 点"',
  '"○";"×";"－"',
  '"はい";;"いいえ"',
  // numbers with Japanese units and signs
  '#,##0"円"',
  '#,##0"千円"',
  '#,##0"人"',
  '0"点"',
  '0.0"点"',
  '0"日"',
  '0.0"月"',
  '#,##0"件"',
  '0"歳"',
  '00"年度"',
  '"令和"0"年度"',
  '"R"0',
  '#,##0;"▲"#,##0',
  '#,##0;"△"#,##0;"－"',
  "#,##0;[Red]-#,##0",
  "#,##0_ ;[Red]\\-#,##0\\ ",
  "¥#,##0;¥-#,##0",
  '"¥"#,##0;[Red]"¥"\\-#,##0',
  "[$¥-411]#,##0",
  "[$-411]#,##0",
  // accounting and other built-in style codes
  '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
  '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-',
  '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
  "General",
  "General;General;General",
  '"合計 "General',
  "0",
  "0.00",
  "0.000",
  "#,##0",
  "#,##0.00",
  "0.00E+00",
  "##0.0E+0",
  "# ?/?",
  "# ??/??",
  "[Red]0.00",
  "[Blue][<=100]0;[Red][>100]0",
  "[<=9999999]###-####;(###) ###-####",
  "000-0000",
  "00000",
  '0000"-"000',
  // escapes, uppercase letters and unbalanced brackets or quotes: ExcelJS's rule, quirks included
  "0\\m",
  "#,##0\\ \\h",
  "0.0\\d",
  "YYYY",
  "DD",
  "HH",
  "SS",
  "MM",
  "BB",
  "[$-411 yyyy",
  '"unterminated yyyy',
  '"yyyy"',
  "[yyyy]",
  "[yyyy]0",
  'y"',
  "]d[",
  "",
];

describe("date formats: isDateFormat answers what ExcelJS's isDateFmt answers", () => {
  test.each([...REAL_FORMATS, ...BUILTIN_CODES].map((f) => [f]))("%j", (fmt) => {
    expect(isDateFormat(fmt)).toBe(utils.isDateFmt(fmt));
  });

  test("no format at all", () => {
    expect(isDateFormat(undefined)).toBe(utils.isDateFmt(undefined));
    expect(isDateFormat(undefined)).toBe(false);
  });

  test("the list holds both kinds, so agreeing means something", () => {
    const dates = REAL_FORMATS.filter((f) => utils.isDateFmt(f));
    expect(dates.length).toBeGreaterThan(30);
    expect(REAL_FORMATS.length - dates.length).toBeGreaterThan(30);
  });

  test("random formats from the characters formats are made of", () => {
    const unit = fc.constantFrom(...'ymdhMsbegaYDHSBE0#.,%@"[]$-41;_\\ 年月日時分秒()*?/:E+'.split(""));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (fmt) => isDateFormat(fmt) === utils.isDateFmt(fmt)),
      { numRuns: 5000 },
    );
  });

  test("the formats it remembers never keep the styles' text they were read from alive", () => {
    const held = heldByCutTexts((cut, book) => {
      expect(isDateFormat(cut(`[$-411]ggge"年"m"月"d"日"（様式${book}）`))).toBe(true);
    });
    expect(held).toBeLessThan(4_000_000);
  });
});

describe("serials: serialToDate gives ExcelJS's excelToDate to the millisecond", () => {
  const halfMs = 0.5 / 86_400_000;
  const SERIALS = [
    -1e6,
    -693594,
    -1,
    -0.5,
    -halfMs,
    -0,
    0,
    halfMs,
    1e-9,
    1 / 86_400_000,
    0.5,
    1,
    2,
    59,
    60,
    61,
    1461,
    1462,
    1463,
    25568.999999,
    25569,
    25569 + halfMs,
    25569 + 3 * halfMs,
    25569.5,
    36526,
    43466,
    43586,
    45000,
    45000.25,
    45000.5,
    45000.999999,
    45383,
    46113,
    46113.999999988,
    46113 + 0.1 + 0.2,
    2958465,
    2958465.99999,
    2958466,
    1e10,
    Number.MAX_SAFE_INTEGER,
    1e300,
    Number.MIN_VALUE,
    NaN,
    Infinity,
    -Infinity,
  ];
  const same = (serial: number, date1904: boolean) =>
    Object.is(serialToDate(serial, date1904).getTime(), utils.excelToDate(serial, date1904).getTime());

  test.each(SERIALS.flatMap((s) => [[s, false] as const, [s, true] as const]))(
    "%p (1904: %p)",
    (s, d1904) => {
      expect(same(s, d1904)).toBe(true);
    },
  );

  test("the 1904 system is 1462 days later; before March 1900 a day early, as ExcelJS has it", () => {
    expect(serialToDate(0, true).toISOString()).toBe("1904-01-01T00:00:00.000Z");
    expect(serialToDate(60, false).toISOString()).toBe("1900-02-28T00:00:00.000Z");
    expect(serialToDate(61, false).toISOString()).toBe("1900-03-01T00:00:00.000Z");
    expect(serialToDate(46113, false).toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });

  test("any double, both systems; and times within a day, where rounding decides", () => {
    fc.assert(
      fc.property(fc.double(), fc.boolean(), (s, d1904) => same(s, d1904)),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 172_800_000 }),
        fc.boolean(),
        (day, halfMsSteps, d1904) => same(day + halfMsSteps * halfMs, d1904),
      ),
      { numRuns: 5000 },
    );
  });
});

describe("built-in number formats: builtinNumFmt is ExcelJS's table", () => {
  const ids = [
    ...Array.from({ length: 403 }, (_, i) => i - 2),
    ...Object.keys(defaultNumFormats).map(Number),
  ];

  test("every id from -2 to 400 and every id ExcelJS lists", () => {
    for (const id of ids) expect([id, builtinNumFmt(id)]).toEqual([id, defaultNumFormats[id]?.f]);
  });

  test("ids ExcelJS lists without a single code (East Asian, Thai) have none", () => {
    const localeOnly = Object.keys(defaultNumFormats).filter((k) => !defaultNumFormats[k]?.f);
    expect(localeOnly.length).toBeGreaterThan(20);
    for (const k of localeOnly) expect(builtinNumFmt(Number(k))).toBeUndefined();
    expect(builtinNumFmt(NaN)).toBeUndefined();
  });
});

describe("decodeAgain is ExcelJS's xmlDecode", () => {
  test.each([
    ["a&amp;b"],
    ["&lt;&gt;&amp;&apos;&quot;"],
    ["&amp;lt;"],
    ["&AMP;"],
    ["&#65;"],
    ["&nbsp;"],
    ["&;"],
    ["&&amp;;"],
    ["no entities 回答"],
  ])("%j", (s) => {
    expect(decodeAgain(s)).toBe(utils.xmlDecode(s));
  });

  test("random text of entity pieces", () => {
    const unit = fc.constantFrom(
      "&",
      ";",
      "a",
      "m",
      "p",
      "l",
      "t",
      "g",
      "q",
      "u",
      "o",
      "s",
      "#",
      "A",
      "1",
      "x",
      "回",
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (s) => decodeAgain(s) === utils.xmlDecode(s)),
      {
        numRuns: 3000,
      },
    );
  });
});

describe("through real files: every built-in id and the real formats, read as ExcelJS reads them", () => {
  const VALUES = [45000.25, 0, 60, -1, 1.5, 2958465.5];
  /** A sheet whose row k holds VALUES in cell style k; style k's number format is formats[k]. */
  async function book(date1904: boolean): Promise<{ data: Uint8Array; rows: number }> {
    const builtinIds = Array.from({ length: 201 }, (_, i) => i);
    const custom = REAL_FORMATS.filter((f) => f !== "").map((f, i) => ({ id: 300 + i, f }));
    // A custom code under a built-in id, as some writers emit: it wins over the table.
    custom.push({ id: 14, f: "yyyy/m/d" }, { id: 27, f: "[$-411]ge.m.d" });
    const ids = [...builtinIds, ...custom.map((c) => c.id)];
    const numFmts = `<numFmts count="${custom.length}">${custom
      .map((c) => `<numFmt numFmtId="${c.id}" formatCode="${xmlEscape(c.f)}"/>`)
      .join("")}</numFmts>`;
    const xfs = `<cellXfs count="${ids.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${ids
      .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
      .join("")}</cellXfs>`;
    const cols = "ABCDEF";
    const rows = ids
      .map((_, k) => {
        const r = k + 1;
        const cells = VALUES.map((v, j) => `<c r="${cols[j]}${r}" s="${k + 1}"><v>${v}</v></c>`).join("");
        return `<row r="${r}">${cells}</row>`;
      })
      .join("");
    const data = await patchedBook(
      (b) => {
        b.properties.date1904 = date1904;
        b.addWorksheet("f").getCell("A1").value = 1;
      },
      {
        // Function replacements: the codes hold "$", which a replacement string would interpret.
        "xl/styles.xml": (xml) =>
          xml
            .replace(/<numFmts[^>]*>.*?<\/numFmts>/, "")
            .replace("<fonts", () => `${numFmts}<fonts`)
            .replace(/<cellXfs.*?<\/cellXfs>/, () => xfs),
        "xl/worksheets/sheet1.xml": (xml) =>
          xml.replace(/<sheetData>.*<\/sheetData>/, () => `<sheetData>${rows}</sheetData>`),
      },
    );
    return { data, rows: ids.length };
  }

  test.each([[false], [true]])("date1904: %p", async (date1904) => {
    const { data, rows } = await book(date1904);
    const [a] = await sameReads(data, [{ used: ["f"] }]);
    // The file is what it should be: every row read, dates and plain numbers both present.
    const cells = a.used.get("f")!.cells;
    expect(cells).toHaveLength(rows);
    expect(cells.some((line) => line[0].value instanceof Date)).toBe(true);
    expect(cells.some((line) => typeof line[0].value === "number" && line[0].numFmt)).toBe(true);
    expect(cells.some((line) => line[0].numFmt === undefined)).toBe(true);
  });
});
