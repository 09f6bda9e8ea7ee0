// Schema validation plus the checks a schema cannot express (unique ids, references, reachable maxima).
import { z } from "zod";
import { Group, Indicator, Node, RuleBand, RuleOption, Rulebook, RulebookSchema } from "./schema";

export interface RulebookProblem {
  severity: "error" | "warning";
  /** Where in the document, e.g. `root.children[2].children[0].max`. */
  path: string;
  message: string;
}

export interface RulebookCheck {
  ok: boolean;
  rulebook?: Rulebook;
  problems: RulebookProblem[];
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(document)";
}

function zodProblems(error: z.ZodError): RulebookProblem[] {
  return error.issues.map((issue) => ({
    severity: "error" as const,
    path: pathText(issue.path),
    message: issue.message,
  }));
}

/** The parts an answer picks from: a choice's or multi's options, a rank band's bands; none otherwise. */
export function partsOf(ind: Indicator): readonly (RuleOption | RuleBand)[] {
  return ind.kind === "choice" || ind.kind === "multi"
    ? ind.options
    : ind.kind === "rankBand"
      ? ind.bands
      : [];
}

/** A part's sub-item id: explicit, or `<indicator id>.<code>` when the code is ASCII. */
export function partId(ind: Indicator, part: { id?: string; code: string }): string | undefined {
  return part.id ?? (/^[A-Za-z0-9_]+$/.test(part.code) ? `${ind.id}.${part.code}` : undefined);
}

/** Sub-item ids of an indicator: one per option or band that has an id, explicit or derived. */
export function subItemIds(ind: Indicator): string[] {
  return partsOf(ind).flatMap((p) => partId(ind, p) ?? []);
}

/** Highest and lowest points an indicator can give on its own. */
export function indicatorRange(ind: Indicator): { min: number; max: number | undefined } {
  switch (ind.kind) {
    case "yesno": {
      const no = ind.pointsIfNo ?? 0;
      return { min: Math.min(0, no, ind.points), max: Math.max(0, no, ind.points) };
    }
    case "choice": {
      const pts = ind.options.map((o) => o.points);
      return { min: Math.min(0, ...pts), max: Math.max(0, ...pts) };
    }
    case "multi": {
      const pos = ind.options.reduce((s, o) => s + Math.max(0, o.points), 0);
      const neg = ind.options.reduce((s, o) => s + Math.min(0, o.points), 0);
      return { min: neg, max: ind.cap !== undefined ? Math.min(ind.cap, pos) : pos };
    }
    case "numeric": {
      const ladders = [ind.steps ?? [], ...Object.values(ind.stepsBySize ?? {})];
      const pts = ladders.flat().map((s) => s.points);
      const other = ind.pointsOtherwise ?? 0;
      return { min: Math.min(0, other, ...pts), max: Math.max(0, other, ...pts) };
    }
    case "rankBand": {
      const pts = ind.bands.map((b) => b.points);
      if (ind.cumulative === false) return { min: Math.min(0, ...pts), max: Math.max(0, ...pts) };
      return { min: 0, max: pts.reduce((s, p) => s + p, 0) };
    }
    case "improvement": {
      const pts = ind.steps.map((s) => s.points);
      return { min: Math.min(0, ...pts), max: Math.max(0, ...pts) };
    }
    case "points":
      return { min: ind.min ?? 0, max: ind.max };
  }
}

/** Reachable maximum of a group after its own clamp (undefined when some part is unbounded). */
export function groupReach(group: Group): { min: number; max: number | undefined } {
  let min = 0;
  let max: number | undefined = 0;
  const best = group.aggregate === "best";
  let first = true;
  for (const child of group.children) {
    const r = child.kind === "group" ? groupReach(child) : indicatorRange(child);
    if (best) {
      min = first ? r.min : Math.min(min, r.min);
      max = max === undefined || r.max === undefined ? undefined : first ? r.max : Math.max(max, r.max);
    } else {
      min += r.min;
      max = max === undefined || r.max === undefined ? undefined : max + r.max;
    }
    first = false;
  }
  if (group.max !== undefined) max = max === undefined ? group.max : Math.min(max, group.max);
  if (group.min !== undefined) min = Math.max(min, group.min);
  return { min, max };
}

