// Schema validation plus the checks a schema cannot express (unique ids, references, reachable maxima).
import { z } from "zod";
import { issueMessage, tellableIssues } from "../messages/zod";
import { type Message, msg, render } from "../messages";
import { Indicator, Node, Rulebook, RulebookSchema } from "./schema";
import { groupReach, partsOf, subItemIds } from "./structure";

export interface RulebookProblem {
  severity: "error" | "warning";
  /** Where in the document, e.g. `root.children[2].children[0].max`. */
  path: string;
  /** What is wrong, as a catalogue message (shown in the user's language). */
  detail: Message;
  /** The detail in English, for logs and JSON consumers. */
  message: string;
  /** The id of the innermost indicator or group on the path, by which an author finds the place. */
  nodeId?: string;
}

/** Deepest group nesting a rulebook may have (real ones have four or five levels). */
export const MAX_GROUP_DEPTH = 12;

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

function problem(severity: RulebookProblem["severity"], path: string, detail: Message): RulebookProblem {
  return { severity, path, detail, message: render(detail, "en") };
}

function zodProblems(error: z.ZodError): RulebookProblem[] {
  return tellableIssues(error.issues).map((issue) =>
    problem("error", pathText(issue.path), msg("rb.schema", { problem: issueMessage(issue) })),
  );
}

function semanticProblems(rb: Rulebook): RulebookProblem[] {
  const problems: RulebookProblem[] = [];
  const err = (path: string, detail: Message) => problems.push(problem("error", path, detail));
  const warn = (path: string, detail: Message) => problems.push(problem("warning", path, detail));

  const ids = new Map<string, string>();
  const indicators = new Map<string, { ind: Indicator; path: string }>();
  /** Sub-item id → the indicator it belongs to. */
  const subOwners = new Map<string, string>();
  const sizeIds = new Set((rb.sizeClasses?.classes ?? []).map((c) => c.id));

  const claim = (id: string, path: string) => {
    const prev = ids.get(id);
    if (prev) err(path, msg("rb.id-twice", { id, other: prev }));
    else ids.set(id, path);
  };
  /** A maximum below zero is only meaningful above a floor the rulebook declares. */
  const bounds = (path: string, max: number | undefined, min: number | undefined, floor: "floor" | "min") => {
    if (max !== undefined && min !== undefined && min > max)
      err(`${path}.min`, msg(floor === "floor" ? "rb.floor-above-max" : "rb.min-above-max", { min, max }));
    else if (max !== undefined && max < 0 && min === undefined) err(`${path}.max`, msg("rb.negative-max", { max }));
  };

  const visit = (node: Node, path: string, depth: number) => {
    claim(node.id, `${path}.id`);
    if (node.kind === "group") {
      if (depth > MAX_GROUP_DEPTH) return err(path, msg("rb.too-deep", { id: node.id, depth: MAX_GROUP_DEPTH }));
      bounds(path, node.max, node.min, "floor");
      node.children.forEach((c, i) => visit(c, `${path}.children[${i}]`, depth + 1));
      const reach = groupReach({ ...node, max: undefined, min: undefined });
      if (node.max !== undefined && reach.max !== undefined && reach.max < node.max) {
        warn(`${path}.max`, msg("rb.unreachable-max", { id: node.id, reach: reach.max, max: node.max }));
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
        err(`${path}.${node.kind === "rankBand" ? "bands" : "options"}[${i}].code`, msg("rb.code-twice", { code: p.code }));
      codes.add(key);
    });
    if (node.kind === "numeric") {
      if (!node.steps && !node.stepsBySize) err(path, msg("rb.numeric-needs-steps", { id: node.id }));
      for (const size of Object.keys(node.stepsBySize ?? {})) {
        if (!sizeIds.has(size)) err(`${path}.stepsBySize.${size}`, msg("rb.unknown-size-class", { size }));
      }
      if (node.range?.min !== undefined && node.range.max !== undefined && node.range.min > node.range.max)
        err(`${path}.range.min`, msg("rb.min-above-max", { min: node.range.min, max: node.range.max }));
    }
    if (node.kind === "rankBand" && node.measure) {
      const n = node.bands.length;
      if (node.measure.cutoffs && node.measure.cutoffs.length !== n) {
        err(`${path}.measure.cutoffs`, msg("rb.cutoffs-count", { n, has: node.measure.cutoffs.length }));
      }
      for (const [size, cuts] of Object.entries(node.measure.cutoffsBySize ?? {})) {
        if (!sizeIds.has(size)) err(`${path}.measure.cutoffsBySize.${size}`, msg("rb.unknown-size-class", { size }));
        if (cuts.length !== n) err(`${path}.measure.cutoffsBySize.${size}`, msg("rb.cutoffs-count", { n, has: cuts.length }));
      }
    }
    if (node.kind === "multi" && node.cap !== undefined && node.cap < 0) err(`${path}.cap`, msg("rb.cap-negative"));
    if (node.kind === "points") bounds(path, node.max, node.min, "min");
  };
  visit(rb.root, "root", 1);

  // References: prerequisites and answer links must point at indicators (or sub-items) that exist.
  const deps = new Map<string, string[]>();
  for (const [id, { ind, path }] of indicators) {
    const edges: string[] = [];
    ind.requires?.forEach((req, i) => {
      if (req === id) err(`${path}.requires[${i}]`, msg("rb.requires-self", { id }));
      else if (indicators.has(req)) edges.push(req);
      else if (subOwners.has(req)) edges.push(subOwners.get(req)!);
      else err(`${path}.requires[${i}]`, msg("rb.requires-unknown", { id: req }));
    });
    if (ind.answerFrom !== undefined) {
      const src = indicators.get(ind.answerFrom);
      if (!src) err(`${path}.answerFrom`, msg("rb.answer-from-unknown", { id: ind.answerFrom }));
      else if (src.ind.kind !== ind.kind)
        err(`${path}.answerFrom`, msg("rb.answer-from-kind", { id: ind.answerFrom, kind: src.ind.kind, own: ind.kind }));
      else if (src.ind.answerFrom !== undefined) err(`${path}.answerFrom`, msg("rb.answer-from-linked", { id: ind.answerFrom }));
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
      err(indicators.get(id)!.path + ".requires", msg("rb.requires-cycle", { cycle: c.join(" → ") }));
      break;
    }
  }

  for (const [i, m] of (rb.previous?.groups ?? []).entries()) {
    const p = ids.get(m.current);
    if (!p) err(`previous.groups[${i}].current`, msg("rb.previous-unknown-group", { id: m.current }));
  }
  if (rb.root.max === undefined) warn("root.max", msg("rb.total-no-max"));
  return problems;
}

