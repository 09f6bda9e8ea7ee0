// Standard competition ranking ("1224"), as MHLW publishes it: 572, 572 → 7, 7, then 9.

export interface Rankable {
  id: string;
  points: number;
  /** Size band for the per-band ranking (e.g. 第1号被保険者数 class). */
  band?: string;
}

export interface Ranked {
  id: string;
  points: number;
  rank: number;
  band?: string;
  bandRank?: number;
  /** How many were ranked together (overall / within the band). */
  of: number;
  bandOf?: number;
}

function competition(points: number[]): number[] {
  const sorted = [...points].sort((a, b) => b - a);
  // rank = 1 + number strictly above: the first index of the value in the sorted list.
  const first = new Map<number, number>();
  sorted.forEach((p, i) => {
    if (!first.has(p)) first.set(p, i + 1);
  });
  return points.map((p) => first.get(p)!);
}

export function rank(entities: readonly Rankable[]): Ranked[] {
  const valid = entities.filter((e) => Number.isFinite(e.points));
  const overall = competition(valid.map((e) => e.points));
  const out: Ranked[] = valid.map((e, i) => ({
    id: e.id,
    points: e.points,
    rank: overall[i],
    of: valid.length,
  }));
  const byBand = new Map<string, number[]>();
  valid.forEach((e, i) => {
    if (e.band === undefined) return;
    const list = byBand.get(e.band) ?? [];
    list.push(i);
    byBand.set(e.band, list);
  });
  for (const [band, idxs] of byBand) {
    const ranks = competition(idxs.map((i) => valid[i].points));
    idxs.forEach((i, k) => {
      out[i].band = band;
      out[i].bandRank = ranks[k];
      out[i].bandOf = idxs.length;
    });
  }
  return out;
}
