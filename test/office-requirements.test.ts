// Office versions: the add-in on the in-memory Excel playing an older Excel (ExcelApi 1.7 = the
// manifest's minimum, 1.8 = Excel 2019, 1.14 = LTSC 2021), the simulator's refusals themselves, and
// docs/excel-api-requirements.md against what the adapter really calls and Microsoft's reference.
import { readFileSync } from "fs";
import { join } from "path";
import { findBundled } from "../src/rulebooks/registry";
import type { Rulebook } from "../src/rulebooks/schema";
import { WorkbookPaneApi } from "../src/app/pane-session";
import {
  ALL_FEATURES,
  excelSupport,
  type ExcelFeatures,
  FULL_EXCEL_API,
  highestExcelApi,
  MANIFEST_EXCEL_API,
  OPTIONAL_FEATURES,
} from "../src/adapters/office/excel-support";
import { OfficeWorkbook } from "../src/adapters/office/office-workbook";
import {
  type Access,
  type ApiSet,
  compareSets,
  createSimulatedExcel,
  EXCEL_API_SETS,
  fromExcelJs,
  installOfficeGlobals,
  SimWorkbook,
} from "../dev/office-sim";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";

installOfficeGlobals();
const ROOT = join(__dirname, "..");
const rb = findBundled("kaigo-municipal-fy2026")!;

// ---------------------------------------------------------------------------------------------------
// Workbooks and one tour of everything the add-in asks of Excel.

/** The standard answer sheet, answered: ○ for the first indicators of 目標Ⅰ, × elsewhere. */
function templateBook(rulebook: Rulebook): SimWorkbook {
  const book = createTemplateWorkbook(rulebook);
  const ws = book.getWorksheet("回答")!;
  ws.eachRow((row, n) => {
    if (n <= 5) return;
    row.getCell(5).value = String(row.getCell(1).value).startsWith("P_I_1_") ? "○" : "×";
  });
  return fromExcelJs(book);
}

/** A municipality's own form, its answer cells named, one of them merged with the cell beside it. */
function ownForm(): SimWorkbook {
  const model = new SimWorkbook({
    sheets: [{ name: "調査票", cells: { B3: "P_I_1_1.a", D3: "○", B4: "P_I_2_1", D4: "ウ", E9: "メモ" } }],
  });
  model.sheet("調査票")!.setMerges([{ top: 3, left: 4, bottom: 3, right: 5 } as never]);
  return model;
}

interface Tour {
  /** Totals of the scoring runs, in order. */
  totals: number[];
  /** Dropdown lists on the 回答 sheet of a template created by the add-in. */
  dropdowns: number;
  /** The merged answer cell was flagged. */
  mergedFlagged: boolean;
  marksAdded: number;
  marksLeft: number;
  chart: boolean;
  apis: Map<string, Set<Access>>;
}

/**
 * Every path of the adapter: settings, template creation, scoring on the template (results, chart,
 * history), marks added and cleared, a scenario previewed and applied, selection, a form map saved,
 * scored through and removed. `excelApi` limits the simulated Excel; `features` overrides what the
 * adapter believes (default: what the simulated Excel's isSetSupported says, as in the add-in).
 */
async function tour(excelApi: string | undefined, features?: ExcelFeatures): Promise<Tour> {
  const apis = new Map<string, Set<Access>>();
  const totals: number[] = [];
  const open = (model: SimWorkbook) => {
    const excel = createSimulatedExcel(model, { excelApi });
    const support = excelSupport(excel.isSetSupported);
    const port = new OfficeWorkbook(excel.run as never, { features: features ?? support.features });
    return { excel, api: new WorkbookPaneApi(port, [], support) };
  };
  const collect = (excel: { stats: { apis: Map<string, Set<Access>> } }) => {
    for (const [k, v] of excel.stats.apis) apis.set(k, new Set([...(apis.get(k) ?? []), ...v]));
  };

  const blank = new SimWorkbook();
  blank.addSheet("Sheet1");
  const a = open(blank);
  await a.api.saveSettings({ rulebookId: rb.id, lang: "en" });
  expect(await a.api.loadSettings()).toEqual({ rulebookId: rb.id, lang: "en" });
  await a.api.createTemplate(rb.id);
  const dropdowns = blank.sheet("回答")!.dataValidations.length;
  collect(a.excel);

  const filled = templateBook(rb);
  const b = open(filled);
  const run = await b.api.score(rb.id);
  totals.push(run.result.total.points);
  const cells = [run.answers["P_I_1_1.a"].cell!, run.answers["P_I_1_1.b"].cell!];
  await b.api.markRows(cells);
  const marksAdded = filled.sheet("回答")!.conditionalFormats.length;
  await b.api.clearMarks();
  const marksLeft = filled.sheet("回答")!.conditionalFormats.length;
  await b.api.applyScenario(rb.id, { P_I_2_1: "エ" });
  totals.push((await b.api.score(rb.id)).result.total.points);
  await b.api.selectCell(cells[0]);
  expect(await b.api.selectedCell()).toBe(cells[0].replace(/([A-Z]+)(\d+)$/, "$$$1$$$2"));
  const chart = filled.sheet("採点結果")!.charts.length === 1;
  collect(b.excel);

  const form = ownForm();
  const c = open(form);
  await c.api.saveFormMap([
    { indicatorId: "P_I_1_1.a", answerCell: "調査票!$D$3" },
    { indicatorId: "P_I_2_1", answerCell: "調査票!$D$4", pointsCell: "調査票!$F$4" },
  ]);
  const mapped = await c.api.score(rb.id);
  totals.push(mapped.result.total.points);
  const mergedFlagged = mapped.result.issues.some((i) => /結合セル/.test(i.message.ja));
  await c.api.removeFormMap(["P_I_1_1.a"]);
  collect(c.excel);

  return { totals, dropdowns, mergedFlagged, marksAdded, marksLeft, chart, apis };
}

