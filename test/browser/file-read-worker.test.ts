/**
 * A national tally of 1,741 municipalities (the generator's, in the documented layout with its 1,200
 * formatting-only columns) chosen as last year's file in the built preview (dist/web/preview.html) in
 * Chromium: it is read in a Web Worker, so the page logs no long task over 200 ms (PerformanceObserver
 * 'longtask') while it reads and scores again; the pane shows how far the read has come with its
 * buttons disabled, and a read can be stopped, leaving the pane as it was.
 * A read that logs a long task is done once more in a fresh page, and the test fails only if that one
 * logs one too: work of ours on the page's thread shows up every time, while a pause of the whole
 * browser by a busy machine does not (CI once logged a single 235 ms task where runs here log none
 * over 50 ms, with or without two other processes keeping both cores busy).
 * The page is served with the deployment's Content-Security-Policy (deploy/csp.txt), which the worker
 * has to pass too.
 *
 *   npm run build && npx jest test/browser/file-read-worker.test.ts
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { findBundled } from "../../src/rulebooks/registry";
import { demoEntities, generateTally, tallyBuffer } from "../../dev/tally-generator/generate";
import { createTemplateWorkbook } from "../../src/adapters/exceljs/template-xlsx";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/workbook";
import { runScoring } from "../../src/app/scoring-run";
import {
  checkPrerequisites,
  gotoPreview,
  lastYearFileInput,
  newWatchedPage,
  ROOT,
  serveAndLaunch,
  type Session,
  WEB,
} from "./helpers";

const SLOW = 300_000;
const ROWS = 1741;
const LONG_TASK_MS = 200;

interface Watch {
  /** Long tasks (ms) since the observer started. */
  longTasks: number[];
  /** Each text the pane's live regions said, with whether 採点 was disabled at that moment. */
  said: { text: string; scoreDisabled: boolean }[];
}

/** Starts recording long tasks and live-region texts in the page. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w: Watch = { longTasks: [], said: [] };
    (window as unknown as { __watch: Watch }).__watch = w;
    const longTasks = new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => w.longTasks.push(e.duration)),
    );
    longTasks.observe({ type: "longtask" });
    (window as unknown as { __longTasks: PerformanceObserver }).__longTasks = longTasks;
    const scoreButton = () =>
      Array.from(document.querySelectorAll("button")).find((b) => b.textContent?.trim() === "採点");
    new MutationObserver(() => {
      for (const el of Array.from(document.querySelectorAll('[role="status"]'))) {
        const text = el.textContent ?? "";
        if (text && w.said[w.said.length - 1]?.text !== text)
          w.said.push({ text, scoreDisabled: scoreButton()?.disabled ?? false });
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * What the page said and logged so far, with the long tasks not yet handed to the observer's callback
 * (they are delivered after the task, so the last one could be missed).
 */
const watched = (page: Page) =>
  page.evaluate(async () => {
    const seen = window as unknown as { __watch: Watch; __longTasks: PerformanceObserver };
    await new Promise((done) => setTimeout(done, 0));
    seen.__longTasks.takeRecords().forEach((e) => seen.__watch.longTasks.push(e.duration));
    return seen.__watch;
  });

/**
 * Waits until the pane (the preview's <main>) shows `text` and 採点 is enabled again, with a cheap
 * check every 250 ms: Playwright's role and text locators walk the whole page (the preview's sheet
 * view included) on every poll, in the page's own thread, and would show up as long tasks themselves.
 */
async function paneShows(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => {
      const pane = document.querySelector("main");
      const score = Array.from(pane?.querySelectorAll("button") ?? []).find(
        (b) => b.textContent?.trim() === "採点",
      );
      return !!pane?.textContent?.includes(t) && !!score && !score.disabled;
    },
    text,
    { polling: 250, timeout: 120_000 },
  );
}

