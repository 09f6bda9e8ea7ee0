// One indicator: normalised answer → points, the parts (tally columns) it earned, and why.
import type { Indicator, RuleStep } from "../rulebooks/schema";
import type { CompiledIndicator } from "./compile";
import {
  BandAnswer,
  isCellInput,
  Norm,
  parseBand,
  parseChoice,
  parseChoices,
  parseNumber,
  parseYesNo,
} from "./normalise";
import { dropFloatNoise } from "../numbers/round";
import { bilingual, type Bilingual, listOf, type Message, type MessageCode, msg, type Param } from "../messages";
import { choiceLabel, jaText, num } from "./text";
import type {
  AnswerStatus,
  AnswerValue,
  IssueCode,
  LocalText,
  PartResult,
  RawAnswer,
  Severity,
} from "./types";

export interface Evaluation {
  status: AnswerStatus;
  value: AnswerValue;
  points: number;
  parts?: PartResult[];
  explanation: LocalText;
  issue?: { severity: Severity; code: IssueCode; message: LocalText };
}

export interface EvalContext {
  sizeClass: string | undefined;
  previousValue: number | null | undefined;
}

/** A catalogue message in both languages, as results carry it. */
const say = (code: MessageCode, params?: Record<string, Param>): LocalText => bilingual(msg(code, params));

function unitText(unit: string | undefined): string {
  return unit === "percent" ? "%" : unit === "per-mille" ? "‰" : "";
}

function pts(n: number): Message {
  return msg(Math.abs(n) === 1 ? "engine.points.one" : "engine.points", { n: num(n) });
}

/** 「{answer}：{points}」 */
function answerPoints(answer: Param, points: number): LocalText {
  return say("engine.answer-points", { answer, points: pts(points) });
}

function notScored(norm: Norm<unknown>, ci: CompiledIndicator): Evaluation {
  if (norm.s === "missing") {
    return {
      status: "missing",
      value: null,
      points: 0,
      explanation: say("engine.no-answer"),
      issue: ci.linked
        ? undefined
        : {
            severity: "warning",
            code: "missing",
            message: say("engine.missing"),
          },
    };
  }
  if (norm.s === "invalid") {
    return {
      status: "invalid",
      value: null,
      points: 0,
      explanation: say("engine.unreadable"),
      issue: ci.linked ? undefined : { severity: "error", code: norm.code, message: norm.msg },
    };
  }
  throw new Error("unreachable");
}

function invalid(
  code: IssueCode,
  severity: Severity,
  message: LocalText,
  value: AnswerValue,
  why: LocalText,
): Evaluation {
  return { status: "invalid", value, points: 0, explanation: why, issue: { severity, code, message } };
}

export function evaluate(ci: CompiledIndicator, raw: RawAnswer, ctx: EvalContext): Evaluation {
  const d = ci.def;
  switch (d.kind) {
    case "yesno": {
      const n = parseYesNo(raw);
      if (n.s !== "ok") return notScored(n, ci);
      const p = n.v ? d.points : (d.pointsIfNo ?? 0);
      return {
        status: "ok",
        value: n.v,
        points: p,
        explanation: say(n.v ? "engine.yes" : "engine.no", { points: pts(p) }),
      };
    }
    case "choice": {
      const n = parseChoice(raw, ci.keys!, ci.keyed);
      if (n.s !== "ok") return notScored(n, ci);
      const o = d.options[n.v];
      return {
        status: "ok",
        value: o.code,
        points: o.points,
        parts: d.options.map((opt, i) => ({
          id: ci.partIds[i],
          code: opt.code,
          points: i === n.v ? opt.points : 0,
        })),
        explanation: answerPoints(optionNames(o), o.points),
      };
    }
    case "multi": {
      const n = parseChoices(raw, ci.keys!, ci.keyed);
      if (n.s !== "ok") return notScored(n, ci);
      let sum = 0;
      for (const i of n.v) sum += d.options[i].points;
      const capped = d.cap !== undefined && sum > d.cap;
      const p = capped ? (d.cap as number) : sum;
      const chosen = n.v.map((i) => d.options[i].code);
      const list = chosen.length ? listOf(chosen) : msg("engine.none");
      return {
        status: "ok",
        value: chosen,
        points: p,
        parts: d.options.map((opt, i) => ({
          id: ci.partIds[i],
          code: opt.code,
          points: n.v.includes(i) ? opt.points : 0,
        })),
        explanation: capped
          ? say("engine.multi-capped", { chosen: list, sum: num(sum), cap: num(p) })
          : answerPoints(list, p),
      };
    }
    case "numeric":
      return evaluateNumeric(ci, d, raw, ctx);
    case "rankBand":
      return evaluateBand(ci, d, raw, ctx);
    case "improvement":
      return evaluateImprovement(ci, d, raw, ctx);
    case "points": {
      const n = parseNumber(raw);
      if (n.s !== "ok") return notScored(n, ci);
      const lo = d.min ?? 0;
      if (n.v < lo || (d.max !== undefined && n.v > d.max)) {
        const range =
          d.max !== undefined
            ? msg("engine.range.between", { min: num(lo), max: num(d.max) })
            : msg("engine.range.at-least", { min: num(lo) });
        return invalid(
          "out_of_range",
          "error",
          say("engine.points-out-of-range", { points: num(n.v), range }),
          n.v,
          say("engine.points-out-of-range.why"),
        );
      }
      return {
        status: "ok",
        value: n.v,
        points: n.v,
        explanation:
          d.max !== undefined
            ? say("engine.points-entered-of", { points: num(n.v), max: num(d.max) })
            : say("engine.points-entered", { points: num(n.v) }),
      };
    }
  }
}

