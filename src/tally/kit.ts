// What the task pane needs of the tally code, as one module it loads only when a file is chosen
// (a lazy chunk), so the pane's first download does not carry the reader or the statistics. The pane
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
export { isJson, isTallyWorkbook, openTally, type OpenedTally } from "./open";
