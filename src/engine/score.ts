// score(): rulebook + answers → points, subtotals, rates, issues. A ScoreSession keeps the state so a
// what-if change re-evaluates only the changed indicator, what depends on it, and its ancestors.
import type { Rulebook } from "../rulebooks/schema";
import { compile, CompiledGroup, CompiledIndicator, CompiledRulebook } from "./compile";
import { evaluate, EvalContext, Evaluation, memoKey } from "./evaluate";
import { answerToRemember, EvaluationMemo, sharedMemo } from "./evaluation-memo";
import { unpack } from "./normalise";
import { dropFloatNoise, ratePercent } from "../numbers/round";
import { ownText } from "../numbers/own-text";
import { localText, num } from "./text";
import { normaliseText } from "../numbers/parse";
import { bilingual, listOf, msg } from "../messages";
import type {
  Answers,
  GroupResult,
  IndicatorResult,
  Issue,
  RawAnswer,
  ScoreContext,
  ScoreResult,
} from "./types";

export function score(rulebook: Rulebook, answers: Answers, context: ScoreContext = {}): ScoreResult {
  return new ScoreSession(rulebook, answers, context).result();
}

/** A group's children combined, summed or the best one (aggregate "best"), before the group's clamp.
 *  Points are indexed like the compiled rulebook's indicators and groups; exported so that totals
 *  built from other points (a national tally's rows) follow the same rule. */
export function childrenSum(
  cg: CompiledGroup,
  indicatorPoints: ArrayLike<number>,
  groupPoints: ArrayLike<number>,
): number {
  let sum = 0;
  let first = true;
  const add = (p: number) => {
    sum = !cg.best ? sum + p : first ? p : Math.max(sum, p);
    first = false;
  };
  for (const i of cg.childIndicators) add(indicatorPoints[i]);
  for (const k of cg.childGroups) add(groupPoints[k]);
  return dropFloatNoise(sum);
}

/** The group's published maximum and floor applied to its children's sum. */
export function clampToGroup(cg: CompiledGroup, sum: number): number {
  let p = sum;
  if (cg.clampMax !== undefined && p > cg.clampMax) p = cg.clampMax;
  if (cg.clampMin !== undefined && p < cg.clampMin) p = cg.clampMin;
  return p;
}

/** Which of the group's published limits held its children's sum back, if one did. */
function clampedAt(cg: CompiledGroup, sum: number): GroupResult["clamped"] {
  if (cg.clampMax !== undefined && sum > cg.clampMax) return "max";
  if (cg.clampMin !== undefined && sum < cg.clampMin) return "min";
  return undefined;
}

/** The rulebook's size class of that id — or of that name, as the answer workbook's 規模区分 list offers
 *  it (「1万人以上5万人未満」, in either language) — if it has one. */
export function findSizeClass(rulebook: Pick<Rulebook, "sizeClasses">, idOrName: string) {
  const classes = rulebook.sizeClasses?.classes;
  const byId = classes?.find((c) => c.id === idOrName);
  if (byId || !classes) return byId;
  const wanted = normaliseText(idOrName);
  return classes.find((c) => {
    const name = localText(c.label);
    return normaliseText(name.ja) === wanted || normaliseText(name.en) === wanted;
  });
}

/** The size class a score uses: the one stated, if it is the rulebook's (another, a typo in a workbook,
 *  names no band's thresholds), else the one the size falls in. */
export function sizeClassFor(rulebook: Pick<Rulebook, "sizeClasses">, context: ScoreContext) {
  const stated = context.sizeClass ? findSizeClass(rulebook, context.sizeClass) : undefined;
  if (stated || context.size === undefined || !rulebook.sizeClasses) return stated;
  const s = context.size;
  return rulebook.sizeClasses.classes.find(
    (c) => (c.min === undefined || s >= c.min) && (c.max === undefined || s < c.max),
  );
}

/** The id of the size class a score uses (sizeClassFor). */
export function resolveSizeClass(rulebook: Rulebook, context: ScoreContext): string | undefined {
  return sizeClassFor(rulebook, context)?.id;
}

