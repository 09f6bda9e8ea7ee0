/// <reference types="office-js" />
// The simulated Excel must keep office.js's contract (load + sync before read, writes at sync,
// Office error codes, all-or-nothing batches) or adapter tests run against it prove nothing.
import ExcelJS from "exceljs";
import {
  SimWorkbook,
  changedCells,
  createSimulatedExcel,
  installOfficeGlobals,
  loadXlsx,
  type SimulatedExcel,
  toXlsx,
} from "../dev/office-sim";

function sample(): SimWorkbook {
  return new SimWorkbook({
    sheets: [
      {
        name: "回答",
        rows: [
          ["指標", "回答", "得点"],
          ["1-1", "はい", null],
          ["1-2", 0.5, "=B3*10"],
        ],
      },
      { name: "採点結果" },
    ],
    names: { ans_1_1: "回答!$B$2" },
  });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? `no code: ${String(e)}`;
  }
  return "resolved";
}

let sim: SimulatedExcel;
beforeEach(() => {
  sim = createSimulatedExcel(sample());
});

describe("load and sync", () => {
  test("reading a property that was not loaded and synced throws PropertyNotLoaded", async () => {
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("回答").getRange("A1:C3");
      let err: unknown;
      try {
        void range.values;
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({
        code: "PropertyNotLoaded",
        message:
          "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      });
      range.load("values");
      expect(() => range.values).toThrow(/not available/); // loaded but not yet synced
      await context.sync();
      expect(range.values[1][1]).toBe("はい");
      expect(() => range.formulas).toThrow(/'formulas' is not available/);
    });
  });

  test("load forms: comma list, array, select object, property map, no argument", async () => {
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("回答");
      const a = ws.getRange("A1:C3").load("values, formulas");
      const b = ws.getRange("B3").load(["numberFormat", "address"]);
      const c = ws.getRange("C3").load({ select: "formulas, rowIndex" });
      const d = ws.getRange("A2").load({ values: true, format: { fill: { color: true } } });
      const e = ws.getRange("B2:C3").load();
      await context.sync();
      expect(a.values).toEqual([
        ["指標", "回答", "得点"],
        ["1-1", "はい", ""],
        ["1-2", 0.5, ""],
      ]);
      expect(a.formulas[2]).toEqual(["1-2", 0.5, "=B3*10"]);
      expect(b.numberFormat).toEqual([["General"]]);
      expect(b.address).toBe("回答!B3");
      expect([c.formulas, c.rowIndex]).toEqual([[["=B3*10"]], 2]);
      expect(d.values).toEqual([["1-1"]]);
      expect(d.format.fill.color).toBe("#FFFFFF");
      expect([e.rowCount, e.columnCount, e.columnIndex, e.address]).toEqual([2, 2, 1, "回答!B2:C3"]);
    });
  });

  test("loaded values are those of their sync; later writes need a new load", async () => {
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("回答").getRange("B2");
      range.load("values");
      await context.sync();
      range.values = [["いいえ"]];
      await context.sync();
      const again = context.workbook.worksheets.getItem("回答").getRange("B2").load("values");
      await context.sync();
      expect(again.values).toEqual([["いいえ"]]);
    });
    // A proxy loaded before a write in the same batch sees the state at its place in the queue.
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("回答");
      const before = ws.getRange("B2").load("values");
      ws.getRange("B2").values = [["はい"]];
      const after = ws.getRange("B2").load("values");
      await context.sync();
      expect([before.values, after.values]).toEqual([[["いいえ"]], [["はい"]]]);
    });
  });

  test("collections load items; getCount is a ClientResult", async () => {
    await sim.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name, items/visibility");
      const count = context.workbook.worksheets.getCount();
      expect(() => sheets.items).toThrow(/'items' is not available/);
      expect(() => count.value).toThrow(/'value' is not available/);
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["回答", "Visible"],
        ["採点結果", "Visible"],
      ]);
      expect(count.value).toBe(2);
      expect(() => sheets.items[0].position).toThrow(/'position' is not available/);
    });
  });

  test("unknown properties fail the sync instead of reading undefined", async () => {
    const code = await codeOf(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("回答").getRange("A1").load("nonsense");
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });
});

