// Finding one insurer's row in a tally: by 保険者番号 (digits, leading zeros restored), else by a name
// that only one row carries (府中市 and 伊達市 exist twice, so a shared name finds nothing).
import type { TallyMunicipality } from "./types";

export function findInsurer(
  municipalities: readonly TallyMunicipality[],
  key: string | undefined,
): TallyMunicipality | undefined {
  const want = (key ?? "").normalize("NFKC").replace(/[\s\u3000]+/g, "");
  if (!want) return undefined;
  if (/^\d+$/.test(want)) {
    const code = want.padStart(6, "0");
    const byCode = municipalities.find((m) => m.code === code);
    if (byCode) return byCode;
  }
  const named = municipalities.filter((m) => m.name.normalize("NFKC").replace(/[\s\u3000]+/g, "") === want);
  return named.length === 1 ? named[0] : undefined;
}
