// What the pane relies on to start light and to read files off its thread: the workbook port that
// waits for Office.js, the session's rulebooks loaded when used, a read that is stopped, and errors
// that cross from the worker as data and mean the same on the other side.
import { createSimulatedExcel, fromExcelJs } from "../../dev/office-sim";
import { OfficeWorkbook } from "../../src/adapters/office/office-workbook";
import { createTemplateWorkbook } from "../../src/adapters/exceljs/template-xlsx";
import { WorkbookPaneApi } from "../../src/app/pane-session";
import { errorFromWire, errorToWire, inThreadFileReads, ReadCancelled } from "../../src/app/file-reads";
import { msg, UserError } from "../../src/messages";
import { findBundled } from "../../src/rulebooks/registry";
import { WorkbookError } from "../../src/workbook/port";
import { errorText } from "../../src/taskpane/errors";
import { PortWhenReady } from "../../src/taskpane/port-when-ready";
import { demoEntities, generateTally, tallyBuffer } from "../../dev/tally-generator/generate";

const ID = "kaigo-municipal-fy2026";

test("before Office.js is ready the session lists the rulebooks, and its workbook calls wait for the workbook", async () => {
  const port = new PortWhenReady();
  const api = new WorkbookPaneApi(port);
  expect(api.rulebooks().map((r) => r.id)).toContain(ID);
  // Not loaded yet: rulebook() says so; loadRulebook() loads it.
  expect(() => api.rulebook(ID)).toThrow(UserError);
  expect(await api.loadRulebook(ID)).toBe(findBundled(ID));
  expect(api.rulebook(ID)).toBe(findBundled(ID));

  let settled = false;
  const settings = api.loadSettings().then((s) => {
    settled = true;
    return s;
  });
  await new Promise((r) => setTimeout(r, 20));
  expect(settled).toBe(false);
  expect(port.roundTrips).toBe(0);
  const real = new OfficeWorkbook(createSimulatedExcel(fromExcelJs(createTemplateWorkbook(findBundled(ID)!))).run as never);
  port.ready(real);
  expect(await settings).toEqual({});
  const run = await api.score(ID);
  expect(run.result.rulebook.id).toBe(ID);
  expect(port.roundTrips).toBe(real.roundTrips);
  expect(port.roundTrips).toBeGreaterThan(0);
});

test("a read stopped while it runs fails with ReadCancelled, said as a notice naming the file", async () => {
  const rb25 = findBundled("kaigo-municipal-fy2025")!;
  const bytes = await tallyBuffer(
    generateTally({ rulebook: rb25, fiscalYear: 2025, municipalities: demoEntities(rb25, 1200, 5) }),
  );
  const stop = new AbortController();
  const seen: unknown[] = [];
  const read = inThreadFileReads.openTally(bytes, "全国集計R7.xlsx", {
    signal: stop.signal,
    onProgress: (p) => {
      seen.push(p);
      if (p.stage === "rows") stop.abort();
    },
  });
  const e = await read.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReadCancelled);
  expect(errorText(e, "ja")).toBe("全国集計R7.xlsx の読み込みを中止しました。前の状態のままです。");
  // It stopped after the first chunk of rows, not at the end.
  expect(seen).toEqual([{ stage: "open" }, { stage: "rows", rows: 500 }]);
});

test("errors cross the worker as data and say the same in both languages", () => {
  const cases: unknown[] = [
    new ReadCancelled("a.xlsx"),
    new UserError(msg("session.previous-rulebook-unknown", { file: "a.xlsx" })),
    new WorkbookError("formula", msg("session.formula-cell", { cell: "回答!E9", id: "X" }), "回答!E9"),
    new Error("a programming error"),
  ];
  // The programming error is logged to the console by errorText (not what this test is about).
  const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    for (const e of cases) {
      const back = errorFromWire(structuredClone(errorToWire(e, "a.xlsx")));
      expect(back.constructor).toBe((e as Error).constructor);
      for (const lang of ["ja", "en"] as const) expect(errorText(back, lang)).toBe(errorText(e, lang));
    }
  } finally {
    logged.mockRestore();
  }
  const tally = new UserError(msg("tally.no-rows"));
  tally.name = "TallyError";
  expect(errorFromWire(errorToWire(tally, "t.xlsx")).name).toBe("TallyError");
});
