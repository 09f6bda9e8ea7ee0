// The Office.js adapter and the add-in's pane API on the in-memory Excel: round trips per scoring run,
// cells Saiten does not own left untouched, formulas never overwritten, history, marks, scenarios.
import ExcelJS from "exceljs";
import type { Rulebook } from "../src/rulebooks/schema";
import { findBundled } from "../src/rulebooks/registry";
import { WorkbookPaneApi } from "../src/app/pane-session";
import { OfficeWorkbook } from "../src/adapters/office/office-workbook";
import {
  changedCells,
  createSimulatedExcel,
  fromExcelJs,
  installOfficeGlobals,
  SimWorkbook,
} from "../dev/office-sim";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";

installOfficeGlobals();

function syntheticRulebook(n: number): Rulebook {
  return {
    format: "saiten.rulebook/1",
    id: `synthetic-${n}`,
    scheme: "test",
    entity: "municipality",
    fiscalYear: 2026,
    version: "1.0.0",
    title: `合成 ${n} 指標`,
    level: "item",
    sources: [{ id: "test", title: "generated for tests" }],
    notes: [],
    root: {
      kind: "group",
      id: "ALL",
      name: "合計",
      max: n * 2,
      children: Array.from({ length: Math.ceil(n / 50) }, (_, g) => ({
        kind: "group" as const,
        id: `G${g + 1}`,
        name: `区分${g + 1}`,
        children: Array.from({ length: Math.min(50, n - g * 50) }, (_, i) => ({
          kind: "yesno" as const,
          id: `G${g + 1}.i${i + 1}`,
          name: `指標${g * 50 + i + 1}`,
          points: 2,
        })),
      })),
    },
  };
}

/** A filled template as the add-in would find it: real ExcelJS workbook → in-memory Excel. */
function filledWorkbook(
  rb: Rulebook,
  answer: (id: string, i: number) => string | null,
  edit?: (ws: ExcelJS.Worksheet) => void,
): SimWorkbook {
  const book = createTemplateWorkbook(rb);
  const ws = book.getWorksheet("回答")!;
  let i = 0;
  ws.eachRow((row, n) => {
    if (n <= 5) return;
    const v = answer(String(row.getCell(1).value), i++);
    if (v !== null) row.getCell(5).value = v;
  });
  ws.getCell("N2").value = "職員メモ"; // a user's own cell, outside the template columns
  edit?.(ws);
  return fromExcelJs(book);
}

function setup(model: SimWorkbook, rulebooks: Rulebook[] = []) {
  const excel = createSimulatedExcel(model);
  const port = new OfficeWorkbook(excel.run as never);
  const api = new WorkbookPaneApi(port, rulebooks);
  return { excel, port, api };
}

/** Cells Saiten owns after a run on the standard template. */
function owned(addr: string): boolean {
  if (addr.startsWith("採点結果!") || addr.startsWith("saiten_history!")) return true;
  const m = /^回答!([A-Z]+)(\d+)$/.exec(addr);
  return !!m && Number(m[2]) > 5 && ["G", "H", "I", "J", "K", "L"].includes(m[1]);
}

describe.each([10, 1000])("a scoring run with %i indicators", (n) => {
  const rb = syntheticRulebook(n);
  test("costs at most 3 round trips and writes only cells Saiten owns", async () => {
    const model = filledWorkbook(rb, (_id, i) => (i % 3 === 0 ? "○" : "×"));
    const { excel, api } = setup(model, [rb]);
    const before = model.snapshot();
    excel.stats.reset();
    const run = await api.score(rb.id);
    expect(excel.stats.syncs + excel.stats.implicitSyncs).toBeLessThanOrEqual(3);
    expect(run.roundTrips).toBeLessThanOrEqual(3);
    expect(run.result.total.points).toBe(Math.ceil(n / 3) * 2);
    const changed = changedCells(before, model.snapshot());
    expect(changed.length).toBeGreaterThan(n);
    expect(changed.filter((c) => !owned(c))).toEqual([]);
  });
});

