// The pane's session on the in-memory Excel (issue 12): the workbook decides the rules, last year is
// checked, live results never write, and the worksheet events the pane follows behave as Office.js's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findBundled } from "../src/rulebooks/registry";
import { WorkbookPaneApi } from "../src/app/pane-session";
import { OfficeWorkbook } from "../src/adapters/office/office-workbook";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";
import { render } from "../src/messages";
import { score } from "../src/engine/score";
import { choiceLabel } from "../src/engine/text";
import { UserError } from "../src/messages";
import {
  createSimulatedExcel,
  fromExcelJs,
  installOfficeGlobals,
  loadXlsx,
  SimWorkbook,
} from "../dev/office-sim";

installOfficeGlobals();

const SAMPLE = join(__dirname, "..", "examples", "sample-kaigo-fy2026.xlsx");
const sampleBytes = () => {
  const b = readFileSync(SAMPLE);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

async function sample(): Promise<SimWorkbook> {
  return loadXlsx(sampleBytes());
}

function setup(model: SimWorkbook) {
  const excel = createSimulatedExcel(model);
  const port = new OfficeWorkbook(excel.run as never);
  return { excel, port, api: new WorkbookPaneApi(port) };
}

/** The FY2025 template with every yes/no answered ○ (ExcelJS, as a clerk's file would be). */
function fy2025Book(entity?: { name: string; code: string }) {
  const rb = findBundled("kaigo-municipal-fy2025")!;
  const book = createTemplateWorkbook(rb);
  const ws = book.getWorksheet("回答")!;
  ws.eachRow((row, n) => {
    if (n > 5) row.getCell(5).value = "○";
  });
  if (entity) {
    ws.getCell("F3").value = "市町村名";
    ws.getCell("G3").value = entity.name;
    ws.getCell("H3").value = "市町村コード";
    ws.getCell("I3").value = entity.code;
  }
  return book;
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe("worksheet events in the in-memory Excel", () => {
  test("a handler added in a batch hears changes after they are applied, with the address; remove() stops it", async () => {
    const model = await sample();
    const excel = createSimulatedExcel(model);
    const heard: { type: string; address: string; sheet: string }[] = [];
    const results = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("回答");
      ws.load("id");
      const r1 = ws.onChanged.add(async (e) => {
        // The change is already applied when the event arrives.
        heard.push({ type: e.type, address: `${e.address}=${String(model.sheet("回答")!.get(e.address)?.value)}`, sheet: e.worksheetId });
      });
      const r2 = ws.onSelectionChanged.add(async (e) => {
        heard.push({ type: e.type, address: e.address, sheet: e.worksheetId });
      });
      // Not registered before the sync.
      model.userEdit("回答", "E9", "×");
      await tick();
      expect(heard).toEqual([]);
      await context.sync();
      return { r1, r2, id: ws.id };
    });
    model.userEdit("回答", "E9", "○");
    model.userSelect("回答", "E12");
    await tick();
    expect(heard).toEqual([
      { type: "WorksheetChanged", address: "E9=○", sheet: results.id },
      { type: "WorksheetSelectionChanged", address: "E12", sheet: results.id },
    ]);

    // An add-in's own write is reported too, as one range; a failed batch reports nothing.
    heard.length = 0;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("回答").getRange("G6:G7").values = [[1], [2]];
      await context.sync();
    });
    excel.options.failSync = () => ({ code: "GeneralException" });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("回答").getRange("G8").values = [[3]];
        await context.sync();
      }),
    ).rejects.toThrow();
    excel.options.failSync = undefined;
    await tick();
    expect(heard).toEqual([{ type: "WorksheetChanged", address: "G6:G7=1", sheet: results.id }]);

    heard.length = 0;
    await excel.run(results.r1.context, async (context) => {
      results.r1.remove();
      results.r2.remove();
      await context.sync();
    });
    model.userEdit("回答", "E9", "×");
    await tick();
    expect(heard).toEqual([]);
    expect(model.events.count).toBe(0);
  });

  test("the Office adapter's watch gives qualified addresses and stops", async () => {
    const model = await sample();
    const { port } = setup(model);
    const changed: string[] = [];
    const selected: string[] = [];
    const stop = await port.watch!({ changed: (a) => changed.push(a), selected: (a) => selected.push(a) });
    model.userEdit("回答", "E9", "×");
    model.userSelect("採点結果", "B3");
    await tick();
    expect(changed).toEqual(["回答!E9"]);
    expect(selected).toEqual(["採点結果!B3"]);
    await stop();
    model.userEdit("回答", "E9", "○");
    await tick();
    expect(changed).toEqual(["回答!E9"]);
  });
});

