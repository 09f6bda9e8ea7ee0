// saiten.tally/1 (the JSON of `saiten tally import --out`): a real document validates against the zod
// schema and the published JSON Schema, survives a JSON round trip, and a broken one is named.
import { readFileSync } from "fs";
import { UserError } from "../src/messages";
import { join } from "path";
import Ajv2020 from "ajv/dist/2020";
import { tallyDocument } from "../src/cli/tally";
import { findBundled } from "../src/rulebooks/registry";
import { parseTallyDocument, TallyDocumentSchema } from "../src/tally/document-schema";
import {
  columnOf,
  demoEntities,
  demoUnions,
  generateTally,
  tallyBuffer,
  tallyLayout,
} from "../dev/tally-generator/generate";
import { readTally, TallyError } from "../src/tally/read";
import type { TallyDocument } from "../src/tally/types";

const year = 2025;
const rulebook = findBundled(`kaigo-municipal-fy${year}`)!;
let doc: TallyDocument;
let unions = 0;

beforeAll(async () => {
  const entities = demoEntities(rulebook, 60, year);
  const u = demoUnions(entities, 2, year);
  unions = u.length;
  const wb = generateTally({
    rulebook,
    fiscalYear: year,
    municipalities: entities,
    unions: u,
    extraFormattedColumns: 5,
  });
  // A 配点 that differs and an unknown column, so that problems and an unresolved column are present.
  const layout = tallyLayout(rulebook);
  const ws = wb.getWorksheet("全国集計（市町村）")!;
  ws.getCell(9, columnOf(layout, year, "P_I_1_1.a")!.column).value = 99;
  ws.getCell(7, columnOf(layout, year, "P_I_1_1.d")!.column).value = "キ";
  doc = tallyDocument(await readTally(await tallyBuffer(wb), "tally.xlsx", { rulebook }), "tally.xlsx");
});

test("the generated document covers what the schema describes", () => {
  expect(doc.municipalities.length).toBe(60);
  expect(unions).toBeGreaterThan(0);
  expect(doc.skipped.length).toBe(unions);
  expect(doc.problems.map((p) => p.code)).toEqual(
    expect.arrayContaining(["points_mismatch", "unknown_column", "missing_column"]),
  );
  expect(doc.columns.some((c) => c.id === null)).toBe(true);
  expect(doc.lowScore).not.toBeNull();
  expect(Object.keys(doc.statsRows).length).toBeGreaterThan(0);
  expect(doc.municipalities.some((m) => m.sizeBand !== null)).toBe(true);
});

test("validates and round-trips through JSON unchanged", () => {
  expect(TallyDocumentSchema.safeParse(doc).success).toBe(true);
  const text = JSON.stringify(doc, null, 1);
  const back = parseTallyDocument(text, "x.json");
  expect(back).toEqual(JSON.parse(text));
  expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(text));
});

test("the published JSON Schema accepts it and rejects a number as 保険者番号", () => {
  const schema = JSON.parse(
    readFileSync(join(__dirname, "..", "schemas", "saiten-tally.schema.json"), "utf8"),
  );
  const validate = new Ajv2020({ strict: false }).compile(schema);
  const json = JSON.parse(JSON.stringify(doc));
  expect(validate(json) ? "" : JSON.stringify(validate.errors)).toBe("");
  json.municipalities[3].code = 12345;
  expect(validate(json)).toBe(false);
  expect(validate.errors?.[0].instancePath).toBe("/municipalities/3/code");
});

describe("a file that is not saiten.tally/1 is named, with the first problem's path", () => {
  const message = (text: string) => {
    try {
      parseTallyDocument(text, "x.json");
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      return (e as Error).message;
    }
    throw new Error("parsed");
  };
  const broken = (edit: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(JSON.stringify(doc));
    edit(json);
    return JSON.stringify(json);
  };

  test("not JSON: where it goes wrong", () => {
    expect(message("{ format: saiten")).toBe(
      "x.json は JSON として読めません（1 行目 3 文字目付近）。テキストエディタで確認してください。",
    );
    expect(message('{\n  "format": "saiten.tally/1",\n')).toMatch(/途中で終わっています/);
    expect(message("")).toBe("x.json は空のファイルです（0 バイト）。正しいファイルか確認してください。");
  });

  test("another format, or none", () => {
    const notTally =
      "x.json は全国集計の JSON（saiten.tally/1）ではありません。全国集計の .xlsx を saiten tally import で読み直してください。";
    expect(message(broken((j) => (j.format = "saiten.result/1")))).toBe(notTally);
    expect(message(broken((j) => delete j.format))).toBe(notTally);
    expect(message("[1, 2]")).toBe(notTally);
    expect(() => parseTallyDocument("[1, 2]", "x.json")).toThrow(TallyError);
  });

  test("a municipality code as a number", () => {
    const text = broken((j) => ((j.municipalities as { code: unknown }[])[3].code = 12345));
    expect(message(text)).toBe(
      "x.json は全国集計の JSON（saiten.tally/1）ではありません: municipalities.3.code — 文字列が必要です",
    );
  });

  test("a missing field, a wrong enum, a non-integer row", () => {
    expect(message(broken((j) => delete j.counts))).toBe(
      "x.json は全国集計の JSON（saiten.tally/1）ではありません: counts — オブジェクトが必要です（項目がありません）",
    );
    expect(message(broken((j) => ((j.problems as { severity: string }[])[0].severity = "fatal")))).toContain(
      'problems.0.severity — "error"、"warning" のいずれかが必要です',
    );
    expect(message(broken((j) => ((j.municipalities as { row: number }[])[0].row = 19.5)))).toContain(
      "municipalities.0.row — ",
    );
    expect(message(broken((j) => ((j.statsRows as Record<string, number>).average = 12)))).toBe(
      "x.json は全国集計の JSON（saiten.tally/1）ではありません: statsRows — 余分な項目があります（average）",
    );
  });
});
