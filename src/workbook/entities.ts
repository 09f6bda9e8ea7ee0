// Who a row or a workbook is: a municipality's code (保険者番号 / 団体コード, six digits, leading zeros
// kept) and its name. One way to normalise both and to find one entity among many, used wherever a
// user names an insurer: a code finds its row; a name finds a row only when no other row has it
// (府中市 and 伊達市 each exist twice); two rows with one code are reported, never resolved by order.

/** Full-width digits and spaces folded, white space removed. */
export function normaliseKey(raw: string): string {
  return raw.normalize("NFKC").replace(/[\s\u3000]+/g, "");
}

/** A code as text: digits only, padded to six (a code typed as a number lost its leading zeros). */
export function normaliseCode(raw: string | number | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "number") {
    if (!Number.isInteger(raw) || raw < 0) return undefined;
    return String(raw).padStart(6, "0");
  }
  const t = normaliseKey(raw);
  if (!t) return undefined;
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
  const want = normaliseCode(code);
  if (!want) return { kind: "none" };
  return pick(
    entities.filter((e) => e.code !== null && e.code !== undefined && normaliseCode(e.code) === want),
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
