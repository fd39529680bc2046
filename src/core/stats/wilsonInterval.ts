import { normalQuantile } from "./distributions";
import { assertCount, StatsInputError } from "./statsInputError";

export interface Interval {
  /** successes / n */
  estimate: number;
  lower: number;
  upper: number;
}

/** z for a two-sided interval at `confidence` (0.95 gives 1.959964). */
export function zFor(confidence: number): number {
  if (!(confidence > 0 && confidence < 1))
    throw new StatsInputError(`confidence must be between 0 and 1 (got ${confidence})`);
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * Wilson score interval for a proportion: unlike the textbook p ± z·se it stays inside
 * [0, 1] and behaves for small n and for 0 or n successes.
 * @param z defaults to the 95% value.
 */
export function wilson(successes: number, n: number, z: number = zFor(0.95)): Interval {
  assertCount(successes, "successes");
  assertCount(n, "n");
  if (n === 0) throw new StatsInputError("n must be at least 1 for a proportion");
  if (successes > n) throw new StatsInputError(`successes (${successes}) exceed n (${n})`);
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes the exact bound is 0 or 1; rounding would leave 1e-17.
  return {
    estimate: p,
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
  };
}
