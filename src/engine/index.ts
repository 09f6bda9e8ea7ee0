// The scoring engine: pure functions of rulebook + answers. No Office, no DOM, no I/O.
export * from "./types";
export { score, ScoreSession } from "./score";
export { compare, judgeRates } from "./compare";
export { rank } from "./rank";
export { allocate } from "./allocate";
export { ratePercent, roundHalfUp } from "../numbers/round";
export { parseYesNo, parseNumber, parseChoice, parseChoices, buildOptionKeys } from "./normalise";
export { jaText } from "./text";
export { assumedSizeBands, sizeBandLine } from "./size-band";
