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
import { jaText, num } from "./text";
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

const t = (ja: string, en: string): LocalText => ({ ja, en });

function unitText(unit: string | undefined): string {
  return unit === "percent" ? "%" : unit === "per-mille" ? "‰" : "";
}

function pts(n: number): LocalText {
  return t(`${num(n)}点`, `${num(n)} point${Math.abs(n) === 1 ? "" : "s"}`);
}

function notScored(norm: Norm<unknown>, ci: CompiledIndicator): Evaluation {
  if (norm.s === "missing") {
    return {
      status: "missing",
      value: null,
      points: 0,
      explanation: t("未回答：0点", "No answer: 0 points"),
      issue: ci.linked
        ? undefined
        : {
            severity: "warning",
            code: "missing",
            message: t("回答がありません。入力してください。", "No answer. Please fill it in."),
          },
    };
  }
  if (norm.s === "invalid") {
    return {
      status: "invalid",
      value: null,
      points: 0,
      explanation: t("読めない回答：0点", "Unreadable answer: 0 points"),
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
        explanation: n.v
          ? t(`○（該当）：${pts(p).ja}`, `Met: ${pts(p).en}`)
          : t(`×（非該当）：${pts(p).ja}`, `Not met: ${pts(p).en}`),
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
        explanation: t(
          `${optionName(o)}：${pts(o.points).ja}`,
          `${optionName(o, "en")}: ${pts(o.points).en}`,
        ),
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
      const list = chosen.length ? chosen.join("、") : "なし";
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
          ? t(
              `${list}：計${num(sum)}点、上限${num(p)}点`,
              `${chosen.join(", ") || "none"}: ${num(sum)} points, capped at ${num(p)}`,
            )
          : t(`${list}：${pts(p).ja}`, `${chosen.join(", ") || "none"}: ${pts(p).en}`),
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
        const range = d.max !== undefined ? `${num(lo)}〜${num(d.max)}` : `${num(lo)}以上`;
        return invalid(
          "out_of_range",
          "error",
          t(
            `${num(n.v)}点は範囲外です（${range}点）。得点を確認してください。`,
            `${num(n.v)} is out of range (${d.max !== undefined ? `${num(lo)}–${num(d.max)}` : `≥ ${num(lo)}`}). Check the points.`,
          ),
          n.v,
          t("範囲外の得点：0点", "Points out of range: 0 points"),
        );
      }
      return {
        status: "ok",
        value: n.v,
        points: n.v,
        explanation:
          d.max !== undefined
            ? t(
                `入力された得点：${num(n.v)}点（満点${num(d.max)}点）`,
                `Points entered: ${num(n.v)} of ${num(d.max)}`,
              )
            : t(`入力された得点：${num(n.v)}点`, `Points entered: ${num(n.v)}`),
      };
    }
  }
}

function optionName(o: { code: string; label?: unknown }, lang: "ja" | "en" = "ja"): string {
  const label = o.label as { ja: string; en?: string } | string | undefined;
  if (!label) return o.code;
  if (typeof label === "string") return label;
  return lang === "en" && label.en ? `${o.code} (${label.en})` : label.ja;
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
      t(
        `${num(v)}${u} は範囲外です（${num(d.range.min ?? -Infinity)}〜${num(d.range.max ?? Infinity)}${u}）。値を確認してください。`,
        `${num(v)}${u} is out of range. Check the value.`,
      ),
      v,
      t("範囲外の値：0点", "Value out of range: 0 points"),
    );
  }
  let steps: RuleStep[] | undefined = d.steps;
  if (d.stepsBySize) {
    if (ctx.sizeClass && d.stepsBySize[ctx.sizeClass]) steps = d.stepsBySize[ctx.sizeClass];
    else if (!steps) {
      return invalid(
        "size_class_missing",
        "warning",
        t(
          "規模区分が未設定のため判定できません。規模区分（または被保険者数）を設定してください。",
          "No size class set, so the thresholds are unknown. Set the size class (or the insured count).",
        ),
        v,
        t("規模区分なし：判定不可", "No size class: not judged"),
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
      t(
        "この年度の閾値が未公表のため判定できません。ルールブックに閾値を設定してください。",
        "This year's threshold is not published, so the value cannot be judged. Set it in the rulebook.",
      ),
      v,
      t("閾値未設定：判定不可", "Threshold unknown: not judged"),
    );
  }
  const op = atLeast ? "≥" : "≤";
  if (best) {
    return {
      status: "ok",
      value: v,
      points: best.points,
      explanation: t(
        `${num(v)}${u} ${op} ${num(best.value as number)}${u}：${pts(best.points).ja}`,
        `${num(v)}${u} ${op} ${num(best.value as number)}${u}: ${pts(best.points).en}`,
      ),
    };
  }
  const other = d.pointsOtherwise ?? 0;
  const lowest = (steps ?? []).filter((s) => s.value !== null).sort((a, b) => a.points - b.points)[0];
  return {
    status: "ok",
    value: v,
    points: other,
    explanation: lowest
      ? t(
          `${num(v)}${u} は基準（${op} ${num(lowest.value as number)}${u}）に届かず：${pts(other).ja}`,
          `${num(v)}${u} does not reach ${op} ${num(lowest.value as number)}${u}: ${pts(other).en}`,
        )
      : t(`${num(v)}${u}：${pts(other).ja}`, `${num(v)}${u}: ${pts(other).en}`),
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
          t(
            `この年度の${jaText(d.bands[i].label) || d.bands[i].code}の境界値が未公表です。段階（${ci.keyed.map((k) => k.code).join("・")}）で回答してください。`,
            `This year's cut-off for band ${d.bands[i].code} is not published. Answer with the band reached instead.`,
          ),
          a.measure,
          t("境界値未設定：判定不可", "Cut-off unknown: not judged"),
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
  const topName = top ? optionName(top) : "";
  return {
    status: "ok",
    value: top ? top.code : "",
    points: p,
    parts,
    explanation: top
      ? t(`${topName}まで到達：${pts(p).ja}`, `Reached ${optionName(top, "en")}: ${pts(p).en}`)
      : t(`どの段階にも該当せず：0点`, `No band reached: 0 points`),
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
  let shown: LocalText;
  if (d.input === "change") {
    change = n.v;
    shown = t(`変化 ${signed(change)}${u}`, `change ${signed(change)}${u}`);
  } else {
    const prev = ctx.previousValue;
    if (prev === null || prev === undefined || !Number.isFinite(prev)) {
      return invalid(
        "previous_missing",
        "warning",
        t(
          "前年度の値がないため改善を判定できません。前年度値を入力してください。",
          "Last year's value is missing, so improvement cannot be judged. Enter last year's value.",
        ),
        n.v,
        t("前年度値なし：判定不可", "No previous value: not judged"),
      );
    }
    change = dropFloatNoise(n.v - prev);
    shown = t(
      `前年度 ${num(prev)}${u} → ${num(n.v)}${u}（${signed(change)}）`,
      `${num(prev)}${u} → ${num(n.v)}${u} (${signed(change)})`,
    );
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
        explanation: t(`${shown.ja}：${pts(s.points).ja}`, `${shown.en}: ${pts(s.points).en}`),
      };
    }
  }
  return { status: "ok", value: n.v, points: 0, explanation: t(`${shown.ja}：0点`, `${shown.en}: 0 points`) };
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