// ---------------------------------------------------------------------------------------------------

describe("the add-in on older Excel (in-memory Excel limited to an ExcelApi set)", () => {
  let full: Tour;
  beforeAll(async () => {
    full = await tour("1.40");
  });

  test("with every API: the reference run", () => {
    expect(full.totals[0]).toBeGreaterThan(0);
    expect(full.totals[1]).not.toBe(full.totals[0]);
    expect(full.totals[2]).toBe(4 + 9);
    expect(full).toMatchObject({ mergedFlagged: true, marksAdded: 2, marksLeft: 0, chart: true });
    expect(full.dropdowns).toBeGreaterThan(100);
  });

  test(`ExcelApi ${FULL_EXCEL_API} (Office LTSC 2021): full function, the same as with every API`, async () => {
    const t = await tour(FULL_EXCEL_API);
    expect(t.totals).toEqual(full.totals);
    expect({ ...t, apis: undefined }).toEqual({ ...full, apis: undefined });
  });

  test("ExcelApi 1.8 (Excel 2019): the same scores and results; only the merged-cell warning is lost", async () => {
    const t = await tour("1.8");
    expect(t.totals).toEqual(full.totals);
    expect(t).toMatchObject({ mergedFlagged: false, marksAdded: 2, marksLeft: 0, chart: true });
    expect(t.dropdowns).toBe(full.dropdowns);
  });

  test(`ExcelApi ${MANIFEST_EXCEL_API} (the manifest's minimum): the same scores; no dropdowns, no merged-cell warning`, async () => {
    const t = await tour(MANIFEST_EXCEL_API);
    expect(t.totals).toEqual(full.totals);
    expect(t).toMatchObject({ mergedFlagged: false, dropdowns: 0, marksAdded: 2, marksLeft: 0, chart: true });
  });

  test("without the guards the same Excel 2019 fails: the checks are what makes it work", async () => {
    await expect(tour("1.8", ALL_FEATURES)).rejects.toThrow(/この Excel では使えない機能/);
    await expect(tour(MANIFEST_EXCEL_API, { ...ALL_FEATURES, mergedCellCheck: false })).rejects.toThrow(
      /この Excel では使えない機能/,
    );
  });

  test("what the pane is told: the lost features per Excel", () => {
    const at = (v: string) => {
      const excel = createSimulatedExcel(new SimWorkbook(), { excelApi: v });
      return excelSupport(excel.isSetSupported);
    };
    expect(at("1.7")).toEqual({
      excelApi: "1.7",
      features: { answerDropdowns: false, mergedCellCheck: false },
      missing: ["answerDropdowns", "mergedCellCheck"],
    });
    expect(at("1.8").missing).toEqual(["mergedCellCheck"]);
    expect(at("1.12").missing).toEqual(["mergedCellCheck"]);
    expect(at("1.13").missing).toEqual([]);
    expect(at("1.17")).toMatchObject({ excelApi: "1.17", missing: [] });
    // An Office that throws on the question counts as not supporting it.
    expect(
      highestExcelApi(() => {
        throw new Error("old Office");
      }),
    ).toBeNull();
  });
});