describe("writes", () => {
  test("apply only at sync, in order", async () => {
    await sim.run(async (context) => {
      const r = context.workbook.worksheets.getItem("採点結果").getRange("A1:B1");
      r.values = [["得点", 1]];
      r.values = [[null, 2]];
      expect(sim.model.sheet("採点結果")?.get("A1")).toBeUndefined();
      await context.sync();
      expect(sim.model.sheet("採点結果")?.get("A1")).toEqual({ value: "得点" });
      expect(sim.model.sheet("採点結果")?.get("B1")).toEqual({ value: 2 });
    });
  });

  test("null entries leave cells untouched; '' clears; '=' makes a formula; typed text is parsed", async () => {
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("回答");
      ws.getRange("A2:C3").values = [
        [null, "", null],
        ['=A2&"!"', "12", "60%"],
      ];
      ws.getRange("D1:D3").formulas = [["=SUM(C2:C3)"], ["text"], [true]];
      ws.getRange("E1").values = [["'007"]];
      await context.sync();
    });
    const s = sim.model.sheet("回答");
    expect(s?.get("A2")).toEqual({ value: "1-1" });
    expect(s?.get("B2")).toBeUndefined();
    expect(s?.get("A3")).toEqual({ formula: '=A2&"!"' });
    expect(s?.get("B3")).toEqual({ value: 12 });
    expect(s?.get("C3")).toEqual({ value: 0.6, numberFormat: "0%" });
    expect(s?.get("D1")).toEqual({ formula: "=SUM(C2:C3)" });
    expect(s?.get("D2")).toEqual({ value: "text" });
    expect(s?.get("D3")).toEqual({ value: true });
    expect(s?.get("E1")).toEqual({ value: "007" });
  });

  test("a values array of the wrong shape fails with InvalidArgument and the batch changes nothing", async () => {
    const before = sim.model.snapshot();
    const code = await codeOf(
      sim.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("回答");
        ws.getRange("A1").values = [["changed first"]];
        context.workbook.names.add("later", "=回答!$A$1");
        ws.getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    expect(sim.model.snapshot()).toEqual(before);
  });

  test("writes to a protected sheet fail with AccessDenied and change nothing", async () => {
    sim.model.sheet("回答")!.protected = true;
    const before = sim.model.snapshot();
    await sim.run(async (context) => {
      const p = context.workbook.worksheets.getItem("回答").protection.load("protected");
      await context.sync();
      expect(p.protected).toBe(true);
    });
    for (const write of [
      (ws: Excel.Worksheet) => (ws.getRange("C2").values = [[3]]),
      (ws: Excel.Worksheet) => (ws.getRange("C2").numberFormat = [["0.0"]]),
      (ws: Excel.Worksheet) => (ws.getRange("C2").format.fill.color = "#FFFF00"),
      (ws: Excel.Worksheet) =>
        ws.getRange("C2").conditionalFormats.add("Custom" as Excel.ConditionalFormatType),
    ]) {
      const err = await sim
        .run(async (context) => {
          context.workbook.worksheets.getItem("採点結果").getRange("A1").values = [["ok"]];
          write(context.workbook.worksheets.getItem("回答"));
          await context.sync();
        })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "AccessDenied", message: expect.stringMatching(/protected sheet/) });
    }
    expect(sim.model.snapshot()).toEqual(before);
  });

  test("missing sheets and bad addresses", async () => {
    expect(
      await codeOf(
        sim.run(async (context) => {
          context.workbook.worksheets.getItem("無い").getRange("A1").load("values");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    for (const address of ["A0", "XFE1", "A1:B2:C3", "not an address"])
      expect(
        await codeOf(
          sim.run(async (context) => {
            context.workbook.worksheets.getItem("回答").getRange(address).load("address");
            await context.sync();
          }),
        ),
      ).toBe("InvalidArgument");
    await sim.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("無い");
      const present = context.workbook.worksheets.getItemOrNullObject("回答");
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
    });
  });

  test("add, delete, activate and select sheets; addresses quote sheet names like Excel", async () => {
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.add("My Sheet");
      ws.getRange("B2").values = [[1]];
      const r = ws.getRange("B2").load("address");
      ws.getRange("B2").select();
      await context.sync();
      expect(r.address).toBe("'My Sheet'!B2");
      const sel = context.workbook.getSelectedRange().load("address");
      context.workbook.worksheets.getItem("採点結果").delete();
      const names = context.workbook.worksheets.load("items/name");
      await context.sync();
      expect(sel.address).toBe("'My Sheet'!B2");
      expect(names.items.map((s) => s.name)).toEqual(["回答", "My Sheet"]);
    });
    expect(
      await codeOf(
        sim.run(async (context) => {
          context.workbook.worksheets.add("回答");
          await context.sync();
        }),
      ),
    ).toBe("ItemAlreadyExists");
  });

  test("merged areas, derived ranges", async () => {
    sim.model.sheet("回答")!.setMerges([{ top: 5, left: 1, bottom: 6, right: 3 }]);
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("回答");
      const merged = ws.getRange("B6").getMergedAreasOrNullObject().load("areaCount, address");
      const none = ws.getRange("A1").getMergedAreasOrNullObject().load("areaCount");
      const derived = [
        ws.getRange("B2:C3").getCell(1, 1),
        ws.getRange("B2").getResizedRange(2, 1),
        ws.getRange("B2").getOffsetRange(1, -1),
        ws.getRangeByIndexes(1, 1, 2, 2),
        ws.getCell(0, 2),
      ].map((r) => r.load("address"));
      await context.sync();
      expect([merged.isNullObject, merged.areaCount, merged.address]).toEqual([false, 1, "回答!A5:C6"]);
      expect(none.isNullObject).toBe(true);
      expect(derived.map((r) => r.address)).toEqual([
        "回答!C3",
        "回答!B2:C4",
        "回答!A3",
        "回答!B2:C3",
        "回答!C1",
      ]);
    });
  });
});

