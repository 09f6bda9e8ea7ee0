// A workbook read through either adapter is garbage as soon as it is dropped: nothing that outlives
// the read (a hidden class, a module's cache) may point into it. Otherwise each file of a reviewer's
// batch survives the young generation's collections, is copied into the old one, and the worker pays
// for full collections (and their helper threads) that the batch never needed.
//
// Measured in a process of its own, started the same way every time: in the test runner's process the
// heap that other test files left (and a full collection under way in it) decides what a young
// collection promotes, and this test once failed on a machine where it passed everywhere else.
import { spawnSync } from "child_process";
import { join } from "path";

const root = join(__dirname, "..");

/** What the child runs: the sources compiled as they are required, the way jest compiles them. */
const probe = `
const fs = require("fs");
const v8 = require("v8");
const swc = require("@swc/core");
require.extensions[".ts"] = (m, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    jsc: { target: "es2022", parser: { syntax: "typescript" } },
    module: { type: "commonjs" },
  });
  m._compile(code, filename);
};
const [adapter, reads] = process.argv.slice(1);
// What a review worker holds before it reads a book: the rulebooks, compiled. In a nearly empty heap V8
// promotes 300–500 KB of any read's garbage however little outlives it (an ExcelJS read, with the
// book kept by nothing: the same with unrelated modules such as lodash loaded first, or 5 MB of plain
// objects), which would hide what this looks for.
const { bundledRulebooks } = require("./src/rulebooks/registry");
const { compile } = require("./src/engine/compile");
globalThis.heldByTheWorker = bundledRulebooks().map((rb) => compile(rb));
const { XlsxReader } = require("./src/adapters/xlsx");
const { ExcelJsWorkbook } = require("./src/adapters/exceljs/workbook");
const { ANSWER_SHEET } = require("./src/workbook/template");
const open = adapter === "fast" ? async (d) => XlsxReader.open(d) : (d) => ExcelJsWorkbook.fromBuffer(d);
const sample = fs.readFileSync("examples/sample-kaigo-fy2026.xlsx");
const oldSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "old_space").space_used_size;
const readOnce = async () => {
  const book = await open(new Uint8Array(sample));
  const got = await book.read({ used: [ANSWER_SHEET], ranges: [ANSWER_SHEET + "!A1:H3"] });
  if (!got.used.get(ANSWER_SHEET)?.cells.length) throw new Error("the answer sheet was not read");
};
(async () => {
  for (let i = 0; i < 5; i++) await readOnce(); // code and caches settle first
  const grown = [];
  for (let i = 0; i < Number(reads); i++) {
    // A young collection first, so that nothing a previous read left there is promoted with this one.
    // Not a full one: after a full collection every read here moved 150–350 KB into the old generation
    // with nothing kept (what V8 makes again after one, not the workbook), hiding what this looks for.
    gc({ type: "minor" });
    const before = oldSpace();
    await readOnce();
    await new Promise((resolve) => setImmediate(resolve)); // streams and timers of the load are done
    // Two young collections: whatever is still reachable from outside the young generation is promoted.
    gc({ type: "minor" });
    gc({ type: "minor" });
    grown.push(oldSpace() - before);
  }
  process.stdout.write(JSON.stringify(grown));
})();
`;

/**
 * Bytes moved into the old generation by one read once the read is over: the lower quartile of `reads`,
 * as now and then something else is promoted with a read (code compiled as the reader warms up).
 */
function promotedPerRead(adapter: "fast" | "exceljs", reads: number): number {
  // A young generation large enough that no collection falls inside a read (which would promote what
  // the read still holds). No allocation-site pretenuring: where V8 decides, from the collections of the
  // warm-up reads, to allocate a site's objects straight in the old generation, every read grows it by
  // ~150 KB with nothing kept (seen when the rulebooks came to be read at a later point of the setup:
  // ~0.7 KB again with the flag, ~160 KB with the book kept on purpose).
  const flags = [
    "--expose-gc",
    "--min-semi-space-size=16",
    "--max-semi-space-size=16",
    "--no-allocation-site-pretenuring",
  ];
  const r = spawnSync(process.execPath, [...flags, "-e", probe, adapter, String(reads)], {
    cwd: root,
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  const grown = JSON.parse(r.stdout) as number[];
  expect(grown).toHaveLength(reads);
  return grown.sort((a, b) => a - b)[Math.floor(reads / 4)];
}

test("the fast reader's workbook is not kept reachable once it is dropped", () => {
  const promoted = promotedPerRead("fast", 15);
  // Kept reachable, the parsed answer sheet is ~160 KB (~125 KB when only its text is); now ~1 KB.
  expect(promoted).toBeLessThan(40_000);
});

test("the ExcelJS adapter's workbook is not kept reachable once it is dropped", () => {
  const promoted = promotedPerRead("exceljs", 9);
  // Kept reachable, the loaded book is 0.7–1.5 MB; now 30–170 KB (what ExcelJS itself keeps a while).
  expect(promoted).toBeLessThan(400_000);
});
