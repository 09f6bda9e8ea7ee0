// A national tally's full distribution in place of the rulebooks' bundled national figures: computed
// exactly from the rows, applied by id across years, the input left alone — and in the add-in, a tally
// chosen as last year's file gives the insurer's row as the previous year and the national shares of
// "where to gain".
import { findBundled } from "../src/rulebooks/registry";
import type { Group, Indicator, Rulebook } from "../src/rulebooks/schema";
import { checkRulebook } from "../src/rulebooks/validate";
import { applyTallyBenchmarks } from "../src/tally/apply-benchmarks";
import { subItemIndex } from "../src/tally/match";
import { demoEntities, generateTally, tallyBuffer, type TallyEntity } from "../dev/tally-generator/generate";
import { indicatorPoints, groupPoints } from "../src/tally/points";
import { readTally } from "../src/tally/read";
import type { TallyRead } from "../src/tally/types";
import { whereToGain } from "../src/taskpane/gain";
import { indexRulebook } from "../src/app/rulebook-index";
import { scenarioSession } from "../src/taskpane/whatif";
import { WorkbookPaneApi } from "../src/app/pane-session";
import { OfficeWorkbook } from "../src/adapters/office/office-workbook";
import { createSimulatedExcel, fromExcelJs, installOfficeGlobals } from "../dev/office-sim";
import { createTemplateWorkbook } from "../src/adapters/exceljs/template-xlsx";

installOfficeGlobals();

const rb25 = findBundled("kaigo-municipal-fy2025")!;
const rb26 = findBundled("kaigo-municipal-fy2026")!;
const entities: TallyEntity[] = demoEntities(rb25, 48, 11);
let bytes: Uint8Array;
let tally: TallyRead;

beforeAll(async () => {
  bytes = await tallyBuffer(
    generateTally({ rulebook: rb25, fiscalYear: 2025, municipalities: entities, extraFormattedColumns: 30 }),
  );
  tally = await readTally(bytes, "tally.xlsx", { rulebook: rb25, fiscalYear: 2025 });
  expect(tally.problems).toEqual([]);
});

function nodes(rb: Rulebook): { groups: Group[]; indicators: Indicator[] } {
  const groups: Group[] = [];
  const indicators: Indicator[] = [];
  const walk = (n: Group | Indicator) => {
    if (n.kind === "group") {
      groups.push(n);
      n.children.forEach(walk);
    } else indicators.push(n);
  };
  walk(rb.root);
  return { groups, indicators };
}

const share = (values: number[]) => values.filter((v) => v > 0).length / values.length;
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