/** An option or band as named in explanations: its label, in English its code with the English label. */
function optionNames(o: { code: string; label?: unknown }): Bilingual {
  const label = o.label as { ja: string; en?: string } | string | undefined;
  if (!label) return { ja: o.code, en: o.code };
  if (typeof label === "string") return { ja: label, en: label };
  return { ja: label.ja, en: label.en ? `${o.code} (${label.en})` : label.ja };
}

function evaluateNumeric(
  ci: CompiledIndicator,
  d: Extract<Indicator, { kind: "numeric" }>,
  raw: RawAnswer,
  ctx: EvalContext,
): Evaluation {
  const n = parseNumber(raw, { percent: d.unit === "percent", perMille: d.unit === "per-mille" });
  if (n.s !== "ok") return notScored(n, ci);
  const v = n.v;
  const u = unitText(d.unit);
  if (
    d.range &&
    ((d.range.min !== undefined && v < d.range.min) || (d.range.max !== undefined && v > d.range.max))
  ) {
    return invalid(
      "out_of_range",
      "error",
      say("engine.value-out-of-range", {
        value: `${num(v)}${u}`,
        min: num(d.range.min ?? -Infinity),
        max: num(d.range.max ?? Infinity),
        unit: u,
      }),
      v,
      say("engine.value-out-of-range.why"),
    );
  }
  let steps: RuleStep[] | undefined = d.steps;
  if (d.stepsBySize) {
    if (ctx.sizeClass && d.stepsBySize[ctx.sizeClass]) steps = d.stepsBySize[ctx.sizeClass];
    else if (!steps) {
      return invalid(
        "size_class_missing",
        "warning",
        say("engine.size-class-missing"),
        v,
        say("engine.size-class-missing.why"),
      );
    }
  }
  const atLeast = d.direction === "atLeast";
  let best: RuleStep | undefined;
  let unknownAbove = false;
  for (const s of steps ?? []) {
    if (s.value === null) {
      if (!best || s.points > best.points) unknownAbove = true;
      continue;
    }
    const reached = atLeast ? v >= s.value : v <= s.value;
    if (reached && (!best || s.points > best.points)) best = s;
  }
  if (
    unknownAbove &&
    (!best || (steps ?? []).some((s) => s.value === null && s.points > (best as RuleStep).points))
  ) {
    return invalid(
      "threshold_unknown",
      "warning",
      say("engine.threshold-unknown"),
      v,
      say("engine.threshold-unknown.why"),
    );
  }
  const op = atLeast ? "≥" : "≤";
  if (best) {
    return {
      status: "ok",
      value: v,
      points: best.points,
      explanation: say("engine.reached", {
        value: `${num(v)}${u}`,
        op,
        threshold: `${num(best.value as number)}${u}`,
        points: pts(best.points),
      }),
    };
  }
  const other = d.pointsOtherwise ?? 0;
  const lowest = (steps ?? []).filter((s) => s.value !== null).sort((a, b) => a.points - b.points)[0];
  return {
    status: "ok",
    value: v,
    points: other,
    explanation: lowest
      ? say("engine.not-reached", {
          value: `${num(v)}${u}`,
          op,
          threshold: `${num(lowest.value as number)}${u}`,
          points: pts(other),
        })
      : answerPoints(`${num(v)}${u}`, other),
  };
}