/** A group tree nested past MAX_GROUP_DEPTH, found before the (recursive) schema walks it. */
function depthProblem(doc: unknown): RulebookProblem | null {
  let node = (doc as { root?: unknown } | null)?.root;
  const walk = (n: unknown, path: string, depth: number): RulebookProblem | null => {
    if (typeof n !== "object" || n === null) return null;
    const children = (n as { children?: unknown }).children;
    if (!Array.isArray(children)) return null;
    if (depth > MAX_GROUP_DEPTH) {
      const id = String((n as { id?: unknown }).id ?? "");
      return problem("error", path, msg("rb.too-deep", { id, depth: MAX_GROUP_DEPTH }));
    }
    for (let i = 0; i < children.length; i++) {
      const p = walk(children[i], `${path}.children[${i}]`, depth + 1);
      if (p) return p;
    }
    return null;
  };
  if (node === undefined) node = null;
  return walk(node, "root", 1);
}

/** The id of the innermost object with a text id on a path (`root.children[0].children[2].max`) in the document. */
function nodeIdAt(doc: unknown, path: string): string | undefined {
  let node = doc;
  let id: string | undefined;
  const idOf = (v: unknown) => {
    const own = v !== null && typeof v === "object" ? (v as { id?: unknown }).id : undefined;
    if (typeof own === "string" && own) id = own;
  };
  for (const key of path.split(/\.|\[(\d+)\]/).filter(Boolean)) {
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, key)) break;
    node = (node as Record<string, unknown>)[key];
    idOf(node);
  }
  return id;
}

/** Validate an unknown JSON value as a rulebook. Errors name the offending path. */
export function checkRulebook(doc: unknown): RulebookCheck {
  const deep = depthProblem(doc);
  if (deep) return { ok: false, problems: [deep] };
  const withIds = (problems: RulebookProblem[]) =>
    problems.map((p) => {
      const nodeId = nodeIdAt(doc, p.path);
      return nodeId ? { ...p, nodeId } : p;
    });
  // Its problems report their input: issueMessage tells a missing field by it.
  const parsed = RulebookSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: withIds(zodProblems(parsed.error)) };
  const problems = withIds(semanticProblems(parsed.data));
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
