// Form maps stored as workbook defined names, so maps travel with the file, follow inserted rows,
// show in Name Manager, and the CLI reads the same map as the add-in.
import type { CellInput } from "../engine/types";
import { cellAddress, parseRef, qualified } from "../excel/a1";
import { cellInput, type DefinedName, type RangeRead } from "./port";

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

/** The top-left cell of a range read, as an engine input naming its cell. */
export function cellInputOf(read: RangeRead): CellInput | undefined {
  if (!read.block) return undefined;
  const r = parseRef(read.ref);
  return cellInput(read.block.cells[0]?.[0], qualified(read.block.sheet, cellAddress(r.top, r.left)));
}

/** Name for an indicator's answer cell (ids are valid name fragments by construction). */
export function answerName(indicatorId: string): string {
  return `${ANSWER_PREFIX}${indicatorId}`;
}

export function pointsName(indicatorId: string): string {
  return `${POINTS_PREFIX}${indicatorId}`;
}