describe("the simulator's refusals", () => {
  const book = () => new SimWorkbook({ sheets: [{ name: "S", cells: { A1: 1 } }], names: { n: "S!$A$1" } });

  test("a method or navigation property above the set throws ApiNotFound when called", async () => {
    const excel = createSimulatedExcel(book(), { excelApi: "1.8" });
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1");
      expect(() => range.getMergedAreasOrNullObject()).toThrow(
        expect.objectContaining({ code: "ApiNotFound", message: expect.stringMatching(/ExcelApi 1\.13/) }),
      );
      expect(() => range.dataValidation).not.toThrow();
      await context.sync();
    });
    excel.options.excelApi = "1.7";
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1");
      expect(() => range.dataValidation).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      await context.sync();
    });
  });

  test("a scalar property above the set fails at sync: its load, or only its write", async () => {
    const excel = createSimulatedExcel(book(), { excelApi: "1.6" });
    await expect(
      excel.run(async (context) => {
        context.workbook.names.getItem("n").load("formula");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    excel.options.excelApi = "1.1";
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.load("visibility");
      await context.sync();
      expect(sheet.visibility).toBe("Visible");
    });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").visibility = "Hidden";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("isSetSupported answers as that Excel; without a limit every set is there", () => {
    const limited = createSimulatedExcel(new SimWorkbook(), { excelApi: "1.8" });
    expect(limited.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(limited.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(limited.isSetSupported("ExcelApi")).toBe(true);
    expect(limited.isSetSupported("WordApi", "1.1")).toBe(false);
    expect(createSimulatedExcel(new SimWorkbook()).isSetSupported("ExcelApi", "1.20")).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// The requirement-set table against the adapter and Microsoft's reference.

/** "[Api set: ExcelApi …]" of Excel.<type>.<member> in @types/office-js. */
function referenceSet(dts: string[], member: string): ApiSet | undefined {
  const [type, name] = member.split(".");
  const start = dts.findIndex((l) => l.startsWith("declare namespace Excel {"));
  const classAt = dts.findIndex(
    (l, i) => i > start && new RegExp(`^    (class|interface) ${type}\\b`).test(l),
  );
  if (classAt < 0) return undefined;
  for (let i = classAt + 1; i < dts.length && !/^ {4}}/.test(dts[i]); i++) {
    if (!new RegExp(`^        (readonly )?${name}\\??[(:<]`).test(dts[i])) continue;
    for (let k = i - 1; k > i - 80 && !/^ {8}[a-zA-Z]/.test(dts[k]); k--) {
      const m = /\[Api set: ExcelApi ([^\]]+)\]/.exec(dts[k]);
      if (!m) continue;
      const versions = [...m[1].matchAll(/\d+\.\d+/g)].map((v) => v[0]);
      if (/for (get|reading)/.test(m[1]) && /for (set|setting)/.test(m[1]))
        return { read: versions[0], write: versions[1] };
      return versions[0];
    }
    return undefined;
  }
  return undefined;
}

/** Rows of the first table in docs/excel-api-requirements.md: API, set, guard. */
function docRows(): { api: string; set: string; guard: string }[] {
  const doc = readFileSync(join(ROOT, "docs", "excel-api-requirements.md"), "utf8");
  const table = doc.split("\n## ")[1];
  return table
    .split("\n")
    .filter((l) => /^\| `/.test(l))
    .map((l) => {
      const cells = l.split("|").map((c) => c.trim());
      return {
        api: /`([^`(]+)/.exec(cells[1])?.[1] ?? "",
        set: /ExcelApi (\d+\.\d+)/.exec(cells[2])?.[1] ?? "",
        guard: /`(\w+)`/.exec(cells[4])?.[1] ?? "",
      };
    });
}

/** The set a use needs: the write set for a member the add-in writes. */
function neededSet(member: string, uses: Set<Access>): string {
  const s = EXCEL_API_SETS[member];
  if (typeof s === "string") return s;
  return uses.has("write") ? s.write : s.read;
}

describe("docs/excel-api-requirements.md", () => {
  let used: Map<string, Set<Access>>;
  beforeAll(async () => {
    used = (await tour("1.40")).apis;
  });

  test("lists exactly the Excel APIs the adapter calls, each with the set its use needs", () => {
    const rows = docRows();
    const listed = new Map(rows.map((r) => [r.api, r.set]));
    expect([...listed.keys()].sort()).toEqual([...used.keys()].sort());
    for (const [member, uses] of used)
      expect({ member, set: listed.get(member) }).toEqual({ member, set: neededSet(member, uses) });
  });

  test("every API above the manifest's set is guarded by the feature that needs it", () => {
    for (const r of docRows()) {
      if (compareSets(r.set, MANIFEST_EXCEL_API) <= 0) {
        expect({ api: r.api, guard: r.guard }).toEqual({ api: r.api, guard: "" });
        continue;
      }
      const needs = OPTIONAL_FEATURES[r.guard as keyof typeof OPTIONAL_FEATURES];
      expect({ api: r.api, guarded: needs !== undefined && compareSets(r.set, needs) <= 0 }).toEqual({
        api: r.api,
        guarded: true,
      });
    }
  });

  test("the manifest asks for the set the code takes as its minimum", () => {
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\s*\/>/.exec(manifest)?.[1]).toBe(MANIFEST_EXCEL_API);
  });

  test("the simulator's sets agree with Microsoft's reference (@types/office-js)", () => {
    const dts = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8").split("\n");
    const wrong = Object.entries(EXCEL_API_SETS)
      .map(([member, set]) => ({ member, set, reference: referenceSet(dts, member) }))
      .filter((e) => JSON.stringify(e.set) !== JSON.stringify(e.reference));
    expect(wrong).toEqual([]);
  });
});
