// A user's JSON document checked against a zod schema: the first problem, with where it is, in both
// languages (our own short wording, not zod's), as the message naming the file.
import { z } from "zod";
import { type Message, msg, render, UserError } from ".";

/** A schema's own problem (a refinement's), as the params of a custom issue: the catalogue message
 *  both error maps render in their language. */
export function schemaIssue(m: Message): { saiten: Message } {
  return { saiten: m };
}

const ownMessage = (iss: { params?: Record<string, unknown> }): Message | undefined =>
  iss.params?.saiten as Message | undefined;

const TYPE_NAMES: Record<string, string> = {
  string: "文字列",
  number: "数値",
  int: "整数",
  boolean: "真偽値",
  object: "オブジェクト",
  array: "配列",
  record: "オブジェクト",
};

/** Short Japanese messages for the issues a user's JSON document (rulebook, tally, result) can have. */
export const jaError: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case "invalid_type": {
      const what = `${TYPE_NAMES[iss.expected] ?? iss.expected}が必要です`;
      return iss.input === undefined ? `${what}（項目がありません）` : what;
    }
    case "invalid_value": {
      const what = `${iss.values.map((v) => JSON.stringify(v)).join("、")} のいずれかが必要です`;
      return iss.input === undefined ? `${what}（項目がありません）` : what;
    }
    case "too_small":
      return iss.origin === "array"
        ? `${String(iss.minimum)} 件以上が必要です`
        : iss.origin === "string"
          ? `${String(iss.minimum)} 文字以上が必要です`
          : `${String(iss.minimum)} 以上が必要です`;
    case "too_big":
      return iss.origin === "array"
        ? `${String(iss.maximum)} 件以下にしてください`
        : iss.origin === "string"
          ? `${String(iss.maximum)} 文字以下にしてください`
          : `${String(iss.maximum)} 以下が必要です`;
    case "unrecognized_keys":
      return `余分な項目があります（${iss.keys.join("、")}）`;
    case "invalid_key":
      return "使えないキーです";
    case "invalid_union":
      return iss.input === undefined ? "値が必要です（項目がありません）" : "値の形式が正しくありません";
    case "invalid_format":
      return "書式が正しくありません";
    case "not_multiple_of":
      return `${String(iss.divisor)} の倍数が必要です`;
    case "custom": {
      const own = ownMessage(iss);
      return own ? render(own, "ja") : "値が正しくありません";
    }
    default:
      // Never zod's English in a Japanese sentence.
      return "値が正しくありません";
  }
};

const TYPE_NAMES_EN: Record<string, string> = {
  string: "a text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  record: "an object",
};

/** The same problems in short English, in our words rather than zod's. */
export const enError: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case "invalid_type": {
      const what = `${TYPE_NAMES_EN[iss.expected] ?? iss.expected} is needed`;
      return iss.input === undefined ? `${what} (the entry is missing)` : what;
    }
    case "invalid_value": {
      const what = `one of ${iss.values.map((v) => JSON.stringify(v)).join(", ")} is needed`;
      return iss.input === undefined ? `${what} (the entry is missing)` : what;
    }
    case "too_small":
      return iss.origin === "array"
        ? `at least ${String(iss.minimum)} ${iss.minimum === 1 ? "entry is" : "entries are"} needed`
        : iss.origin === "string"
          ? `at least ${String(iss.minimum)} ${iss.minimum === 1 ? "character is" : "characters are"} needed`
          : `${String(iss.minimum)} or more is needed`;
    case "too_big":
      return iss.origin === "array"
        ? `at most ${String(iss.maximum)} entries are allowed`
        : iss.origin === "string"
          ? `at most ${String(iss.maximum)} characters are allowed`
          : `${String(iss.maximum)} or less is needed`;
    case "unrecognized_keys":
      return `there are entries that do not belong here (${iss.keys.join(", ")})`;
    case "invalid_key":
      return "this key cannot be used";
    case "invalid_union":
      return iss.input === undefined
        ? "a value is needed (the entry is missing)"
        : "the value is not in a form that is allowed";
    case "invalid_format":
      return "the value is not written in the right format";
    case "not_multiple_of":
      return `a multiple of ${String(iss.divisor)} is needed`;
    case "custom": {
      const own = ownMessage(iss);
      return own ? render(own, "en") : "the value is not valid";
    }
    default:
      return "the value is not valid";
  }
};

export function schemaProblem(schema: z.ZodType, doc: unknown, file: string, expected: Message): UserError | null {
  const en = schema.safeParse(doc, { error: enError });
  if (en.success) return null;
  const ja = schema.safeParse(doc, { error: jaError });
  const issue = en.error.issues[0];
  const where = issue.path.length ? issue.path.map(String).join(".") : msg("json.whole-document");
  const jaMessage = ja.success ? issue.message : ja.error.issues[0].message;
  return new UserError(msg("json.invalid", { file, expected, where, problem: { ja: jaMessage, en: issue.message } }));
}

/** Parses with the schema, or throws the first problem as a UserError. */
export function parseWithSchema<T>(schema: z.ZodType<T>, doc: unknown, file: string, expected: Message): T {
  const bad = schemaProblem(schema, doc, file, expected);
  if (bad) throw bad;
  return schema.parse(doc);
}
