// Hostile inputs, part 5: files that would give wrong results without a word — merged answer cells,
// a previous year of another scheme, rulebooks with impossible bounds or endless nesting, national
// tallies with duplicate codes and item cells that are not points — are reported or refused, naming
// the file, the cell and the indicator.
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { basename, join } from "path";
import type { Rulebook } from "../../src/rulebooks/schema";
import {
  columnOf,
  demoEntities,
  FIRST_DATA_ROW,
  generateTally,
  tallyBuffer,
  tallyLayout,
  TALLY_SHEET_NAME,
} from "../../dev/tally-generator/generate";
import { miniRulebook } from "../fixtures/mini-rulebook";
import { jaText } from "../../src/engine/text";
import {
  answerBook,
  expectClean,
  expectEnglish,
  freshDir,
  hashes,
  KAIGO,
  KOUKI,
  put,
  rulebook,
  run,
  shiftJisRulebookText,
} from "./build";

interface ResultJson {
  total: { points: number };
  indicators: { id: string; points: number }[];
  issues: { indicatorId?: string; cell?: string; message: { ja: string; en: string } }[];
}

describe("merged answer cells", () => {
  test("E6:E8 merged holding ○: only E6 is an answer; E7 and E8 are reported with cell and indicator; the total is not inflated", async () => {
    const dir = freshDir("merged");
    const plain = put(dir, "一つだけ.xlsx", await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" } }));
    const merged = put(
      dir,
      "結合.xlsx",
      await answerBook(KAIGO, {
        answers: { "P_I_1_1.a": "○" },
        edit: (ws) => ws.mergeCells("E6:E8"),
      }),
    );
    const before = hashes([plain, merged]);
    const base = await run("score", plain, "--json");
    expect(base.code).toBe(0);
    const r = await run("score", merged, "--json");
    expect(r.code).toBe(0);
    expectClean(r.out, r.err);
    const want = JSON.parse(base.out) as ResultJson;
    const got = JSON.parse(r.out) as ResultJson;
    expect(got.total.points).toBe(want.total.points);
    const points = (j: ResultJson, id: string) => j.indicators.find((i) => i.id === id)?.points;
    expect(points(got, "P_I_1_1.a")).toBeGreaterThan(0);
    expect(points(got, "P_I_1_1.b")).toBe(0);
    expect(points(got, "P_I_1_1.c")).toBe(0);
    for (const [id, cell] of [
      ["P_I_1_1.b", "回答!E7"],
      ["P_I_1_1.c", "回答!E8"],
    ]) {
      const issue = got.issues.find((i) => i.indicatorId === id && i.cell === cell);
      expect(issue).toBeDefined();
      expect(issue!.message.ja).toMatch(/結合セル/);
      expect(issue!.message.ja).toContain(cell.split("!")[1]);
      expect(issue!.message.ja).toContain(id);
      expect(issue!.message.ja).toContain("E6");
    }
    expect(hashes([plain, merged])).toEqual(before);
  });
});

describe("score --previous of another scheme", () => {
  let dir: string;
  let kaigo: string;
  let kouki: string;
  beforeAll(async () => {
    dir = freshDir("previous-scheme");
    kaigo = put(dir, "今年度.xlsx", await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" } }));
    kouki = put(dir, "後期.xlsx", await answerBook(KOUKI));
  });

  test("a workbook of another grant (後期) is refused, not judged", async () => {
    const before = hashes([kaigo, kouki]);
    const r = await run("score", kaigo, "--previous", kouki);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expect(r.err).toContain(basename(kouki));
    expect(r.err).toMatch(/別の交付金/);
    expect(r.out).not.toMatch(/達成/);
    expect(hashes([kaigo, kouki])).toEqual(before);
  });

  test("a result JSON of another grant is refused, not judged", async () => {
    const json = await run("score", kouki, "--json");
    expect(json.code).toBe(0);
    const prev = put(dir, "後期-結果.json", json.out);
    const before = hashes([kaigo, prev]);
    const r = await run("score", kaigo, "--previous", prev, "--json");
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expect(r.err).toContain(basename(prev));
    expect(r.err).toMatch(/別の交付金/);
    expect(r.out).toBe("");
    expect(hashes([kaigo, prev])).toEqual(before);
  });

  test("a result JSON that fails its schema is refused, naming the file and the path", async () => {
    const good = JSON.parse((await run("score", kaigo, "--json")).out) as Record<string, unknown>;
    const prev = put(dir, "壊れた結果.json", JSON.stringify({ ...good, indicators: "none" }, null, 2));
    const before = hashes([kaigo, prev]);
    const r = await run("score", kaigo, "--previous", prev);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expect(r.err).toContain(basename(prev));
    expect(r.err).toMatch(/saiten\.result\/1/);
    expect(r.err).toMatch(/indicators/);
    expect(hashes([kaigo, prev])).toEqual(before);
  });
});

describe("rulebook check", () => {
  const clone = (): Rulebook => JSON.parse(JSON.stringify(miniRulebook)) as Rulebook;
  const groupAt = (rb: Rulebook, i: number) => rb.root.children[i] as Rulebook["root"];

  async function check(name: string, text: string | Uint8Array) {
    const dir = freshDir("check");
    const file = put(dir, name, text);
    const before = hashes([file]);
    const r = await run("rulebook", "check", file);
    expectClean(r.out, r.err);
    expect(hashes([file])).toEqual(before);
    return { r, file };
  }

  test("the bundled-like mini rulebook passes (the baseline the cases below break)", async () => {
    const { r } = await check("mini.json", JSON.stringify(clone(), null, 2));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/OK/);
  });

  test("a negative maximum without a floor is an error naming its path", async () => {
    const rb = clone();
    groupAt(rb, 0).max = -10;
    const { r, file } = await check("negative.json", JSON.stringify(rb, null, 2));
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/root\.children\[0\]\.max/);
    expect(r.out).toMatch(/-10.*マイナス/);
    expect(r.err).toContain(basename(file));
  });

  test("a minimum above the maximum is an error naming its path", async () => {
    const rb = clone();
    groupAt(rb, 0).min = 30; // max 20
    const { r, file } = await check("min-max.json", JSON.stringify(rb, null, 2));
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/root\.children\[0\]\.min/);
    expect(r.out).toMatch(/下限 30 が満点 20 を上回っています/);
    expect(r.err).toContain(basename(file));
  });

  /** A group chain `depth` deep with one indicator at the bottom. */
  function nested(depth: number): Rulebook {
    const rb = clone();
    let node: Rulebook["root"] = { kind: "group", id: "ALL", name: "合計", children: [] };
    rb.root = node;
    for (let d = 1; d < depth; d++) {
      const child: Rulebook["root"] = { kind: "group", id: `G${d}`, name: `段${d}`, children: [] };
      node.children.push(child);
      node = child;
    }
    node.children.push({ kind: "yesno", id: "Y", name: "底", points: 1 });
    return rb;
  }

  test("100-deep nesting is refused as too deep (no stack overflow)", async () => {
    const { r, file } = await check("deep100.json", JSON.stringify(nested(100)));
    expect(r.code).toBe(2);
    expect(r.out + r.err).toMatch(/深すぎ/);
    expect(r.err).toContain(basename(file));
  });

  test("score --rulebook with 100-deep nesting is refused too", async () => {
    const dir = freshDir("deep-score");
    const file = put(dir, "deep100.json", JSON.stringify(nested(100)));
    const book = put(dir, "回答.xlsx", await answerBook(KAIGO));
    const before = hashes([file, book]);
    const r = await run("score", book, "--rulebook", file);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expect(r.err).toContain(basename(file));
    expect(r.err).toMatch(/深すぎ/);
    expect(hashes([file, book])).toEqual(before);
  });

  test("20-deep group nesting (shallow JSON) is an error naming the group", async () => {
    const { r } = await check("deep20.json", JSON.stringify(nested(20)));
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/区分「G\d+」の入れ子が深すぎます/);
  });

  test("a UTF-8 byte-order mark is accepted", async () => {
    const { r } = await check("bom.json", "\uFEFF" + JSON.stringify(clone(), null, 2));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/OK/);
  });

  test("Shift_JIS text is told to be saved as UTF-8", async () => {
    const rb = clone();
    rb.title = { ja: "@@T@@", en: "Test" };
    const ascii = JSON.stringify(rb, null, 2)
      .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
      .replace("@@T@@", "介護");
    const { r, file } = await check("sjis.json", shiftJisRulebookText(ascii));
    expect(r.code).toBe(2);
    expect(r.err).toContain(basename(file));
    expect(r.err).toMatch(/Shift_JIS.*UTF-8/);
  });
});

