// 配点表 (score-table workbook) ⇄ rulebook: round trips through real .xlsx files, problems that
// name the cell to fix, and a hand-written table in the clerk's own words.
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Rulebook } from "../src/rulebooks/schema";
import {
  formatTableProblem,
  rulebookToTable,
  TableBook,
  TableCell,
  TableProblem,
  tableToRulebook,
} from "../src/rulebooks/score-table";
import { checkRulebook } from "../src/rulebooks/validate";
import { type Message, render } from "../src/messages";
import { SCORE_TABLE_MESSAGES } from "../src/messages/score-table";
import { KIND_WORDS, kindName } from "../src/rulebooks/score-table/words";
import { TABLE_WORDS } from "./fixtures/workbook-words";
import { tableBookBytes, tableBookFrom } from "../src/adapters/exceljs/score-table-xlsx";
import { WORKBOOK_LIMITS } from "../src/files/limits";

async function writeTableBook(book: Parameters<typeof tableBookBytes>[0], file: string) {
  fs.writeFileSync(file, await tableBookBytes(book));
}
const readTableBook = (file: string) => tableBookFrom(fs.readFileSync(file), file, WORKBOOK_LIMITS);
import { miniRulebook } from "./fixtures/mini-rulebook";

const ROOT = path.join(__dirname, "..");
const BUNDLED = path.join(ROOT, "src", "rulebooks", "bundled");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "saiten-haitenhyo-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const errors = (ps: TableProblem[]) => ps.filter((p) => p.severity === "error");

async function viaXlsx(rb: Rulebook, name: string) {
  const file = path.join(dir, `${name}.xlsx`);
  await writeTableBook(rulebookToTable(rb), file);
  return tableToRulebook(await readTableBook(file));
}

/** miniRulebook plus every optional field the layout carries, with awkward characters in the text. */
function everything(): Rulebook {
  const rb = structuredClone(miniRulebook);
  rb.population = 1741;
  rb.rateDigits = 2;
  rb.notes = [{ ja: "注記; その1 [重要]", en: "Note, one" }, "注記2"];
  rb.sources = [
    {
      id: "s1",
      title: "通知",
      url: "https://example.org/a?b=1;c",
      repository: "x/y",
      path: "a/b.pdf",
      commit: "0123456",
      confidence: "OCR?",
      note: "p.3",
    },
    { id: "s2", title: "二つ目" },
  ];
  rb.previous = { rulebook: "test-mini-2025", sameIds: false, groups: [{ current: "B", previous: "B_old" }] };
  const [a, b, act, d] = rb.root.children as Extract<
    Rulebook["root"]["children"][number],
    { kind: "group" }
  >[];
  rb.root.notes = ["全体の注記"];
  rb.sizeClasses = { ...rb.sizeClasses!, assumedFrom: 2024 };
  Object.assign(a, {
    code: "1",
    aggregate: "best",
    notes: [{ ja: "一つ目", en: "First" }, "二つ目（英訳なし）", { ja: "三つ目", en: "Third" }],
    benchmark: { mean: 12.5, median: 13, sd: 4.125, meanRate: 0.625, source: "R6実績" },
  });
  Object.assign(a.children[0], {
    aliases: ["計画策定", "a;b"],
    benchmark: { hitCount: 1200, hitRate: 0.689, mean: 5.5, source: "R6実績" },
    basis: "YN",
    notes: [{ ja: "注", en: "note" }],
  });
  const [choice, multi, numeric] = b.children as Extract<
    Rulebook["root"]["children"][number],
    { kind: "group" }
  >["children"];
  Object.assign(choice, {
    options: [
      {
        code: "ア",
        label: { ja: "全域で=実施; [注]", en: "Whole area, all; really" },
        points: 10,
        id: "B.c.all",
        aliases: ["全域", "a|b"],
        benchmark: { hitCount: 3, hitRate: 0.123456789, mean: 1, source: "x, 該当数=1" },
      },
      { code: "イ", points: 5 },
      { code: "ウ\\x", label: "未実施\n改行", points: -1.5 },
    ],
  });
  Object.assign(multi, {
    options: [
      { code: "x y", label: "空白入りコード", points: 3 },
      { code: "b", points: 3 },
    ],
  });
  Object.assign(numeric, {
    steps: [
      {
        value: null,
        points: 4,
        id: "B.n.x",
        label: { ja: "閾値未公表", en: "unknown" },
        benchmark: { hitRate: 0.5 },
      },
    ],
    pointsOtherwise: -2,
    range: { min: 0 },
  });
  const [rank, imp] = act.children as Extract<
    Rulebook["root"]["children"][number],
    { kind: "group" }
  >["children"];
  Object.assign(rank, {
    cumulative: false,
    measure: {
      name: { ja: "参加率", en: "Participation" },
      unit: "per-mille",
      direction: "lower",
      cutoffs: [2, null, 6, 9.5],
      cutoffsBySize: { large: [1, 2, 3, 4], small: [null, null, 5, 6] },
    },
  });
  Object.assign(imp, {
    direction: "decrease",
    input: "change",
    steps: [
      { min: 1, max: 2, maxInclusive: false, points: 6, id: "ACT.i.big", label: { ja: "大", en: "big" } },
      { min: -0.5, minInclusive: false, max: 1, points: 3 },
      { max: 0, points: -1 },
      { points: 0, label: "その他" },
    ],
  });
  Object.assign(d.children[1], { min: -5, code: "共通③", aliases: ["その他"] });
  d.benchmark = { mean: -1.25 };
  return rb;
}

