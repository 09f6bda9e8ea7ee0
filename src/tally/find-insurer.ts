// Finding one insurer's row in a tally, by the one rule for matching entities (see ../entities).
import { type EntityMatch, matchEntity } from "../workbook/entities";
import type { TallyMunicipality } from "./types";

export function matchInsurer(
  municipalities: readonly TallyMunicipality[],
  key: string | undefined,
): EntityMatch<TallyMunicipality> {
  return matchEntity(municipalities, key);
}

/** The row, or undefined when none or several rows answer to the key. */
export function findInsurer(
  municipalities: readonly TallyMunicipality[],
  key: string | undefined,
): TallyMunicipality | undefined {
  const m = matchEntity(municipalities, key);
  return m.kind === "found" ? m.entity : undefined;
}
