import { hypergeometricLogPmf, normalCdf } from "./distributions";
import { assertCount, StatsInputError } from "./statsInputError";

export interface TwoProportionResult {
  p1: number;
  p2: number;
  /** (p2 - p1) × 100: the change in percentage points. */
  differencePoints: number;
  /** The pooled z statistic (null when the expected counts were too small for it). */
  z: number | null;
  /** Two-sided p-value of "the two proportions are equal". */
  pValue: number;
  /** "z": pooled two-proportion z-test; "fisher": Fisher's exact test (small expected counts, or p below 1e-12). */
  method: "z" | "fisher";
}

/** Below this expected count in any cell the normal approximation is not trusted. */
const MIN_EXPECTED = 5;
/** Below this the normal tail is not computed accurately (see below). */
const FAR_TAIL = 1e-12;

/**
 * Compares x1/n1 with x2/n2. Uses the pooled z-test when every expected cell count is
 * at least 5 (the usual condition for the normal approximation), else Fisher's exact
 * test, so a detection rate of 3 in 250 is not judged by a normal curve. Where the z-test's
 * p falls below 1e-12 the exact test's value is reported instead (with z kept).
 */
export function twoProportionTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number
): TwoProportionResult {
  for (const [v, what] of [
    [x1, "x1"],
    [n1, "n1"],
    [x2, "x2"],
    [n2, "n2"],
  ] as const)
    assertCount(v, what);
  if (n1 === 0 || n2 === 0) throw new StatsInputError("both groups need at least one case");
  if (x1 > n1 || x2 > n2)
    throw new StatsInputError(`successes exceed cases (${x1}/${n1}, ${x2}/${n2})`);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const differencePoints = (p2 - p1) * 100;
  const total = n1 + n2;
  const successes = x1 + x2;
  const pooled = successes / total;
  if (successes === 0 || successes === total)
    return { p1, p2, differencePoints, z: null, pValue: 1, method: "z" };
  const minExpected = Math.min(n1, n2) * Math.min(pooled, 1 - pooled);
  if (minExpected < MIN_EXPECTED) {
    return {
      p1,
      p2,
      differencePoints,
      z: null,
      pValue: fisherExact(x1, n1, successes, total),
      method: "fisher",
    };
  }
  const z = (p2 - p1) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  // jstat's normal tail is 1 - erf, which has no digits left below about 1e-12 (and
  // reads 0 beyond z = 8.3); out there the exact test gives a true, tiny p-value.
  if (pValue < FAR_TAIL)
    return {
      p1,
      p2,
      differencePoints,
      z,
      pValue: fisherExact(x1, n1, successes, total),
      method: "fisher",
    };
  return { p1, p2, differencePoints, z, pValue, method: "z" };
}

/**
 * Two-sided Fisher exact p-value: the probability, with the margins fixed, of a table no
 * more likely than the one observed (R's fisher.test convention, with its 1e-7 slack).
 */
export function fisherExact(x1: number, n1: number, successes: number, total: number): number {
  const lo = Math.max(0, n1 + successes - total);
  const hi = Math.min(successes, n1);
  const logs: number[] = [];
  for (let x = lo; x <= hi; x++) logs.push(hypergeometricLogPmf(x, total, successes, n1));
  const max = logs.reduce((m, l) => (l > m ? l : m), -Infinity);
  const observed = logs[x1 - lo] ?? -Infinity;
  let all = 0;
  let asExtreme = 0;
  for (const l of logs) {
    const w = Math.exp(l - max);
    all += w;
    if (l <= observed + 1e-7) asExtreme += w;
  }
  return Math.min(1, asExtreme / all);
}
