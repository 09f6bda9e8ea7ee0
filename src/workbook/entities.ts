// Who a row or a workbook is: a municipality's code (保険者番号 / 団体コード, six digits, leading zeros
// kept) and its name. One way to normalise both and to find one entity among many, used wherever a
// user names an insurer: a code finds its row; a name finds a row only when no other row has it
// (府中市 and 伊達市 each exist twice); two rows with one code are reported, never resolved by order.

/** The labels forms, CSV files and the national tally use for who an entity is (one list for all). */
export const ENTITY_LABELS = {
  code: ["市町村コード", "保険者番号", "保険者コード", "団体コード"],
  name: ["市町村名", "保険者名", "団体名"],
  insured: ["第1号被保険者数", "被保険者数"],
} as const;
export type EntityField = keyof typeof ENTITY_LABELS;

/** The field a label names: the whole label (forms, CSV headers) or, with `within`, a part of it (tally headers). */
export function entityFieldOf(label: string, within = false): EntityField | undefined {
  const t = normaliseKey(label);
  if (!t) return undefined;
  for (const [field, labels] of LABEL_KEYS)
    for (const l of labels) if (within ? t.includes(l) : t === l) return field;
  return undefined;
}

/** ENTITY_LABELS normalised once (every cell of a form's metadata rows is asked about). */
const LABEL_KEYS = (Object.keys(ENTITY_LABELS) as EntityField[]).map(
  (field) => [field, ENTITY_LABELS[field].map((l) => normaliseKey(l))] as const,
);

/** Full-width digits and spaces folded, white space removed. */
export function normaliseKey(raw: string): string {
  return raw.normalize("NFKC").replace(/[\s\u3000]+/g, "");
}

/**
 * A code as it is kept: text as written (width and spaces folded), and a code typed as a number
 * padded to six digits, the leading zeros it lost (保険者番号 and 団体コード with its check digit
 * have six).
 */
export function normaliseCode(raw: string | number | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "number") {
    if (!Number.isInteger(raw) || raw < 0) return String(raw);
    return String(raw).padStart(6, "0");
  }
  return normaliseKey(raw) || undefined;
}

/** What two codes are compared by: digits padded to six, so 12025, "12025" and "０１２０２５" agree. */
function codeKey(raw: string): string {
  const t = normaliseKey(raw);
  return /^\d{1,6}$/.test(t) ? t.padStart(6, "0") : t;
}

export type EntityMatch<T> =
  | { kind: "found"; entity: T }
  | { kind: "ambiguous"; by: "code" | "name"; entities: T[] }
  | { kind: "none" };

type Named = { code?: string | null; name: string };

function pick<T>(list: T[], by: "code" | "name"): EntityMatch<T> {
  if (list.length === 1) return { kind: "found", entity: list[0] };
  if (list.length > 1) return { kind: "ambiguous", by, entities: list };
  return { kind: "none" };
}

export function matchByCode<T extends Named>(entities: readonly T[], code: string | undefined): EntityMatch<T> {
  if (!code || !normaliseKey(code)) return { kind: "none" };
  const want = codeKey(code);
  return pick(
    entities.filter((e) => e.code !== null && e.code !== undefined && codeKey(e.code) === want),
    "code",
  );
}

export function matchByName<T extends Named>(entities: readonly T[], name: string | undefined): EntityMatch<T> {
  const want = normaliseKey(name ?? "");
  if (!want) return { kind: "none" };
  return pick(entities.filter((e) => normaliseKey(e.name) === want), "name");
}

/** One entity by what a user typed: digits are a code, anything else (or an unknown code) a name. */
export function matchEntity<T extends Named>(entities: readonly T[], key: string | undefined): EntityMatch<T> {
  const want = normaliseKey(key ?? "");
  if (!want) return { kind: "none" };
  if (/^\d+$/.test(want)) {
    const byCode = matchByCode(entities, want);
    if (byCode.kind !== "none") return byCode;
  }
  return matchByName(entities, want);
}

/** A workbook's entity among others: by its code when it has one, else (or if no code matches) by its name. */
export function matchIdentity<T extends Named>(
  entities: readonly T[],
  identity: { code?: string; name: string },
): EntityMatch<T> {
  if (identity.code !== undefined) {
    const byCode = matchByCode(entities, identity.code);
    if (byCode.kind !== "none") return byCode;
  }
  return matchByName(entities, identity.name);
}
