// The reviewer's desk on the in-memory Excel: check mode reads the open workbook and writes nothing
// (the simulator counts every change asked for), names the reported cells that differ, gives the same
// record as the batch; reports go to a new workbook, or — on an Excel without Excel.createWorkbook —
// to a file (check) or new sheets of the reviewer's own workbook (summary); the pane's worker job
// gives the CLI's records, with the CLI's messages for files too large, too slow, or crashing a worker.
import ExcelJS from "exceljs";
import { OfficeWorkbook } from "../src/adapters/office/office-workbook";
import { canCreateWorkbook, openAsNewWorkbook } from "../src/adapters/office/new-workbook";
import { excelSupport } from "../src/adapters/office/excel-support";
import { WorkbookPaneApi } from "../src/app/pane-session";
import { processWorkbook } from "../src/app/review/review-workbook";
import { reviewBytes } from "../src/app/review/review-bytes";
import { summarise } from "../src/app/review/summarise";
import { nationalLowLine, prefectureGlance } from "../src/app/review/glance";
import { folderSelection, type JobWorker, startReviewJob, type WorkerInit, type WorkerTask } from "../src/app/review-job";
import { reviewFiles } from "../src/review/pool";
import { collectorHandler, type CollectorReply, SummaryCollector } from "../src/app/review-collector";
import * as summaryBook from "../src/app/review/summary-book";

// Counted, not changed: the test of the workbook built ahead asks how many times it was built.
jest.mock("../src/app/review/summary-book", () => {
  const actual = jest.requireActual<typeof import("../src/app/review/summary-book")>("../src/app/review/summary-book");
  return { ...actual, summaryWorkbook: jest.fn(actual.summaryWorkbook) };
});
import { MB } from "../src/files/limits";
import { createSimulatedExcel, installOfficeGlobals, loadXlsx, SimWorkbook } from "../dev/office-sim";
import { miniRulebook } from "./fixtures/mini-rulebook";
import { localText } from "../src/engine/text";
import { indicatorById } from "../src/rulebooks/tree";
import { compoundFile, junk, templateBook, templateRow, TOWN_A, TOWN_B } from "./fixtures/review-books";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

installOfficeGlobals();
const rb = miniRulebook;

async function simOf(bytes: Uint8Array, excelApi?: string) {
  const excel = createSimulatedExcel(await loadXlsx(bytes), excelApi ? { excelApi } : {});
  const support = excelApi ? excelSupport(excel.isSetSupported) : null;
  const port = new OfficeWorkbook(excel.run as never, support ? { features: support.features } : {});
  const openNew = canCreateWorkbook(support) ? (b: Uint8Array) => openAsNewWorkbook(excel.createWorkbook, b) : undefined;
  const api = new WorkbookPaneApi(port, [rb], support, undefined, () => openNew);
  return { excel, api, reviewer: api.reviewer() };
}

const submitted = () =>
  templateBook(rb, { ...TOWN_A, reportedPoints: { "A.y1": 99, "A.y2": 8 }, reportedGroups: { ALL: 80, A: 16 } });