describe("used range", () => {
  test("bounding box of values and formulas, not from A1", async () => {
    const wb = new SimWorkbook({
      sheets: [
        {
          name: "S",
          cells: { C3: 1, E7: "=C3", D5: { numberFormat: "0%" }, G2: { style: { fill: "#FF0000" } } },
        },
        { name: "Empty" },
      ],
    });
    const x = createSimulatedExcel(wb);
    await x.run(async (context) => {
      const s = context.workbook.worksheets.getItem("S");
      const values = s.getUsedRange(true).load("address, rowIndex, columnIndex, rowCount, columnCount");
      const all = s.getUsedRange().load("address");
      const empty = context.workbook.worksheets.getItem("Empty");
      const emptyUsed = empty.getUsedRange().load("address, values");
      const emptyOrNull = empty.getUsedRangeOrNullObject(true);
      const someOrNull = s.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect([
        values.address,
        values.rowIndex,
        values.columnIndex,
        values.rowCount,
        values.columnCount,
      ]).toEqual(["S!C3:E7", 2, 2, 5, 3]);
      expect(all.address).toBe("S!C2:G7"); // formatted cells count unless valuesOnly (Excel)
      expect([emptyUsed.address, emptyUsed.values]).toEqual(["Empty!A1", [[""]]]);
      expect(emptyOrNull.isNullObject).toBe(true);
      expect(someOrNull.address).toBe("S!C3:E7");
    });
  });
});