function evaluateBand(
  ci: CompiledIndicator,
  d: Extract<Indicator, { kind: "rankBand" }>,
  raw: RawAnswer,
  ctx: EvalContext,
): Evaluation {
  const measure = d.measure ? { percent: d.measure.unit === "percent" } : null;
  const n = parseBand(raw, ci.keys!, ci.keyed, measure);
  if (n.s !== "ok") return notScored(n, ci);
  let count: number;
  const a: BandAnswer = n.v;
  if ("band" in a) count = a.band;
  else {
    const m = d.measure!;
    const cuts = (ctx.sizeClass && m.cutoffsBySize?.[ctx.sizeClass]) || m.cutoffs;
    count = 0;
    for (let i = 0; i < d.bands.length; i++) {
      const c = cuts?.[i];
      if (c === null || c === undefined) {
        return invalid(
          "threshold_unknown",
          "warning",
          say("engine.cutoff-unknown", {
            band: { ja: jaText(d.bands[i].label) || d.bands[i].code, en: d.bands[i].code },
            bands: ci.keyed.map((k) => choiceLabel(k.code, k.label)).join("、"),
          }),
          a.measure,
          say("engine.cutoff-unknown.why"),
        );
      }
      const reached = m.direction === "higher" ? a.measure >= c : a.measure <= c;
      if (!reached) break;
      count = i + 1;
    }
  }
  const cumulative = d.cumulative !== false;
  let p = 0;
  const parts: PartResult[] = d.bands.map((b, i) => {
    const earned = cumulative ? (i < count ? b.points : 0) : i === count - 1 ? b.points : 0;
    p += earned;
    return { id: ci.partIds[i], code: b.code, points: earned };
  });
  const top = count > 0 ? d.bands[count - 1] : undefined;
  return {
    status: "ok",
    value: top ? top.code : "",
    points: p,
    parts,
    explanation: top
      ? say("engine.band-reached", { band: optionNames(top), points: pts(p) })
      : say("engine.no-band"),
  };
}

function evaluateImprovement(
  ci: CompiledIndicator,
  d: Extract<Indicator, { kind: "improvement" }>,
  raw: RawAnswer,
  ctx: EvalContext,
): Evaluation {
  const n = parseNumber(raw, { percent: d.unit === "percent", perMille: d.unit === "per-mille" });
  if (n.s !== "ok") return notScored(n, ci);
  const u = unitText(d.unit);
  let change: number;
  let shown: Message;
  if (d.input === "change") {
    change = n.v;
    shown = msg("engine.change", { change: `${signed(change)}${u}` });
  } else {
    const prev = ctx.previousValue;
    if (prev === null || prev === undefined || !Number.isFinite(prev)) {
      return invalid(
        "previous_missing",
        "warning",
        say("engine.previous-missing"),
        n.v,
        say("engine.previous-missing.why"),
      );
    }
    change = dropFloatNoise(n.v - prev);
    shown = msg("engine.change-from-previous", {
      previous: `${num(prev)}${u}`,
      value: `${num(n.v)}${u}`,
      change: signed(change),
    });
  }
  const gain = d.direction === "increase" ? change : -change;
  for (const s of d.steps) {
    const okMin = s.min === undefined || (s.minInclusive === false ? gain > s.min : gain >= s.min);
    const okMax = s.max === undefined || (s.maxInclusive === false ? gain < s.max : gain <= s.max);
    if (okMin && okMax) {
      return {
        status: "ok",
        value: n.v,
        points: s.points,
        explanation: answerPoints(shown, s.points),
      };
    }
  }
  return { status: "ok", value: n.v, points: 0, explanation: answerPoints(shown, 0) };
}

function signed(n: number): string {
  return n > 0 ? `+${num(n)}` : num(n);
}

/** A memo key for answers whose evaluation depends only on the answer itself. */
export function memoKey(raw: RawAnswer): string | null {
  if (raw === null || raw === undefined) return "n";
  switch (typeof raw) {
    case "string":
      return `s${raw}`;
    case "number":
      return `d|${raw}`;
    case "boolean":
      return raw ? "T" : "F";
  }
  if (isCellInput(raw)) {
    if (raw.error) return `e${raw.error}`;
    const v = raw.value;
    if (v === null || v === undefined) return "n";
    // Text reads the same under any format. A number's format decides percent and date, so it is keyed
    // whole (ahead of the last "|"): a key derived from it could join answers that read differently.
    if (typeof v === "string") return `s${v}`;
    if (typeof v === "number") return `d${raw.numFmt ?? ""}|${v}`;
    if (typeof v === "boolean") return v ? "T" : "F";
  }
  return null;
}
