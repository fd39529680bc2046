import { AnomalyOptionsError } from "../errors";
import type { DispersionModel } from "../stats";

/** Thresholds for the anomaly rules. Every field is optional on the way in. */
export interface AnomalyOptions {
  /** Two-sided significance level for count changes, rate changes. @default 0.05 */
  alpha: number;
  /** A % change or rate whose denominator is below this is "unreliable: small numbers". @default 20 */
  minBase: number;
  /** Confidence of the Wilson intervals quoted for rates. @default 0.95 */
  intervalConfidence: number;
  /** Fewest distinct areas sharing one period before group (funnel) flags. @default 3 */
  minGroupSize: number;
  /** Widest funnel limits that still raise a group flag: 0.95 flags beyond 95% and beyond 99.8%; 0.998 only beyond 99.8%. @default 0.95 */
  groupLevel: 0.95 | 0.998;
  /** Fewest periods of one area before series (XmR) flags; fewer give unreliable limits. @default 12 */
  minSeriesPoints: number;
  /** Points in a row on one side of the mean that make a shift. @default 7 */
  runLength: number;
  /** Points in a row rising (or falling) that make a trend. @default 7 */
  trendLength: number;
  /**
   * How comparisons allow for variation beyond chance (overdispersion, estimated from a
   * group of at least 10 areas): 0 none (exact Poisson and binomial only); 1 Spiegelhalter's
   * multiplicative φ; 2 additive random effects τ² (DerSimonian–Laird), as FunnelPlotR
   * draws. A single area's change is then tested on its counts deflated by its group's φ.
   * A number, so the workbook's definitions record it as the other settings. @default 2
   */
  overdispersion: number;
  /**
   * 1: leave wild moving ranges (3.267 times their average or more) out of a series' XmR
   * limits, as NHSRplotthedots' screen_outliers; 0: use every moving range. @default 0
   */
  spcScreenOutliers: number;
}

/** The dispersion model an `overdispersion` setting asks for. */
export function dispersionModel(opts: Pick<AnomalyOptions, "overdispersion">): DispersionModel {
  return opts.overdispersion === 1
    ? "multiplicative"
    : opts.overdispersion === 2
      ? "additive"
      : "poisson";
}

export const defaultAnomalyOptions: Readonly<AnomalyOptions> = Object.freeze({
  alpha: 0.05,
  minBase: 20,
  intervalConfidence: 0.95,
  minGroupSize: 3,
  groupLevel: 0.95,
  minSeriesPoints: 12,
  runLength: 7,
  trendLength: 7,
  overdispersion: 2,
  spcScreenOutliers: 0,
});

export { AnomalyOptionsError };

const isWhole = (min: number) => (v: unknown) =>
  typeof v === "number" && Number.isInteger(v) && v >= min;
const isOpenUnit = (v: unknown) => typeof v === "number" && v > 0 && v < 1;

const CHECKS: { [K in keyof AnomalyOptions]: [(v: unknown) => boolean, string] } = {
  alpha: [isOpenUnit, "a number between 0 and 1 (exclusive)"],
  minBase: [(v) => typeof v === "number" && Number.isFinite(v) && v >= 0, "a number of at least 0"],
  intervalConfidence: [isOpenUnit, "a number between 0 and 1 (exclusive)"],
  minGroupSize: [isWhole(2), "a whole number of at least 2"],
  groupLevel: [(v) => v === 0.95 || v === 0.998, "0.95 or 0.998"],
  minSeriesPoints: [isWhole(2), "a whole number of at least 2"],
  runLength: [isWhole(2), "a whole number of at least 2"],
  trendLength: [isWhole(2), "a whole number of at least 2"],
  overdispersion: [
    (v) => v === 0 || v === 1 || v === 2,
    "0 (none), 1 (multiplicative φ) or 2 (additive τ²)",
  ],
  spcScreenOutliers: [(v) => v === 0 || v === 1, "0 (off) or 1 (on)"],
};

/** Merges partial options over the defaults, checking each given field once. */
export function resolveAnomalyOptions(partial: Partial<AnomalyOptions> = {}): AnomalyOptions {
  const resolved: AnomalyOptions = { ...defaultAnomalyOptions };
  for (const [key, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    if (!(key in CHECKS)) throw new AnomalyOptionsError(`Unknown anomaly option "${key}"`);
    const [ok, want] = CHECKS[key as keyof AnomalyOptions];
    if (!ok(value))
      throw new AnomalyOptionsError(
        `Anomaly option "${key}" must be ${want} (got ${JSON.stringify(value)})`
      );
    (resolved as unknown as Record<string, unknown>)[key] = value;
  }
  return resolved;
}