describe("names and settings", () => {
  test("names: add from a range or a formula, look up, list, delete", async () => {
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("回答");
      context.workbook.names.add("pts_1_2", ws.getRange("C3"), "得点");
      context.workbook.names.add("rate", "=0.5");
      const missing = context.workbook.names.getItemOrNullObject("nope");
      const found = context.workbook.names
        .getItemOrNullObject("ANS_1_1")
        .load("name, type, value, formula, visible");
      const range = context.workbook.names.getItem("pts_1_2").getRange().load("address, values");
      const all = context.workbook.names.load("items/name, items/value");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect([found.isNullObject, found.name, found.type, found.value, found.formula, found.visible]).toEqual(
        [false, "ans_1_1", "Range", "回答!$B$2", "=回答!$B$2", true],
      );
      expect([range.address, range.values]).toEqual(["回答!C3", [[""]]]);
      expect(all.items.map((n) => [n.name, n.value])).toEqual([
        ["ans_1_1", "回答!$B$2"],
        ["pts_1_2", "回答!$C$3"],
        ["rate", 0.5],
      ]);
      context.workbook.names.getItem("rate").delete();
      await context.sync();
    });
    expect(sim.model.snapshot().names).toEqual({ ans_1_1: "回答!$B$2", pts_1_2: "回答!$C$3" });
    for (const bad of ["A1", "has space", "ans_1_1"])
      expect(
        await codeOf(
          sim.run(async (context) => {
            context.workbook.names.add(bad, "=回答!$A$1");
            await context.sync();
          }),
        ),
      ).toBe(bad === "ans_1_1" ? "ItemAlreadyExists" : "InvalidArgument");
  });

  test("settings round trip as JSON copies", async () => {
    const history = { runs: [{ total: 663 }] };
    await sim.run(async (context) => {
      context.workbook.settings.add("saiten.rulebook", "kaigo-municipal-fy2026");
      context.workbook.settings.add("saiten.history", history);
      await context.sync();
    });
    history.runs.push({ total: 0 });
    await sim.run(async (context) => {
      const rb = context.workbook.settings.getItem("saiten.rulebook").load("value");
      const h = context.workbook.settings.getItemOrNullObject("saiten.history").load("key, value");
      const none = context.workbook.settings.getItemOrNullObject("nope").load("value");
      await context.sync();
      expect(rb.value).toBe("kaigo-municipal-fy2026");
      expect([h.key, h.value]).toEqual(["saiten.history", { runs: [{ total: 663 }] }]);
      expect(none.isNullObject).toBe(true);
      rb.delete();
      context.workbook.settings.getItem("saiten.history").value = "v2";
      await context.sync();
    });
    expect(sim.model.snapshot().settings).toEqual({ "saiten.history": "v2" });
    expect(
      await codeOf(
        sim.run(async (context) => {
          context.workbook.settings.getItem("nope").load("value");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
  });
});

describe("conditional formats and fills", () => {
  test("add a custom rule with a fill, count, list, clearAll", async () => {
    const restore = installOfficeGlobals();
    try {
      await sim.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("回答");
        const cf = ws.getRange("C2:C3").conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = '=$C2=""';
        cf.custom.format.fill.color = "#ffeb9c";
        ws.getRange("B2").format.fill.color = "yellow";
        await context.sync();
        const count = ws.getRange("A1:C3").conditionalFormats.getCount();
        const elsewhere = ws.getRange("A1").conditionalFormats.getCount();
        const items = ws.getRange("C3").conditionalFormats.load("items/type");
        const fill = ws.getRange("B2").format.fill.load("color");
        const mixed = ws.getRange("B2:B3").format.fill.load("color");
        await context.sync();
        expect([count.value, elsewhere.value]).toEqual([1, 0]);
        expect(items.items.map((i) => i.type)).toEqual(["Custom"]);
        expect([fill.color, mixed.color]).toEqual(["#FFFF00", null]);
        const rule = items.items[0].custom.rule.load("formula");
        const color = items.items[0].custom.format.fill.load("color");
        await context.sync();
        expect([rule.formula, color.color]).toEqual(['=$C2=""', "#FFEB9C"]);
      });
      expect(sim.model.snapshot().sheets["回答"].conditionalFormats).toEqual([
        { type: "Custom", ranges: "C2:C3", formula: '=$C2=""', fill: "#FFEB9C" },
      ]);
      await sim.run(async (context) => {
        context.workbook.worksheets.getItem("回答").getRange().conditionalFormats.clearAll();
        await context.sync();
      });
      expect(sim.model.sheet("回答")?.conditionalFormats).toEqual([]);
    } finally {
      restore();
    }
  });
});

