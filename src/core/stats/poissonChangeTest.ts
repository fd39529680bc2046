import { roundHalfAwayFromZero } from "../round";
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
  /** The dispersion φ the counts were deflated by before the test (1: Poisson only). */
  dispersion: number;
}

/** A count deflated by φ as the sheet's formula does it: ROUND(count / φ, 0). */
export function deflatedCount(count: number, phi: number): number {
  return phi === 1 ? count : roundHalfAwayFromZero(count / phi, 0);
}

/**
 * Exact conditional test for two Poisson counts over equal periods: given n = a + b,
 * b ~ Binomial(n, 1/2) when nothing changed. The null distribution is symmetric, so the
 * two-sided p-value is twice the tail beyond the larger count (capped at 1). Tails come
 * from the regularised incomplete beta, which stays accurate for counts in the tens of
 * thousands, so no normal approximation is used.
 *
 * With a dispersion φ > 1 (counts that vary φ times as much as Poisson, as measured across
 * a group of areas) both counts are divided by φ and rounded before the test: a count
 * with variance φμ behaves as a Poisson count of mean μ/φ (the quasi-Poisson scaling).
 */
export function poissonChangeTest(
  previous: number,
  current: number,
  dispersion = 1
): PoissonChangeResult {
  assertCount(previous, "previous count");
  assertCount(current, "current count");
  const phi = dispersion > 1 ? dispersion : 1;
  const n = previous + current;
  const direction = current > previous ? "increase" : current < previous ? "decrease" : "none";
  const changePct = previous === 0 ? null : ((current - previous) / previous) * 100;
  const [a, b] = [deflatedCount(previous, phi), deflatedCount(current, phi)];
  const pValue =
    direction === "none" || a === b
      ? 1
      : Math.min(1, 2 * binomialUpperTail(Math.max(a, b), a + b, 0.5));
  return { previous, current, n, pValue, direction, changePct, dispersion: phi };
}