describe("the add-in on a real template", () => {
  const rb = findBundled("kaigo-municipal-fy2026")!;

  test("points land in the 得点 column and the 採点結果 table; answers are untouched", async () => {
    const model = filledWorkbook(rb, (id) => (id.startsWith("P_I_1_") ? "○" : null));
    const { api } = setup(model);
    const run = await api.score(rb.id);
    expect(run.result.total.points).toBe(64);
    const snap = model.snapshot();
    const row = Object.entries(snap.sheets["回答"].cells)
      .find(([, c]) => c.value === "P_I_1_1.a")![0]
      .replace(/^A/, "");
    expect(snap.sheets["回答"].cells[`G${row}`].value).toBe(4);
    expect(snap.sheets["回答"].cells[`E${row}`].value).toBe("○");
    expect(snap.sheets["採点結果"].cells["C2"].value).toBe(64);
    expect(snap.sheets["saiten_history"].visibility).not.toBe("Visible");
  });

  test("採点結果 gets a native chart of group rates (this year vs last year), drawn once", async () => {
    const model = filledWorkbook(rb, () => "○");
    const { api } = setup(model);
    await api.score(rb.id);
    await api.score(rb.id);
    const sheet = model.snapshot().sheets["採点結果"];
    expect(sheet.charts).toEqual([
      expect.objectContaining({ name: "saiten_rates", type: "ColumnClustered" }),
    ]);
    expect(sheet.charts![0].source).toMatch(/^採点結果!\$?L\$?1:\$?N\$?11$/);
    expect(sheet.cells["L1"].value).toBe("区分");
    expect(sheet.cells["M2"].value).toBeGreaterThan(0);
  });

  test("a formula in an output cell is never overwritten, and is reported", async () => {
    const model = filledWorkbook(
      rb,
      (id) => (id === "P_I_1_1.a" ? "○" : null),
      (ws) => {
        ws.getCell("G6").value = { formula: "1+1", result: 2 };
      },
    );
    const { api } = setup(model);
    const run = await api.score(rb.id);
    expect(run.conflicts).toEqual([expect.objectContaining({ cell: "回答!G6" })]);
    expect(model.snapshot().sheets["回答"].cells["G6"].formula).toBe("=1+1");
  });

  test("a protected sheet: a clear message and nothing written", async () => {
    const model = filledWorkbook(rb, () => "○");
    model.sheet("回答")!.protected = true;
    const { api } = setup(model);
    const before = model.snapshot();
    await expect(api.score(rb.id)).rejects.toThrow(/保護/);
    expect(changedCells(before, model.snapshot())).toEqual([]);
  });

  test("Excel's refusal is said in words, never as Excel's code or English text", async () => {
    const model = filledWorkbook(rb, () => "○");
    const { excel, api } = setup(model);
    excel.options.failSync = () => ({ code: "GeneralException", message: "An internal error has occurred." });
    const general = await api.score(rb.id).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(general?.message).toBe("Excel での処理に失敗しました。もう一度お試しください。");
    excel.options.failSync = () => ({ code: "ResponsePayloadSizeLimitExceeded" });
    await expect(api.score(rb.id)).rejects.toThrow(/一度に処理できる量を超えました/);
    excel.options.failSync = undefined;
    expect((await api.score(rb.id)).result.total.points).toBeGreaterThan(0);
  });

  test("history: last year's snapshot in the copied file becomes this year's previous year", async () => {
    const fy2025 = findBundled("kaigo-municipal-fy2025")!;
    const model = filledWorkbook(fy2025, (id) =>
      id.startsWith("P_I_1_") || id === "P_I_2_1" ? (id === "P_I_2_1" ? "エ" : "○") : null,
    );
    const { api } = setup(model);
    const last = await api.score(fy2025.id);
    expect(last.result.total.points).toBe(76);
    // The clerk copies the file for FY2026 and lowers one band.
    const cell = last.answers["P_I_2_1"].cell!;
    await api.applyScenario(fy2025.id, { P_I_2_1: "ウ" });
    expect(model.snapshot().sheets["回答"].cells[cell.split("!")[1]].value).toBe("ウ");
    const now = await api.score(rb.id);
    expect(now.previousSource).toBe("history");
    expect(now.comparison!.total).toMatchObject({ trend: "↘", judgement: "未達成", changePoints: -3 });
    expect(now.comparison!.lost[0]).toMatchObject({ id: "P_I_2_1", change: -3 });
  });

  test("apply scenario: previews exactly the cells it will change, then writes only those answers", async () => {
    const model = filledWorkbook(rb, (id) => (id === "P_I_1_1.a" ? "×" : null));
    const { api } = setup(model);
    await api.score(rb.id);
    const preview = await api.previewScenario(rb.id, { "P_I_1_1.a": "○", "P_I_1_1.b": "○" });
    expect(preview.map((c) => [c.indicatorId, c.before, c.after])).toEqual([
      ["P_I_1_1.a", "×", "○"],
      ["P_I_1_1.b", null, "○"],
    ]);
    const before = model.snapshot();
    await api.applyScenario(rb.id, { "P_I_1_1.a": "○", "P_I_1_1.b": "○" });
    expect(changedCells(before, model.snapshot()).sort()).toEqual(preview.map((c) => c.cell).sort());
  });

  test("marks on lost rows are conditional formats that 印を消す removes completely", async () => {
    const model = filledWorkbook(rb, () => "○");
    const { api } = setup(model);
    const run = await api.score(rb.id);
    const before = model.snapshot();
    await api.markRows([run.answers["P_I_1_1.a"].cell!, run.answers["P_I_1_1.b"].cell!]);
    expect(model.snapshot().sheets["回答"].conditionalFormats.length).toBe(2);
    await api.clearMarks();
    const after = model.snapshot();
    expect(after.sheets["回答"].conditionalFormats).toEqual(before.sheets["回答"].conditionalFormats);
  });

  test("the template is created in the open workbook with dropdowns, and remembers settings", async () => {
    const model = new SimWorkbook();
    model.addSheet("Sheet1");
    const { api } = setup(model);
    await api.createTemplate(rb.id);
    await api.saveSettings({ rulebookId: rb.id, lang: "en" });
    expect(await api.loadSettings()).toEqual({ rulebookId: rb.id, lang: "en" });
    const snap = model.snapshot();
    expect(snap.sheets["回答"].cells["A5"].value).toBe("指標ID");
    expect(snap.sheets["回答"].cells["B2"].value).toBe(rb.id);
    const run = await api.score(rb.id);
    expect(run.source).toBe("template");
    expect(run.result.issues.filter((i) => i.code === "missing").length).toBeGreaterThan(100);
  });

  test("form maps as defined names: answers read from named cells, points written to named outputs", async () => {
    const model = new SimWorkbook();
    const sheet = model.addSheet("様式");
    sheet.set("D3", "○");
    sheet.set("D4", "ウ");
    sheet.set("E4", "手入力");
    for (const [name, ref] of [
      ["saiten.a.P_I_1_1.a", "様式!$D$3"],
      ["saiten.a.P_I_2_1", "様式!$D$4"],
      ["saiten.p.P_I_1_1.a", "様式!$E$3"],
      ["saiten.p.P_I_2_1", "様式!$E$4"],
    ])
      model.setName({ name, reference: ref, visible: true });
    const { excel, api } = setup(model);
    excel.stats.reset();
    const run = await api.score(rb.id);
    expect(run.source).toBe("names");
    expect(excel.stats.syncs).toBeLessThanOrEqual(3);
    expect(run.result.indicators.find((i) => i.id === "P_I_2_1")!.points).toBe(9);
    const snap = model.snapshot();
    expect(snap.sheets["様式"].cells["E3"].value).toBe(4);
    expect(snap.sheets["様式"].cells["E4"].value).toBe("手入力");
    // Named as a clerk writes an address (the name's reference is 様式!$E$4).
    expect(run.conflicts).toEqual([expect.objectContaining({ cell: "様式!E4" })]);
  });
});

test("previewing a scenario before any scoring reads answers but writes nothing", async () => {
  const rb = findBundled("kaigo-municipal-fy2026")!;
  const model = filledWorkbook(rb, (id) => (id === "P_I_1_1.a" ? "×" : null));
  const { api } = setup(model);
  const before = model.snapshot();
  const preview = await api.previewScenario(rb.id, { "P_I_1_1.a": "○" });
  expect(preview.map((c) => [c.indicatorId, c.before, c.after])).toEqual([["P_I_1_1.a", "×", "○"]]);
  expect(model.snapshot()).toEqual(before);
});