describe("charts", () => {
  test("add, name, title, position: loadable after sync; default names Chart 1, Chart 2", async () => {
    const restore = installOfficeGlobals();
    try {
      await sim.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("回答");
        const first = ws.charts.add(
          Excel.ChartType.columnClustered,
          ws.getRange("A1:C3"),
          Excel.ChartSeriesBy.columns,
        );
        const second = ws.charts.add("Pie", ws.getRange("B1:B3"));
        first.title.text = "得点";
        first.setPosition("E2", ws.getRange("K15"));
        second.setPosition(ws.getRange("E20:F21"));
        first.load("name, id, chartType");
        second.load({ name: true, title: { text: true } });
        expect(() => first.name).toThrow(/'name' is not available/);
        await context.sync();
        expect([first.name, first.chartType, second.name, second.title.text]).toEqual([
          "Chart 1",
          "ColumnClustered",
          "Chart 2",
          "",
        ]);
        expect(first.id).toMatch(/^\{.+\}$/);
        first.name = "saiten_rates";
        expect(first.name).toBe("saiten_rates"); // assigned locally: readable before sync
        const count = ws.charts.getCount();
        const items = ws.charts.load("items/name, items/title/text");
        const title = ws.charts.getItem("SAITEN_RATES").title.load("text");
        await context.sync();
        expect(count.value).toBe(2);
        expect(items.items.map((c) => [c.name, c.title.text])).toEqual([
          ["saiten_rates", "得点"],
          ["Chart 2", ""],
        ]);
        expect(title.text).toBe("得点");
        const third = ws.charts.add(
          "Line",
          context.workbook.worksheets.getItem("採点結果").getRange("A1:B2"),
        );
        third.load("name");
        await context.sync();
        expect(third.name).toBe("Chart 3");
      });
      expect(sim.model.sheet("回答")?.charts).toEqual([
        expect.objectContaining({
          name: "saiten_rates",
          type: "ColumnClustered",
          source: "回答!A1:C3",
          seriesBy: "Columns",
          title: "得点",
          position: "E2:K15",
        }),
        expect.objectContaining({ name: "Chart 2", type: "Pie", seriesBy: "Auto", position: "E20" }),
        expect.objectContaining({ name: "Chart 3", type: "Line", source: "採点結果!A1:B2" }),
      ]);
    } finally {
      restore();
    }
  });

  test("getItem, getItemOrNullObject, delete", async () => {
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("回答");
      ws.charts.add("ColumnClustered", ws.getRange("A1:C3")).name = "rates";
      const missing = ws.charts.getItemOrNullObject("nope");
      const present = ws.charts.getItemOrNullObject("rates").load("name");
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect([missing.isNullObject, present.isNullObject, present.name]).toEqual([true, false, "rates"]);
      ws.charts.getItem("rates").delete();
      const gone = ws.charts.getItemOrNullObject("rates");
      const count = ws.charts.getCount();
      await context.sync();
      expect([gone.isNullObject, count.value]).toEqual([true, 0]);
    });
    expect(
      await codeOf(
        sim.run(async (context) => {
          context.workbook.worksheets.getItem("回答").charts.getItem("nope").load("name");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
  });

  test("writes on a protected sheet fail with AccessDenied and change nothing", async () => {
    sim.model
      .sheet("回答")!
      .setCharts([{ id: "{c1}", name: "Chart 1", type: "Line", source: "回答!A1:C3", seriesBy: "Auto" }]);
    sim.model.sheet("回答")!.protected = true;
    const before = sim.model.snapshot();
    for (const write of [
      (ws: Excel.Worksheet) => ws.charts.add("ColumnClustered", ws.getRange("A1:C3")),
      (ws: Excel.Worksheet) => (ws.charts.getItem("Chart 1").name = "renamed"),
      (ws: Excel.Worksheet) => (ws.charts.getItem("Chart 1").title.text = "title"),
      (ws: Excel.Worksheet) => ws.charts.getItem("Chart 1").setPosition("E2"),
      (ws: Excel.Worksheet) => ws.charts.getItem("Chart 1").delete(),
    ]) {
      const err = await sim
        .run(async (context) => {
          context.workbook.worksheets.getItem("採点結果").getRange("A1").values = [["ok"]];
          write(context.workbook.worksheets.getItem("回答"));
          await context.sync();
        })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "AccessDenied", message: expect.stringMatching(/protected sheet/) });
    }
    expect(sim.model.snapshot()).toEqual(before);
    await sim.run(async (context) => {
      const c = context.workbook.worksheets.getItem("回答").charts.getItem("Chart 1").load("name");
      await context.sync(); // reading is allowed
      expect(c.name).toBe("Chart 1");
    });
  });

  test("snapshot lists charts; sources follow sheet renames; deleting a sheet drops its charts", async () => {
    const before = sim.model.snapshot();
    expect(before.sheets["回答"].charts).toEqual([]);
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("回答");
      const c = ws.charts.add("BarClustered", ws.getRange("A1:C3"));
      c.title.text = "回答の図";
      const results = context.workbook.worksheets.getItem("採点結果");
      results.charts.add("Pie", ws.getRange("B2:B3"));
      await context.sync();
    });
    const after = sim.model.snapshot();
    expect(after.sheets["回答"].charts).toEqual([
      { name: "Chart 1", type: "BarClustered", source: "回答!A1:C3", title: "回答の図" },
    ]);
    expect(after.sheets["採点結果"].charts).toEqual([{ name: "Chart 1", type: "Pie", source: "回答!B2:B3" }]);
    expect(changedCells(before, after)).toEqual([]);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("回答").name = "My Answers";
      await context.sync();
    });
    expect(sim.model.snapshot().sheets["採点結果"].charts[0].source).toBe("'My Answers'!B2:B3");
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("My Answers").delete();
      await context.sync();
    });
    expect(sim.model.snapshot().sheets["採点結果"].charts[0].source).toBe("#REF!B2:B3");
  });

  test("a failing request rolls back charts added earlier in the same sync", async () => {
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("回答");
      ws.charts.add("ColumnClustered", ws.getRange("A1:C3")).name = "rates";
      await context.sync();
    });
    const before = sim.model.snapshot();
    const failing: [string, (context: Excel.RequestContext) => void][] = [
      [
        "ItemAlreadyExists",
        (context) => {
          const ws = context.workbook.worksheets.getItem("回答");
          ws.charts.add("Line", ws.getRange("A1:B3")).name = "RATES";
        },
      ],
      [
        "InvalidArgument",
        (context) => {
          const ws = context.workbook.worksheets.getItem("回答");
          ws.charts.add("Line", ws.getRange("A1:B3"));
          ws.charts.add("Sparkline" as Excel.ChartType, ws.getRange("A1:B3"));
        },
      ],
      [
        "InvalidArgument",
        (context) => {
          const ws = context.workbook.worksheets.getItem("回答");
          ws.charts.getItem("rates").title.text = "changed";
          ws.charts.getItem("rates").setPosition("採点結果!A1");
        },
      ],
      [
        "ItemNotFound",
        (context) => {
          const ws = context.workbook.worksheets.getItem("回答");
          ws.charts.getItem("rates").delete();
          ws.charts.getItem("rates").load("name");
        },
      ],
    ];
    for (const [code, batch] of failing) {
      expect(
        await codeOf(
          sim.run(async (context) => {
            context.workbook.worksheets.getItem("採点結果").getRange("A1").values = [["changed"]];
            batch(context);
            await context.sync();
          }),
        ),
      ).toBe(code);
      expect(sim.model.snapshot()).toEqual(before);
    }
  });
});

