// The bundled rulebooks are validated when the product is built, not when the pane starts: the
// webpack loader (scripts/rulebook-check-loader.js) runs the product's validation over every file and
// compares each with its entry in the index the pane carries. Here: every file passes that check, the
// check refuses what it should, and the index, the loaders and the CLI's documents are the same files.
import { checkRulebook } from "../src/rulebooks/validate";
import { bundledDocuments } from "../src/rulebooks/bundled";
import { BUNDLED_INDEX, type BundledRulebookInfo } from "../src/rulebooks/bundled/catalogue";
import { BUNDLED_LOADERS } from "../src/rulebooks/bundled/loaders";
import { bundledIndex, loadBundled } from "../src/rulebooks/load-bundled";
import { bundledRulebooks, findBundled } from "../src/rulebooks/registry";
import type { Group, Indicator, Rulebook } from "../src/rulebooks/schema";

interface CheckLoader {
  bundledProblems(
    doc: unknown,
    file: string,
    product: { checkRulebook: typeof checkRulebook; index: readonly BundledRulebookInfo[] },
  ): string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own loader (CommonJS)
const { bundledProblems } = require("../scripts/rulebook-check-loader") as CheckLoader;
const product = { checkRulebook, index: BUNDLED_INDEX };
const docs = bundledDocuments() as Rulebook[];

test.each(docs.map((d) => [d.id, d] as const))("%s passes the build's check", (_id, doc) => {
  expect(bundledProblems(doc, `${doc.id}.json`, product)).toEqual([]);
  const res = checkRulebook(doc);
  expect(res.problems.filter((p) => p.severity === "error")).toEqual([]);
  // Used unparsed at run time: parsing changes nothing.
  expect(res.rulebook).toEqual(doc);
});

describe("the build's check refuses", () => {
  const fy2026 = JSON.parse(JSON.stringify(findBundled("kaigo-municipal-fy2026"))) as Rulebook;

  test("a file the schema refuses, naming the place", () => {
    const broken = { ...fy2026, root: { ...fy2026.root, children: [{ ...fy2026.root.children[0], kind: "nonsense" }] } };
    const problems = bundledProblems(broken, "kaigo-municipal-fy2026.json", product);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^kaigo-municipal-fy2026\.json: root\.children\[0\]/);
  });

  test("a file the later checks refuse (an indicator requiring one that does not exist)", () => {
    const doc = JSON.parse(JSON.stringify(fy2026)) as Rulebook;
    const walk = (n: Group): Indicator | undefined => {
      for (const c of n.children) {
        const found = c.kind === "group" ? walk(c) : c;
        if (found) return found;
      }
      return undefined;
    };
    walk(doc.root)!.requires = ["NO_SUCH_INDICATOR"];
    expect(bundledProblems(doc, "x.json", product).join("\n")).toMatch(/NO_SUCH_INDICATOR/);
  });

  test("a file whose index entry says another maximum or title", () => {
    expect(bundledProblems({ ...fy2026, root: { ...fy2026.root, max: 799 } }, "x.json", product)).toEqual([
      expect.stringMatching(/entry in src\/rulebooks\/bundled\/catalogue\.ts differs/),
    ]);
    expect(bundledProblems({ ...fy2026, title: { ja: "別の題" } }, "x.json", product)).toEqual([
      expect.stringMatching(/differs/),
    ]);
  });

  test("a file the index does not list", () => {
    expect(bundledProblems({ ...fy2026, id: "kaigo-municipal-fy2099" }, "x.json", product)).toEqual([
      expect.stringMatching(/"kaigo-municipal-fy2099" is not in src\/rulebooks\/bundled\/catalogue\.ts/),
    ]);
  });
});

test("the index, the loaders and the CLI's documents list the same rulebooks in the same order", () => {
  const ids = docs.map((d) => d.id);
  expect(BUNDLED_INDEX.map((e) => e.id)).toEqual(ids);
  expect(bundledIndex().map((e) => e.id)).toEqual(ids);
  expect(Object.keys(BUNDLED_LOADERS)).toEqual(ids);
  expect(bundledRulebooks().map((r) => r.id)).toEqual(ids);
});

test("each rulebook loaded on demand is the very document the CLI reads", async () => {
  for (const { id } of BUNDLED_INDEX) {
    const rb = await loadBundled(id);
    expect(rb?.id).toBe(id);
    expect(rb).toBe(findBundled(id));
  }
  expect(await loadBundled("no-such-rulebook")).toBeUndefined();
  expect(await loadBundled("constructor")).toBeUndefined();
  // Ids come from workbooks too: only a bundled file's own id finds it.
  expect(findBundled("no-such-rulebook")).toBeUndefined();
  expect(findBundled("constructor")).toBeUndefined();
  expect(findBundled("__proto__")).toBeUndefined();
});