describe("the workbook decides the rules", () => {
  test("the rulebook the answer sheet records", async () => {
    const { api } = setup(fromExcelJs(fy2025Book()));
    const rec = await api.recordedRulebook();
    expect(rec).toMatchObject({ id: "kaigo-municipal-fy2025", source: "template", info: { fiscalYear: 2025 } });
  });

  test("another grant's rulebook: scored read-only with the reason, nothing written", async () => {
    const model = await sample();
    const { api } = setup(model);
    const before = JSON.stringify(model.snapshot());
    const run = await api.score("nhi-municipal-fy2024");
    expect(run.notWritten).toBe("other-scheme");
    expect(run.recorded?.id).toBe("kaigo-municipal-fy2026");
    expect(run.written).toBe(0);
    expect(JSON.stringify(model.snapshot())).toBe(before);
  });

  test("another year's rulebook of the same grant: nothing written until confirmed", async () => {
    const model = await sample();
    const { api } = setup(model);
    const before = JSON.stringify(model.snapshot());
    const run = await api.score("kaigo-municipal-fy2025");
    expect(run.notWritten).toBe("other-year");
    expect(run.recorded?.info?.fiscalYear).toBe(2026);
    expect(JSON.stringify(model.snapshot())).toBe(before);
    const confirmed = await api.score("kaigo-municipal-fy2025", undefined, { confirmedOtherYear: true });
    expect(confirmed.notWritten).toBeUndefined();
    expect(confirmed.written).toBeGreaterThan(0);
  });

  test("the workbook's own rulebook writes; a live (read-only) run costs one round trip and writes nothing", async () => {
    const model = await sample();
    const { api, excel } = setup(model);
    const run = await api.score("kaigo-municipal-fy2026");
    expect(run.notWritten).toBeUndefined();
    expect(run.recorded).toBeUndefined();
    expect(run.written).toBeGreaterThan(0);
    expect(run.answerCells["P_I_1_1.a"]).toBe("回答!E6");
    model.userEdit("回答", "E6", "×");
    const before = JSON.stringify(model.snapshot());
    excel.stats.reset();
    const live = await api.score("kaigo-municipal-fy2026", undefined, { readOnly: true });
    expect(excel.stats.syncs + excel.stats.implicitSyncs).toBe(1);
    expect(live.notWritten).toBe("live");
    expect(live.result.total.points).toBe(run.result.total.points - 4);
    expect(JSON.stringify(model.snapshot())).toBe(before);
  });
});

describe("plain words", () => {
  test("advice names the options as the template's dropdown offers them, never their keys", () => {
    const rb = findBundled("kaigo-municipal-fy2026")!;
    let target: { id: string; labels: string[] } | undefined;
    const walk = (g: typeof rb.root) =>
      g.children.forEach((c) => {
        if (c.kind === "group") return walk(c);
        if (target || c.kind !== "rankBand" || !c.measure || c.answerFrom) return;
        if ((c.measure.cutoffs ?? []).some((x) => x === null || x === undefined))
          target = { id: c.id, labels: c.bands.map((b) => choiceLabel(b.code, b.label)) };
      });
    walk(rb.root);
    expect(target).toBeDefined();
    const result = score(rb, { [target!.id]: { value: 99 } }, { sizeClass: "n10k_50k" });
    const issue = result.issues.find((i) => i.indicatorId === target!.id)!;
    expect(issue.message.ja).toContain(`段階（${target!.labels.join("、")}）`);
  });
});