describe("data validation", () => {
  test("dropdowns: set, read, clear part of a range", async () => {
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("回答");
      const dv = ws.getRange("B2:B10").dataValidation;
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: "はい,いいえ" } };
      dv.errorAlert = { showAlert: false, message: "", style: "Information", title: "" };
      await context.sync();
      ws.getRange("B5").dataValidation.clear();
      const one = ws.getRange("B3").dataValidation.load("type, rule, errorAlert");
      const cleared = ws.getRange("B5").dataValidation.load("type");
      await context.sync();
      expect([one.type, one.rule.list?.source, one.errorAlert.showAlert, cleared.type]).toEqual([
        "List",
        "はい,いいえ",
        false,
        "None",
      ]);
    });
    expect(sim.model.snapshot().sheets["回答"].dataValidations.map((d) => d.ranges)).toEqual([
      "B2:B4,B6:B10",
    ]);
  });
});

describe("visibility", () => {
  test("hidden and very hidden sheets; the last visible sheet cannot be hidden", async () => {
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("採点結果").visibility = "VeryHidden";
      await context.sync();
      const s = context.workbook.worksheets.getItem("採点結果").load("visibility");
      await context.sync();
      expect(s.visibility).toBe("VeryHidden");
    });
    expect(
      await codeOf(
        sim.run(async (context) => {
          context.workbook.worksheets.getItem("回答").visibility = "Hidden";
          await context.sync();
        }),
      ),
    ).toBe("InvalidOperation");
    expect(sim.model.sheet("回答")?.visibility).toBe("Visible");
  });
});

