// Funnel-plot control limits (Spiegelhalter 2005, "Funnel plots for comparing
// institutional performance", exact limits with interpolation between integers) and the
// comparison of each member of a group against the group value from SUMMED counts:
// never an average of the members' percentages.
import {
  binomialCdf,
  binomialUpperTail,
  normalQuantile,
  poissonCdf,
  poissonUpperTail,
} from "./distributions";
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
      (p) => Math.min(n, Math.max(0, interpolatedQuantile(cdf, p, guess(normalQuantile(p)), n))) / n
    );
  }
  const { expected } = spec;
  if (!(expected >= 0 && Number.isFinite(expected)))
    throw new StatsInputError(`expected count must be 0 or more (got ${expected})`);
  const cdf = (r: number) => poissonCdf(r, expected);
  const guess = (z: number) => expected + z * Math.sqrt(expected) + (z * z - 1) / 6;
  return mapTails((p) =>
    Math.max(0, interpolatedQuantile(cdf, p, guess(normalQuantile(p)), Infinity))
  );
}

function mapTails(at: (p: number) => number): FunnelLimits {
  return {
    lower95: at(TAILS.lower95),
    upper95: at(TAILS.upper95),
    lower998: at(TAILS.lower998),
    upper998: at(TAILS.upper998),
  };
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

export interface RateMember {
  successes: number;
  n: number;
}

export interface RateFunnelResult {
  /** The group's rate: Σ successes / Σ n. */
  groupRate: number;
  members: {
    rate: number;
    limits: FunnelLimits;
    position: FunnelPosition;
    /** Two-sided p-value of the member's count under Binomial(n, groupRate). */
    pValue: number;
  }[];
}

/** Each member's rate against binomial funnel limits around the group rate from summed counts. */
export function rateFunnel(members: RateMember[]): RateFunnelResult {
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
  return {
    groupRate,
    members: members.map((m) => {
      const limits = funnelLimits({ kind: "rate", target: groupRate, n: m.n });
      const low = binomialCdf(m.successes, m.n, groupRate);
      const high = binomialUpperTail(m.successes, m.n, groupRate);
      return {
        rate: m.successes / m.n,
        limits,
        position: funnelPosition(m.successes / m.n, limits),
        pValue: Math.min(1, 2 * Math.min(low, high)),
      };
    }),
  };
}

export interface ChangeMember {
  previous: number;
  current: number;
}

export interface ChangeFunnelResult {
  /** The group's ratio Σ current / Σ previous (1.05 is a 5% rise). */
  groupRatio: number;
  members: {
    /** previous × groupRatio: the current count had the member changed as the group did. */
    expected: number;
    /** Limits on the current count (Poisson around `expected`). */
    limits: FunnelLimits;
    position: FunnelPosition;
    /** Two-sided p-value of the current count under Poisson(expected). */
    pValue: number;
  }[];
}

/**
 * Each member's change against the group's change from summed counts: the current count
 * is compared with Poisson limits around previous × (Σ current / Σ previous), the
 * indirectly standardised form of a funnel plot for counts.
 */
export function changeFunnel(members: ChangeMember[]): ChangeFunnelResult {
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
  return {
    groupRatio,
    members: members.map((m) => {
      const expected = m.previous * groupRatio;
      const limits = funnelLimits({ kind: "count", expected });
      const low = poissonCdf(m.current, expected);
      const high = poissonUpperTail(m.current, expected);
      return {
        expected,
        limits,
        position: funnelPosition(m.current, limits),
        pValue: Math.min(1, 2 * Math.min(low, high)),
      };
    }),
  };
}
