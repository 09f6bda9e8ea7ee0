// Shared by the browser tests: a static server for dist/web, Chromium, axe, and waiting matchers.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { Browser, chromium, Locator, Page } from "playwright-core";

export const ROOT = join(__dirname, "..", "..");
export const WEB = join(ROOT, "dist", "web");
export const CHROMIUM = "/usr/bin/chromium";

/** Fails with what to do when the build or the browser is missing. */
export function checkPrerequisites(): void {
  if (!existsSync(join(WEB, "preview.html"))) {
    throw new Error(`${join(WEB, "preview.html")} is missing: run npm run build first`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); CI installs it`,
    );
  }
}

export function launchChromium(): Promise<Browser> {
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

// A tiny static server for dist/web (127.0.0.1, random port); `mounts` serve more folders under a prefix
// (the tests' own workbooks under /books/).

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export function serveStatic(dir: string, mounts: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    let base = dir;
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (path.startsWith(`${prefix}/`)) {
        base = folder;
        path = path.slice(prefix.length);
      }
    }
    const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

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