describe("round trip rulebook → 配点表 → rulebook", () => {
  test("mini rulebook through a real .xlsx", async () => {
    const res = await viaXlsx(miniRulebook, "mini");
    expect(errors(res.problems)).toEqual([]);
    expect(res.rulebook).toEqual(miniRulebook);
  });

  test("every optional field, with characters the mini-syntax uses", async () => {
    const rb = everything();
    expect(checkRulebook(rb).problems.filter((p) => p.severity === "error")).toEqual([]);
    const inMemory = tableToRulebook(rulebookToTable(rb));
    expect(errors(inMemory.problems)).toEqual([]);
    expect(inMemory.rulebook).toEqual(rb);
    const res = await viaXlsx(rb, "everything");
    expect(res.rulebook).toEqual(rb);
  });

  const bundled = fs.existsSync(BUNDLED)
    ? fs
        .readdirSync(BUNDLED)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];
  const valid = bundled.filter(
    (f) => checkRulebook(JSON.parse(fs.readFileSync(path.join(BUNDLED, f), "utf8"))).ok,
  );
  test.each(valid.length ? valid : ["(none)"])("bundled %s", async (file) => {
    if (file === "(none)") return;
    const rb = checkRulebook(JSON.parse(fs.readFileSync(path.join(BUNDLED, file), "utf8"))).rulebook!;
    const res = await viaXlsx(rb, file.replace(/\.json$/, ""));
    expect(errors(res.problems)).toEqual([]);
    expect(res.rulebook).toEqual(rb);
  });

  test("FY2026: export → edit one 標準偏差 in Excel → import keeps every other benchmark", async () => {
    const rb = checkRulebook(
      JSON.parse(fs.readFileSync(path.join(BUNDLED, "kaigo-municipal-fy2026.json"), "utf8")),
    ).rulebook!;
    const file = path.join(dir, "fy2026-edit.xlsx");
    await writeTableBook(rulebookToTable(rb), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("区分")!;
    const header = ws.getRow(1).values as unknown[];
    const sdCol = header.indexOf("標準偏差");
    expect(sdCol).toBeGreaterThan(0);
    let edited = 0;
    ws.eachRow((row) => {
      if (row.getCell(header.indexOf("ID")).value !== "P") return;
      expect(row.getCell(sdCol).value).toBe(50.532);
      row.getCell(sdCol).value = 51;
      edited++;
    });
    expect(edited).toBe(1);
    await wb.xlsx.writeFile(file);
    const res = tableToRulebook(await readTableBook(file));
    expect(errors(res.problems)).toEqual([]);
    const expected = structuredClone(rb);
    const p = expected.root.children.find((c) => c.id === "P")!;
    if (p.kind === "group") p.benchmark = { ...p.benchmark, sd: 51 };
    expect(res.rulebook).toEqual(expected);
    expect(res.rulebook?.sizeClasses?.assumedFrom).toBe(2024);
  });

  test("export layout: sheets, headers and the mini-syntax", () => {
    const book = rulebookToTable(miniRulebook);
    expect(Object.keys(book)).toEqual(["ルールブック", "区分", "指標", "規模区分"]);
    const sheet = book["指標"];
    const header = sheet[0] as string[];
    const cell = (id: string, h: string) => sheet.find((r) => r[1] === id)![header.indexOf(h)];
    expect(header.slice(0, 6)).toEqual(["区分ID", "ID", "コード", "名称", "名称(英)", "種類"]);
    expect(cell("B.c", "種類")).toBe("択一");
    expect(cell("B.c", "選択肢・段階")).toBe("ア 全域で実施=10\nイ 一部で実施=5\nウ 未実施=0");
    expect(cell("B.n", "閾値")).toBe("large: 50=10; 40=5\nsmall: 60=10; 45=5");
    expect(cell("ACT.r", "選択肢・段階")).toContain("d エ 上位1割=3 [上位=10%]");
    expect(cell("ACT.i", "閾値")).toBe("1以上=6; 0超=3");
    expect(cell("ACT.top", "前提")).toBe("A.y1; ACT.r.d");
  });
});