describe("applyTallyBenchmarks", () => {
  test("every figure is the exact one from the rows: sub-items, indicators, groups", () => {
    const before = JSON.stringify(rb25);
    const applied = applyTallyBenchmarks(rb25, { ...tally, source: "R7.xlsx" }, rb25);
    expect(JSON.stringify(rb25)).toBe(before);
    expect(applied.matched).toBe(applied.of);
    expect(applied.municipalities).toBe(48);
    expect(applied.label).toBe("全国集計 2025年度（R7.xlsx）");
    const rb = applied.rulebook;
    expect(rb.population).toBe(48);
    expect(
      checkRulebook(JSON.parse(JSON.stringify(rb))).problems.filter((p) => p.severity === "error"),
    ).toEqual([]);

    const idx = subItemIndex(rb25);
    const { groups, indicators } = nodes(rb);
    const pts = (e: TallyEntity, id: string) => e.points[id] ?? 0;
    const yesno = indicators.find((i) => i.kind === "yesno")!;
    const y = entities.map((e) => pts(e, yesno.id));
    expect(yesno.benchmark).toEqual({
      hitCount: y.filter((v) => v > 0).length,
      hitRate: Math.round(share(y) * 1e6) / 1e6,
      mean: Math.round(mean(y) * 1e6) / 1e6,
      source: applied.label,
    });

    const band = indicators.find((i) => i.kind === "rankBand")! as Extract<Indicator, { kind: "rankBand" }>;
    const ci = idx.compiled.indicators[idx.compiled.indicatorIndex.get(band.id)!];
    band.bands.forEach((b, k) => {
      const v = entities.map((e) => pts(e, ci.partIds[k]));
      expect([b.code, b.benchmark?.hitCount]).toEqual([b.code, v.filter((x) => x > 0).length]);
    });
    const any = entities.map((e) => indicatorPoints(idx, e.points)[band.id]);
    expect(band.benchmark?.hitRate).toBeCloseTo(share(any), 6);

    for (const g of groups) {
      const v = entities.map((e) => groupPoints(idx, e.points)[g.id]);
      expect([g.id, g.benchmark?.mean]).toEqual([g.id, Math.round(mean(v) * 1e6) / 1e6]);
      const sorted = [...v].sort((a, b) => a - b);
      expect(g.benchmark?.median).toBe((sorted[23] + sorted[24]) / 2);
      const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean(v)) ** 2, 0) / v.length);
      expect(g.benchmark?.sd).toBeCloseTo(sd, 5);
    }
    expect(rb.notes.at(-1)).toMatchObject({ ja: expect.stringContaining("48 市町村") });
  });

  test("a tally of last year fills next year's rulebook by the ids they share", () => {
    const applied = applyTallyBenchmarks(rb26, { ...tally, source: "R7.xlsx" }, rb25);
    expect(applied.matched).toBeGreaterThan(applied.of * 0.8);
    const shared = nodes(applied.rulebook).indicators.filter((i) => i.kind === "yesno" && idxHas(i.id));
    for (const i of shared.slice(0, 20)) expect(i.benchmark?.source).toBe(applied.label);
  });

  test("a rulebook of another grant matches nothing", () => {
    const nhi = findBundled("nhi-municipal-fy2024")!;
    const applied = applyTallyBenchmarks(nhi, { ...tally, source: "R7.xlsx" }, rb25);
    expect(applied.matched).toBe(0);
    expect(applied.rulebook.population).toBe(nhi.population);
  });
});

function idxHas(id: string): boolean {
  return subItemIndex(rb25).subItems.has(id);
}