describe("runs, cell-edit mode, hangs and statistics", () => {
  test("run has Excel.run's type and takes RunOptions first", async () => {
    const run: typeof Excel.run = sim.run;
    const n = await run({ delayForCellEdit: true }, async (context) => {
      const r = context.workbook.worksheets.getItem("回答").getRange("B3").load("values");
      await context.sync();
      return r.values[0][0];
    });
    expect(n).toBe(0.5);
  });

  test("in cell-edit mode a batch fails unless it asked to wait", async () => {
    sim.model.setCellEditMode(true);
    const before = sim.model.snapshot();
    const write = async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("回答").getRange("C2").values = [[5]];
      await context.sync();
    };
    expect(await codeOf(sim.run(write))).toBe("InvalidOperationInCellEditMode");
    expect(sim.model.snapshot()).toEqual(before);

    let done = false;
    const waiting = sim.run({ delayForCellEdit: true }, write).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    expect(sim.model.sheet("回答")?.get("C2")).toBeUndefined();
    sim.model.setCellEditMode(false);
    await waiting;
    expect(sim.model.sheet("回答")?.get("C2")).toEqual({ value: 5 });
  });

  test("hangSync makes sync never settle", async () => {
    sim.options.hangSync = true;
    const outcome = await Promise.race([
      sim.run(async (context) => {
        await context.sync();
        return "synced";
      }),
      new Promise((r) => setTimeout(() => r("timeout"), 30)),
    ]);
    expect(outcome).toBe("timeout");
    sim.options.hangSync = false;
  });

  test("stats count syncs across runs, the implicit final sync, and payload sizes", async () => {
    sim.stats.reset();
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("回答").getRange("A1:C3").load("values");
      await context.sync();
      await context.sync();
    });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("採点結果").getRange("A1").values = [["x"]];
    });
    expect([sim.stats.syncs, sim.stats.implicitSyncs, sim.stats.runs]).toEqual([2, 1, 2]);
    expect(sim.model.sheet("採点結果")?.get("A1")).toEqual({ value: "x" });
    expect(sim.stats.bytesIn).toBeGreaterThan(JSON.stringify([["指標"]]).length);
    expect(sim.stats.bytesOut).toBeGreaterThan(0);
    sim.stats.reset();
    expect([sim.stats.syncs, sim.stats.bytesIn, sim.stats.bytesOut]).toEqual([0, 0, 0]);
  });

  test("a batch must return a promise; proxies die with their run", async () => {
    expect(await codeOf(sim.run((() => undefined) as unknown as () => Promise<void>))).toBe(
      "RunMustReturnPromise",
    );
    let leaked: Excel.Range | undefined;
    await sim.run(async (context) => {
      leaked = context.workbook.worksheets.getItem("回答").getRange("A1");
      await context.sync();
    });
    leaked!.values = [["late"]];
    expect(await codeOf(leaked!.context.sync())).toBe("InvalidObjectPath");
    expect(sim.model.sheet("回答")?.get("A1")).toEqual({ value: "指標" });
  });
});

describe("snapshots", () => {
  test("changedCells lists exactly the cells a run changed", async () => {
    const before = sim.model.snapshot();
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("回答");
      ws.getRange("C2:C3").values = [[10], [null]];
      ws.getRange("B2").format.fill.color = "#FF0000"; // format only: not a value change
      await context.sync();
    });
    expect(changedCells(before, sim.model.snapshot())).toEqual(["回答!C2"]);
  });
});