function cells(book: SimWorkbook, sheet: string): unknown[][] {
  const snap = book.snapshot().sheets[sheet];
  const rows: unknown[][] = [];
  for (const [addr, c] of Object.entries(snap.cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    const r = Number(m[2]) - 1;
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    (rows[r] ??= [])[col] = c.value;
  }
  return rows;
}

describe("check mode on the in-memory Excel", () => {
  test("scores the open workbook writing nothing, and names every reported cell that differs", async () => {
    const bytes = await submitted();
    const { excel, reviewer } = await simOf(bytes);
    const before = excel.model.snapshot();
    const check = await reviewer.check(rb.id, "開いているブック");
    expect(excel.model.writes).toEqual({ count: 0, selection: 0 });
    expect(excel.model.snapshot()).toEqual(before);
    const row = await templateRow(rb, "A.y1");
    expect(check.record.mismatches?.map((m) => [m.cell, m.reported, m.computed])).toEqual([
      [`回答!G${row}`, 99, 8],
      ["採点結果!C2", 80, 72],
    ]);
    // One implementation: the batch's record of the same bytes, figure for figure.
    const batch = await processWorkbook(bytes, "開いているブック", { rulebook: rb });
    expect(check.record).toEqual(batch);
    expect(check.summary.rows[0]).toMatchObject({ total: 72, ratePercent: 72, mismatches: 2 });
  });

  test("the report opens as a new workbook; the checked one stays untouched", async () => {
    const { excel, reviewer } = await simOf(await submitted());
    const check = await reviewer.check(rb.id, "開いているブック");
    expect(reviewer.checkReportTarget()).toBe("new-workbook");
    const done = await reviewer.writeCheckReport(check, "ja");
    expect(done).toEqual({ target: "new-workbook", sheets: ["一覧", "確認事項", "指標別"] });
    expect(excel.created).toHaveLength(1);
    const lines = cells(excel.created[0], "確認事項");
    const row = await templateRow(rb, "A.y1");
    expect(lines.find((l) => l?.[5] === `回答!G${row}`)?.slice(9, 11)).toEqual([99, 8]);
    expect(cells(excel.created[0], "一覧")[1].slice(0, 2)).toEqual(["青葉町", "012025"]);
    expect(excel.model.writes.count).toBe(0);
  });

  test("the report in the pane's language: English sheets, headers, words and the rulebook's English names", async () => {
    const { excel, reviewer } = await simOf(await submitted());
    const check = await reviewer.check(rb.id, "開いているブック");
    const done = await reviewer.writeCheckReport(check, "en");
    expect(done.sheets).toEqual(["List", "Checks", "By indicator"]);
    const list = cells(excel.created[0], "List");
    expect(list[0].slice(0, 3)).toEqual(["Municipality", "Code", "Insured persons"]);
    const lines = cells(excel.created[0], "Checks");
    expect(lines[0].slice(3, 9)).toEqual(["Type", "Kind", "Cell", "Target", "Severity", "Description"]);
    const row = await templateRow(rb, "A.y1");
    const mismatch = lines.find((l) => l?.[5] === `回答!G${row}`)!;
    expect([mismatch[3], mismatch[7]]).toEqual(["Mismatch", "Error"]);
    expect(mismatch[8]).toBe(`回答!G${row} (A.y1): reports 99 points, recomputed 8.`);
    const indicators = cells(excel.created[0], "By indicator");
    const named = indicators.find((l) => l?.[0] === "A.y1")!;
    const en = localText(indicatorById(rb, "A.y1")!.name).en;
    expect(String(named[1])).toContain(en);
    expect(excel.model.writes.count).toBe(0);
  });

  test("on Excel 2016 (ExcelApi 1.7) the check's report is a file to save, never the checked workbook", async () => {
    const { excel, reviewer } = await simOf(await submitted(), "1.7");
    const check = await reviewer.check(rb.id, "開いているブック");
    expect(reviewer.checkReportTarget()).toBe("download");
    const done = await reviewer.writeCheckReport(check, "ja");
    expect(done.target).toBe("download");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(done.bytes!.slice().buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["一覧", "確認事項", "指標別"]);
    expect(excel.created).toHaveLength(0);
    expect(excel.model.writes.count).toBe(0);
    // Excel itself refuses createWorkbook there.
    await expect(openAsNewWorkbook(excel.createWorkbook, done.bytes!)).rejects.toMatchObject({ code: "failed" });
  });
});

describe("the batch summary through Office.js", () => {
  async function records() {
    return [
      await processWorkbook(await templateBook(rb, TOWN_A), "a.xlsx", { rulebook: rb }),
      await processWorkbook(await templateBook(rb, TOWN_B), "b.xlsx", { rulebook: rb }),
    ];
  }

  test("a new workbook with 一覧, 確認事項, 指標別 and the municipalities × indicators matrix", async () => {
    const { excel, reviewer } = await simOf(await templateBook(rb, TOWN_A));
    const recs = await records();
    // Records arrive in the order workers finish; the summary keeps the files' order.
    const collector = new SummaryCollector(rb);
    collector.add(1, recs[1]);
    collector.add(0, recs[0]);
    const summary = collector.summarise();
    expect(summary).toEqual({ ...summarise(recs, { rulebook: rb }), generatedAt: summary.generatedAt });
    const done = await reviewer.writeSummary(collector, "ja");
    expect(done.sheets).toEqual(["一覧", "確認事項", "指標別", "市町村×指標"]);
    const matrix = cells(excel.created[0], "市町村×指標");
    expect(matrix[2].slice(0, 3)).toEqual(["青葉町", "012025", 72]);
    expect(matrix[3].slice(0, 3)).toEqual(["白浜村", "012033", 22]);
    const col = summary.indicators.findIndex((i) => i.id === "A.y1") + 5;
    expect([matrix[2][col], matrix[3][col]]).toEqual([8, 0]);
    expect(excel.model.writes.count).toBe(0);
  });

  test("without Excel.createWorkbook: new sheets of the reviewer's workbook, taken names kept", async () => {
    const { excel, reviewer } = await simOf(await templateBook(rb, TOWN_A), "1.7");
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.add("一覧");
      await ctx.sync();
    });
    const recs = await records();
    const collector = new SummaryCollector(rb);
    recs.forEach((r, i) => collector.add(i, r));
    expect(reviewer.summaryTarget()).toBe("sheets");
    const done = await reviewer.writeSummary(collector, "ja");
    expect(done).toEqual({ target: "sheets", sheets: ["一覧 (2)", "確認事項", "指標別", "市町村×指標"] });
    const list = cells(excel.model, "一覧 (2)");
    expect(list[1].slice(0, 2)).toEqual(["青葉町", "012025"]);
    expect(list[0][0]).toBe("市町村名");
    expect(cells(excel.model, "一覧")).toEqual([]);
  });
});

