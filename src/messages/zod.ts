// A user's JSON document checked against a zod schema: the first problem, with where it is, in both
// languages (our own short wording, not zod's), as the message naming the file.
import { z } from "zod";
import { listOf, type Message, type MessageCode, msg, UserError } from ".";

/** A schema's own problem (a refinement's), as the params of a custom issue: the catalogue message
 *  both error maps render in their language. */
export function schemaIssue(m: Message): { saiten: Message } {
  return { saiten: m };
}

const ownMessage = (iss: { params?: Record<string, unknown> }): Message | undefined =>
  iss.params?.saiten as Message | undefined;

const TYPE_NAMES: Record<string, MessageCode> = {
  string: "json.type.string",
  number: "json.type.number",
  int: "json.type.int",
  boolean: "json.type.boolean",
  object: "json.type.object",
  array: "json.type.array",
  record: "json.type.object",
};

/** What a field lacks, and that the field itself is missing when it is. */
function needs(iss: { input?: unknown }, m: Message): Message {
  return iss.input === undefined ? msg("json.missing", { what: m }) : m;
}

/**
 * A problem zod finds in a user's JSON document (rulebook, tally, result), as a catalogue message: our
 * short words in both languages, never zod's English. The issue as a parse run with reportInput reports
 * it (a missing field is one without input).
 */
export function issueMessage(iss: z.core.$ZodIssue): Message {
  switch (iss.code) {
    case "invalid_type": {
      const type = TYPE_NAMES[iss.expected];
      return needs(iss, msg("json.need-type", { type: type ? msg(type) : iss.expected }));
    }
    case "invalid_value":
      return needs(iss, msg("json.need-one-of", { values: listOf(iss.values.map((v) => JSON.stringify(v))) }));
    case "too_small": {
      const code = iss.origin === "array" ? "json.too-few" : iss.origin === "string" ? "json.too-short" : "json.too-small";
      return msg(code, { n: String(iss.minimum) });
    }
    case "too_big": {
      const code = iss.origin === "array" ? "json.too-many" : iss.origin === "string" ? "json.too-long" : "json.too-big";
      return msg(code, { n: String(iss.maximum) });
    }
    case "unrecognized_keys":
      return msg("json.extra-keys", { keys: listOf(iss.keys) });
    case "invalid_key":
      return msg("json.bad-key");
    case "invalid_union":
      return iss.input === undefined ? needs(iss, msg("json.need-value")) : msg("json.bad-form");
    case "invalid_format":
      return msg("json.bad-format");
    case "not_multiple_of":
      return msg("json.multiple-of", { n: String(iss.divisor) });
    case "custom":
      return ownMessage(iss) ?? msg("json.bad-value");
    default:
      return msg("json.bad-value");
  }
}

/** A form of a union that the value is not of: its "kind" is another (a group's, or no indicator's). */
function rejectsKind(iss: z.core.$ZodIssue): boolean {
  return iss.path.length === 1 && iss.path[0] === "kind" && (iss.code === "invalid_value" || iss.code === "invalid_union");
}

/**
 * The problems to tell: where a value fits none of a union's forms (a rulebook's node is a group or an
 * indicator of some kind), the problems of the one form its "kind" says it meant, at their full paths
 * (「root.children[0].children[2].points: 数値が必要です」), rather than "not in a form that is allowed"
 * at the node. A union whose forms all fail on something else keeps its own problem.
 */
export function tellableIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((iss) => {
    if (iss.code !== "invalid_union") return [iss];
    const meant = iss.errors.filter((form) => form.length > 0 && !form.some(rejectsKind));
    if (meant.length === 1)
      return tellableIssues(meant[0].map((inner) => ({ ...inner, path: [...iss.path, ...inner.path] })));
    if (meant.length === 0 && iss.errors.length > 0 && iss.errors.every((form) => form.some(rejectsKind)))
      return [kindNoneOf(iss)];
    return [iss];
  });
}

/** A "kind" that no form of the union has, told as one of every form's kinds being needed at it. */
function kindNoneOf(iss: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue {
  const values = iss.errors.flatMap((form) =>
    form.filter(rejectsKind).flatMap((k) => (k.code === "invalid_value" ? k.values : ((k as { options?: unknown[] }).options ?? []))),
  );
  const node = iss.input;
  const input = node !== null && typeof node === "object" ? (node as { kind?: unknown }).kind : undefined;
  return { code: "invalid_value", values: values as z.core.util.Primitive[], path: [...iss.path, "kind"], input, message: "" };
}

/** The document parsed once (its problems report their input, see issueMessage). */
function parsed<T>(schema: z.ZodType<T>, doc: unknown) {
  return schema.safeParse(doc, { reportInput: true });
}

/** The first problem as the message naming the file. */
function problemOf(issues: readonly z.core.$ZodIssue[], file: string, expected: Message): UserError {
  const issue = tellableIssues(issues)[0];
  const where = issue.path.length ? issue.path.map(String).join(".") : msg("json.whole-document");
  return new UserError(msg("json.invalid", { file, expected, where, problem: issueMessage(issue) }));
}

export function schemaProblem(schema: z.ZodType, doc: unknown, file: string, expected: Message): UserError | null {
  const r = parsed(schema, doc);
  return r.success ? null : problemOf(r.error.issues, file, expected);
}

/** Parses with the schema (once), or throws the first problem as a UserError. */
export function parseWithSchema<T>(schema: z.ZodType<T>, doc: unknown, file: string, expected: Message): T {
  const r = parsed(schema, doc);
  if (!r.success) throw problemOf(r.error.issues, file, expected);
  return r.data;
}