// A small valid table; tests break one cell at a time.
function baseBook(): TableBook {
  return {
    ルールブック: [
      ["項目", "値", "補足"],
      ["ID", "t-2026"],
      ["制度", "test"],
      ["対象", "市町村"],
      ["年度", 2026],
      ["版", "1.0.0"],
      ["名称", "テスト"],
      ["水準", "指標ごと"],
      [],
      ["出典ID", "題名"],
      ["memo", "メモ"],
    ],
    区分: [
      ["ID", "親ID", "名称", "満点"],
      ["ALL", null, "合計", 30],
      ["ORG", "ALL", "体制", 30],
    ],
    指標: [
      //  A        B       C        D        E          F       G
      ["区分ID", "ID", "コード", "名称", "種類", "配点", "選択肢・段階", "前提", "回答元"],
      ["ORG", "plan", "ア", "計画", "はい・いいえ", 10, null, null, null],
      ["ORG", "scope", "イ", "範囲", "択一", null, "ア 全域=10; イ 一部=5", null, null],
      ["ORG", "pub", "ウ", "公表", "はい・いいえ", 10, null, null, null],
    ],
  };
}

function withCell(sheet: string, row: number, col: number, value: TableCell): TableBook {
  const book = baseBook();
  book[sheet][row][col] = value;
  return book;
}

