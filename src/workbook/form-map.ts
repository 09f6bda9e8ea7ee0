// Form maps stored as workbook defined names, so maps travel with the file, follow inserted rows,
// show in Name Manager, and the CLI reads the same map as the add-in.
import type { CellInput } from "../engine/types";
import { cellAddress, parseRef, qualified } from "./a1";
import type { DefinedName, WorkbookPort } from "./port";

/** saiten.a.<indicator id> names the answer cell; saiten.p.<id> the cell that receives its points. */
export const ANSWER_PREFIX = "saiten.a.";
export const POINTS_PREFIX = "saiten.p.";

export interface NamedMap {
  answers: Map<string, string>;
  points: Map<string, string>;
}

export function namedMap(names: readonly DefinedName[]): NamedMap {
  const answers = new Map<string, string>();
  const points = new Map<string, string>();
  for (const n of names) {
    const lower = n.name.toLowerCase();
    if (lower.startsWith(ANSWER_PREFIX)) answers.set(n.name.slice(ANSWER_PREFIX.length), n.ref);
    else if (lower.startsWith(POINTS_PREFIX)) points.set(n.name.slice(POINTS_PREFIX.length), n.ref);
  }
  return { answers, points };
}

/** Reads every mapped answer cell in one batch. */
export async function readNamedAnswers(
  port: WorkbookPort,
  map: NamedMap,
): Promise<Record<string, CellInput>> {
  const ids = [...map.answers.keys()];
  const refs = ids.map((id) => map.answers.get(id)!);
  const blocks = await port.readRanges(refs);
  const out: Record<string, CellInput> = {};
  blocks.forEach((b, k) => {
    const c = b.cells[0]?.[0];
    const r = parseRef(refs[k]);
    const input: CellInput = {
      value: c?.value ?? null,
      cell: qualified(b.sheet, cellAddress(r.top, r.left)),
    };
    if (c?.numFmt) input.numFmt = c.numFmt;
    if (c?.error) input.error = c.error;
    out[ids[k]] = input;
  });
  return out;
}
