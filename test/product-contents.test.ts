// What ships carries no development code: the CLI's dist/ is compiled from src/ alone, and the task
// pane's pages load no chunk holding the in-memory Excel or the tally generator (the preview page
// may: it is the preview). Built by `npm test` before jest runs.
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
const WEB = join(DIST, "web");
// A sentence only the in-memory Excel holds, and the generator's own marker of generated rows.
const SIM_MARK = "The cell or chart you're trying to change is on a protected sheet";
const built = existsSync(join(DIST, "cli", "main.js")) && existsSync(join(WEB, "taskpane.html"));
const whenBuilt = built ? describe : describe.skip;
if (!built) console.warn("product-contents: skipped — run `npm run build:cli && npm run build` first");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** The scripts a page loads, and the chunks those load in turn (webpack names them in the runtime). */
function pageScripts(page: string): string[] {
  const html = readFileSync(join(WEB, page), "utf8");
  const direct = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)/g)].map((m) => m[1]).filter((s) => !/office\.js$/.test(s));
  const out = new Set<string>();
  const visit = (name: string) => {
    if (out.has(name) || !existsSync(join(WEB, name))) return;
    out.add(name);
    const text = readFileSync(join(WEB, name), "utf8");
    for (const m of text.matchAll(/"([\w.-]+\.[0-9a-f]{8}\.js)"/g)) visit(m[1]);
  };
  direct.forEach(visit);
  return [...out];
}

whenBuilt("shipped code", () => {
  test("the CLI's dist/ holds no development code", () => {
    const js = files(DIST).filter((f) => f.endsWith(".js") && !f.startsWith(WEB) && !f.includes(`${DIST}/package`));
    expect(js.length).toBeGreaterThan(50);
    expect(js.filter((f) => /office-sim|tally-generator|preview/.test(f))).toEqual([]);
    expect(js.filter((f) => readFileSync(f, "utf8").includes(SIM_MARK))).toEqual([]);
  });

  test("taskpane.html and commands.html load no chunk with the in-memory Excel; preview.html does", () => {
    const all = files(WEB).filter((f) => f.endsWith(".js"));
    const withSim = all.filter((f) => readFileSync(f, "utf8").includes(SIM_MARK)).map((f) => f.slice(WEB.length + 1));
    expect(withSim.length).toBeGreaterThan(0);
    expect(withSim.every((f) => f.startsWith("preview."))).toBe(true);
    for (const page of ["taskpane.html", "commands.html"]) expect(pageScripts(page).filter((s) => withSim.includes(s))).toEqual([]);
    expect(pageScripts("preview.html").some((s) => withSim.includes(s))).toBe(true);
  });
});