describe("problems name the cell to fix", () => {
  test("the base table is valid", () => {
    const res = tableToRulebook(baseBook());
    expect(errors(res.problems)).toEqual([]);
    expect(res.rulebook?.root.children).toHaveLength(1);
  });

  test("points that are not a number", () => {
    const res = tableToRulebook(withCell("指標", 3, 5, "十"));
    expect(res.rulebook).toBeUndefined();
    expect(errors(res.problems)).toEqual([
      {
        severity: "error",
        sheet: "指標",
        cell: "指標!F4",
        message: "指標「pub」: 配点「十」を数値として読めません。数値を入力してください。",
      },
    ]);
    expect(formatTableProblem(res.problems[0])).toBe(
      "指標!F4: 指標「pub」: 配点「十」を数値として読めません。数値を入力してください。",
    );
  });

  test("unknown kind", () => {
    const [p] = errors(tableToRulebook(withCell("指標", 1, 4, "はい")).problems);
    expect(p.cell).toBe("指標!E2");
    expect(p.message).toContain("種類「はい」は使えません");
    expect(p.message).toContain("「はい・いいえ」");
  });

  test("unknown parent group", () => {
    const [p] = errors(tableToRulebook(withCell("指標", 2, 0, "T9")).problems);
    expect(p).toMatchObject({
      cell: "指標!A3",
      message: "指標「scope」: 区分ID「T9」という区分が「区分」シートにありません。",
    });
    const [q] = errors(tableToRulebook(withCell("区分", 2, 1, "X")).problems);
    expect(q).toMatchObject({ cell: "区分!B3", message: "区分「ORG」: 親ID「X」という区分がありません。" });
  });

  test("path-style 区分ID that contradicts 親ID", () => {
    const [p] = errors(tableToRulebook(withCell("指標", 1, 0, "ORG > ALL")).problems);
    expect(p.cell).toBe("指標!A2");
    const [q] = errors(tableToRulebook(withCell("指標", 1, 0, "X > ORG")).problems);
    expect(q.message).toContain("経路が区分シートの親IDと合いません");
  });

  test("duplicate id, across sheets too", () => {
    const [p] = errors(tableToRulebook(withCell("指標", 3, 1, "plan")).problems);
    expect(p).toMatchObject({ cell: "指標!B4" });
    expect(p.message).toContain("ID「plan」が重複しています（指標!B2 と同じ）");
    const [q] = errors(tableToRulebook(withCell("指標", 3, 1, "ORG")).problems);
    expect(q).toMatchObject({ cell: "指標!B4" });
    expect(q.message).toContain("区分!A3");
  });

  test("invalid ids", () => {
    const [p] = errors(tableToRulebook(withCell("指標", 1, 1, "1abc")).problems);
    expect(p).toMatchObject({ cell: "指標!B2" });
    expect(p.message).toContain("ID「1abc」は使えません");
    const [q] = errors(tableToRulebook(withCell("指標", 1, 1, "AB12")).problems);
    expect(q.message).toContain("セル番地");
  });

  test("option syntax errors", () => {
    const [p] = errors(tableToRulebook(withCell("指標", 2, 6, "ア 全域=10; イ 一部")).problems);
    expect(p.cell).toBe("指標!G3");
    expect(p.message).toBe(
      "「scope」の選択肢・段階の「イ 一部」に「=配点」がありません（例: ア 全域で実施=10）。",
    );
    const [q] = errors(tableToRulebook(withCell("指標", 2, 6, "ア 全域=10 [上位=30%]")).problems);
    expect(q.message).toContain("「上位=30%」は使えません");
    const [r] = errors(tableToRulebook(withCell("指標", 2, 6, "ア 全域=十")).problems);
    expect(r.message).toContain("配点「十」を数値として読めません");
  });

  test("missing metadata", () => {
    const book = baseBook();
    book["ルールブック"].splice(4, 1);
    const [p] = errors(tableToRulebook(book).problems);
    expect(p).toEqual({
      severity: "error",
      sheet: "ルールブック",
      message: "「年度」の行がありません。A列に「年度」、B列に値を入力してください。",
    });
    const blank = tableToRulebook(withCell("ルールブック", 5, 1, null));
    expect(errors(blank.problems)[0]).toMatchObject({
      cell: "ルールブック!B6",
      message: "版を入力してください。",
    });
    const noSource = baseBook();
    noSource["ルールブック"].splice(9, 2);
    expect(errors(tableToRulebook(noSource).problems)[0].message).toContain("出典がありません");
  });

  test("standard deviation and carried-forward size bands: read, and checked", () => {
    const book = baseBook();
    book["区分"][0].push("標準偏差");
    book["区分"][1].push(4.5);
    book["区分"][2].push("▲1");
    book["ルールブック"].splice(8, 0, ["規模区分の基準", "人口"], ["規模区分の流用元年度", "令和6年度"]);
    book["規模区分"] = [
      ["ID", "名称", "以上", "未満"],
      ["big", "大", 10000, null],
      ["small", "小", null, 10000],
    ];
    const bad = tableToRulebook(book);
    expect(errors(bad.problems)).toEqual([
      expect.objectContaining({ cell: "区分!E3", message: expect.stringContaining("標準偏差") }),
    ]);
    book["区分"][2][4] = null;
    const res = tableToRulebook(book);
    expect(errors(res.problems)).toEqual([]);
    expect(res.rulebook?.root.benchmark).toEqual({ sd: 4.5 });
    expect(res.rulebook?.sizeClasses?.assumedFrom).toBe(2024);
    delete book["規模区分"];
    book["ルールブック"].splice(8, 1);
    expect(errors(tableToRulebook(book).problems)).toEqual([
      expect.objectContaining({
        cell: "ルールブック!B9",
        message: "規模区分の流用元年度があるのに「規模区分」シートに区分がありません。",
      }),
    ]);
  });

  test("missing sheets and headers", () => {
    const book = baseBook();
    delete book["区分"];
    book["指標"][0][4] = "種別";
    const problems = tableToRulebook(book).problems;
    expect(errors(problems).map((p) => p.message)).toEqual([
      "シート「区分」がありません。",
      "見出し「種類」の列がありません。見出し行に「種類」を追加してください。",
    ]);
    expect(problems.find((p) => p.severity === "warning")).toMatchObject({ cell: "指標!E1" });
  });

  test("rulebook checks map back to cells", () => {
    const res = tableToRulebook(withCell("指標", 3, 7, "plan; zz"));
    expect(errors(res.problems)).toEqual([
      {
        severity: "error",
        sheet: "指標",
        cell: "指標!H4",
        message: "指標「pub」: 前提の「zz」という指標・小項目がありません。",
      },
    ]);
    const link = errors(tableToRulebook(withCell("指標", 3, 8, "scope")).problems);
    expect(link[0]).toMatchObject({ cell: "指標!I4" });
    expect(link[0].message).toContain("回答元「scope」の種類は「択一」です");
    const dup = errors(tableToRulebook(withCell("指標", 2, 6, "ア 全域=10; ア 一部=5")).problems);
    expect(dup[0]).toMatchObject({ cell: "指標!G3", message: expect.stringContaining("コード「ア」が重複") });
  });

  test("warnings do not block the rulebook", () => {
    const res = tableToRulebook(withCell("区分", 1, 3, 100));
    expect(res.rulebook).toBeDefined();
    expect(res.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "区分!D2",
        message: expect.stringContaining("満点 100 点に届きません"),
      }),
    ]);
  });
});

