// Form maps on an existing (non-template) form, and the adapter's messages for Excel's bad moments.
import { findBundled } from "../src/rulebooks/registry";
import { WorkbookPaneApi } from "../src/app/pane-session";
import { OfficeWorkbook } from "../src/adapters/office/office-workbook";
import { createSimulatedExcel, installOfficeGlobals, SimWorkbook } from "../dev/office-sim";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { runScoring } from "../src/app/scoring-run";
import { toExcelJs } from "../dev/office-sim";

installOfficeGlobals();
const rb = findBundled("kaigo-municipal-fy2026")!;

/** A municipality's own form: labels in column B, answers in column D, a memo column E. */
function existingForm(): SimWorkbook {
  return new SimWorkbook({
    sheets: [
      {
        name: "調査票",
        cells: {
          A1: "令和8年度 評価指標 該当状況調査票（○町）",
          B3: "P_I_1_1.a",
          D3: "○",
          B4: "P_I_1_1.b",
          D4: "×",
          B5: "P_I_2_1",
          C5: "P_I_1_1.c", // a label next to a label: the answer is the first non-label cell
          D5: "ウ",
          B6: "P_I_1_1.d", // not answered yet: takes the column the answered rows use
          B7: "関係のない行",
          D7: "メモ",
        },
      },
    ],
  });
}

function setup(model: SimWorkbook, options = {}) {
  const excel = createSimulatedExcel(model, options);
  const port = new OfficeWorkbook(excel.run as never, { timeoutMs: 200 });
  return { excel, port, api: new WorkbookPaneApi(port) };
}

test("detect proposes answer cells from ids on an existing form; saved as names, scored by the CLI too", async () => {
  const model = existingForm();
  const { api } = setup(model);
  const proposals = await api.detectFormMap(rb.id);
  expect(proposals.map((p) => [p.indicatorId, p.answerCell, p.labelCell])).toEqual([
    ["P_I_1_1.a", "調査票!$D$3", "調査票!B3"],
    ["P_I_1_1.b", "調査票!$D$4", "調査票!B4"],
    ["P_I_2_1", "調査票!$D$5", "調査票!B5"],
    ["P_I_1_1.c", "調査票!$D$5", "調査票!C5"],
    ["P_I_1_1.d", "調査票!$D$6", "調査票!B6"],
  ]);
  await api.saveFormMap(proposals.filter((p) => p.indicatorId !== "P_I_1_1.c"));
  expect(model.snapshot().names["saiten.a.P_I_2_1"]).toBe("調査票!$D$5");
  const run = await api.score(rb.id);
  expect(run.source).toBe("names");
  expect(run.result.indicators.find((i) => i.id === "P_I_2_1")!.points).toBe(9);
  expect(run.result.total.points).toBe(4 + 9);
  // The same map travels with the file: the CLI reads the names.
  const book = new ExcelJsWorkbook(toExcelJs(model));
  const cli = await runScoring(book, { rulebook: rb, write: false });
  expect(cli.result.total.points).toBe(13);
});

test("manual mapping of the selected cell, export and import of the map across workbooks", async () => {
  const model = existingForm();
  model.selection = { sheet: "調査票", address: "D4" };
  const { api } = setup(model);
  const cell = await api.selectedCell();
  expect(cell).toBe("調査票!$D$4");
  await api.saveFormMap([{ indicatorId: "P_I_1_1.b", answerCell: cell! }]);
  await api.saveFormMap([{ indicatorId: "P_I_1_1.a", answerCell: "調査票!$D$3", pointsCell: "調査票!$E$3" }]);
  const json = await api.exportFormMap(rb.id);
  expect(JSON.parse(json)).toMatchObject({ format: "saiten.formmap/1", rulebook: rb.id });
  const other = existingForm();
  const second = setup(other);
  expect(await second.api.importFormMap(rb.id, json)).toBe(2);
  expect(await second.api.formMap(rb.id)).toEqual(
    expect.arrayContaining([
      { indicatorId: "P_I_1_1.a", answerCell: "調査票!$D$3", pointsCell: "調査票!$E$3" },
    ]),
  );
  await second.api.removeFormMap(["P_I_1_1.a"]);
  expect((await second.api.formMap(rb.id)).map((e) => e.indicatorId)).toEqual(["P_I_1_1.b"]);
  await expect(second.api.importFormMap(rb.id, '{"format":"x"}')).rejects.toThrow(
    /割り当てファイル（saiten\.formmap\/1）ではありません/,
  );
});

test("a map pointing at a merged cell or outside the used range is reported with the cell", async () => {
  const model = existingForm();
  model.sheet("調査票")!.setMerges([{ top: 3, left: 4, bottom: 3, right: 5 } as never]);
  const { api } = setup(model);
  await api.saveFormMap([
    { indicatorId: "P_I_1_1.a", answerCell: "調査票!$D$3" },
    { indicatorId: "P_I_1_1.b", answerCell: "調査票!$Z$99" },
  ]);
  const run = await api.score(rb.id);
  const messages = run.result.issues.map((i) => i.message.ja).join("\n");
  expect(messages).toMatch(/調査票!D3（.*結合セル/);
  expect(messages).toMatch(/調査票!Z99（.*使用範囲の外/);
});

test("Excel in cell-edit mode: the batch waits (delayForCellEdit) and then runs", async () => {
  const model = existingForm();
  model.setCellEditMode(true);
  const { api } = setup(model);
  const pending = api.detectFormMap(rb.id);
  let done = false;
  void pending.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 50));
  expect(done).toBe(false);
  model.setCellEditMode(false);
  expect((await pending).length).toBe(5);
});

test("a sync that never returns times out with a message telling the user to retry", async () => {
  const { api } = setup(existingForm(), { hangSync: true });
  await expect(api.detectFormMap(rb.id)).rejects.toThrow(/応答がありません.*もう一度/);
});

test("no answers anywhere: a clear message instead of a silent zero", async () => {
  const { api } = setup(new SimWorkbook({ sheets: [{ name: "Sheet1", cells: { A1: "x" } }] }));
  await expect(api.score(rb.id)).rejects.toThrow(/回答が見つかりません/);
});

test("the CLI's reading of a name-mapped answer beyond the data rows reports it as outside the used range", async () => {
  const model = existingForm();
  model.setName({ name: "saiten.a.P_I_1_1.a", reference: "調査票!$D$3", visible: true });
  model.setName({ name: "saiten.a.P_I_1_1.b", reference: "調査票!$D$40", visible: true });
  const book = new ExcelJsWorkbook(toExcelJs(model));
  const run = await runScoring(book, { rulebook: rb, write: false });
  const messages = run.result.issues.map((i) => i.message.ja).join("\n");
  expect(messages).toMatch(/調査票!D40（.*使用範囲の外/);
  expect(messages).not.toMatch(/調査票!D3（.*使用範囲の外/);
});
