// Rates are exact ratios; they are shown and judged rounded half-up (四捨五入) at a fixed number of
// decimals, computed in integers so that 663/800 → 82.9 and 621/800 → 77.6 never suffer float error.

function decimals(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

function toScaledBigInt(n: number, k: number): bigint {
  // n has at most k decimals: its decimal text is exact, so shift the point in the string.
  const neg = n < 0;
  const [int, frac = ""] = Math.abs(n).toFixed(k).split(".");
  const v = BigInt(int + frac.padEnd(k, "0"));
  return neg ? -v : v;
}

/** Removes binary noise from sums, differences and ×100 (0.1 + 0.2, 0.605 × 100 = 60.49999…). */
export function dropFloatNoise(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** Round half away from zero at `digits` decimals of a/b expressed in percent. */
export function ratePercent(points: number, max: number, digits = 1): number {
  if (!(max > 0)) throw new RangeError("max must be positive");
  // Fast path for whole points: every operand stays an exact integer far below 2^53, and with a
  // divisor below 2^24 the floored quotient cannot be pushed over an integer by rounding.
  if (Number.isInteger(points) && Number.isInteger(max) && max < 2 ** 24 && digits <= 6) {
    const scale = 10 ** (digits + 2);
    const absA = Math.abs(points);
    if (absA * scale < 2 ** 48) {
      const q = Math.floor((2 * absA * scale + max) / (2 * max));
      const r = q / 10 ** digits;
      return points < 0 ? -r : r;
    }
  }
  return ratePercentExact(points, max, digits);
}

/** The general path in BigInt arithmetic (any decimals, any size). */
export function ratePercentExact(points: number, max: number, digits = 1): number {
  if (!(max > 0)) throw new RangeError("max must be positive");
  const k = Math.min(12, Math.max(decimals(points), decimals(max)));
  const a = toScaledBigInt(points, k);
  const b = toScaledBigInt(max, k);
  const scale = 10n ** BigInt(digits + 2);
  const neg = a < 0n;
  const absA = neg ? -a : a;
  const q = (2n * absA * scale + b) / (2n * b);
  const r = Number(q) / 10 ** digits;
  return neg ? -r : r;
}

/** Decimals a mean of points is shown with (全国平均, the folder's mean): the pane, the CLI's report
 *  and the summary workbook alike. */
export const MEAN_DIGITS = 1;

/** Rounds any number half away from zero at `digits` decimals (for display of averages etc.). */
export function roundHalfUp(value: number, digits = 1): number {
  const k = Math.min(12, decimals(value));
  const a = toScaledBigInt(value, Math.max(k, digits));
  const shift = 10n ** BigInt(Math.max(k, digits) - digits);
  const neg = a < 0n;
  const absA = neg ? -a : a;
  const q = (2n * absA + shift) / (2n * shift);
  const r = Number(q) / 10 ** digits;
  return neg ? -r : r;
}

export function formatPercent(p: number | null, digits = 1): string {
  return p === null ? "―" : `${p.toFixed(digits)}%`;
}