describe("a table written by hand", () => {
  const hand: TableBook = {
    ルールブック: [
      ["ID", "hand-2026"],
      ["制度", "example"],
      ["対象", "市町村"],
      ["年度", "令和8年度"],
      ["版", "1.0.0"],
      ["名称", "手書きの配点表"],
      ["水準", "指標ごと"],
      ["規模区分の基準", "人口"],
      ["注記", "説明用", "For illustration"],
      [null],
      ["出典ID", "題名", "確度"],
      ["memo", "担当者のメモ", "推定"],
    ],
    区分: [
      [" ID ", "親ＩＤ", "名称", "満点", "集計"],
      ["P", null, "合計", 100, null],
      ["P_I", "P", "体制", 40, null],
      [null, null, null, null, null],
      ["P_I_1", "P_I", "計画", 20, "最大"],
      ["P_II", "P", "実績", 60, "合計"],
    ],
    規模区分: [
      ["ID", "名称", "以上", "未満"],
      ["large", "10万人以上", 100000, null],
      ["small", "10万人未満", null, 100000],
    ],
    指標: [
      [
        "区分ID",
        "ID",
        "コード",
        "名称",
        "種類",
        "配点",
        "選択肢・段階",
        "閾値",
        "方向",
        "単位",
        "満点・上限",
        "前提",
      ],
      [
        "P > P_I > P_I_1",
        "plan",
        "ア",
        "計画を策定",
        "はい・いいえ",
        "１０点",
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      ["P_I_1", "plan2", "イ", "計画を改定", "yesno", 5, null, null, null, null, null, null],
      [
        "P_I",
        "scope",
        "ウ",
        "実施範囲",
        "択一",
        null,
        "ア 全域で実施=10；イ 一部で実施=5\nウ 未実施=0",
        null,
        null,
        null,
        null,
        null,
      ],
      [
        "P_I",
        "link",
        "エ",
        "連携先",
        "複数選択",
        null,
        "a 医師会=5 [ID=link.doctors]; b 薬剤師会=5",
        null,
        null,
        null,
        8,
        null,
      ],
      [
        "P > P_II",
        "rate",
        "オ",
        "受診率",
        "数値",
        null,
        null,
        "large: 50=10, 40=5 | 10万人未満: 60=10, 45=5",
        "以上",
        "％",
        null,
        null,
      ],
      [
        "P_II",
        "rank",
        "カ",
        "参加率",
        "順位帯",
        null,
        "a 上位5割=5 [上位=50%]\nb 上位2割=5 [上位=2割, 該当数=350, 該当率=20%]",
        "10; 20",
        "高いほど上位",
        "%",
        null,
        "plan",
      ],
      [
        "P_II",
        "imp",
        "キ",
        "改善",
        "改善",
        null,
        null,
        "1以上=10、0超1未満=5; それ以外=▲2",
        "増加",
        "%",
        null,
        null,
      ],
      ["P_II", "other", "ク", "その他", "得点入力", null, null, null, null, null, 20, null],
      ["P_II", "low", "ケ", "待機者数", "数値", null, null, "10以下=5; ?=3", null, "人数", null, null],
    ],
  };

  test("gives the expected rulebook", () => {
    const res = tableToRulebook(hand);
    expect(errors(res.problems)).toEqual([]);
    const expected: Rulebook = {
      format: "saiten.rulebook/1",
      id: "hand-2026",
      scheme: "example",
      entity: "municipality",
      fiscalYear: 2026,
      version: "1.0.0",
      title: "手書きの配点表",
      level: "item",
      sources: [{ id: "memo", title: "担当者のメモ", confidence: "inferred" }],
      notes: [{ ja: "説明用", en: "For illustration" }],
      sizeClasses: {
        basis: "人口",
        classes: [
          { id: "large", label: "10万人以上", min: 100000 },
          { id: "small", label: "10万人未満", max: 100000 },
        ],
      },
      root: {
        kind: "group",
        id: "P",
        name: "合計",
        max: 100,
        children: [
          {
            kind: "group",
            id: "P_I",
            name: "体制",
            max: 40,
            children: [
              {
                kind: "group",
                id: "P_I_1",
                name: "計画",
                max: 20,
                aggregate: "best",
                children: [
                  { kind: "yesno", id: "plan", code: "ア", name: "計画を策定", points: 10 },
                  { kind: "yesno", id: "plan2", code: "イ", name: "計画を改定", points: 5 },
                ],
              },
              {
                kind: "choice",
                id: "scope",
                code: "ウ",
                name: "実施範囲",
                options: [
                  { code: "ア", label: "全域で実施", points: 10 },
                  { code: "イ", label: "一部で実施", points: 5 },
                  { code: "ウ", label: "未実施", points: 0 },
                ],
              },
              {
                kind: "multi",
                id: "link",
                code: "エ",
                name: "連携先",
                cap: 8,
                options: [
                  { code: "a", label: "医師会", points: 5, id: "link.doctors" },
                  { code: "b", label: "薬剤師会", points: 5 },
                ],
              },
            ],
          },
          {
            kind: "group",
            id: "P_II",
            name: "実績",
            max: 60,
            aggregate: "sum",
            children: [
              {
                kind: "numeric",
                id: "rate",
                code: "オ",
                name: "受診率",
                unit: "percent",
                direction: "atLeast",
                stepsBySize: {
                  large: [
                    { value: 50, points: 10 },
                    { value: 40, points: 5 },
                  ],
                  small: [
                    { value: 60, points: 10 },
                    { value: 45, points: 5 },
                  ],
                },
              },
              {
                kind: "rankBand",
                id: "rank",
                code: "カ",
                name: "参加率",
                requires: ["plan"],
                bands: [
                  { code: "a", label: "上位5割", top: 0.5, points: 5 },
                  {
                    code: "b",
                    label: "上位2割",
                    top: 0.2,
                    points: 5,
                    benchmark: { hitCount: 350, hitRate: 0.2 },
                  },
                ],
                measure: { unit: "percent", direction: "higher", cutoffs: [10, 20] },
              },
              {
                kind: "improvement",
                id: "imp",
                code: "キ",
                name: "改善",
                unit: "percent",
                direction: "increase",
                steps: [
                  { min: 1, points: 10 },
                  { min: 0, minInclusive: false, max: 1, maxInclusive: false, points: 5 },
                  { points: -2 },
                ],
              },
              { kind: "points", id: "other", code: "ク", name: "その他", max: 20 },
              {
                kind: "numeric",
                id: "low",
                code: "ケ",
                name: "待機者数",
                unit: "count",
                direction: "atMost",
                steps: [
                  { value: 10, points: 5 },
                  { value: null, points: 3 },
                ],
              },
            ],
          },
        ],
      },
    };
    expect(res.rulebook).toEqual(expected);
  });
});

describe("reading .xlsx cells", () => {
  test("formula results, rich text, dates, errors and links become plain values", async () => {
    const file = path.join(dir, "cells.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("指標");
    ws.getCell("A1").value = { formula: "1+1", result: 2 };
    ws.getCell("B1").value = { richText: [{ text: "択" }, { font: { bold: true }, text: "一" }] };
    ws.getCell("C1").value = new Date(Date.UTC(2026, 3, 1));
    ws.getCell("D1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("E1").value = { text: "https://example.org", hyperlink: "https://example.org" };
    ws.getCell("B3").value = true;
    await wb.xlsx.writeFile(file);
    expect(await readTableBook(file)).toEqual({
      指標: [[2, "択一", "2026-04-01T00:00:00.000Z", "#N/A", "https://example.org"], [], [null, true]],
    });
  });
});

describe("the example workbook", () => {
  const sample = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "sample-rulebook.json"), "utf8"));

  test("sample-rulebook.json is a valid rulebook, clearly an example", () => {
    const res = checkRulebook(sample);
    expect(res.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(res.rulebook?.scheme).toBe("example");
    expect(JSON.stringify(res.rulebook?.notes)).toContain("架空");
  });

  test("examples/haitenhyo-example.xlsx imports to sample-rulebook.json", async () => {
    const res = tableToRulebook(await readTableBook(path.join(ROOT, "examples", "haitenhyo-example.xlsx")));
    expect(errors(res.problems)).toEqual([]);
    expect(res.rulebook).toEqual(sample);
  });
});

describe("problems in English", () => {
  // What English may keep in Japanese: the workbook's own words (fixtures/workbook-words.ts).
  const WORKBOOK_WORDS = TABLE_WORDS;
  const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/gu;

  /** Japanese left in an English message once the workbook's words and quoted cell text are taken out. */
  function untranslated(en: string, book: TableBook = {}): string {
    const cells = Object.values(book).flatMap((rows) => rows.flat().map((c) => String(c ?? "")));
    let rest = en.replace(/“([^”]*)”/g, (all, inner: string) =>
      cells.some((c) => c.includes(inner)) ? " " : all,
    );
    for (const w of WORKBOOK_WORDS) rest = rest.split(w).join(" ");
    return (rest.match(JAPANESE) ?? []).join("");
  }
  const en = (p: TableProblem) => formatTableProblem(p, "en");

  test("representative problems read as English, naming the workbook's cells and words", () => {
    expect(tableToRulebook(withCell("指標", 3, 5, "十")).problems.map(en)).toEqual([
      "指標!F4: Indicator “pub”: 配点 “十” is not a number. Enter a number.",
    ]);
    expect(errors(tableToRulebook(withCell("指標", 1, 4, "はい")).problems).map(en)).toEqual([
      "指標!E2: Indicator “plan”: 種類 “はい” is not allowed. Enter one of “はい・いいえ”, “択一”, “複数選択”, “数値”, “順位帯”, “改善”, “得点入力”.",
    ]);
    expect(errors(tableToRulebook(withCell("指標", 2, 6, "ア 全域=10; イ 一部")).problems).map(en)).toEqual([
      "指標!G3: Indicator “scope”, 選択肢・段階: “イ 一部” has no points: end it with “=” and the points (e.g. ア 全域で実施=10).",
    ]);
    expect(errors(tableToRulebook(withCell("区分", 2, 1, "X")).problems).map(en)).toEqual([
      "区分!B3: Group “ORG”: There is no group with the ID “X” given in 親ID.",
    ]);
    expect(errors(tableToRulebook(withCell("指標", 1, 1, "1abc")).problems).map(en)).toEqual([
      "指標!B2: The ID “1abc” cannot be used: use only ASCII letters, digits, “_” and “.”, and do not start with a digit.",
    ]);
    const book = baseBook();
    delete book["区分"];
    book["指標"][0][4] = "種別";
    expect(tableToRulebook(book).problems.map(en)).toEqual([
      "区分: There is no “区分” sheet.",
      "指標!E1: The header “種別” is not one of the table's headers; this column is not read.",
      "指標!A1: There is no “種類” column. Add “種類” to the header row.",
    ]);
    // The rulebook check's findings, pinned to cells, with the kinds named in both ways.
    expect(errors(tableToRulebook(withCell("指標", 3, 8, "scope")).problems).map(en)).toEqual([
      "指標!I4: Indicator “pub”: The answer source “scope” is a 択一 (single choice) indicator, but this one is はい・いいえ (yes/no). Name an indicator of the same kind.",
    ]);
    expect(tableToRulebook(withCell("区分", 1, 3, 100)).problems.map(en)).toEqual([
      "区分!D2: Group “ALL”: All the points below add up to only 30, short of the maximum 100. Check the points or the maximum.",
    ]);
  });

  test("kinds are named by the word the table writes, with English beside it", () => {
    for (const [kind, word] of KIND_WORDS) {
      const name = kindName(kind);
      expect(typeof name).toBe("object");
      expect(render(name as Message, "ja")).toBe(word);
      expect(render(name as Message, "en")).toMatch(new RegExp(`^${word} \\([a-z/ ]+\\)$`));
    }
  });

  test("the English of every 配点表 message keeps only the workbook's words in Japanese", () => {
    const left = Object.entries(SCORE_TABLE_MESSAGES)
      .map(([code, m]) => [code, untranslated(m.en.replace(/\{\w+\}/g, " "))])
      .filter(([, rest]) => rest !== "");
    expect(left).toEqual([]);
  });

  test("broken tables: every problem is a catalogue message, the same Japanese, complete English", () => {
    const BAD: TableCell[] = [
      ...[null, "十", "?", "1abc", "AB12", -5, 1.5, "ア", "以上", "T9", "ALL", "plan; zz", "scope", true],
      ...[
        "ア 全域=10 [上位=30%]",
        "ア 全域=10 [ID=a; ID=b]",
        "a=1 [ID=1x]",
        "a=1 [英=x]",
        "[",
        "=10",
        "ア全域で実施=10",
      ],
      ...[
        "ア 全域=10 [該当数=-1; 該当率=2; 全国平均=x; 上位=5]",
        "ア 全域=十",
        "1,000=5",
        "large: 1=2",
        "foo: 1=2",
      ],
      ...[
        "60以上=10; 40以下=5",
        "1以上 2以上=1",
        "2; x=1",
        "0〜",
        "abc〜",
        "令和X年",
        "0.9.9",
        "値の範囲",
        "備考(英)",
      ],
    ];
    const books: TableBook[] = [];
    const mini = rulebookToTable(miniRulebook);
    for (const seed of [baseBook(), mini]) {
      for (const [sheet, rows] of Object.entries(seed)) {
        const drop = structuredClone(seed);
        delete drop[sheet];
        books.push(drop);
        rows.forEach((row, r) => {
          const gone = structuredClone(seed);
          gone[sheet].splice(r, 1);
          books.push(gone);
          for (let c = 0; c <= row.length; c++) {
            // A different few values in each cell, so the sweep covers them all and stays quick.
            const every = seed === mini ? 23 : 5;
            const values = BAD.filter((_, i) => (i + 7 * r + 3 * c) % every === 0);
            for (const v of values) {
              const b = structuredClone(seed);
              b[sheet][r][c] = v;
              books.push(b);
            }
          }
        });
      }
    }
    const codes = new Set<string>();
    const collect = (m: Message) => {
      codes.add(m.code);
      for (const v of Object.values(m.params ?? {})) if (typeof v === "object" && "code" in v) collect(v);
    };
    const wrong: string[] = [];
    for (const book of books) {
      for (const p of tableToRulebook(book).problems) {
        collect(p.detail);
        const english = render(p.detail, "en");
        if (p.message !== render(p.detail, "ja")) wrong.push(`message ≠ detail: ${p.message}`);
        if (/\{\w+\}/.test(english) || /\{\w+\}/.test(p.message)) wrong.push(`unfilled: ${english}`);
        if (english === p.message) wrong.push(`not translated: ${english}`);
        const rest = untranslated(english, book);
        if (rest) wrong.push(`Japanese “${rest}” in: ${english}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(books.length).toBeGreaterThan(1200);
    expect(codes.size).toBeGreaterThan(50);
  });
});
