// How money follows the score: share ∝ points × insured persons; optionally a cap per entity whose
// excess goes to those still under their cap (事業費連動分), and payment = min(estimate, requirement).

export interface AllocationEntity {
  id: string;
  points: number;
  /** Insured persons (被保険者数 / 第1号被保険者数). */
  insured: number;
  /** Upper bound of the grant (e.g. 2 × 事業費分); excess is redistributed. */
  cap?: number;
  /** The entity's own requirement (所要見込額): it is paid at most this. */
  requirement?: number;
}

export interface AllocationOptions {
  /** Redistribute what capped entities cannot take to those under their cap (default true when caps exist). */
  redistribute?: boolean;
  /** Round amounts down to whole yen (default false: exact amounts). */
  floorYen?: boolean;
}

export interface Allocation {
  id: string;
  weight: number;
  /** Share of the budget before caps (weight / Σ weights). */
  share: number;
  estimate: number;
  capped: boolean;
  paid: number;
}

export interface AllocationResult {
  budget: number;
  allocations: Allocation[];
  totalEstimate: number;
  totalPaid: number;
  /** Budget not paid out (caps without redistribution, requirements below estimates, rounding). */
  unallocated: number;
}

export function allocate(
  entities: readonly AllocationEntity[],
  budget: number,
  options: AllocationOptions = {},
): AllocationResult {
  if (!(budget >= 0)) throw new RangeError("budget must be a non-negative number");
  const weights = entities.map((e) => Math.max(0, e.points) * Math.max(0, e.insured));
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const estimate = new Array<number>(entities.length).fill(0);
  const capped = new Array<boolean>(entities.length).fill(false);
  const redistribute = options.redistribute ?? true;

  if (totalWeight > 0) {
    if (!redistribute) {
      entities.forEach((e, i) => {
        const raw = (budget * weights[i]) / totalWeight;
        capped[i] = e.cap !== undefined && raw > e.cap;
        estimate[i] = capped[i] ? (e.cap as number) : raw;
      });
    } else {
      // Water-filling: fix the entities over their cap at the cap, share the rest among the others.
      let remaining = budget;
      let active = entities.map((_, i) => i).filter((i) => weights[i] > 0);
      for (;;) {
        const w = active.reduce((s, i) => s + weights[i], 0);
        if (w <= 0) break;
        const over = active.filter((i) => {
          const cap = entities[i].cap;
          return cap !== undefined && (remaining * weights[i]) / w > cap;
        });
        if (over.length === 0) {
          for (const i of active) estimate[i] = (remaining * weights[i]) / w;
          break;
        }
        for (const i of over) {
          estimate[i] = entities[i].cap as number;
          capped[i] = true;
          remaining -= entities[i].cap as number;
        }
        active = active.filter((i) => !over.includes(i));
        if (active.length === 0) break;
      }
    }
  }

  const allocations: Allocation[] = entities.map((e, i) => {
    let est = estimate[i];
    if (options.floorYen) est = Math.floor(est + 1e-6);
    let paid = e.requirement !== undefined ? Math.min(est, e.requirement) : est;
    if (options.floorYen) paid = Math.floor(paid + 1e-6);
    return {
      id: e.id,
      weight: weights[i],
      share: totalWeight > 0 ? weights[i] / totalWeight : 0,
      estimate: est,
      capped: capped[i],
      paid,
    };
  });
  const totalEstimate = allocations.reduce((s, a) => s + a.estimate, 0);
  const totalPaid = allocations.reduce((s, a) => s + a.paid, 0);
  return { budget, allocations, totalEstimate, totalPaid, unallocated: budget - totalPaid };
}