function semanticProblems(rb: Rulebook): RulebookProblem[] {
  const problems: RulebookProblem[] = [];
  const err = (path: string, message: string) => problems.push({ severity: "error", path, message });
  const warn = (path: string, message: string) => problems.push({ severity: "warning", path, message });

  const ids = new Map<string, string>();
  const indicators = new Map<string, { ind: Indicator; path: string }>();
  /** Sub-item id → the indicator it belongs to. */
  const subOwners = new Map<string, string>();
  const sizeIds = new Set((rb.sizeClasses?.classes ?? []).map((c) => c.id));

  const claim = (id: string, path: string) => {
    const prev = ids.get(id);
    if (prev) err(path, `id "${id}" is used twice (also at ${prev})`);
    else ids.set(id, path);
  };

  const visit = (node: Node, path: string) => {
    claim(node.id, `${path}.id`);
    if (node.kind === "group") {
      if (node.max !== undefined && node.min !== undefined && node.min > node.max) {
        err(`${path}.min`, `floor ${node.min} is above the maximum ${node.max}`);
      }
      node.children.forEach((c, i) => visit(c, `${path}.children[${i}]`));
      const reach = groupReach({ ...node, max: undefined, min: undefined });
      if (node.max !== undefined && reach.max !== undefined && reach.max < node.max) {
        warn(
          `${path}.max`,
          `group "${node.id}" can reach only ${reach.max} of its published maximum ${node.max}`,
        );
      }
      return;
    }
    indicators.set(node.id, { ind: node, path });
    for (const sub of subItemIds(node)) {
      if (sub !== node.id) {
        claim(sub, `${path} (sub-item)`);
        if (!subOwners.has(sub)) subOwners.set(sub, node.id);
      }
    }
    const codes = new Set<string>();
    partsOf(node).forEach((p, i) => {
      const key = p.code.normalize("NFKC");
      if (codes.has(key))
        err(
          `${path}.${node.kind === "rankBand" ? "bands" : "options"}[${i}].code`,
          `code "${p.code}" appears twice`,
        );
      codes.add(key);
    });
    if (node.kind === "numeric") {
      if (!node.steps && !node.stepsBySize)
        err(path, `numeric indicator "${node.id}" needs steps or stepsBySize`);
      for (const size of Object.keys(node.stepsBySize ?? {})) {
        if (!sizeIds.has(size)) err(`${path}.stepsBySize.${size}`, `unknown size class "${size}"`);
      }
    }
    if (node.kind === "rankBand" && node.measure) {
      const n = node.bands.length;
      if (node.measure.cutoffs && node.measure.cutoffs.length !== n) {
        err(
          `${path}.measure.cutoffs`,
          `needs ${n} cut-offs (one per band), has ${node.measure.cutoffs.length}`,
        );
      }
      for (const [size, cuts] of Object.entries(node.measure.cutoffsBySize ?? {})) {
        if (!sizeIds.has(size)) err(`${path}.measure.cutoffsBySize.${size}`, `unknown size class "${size}"`);
        if (cuts.length !== n)
          err(`${path}.measure.cutoffsBySize.${size}`, `needs ${n} cut-offs, has ${cuts.length}`);
      }
    }
    if (node.kind === "multi" && node.cap !== undefined && node.cap < 0)
      err(`${path}.cap`, "cap must not be negative");
    if (node.kind === "points" && node.max !== undefined && node.min !== undefined && node.min > node.max) {
      err(`${path}.min`, `minimum ${node.min} is above the maximum ${node.max}`);
    }
  };
  visit(rb.root, "root");

  // References: prerequisites and answer links must point at indicators (or sub-items) that exist.
  const deps = new Map<string, string[]>();
  for (const [id, { ind, path }] of indicators) {
    const edges: string[] = [];
    ind.requires?.forEach((req, i) => {
      if (req === id) err(`${path}.requires[${i}]`, `"${id}" cannot require itself`);
      else if (indicators.has(req)) edges.push(req);
      else if (subOwners.has(req)) edges.push(subOwners.get(req)!);
      else err(`${path}.requires[${i}]`, `requires unknown indicator "${req}"`);
    });
    if (ind.answerFrom !== undefined) {
      const src = indicators.get(ind.answerFrom);
      if (!src) err(`${path}.answerFrom`, `answerFrom names unknown indicator "${ind.answerFrom}"`);
      else if (src.ind.kind !== ind.kind)
        err(`${path}.answerFrom`, `answerFrom "${ind.answerFrom}" is a ${src.ind.kind}, not a ${ind.kind}`);
      else if (src.ind.answerFrom !== undefined)
        err(`${path}.answerFrom`, `answerFrom "${ind.answerFrom}" is itself linked; link to the original`);
    }
    deps.set(id, edges);
  }
  const state = new Map<string, 1 | 2>();
  const cycleFrom = (id: string, trail: string[]): string[] | null => {
    if (state.get(id) === 2) return null;
    if (state.get(id) === 1) return [...trail, id];
    state.set(id, 1);
    for (const d of deps.get(id) ?? []) {
      const c = cycleFrom(d, [...trail, id]);
      if (c) return c;
    }
    state.set(id, 2);
    return null;
  };
  for (const id of deps.keys()) {
    const c = cycleFrom(id, []);
    if (c) {
      err(indicators.get(id)!.path + ".requires", `prerequisites form a cycle: ${c.join(" → ")}`);
      break;
    }
  }

  for (const [i, m] of (rb.previous?.groups ?? []).entries()) {
    const p = ids.get(m.current);
    if (!p) err(`previous.groups[${i}].current`, `unknown group "${m.current}"`);
  }
  if (rb.root.max === undefined)
    warn("root.max", "the total has no published maximum; rates use the reachable maximum");
  return problems;
}

/** Validate an unknown JSON value as a rulebook. Errors name the offending path. */
export function checkRulebook(doc: unknown): RulebookCheck {
  const parsed = RulebookSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = semanticProblems(parsed.data);
  return {
    ok: !problems.some((p) => p.severity === "error"),
    rulebook: parsed.data,
    problems,
  };
}

export class RulebookError extends Error {
  constructor(
    message: string,
    readonly problems: RulebookProblem[],
  ) {
    super(message);
    this.name = "RulebookError";
  }
}

export function parseRulebook(doc: unknown, origin = "rulebook"): Rulebook {
  const res = checkRulebook(doc);
  if (!res.ok || !res.rulebook) {
    const first = res.problems.find((p) => p.severity === "error");
    throw new RulebookError(
      `${origin}: ${first ? `${first.path}: ${first.message}` : "invalid"}` +
        (res.problems.length > 1 ? ` (+${res.problems.length - 1} more)` : ""),
      res.problems,
    );
  }
  return res.rulebook;
}