describe("reading a chosen file in a Web Worker", () => {
  let session: Session | undefined;
  let tallyFile: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    const rb25 = findBundled("kaigo-municipal-fy2025")!;
    const entities = demoEntities(rb25, ROWS, 9);
    tallyFile = join(mkdtempSync(join(tmpdir(), "saiten-worker-")), "全国集計R7.xlsx");
    writeFileSync(
      tallyFile,
      await tallyBuffer(generateTally({ rulebook: rb25, fiscalYear: 2025, municipalities: entities })),
    );
    const csp = readFileSync(join(ROOT, "deploy", "csp.txt"), "utf8").trim();
    session = await serveAndLaunch(WEB, { headers: { "Content-Security-Policy": csp } });
  }, SLOW);

  afterAll(async () => {
    await session?.close();
  });

  /** The preview, scored once (last year's file is chosen in the results view). */
  async function scoredPreview(): Promise<Page> {
    // A refusal by the CSP counts as an error of the page here.
    const page = await newWatchedPage(session!.browser, pageErrors, {
      timeout: 60_000,
      cspViolations: pageErrors,
    });
    await gotoPreview(page, session!.server.url);
    await page.getByRole("button", { name: "採点", exact: true }).click();
    await page.getByRole("region", { name: "合計得点" }).waitFor();
    await page.getByRole("button", { name: "前年度のブック・全国集計を選ぶ" }).waitFor();
    return page;
  }

  /**
   * Scores the preview in a fresh page, watches it and runs `read` there; again in another fresh page
   * if the first logged a long task over LONG_TASK_MS (see the file's comment). Returns what the page
   * of the last attempt said and logged.
   */
  async function watchedRead(what: string, read: (page: Page) => Promise<void>): Promise<Watch> {
    for (let attempt = 1; ; attempt++) {
      const page = await scoredPreview();
      await watch(page);
      const started = Date.now();
      await read(page);
      const w = await watched(page);
      await page.close();
      const long = w.longTasks.filter((ms) => ms > LONG_TASK_MS);
      console.log(
        `${what} (attempt ${attempt}): ${Date.now() - started} ms; long tasks ${JSON.stringify(w.longTasks.map(Math.round))}`,
      );
      if (long.length === 0 || attempt === 2) return w;
    }
  }

  test(
    `a ${ROWS}-row tally: no long task over ${LONG_TASK_MS} ms, progress shown, buttons disabled while it reads`,
    async () => {
      const w = await watchedRead(`worker read of ${ROWS} rows, scored again`, async (page) => {
        await lastYearFileInput(page).setInputFiles(tallyFile);
        // Read, listed and scored again with it.
        await paneShows(page, `全国集計R7.xlsx・${ROWS.toLocaleString("ja-JP")}市町村`);
        await page.waitForTimeout(300);
        await page.getByRole("heading", { name: "全国集計（2025年度）" }).waitFor();
      });

      const rows = w.said.filter((s) => /行を読みました/.test(s.text));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((s) => s.scoreDisabled)).toBe(true);
      expect(w.said.map((s) => s.text)).toContainEqual(expect.stringMatching(/^1,741行を読みました/));
      expect(w.longTasks.filter((ms) => ms > LONG_TASK_MS)).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    SLOW,
  );

  test(
    "stopping a read: the worker ends, the pane says so and is as it was",
    async () => {
      const page = await scoredPreview();
      const total = await page.getByRole("region", { name: "合計得点" }).textContent();
      await lastYearFileInput(page).setInputFiles(tallyFile);
      const stop = page.getByRole("button", { name: "読み込みを中止" });
      await stop.waitFor();
      // The button that stops the read has the focus (the one that chose the file is disabled).
      expect(await stop.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.getByRole("button", { name: "採点", exact: true }).isDisabled()).toBe(true);
      await stop.click();
      await page.getByText("全国集計R7.xlsx の読み込みを中止しました。前の状態のままです。").waitFor();
      expect(await stop.count()).toBe(0);
      expect(await page.getByRole("button", { name: "採点", exact: true }).isEnabled()).toBe(true);
      // Nothing of the tally arrived, even later.
      await page.waitForTimeout(3000);
      expect(await page.getByRole("heading", { name: "全国集計（2025年度）" }).count()).toBe(0);
      expect(await page.getByRole("region", { name: "合計得点" }).textContent()).toBe(total);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );
  test(
    "last year's answer workbook is opened and scored in the worker too",
    async () => {
      // FY2025's template with every answer ○: scored here on the CLI side for the expected total.
      const rb25 = findBundled("kaigo-municipal-fy2025")!;
      const book = createTemplateWorkbook(rb25);
      book.getWorksheet("回答")!.eachRow((row, r) => {
        if (r > 5) row.getCell(5).value = "○";
      });
      const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
      const file = join(mkdtempSync(join(tmpdir(), "saiten-worker-")), "R7回答.xlsx");
      writeFileSync(file, bytes);
      const expected = (
        await runScoring(await ExcelJsWorkbook.fromBuffer(bytes), { rulebook: rb25, write: false })
      ).result;
      expect(expected.total.points).toBeGreaterThan(0);

      let workers: string[] = [];
      const w = await watchedRead("last year's answer workbook read in the worker", async (page) => {
        workers = [];
        page.on("worker", (worker) => workers.push(worker.url()));
        await lastYearFileInput(page).setInputFiles(file);
        await paneShows(
          page,
          `前年度のブック「R7回答.xlsx」（${expected.total.points}点）を読み込み、比較しました。`,
        );
      });
      expect(workers).toEqual([expect.stringMatching(/\/file-reads-worker\.[0-9a-f]{8}\.js$/)]);
      expect(w.said.map((x) => x.text)).toContainEqual(
        expect.stringMatching(/^前年度の回答を採点しています/),
      );
      expect(w.longTasks.filter((ms) => ms > LONG_TASK_MS)).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    SLOW,
  );
});
