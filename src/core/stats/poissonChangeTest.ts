import { binomialUpperTail } from "./distributions";
import { assertCount } from "./statsInputError";

export interface PoissonChangeResult {
  previous: number;
  current: number;
  /** previous + current: the total the conditional test is taken on. */
  n: number;
  /** Two-sided p-value of "no change in the underlying rate". */
  pValue: number;
  direction: "increase" | "decrease" | "none";
  /** (current - previous) / previous × 100, unrounded; null when previous is 0. */
  changePct: number | null;
}

/**
 * Exact conditional test for two Poisson counts over equal periods: given n = a + b,
 * b ~ Binomial(n, 1/2) when nothing changed. The null distribution is symmetric, so the
 * two-sided p-value is twice the tail beyond the larger count (capped at 1). Tails come
 * from the regularised incomplete beta, which stays accurate for counts in the tens of
 * thousands, so no normal approximation is used.
 */
export function poissonChangeTest(previous: number, current: number): PoissonChangeResult {
  assertCount(previous, "previous count");
  assertCount(current, "current count");
  const n = previous + current;
  const direction = current > previous ? "increase" : current < previous ? "decrease" : "none";
  const changePct = previous === 0 ? null : ((current - previous) / previous) * 100;
  const pValue =
    direction === "none"
      ? 1
      : Math.min(1, 2 * binomialUpperTail(Math.max(previous, current), n, 0.5));
  return { previous, current, n, pValue, direction, changePct };
}
