import { processWorkbook } from "../src/app/review/review-workbook";
import { resolveIdentity } from "../src/app/review/identity";
import { findMismatches } from "../src/app/review/mismatch";
import type { FormMapFile } from "../src/workbook/form-map-detect";
import { miniRulebook } from "./fixtures/mini-rulebook";
import { jaText, localText } from "../src/engine/text";
import {
  bookBytes,
  compoundFile,
  junk,
  templateBook,
  templateRow,
  TOWN_A,
  TOWN_A_EXPECTED,
  TOWN_B,
  TOWN_B_EXPECTED,
} from "./fixtures/review-books";

const rb = miniRulebook;
const points = (r: { groups?: { id: string; points: number }[] }, id: string) =>
  r.groups?.find((g) => g.id === id)?.points;

describe("processWorkbook", () => {
  test("a filled template: identity, totals and groups as scored by hand", async () => {
    const rec = await processWorkbook(await templateBook(rb, TOWN_A), "in/a.xlsx", { rulebook: rb });
    expect(rec.status).toBe("scored");
    expect(rec.answersFrom).toBe("template");
    expect(rec.identity).toEqual({ name: "青葉町", code: "012025", source: "template", insured: 50000 });
    expect(rec.total).toEqual({ id: "ALL", points: TOWN_A_EXPECTED.total, max: 100, ratePercent: 72 });
    for (const g of ["A", "B", "ACT", "D"] as const) expect(points(rec, g)).toBe(TOWN_A_EXPECTED[g]);
    expect(rec.indicatorPoints).toMatchObject({ "A.y1": 8, "A.y3": 0, "B.m": 6, "ACT.r": 9, "ACT.i": 6 });
    expect(rec.mismatches).toEqual([]);

    const b = await processWorkbook(await templateBook(rb, TOWN_B), "in/b.xlsx", { rulebook: rb });
    expect(b.total?.points).toBe(TOWN_B_EXPECTED.total);
    for (const g of ["A", "B", "ACT", "D"] as const) expect(points(b, g)).toBe(TOWN_B_EXPECTED[g]);
  });

  test("self-reported points that are wrong are listed with their cells; right or blank ones are not", async () => {
    const data = await templateBook(rb, {
      ...TOWN_A,
      reportedPoints: { "A.y1": 5, "A.y2": 8 },
      reportedGroups: { ALL: 80, A: 16 },
    });
    const rec = await processWorkbook(data, "wrong.xlsx", { rulebook: rb });
    const row = await templateRow(rb, "A.y1");
    expect(rec.mismatches).toHaveLength(2);
    expect(rec.mismatches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cell: `回答!G${row}`, target: "A.y1", reported: 5, computed: 8 }),
        expect.objectContaining({ cell: "採点結果!C2", target: "total", reported: 80, computed: 72 }),
      ]),
    );
    const m = rec.mismatches!.find((x) => x.target === "total")!;
    expect(m.message.ja).toContain("採点結果!C2");
    expect(m.message.en).toContain("recomputed 72");
  });

  test("a mapped answer cell that is merged is named with its indicator's name: a form has no 指標ID column", async () => {
    const data = await bookBytes((book) => {
      const ws = book.addWorksheet("様式1");
      ws.getCell("C2").value = "○";
      ws.mergeCells("C2:D2");
      book.definedNames.add("様式1!$C$2", "saiten.a.A.y1");
    });
    const rec = await processWorkbook(data, "form.xlsx", { rulebook: rb });
    expect(rec.status).toBe("scored");
    const merged = rec.issues!.find((i) => i.indicatorId === "A.y1" && i.code === "invalid")!;
    expect(merged.message.ja).toBe(
      "様式1!C2（A.y1 計画を策定）: 回答セルが結合セルです。結合を解除するか左上のセルに割り当ててください。",
    );
    expect(merged.message.en).toMatch(/^様式1!C2 \(A\.y1 計画を策定\): The answer cell is merged\./);
  });

  test("a form-map JSON is applied in memory to a workbook without template or names", async () => {
    const data = await bookBytes((book) => {
      const ws = book.addWorksheet("様式1");
      ws.getCell("A1").value = "保険者名";
      ws.getCell("B1").value = "北山市";
      ws.getCell("A2").value = "計画を策定";
      ws.getCell("C2").value = "○";
      ws.getCell("D2").value = 3; // reported points for A.y1: wrong (8)
      ws.getCell("A3").value = "実施方法";
      ws.getCell("C3").value = "ア";
      ws.getCell("A4").value = "保険者番号";
      ws.getCell("B4").value = 12041; // typed as a number: leading zero lost
      book.definedNames.add("様式1!$B$1", "saiten.entity.name");
      book.definedNames.add("様式1!$B$4", "saiten.entity.code");
    });
    const map: FormMapFile = {
      format: "saiten.formmap/1",
      rulebook: rb.id,
      entries: [
        { indicatorId: "A.y1", answerCell: "様式1!$C$2", pointsCell: "様式1!$D$2" },
        { indicatorId: "B.c", answerCell: "様式1!$C$3" },
      ],
    };
    const before = Buffer.from(data).toString("base64");
    const rec = await processWorkbook(data, "kitayama.xlsx", { rulebook: rb, map });
    expect(Buffer.from(data).toString("base64")).toBe(before);
    expect(rec.status).toBe("scored");
    expect(rec.answersFrom).toBe("map");
    expect(rec.identity).toEqual({ name: "北山市", code: "012041", source: "names" });
    // A.y1 ○ 8 + B.c ア 10; everything else unanswered.
    expect(rec.total?.points).toBe(18);
    expect(rec.mismatches).toEqual([
      expect.objectContaining({ cell: "様式1!D2", target: "A.y1", reported: 3, computed: 8 }),
    ]);
    expect(rec.issues!.some((i) => i.code === "missing")).toBe(true);

    const without = await processWorkbook(data, "kitayama.xlsx", { rulebook: rb });
    expect(without).toMatchObject({ status: "failed", reasonCode: "no-answers" });
  });

  test("a workbook made for another rulebook fails naming both", async () => {
    const rec = await processWorkbook(
      await templateBook(rb, { ...TOWN_A, rulebookId: "kaigo-municipal-fy2025" }),
      "old.xlsx",
      {
        rulebook: rb,
      },
    );
    expect(rec.status).toBe("failed");
    expect(rec.reasonCode).toBe("wrong-rulebook");
    // The workbook's rulebook as it records it; the review's by its title, with what to do.
    expect(rec.reason!.ja).toContain("kaigo-municipal-fy2025");
    expect(rec.reason!.ja).toContain(`「${jaText(rb.title)}」で採点します`);
    expect(rec.reason!.ja).toMatch(/提出してもらってください/);
    expect(rec.reason!.en).toContain(`“${localText(rb.title).en}”`);
    expect(rec.identity?.code).toBe("012025");
  });

  test("corrupt, encrypted-looking, empty and blank files fail with their reason", async () => {
    expect(await processWorkbook(junk(4096), "junk.xlsx", { rulebook: rb })).toMatchObject({
      status: "failed",
      reasonCode: "not-xlsx",
    });
    const zip = await templateBook(rb, { answers: TOWN_A.answers });
    expect(await processWorkbook(zip.subarray(0, zip.length - 100), "cut.xlsx", { rulebook: rb })).toMatchObject({
      status: "failed",
      reasonCode: "corrupt",
    });
    expect(await processWorkbook(compoundFile(), "locked.xlsx", { rulebook: rb })).toMatchObject({
      reasonCode: "encrypted",
    });
    const xls = await processWorkbook(compoundFile("Workbook"), "old.xlsx", { rulebook: rb });
    expect(xls).toMatchObject({ reasonCode: "not-xlsx" });
    expect(xls.reason?.ja).toMatch(/古い形式（\.xls）/);
    const empty = await bookBytes((book) => book.addWorksheet("Sheet1"));
    const rec = await processWorkbook(empty, "empty.xlsx", { rulebook: rb });
    expect(rec).toMatchObject({ status: "failed", reasonCode: "no-answers" });
    expect(rec.reason!.ja).toContain("空のブック");
    const blank = await processWorkbook(await templateBook(rb, { name: "空町", answers: {} }), "blank.xlsx", {
      rulebook: rb,
    });
    expect(blank).toMatchObject({ status: "failed", reasonCode: "empty", identity: { name: "空町" } });
  });

  test("identity falls back to the file name", async () => {
    const rec = await processWorkbook(
      await templateBook(rb, { answers: TOWN_A.answers }),
      "dir/sub/札幌市 回答.xlsx",
      {
        rulebook: rb,
      },
    );
    expect(rec.identity).toEqual({ name: "札幌市 回答", source: "file-name" });
    expect(resolveIdentity("x.xlsx", { entityCode: "012025" })).toEqual({
      name: "x",
      code: "012025",
      source: "template",
    });
  });

  test("findMismatches ignores blanks and dashes, reports text", () => {
    const result = {
      total: { id: "ALL", points: 5 },
      groups: [],
      indicators: [{ id: "a", points: 5 }],
    } as never;
    const cell = (value: unknown) => ({ cell: "S!A1", data: { value } as never });
    expect(
      findMismatches(result, {
        indicators: new Map([["a", cell(null)]]),
        groups: new Map([["ALL", cell("-")]]),
      }),
    ).toEqual([]);
    expect(findMismatches(result, { indicators: new Map([["a", cell("５")]]) })).toEqual([]);
    expect(findMismatches(result, { indicators: new Map([["a", cell("済")]]) })[0]).toMatchObject({
      reported: "済",
      computed: 5,
    });
    // A date typed where the points go reads as that date, not as a timestamp.
    const dated = findMismatches(result, { indicators: new Map([["a", cell(new Date(Date.UTC(2026, 2, 1)))]]) });
    expect(dated[0].reported).toBe("2026-03-01");
    expect(dated[0].message.ja).toContain("「2026-03-01」");
  });
});
