// Shared by the browser tests: Chromium beside the static server, opening pages, axe, and waiting matchers.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Browser, chromium, Locator, Page } from "playwright-core";
import { type ServeOptions, serveStatic, type StaticServer } from "../fixtures/static-server";

export const ROOT = join(__dirname, "..", "..");
export const WEB = join(ROOT, "dist", "web");
export const CHROMIUM = "/usr/bin/chromium";

/** Fails with what to do when the build or the browser is missing. */
export function checkPrerequisites(): void {
  if (!existsSync(join(WEB, "preview.html"))) {
    throw new Error(`${join(WEB, "preview.html")} is missing: run npm run build first`);
  }
  checkChromium();
}

/** Fails with what to do when Debian's Chromium is missing. */
export function checkChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); CI installs it`,
    );
  }
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

// ---------------------------------------------------------------------------------------------------
// The served folder and Chromium, started together and closed together.

export interface Session {
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves `dir` (see serveStatic) and launches Chromium. */
export async function serveAndLaunch(dir: string, options?: ServeOptions): Promise<Session> {
  const server = await serveStatic(dir, options);
  const browser = await launchChromium().catch(async (e: unknown) => {
    await server.close();
    throw e;
  });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Pages.

export interface PageOptions {
  width?: number;
  height?: number;
  locale?: string;
  /** Playwright's default timeout for the page's actions and waits (ms). */
  timeout?: number;
  /** Where the Content-Security-Policy refusals the page logs go (not recorded without it). */
  cspViolations?: string[];
}

/** A new page (1280 × 900, ja-JP unless told) whose uncaught errors are pushed to `pageErrors`. */
export async function newWatchedPage(browser: Browser, pageErrors: string[], options: PageOptions = {}): Promise<Page> {
  const { width = 1280, height = 900, locale = "ja-JP", timeout = 30_000, cspViolations } = options;
  const page = await browser.newPage({ viewport: { width, height }, locale });
  page.setDefaultTimeout(timeout);
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  if (cspViolations) {
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  }
  return page;
}

/** Opens preview.html (`query` begins with "?") and waits until the preview is up. */
export async function gotoPreview(page: Page, url: string, query = ""): Promise<void> {
  await page.goto(`${url}/preview.html${query}`);
  await page.waitForFunction(() => "saitenPreview" in window);
}

/** Chooses the rulebook whose option matches `name` in the pane's picker; returns the picker. */
export async function chooseRulebook(page: Page, name: RegExp): Promise<Locator> {
  const picker = page.getByRole("combobox", { name: "ルールブック（年度）" });
  await picker.click();
  await page.getByRole("option", { name }).click();
  return picker;
}

/** The pane's file input for last year's workbook or a national tally. */
export const lastYearFileInput = (page: Page): Locator =>
  page.locator('input[type="file"][accept=".xlsx,.xlsm,.json"]');

// ---------------------------------------------------------------------------------------------------
// axe-core in the page.

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export async function axeSeriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  }
  // Colours are judged at rest: a button that was just enabled fades in, and a contrast measured
  // mid-transition is not what the clerk reads.
  // (Endless ones, such as a spinner's, are not waited for.)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
  const violations: AxeViolation[] = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

// ---------------------------------------------------------------------------------------------------
// Small waiting matchers (jest's expect does not wait; Playwright's locators do).

declare global {
  namespace jest {
    interface Matchers<R> {
      toHaveText(text: string): Promise<R>;
      toHaveValue(value: string): Promise<R>;
      toHaveTextOrValue(re: RegExp): Promise<R>;
      toHaveCount(n: number): Promise<R>;
      toBeHiddenSoon(): Promise<R>;
    }
  }
}

/** Polls `read` until `ok` or 30 s. */
async function poll<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  ms = 30_000,
): Promise<{ pass: boolean; last: T }> {
  const until = Date.now() + ms;
  let last = await read();
  while (!ok(last) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return { pass: ok(last), last };
}

const result = (pass: boolean, what: string) => ({ pass, message: () => what });

expect.extend({
  async toHaveText(loc: Locator, text: string) {
    const { pass, last } = await poll(
      async () => ((await loc.textContent()) ?? "").trim(),
      (v) => v === text,
    );
    return result(pass, `expected text ${JSON.stringify(text)}, got ${JSON.stringify(last)}`);
  },
  async toHaveValue(loc: Locator, value: string) {
    const { pass, last } = await poll(
      () => loc.inputValue(),
      (v) => v === value,
    );
    return result(pass, `expected value ${JSON.stringify(value)}, got ${JSON.stringify(last)}`);
  },
  async toHaveTextOrValue(loc: Locator, re: RegExp) {
    const read = async () =>
      loc.evaluate((el) => (el instanceof HTMLInputElement ? el.value : (el.textContent ?? "")));
    const { pass, last } = await poll(read, (v) => re.test(v));
    return result(pass, `expected ${re}, got ${JSON.stringify(last)}`);
  },
  async toHaveCount(loc: Locator, n: number) {
    const { pass, last } = await poll(
      () => loc.count(),
      (v) => v === n,
    );
    return result(pass, `expected ${n} elements, got ${last}`);
  },
  async toBeHiddenSoon(loc: Locator) {
    const { pass } = await poll(
      () => loc.isVisible(),
      (v) => !v,
    );
    return result(pass, "expected the element to disappear");
  },
});

/** The workbook's own words an English pane still shows: answers (○ ×, ア イ, ア①…), sheet names, and the
 *  grants' names 推進 / 支援 that the rulebook's English keeps. */
const WORKBOOK_WORDS = "[○×]|回答|採点結果|推進|支援|[ア-ン][①-⑳]?(?=$|[\\s,、)）])";

/**
 * The texts of the page a reader sees (text, and aria-label, title and placeholder) that hold Japanese
 * beyond the workbook's own words and `own` (names the files give, such as their municipalities'). Text
 * written in Japanese on purpose (lang="ja": the switch that names 日本語) and hidden text are left out.
 */
export async function japaneseLeft(page: Page, own: readonly string[] = []): Promise<string[]> {
  const texts: string[] = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("script, style") || el.closest("[lang]")?.getAttribute("lang") === "ja") continue;
      if (el.closest("[hidden], details:not([open])")) continue;
      const text = (n.textContent ?? "").trim();
      if (text) out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll("[aria-label], [title], [placeholder]"))) {
      if (el.closest("[lang]")?.getAttribute("lang") === "ja") continue;
      for (const a of ["aria-label", "title", "placeholder"]) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
  const escaped = own.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const allowed = new RegExp([WORKBOOK_WORDS, ...escaped].join("|"), "g");
  return [...new Set(texts.filter((t) => /[\u3040-\u30ff\u3400-\u9fff]/.test(t.replace(allowed, ""))))];
}

/**
 * What a narrow pane lays out badly: the page wider than the window, a box whose content runs out of it
 * (a figure that cannot wrap in a cell too narrow for it), a tab label broken over lines.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      const wide = Array.from(document.querySelectorAll("body *"))
        .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
        .slice(-3)
        .map((el) => `${el.tagName.toLowerCase()}.${(el.textContent ?? "").slice(0, 30)}`);
      out.push(`page ${doc.scrollWidth}px wide in ${doc.clientWidth}px: ${wide.join(" | ")}`);
    }
    // A box whose content runs out of it (a figure that cannot wrap in a cell too narrow for it).
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const cs = getComputedStyle(el);
      if (cs.display.startsWith("inline") || cs.display === "contents" || cs.overflowX !== "visible") continue;
      if (el.clientWidth === 0 || !(el.textContent ?? "").trim()) continue;
      if (el.closest('[role="dialog"], [role="alertdialog"], [role="listbox"]')) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.tagName.toLowerCase()} 「${(el.textContent ?? "").slice(0, 40)}」 ${el.scrollWidth}px in ${el.clientWidth}px`);
    }
    for (const tab of Array.from(document.querySelectorAll('[role="tab"]'))) {
      const range = document.createRange();
      range.selectNodeContents(tab);
      const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      if (tops.size > 1) out.push(`tab 「${tab.textContent}」 on ${tops.size} lines`);
    }
    return out;
  });
}
