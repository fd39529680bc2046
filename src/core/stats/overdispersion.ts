// Overdispersion of a group of counts or proportions (Spiegelhalter 2005, "Handling
// over-dispersion of performance indicators", Qual Saf Health Care 14:347-51), as
// FunnelPlotR computes it: z-scores on a variance-stabilised scale, winsorised at 10% each
// end, give the multiplicative dispersion ratio φ (the mean squared z-score) and the
// additive between-member variance τ² (DerSimonian–Laird). Crime counts vary between
// areas far more than Poisson allows; limits that ignore it flag most areas.

/** How a comparison against a group allows for variation beyond Poisson (binomial). */
export type DispersionModel = "poisson" | "multiplicative" | "additive";

export interface Dispersion {
  /** Spiegelhalter's dispersion ratio: mean of the squared winsorised z-scores (1 = Poisson). */
  phi: number;
  /** DerSimonian–Laird between-member variance on the transformed scale (0 = none). */
  tau2: number;
  /** Members whose z-scores it was estimated from. */
  members: number;
}

/** Fewest members whose z-scores can be winsorised at 10% each end (one each side). */
export const MIN_DISPERSION_MEMBERS = 10;

/** The share winsorised at each end. */
export const WINSORISE_BY = 0.1;

/** R's default quantile (type 7): linear interpolation between order statistics. */
export function quantile7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? NaN;
  return a + (h - lo) * (b - a);
}

/** Values beyond the `by` and 1 - `by` quantiles set to those quantiles. */
export function winsorise(values: readonly number[], by = WINSORISE_BY): number[] {
  const sorted = [...values].sort((x, y) => x - y);
  const lo = quantile7(sorted, by);
  const hi = quantile7(sorted, 1 - by);
  return values.map((v) => (v < lo ? lo : v > hi ? hi : v));
}

/**
 * φ and τ² from members' unadjusted z-scores and their standard errors on the transformed
 * scale (s = 1/(2√E) for √(O/E), 1/(2√n) for asin √p). τ² = (nφ − (n − 1)) / (Σw − Σw²/Σw),
 * w = 1/s², and 0 when that is negative.
 */
export function dispersionOf(z: readonly number[], s: readonly number[]): Dispersion {
  const n = z.length;
  if (n === 0 || s.length !== n) return { phi: NaN, tau2: 0, members: n };
  const phi = winsorise(z).reduce((sum, v) => sum + v * v, 0) / n;
  const w = s.map((v) => 1 / (v * v));
  const sw = w.reduce((a, b) => a + b, 0);
  const sw2 = w.reduce((a, b) => a + b * b, 0);
  const denominator = sw - sw2 / sw;
  const tau2 = denominator > 0 ? Math.max(0, (n * phi - (n - 1)) / denominator) : 0;
  return { phi, tau2, members: n };
}

/** Count O against expected E on the √(O/E) scale: the z-score 2(√O − √E) and s = 1/(2√E). */
export function countZ(observed: number, expected: number): { z: number; s: number } {
  return {
    z: 2 * (Math.sqrt(observed) - Math.sqrt(expected)),
    s: 1 / (2 * Math.sqrt(expected)),
  };
}

/** Proportion x/n against the group's p on the arcsine-√ scale: z and s = 1/(2√n). */
export function proportionZ(x: number, n: number, target: number): { z: number; s: number } {
  const s = 1 / (2 * Math.sqrt(n));
  return { z: (Math.asin(Math.sqrt(x / n)) - Math.asin(Math.sqrt(target))) / s, s };
}

/** Whether the group's dispersion is adjusted for, and, when not, why in words. */
export function chooseModel(
  wanted: DispersionModel,
  d: Dispersion | null
): { model: DispersionModel; reason?: string } {
  if (wanted === "poisson") return { model: "poisson", reason: "overdispersion adjustment is off" };
  if (!d || d.members < MIN_DISPERSION_MEMBERS)
    return {
      model: "poisson",
      reason: `only ${d?.members ?? 0} areas have counts to estimate overdispersion from (${MIN_DISPERSION_MEMBERS} needed)`,
    };
  if (!(d.phi > 1))
    return { model: "poisson", reason: `no overdispersion (φ = ${d.phi.toFixed(2)})` };
  return { model: wanted };
}

/** The standard deviation on the transformed scale under the model (s alone for Poisson). */
export function adjustedSd(model: DispersionModel, s: number, d: Dispersion | null): number {
  if (model === "multiplicative" && d) return s * Math.sqrt(d.phi);
  if (model === "additive" && d) return Math.sqrt(s * s + d.tau2);
  return s;
}