export class ScoreSession {
  readonly compiled: CompiledRulebook;
  /** Answers by indicator index (where linked indicators read theirs), each looked up by id once, when
   *  first read — all of them while the constructor evaluates, so later changes to `answers` do not
   *  count: a separate pass over every indicator would walk the compiled rulebook once more. */
  private readonly raws: RawAnswer[];
  private readonly fetched: Uint8Array;
  private readonly evals: Evaluation[];
  /** Each indicator's result, made when it is first evaluated (its answer, compiled entry and evaluation
   *  are then fresh in the cache) and replaced, never changed, after a what-if: result() hands out copies
   *  of this array. Walking every indicator again in result() missed the cache at each one on a large
   *  rulebook (a ~10,000-indicator result cost twice as much per indicator as a ~1,000-indicator one). */
  private readonly results: IndicatorResult[];
  /** The issue each indicator's evaluation raised, made with its result. */
  private readonly issueAt: (Issue | undefined)[];
  private readonly points: Float64Array;
  private readonly groupPoints: Float64Array;
  private readonly groupSums: Float64Array;
  /** Each group's result (with its subgroups'), made when its sum is, and replaced, never changed. */
  private readonly groupResults: GroupResult[];
  /** Indicators and groups a what-if changed since the last result(): their results are made again
   *  there, not at each set() (a search for gains sets thousands of answers and reads only totals). */
  private readonly staleIndicators: number[] = [];
  private readonly staleIndicator: Uint8Array;
  private readonly staleGroup: Uint8Array;
  private readonly rateDigits: number;
  private readonly sizeClass: string | undefined;
  private readonly memo: EvaluationMemo;

  constructor(
    rulebook: Rulebook | CompiledRulebook,
    private readonly answers: Answers,
    private readonly context: ScoreContext = {},
  ) {
    this.compiled = "evalOrder" in rulebook ? rulebook : compile(rulebook);
    const c = this.compiled;
    this.raws = new Array(c.indicators.length);
    this.fetched = new Uint8Array(c.indicators.length);
    this.sizeClass = resolveSizeClass(c.rulebook, context);
    this.evals = new Array(c.indicators.length);
    this.results = new Array(c.indicators.length);
    this.issueAt = new Array(c.indicators.length);
    this.points = new Float64Array(c.indicators.length);
    this.groupPoints = new Float64Array(c.groups.length);
    this.groupSums = new Float64Array(c.groups.length);
    this.groupResults = new Array(c.groups.length);
    this.rateDigits = context.rateDigits ?? c.rateDigits;
    this.staleIndicator = new Uint8Array(c.indicators.length);
    this.staleGroup = new Uint8Array(c.groups.length);
    this.memo = sharedMemo(c);
    for (const i of c.evalOrder) {
      this.evaluateAt(i);
      this.makeResult(i);
    }
    for (const g of c.groupOrder) {
      this.sumGroup(g);
      this.groupResults[g] = this.groupResult(g);
    }
  }

  /** Change one answer (what-if) and re-score incrementally; returns the new total. */
  set(indicatorId: string, raw: RawAnswer): number {
    const c = this.compiled;
    const start = c.indicatorIndex.get(indicatorId);
    if (start === undefined) throw new Error(`unknown indicator "${indicatorId}"`);
    const root = c.indicators[start].answerIdx;
    this.raws[root] = raw;
    this.fetched[root] = 1;
    // The changed indicator, then everything depending on it, in evaluation order.
    const affected = [root];
    for (let k = 0; k < affected.length; k++) {
      for (const d of c.indicators[affected[k]].dependents) if (!affected.includes(d)) affected.push(d);
    }
    if (affected.length > 1) affected.sort((a, b) => c.indicators[a].order - c.indicators[b].order);
    for (const i of affected) {
      this.evaluateAt(i);
      if (!this.staleIndicator[i]) {
        this.staleIndicator[i] = 1;
        this.staleIndicators.push(i);
      }
    }
    for (const i of affected) {
      for (let g = c.indicators[i].groupIdx; g !== -1; g = c.groups[g].parentIdx) {
        this.sumGroup(g);
        this.staleGroup[g] = 1;
      }
    }
    return this.groupPoints[0];
  }

  get total(): number {
    return this.groupPoints[0];
  }

  pointsOf(indicatorId: string): number {
    const i = this.compiled.indicatorIndex.get(indicatorId);
    if (i === undefined) throw new Error(`unknown indicator "${indicatorId}"`);
    return this.points[i];
  }

  groupPointsOf(groupId: string): number {
    const g = this.compiled.groupIndex.get(groupId);
    if (g === undefined) throw new Error(`unknown group "${groupId}"`);
    return this.groupPoints[g];
  }

  private rawFor(ci: CompiledIndicator): RawAnswer {
    const a = ci.answerIdx;
    if (!this.fetched[a]) {
      this.fetched[a] = 1;
      const src = this.compiled.indicators[a];
      if (!src.linked && Object.prototype.hasOwnProperty.call(this.answers, src.id)) this.raws[a] = this.answers[src.id];
    }
    return this.raws[a];
  }

