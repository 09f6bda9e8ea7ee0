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

/** One entity by code (digits) or by a name that only one entity carries. */
export function matchEntity<T extends { code?: string | null; name: string }>(
  entities: readonly T[],
  key: string | undefined,
): EntityMatch<T> {
  const want = normaliseKey(key ?? "");
  if (!want) return { kind: "none" };
  const pick = (list: T[], by: "code" | "name"): EntityMatch<T> | undefined =>
    list.length === 1 ? { kind: "found", entity: list[0] } : list.length > 1 ? { kind: "ambiguous", by, entities: list } : undefined;
  if (/^\d+$/.test(want)) {
    const code = normaliseCode(want);
    const byCode = pick(
      entities.filter((e) => e.code !== null && e.code !== undefined && normaliseCode(e.code) === code),
      "code",
    );
    if (byCode) return byCode;
  }
  return pick(entities.filter((e) => normaliseKey(e.name) === want), "name") ?? { kind: "none" };
}
