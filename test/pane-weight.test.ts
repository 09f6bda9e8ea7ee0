// The task pane's first download: the scripts taskpane.html loads at start (Office.js aside), gzipped,
// stay within 250 KB, and carry neither the bundled rulebooks (each is a chunk of its own, loaded when
// chosen) nor zod (the build validated the bundled rulebooks). Built by `npm test` before jest runs;
// `npm run bench:addin` prints the figure and the time to the first paint.
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { BUNDLED_INDEX } from "../src/rulebooks/bundled/catalogue";

const WEB = join(__dirname, "..", "dist", "web");
const LIMIT_KB = 250;
/** Every bundled rulebook file starts so, as JSON inside its chunk; code never writes it so. */
const RULEBOOK_DATA = '"format":"saiten.rulebook/1"';
/** zod's error class, in any build of it. */
const ZOD = "ZodError";

const built = existsSync(join(WEB, "taskpane.html"));
const whenBuilt = built ? describe : describe.skip;
if (!built) console.warn("pane-weight: skipped — run `npm run build` first");

/** The scripts a page loads at start, by the page's own <script src> (Office.js left out). */
function startScripts(page: string): string[] {
  const html = readFileSync(join(WEB, page), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src) && !/(^|\/)office-js\//.test(src));
}

whenBuilt("the task pane's first download", () => {
  const scripts = startScripts("taskpane.html");
  const text = (f: string) => readFileSync(join(WEB, f), "utf8");

  test(`is at most ${LIMIT_KB} KB gzipped`, () => {
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(join(WEB, f)), { level: 9 }).length, 0);
    console.log(`taskpane.html loads ${scripts.join(", ")} at start: ${(bytes / 1024).toFixed(1)} KB gzipped`);
    expect(bytes / 1024).toBeLessThanOrEqual(LIMIT_KB);
  });

  test("carries no rulebook data and no zod; each rulebook is a chunk of its own", () => {
    for (const f of scripts) {
      expect([f, text(f).includes(RULEBOOK_DATA)]).toEqual([f, false]);
      expect([f, text(f).includes(ZOD)]).toEqual([f, false]);
    }
    const chunks = readdirSync(WEB).filter((f) => f.startsWith("rulebook-") && f.endsWith(".js"));
    expect(chunks.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, "")).sort()).toEqual(
      BUNDLED_INDEX.map((e) => `rulebook-${e.id}`).sort(),
    );
    for (const f of chunks) expect([f, text(f).includes(RULEBOOK_DATA)]).toEqual([f, true]);
  });
});
