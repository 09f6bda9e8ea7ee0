// A workbook read through either adapter is garbage as soon as it is dropped: nothing that outlives
// the read (a hidden class, a module's cache) may point into it. Otherwise each file of a reviewer's
// batch survives the young generation's collections, is copied into the old one, and the worker pays
// for full collections (and their helper threads) that the batch never needed.
import { readFileSync } from "fs";
import { join } from "path";
import v8 from "v8";
import vm from "vm";
import { XlsxReader } from "../src/adapters/xlsx";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/workbook";
import { ANSWER_SHEET } from "../src/workbook/template";
import type { WorkbookPort } from "../src/workbook/port";

v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as (options: { type: "minor" | "major" }) => void;
const oldSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "old_space")!.space_used_size;

const sample = readFileSync(join(__dirname, "..", "examples", "sample-kaigo-fy2026.xlsx"));

/**
 * Bytes moved into the old generation by one read once the read is over: the lower quartile of `reads`,
 * as now and then something else of the process is promoted with a read (never with most of them).
 */
async function promotedPerRead(open: (data: Uint8Array) => Promise<WorkbookPort>, reads: number): Promise<number> {
  const readOnce = async () => {
    const book = await open(new Uint8Array(sample));
    const got = await book.read({ used: [ANSWER_SHEET], ranges: [`${ANSWER_SHEET}!A1:H3`] });
    if (!got.used.get(ANSWER_SHEET)?.cells.length) throw new Error("the answer sheet was not read");
  };
  for (let i = 0; i < 5; i++) await readOnce(); // code and caches settle first
  const grown: number[] = [];
  for (let i = 0; i < reads; i++) {
    // Each read starts from a collected heap, so that no collection of the whole heap (which would
    // free old garbage mid-read) and nothing a previous read left behind blurs what this one moves.
    collect({ type: "major" });
    const before = oldSpace();
    await readOnce();
    await new Promise((resolve) => setImmediate(resolve)); // streams and timers of the load are done
    // Two young collections: whatever is still reachable from outside the young generation is promoted.
    collect({ type: "minor" });
    collect({ type: "minor" });
    grown.push(oldSpace() - before);
  }
  return grown.sort((a, b) => a - b)[Math.floor(reads / 4)];
}

test("the fast reader's workbook is not kept reachable once it is dropped", async () => {
  const promoted = await promotedPerRead(async (d) => XlsxReader.open(d), 15);
  // Kept reachable, the parsed answer sheet is ~160 KB (~125 KB when only its text is); now ~1 KB.
  expect(promoted).toBeLessThan(40_000);
});

test("the ExcelJS adapter's workbook is not kept reachable once it is dropped", async () => {
  const promoted = await promotedPerRead((d) => ExcelJsWorkbook.fromBuffer(d), 9);
  // Kept reachable, the loaded book is 0.7–1.5 MB; now 30–170 KB (what ExcelJS itself keeps a while).
  expect(promoted).toBeLessThan(400_000);
});
