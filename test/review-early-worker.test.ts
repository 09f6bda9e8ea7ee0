// `saiten review` starts its first worker before the CLI's own modules load (bin/saiten.js), so that
// the worker loads the review code while the main thread loads the CLI. The batch is the same; a command
// line that reviews nothing (help, a missing folder, another command) exits as it did. Run as built:
// `npm test` builds dist/ before the unit tests.
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir } from "./fixtures/temp-dir";

const root = join(__dirname, "..");
const dir = tempDir("saiten-early-worker-");
const folder = join(dir, "提出");
mkdirSync(folder);
for (const name of ["a", "b", "c"])
  copyFileSync(join(root, "examples", "sample-kaigo-fy2026.xlsx"), join(folder, `${name}.xlsx`));

// Told of each worker thread as it is made: whether the review command's module was loaded by then.
const hook = join(dir, "hook.js");
writeFileSync(
  hook,
  `const wt = require("worker_threads");
if (wt.isMainThread) {
  const Made = wt.Worker;
  const made = [];
  const command = ${JSON.stringify(join("dist", "cli", "review.js"))};
  wt.Worker = class extends Made {
    constructor(...args) {
      made.push(Object.keys(require.cache).some((f) => f.endsWith(command)));
      super(...args);
    }
  };
  process.on("exit", () => require("fs").writeFileSync(process.env.SAITEN_TEST_WORKERS, JSON.stringify(made)));
} else {
  const mb = require("v8").getHeapStatistics().heap_size_limit / 1048576;
  require("fs").appendFileSync(process.env.SAITEN_TEST_WORKERS + ".heap", mb + "\\n");
}`,
);

let runs = 0;
function saiten(...args: string[]) {
  const workers = join(dir, `workers-${runs++}.json`);
  const r = spawnSync(process.execPath, ["-r", hook, join(root, "bin", "saiten.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, SAITEN_TEST_WORKERS: workers },
    timeout: 60_000,
  });
  expect(r.signal).toBeNull(); // exited by itself
  return {
    code: r.status,
    out: r.stdout,
    err: r.stderr,
    made: JSON.parse(readFileSync(workers, "utf8")) as boolean[],
    heapMb: existsSync(`${workers}.heap`)
      ? readFileSync(`${workers}.heap`, "utf8").split("\n").filter(Boolean).map(Number)
      : [],
  };
}

test("the first worker is made before the review command loads, and reviews the batch", () => {
  for (const lead of [[], ["--lang", "en"]]) {
    const r = saiten(
      ...lead,
      "review",
      folder,
      "--rulebook",
      "kaigo-municipal-fy2026",
      "--json",
      "-",
      "--quiet",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.made).toEqual([false]);
    // V8 lets a heap whose limit is under 2 GB grow at most about 2× between full collections (4× at
    // 2 GB and over): under 1.5 GB a worker made 44 full collections of 1,741 files instead of 16, and
    // compiled its hot code again after each.
    expect(r.heapMb).toHaveLength(1);
    expect(r.heapMb[0]).toBeGreaterThanOrEqual(2048);
    const summary = JSON.parse(r.out) as { files: { total: number; scored: number }; rows: unknown[] };
    expect(summary.files).toEqual({ total: 3, scored: 3, failed: 0 });
  }
});

test("a command line that reviews nothing exits as it did, early worker or not", () => {
  const help = saiten("review", "--help");
  expect([help.code, help.made]).toEqual([0, []]);
  expect(help.out).toMatch(/--rulebook/);

  const missing = saiten("review", join(dir, "無い"), "--rulebook", "kaigo-municipal-fy2026");
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/無い/);
  // Started at once, never given a file, and no reason for the command to wait.
  expect(missing.made).toEqual([false]);

  const other = saiten("rulebooks");
  expect([other.code, other.made]).toEqual([0, []]);
});
