// Where points can still be gained: every answer change that would score more (a yes, a better option,
// one more selected option, a higher band or step, the full points), tried in a ScoreSession so the
// real change of the total counts — group maxima, exclusive branches and prerequisites included.
import { resolveSizeClass, ScoreSession } from "../engine/score";
import { localText, num } from "../engine/text";
import type { LocalText, RawAnswer } from "../engine/types";
import type { RuleStep } from "../rulebooks/schema";
import {
  type HitBenchmark,
  type IndicatorInfo,
  multiCodes,
  multiText,
  numberText,
  type RulebookIndex,
  unitSuffix,
  YES_TEXT,
} from "../app/rulebook-index";
import { clean } from "./format";
import { bothLanguages } from "./i18n";

export interface GainItem {
  /** Unique per indicator and target answer. */
  key: string;
  indicatorId: string;
  /** The target answer (cell text) that earns the points. */
  text: string;
  /** What is to be achieved, beyond the indicator's name (option, band, threshold); null for a plain yes. */
  target: LocalText | null;
  /** Change of the total if this answer were given (> 0). */
  gain: number;
  /** National share of entities meeting it (0..1), when the rulebook knows it. */
  share: number | null;
  hitCount: number | null;
  order: number;
}

export type GainSort = "points" | "share";

interface Candidate {
  text: string;
  target: LocalText | null;
  benchmark?: HitBenchmark;
}

function candidates(
  info: IndicatorInfo,
  current: string,
  ctx: { sizeClass?: string; previousValue?: number | null },
): Candidate[] {
  const d = info.def;
  const out: Candidate[] = [];
  switch (d.kind) {
    case "yesno":
      if (current !== YES_TEXT) out.push({ text: YES_TEXT, target: null, benchmark: d.benchmark });
      break;
    case "choice":
      for (const c of info.choices) {
        if (c.value !== current) out.push({ text: c.value, target: c.label, benchmark: c.benchmark });
      }
      break;
    case "multi": {
      const chosen = multiCodes(current);
      for (const c of info.choices) {
        if (chosen.includes(c.code)) continue;
        out.push({ text: multiText(info, [...chosen, c.code]), target: c.label, benchmark: c.benchmark });
      }
      break;
    }
    case "rankBand":
      for (const c of info.choices) {
        if (c.value !== current) out.push({ text: c.value, target: c.label, benchmark: c.benchmark });
      }
      break;
    case "numeric": {
      const steps: RuleStep[] | undefined = (ctx.sizeClass && d.stepsBySize?.[ctx.sizeClass]) || d.steps;
      const op = d.direction === "atLeast" ? "≥" : "≤";
      const u = unitSuffix(d.unit);
      for (const s of steps ?? []) {
        if (s.value === null) continue;
        const threshold = `${op} ${num(s.value)}${u}`;
        const label = s.label ? localText(s.label) : { ja: threshold, en: threshold };
        out.push({ text: numberText(info, s.value), target: label, benchmark: s.benchmark });
      }
      break;
    }
    case "improvement": {
      const prev = d.input === "change" ? 0 : ctx.previousValue;
      if (prev === null || prev === undefined || !Number.isFinite(prev)) break;
      const fine = d.unit === "percent" || d.unit === "per-mille" ? 0.1 : 1;
      for (const s of d.steps) {
        if (s.min === undefined) continue;
        const amount = s.minInclusive === false ? s.min + fine : s.min;
        if (s.max !== undefined && (s.maxInclusive === false ? amount >= s.max : amount > s.max)) continue;
        const value = clean(d.direction === "increase" ? prev + amount : prev - amount);
        const sign = d.direction === "increase" ? "+" : "−";
        const u = unitSuffix(d.unit);
        const label = s.label
          ? localText(s.label)
          : bothLanguages("gain.target.improve", { change: `${sign}${num(amount)}${u}` });
        out.push({ text: numberText(info, value), target: label, benchmark: undefined });
      }
      break;
    }
    case "points":
      if (info.max !== null && info.max > 0) {
        out.push({
          text: num(info.max),
          target: bothLanguages("gain.target.full", { max: num(info.max) }),
          benchmark: d.benchmark,
        });
      }
      break;
  }
  return out;
}

function shareOf(bm: HitBenchmark | undefined, population: number | undefined): number | null {
  if (!bm) return null;
  if (bm.hitRate !== undefined) return bm.hitRate;
  if (bm.hitCount !== undefined && population) return bm.hitCount / population;
  return null;
}

export interface GainInput {
  index: RulebookIndex;
  session: ScoreSession;
  /** The session's answer of each indicator (to restore after a trial). */
  rawOf: (id: string) => RawAnswer;
  /** The editor text of each indicator's current answer in the session. */
  textOf: (id: string) => string;
  context: {
    sizeClass?: string;
    size?: number;
    previousValues?: Readonly<Record<string, number | null | undefined>>;
  };
}

/** Every gain available from one answer change, largest first (then the most-achieved nationally). */
export function whereToGain(input: GainInput, sort: GainSort = "points"): GainItem[] {
  const { index, session, rawOf, textOf, context } = input;
  const sizeClass = resolveSizeClass(index.rulebook, context);
  const items: GainItem[] = [];
  for (const info of index.indicators) {
    if (!info.editor) continue;
    const current = textOf(info.id);
    const list = candidates(info, current, { sizeClass, previousValue: context.previousValues?.[info.id] });
    if (!list.length) continue;
    const before = session.total;
    const raw = rawOf(info.id);
    const seen = new Set<string>();
    for (const c of list) {
      if (seen.has(c.text) || c.text === current) continue;
      seen.add(c.text);
      const gain = clean(session.set(info.id, c.text) - before);
      if (gain > 0) {
        items.push({
          key: `${info.id}|${c.text}`,
          indicatorId: info.id,
          text: c.text,
          target: c.target,
          gain,
          share: shareOf(c.benchmark, index.population),
          hitCount: c.benchmark?.hitCount ?? null,
          order: info.order,
        });
      }
    }
    session.set(info.id, raw);
  }
  return sortGains(items, sort);
}

export function sortGains(items: GainItem[], sort: GainSort): GainItem[] {
  const share = (x: GainItem) => (x.share === null ? -1 : x.share);
  return [...items].sort((a, b) =>
    sort === "points"
      ? b.gain - a.gain || share(b) - share(a) || a.order - b.order
      : share(b) - share(a) || b.gain - a.gain || a.order - b.order,
  );
}

/**
 * Points a town earns by acting (体制・取組: yes/no, options) or points that depend on its results and
 * rank (活動 bands, 成果, improvement, numeric thresholds, points entered) — including any indicator in
 * a group named as an activity or outcome group.
 */
export function gainKind(index: RulebookIndex, indicatorId: string): "actions" | "results" {
  const info = index.byId.get(indicatorId);
  if (!info) return "results";
  if (!(info.kind === "yesno" || info.kind === "choice" || info.kind === "multi")) return "results";
  for (let g = index.groups.get(info.groupId); g; g = g.parentId ? index.groups.get(g.parentId) : undefined) {
    if (/活動|成果/.test(g.name.ja)) return "results";
  }
  return "actions";
}
