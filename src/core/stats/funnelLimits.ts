// Funnel-plot control limits (Spiegelhalter 2005, "Funnel plots for comparing
// institutional performance", exact limits with interpolation between integers) and the
// comparison of each member of a group against the group value from SUMMED counts:
// never an average of the members' percentages.
//
// Limits and p-values agree by construction: a count O lies above the upper limit exactly
// when P(X >= O) < α/2, and below the lower limit exactly when P(X <= O) < α/2, as
// PHEindicatormethods' funnel significance has it; so a member is outside a level's
// limits exactly when its two-sided p-value is below that level's α.
import {
  binomialCdf,
  binomialUpperTail,
  normalCdf,
  normalQuantile,
  poissonCdf,
  poissonUpperTail,
} from "./distributions";
import {
  adjustedSd,
  chooseModel,
  countZ,
  dispersionOf,
  proportionZ,
  type Dispersion,
  type DispersionModel,
} from "./overdispersion";
import { assertCount, StatsInputError } from "./statsInputError";

export interface FunnelLimits {
  /** Rates: proportions (0..1). Counts: counts on the scale of `expected`. */
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export type FunnelPosition = "above-99.8" | "above-95" | "inside" | "below-95" | "below-99.8";

export type FunnelSpec =
  | {
      kind: "rate";
      /** group proportion, 0..1 */ target: number;
      /** the member's denominator */ n: number;
    }
  | { kind: "count"; /** the count the member would have at the group's value */ expected: number };

const TAILS = { lower95: 0.025, upper95: 0.975, lower998: 0.001, upper998: 0.999 } as const;

/** Binomial limits for a rate (kind "rate") or Poisson limits for a count (kind "count"). */
export function funnelLimits(spec: FunnelSpec): FunnelLimits {
  if (spec.kind === "rate") {
    const { target, n } = spec;
    if (!(target >= 0 && target <= 1))
      throw new StatsInputError(`target rate must be between 0 and 1 (got ${target})`);
    assertCount(n, "n");
    if (n === 0) throw new StatsInputError("n must be at least 1 for rate limits");
    // A group rate of 0 or 1 leaves no spread: every member must equal it.
    if (target === 0 || target === 1) return mapTails(() => target);
    const cdf = (r: number) => binomialCdf(r, n, target);
    const sd = Math.sqrt(n * target * (1 - target));
    // Normal guess with a skewness correction; the exact quantile is found by stepping from it.
    const guess = (z: number) => n * target + z * sd + ((z * z - 1) * (1 - 2 * target)) / 6;
    return mapTails(
      (p, side) =>
        Math.min(n, Math.max(0, tailLimit(cdf, p, side, guess(normalQuantile(p)), n))) / n
    );
  }
  const { expected } = spec;
  if (!(expected >= 0 && Number.isFinite(expected)))
    throw new StatsInputError(`expected count must be 0 or more (got ${expected})`);
  const cdf = (r: number) => poissonCdf(r, expected);
  const guess = (z: number) => expected + z * Math.sqrt(expected) + (z * z - 1) / 6;
  return mapTails((p, side) =>
    Math.max(0, tailLimit(cdf, p, side, guess(normalQuantile(p)), Infinity))
  );
}

function mapTails(at: (p: number, side: "lower" | "upper") => number): FunnelLimits {
  return {
    lower95: at(TAILS.lower95, "lower"),
    upper95: at(TAILS.upper95, "upper"),
    lower998: at(TAILS.lower998, "lower"),
    upper998: at(TAILS.upper998, "upper"),
  };
}

/**
 * The limit on one side. Lower: the interpolated quantile r_p - α lies in (r_p - 1, r_p],
 * so O < limit exactly when O < r_p, i.e. P(X <= O) < p. Upper: "above" must mean
 * P(X >= O) = 1 - F(O - 1) < 1 - p, i.e. O - 1 >= r_p (F(r_p) > p but for a tie of measure
 * zero), so the interpolated quantile moves up one count to lie in (r_p, r_p + 1).
 */
function tailLimit(
  cdf: (r: number) => number,
  p: number,
  side: "lower" | "upper",
  guess: number,
  max: number
): number {
  const q = interpolatedQuantile(cdf, p, guess, max);
  return side === "lower" ? q : q + 1;
}

/**
 * r_p - α, where r_p is the smallest r in [0, max] with F(r) >= p and α interpolates
 * between r_p - 1 and r_p. The search steps from a normal guess, which is within a few
 * units of r_p, so the CDF (costly for large Poisson means) is evaluated only a few times.
 */
function interpolatedQuantile(
  cdf: (r: number) => number,
  p: number,
  guess: number,
  max: number
): number {
  let r = Math.min(max, Math.max(0, Math.round(guess)));
  let fr = cdf(r);
  while (fr < p && r < max) fr = cdf(++r);
  let fBelow = r === 0 ? 0 : cdf(r - 1);
  while (fBelow >= p) {
    r--;
    fr = fBelow;
    fBelow = r === 0 ? 0 : cdf(r - 1);
  }
  const alpha = fr > fBelow ? (fr - p) / (fr - fBelow) : 0;
  return r - alpha;
}

/** Where a member's rate or count lies against the limits (strictly outside counts as outside). */
export function funnelPosition(value: number, limits: FunnelLimits): FunnelPosition {
  if (value > limits.upper998) return "above-99.8";
  if (value > limits.upper95) return "above-95";
  if (value < limits.lower998) return "below-99.8";
  if (value < limits.lower95) return "below-95";
  return "inside";
}

/**
 * A member's position from its two-sided p-value and side, so that it is outside a level's
 * limits exactly when p is below that level's α (0.05 for 95%, 0.002 for 99.8%).
 */
export function positionOfP(pValue: number, above: boolean): FunnelPosition {
  if (pValue < 0.002) return above ? "above-99.8" : "below-99.8";
  if (pValue < 0.05) return above ? "above-95" : "below-95";
  return "inside";
}

/** The options of a group funnel: how it allows for variation beyond Poisson. */
export interface FunnelOptions {
  /** "poisson": exact limits; else adjusted when the group shows overdispersion. @default "poisson" */
  model?: DispersionModel;
}

/** What every group funnel reports of its model. */
export interface FunnelModel {
  /** The model the limits and p-values use. */
  model: DispersionModel;
  /** The group's dispersion (null when no member could be scored). */
  dispersion: Dispersion | null;
  /** Why the model is Poisson (binomial) when an adjustment was asked for. */
  reason?: string;
}

const Z95 = normalQuantile(0.975);
const Z998 = normalQuantile(0.999);

/** Limits on the transformed scale, mapped back by `back` (which clamps to the valid range). */
function adjustedLimits(target: number, sd: number, back: (y: number) => number): FunnelLimits {
  return {
    lower95: back(target - Z95 * sd),
    upper95: back(target + Z95 * sd),
    lower998: back(target - Z998 * sd),
    upper998: back(target + Z998 * sd),
  };
}

export interface RateMember {
  successes: number;
  n: number;
}

export interface RateFunnelResult extends FunnelModel {
  /** The group's rate: Σ successes / Σ n. */
  groupRate: number;
  members: {
    rate: number;
    limits: FunnelLimits;
    position: FunnelPosition;
    /** Two-sided p-value of the member's rate under the model (exact binomial when "poisson"). */
    pValue: number;
  }[];
}

/**
 * Each member's rate against funnel limits around the group rate from summed counts:
 * exact binomial, or on the arcsine-√ scale widened by the group's overdispersion.
 */
export function rateFunnel(members: RateMember[], options: FunnelOptions = {}): RateFunnelResult {
  let successes = 0;
  let n = 0;
  for (const m of members) {
    assertCount(m.successes, "successes");
    assertCount(m.n, "n");
    if (m.n === 0 || m.successes > m.n)
      throw new StatsInputError(
        `each member needs 0 <= successes <= n and n >= 1 (got ${m.successes}/${m.n})`
      );
    successes += m.successes;
    n += m.n;
  }
  if (n === 0) throw new StatsInputError("a rate funnel needs at least one member");
  const groupRate = successes / n;
  const scored = members.map((m) => proportionZ(m.successes, m.n, groupRate));
  const spread = groupRate > 0 && groupRate < 1;
  const dispersion = spread
    ? dispersionOf(
        scored.map((x) => x.z),
        scored.map((x) => x.s)
      )
    : null;
  const { model, reason } = chooseModel(options.model ?? "poisson", dispersion);
  const target = Math.asin(Math.sqrt(groupRate));
  const back = (y: number) => Math.sin(Math.min(Math.PI / 2, Math.max(0, y))) ** 2;
  return {
    groupRate,
    model,
    dispersion,
    reason,
    members: members.map((m, i) => {
      const rate = m.successes / m.n;
      if (model === "poisson") {
        const low = binomialCdf(m.successes, m.n, groupRate);
        const high = binomialUpperTail(m.successes, m.n, groupRate);
        const pValue = Math.min(1, 2 * Math.min(low, high));
        const limits = funnelLimits({ kind: "rate", target: groupRate, n: m.n });
        return { rate, limits, pValue, position: positionOfP(pValue, high < low) };
      }
      const sd = adjustedSd(model, scored[i]!.s, dispersion);
      const z = (Math.asin(Math.sqrt(rate)) - target) / sd;
      const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
      const limits = adjustedLimits(target, sd, back);
      return { rate, limits, pValue, position: positionOfP(pValue, z > 0) };
    }),
  };
}

export interface ChangeMember {
  previous: number;
  current: number;
}

export interface ChangeFunnelResult extends FunnelModel {
  /** The group's ratio Σ current / Σ previous (1.05 is a 5% rise). */
  groupRatio: number;
  members: {
    /** previous × groupRatio: the current count had the member changed as the group did. */
    expected: number;
    /** Limits on the current count around `expected` under the model. */
    limits: FunnelLimits;
    position: FunnelPosition;
    /** Two-sided p-value of the current count under the model (exact Poisson when "poisson"). */
    pValue: number;
  }[];
}

/**
 * Each member's change against the group's change from summed counts: the current count
 * is compared with limits around previous × (Σ current / Σ previous), the indirectly
 * standardised form of a funnel plot for counts: exact Poisson, or on the √(O/E) scale
 * widened by the group's overdispersion. Members with no previous count (expected 0)
 * neither enter the dispersion nor lie outside any limit.
 */
export function changeFunnel(
  members: ChangeMember[],
  options: FunnelOptions = {}
): ChangeFunnelResult {
  let previous = 0;
  let current = 0;
  for (const m of members) {
    assertCount(m.previous, "previous count");
    assertCount(m.current, "current count");
    previous += m.previous;
    current += m.current;
  }
  if (previous === 0)
    throw new StatsInputError("the group's previous counts sum to 0, so it has no rate of change");
  const groupRatio = current / previous;
  const scored = members.flatMap((m) =>
    m.previous > 0 ? [countZ(m.current, m.previous * groupRatio)] : []
  );
  const dispersion = dispersionOf(
    scored.map((x) => x.z),
    scored.map((x) => x.s)
  );
  const { model, reason } = chooseModel(options.model ?? "poisson", dispersion);
  return {
    groupRatio,
    model,
    dispersion,
    reason,
    members: members.map((m) => {
      const expected = m.previous * groupRatio;
      if (model === "poisson" || expected === 0) {
        const low = poissonCdf(m.current, expected);
        const high = poissonUpperTail(m.current, expected);
        const pValue = Math.min(1, 2 * Math.min(low, high));
        const limits = funnelLimits({ kind: "count", expected });
        return { expected, limits, pValue, position: positionOfP(pValue, high < low) };
      }
      const sd = adjustedSd(model, countZ(m.current, expected).s, dispersion);
      const z = (Math.sqrt(m.current / expected) - 1) / sd;
      const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
      const limits = adjustedLimits(1, sd, (y) => expected * Math.max(0, y) ** 2);
      return { expected, limits, pValue, position: positionOfP(pValue, z > 0) };
    }),
  };
}
