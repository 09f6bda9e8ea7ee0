// How many worker threads a batch gets by default: its own module, so that the CLI's help (which
// states the default) does not load the pool and the reading code with it.
import { availableParallelism } from "os";

/**
 * Files a batch needs per worker before another is worth starting, on a machine of `cpus` CPUs. Every
 * worker loads the review code and warms it up on its own (JIT and optimising compilation again, about
 * 1.3 s of CPU per worker over 1,741 files), and one worker already keeps about 1.4 CPUs busy with
 * V8's helper threads: on two CPUs, measured with the CLI (paired runs of mixed files), two workers
 * finished 400 files 5% later than one (with 27% more CPU), 800 files alike (0.98×), 1,200 files 8%
 * sooner and 1,741 files 7% sooner. With more CPUs the helper threads have their own: 400 there, as
 * before (not measured here, the development machine having two).
 */
export function filesPerWorker(cpus = availableParallelism()): number {
  return cpus <= 2 ? 800 : 400;
}

/** Workers for a batch of `files`: one per filesPerWorker files begun, at most one per CPU. */
export function defaultJobs(files = Number.POSITIVE_INFINITY, cpus = availableParallelism()): number {
  return Math.max(1, Math.min(cpus, Math.ceil(files / filesPerWorker(cpus))));
}
