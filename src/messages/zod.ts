// A user's JSON document checked against a zod schema: the first problem, with where it is, in both
// languages (zod's own Japanese and English wording), as the message naming the file.
import { z } from "zod";
import { type Message, msg, UserError } from ".";

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
    case "invalid_value":
      return `${iss.values.map((v) => JSON.stringify(v)).join("、")} のいずれかが必要です`;
    case "too_small":
      return `${String(iss.minimum)} 以上が必要です`;
    case "too_big":
      return `${String(iss.maximum)} 以下が必要です`;
    case "unrecognized_keys":
      return `余分な項目があります（${iss.keys.join("、")}）`;
    case "invalid_key":
      return "使えないキーです";
    case "invalid_union":
      return "値の形式が正しくありません";
    case "invalid_format":
      return "書式が正しくありません";
    case "not_multiple_of":
      return `${String(iss.divisor)} の倍数が必要です`;
    default:
      // Never zod's English in a Japanese sentence.
      return "値が正しくありません";
  }
};

export function schemaProblem(schema: z.ZodType, doc: unknown, file: string, expected: Message): UserError | null {
  const en = schema.safeParse(doc, { error: z.locales.en().localeError });
  if (en.success) return null;
  const ja = schema.safeParse(doc, { error: jaError });
  const issue = en.error.issues[0];
  const where = issue.path.length ? issue.path.map(String).join(".") : "(document)";
  const jaMessage = ja.success ? issue.message : ja.error.issues[0].message;
  return new UserError(msg("json.invalid", { file, expected, where, problem: { ja: jaMessage, en: issue.message } }));
}

/** Parses with the schema, or throws the first problem as a UserError. */
export function parseWithSchema<T>(schema: z.ZodType<T>, doc: unknown, file: string, expected: Message): T {
  const bad = schemaProblem(schema, doc, file, expected);
  if (bad) throw bad;
  return schema.parse(doc);
}