describe("sheet renames and deletes follow Excel", () => {
  test("names follow a renamed sheet and become #REF! when it is deleted", async () => {
    sim.model.setName({ name: "other", reference: "採点結果!$A$1", visible: true });
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("採点結果").name = "採点 結果";
      await context.sync();
      const renamed = context.workbook.names.getItem("other").load("value");
      await context.sync();
      expect(renamed.value).toBe("'採点 結果'!$A$1");
      context.workbook.worksheets.getItem("採点 結果").delete();
      const gone = context.workbook.names.getItem("other");
      gone.load("type, value");
      const range = gone.getRangeOrNullObject();
      await context.sync();
      expect([gone.type, gone.value, range.isNullObject]).toEqual(["Error", "#REF!$A$1", true]);
    });
  });
});

describe("xlsx", () => {
  test("toXlsx and loadXlsx round-trip the model", async () => {
    sim.model.sheet("採点結果")!.visibility = "Hidden";
    sim.model.sheet("回答")!.set("C2", { value: 0.5, numberFormat: "0.0%" });
    const back = await loadXlsx(await toXlsx(sim.model));
    expect(back.snapshot()).toEqual(sim.model.snapshot());
  });

  test("a workbook written by ExcelJS reads back through the API as Excel would give it", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("回答");
    ws.getCell("A1").value = "指標";
    ws.getCell("B1").value = 42;
    ws.getCell("B2").value = { formula: "B1*2", result: 84 };
    ws.getCell("B3").value = new Date(Date.UTC(2024, 3, 1));
    ws.getCell("B3").numFmt = "yyyy/m/d";
    ws.getCell("B4").value = 0.605;
    ws.getCell("B4").numFmt = "0.0%";
    ws.getCell("B5").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("B6").value = true;
    ws.getCell("D1").value = "見出し";
    ws.mergeCells("D1:E2");
    for (const a of ["C1", "C2"])
      ws.getCell(a).dataValidation = { type: "list", allowBlank: true, formulae: ['"○,×"'] };
    book.definedNames.add("回答!$B$1", "ans_total");
    const hidden = book.addWorksheet("設定");
    hidden.state = "hidden";
    hidden.getCell("A1").value = "secret";
    const data = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);

    const x = createSimulatedExcel(await loadXlsx(data));
    await x.run(async (context) => {
      const s = context.workbook.worksheets.getItem("回答");
      const r = s.getRange("B1:B6").load("values, formulas, numberFormat, text, valueTypes");
      const merged = s.getRange("D1").getMergedAreasOrNullObject().load("areaCount, address");
      const mergedValues = s.getRange("D1:E2").load("values");
      const used = s.getUsedRange().load("address");
      const name = context.workbook.names.getItem("ans_total").getRange().load("address, values");
      const settei = context.workbook.worksheets.getItem("設定").load("visibility");
      const dropdown = s.getRange("C1:C2").dataValidation.load("type, rule");
      await context.sync();
      expect([dropdown.type, dropdown.rule]).toEqual([
        "List",
        { list: { inCellDropDown: true, source: "○,×" } },
      ]);
      expect(r.values).toEqual([[42], [84], [45383], [0.605], ["#N/A"], [true]]);
      expect(r.formulas).toEqual([[42], ["=B1*2"], [45383], [0.605], ["#N/A"], [true]]);
      expect(r.numberFormat).toEqual([
        ["General"],
        ["General"],
        ["yyyy/m/d"],
        ["0.0%"],
        ["General"],
        ["General"],
      ]);
      expect(r.text).toEqual([["42"], ["84"], ["2024/4/1"], ["60.5%"], ["#N/A"], ["TRUE"]]);
      expect(r.valueTypes).toEqual([["Double"], ["Double"], ["Double"], ["Double"], ["Error"], ["Boolean"]]);
      expect([merged.areaCount, merged.address]).toEqual([1, "回答!D1:E2"]);
      expect(mergedValues.values).toEqual([
        ["見出し", ""],
        ["", ""],
      ]);
      expect(used.address).toBe("回答!A1:E6");
      expect([name.address, name.values]).toEqual(["回答!B1", [[42]]]);
      expect(settei.visibility).toBe("Hidden");
    });
  });
});