describe("tally import of a tally with bad rows and cells", () => {
  const fy2025 = rulebook("kaigo-municipal-fy2025");
  const layout = tallyLayout(fy2025);
  // Five items with small 配点, one per kind of bad cell.
  const small = layout.columns.filter((c) => c.kind === "item" && c.points >= 1 && c.points <= 5).slice(0, 5);
  const bad = ["あり", { error: "#N/A" }, "１", -5, 99999] as ExcelJS.CellValue[];
  const entities = demoEntities(fy2025, 8, 11);
  const dupCode = entities[0].code;
  entities[1] = { ...entities[1], code: dupCode };
  const sharedName = entities[2].name;
  entities[3] = { ...entities[3], name: sharedName };
  const badRow = FIRST_DATA_ROW + 4;
  const cellOf = (k: number) => {
    const col = columnOf(layout, 2025, small[k].id)!.column;
    let letters = "";
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return `${letters}${badRow}`;
  };

  let dir: string;
  let tally: string;
  let answers: string;
  let imported: { code: number; out: string; err: string };
  let doc: { problems: { code: string; cell?: string; id?: string; message: string }[] };

  beforeAll(async () => {
    expect(small).toHaveLength(5);
    dir = freshDir("tally");
    const wb = generateTally({ rulebook: fy2025, fiscalYear: 2025, municipalities: entities, extraFormattedColumns: 5 });
    const ws = wb.getWorksheet(TALLY_SHEET_NAME)!;
    small.forEach((_, k) => (ws.getCell(cellOf(k)).value = bad[k]));
    tally = put(dir, "全国集計.xlsx", await tallyBuffer(wb));
    answers = put(dir, "回答.xlsx", await answerBook(KAIGO, { answers: { "P_I_1_1.a": "○" } }));
    const before = hashes([tally]);
    imported = await run("tally", "import", tally, "--out", join(dir, "tally.json"));
    expect(hashes([tally])).toEqual(before);
    if (imported.code === 0) doc = JSON.parse(readFileSync(join(dir, "tally.json"), "utf8"));
  });

  const problemAt = (code: string, cell: string) =>
    doc?.problems.find((p) => p.code === code && p.cell === `${TALLY_SHEET_NAME}!${cell}`);

  test("two rows sharing a 保険者番号 are reported with both cells", () => {
    expect(imported.code).toBe(0);
    expectClean(imported.out, imported.err);
    const p = doc.problems.find((x) => x.code === "duplicate_code");
    expect(p).toBeDefined();
    expect(p!.message).toContain(dupCode);
    expect(p!.message).toContain(`D${FIRST_DATA_ROW}`);
    expect(p!.message).toContain(`D${FIRST_DATA_ROW + 1}`);
    // The summary names each kind of problem in words, never by its code.
    // The rulebook it was read with, by its title.
    expect(imported.out).toContain(`${jaText(fy2025.title)}（${fy2025.id}）市町村 `);
    expect(imported.out).toMatch(/重なった保険者番号 1/);
    expect(imported.out).toMatch(/配点の範囲外の得点 \d/);
    expect(imported.out).not.toMatch(/duplicate_code|item_[a-z_]+/);
    expect(imported.out).not.toMatch(/問題はありません/);
  });

  test("score --previous-tally --insurer <a code two rows share> is refused as ambiguous", async () => {
    const before = hashes([tally, answers]);
    const r = await run("score", answers, "--previous-tally", tally, "--insurer", dupCode);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expect(r.err).toContain(basename(tally));
    expect(r.err).toMatch(new RegExp(`保険者番号 ${dupCode} の行が複数`));
    expect(hashes([tally, answers])).toEqual(before);
  });

  test("score --previous-tally --insurer <a name several rows carry> says so", async () => {
    const before = hashes([tally, answers]);
    const r = await run("score", answers, "--previous-tally", tally, "--insurer", sharedName);
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expect(r.err).toContain(basename(tally));
    expect(r.err).toMatch(new RegExp(`「${sharedName}」という名前の行が複数`));
    expect(hashes([tally, answers])).toEqual(before);
  });

  test("an item cell holding text is reported with its cell", () => {
    expect(imported.code).toBe(0);
    const p = problemAt("item_not_number", cellOf(0));
    expect(p).toBeDefined();
    expect(p!.id).toBe(small[0].id);
    expect(p!.message).toMatch(/あり/);
  });

  test("an item cell holding #N/A is reported with its cell", () => {
    expect(imported.code).toBe(0);
    const p = problemAt("item_not_number", cellOf(1));
    expect(p).toBeDefined();
    expect(p!.message).toMatch(/#N\/A/);
  });

  test("an item cell holding full-width digits is read, with a warning naming its cell", () => {
    expect(imported.code).toBe(0);
    const p = problemAt("item_as_text", cellOf(2));
    expect(p).toBeDefined();
    expect(p!.message).toMatch(/１.*1 として読みました/);
  });

  test("−5 in a small-配点 item is reported with its cell", () => {
    expect(imported.code).toBe(0);
    const p = problemAt("item_out_of_range", cellOf(3));
    expect(p).toBeDefined();
    expect(p!.message).toMatch(new RegExp(`-5 が 0〜配点 ${small[3].points}`));
  });

  test("99999 in a small-配点 item is reported with its cell", () => {
    expect(imported.code).toBe(0);
    const p = problemAt("item_out_of_range", cellOf(4));
    expect(p).toBeDefined();
    expect(p!.message).toMatch(new RegExp(`99999 が 0〜配点 ${small[4].points}`));
  });

  test("--lang en reports the same problems in English, naming the cells", async () => {
    const before = hashes([tally]);
    const en = await run("tally", "import", tally, "--lang", "en");
    expect(en.code).toBe(0);
    expectClean(en.out, en.err);
    expect(en.out).toMatch(/duplicate insurer numbers 1/);
    expect(en.out).not.toMatch(/duplicate_code|item_[a-z_]+/);
    expect(en.out).toContain(`${TALLY_SHEET_NAME}!${cellOf(0)}`);
    // Japanese only where it names what is in the file: the file, the sheet (全国集計（市町村）), the
    // municipalities, the cells' own text, and 配点 (the label of the tally's points row).
    const theirs = [tally, basename(tally), TALLY_SHEET_NAME, ...entities.map((e) => e.name), "あり", "１", "配点"];
    expectEnglish(en.out + en.err, ...theirs);
    expect(hashes([tally])).toEqual(before);
  });

  test("--insurer matching several rows, in English", async () => {
    const before = hashes([tally, answers]);
    const r = await run("score", answers, "--previous-tally", tally, "--insurer", dupCode, "--lang", "en");
    expect(r.code).toBe(2);
    expectClean(r.out, r.err);
    expect(r.err).toMatch(new RegExp(`several rows with the insurer number ${dupCode}`));
    expectEnglish(r.err, tally, basename(tally), ...entities.map((e) => e.name));
    expect(hashes([tally, answers])).toEqual(before);
  });
});
