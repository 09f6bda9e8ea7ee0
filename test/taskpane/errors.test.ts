// What the pane shows when a call fails: the session's and the workbook's problems in the pane's
// language, from the message catalogue (the Japanese as it always was).
import ExcelJS from "exceljs";
import { createSimulatedExcel, fromExcelJs } from "../../dev/office-sim";
import { OfficeWorkbook } from "../../src/adapters/office/office-workbook";
import { WorkbookPaneApi } from "../../src/app/pane-session";
import { createTemplateWorkbook } from "../../src/adapters/exceljs/template-xlsx";
import { findBundled } from "../../src/rulebooks/registry";
import { errorText } from "../../src/taskpane/errors";

const ID = "kaigo-municipal-fy2026";

function paneOver(book: ExcelJS.Workbook) {
  return new WorkbookPaneApi(new OfficeWorkbook(createSimulatedExcel(fromExcelJs(book)).run as never));
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );
}

describe("errors in the pane's language", () => {
  test("the session's own problems", async () => {
    const api = paneOver(createTemplateWorkbook(findBundled(ID)!));
    const noTally = await failure(api.usePreviousFromTally("011002"));
    expect(errorText(noTally, "ja")).toBe("全国集計を先に選んでください。");
    expect(errorText(noTally, "en")).toBe("Choose a national tally first.");

    const unknown = await failure(api.score("no-such-rulebook"));
    expect(errorText(unknown, "ja")).toBe("ルールブック「no-such-rulebook」がありません。一覧から選び直してください。");
    expect(errorText(unknown, "en")).toBe("There is no rulebook “no-such-rulebook”. Choose one from the list again.");

    const notMap = await failure(api.importFormMap(ID, "{"));
    expect(errorText(notMap, "en")).toBe("The map file cannot be read as JSON. Choose a file Saiten exported.");
  });

  test("the workbook's problems: an answer sheet already there, an answer cell that is unknown", async () => {
    const api = paneOver(createTemplateWorkbook(findBundled(ID)!));
    const exists = await failure(api.createTemplate(ID));
    expect(errorText(exists, "ja")).toBe(
      "「回答」シートは既にあります。新しいブックで作るか、シート名を変えてから作成してください。",
    );
    expect(errorText(exists, "en")).toBe(
      "There is already a “回答” sheet. Create the sheets in a new workbook, or rename that sheet first.",
    );

    // A form with one answer cell mapped by name: the others cannot be written.
    const form = new ExcelJS.Workbook();
    form.addWorksheet("様式").getCell("B2").value = "×";
    form.definedNames.add("様式!$B$2", "saiten.a.P_I_1_1.a");
    const unmapped = await failure(paneOver(form).previewScenario(ID, { "P_I_1_1.b": "○", "P_I_1_1.c": "○" }));
    expect(errorText(unmapped, "ja")).toBe(
      "回答セルが分からない指標があります（P_I_1_1.b、P_I_1_1.c）。回答セルを割り当ててから反映してください。",
    );
    expect(errorText(unmapped, "en")).toBe(
      "Some indicators have no known answer cell (P_I_1_1.b, P_I_1_1.c). Map their answer cells, then apply.",
    );
  });

  test("a fault of ours (a programming error, a worker that stopped) is said in words, its own text kept for the console", () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const stopped = new Error("summary worker stopped");
      expect(errorText(stopped, "ja")).toBe(
        "予期しない問題で、この操作を終えられませんでした。もう一度お試しください。繰り返し起きる場合は、作業ウィンドウを開き直すか、担当者に連絡してください。",
      );
      expect(errorText(new TypeError("x is undefined"), "en")).toMatch(/^This could not be finished because of an unexpected problem\./);
      expect(errorText("text", "ja")).not.toContain("text");
      expect(logged).toHaveBeenCalledWith(stopped);
    } finally {
      logged.mockRestore();
    }
  });
});