  private evaluateAt(i: number): void {
    const c = this.compiled;
    const ci = c.indicators[i];
    // Read even where the points are given: the result shows the answer, read now, as every other.
    const raw = this.rawFor(ci);
    const known = this.context.knownPoints?.[ci.id];
    if (known !== undefined) {
      this.evals[i] = {
        status: "ok",
        value: known,
        points: known,
        explanation: bilingual(msg("engine.points-given", { points: String(known) })),
      };
      this.points[i] = known;
      return;
    }
    const key = this.memo.remembers[i] ? memoKey(raw) : null;
    let ev: Evaluation | undefined = key !== null ? this.memo.get(i, key) : undefined;
    if (!ev) {
      const ctx: EvalContext = {
        sizeClass: this.sizeClass,
        previousValue: this.context.previousValues?.[ci.id],
      };
      if (key === null) ev = evaluate(ci, raw, ctx);
      else {
        ev = evaluate(ci, answerToRemember(raw), ctx);
        this.memo.set(i, ownText(key), ev);
      }
    }
    let p = ev.points;
    if (ci.requires.length && p > 0) {
      const unmet = ci.requires.filter((r) => !this.met(r.idx, r.part));
      if (unmet.length) {
        const ids = listOf(unmet.map((r) => r.id));
        ev = {
          ...ev,
          points: 0,
          parts: ev.parts?.map((pt) => ({ ...pt, points: 0 })),
          explanation: bilingual(msg("engine.prerequisite-unmet", { explanation: ev.explanation, ids })),
          issue: ev.issue ?? {
            severity: "info",
            code: "prerequisite_unmet",
            message: bilingual(msg("engine.prerequisite-unmet.issue", { ids })),
          },
        };
        p = 0;
      }
    }
    this.evals[i] = ev;
    this.points[i] = p;
  }

  /** Indicator i's result and issue, from its evaluation: in the constructor right after evaluating it
   *  (its answer, compiled entry and evaluation still in the cache), after a what-if in result(). */
  private makeResult(i: number): void {
    const ci = this.compiled.indicators[i];
    const ev = this.evals[i];
    const points = this.points[i];
    const raw = this.raws[ci.answerIdx];
    const u = raw === undefined ? undefined : unpack(raw);
    const cell = u?.cell || undefined;
    this.issueAt[i] = ev.issue && this.issueOf(ci, ev.issue, cell);
    this.results[i] = {
      id: ci.id,
      groupId: this.compiled.groups[ci.groupIdx].id,
      kind: ci.def.kind,
      answer: u === undefined ? null : u.error ? u.error : (u.value ?? null),
      status: ev.status,
      value: ev.value,
      points,
      max: ci.max,
      min: ci.min,
      explanation: ev.explanation,
      cell,
      parts: ev.parts,
    };
  }

  /** The issue an indicator's evaluation raised, naming the indicator and its cell. */
  private issueOf(ci: CompiledIndicator, found: NonNullable<Evaluation["issue"]>, cell: string | undefined): Issue {
    const what = msg("engine.indicator", { id: ci.id, name: ci.name });
    const where = cell ? msg("engine.cell-of", { cell, what }) : what;
    return {
      severity: found.severity,
      code: found.code,
      indicatorId: ci.id,
      message: bilingual(msg("engine.issue-at", { where, message: found.message })),
      cell,
    };
  }

  private met(idx: number, part: number): boolean {
    if (part < 0) return this.points[idx] > 0;
    const parts = this.evals[idx]?.parts;
    return !!parts && parts[part].points > 0;
  }

  private sumGroup(g: number): void {
    const cg = this.compiled.groups[g];
    const sum = childrenSum(cg, this.points, this.groupPoints);
    this.groupSums[g] = sum;
    this.groupPoints[g] = clampToGroup(cg, sum);
  }

  /** Makes again the results of what the what-ifs since the last result() changed: indicators, then
   *  groups children first (every what-if marks an indicator and the groups above it). */
  private refresh(): void {
    if (!this.staleIndicators.length) return;
    for (const i of this.staleIndicators) {
      this.makeResult(i);
      this.staleIndicator[i] = 0;
    }
    this.staleIndicators.length = 0;
    for (const g of this.compiled.groupOrder) {
      if (!this.staleGroup[g]) continue;
      this.groupResults[g] = this.groupResult(g);
      this.staleGroup[g] = 0;
    }
  }

