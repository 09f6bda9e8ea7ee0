// What the task pane needs of the tally code on its own thread, as one module it loads only when a
// file is chosen (a lazy chunk): not the reader (./open, loaded where the file is read: a worker). The pane
// uses it as a namespace (`kit.applyTallyDistribution(…)`), which is why each export is marked public.
/** @public */
export {
  applyTallyDistribution,
  type AppliedBenchmarks,
  tallyDistribution,
  type TallyDistribution,
} from "./apply-benchmarks";
export { toComparable } from "./comparable";
export { findInsurer } from "./find-insurer";
export { isJson, isTallyWorkbook } from "./sniff";
export type { OpenedTally } from "./open";