describe("the add-in: a tally chosen as last year's file", () => {
  const own = entities[7];

  function answerWorkbook(code: string | null, name: string | null) {
    const book = createTemplateWorkbook(rb26);
    const ws = book.getWorksheet("回答")!;
    if (name) ws.getCell("F3").value = name;
    if (code) ws.getCell("H3").value = code;
    let i = 0;
    ws.eachRow((row, n) => {
      if (n > 5 && row.getCell(1).value && i++ % 4 === 0) row.getCell(5).value = "○";
    });
    const excel = createSimulatedExcel(fromExcelJs(book));
    return new WorkbookPaneApi(new OfficeWorkbook(excel.run as never));
  }

  const buffer = () =>
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

  test("suggests the workbook's own row, compares with it, and gives where-to-gain the tally's shares", async () => {
    const api = answerWorkbook(own.code, own.name);
    const first = await api.score(rb26.id);
    expect(first.benchmarks).toBeUndefined();

    const res = await api.openPreviousFile(buffer(), "全国集計R7.xlsx");
    if (res.kind !== "tally") throw new Error("expected a tally");
    expect(res.tally).toMatchObject({
      fiscalYear: 2025,
      rulebookId: rb25.id,
      problems: 0,
      suggested: own.code,
      // FY2025 size bands are FY2024's carried forward: the band ranks say so
      assumedBands: {
        ja: "規模区分は令和6年度の区分を流用した推定です",
        en: "size bands are an estimate that carries the FY2024 bands forward",
      },
    });
    expect(res.tally.insurers).toHaveLength(48);
    expect(res.tally.lowScore).toEqual({
      line: tally.lowScore!.line,
      below: tally.municipalities.filter((m) => m.total < tally.lowScore!.line).length,
    });

    const chosen = await api.usePreviousFromTally(own.code);
    const row = tally.municipalities.find((m) => m.code === own.code)!;
    const r = tally.ranks.find((x) => x.code === own.code)!;
    expect(chosen).toEqual({
      code: own.code,
      name: own.name,
      pref: own.pref,
      total: row.total,
      rank: { rank: r.rank, of: 48, bandRank: r.bandRank, bandOf: r.bandOf },
    });

    const run = await api.score(rb26.id);
    expect(run.previousSource).toBe("tally");
    expect(run.comparison?.previousRulebook.id).toBe(rb25.id);
    expect(run.comparison?.total.previous?.points).toBe(row.total);
    expect(run.benchmarks).toMatchObject({
      label: "全国集計 2025年度（全国集計R7.xlsx）",
      municipalities: 48,
    });

    // Where to gain: the share shown for an unmet yes/no item is the tally's.
    const rulebook = api.rulebook(rb26.id);
    const index = indexRulebook(rulebook);
    const items = whereToGain({
      index,
      session: scenarioSession(rulebook, run, {}),
      rawOf: (id) => run.answers[id],
      textOf: (id) => String(run.answers[id]?.value ?? ""),
      context: run.context,
    });
    const yes = items.find((i) => subItemIndex(rb25).subItems.has(i.indicatorId) && i.target === null)!;
    const v = entities.map((e) => e.points[yes.indicatorId] ?? 0);
    expect(yes.share).toBeCloseTo(share(v), 6);
    expect(yes.hitCount).toBe(v.filter((x) => x > 0).length);

    // Figures off: the rulebook's own again.
    api.useTallyBenchmarks(false);
    const off = await api.score(rb26.id);
    expect(off.benchmarks).toBeUndefined();
    expect(api.rulebook(rb26.id)).toBe(rb26);
  });

  test("a workbook that names nobody gets no suggestion; a unique name is enough; an unknown code is refused", async () => {
    const anon = answerWorkbook(null, null);
    await anon.score(rb26.id);
    const res = await anon.openPreviousFile(buffer(), "tally.xlsx");
    expect(res.kind === "tally" && res.tally.suggested).toBeUndefined();
    await expect(anon.usePreviousFromTally("999999")).rejects.toThrow("保険者番号 999999");

    const named = answerWorkbook(null, own.name);
    await named.score(rb26.id);
    const r2 = await named.openPreviousFile(buffer(), "tally.xlsx");
    const unique = entities.filter((e) => e.name === own.name).length === 1;
    expect(r2.kind === "tally" && r2.tally.suggested).toBe(unique ? own.code : undefined);
  });

  test("the JSON of saiten tally import works the same; an answer workbook still works as before", async () => {
    const api = answerWorkbook(own.code, own.name);
    await api.score(rb26.id);
    const doc = {
      format: "saiten.tally/1",
      source: "R7.xlsx",
      counts: {
        municipalities: tally.municipalities.length,
        skipped: tally.skipped.length,
        itemColumns: tally.columns.filter((c) => c.kind === "item").length,
        totalColumns: tally.columns.filter((c) => c.kind === "total").length,
        problems: 0,
      },
      ...tally,
    };
    const json = new TextEncoder().encode(JSON.stringify(doc));
    const res = await api.openPreviousFile(json.buffer as ArrayBuffer, "tally.json");
    expect(res.kind === "tally" && res.tally.suggested).toBe(own.code);

    const last = createTemplateWorkbook(rb25);
    const lastBytes = await last.xlsx.writeBuffer();
    const wb = await api.openPreviousFile(lastBytes as ArrayBuffer, "R7回答.xlsx");
    expect(wb).toEqual({ kind: "workbook", rulebookId: rb25.id, fiscalYear: 2025, total: 0 });
    expect((await api.score(rb26.id)).previousSource).toBe("file");
  });

  test("a broken JSON is refused with the file named", async () => {
    const api = answerWorkbook(null, null);
    const bad = new TextEncoder().encode('{"format":"saiten.result/1"}');
    await expect(api.openPreviousFile(bad.buffer as ArrayBuffer, "x.json")).rejects.toThrow(
      /x\.json.*saiten\.tally\/1/,
    );
  });
});
