/**
 * The deployment package in Chromium on a closed network: the web/ folder of `npm run package:example`
 * served at /saiten/ on a local server with the headers of the package's nginx example (its
 * Content-Security-Policy included), and every request to anywhere else aborted and recorded.
 *
 * taskpane.html runs the real Office.js of the package inside a stand-in for Excel for Windows. The
 * stand-in is what Excel gives the pane's web view, reduced to what Office.js reads when it starts:
 * the host object `window.external` with GetHostInfo() ("Excel$Win32$16.01$ja-JP…", so Office.js takes
 * the Excel-for-Windows path and loads excel-win32-16.01.js and its Japanese strings from its own
 * folder) and GetContext() (application, locale, and the requirement matrix that
 * Office.context.requirements.isSetSupported answers from, set to the ExcelApi version under test).
 * Its workbook channel (Execute) answers every request with an error: there is no workbook behind it,
 * so the pane starts as it does before anything is scored (the adapter itself is tested on the
 * in-memory Excel). preview.html scores the sample workbook with the network closed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { findBundled } from "../../src/rulebooks/registry";
import { demoEntities, generateTally, tallyBuffer } from "../../dev/tally-generator/generate";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/workbook";
import { runScoring } from "../../src/app/scoring-run";
import { extractPackage, ROOT } from "../fixtures/example-package";
import { tempDir } from "../fixtures/temp-dir";
import { EXCEL_2019, LTSC_2021, type StandIn, standInExcelForWindows } from "../../dev/excel-host/stand-in";
import type { StaticServer } from "../fixtures/static-server";
import { checkChromium, chooseRulebook, gotoPreview, lastYearFileInput, newWatchedPage, serveAndLaunch, type Session } from "./helpers";

const SLOW = 300_000;
/** Where the package's web/ folder is served, as in its nginx example. */
const SITE = "/saiten";
const BASE = `${SITE}/`;

/** The headers the package's nginx example sends (one location's add_header lines). */
function exampleHeaders(nginxConf: string): Record<string, string> {
  const html = nginxConf.slice(nginxConf.indexOf("location ~"));
  const headers: Record<string, string> = {};
  for (const m of html.matchAll(/add_header ([\w-]+) "([^"]*)" always;/g)) headers[m[1]] = m[2];
  return headers;
}

interface Watch {
  /** Every request the page made, by URL. */
  requests: string[];
  /** Requests to anywhere but the test server, aborted. */
  outside: string[];
  pageErrors: string[];
  /** Content-Security-Policy violations the page reported. */
  cspViolations: string[];
}

async function openPage(
  browser: Browser,
  origin: string,
  standIn?: StandIn,
): Promise<{ page: Page; watch: Watch }> {
  const watch: Watch = { requests: [], outside: [], pageErrors: [], cspViolations: [] };
  const page = await newWatchedPage(browser, watch.pageErrors, { width: 1100, cspViolations: watch.cspViolations });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    watch.requests.push(url);
    if (url.startsWith(`${origin}/`)) return route.continue();
    watch.outside.push(url);
    return route.abort("internetdisconnected");
  });
  if (standIn) await page.addInitScript(standInExcelForWindows, standIn);
  return { page, watch };
}

/** Only the add-in's host was asked, nothing was refused by the CSP, and only known misses. */
function expectClosed(watch: Watch, served: StaticServer, origin: string) {
  expect(watch.outside).toEqual([]);
  expect(watch.requests.filter((u) => !u.startsWith(`${origin}${BASE}`))).toEqual([]);
  expect(watch.cspViolations).toEqual([]);
  // Office.js asks for its telemetry script, which the package leaves out (README-ja.md 5.).
  expect(served.missing.filter((p) => p !== `${BASE}office-js/telemetry/oteljs_agave.js`)).toEqual([]);
}

