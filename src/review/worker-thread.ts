// Starting a reviewer's worker thread, and starting the first one early: `saiten review` asks for it
// before the command's own modules load (bin/saiten.js), so that the worker loads the review code
// (about 0.15 s) while the main thread loads the CLI, instead of after it. Imports nothing of Saiten's.
import { join } from "path";
import { Worker } from "worker_threads";

/**
 * Heap of one worker: a file within the limits needs far less; past this a worker stops alone. Not less
 * than 2 GB: V8 lets a heap with a smaller limit grow only about 2× between full collections (4× from
 * 2 GB), and at 1.5 GB a worker made 44 full collections over 1,741 files instead of 16, compiling its
 * hot code again after each.
 */
const WORKER_HEAP_MB = 2048;

/** What a review worker is started with; its batch's context comes in its first message. */
export interface WorkerStart {
  saitenReview: 1;
}

export function workerScript(): string {
  return join(__dirname, "worker.js");
}

export function startWorker(script: string): Worker {
  return new Worker(script, {
    workerData: { saitenReview: 1 } satisfies WorkerStart,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
}

let early: { worker: Worker; script: string; exited: boolean } | undefined;

/**
 * Starts the first worker of a `saiten review` command line now. It keeps nothing alive: a command
 * that ends without reviewing (bad arguments, no files, --help) exits as it would have.
 * @public bin/saiten.js calls it (compiled, from dist/), before it loads the CLI.
 */
export function startEarly(argv: readonly string[]): void {
  if (early || commandOf(argv) !== "review" || argv.includes("--help") || argv.includes("-h")) return;
  const script = workerScript();
  let worker: Worker;
  try {
    worker = startWorker(script);
  } catch {
    return; // started again, and its failure reported, when the batch needs it
  }
  const started = { worker, script, exited: false };
  worker.once("exit", () => (started.exited = true));
  // A worker that fails to start says so to the batch that takes it, never on its own.
  worker.on("error", () => undefined);
  worker.unref();
  early = started;
}

/** The command a command line runs: its first word that is neither an option nor --lang's value. */
function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang") i++;
    else if (!argv[i].startsWith("-")) return argv[i];
  }
  return undefined;
}

/** The worker started early for `script`, once: still running, and kept alive from now on. */
export function takeEarly(script: string): Worker | undefined {
  const e = early;
  early = undefined;
  if (!e || e.exited || e.script !== script) {
    if (e && !e.exited) void e.worker.terminate();
    return undefined;
  }
  e.worker.ref();
  return e.worker;
}