describe("the summary's worker", () => {
  test("answers in order: the summary without its long lists, then the workbook's bytes", async () => {
    const replies: CollectorReply[] = [];
    const handle = collectorHandler((r) => void replies.push(r));
    const recs = [
      await processWorkbook(await templateBook(rb, { ...TOWN_A, reportedPoints: { "A.y1": 5 } }), "a.xlsx", { rulebook: rb }),
      await processWorkbook(await templateBook(rb, TOWN_B), "b.xlsx", { rulebook: rb }),
    ];
    await handle({ kind: "init", rulebook: rb });
    await handle({ kind: "record", index: 1, record: recs[1] });
    await handle({ kind: "record", index: 0, record: recs[0] });
    await handle({ kind: "summarise", extra: [] });
    await handle({ kind: "xlsx", lang: "ja" });
    const full = summarise(recs, { rulebook: rb });
    const view = replies[0].kind === "summary" ? replies[0].view : undefined;
    expect(view).toMatchObject({ rows: full.rows, failures: full.failures, issueCount: full.issues.length, mismatchCount: 1 });
    expect(view).not.toHaveProperty("issues");
    expect(replies[1].kind === "xlsx" && replies[1].sheets).toEqual(["一覧", "確認事項", "指標別", "市町村×指標"]);
  });
});

