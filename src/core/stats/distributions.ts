// The one place that calls jstat. Tails are taken from the regularised incomplete beta
// and gamma functions: jstat's own binomial.cdf rounds to 1e-10 and its poisson.cdf sums
// factorial-based pdfs that overflow past 170, so neither is fit for counts in the
// thousands or for small p-values.
import { jStat } from "jstat";

function clamp01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** P(X >= k) for X ~ Binomial(n, p); exact identity I_p(k, n - k + 1). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return clamp01(jStat.ibeta(p, k, n - k + 1));
}

/** P(X <= k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return clamp01(1 - binomialUpperTail(k + 1, n, p));
}

/** P(X >= k) for X ~ Poisson(mean); equals the lower regularised gamma P(k, mean). */
export function poissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  return clamp01(jStat.lowRegGamma(k, mean));
}

/** P(X <= k) for X ~ Poisson(mean). */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  return clamp01(1 - poissonUpperTail(k + 1, mean));
}

/** Standard normal CDF. */
export function normalCdf(z: number): number {
  return clamp01(jStat.normal.cdf(z, 0, 1));
}

/** Standard normal quantile (inverse CDF), 0 < p < 1. */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

/** ln P(X = x) for the hypergeometric distribution: x successes in a draw of n from N holding K. */
export function hypergeometricLogPmf(x: number, bigN: number, bigK: number, n: number): number {
  return (
    jStat.combinationln(bigK, x) +
    jStat.combinationln(bigN - bigK, n - x) -
    jStat.combinationln(bigN, n)
  );
}