describe("the self-contained package on a closed network", () => {
  let session: Session | undefined;
  let served: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    checkChromium();
    const top = await extractPackage(tempDir("saiten-package-"));
    const headers = exampleHeaders(readFileSync(join(top, "server", "nginx-saiten.conf"), "utf8"));
    expect(headers["Content-Security-Policy"]).toMatch(/default-src 'self'/);
    session = await serveAndLaunch(join(top, "web"), { headers, base: BASE });
    ({ server: served, browser } = session);
  }, SLOW);

  afterAll(async () => {
    await session?.close();
  });

  beforeEach(() => {
    served.missing.length = 0;
  });

  test(
    "taskpane.html in a stand-in Excel for Windows (LTSC 2021, ExcelApi 1.14): Office.js from the add-in's host, nothing else from outside",
    async () => {
      const origin = served.url;
      const { page, watch } = await openPage(browser, origin, LTSC_2021);
      await page.goto(`${origin}${BASE}taskpane.html`);
      await page.getByRole("heading", { name: "採点 Saiten" }).waitFor();
      await page.getByRole("button", { name: "採点", exact: true }).waitFor();

      const office = await page.evaluate(() => {
        const o = (window as unknown as { Office: typeof Office }).Office;
        return {
          host: o.context.host,
          excelApi114: o.context.requirements.isSetSupported("ExcelApi", "1.14"),
          excelApi115: o.context.requirements.isSetSupported("ExcelApi", "1.15"),
        };
      });
      expect(office).toEqual({ host: "Excel", excelApi114: true, excelApi115: false });
      const office_js = watch.requests
        .filter((u) => /office-js\//.test(u))
        .map((u) => u.slice(origin.length));
      expect(office_js).toEqual(
        expect.arrayContaining([
          `${BASE}office-js/office.js`,
          `${BASE}office-js/excel-win32-16.01.js`,
          `${BASE}office-js/ja-jp/office_strings.js`,
        ]),
      );
      // The pane asked the workbook channel for its settings (and was told there is no workbook).
      expect(
        await page.evaluate(
          () => (window as unknown as { __standIn: { calls: number[] } }).__standIn.calls.length,
        ),
      ).toBeGreaterThan(0);
      expect(await page.getByText("この Excel では一部の機能が使えません").count()).toBe(0);
      await page.waitForTimeout(500); // late requests (telemetry, fonts) would show up here
      expectClosed(watch, served, origin);
      expect(watch.pageErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  test(
    "in a stand-in Excel 2019 (ExcelApi 1.8) the pane says what it cannot do there",
    async () => {
      const origin = served.url;
      const { page, watch } = await openPage(browser, origin, EXCEL_2019);
      await page.goto(`${origin}${BASE}taskpane.html`);
      await page.getByText("この Excel では一部の機能が使えません").waitFor();
      const items = await page.getByRole("listitem").allTextContents();
      expect(items).toEqual([expect.stringMatching(/結合セルでも警告が出ません/)]);
      await page.getByRole("button", { name: "Switch to English" }).click();
      await page.getByText("Some features are not available in this version of Excel").waitFor();
      await page.waitForTimeout(500);
      expectClosed(watch, served, origin);
      expect(watch.pageErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  test(
    "preview.html scores the sample with the network closed: the total matches the CLI",
    async () => {
      const book = await ExcelJsWorkbook.open(join(ROOT, "examples", "sample-kaigo-fy2026.xlsx"));
      const expected = (
        await runScoring(book, { rulebook: findBundled("kaigo-municipal-fy2026")!, write: false })
      ).result;
      const origin = served.url;
      const { page, watch } = await openPage(browser, origin);
      await gotoPreview(page, `${origin}${SITE}`);
      await chooseRulebook(page, /^令和8年度 .*評価指標/);
      await page.getByRole("button", { name: "採点", exact: true }).click();
      const total = page.getByRole("region", { name: "合計得点" });
      await total.waitFor();
      expect(await total.textContent()).toContain(`${expected.total.points} / ${expected.total.max}点`);
      expectClosed(watch, served, origin);
      expect(served.missing).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );
  test(
    "a national tally chosen in preview.html is read in a Web Worker of the package, within its CSP",
    async () => {
      const rb25 = findBundled("kaigo-municipal-fy2025")!;
      const file = join(tempDir("saiten-package-tally-"), "全国集計R7.xlsx");
      const entities = demoEntities(rb25, 60, 3);
      writeFileSync(file, await tallyBuffer(generateTally({ rulebook: rb25, fiscalYear: 2025, municipalities: entities })));
      const origin = served.url;
      const { page, watch } = await openPage(browser, origin);
      const workers: string[] = [];
      page.on("worker", (w) => workers.push(w.url()));
      await gotoPreview(page, `${origin}${SITE}`);
      await page.getByRole("button", { name: "採点", exact: true }).click();
      await page.getByRole("region", { name: "合計得点" }).waitFor();
      await lastYearFileInput(page).setInputFiles(file);
      await page.getByRole("heading", { name: "全国集計（2025年度）" }).waitFor();
      await page.getByText(`全国集計R7.xlsx・${entities.length}市町村`).waitFor();
      expect(workers).toEqual([expect.stringMatching(new RegExp(`^${origin}${BASE}file-reads-worker\\.[0-9a-f]{8}\\.js$`))]);
      expectClosed(watch, served, origin);
      expect(served.missing).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
      await page.close();
    },
    SLOW,
  );
});