describe("the summary workbook built ahead", () => {
  /** The 一覧 sheet's values, read back from a workbook's bytes. */
  async function listOf(bytes: Uint8Array): Promise<unknown[][]> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.getWorksheet("一覧")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  test("built right after the summary when asked, handed over once, never stale", async () => {
    const recs = [
      await processWorkbook(await templateBook(rb, TOWN_A), "a.xlsx", { rulebook: rb }),
      await processWorkbook(await templateBook(rb, TOWN_B), "b.xlsx", { rulebook: rb }),
    ];
    const build = jest.mocked(summaryBook.summaryWorkbook);
    build.mockClear();
    {
      const replies: CollectorReply[] = [];
      const handle = collectorHandler((r) => void replies.push(r));
      await handle({ kind: "init", rulebook: rb });
      await handle({ kind: "record", index: 0, record: recs[0] });
      await handle({ kind: "summarise", extra: [], prepare: "ja" });
      // Built before anyone asks for it.
      for (let i = 0; i < 200 && build.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(build).toHaveBeenCalledTimes(1);
      await handle({ kind: "xlsx", lang: "ja" });
      expect(build).toHaveBeenCalledTimes(1);
      const prepared = replies[1].kind === "xlsx" ? replies[1] : undefined;
      expect(prepared?.sheets).toEqual(["一覧", "確認事項", "指標別", "市町村×指標"]);
      // Its bytes were handed over: asked again, it is built again, the same.
      await handle({ kind: "xlsx", lang: "ja" });
      expect(build).toHaveBeenCalledTimes(2);
      const again = replies[2].kind === "xlsx" ? replies[2] : undefined;
      expect(await listOf(prepared!.bytes)).toEqual(await listOf(again!.bytes));

      // A record that arrives after the workbook was prepared: the prepared one is dropped.
      const collector = new SummaryCollector(rb);
      collector.add(0, recs[0]);
      collector.summarise();
      collector.prepareXlsx("ja");
      collector.add(1, recs[1]);
      collector.summarise();
      const list = await listOf((await collector.xlsx("ja")).bytes);
      expect(list.map((r) => r[0])).toEqual(["市町村名", "青葉町", "白浜村"]);

      // Prepared in Japanese, asked for in English (the pane's language changed): built again, in English.
      const before = build.mock.calls.length;
      collector.prepareXlsx("ja");
      for (let i = 0; i < 200 && build.mock.calls.length === before; i++) await new Promise((r) => setTimeout(r, 10));
      const english = await collector.xlsx("en");
      expect(build.mock.calls.length).toBe(before + 2);
      expect(english.sheets).toEqual(["List", "Checks", "By indicator", "Municipalities × indicators"]);
    }
  });
});

describe("the prefecture at a glance", () => {
  test("shares against the nation, ranks, the mean against last year and the −2 SD line", async () => {
    const recs = [
      await processWorkbook(await templateBook(rb, TOWN_A), "a.xlsx", { rulebook: rb }),
      await processWorkbook(await templateBook(rb, TOWN_B), "b.xlsx", { rulebook: rb }),
    ];
    const previous = [
      { ...recs[0], total: { ...recs[0].total!, ratePercent: 70 } },
      { ...recs[1], total: { ...recs[1].total!, ratePercent: 30 } },
    ];
    const withLine = { ...rb, root: { ...rb.root, benchmark: { mean: 50, sd: 12, source: "試験" } } };
    const summary = summarise(recs, { rulebook: withLine, previous });
    const g = prefectureGlance(summary, withLine, [
      { code: "012025", name: "青葉町", rank: 5, of: 1741 },
      // Another 白浜村 elsewhere in Japan: a name two rows share finds neither.
      { code: "999999", name: "白浜村", rank: 9, of: 1741 },
      { code: "999998", name: "白浜村", rank: 10, of: 1741 },
    ]);
    expect(nationalLowLine(withLine)).toEqual({ points: 26, ratePercent: 26, source: "試験" });
    expect(g.rows.map((r) => [r.name, r.rank, r.belowLine, r.nationalRank])).toEqual([
      ["青葉町", 1, false, { rank: 5, of: 1741 }],
      ["白浜村", 2, true, undefined],
    ]);
    // (72 + 22) / 2 = 47.0 against (70 + 30) / 2 = 50.0: 未達成.
    expect(g.mean).toMatchObject({ ratePercent: 47, previousRatePercent: 50, change: -3, judgement: "未達成" });
    expect(g.below).toBe(1);
    expect(nationalLowLine(rb)).toBeNull();
  });
});

/** Workers that run in this thread with the real review (the pane's Web Worker does the same). */
function inThread(behaviour: "work" | "hang" | "crash" = "work"): () => JobWorker {
  return () => {
    let init: WorkerInit | undefined;
    let reply: ((r: { index: number; record: never }) => void) | undefined;
    let crash: (() => void) | undefined;
    let stopped = false;
    let queue = Promise.resolve();
    return {
      post(m: WorkerInit | WorkerTask) {
        if (m.kind === "init") return void (init = m);
        if (behaviour === "hang") return;
        if (behaviour === "crash") return void setTimeout(() => crash?.(), 1);
        // One task after another, as the pane's worker takes them.
        queue = queue.then(() =>
          reviewBytes(new Uint8Array(m.data), m.file, { rulebook: init!.rulebook, limits: init!.limits }).then(
            (record) => void (!stopped && reply?.({ index: m.index, record: record as never })),
          ),
        );
      },
      onReply: (h) => (reply = h as typeof reply),
      onCrash: (h) => (crash = h),
      terminate: () => void (stopped = true),
    };
  };
}

describe("the pane's review job", () => {
  test("the same records as `saiten review`'s pool for the same files, broken ones included", async () => {
    const dir = mkdtempSync(join(tmpdir(), "saiten-desk-"));
    const named: [string, Uint8Array][] = [
      ["a.xlsx", await templateBook(rb, TOWN_A)],
      ["b.xlsx", await templateBook(rb, TOWN_B)],
      ["junk.xlsx", junk(3000)],
      ["locked.xlsx", compoundFile()],
      ["empty.xlsx", new Uint8Array(0)],
    ];
    for (const [n, b] of named) writeFileSync(join(dir, n), b);
    const cli = await reviewFiles(
      named.map(([n]) => join(dir, n)),
      { rulebook: rb, jobs: 1 },
    );
    const seen: number[] = [];
    const job = startReviewJob(
      named.map(([name, b]) => ({ name: join(dir, name), size: b.byteLength, read: async () => b.slice().buffer })),
      { rulebook: rb, workers: 2, spawn: inThread(), onProgress: (p) => seen.push(p.done) },
    );
    const { records, cancelled } = await job.done;
    expect(cancelled).toBe(false);
    expect(records).toEqual(cli);
    expect(records.filter((r) => r.status === "failed").map((r) => r.reasonCode)).toEqual(["not-xlsx", "encrypted", "empty"]);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  test("too large: refused unread; too slow or crashing: failed alone with the CLI's words", async () => {
    const big = { name: "big.xlsx", size: 21 * MB, read: () => Promise.reject(new Error("must not be read")) };
    const a = await templateBook(rb, TOWN_A);
    const slow = startReviewJob([big, { name: "slow.xlsx", size: a.byteLength, read: async () => a.slice().buffer }], {
      rulebook: rb,
      workers: 1,
      spawn: inThread("hang"),
      limits: { ...(await import("../src/files/limits")).WORKBOOK_LIMITS, timeoutMs: 50 },
    });
    const { records } = await slow.done;
    expect(records.map((r) => r.reasonCode)).toEqual(["too-large", "timeout"]);
    expect(records[0].reason?.ja).toContain("big.xlsx が大きすぎます（21 MB、上限 20 MB）");
    expect(records[1].reason?.en).toContain("did not finish within 0 seconds");
    const crashing = startReviewJob([{ name: "c.xlsx", size: a.byteLength, read: async () => a.slice().buffer }], {
      rulebook: rb,
      workers: 1,
      spawn: inThread("crash"),
    });
    expect((await crashing.done).records[0].reason?.ja).toContain("c.xlsx の処理が異常終了しました");
  });

  test("the file read ahead for a worker that is stopped goes to the fresh one, and nothing is lost", async () => {
    const a = await templateBook(rb, TOWN_A);
    const b = await templateBook(rb, TOWN_B);
    const reads: string[] = [];
    const file = (name: string, bytes: Uint8Array) => ({
      name,
      size: bytes.byteLength,
      read: async () => (reads.push(name), bytes.slice().buffer),
    });
    // The first worker never answers; the ones after it work.
    let spawned = 0;
    const spawn = () => (spawned++ === 0 ? inThread("hang")() : inThread()());
    const job = startReviewJob([file("a.xlsx", a), file("b.xlsx", b), file("c.xlsx", a)], {
      rulebook: rb,
      workers: 1,
      spawn,
      // Room for b and c, scored for real, on a machine that is slow at the time.
      limits: { ...(await import("../src/files/limits")).WORKBOOK_LIMITS, timeoutMs: 1_000 },
    });
    const { records } = await job.done;
    expect(records.map((r) => [r.file, r.status, r.reasonCode])).toEqual([
      ["a.xlsx", "failed", "timeout"],
      ["b.xlsx", "scored", undefined],
      ["c.xlsx", "scored", undefined],
    ]);
    // b was read ahead for the first worker while it was on a, then read again for the fresh one.
    expect(reads).toEqual(["a.xlsx", "b.xlsx", "b.xlsx", "c.xlsx"]);
    expect(spawned).toBe(2);
  });

  test("cancel stops at once with what is done", async () => {
    const a = await templateBook(rb, TOWN_A);
    const job = startReviewJob([{ name: "x.xlsx", size: a.byteLength, read: async () => a.slice().buffer }], {
      rulebook: rb,
      workers: 1,
      spawn: inThread("hang"),
    });
    await new Promise((r) => setTimeout(r, 5));
    job.cancel();
    expect(await job.done).toEqual({ records: [], cancelled: true });
  });

  test("a folder as the CLI takes one: direct workbooks sorted, others refused, subfolders counted", () => {
    const picked = folderSelection([
      { name: "提出/b.xlsx" },
      { name: "提出/a.xlsm" },
      { name: "提出/~$a.xlsx" },
      { name: "提出/.DS_Store" },
      { name: "提出/old.xls" },
      { name: "提出/sub/c.xlsx" },
    ]);
    expect(picked.read.map((f) => f.name)).toEqual(["提出/a.xlsm", "提出/b.xlsx"]);
    expect(picked.refused.map((r) => [r.file, r.reasonCode])).toEqual([["提出/old.xls", "unsupported"]]);
    expect(picked.subfolders).toBe(1);
  });
});
