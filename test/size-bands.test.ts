// Size bands carried forward from another year (sizeClasses.assumedFrom) are an assumption, and
// what shows a band says so: the engine's wording, `saiten score` and `saiten review` on real files.
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../src/cli/main";
import { assumedSizeBands, sizeBandLine } from "../src/engine";
import { resolveSizeClass } from "../src/engine/score";
import { findBundled } from "../src/rulebooks/registry";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";

const dir = mkdtempSync(join(tmpdir(), "saiten-bands-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** A template of the rulebook with 被保険者数 filled in and one answer, saved as a real .xlsx. */
async function answerBook(rulebookId: string, name: string, insured: number | null): Promise<string> {
  const book = createTemplateWorkbook(findBundled(rulebookId)!);
  const ws = book.getWorksheet("回答")!;
  expect(ws.getCell("C3").value).toBe("被保険者数");
  if (insured !== null) ws.getCell("D3").value = insured;
  ws.getCell("F3").value = name;
  ws.eachRow((row, n) => {
    if (n > 5 && row.getCell(1).value === "P_I_1_1.a") row.getCell(5).value = "○";
  });
  const file = join(dir, `${name}.xlsx`);
  await (book as ExcelJS.Workbook).xlsx.writeFile(file);
  return file;
}

const ASSUMED = "規模区分は令和6年度の区分を流用した推定です";

describe("the wording", () => {
  test("FY2025 and FY2026 bands are FY2024's carried forward; FY2024's are its own", () => {
    expect(assumedSizeBands(findBundled("kaigo-municipal-fy2024")!)).toBeNull();
    expect(assumedSizeBands(findBundled("kaigo-municipal-fy2024-groups")!)).toBeNull();
    for (const id of [
      "kaigo-municipal-fy2025",
      "kaigo-municipal-fy2026",
      "kaigo-municipal-fy2025-groups",
      "kaigo-municipal-fy2026-groups",
    ])
      expect([id, assumedSizeBands(findBundled(id)!)]).toEqual([
        id,
        { ja: ASSUMED, en: "size bands are an estimate that carries the FY2024 bands forward" },
      ]);
    expect(assumedSizeBands(findBundled("nhi-municipal-fy2024")!)).toBeNull();
  });

  test("the band a score used, by size or by id, with the caution where assumed", () => {
    const rb26 = findBundled("kaigo-municipal-fy2026")!;
    expect(sizeBandLine(rb26, { size: 12480 })).toEqual({
      ja: `規模区分: 1万人以上5万人未満（${ASSUMED}）`,
      en: "Size band: 10,000 to under 50,000 (size bands are an estimate that carries the FY2024 bands forward)",
    });
    expect(sizeBandLine(rb26, { sizeClass: "under3k" })?.ja).toBe(`規模区分: 3千人未満（${ASSUMED}）`);
    expect(sizeBandLine(findBundled("kaigo-municipal-fy2024")!, { size: 100000 })?.ja).toBe(
      "規模区分: 10万人以上",
    );
    expect(sizeBandLine(rb26, {})).toBeNull();
    // A stated class the rulebook does not have (a typo in a workbook) names no band: the size decides.
    expect(sizeBandLine(rb26, { sizeClass: "n10k-50k", size: 12480 })).toEqual(sizeBandLine(rb26, { size: 12480 }));
    expect(sizeBandLine(rb26, { sizeClass: "n10k-50k" })).toBeNull();
  });

  test("a band stated by its name, as the answer workbook's 規模区分 list offers it, in either language", () => {
    const rb26 = findBundled("kaigo-municipal-fy2026")!;
    const byId = sizeBandLine(rb26, { sizeClass: "n10k_50k" });
    expect(sizeBandLine(rb26, { sizeClass: "1万人以上5万人未満" })).toEqual(byId);
    expect(sizeBandLine(rb26, { sizeClass: " １万人以上５万人未満 " })).toEqual(byId); // as typed: full-width, spaces
    expect(sizeBandLine(rb26, { sizeClass: "10,000 to under 50,000" })).toEqual(byId);
    expect(resolveSizeClass(rb26, { sizeClass: "1万人以上5万人未満", size: 200000 })).toBe("n10k_50k");
    // The list offers the names, never the ids.
    const list = createTemplateWorkbook(rb26).getWorksheet("回答")!.getCell("B3").dataValidation;
    expect(list.formulae).toEqual([
      '"10万人以上,5万人以上10万人未満,1万人以上5万人未満,3千人以上1万人未満,3千人未満"',
    ]);
  });
});

describe("saiten", () => {
  test("score shows the band of the workbook's 被保険者数, and says when the bands are assumed", async () => {
    const r26 = await run("score", await answerBook("kaigo-municipal-fy2026", "二〇二六町", 12480));
    expect(r26.code).toBe(0);
    expect(r26.out).toContain(`規模区分: 1万人以上5万人未満（${ASSUMED}）\n`);
    const en = await run("score", join(dir, "二〇二六町.xlsx"), "--lang", "en");
    expect(en.out).toContain("Size band: 10,000 to under 50,000 (size bands are an estimate that carries the FY2024");

    const r24 = await run("score", await answerBook("kaigo-municipal-fy2024", "二〇二四町", 12480));
    expect(r24.code).toBe(0);
    expect(r24.out).toContain("規模区分: 1万人以上5万人未満\n");
    expect(r24.out).not.toContain("推定");

    const none = await run("score", await answerBook("kaigo-municipal-fy2026", "規模なし町", null));
    expect(none.out).not.toContain("規模区分");

    // A size of zero or less is a mistake in the cell, said at the cell, and no band is picked by it.
    const negativeBook = await answerBook("kaigo-municipal-fy2026", "負の町", -5);
    const negative = JSON.parse((await run("score", negativeBook, "--json")).out) as {
      issues: { cell?: string; message: { ja: string } }[];
    };
    expect(negative.issues.filter((i) => i.cell === "回答!D3").map((i) => i.message.ja)).toEqual([
      "回答!D3: 規模の数値（-5）は正の数にしてください。規模区分は使わずに採点しました。",
    ]);
    expect((await run("score", negativeBook)).out).not.toContain("規模区分: ");
  });

  test("review says the size-band columns rest on assumed bands", async () => {
    const folder = async (rulebookId: string) => {
      const at = join(dir, rulebookId);
      mkdirSync(at);
      for (const [name, n] of [
        ["甲町", 4200],
        ["乙市", 61000],
      ] as const)
        renameSync(await answerBook(rulebookId, `${rulebookId}-${name}`, n), join(at, `${name}.xlsx`));
      return at;
    };
    const json = join(dir, "review-2026.json");
    const xlsx = join(dir, "review-2026.xlsx");
    const r26 = await run(
      "review",
      await folder("kaigo-municipal-fy2026"),
      "--rulebook",
      "kaigo-municipal-fy2026",
      "--json",
      json,
      "--out",
      xlsx,
    );
    expect(r26.code).toBe(0);
    expect(r26.out).toContain("採点済          2 件");
    expect(r26.out).toContain(`${ASSUMED}（一覧の規模区分・規模区分内順位）。`);
    // The files say it too: the JSON field, and a note on the 規模区分 header of 一覧.
    expect(JSON.parse(readFileSync(json, "utf8")).sizeBandsAssumedFrom).toBe(2024);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const list = book.getWorksheet("一覧")!;
    const header = (list.getRow(1).values as unknown[]).indexOf("規模区分");
    expect(String(list.getCell(1, header).note ?? "")).toContain(ASSUMED);
    // The bands by name (the JSON keeps the id beside it).
    expect([list.getCell(2, header).value, list.getCell(3, header).value].sort()).toEqual(
      ["3千人以上1万人未満", "5万人以上10万人未満"].sort(),
    );
    const rows = JSON.parse(readFileSync(json, "utf8")).rows as { sizeClass: string; sizeClassName: string }[];
    expect(rows.map((r) => [r.sizeClass, r.sizeClassName]).sort()).toEqual([
      ["n3k_10k", "3千人以上1万人未満"],
      ["n50k_100k", "5万人以上10万人未満"],
    ]);
    const r24 = await run(
      "review",
      await folder("kaigo-municipal-fy2024"),
      "--rulebook",
      "kaigo-municipal-fy2024",
    );
    expect(r24.code).toBe(0);
    expect(r24.out).toContain("採点済          2 件");
    expect(r24.out).not.toContain("推定");
  });
});