  /**
   * The full result object (tree, indicators, issues). Each object is made whole in one literal, a
   * field it lacks present as undefined: a field added afterwards gives it a hidden class that V8
   * keeps only while some such object lives, and the code compiled against that class is thrown away
   * at each full collection that finds none (between two workbooks, say) — about a tenth of a cold
   * score went to compiling it again.
   */
  result(): ScoreResult {
    const c = this.compiled;
    const digits = this.rateDigits;
    const rb = c.rulebook;
    this.refresh();
    // The indicators' results as evaluated; a copy, so that a later what-if leaves this one as it is.
    const indicators = this.results.slice();
    const issues: Issue[] = [];
    for (const issue of this.issueAt) if (issue) issues.push(issue);
    // Typed-in points of groups past their maximum.
    const entered = new Map<number, IndicatorResult[]>();
    for (const i of c.typedPoints) {
      if (!(this.points[i] > 0)) continue;
      const res = indicators[i];
      if (res.status === "ok") this.noteOverMax(c.indicators[i], res, entered);
    }
    issues.push(...this.overMaxIssues(entered));
    const root = this.groupResults[0];
    const total: ScoreResult["total"] = {
      id: root.id,
      points: root.points,
      sum: root.sum,
      max: root.max,
      rate: root.rate,
      ratePercent: root.ratePercent,
      clamped: root.clamped,
      benchmark: root.benchmark,
    };
    return {
      rulebook: {
        id: rb.id,
        fiscalYear: rb.fiscalYear,
        version: rb.version,
        scheme: rb.scheme,
        entity: rb.entity,
        level: rb.level,
      },
      total,
      rateDigits: digits,
      groups: root.children,
      indicators,
      issues,
    };
  }
  /**
   * Group `g`'s result, its subgroups' results (made before it: sums go children first) in it. A method,
   * not a closure made per result(): see XmlHandler (adapters/xlsx/xml.ts) for why code run per workbook
   * is long-lived.
   */
  private groupResult(g: number): GroupResult {
    const cg = this.compiled.groups[g];
    const points = this.groupPoints[g];
    const max = cg.rateMax;
    const rate = max !== null && max > 0 ? points / max : null;
    const children: GroupResult[] = [];
    for (const k of cg.childGroups) children.push(this.groupResults[k]);
    const out: GroupResult = {
      id: cg.id,
      name: cg.name,
      points,
      sum: this.groupSums[g],
      max,
      min: cg.floor,
      rate,
      ratePercent: max !== null && max > 0 ? ratePercent(points, max, this.rateDigits) : null,
      indicatorIds: cg.childIndicatorIds,
      children,
      code: cg.def.code || undefined,
      clamped: clampedAt(cg, this.groupSums[g]),
      benchmark: cg.benchmark,
    };
    return out;
  }

  /** Points typed in (kind "points") that take a group past its published maximum: the group is
   *  still clamped to it, but never silently — a warning names the cells that carry the points. */
  private noteOverMax(ci: CompiledIndicator, res: IndicatorResult, entered: Map<number, IndicatorResult[]>): void {
    const c = this.compiled;
    for (let g = ci.groupIdx; g !== -1; g = c.groups[g].parentIdx) {
      const cg = c.groups[g];
      if (cg.clampMax === undefined || !(this.groupSums[g] > cg.clampMax)) continue;
      // Pushed in place: copying the list per indicator made a large group's result quadratic.
      const list = entered.get(g);
      if (list) list.push(res);
      else entered.set(g, [res]);
    }
  }

  /** The warnings for the groups noteOverMax found, one per group. */
  private overMaxIssues(entered: Map<number, IndicatorResult[]>): Issue[] {
    const c = this.compiled;
    const issues: Issue[] = [];
    for (const [g, list] of entered) {
      const cg = c.groups[g];
      const label = (r: IndicatorResult) => {
        const ci = c.indicators[c.indicatorIndex.get(r.id)!];
        const what = ci.def.code ?? ci.name;
        return r.cell ? msg("engine.cell-of", { cell: r.cell, what }) : what;
      };
      const issue: Issue = {
        severity: "warning",
        code: "out_of_range",
        indicatorId: list[0].id,
        message: bilingual(
          msg("engine.over-max", {
            cells: listOf(list.map(label)),
            group: cg.name,
            sum: num(this.groupSums[g]),
            max: num(cg.clampMax!),
          }),
        ),
        cell: list[0].cell,
      };
      issues.push(issue);
    }
    return issues;
  }
}
