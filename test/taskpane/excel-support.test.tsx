/** @jest-environment jsdom */
// The pane inside an older Excel (ExcelSupport as index.tsx takes it from Office.js): what it cannot do there, in Japanese and in English.
import { fireEvent, screen } from "@testing-library/react";
import type { ExcelSupport } from "../../src/app/pane-api";
import { miniRulebook } from "../fixtures/mini-rulebook";
import { fakeApi } from "./fake-api";
import { installJsdomShims, noSeriousViolations, refuseInvalidNesting, renderPane } from "./render-pane";

beforeAll(installJsdomShims);
refuseInvalidNesting();

function paneIn(support: ExcelSupport | null | undefined) {
  const api = fakeApi({ rulebooks: [miniRulebook], answers: {} });
  if (support !== undefined) api.excelSupport = () => support;
  renderPane(api);
}

const AT_MANIFEST_MINIMUM: ExcelSupport = {
  excelApi: "1.7",
  features: { answerDropdowns: false, mergedCellCheck: false },
  missing: ["answerDropdowns", "mergedCellCheck"],
};

test("Excel without 1.8 and 1.13: both losses listed, the rest said to work; English too; dismissible", async () => {
  paneIn(AT_MANIFEST_MINIMUM);
  expect(screen.getByText("この Excel では一部の機能が使えません")).toBeTruthy();
  const items = screen.getAllByRole("listitem").map((li) => li.textContent);
  expect(items).toEqual([
    expect.stringMatching(/ドロップダウンが付きません/),
    expect.stringMatching(/結合セルでも警告が出ません/),
  ]);
  expect(screen.getByText(/Office 2021（LTSC 2021）以降の Excel ではすべての機能が使えます/)).toBeTruthy();
  await noSeriousViolations();

  fireEvent.click(screen.getByRole("button", { name: "Switch to English" }));
  expect(screen.getByText("Some features are not available in this version of Excel")).toBeTruthy();
  expect(screen.getByText(/no dropdown lists/)).toBeTruthy();
  expect(screen.getByText(/merged/)).toBeTruthy();

  fireEvent.click(screen.getAllByRole("button", { name: "Dismiss" })[0]);
  expect(screen.queryByText("Some features are not available in this version of Excel")).toBeNull();
});

test("Excel 2019 (1.8): only the merged-cell warning is lost", () => {
  paneIn({
    excelApi: "1.8",
    features: { answerDropdowns: true, mergedCellCheck: false },
    missing: ["mergedCellCheck"],
  });
  expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    expect.stringMatching(/結合セル/),
  ]);
});

test.each([
  [
    "LTSC 2021, nothing missing",
    { excelApi: "1.14", features: { answerDropdowns: true, mergedCellCheck: true }, missing: [] },
  ],
  ["outside Excel (preview)", null],
  ["an API without the question", undefined],
] as const)("no notice: %s", (_name, support) => {
  paneIn(support as ExcelSupport | null | undefined);
  expect(screen.queryByText("この Excel では一部の機能が使えません")).toBeNull();
});