describe("the standard template counts as mapped", () => {
  test("every indicator of the sample has its row on the answer sheet", async () => {
    const { api } = setup(await sample());
    const ids = await api.templateIndicators("kaigo-municipal-fy2026");
    const rb = findBundled("kaigo-municipal-fy2026")!;
    const all: string[] = [];
    const walk = (g: typeof rb.root) =>
      g.children.forEach((c) => (c.kind === "group" ? walk(c) : all.push(c.id)));
    walk(rb.root);
    expect([...ids].sort()).toEqual([...all].sort());
    // Another grant's rulebook finds none of its indicators there.
    expect(await api.templateIndicators("nhi-municipal-fy2024")).toEqual([]);
  });
});

describe("live results cost one round trip", () => {
  test("a form mapped by names: the re-score reads the mapped cells with its first read", async () => {
    const model = new SimWorkbook({
      sheets: [{ name: "調査票", cells: { B2: "○", B3: "×", B4: "○" } }],
      names: {
        "saiten.a.P_I_1_1.a": "調査票!$B$2",
        "saiten.a.P_I_1_1.b": "調査票!$B$3",
        "saiten.a.P_I_1_1.c": "調査票!$B$4",
      },
    });
    const { api, excel } = setup(model);
    const run = await api.score("kaigo-municipal-fy2026");
    expect(run.source).toBe("names");
    model.userEdit("調査票", "B3", "○");
    const before = JSON.stringify(model.snapshot());
    excel.stats.reset();
    const live = await api.score("kaigo-municipal-fy2026", undefined, { readOnly: true });
    expect(excel.stats.syncs + excel.stats.implicitSyncs).toBe(1);
    expect(live.result.total.points).toBe(run.result.total.points + 4);
    expect(JSON.stringify(model.snapshot())).toBe(before);
    // Names moved since: the run still finds the answers (a second read), never stale cells.
    model.setName({ name: "saiten.a.P_I_1_1.b", reference: "調査票!$B$4", visible: true });
    const moved = await api.score("kaigo-municipal-fy2026", undefined, { readOnly: true });
    expect(moved.answerCells["P_I_1_1.b"]).toBe("調査票!B4");
  });
});

describe("last year is checked", () => {
  const text = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof UserError) return render(e.detail, "ja");
      throw e;
    }
    throw new Error("not refused");
  };

  test("this year's own file is refused, naming its year and the year wanted", async () => {
    const { api } = setup(await sample());
    await api.score("kaigo-municipal-fy2026");
    const said = await text(api.openPreviousFile(sampleBytes(), "今年度.xlsx", { currentRulebookId: "kaigo-municipal-fy2026" }));
    expect(said).toContain("今年度.xlsx は 令和8年度 のファイルで、今年度（令和8年度）と同じ年度です");
    expect(said).toContain("令和7年度 のファイルを選んでください");
  });

  test("another grant's file is refused even before a run", async () => {
    const { api } = setup(await sample());
    const book = createTemplateWorkbook(findBundled("nhi-municipal-fy2024")!);
    const bytes = (await book.xlsx.writeBuffer()) as ArrayBuffer;
    const said = await text(api.openPreviousFile(bytes, "国保.xlsx", { currentRulebookId: "kaigo-municipal-fy2026" }));
    expect(said).toMatch(/^国保\.xlsx は別の交付金（.+）のファイルです/);
  });

  test("last year's file of another municipality is compared but flagged; the run names the file", async () => {
    const model = await sample();
    model.sheet("回答")!.set("F3", "市町村名");
    model.sheet("回答")!.set("G3", "さいてん町");
    const { api } = setup(model);
    await api.score("kaigo-municipal-fy2026");
    const bytes = (await fy2025Book({ name: "よその市", code: "999999" }).xlsx.writeBuffer()) as ArrayBuffer;
    const res = await api.openPreviousFile(bytes, "R7.xlsx", { currentRulebookId: "kaigo-municipal-fy2026" });
    expect(res).toMatchObject({ kind: "workbook", fiscalYear: 2025, otherEntity: { name: "よその市" } });
    const run = await api.score("kaigo-municipal-fy2026");
    expect(run.previousSource).toBe("file");
    expect(run.previousFile).toBe("R7.xlsx");
    expect(run.comparison?.previousRulebook.fiscalYear).toBe(2025);
  });
});
