// The scoring engine: pure functions of rulebook + answers. No Office, no DOM, no I/O.
export * from "./types";
export { score, ScoreSession, resolveSizeClass } from "./score";
export { compile } from "./compile";
export type { CompiledRulebook, CompiledIndicator, CompiledGroup } from "./compile";
export { compare, judgeRates, trendOf } from "./compare";
export type {
  Comparison,
  ComparisonLine,
  CompareOptions,
  ComparableResult,
  Target,
  Trend,
  Judgement,
  LostIndicator,
} from "./compare";
export { rank } from "./rank";
export type { Rankable, Ranked } from "./rank";
export { allocate } from "./allocate";
export type { AllocationEntity, AllocationOptions, AllocationResult, Allocation } from "./allocate";
export { ratePercent, roundHalfUp, formatPercent } from "./rate";
export {
  normaliseText,
  parseYesNo,
  parseNumber,
  parseChoice,
  parseChoices,
  parseBand,
  buildOptionKeys,
  isDateFormat,
  isPercentFormat,
} from "./normalise";
export { localText, jaText } from "./text";
export { assumedSizeBands, sizeBandLine } from "./size-band";
