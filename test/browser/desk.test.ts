/**
 * The reviewer's desk in the built pane (dist/web/preview.html: the real pane over the in-memory Excel),
 * driven with Debian's Chromium:
 *   - check mode on a submitted workbook (served in place of the preview's sample): the mismatch list
 *     names the reported cell, the in-memory Excel records zero writes, the report opens as a new workbook
 *     (on an Excel 2016, ExcelApi 1.7, it is downloaded as a file instead);
 *   - the batch: 77 generated submissions and 3 broken files reviewed on Web Workers; the summary the
 *     pane writes through Office.js equals, sheet for sheet and cell for cell, the summary workbook of
 *     `saiten review --json` for the same files (built from the CLI's JSON), and the broken files are
 *     listed with the CLI's reasons.
 *
 *   npm run build && npx jest test/browser/desk.test.ts
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { findBundled } from "../../src/rulebooks/registry";
import { runReview } from "../../src/cli/review";
import { Cli } from "../../src/cli/context";
import { summaryWorkbook } from "../../src/app/review/summary-book";
import type { ReviewSummary } from "../../src/app/review/types";
import { brokenSubmissions, generateSubmissions, type Submission } from "../../dev/review-generator/submissions";
import { fromExcelJs, type WorkbookSnapshot } from "../../dev/office-sim";
import { patchedBytes, withCellFormula } from "../fixtures/patched-xlsx";
import { Unsupported, XlsxReader } from "../../src/adapters/xlsx";
import {
  axeSeriousViolations,
  checkPrerequisites,
  chooseRulebook,
  gotoPreview,
  japaneseLeft,
  layoutProblems,
  newWatchedPage,
  serveAndLaunch,
  type Session,
  WEB,
} from "./helpers";

const RULEBOOK_ID = "kaigo-municipal-fy2026";
const SLOW = 180_000;

interface DeskWindow {
  saitenPreview: {
    model: { writes: { count: number; selection: number }; snapshot(): WorkbookSnapshot };
    created: { snapshot(): WorkbookSnapshot }[];
  };
}

const writes = (page: Page) => page.evaluate(() => (window as unknown as DeskWindow).saitenPreview.model.writes);
const createdSnapshots = (page: Page) =>
  page.evaluate(() => (window as unknown as DeskWindow).saitenPreview.created.map((b) => b.snapshot()));

async function openDesk(page: Page, url: string, query = ""): Promise<void> {
  await gotoPreview(page, url, query);
  await chooseRulebook(page, /^令和8年度 .*評価指標/);
  await page.getByRole("tablist", { name: "表示" }).getByRole("tab", { name: "審査", exact: true }).click();
}

/** The desk over a submitted workbook, which stands in for the preview's sample. */
async function openDeskOn(page: Page, book: Uint8Array, url: string, query = ""): Promise<void> {
  await page.route("**/sample.xlsx", (route) =>
    route.fulfill({ body: Buffer.from(book), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
  );
  await openDesk(page, url, query);
}

/** The three sheets the CLI writes, as plain data (values, formats, conditional formats). */
function sheetsOf(snap: WorkbookSnapshot, names: string[]) {
  return Object.fromEntries(names.map((n) => [n, snap.sheets[n]]));
}

async function withLink(bytes: Uint8Array): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  book.getWorksheet("回答")!.getCell("L8").value = { text: "計画書", hyperlink: "https://example.lg.jp/plan.pdf" };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * A linked note in a merged area whose formula's result is 0 (ExcelJS keeps the 0 as the link's text,
 * which Saiten's own reader does not), and a sheet of the municipality's own: the pane's workers read
 * that answer sheet through ExcelJS, from a copy of the package with only its cells, and the rest with
 * Saiten's own reader, as the CLI does.
 */
async function withLinkedZeroFormula(bytes: Uint8Array): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  const ws = book.getWorksheet("回答")!;
  ws.mergeCells("L2:M2");
  ws.getCell("L2").value = { text: "厚生労働省の評価指標", hyperlink: "https://www.mhlw.go.jp/" };
  book.addWorksheet("資料1").addRow([1, "訪問介護", 1200]);
  const part = `xl/worksheets/sheet${ws.id}.xml`;
  return patchedBytes(new Uint8Array(await book.xlsx.writeBuffer()), {
    [part]: (xml) => withCellFormula(xml, "L2", "COUNTA(資料1!Z1:Z9)", 0),
  });
}

describe("the reviewer's desk in Chromium", () => {
  let session: Session | undefined;
  let subs: Submission[];
  let broken: { file: string; bytes: Uint8Array }[];
  let dir: string;
  let cli: ReviewSummary;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    const rb = findBundled(RULEBOOK_ID)!;
    subs = await generateSubmissions(rb, 77, { mismatchEvery: 7 });
    // One municipality pasted the URL of its plan into the answer sheet: a link, read in the pane's
    // workers as by the CLI.
    subs[1] = { ...subs[1], bytes: await withLink(subs[1].bytes) };
    subs[2] = { ...subs[2], bytes: await withLinkedZeroFormula(subs[2].bytes) };
    broken = brokenSubmissions(subs[0].bytes);
    dir = mkdtempSync(join(tmpdir(), "saiten-desk-"));
    for (const f of [...subs, ...broken]) writeFileSync(join(dir, f.file), f.bytes);

    // `saiten review <folder> --json -`, run from inside the folder so files are named as the pane names them.
    const here = process.cwd();
    let out = "";
    try {
      process.chdir(dir);
      await runReview(["."], { rulebook: RULEBOOK_ID, json: "-", jobs: 1 }, new Cli({ out: (s) => void (out += s), err: () => undefined }, "ja"));
    } finally {
      process.chdir(here);
    }
    cli = JSON.parse(out) as ReviewSummary;

    session = await serveAndLaunch(WEB);
  }, SLOW);

  afterAll(async () => {
    await session?.close();
  });

  test(
    "check mode: the reported cell that differs is listed, nothing is written, the report opens as a new workbook",
    async () => {
      const wrong = subs.find((s) => s.wrongCell)!;
      const page = await newWatchedPage(session!.browser, pageErrors);
      await openDeskOn(page, wrong.bytes, session!.server.url);
      // Choosing the rulebook in the picker remembers it in the workbook's settings (the pane's own
      // behaviour, before check mode starts): counted from here on, check mode must add nothing.
      const before = await writes(page);
      const snapshot = await page.evaluate(() => (window as unknown as DeskWindow).saitenPreview.model.snapshot());
      await page.getByRole("button", { name: "確認（書き込みなし）" }).click();
      const table = page.getByRole("table", { name: /^記載と再計算の違い（1件）/ });
      await table.waitFor();
      const row = table.locator(`tr[data-cell="${wrong.wrongCell}"]`);
      const cells = await row.getByRole("cell").allTextContents();
      expect(cells[0]).toBe(wrong.wrongCell);
      expect(cells[2]).toBe("99");
      expect(await writes(page)).toEqual(before);

      await page.getByRole("button", { name: "報告を新しいブックに書き出す" }).click();
      await page.getByText(/^報告を新しいブックに書き出しました/).waitFor();
      const created = await createdSnapshots(page);
      expect(created).toHaveLength(1);
      const lines = Object.entries(created[0].sheets["確認事項"].cells).filter(([, c]) => c.value === wrong.wrongCell);
      expect(lines).toHaveLength(1);
      expect(await writes(page)).toEqual(before);
      expect(await page.evaluate(() => (window as unknown as DeskWindow).saitenPreview.model.snapshot())).toEqual(snapshot);
      // The differing cell is a button that says it selects that cell, as an issue's does, and selects it.
      const cellButton = row.getByRole("button", { name: wrong.wrongCell });
      expect(await cellButton.getAttribute("title")).toBe(`${wrong.wrongCell} を選択`);
      await cellButton.click();
      await page.waitForFunction(
        (n) => (window as unknown as DeskWindow).saitenPreview.model.writes.selection > n,
        before.selection,
      );
      expect((await writes(page)).count).toBe(before.count);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  test(
    "check mode in English in a 320 px pane: the desk's words and the report's sheets, headers and names in English",
    async () => {
      const wrong = subs.find((s) => s.wrongCell)!;
      const page = await newWatchedPage(session!.browser, pageErrors, { width: 320, height: 700 });
      await openDeskOn(page, wrong.bytes, session!.server.url, "?layout=pane");
      await page.getByRole("button", { name: "Switch to English" }).click();
      await page.getByRole("button", { name: "Check (read only)" }).click();
      await page.getByRole("table", { name: /^Reported figures that differ \(1\)/ }).waitFor();
      await page.getByRole("button", { name: "Write the report to a new workbook" }).click();
      await page.getByText(/^The report was written to a new workbook \(List, Checks, By indicator\)/).waitFor();
      const created = await createdSnapshots(page);
      const checks = created[0].sheets["Checks"].cells;
      const header = ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1"].map((a) => checks[a]?.value);
      expect(header).toEqual(["File", "Municipality", "Code", "Type", "Kind", "Cell", "Target", "Severity", "Description"]);
      // What the desk shows, in English but for the workbook's own words: the municipality's name, its
      // cells (回答!G6) and the answers in them.
      const left = await japaneseLeft(page, [wrong.file.replace(/^\d+_|\.xlsx$/g, "")]);
      expect(left).toEqual([]);
      expect([...(await layoutProblems(page)), ...(await axeSeriousViolations(page))]).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  test(
    "check mode in a 320 px pane in Japanese: nothing overflows, axe finds nothing serious",
    async () => {
      const wrong = subs.find((s) => s.wrongCell)!;
      const page = await newWatchedPage(session!.browser, pageErrors, { width: 320, height: 700 });
      await openDeskOn(page, wrong.bytes, session!.server.url, "?layout=pane");
      await page.getByRole("button", { name: "確認（書き込みなし）" }).click();
      await page.getByRole("table", { name: /^記載と再計算の違い（1件）/ }).waitFor();
      expect([...(await layoutProblems(page)), ...(await axeSeriousViolations(page))]).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  test.each([
    ["ja", "ファイルを選ぶ"],
    ["en", "Choose files"],
  ])(
    "the batch in a 320 px pane (%s): nothing overflows, axe finds nothing serious; in English no Japanese but the files' own words",
    async (lang, choose) => {
      const page = await newWatchedPage(session!.browser, pageErrors, { timeout: 120_000, width: 320, height: 700 });
      await openDesk(page, session!.server.url, "?layout=pane");
      if (lang === "en") await page.getByRole("button", { name: "Switch to English" }).click();
      const chosen = [...subs.slice(0, 8), broken[0]];
      const dialog = page.waitForEvent("filechooser");
      await page.getByRole("button", { name: choose }).click();
      await (await dialog).setFiles(chosen.map((f) => join(dir, f.file)));
      await page.getByTestId("review-done").waitFor();
      // Every view of the summary opened, as a reviewer reads it.
      for (const d of await page.locator("details:not([open]) > summary").all()) await d.click();
      expect([...(await layoutProblems(page)), ...(await axeSeriousViolations(page))]).toEqual([]);
      // The files' own words: their names (the municipalities').
      if (lang === "en")
        expect(await japaneseLeft(page, chosen.map((f) => f.file.replace(/\.xlsx$/, "").replace(/^\d+_/, "")))).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  test(
    "check mode on Excel 2016 (ExcelApi 1.7): the report is downloaded as a workbook file, nothing is written",
    async () => {
      const wrong = subs.find((s) => s.wrongCell)!;
      const page = await newWatchedPage(session!.browser, pageErrors);
      await openDeskOn(page, wrong.bytes, session!.server.url, "?excelApi=1.7");
      const before = await writes(page);
      await page.getByRole("button", { name: "確認（書き込みなし）" }).click();
      await page.getByRole("table", { name: /^記載と再計算の違い（1件）/ }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "報告をファイルに保存" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`saiten-check-${RULEBOOK_ID}.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await download.path());
      expect(book.worksheets.map((w) => w.name)).toEqual(["一覧", "確認事項", "指標別"]);
      const listed: unknown[] = [];
      book.getWorksheet("確認事項")!.eachRow((row) => row.eachCell((c) => listed.push(c.value)));
      expect(listed).toContain(wrong.wrongCell);
      expect(await createdSnapshots(page)).toHaveLength(0);
      expect(await writes(page)).toEqual(before);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  test(
    "the batch: 77 submissions and 3 broken files — the pane's summary equals `saiten review --json`",
    async () => {
      const page = await newWatchedPage(session!.browser, pageErrors, { timeout: 120_000 });
      await openDesk(page, session!.server.url);
      const before = await writes(page);
      const files = [...subs, ...broken].map((f) => f.file).sort().map((f) => join(dir, f));
      // As a reviewer does it: the button opens the file dialog, and while they choose, one review
      // worker per core starts; the batch then runs on those and starts no other.
      const started: string[] = [];
      page.on("worker", (w) => started.push(w.url()));
      const cores = await page.evaluate(() => Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2)));
      const dialog = page.waitForEvent("filechooser");
      await page.getByRole("button", { name: "ファイルを選ぶ" }).click();
      const chooser = await dialog;
      for (let i = 0; i < 200 && started.length < cores; i++) await page.waitForTimeout(25);
      expect(started).toHaveLength(cores);
      expect(new Set(started).size).toBe(1);
      await chooser.setFiles(files);
      await page.getByTestId("review-done").waitFor();
      expect(started.filter((u) => u === started[0])).toHaveLength(cores);
      expect(await page.getByTestId("review-done").textContent()).toBe(
        `${cli.files.total} 件を審査しました: 採点 ${cli.files.scored} 件、読めない・採点できない ${cli.files.failed} 件。`,
      );
      expect(cli.files).toEqual({ total: 80, scored: 77, failed: 3 });
      // The third one's answer sheet is one Saiten's own reader leaves to ExcelJS.
      await expect((await XlsxReader.fromBuffer(subs[2].bytes)).read({ used: ["回答"] })).rejects.toBeInstanceOf(
        Unsupported,
      );

      // The broken ones, listed with the CLI's reasons.
      const listed = await page.getByTestId("review-failures").getByRole("listitem").allTextContents();
      expect(listed).toEqual(cli.failures.map((f) => `${f.file}: ${f.reason.ja}`));

      await page.getByRole("button", { name: "集計を新しいブックに書き出す" }).click();
      await page.getByText(/^集計を書き出しました/).waitFor();
      const created = await createdSnapshots(page);
      expect(created).toHaveLength(1);
      const paneBook = created[0];
      expect(paneBook.sheetOrder).toEqual(["一覧", "確認事項", "指標別", "市町村×指標"]);
      // Figure for figure: the CLI's JSON through the shared layout, against what the pane wrote.
      const expected = fromExcelJs(summaryWorkbook(cli)).snapshot();
      const names = ["一覧", "確認事項", "指標別"];
      expect(sheetsOf(paneBook, names)).toEqual(sheetsOf(expected, names));
      // Every mismatch the generator planted is in the CLI's list and so in the pane's.
      const planted = subs.filter((s) => s.wrongCell).map((s) => [s.file, s.wrongCell]);
      expect(cli.mismatches.map((m) => [m.file, m.cell])).toEqual(expect.arrayContaining(planted));
      // The matrix: one row per scored municipality under the two header rows, the total in column C.
      const matrix = paneBook.sheets["市町村×指標"].cells;
      expect(cli.rows.map((r, k) => matrix[`C${k + 3}`]?.value)).toEqual(cli.rows.map((r) => r.total));
      expect(paneBook.sheets["市町村×指標"].conditionalFormats.length).toBeGreaterThan(1);
      // The reviewer's own workbook was not written either: the summary went to a new one.
      expect(await writes(page)).toEqual(before);

      const glance = page.getByTestId("glance");
      const rates = cli.rows.map((r) => r.ratePercent!).filter((x) => x !== null);
      const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
      await expect(glance.textContent()).resolves.toContain(`平均得点率 ${(Math.round(mean * 10) / 10).toFixed(1)}%（${rates.length}市町村）`);
      expect(await axeSeriousViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );
});
