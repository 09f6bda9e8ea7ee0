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
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { Browser, chromium, Page } from "playwright-core";
import { findBundled } from "../../src/rulebooks/registry";
import { demoEntities, generateTally, tallyBuffer } from "../../dev/tally-generator/generate";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/workbook";
import { runScoring } from "../../src/app/scoring-run";
import { extractPackage, ROOT } from "../fixtures/example-package";
import { tempDir } from "../fixtures/temp-dir";
import { EXCEL_2019, LTSC_2021, type StandIn, standInExcelForWindows } from "../../dev/excel-host/stand-in";

const CHROMIUM = "/usr/bin/chromium";
const SLOW = 300_000;
const BASE = "/saiten/";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The headers the package's nginx example sends (one location's add_header lines). */
function exampleHeaders(nginxConf: string): Record<string, string> {
  const html = nginxConf.slice(nginxConf.indexOf("location ~"));
  const headers: Record<string, string> = {};
  for (const m of html.matchAll(/add_header ([\w-]+) "([^"]*)" always;/g)) headers[m[1]] = m[2];
  return headers;
}

interface Served {
  origin: string;
  /** Paths asked for that do not exist, in order. */
  missing: string[];
  close(): Promise<void>;
}

function serve(web: string, headers: Record<string, string>): Promise<Served> {
  const missing: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.startsWith(BASE) ? normalize(join(web, path.slice(BASE.length))) : "";
    if (!file.startsWith(web + sep) || !existsSync(file) || !statSync(file).isFile()) {
      missing.push(path);
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, { ...headers, "content-type": type }).end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        missing,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
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
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: "ja-JP" });
  page.setDefaultTimeout(30_000);
  await page.route("**/*", (route) => {
    const url = route.request().url();
    watch.requests.push(url);
    if (url.startsWith(`${origin}/`)) return route.continue();
    watch.outside.push(url);
    return route.abort("internetdisconnected");
  });
  page.on("pageerror", (e) => watch.pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) watch.cspViolations.push(m.text());
  });
  if (standIn) await page.addInitScript(standInExcelForWindows, standIn);
  return { page, watch };
}

/** Only the add-in's host was asked, nothing was refused by the CSP, and only known misses. */
function expectClosed(watch: Watch, served: Served, origin: string) {
  expect(watch.outside).toEqual([]);
  expect(watch.requests.filter((u) => !u.startsWith(`${origin}${BASE}`))).toEqual([]);
  expect(watch.cspViolations).toEqual([]);
  // Office.js asks for its telemetry script, which the package leaves out (README-ja.md 5.).
  expect(served.missing.filter((p) => p !== `${BASE}office-js/telemetry/oteljs_agave.js`)).toEqual([]);
}

describe("the self-contained package on a closed network", () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); CI installs it`,
      );
    const top = await extractPackage(tempDir("saiten-package-"));
    const headers = exampleHeaders(readFileSync(join(top, "server", "nginx-saiten.conf"), "utf8"));
    expect(headers["Content-Security-Policy"]).toMatch(/default-src 'self'/);
    served = await serve(join(top, "web"), headers);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  beforeEach(() => {
    served.missing.length = 0;
  });

  test(
    "taskpane.html in a stand-in Excel for Windows (LTSC 2021, ExcelApi 1.14): Office.js from the add-in's host, nothing else from outside",
    async () => {
      const { origin } = served;
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
      const { origin } = served;
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
      const { origin } = served;
      const { page, watch } = await openPage(browser, origin);
      await page.goto(`${origin}${BASE}preview.html`);
      await page.waitForFunction(() => "saitenPreview" in window);
      const picker = page.getByRole("combobox", { name: "ルールブック（年度）" });
      await picker.click();
      await page.getByRole("option", { name: /^令和8年度 .*評価指標/ }).click();
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
      const { origin } = served;
      const { page, watch } = await openPage(browser, origin);
      const workers: string[] = [];
      page.on("worker", (w) => workers.push(w.url()));
      await page.goto(`${origin}${BASE}preview.html`);
      await page.waitForFunction(() => "saitenPreview" in window);
      await page.getByRole("button", { name: "採点", exact: true }).click();
      await page.getByRole("region", { name: "合計得点" }).waitFor();
      await page.locator('input[type="file"][accept=".xlsx,.xlsm,.json"]').setInputFiles(file);
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
