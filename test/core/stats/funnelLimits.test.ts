import {
  changeFunnel,
  funnelLimits,
  funnelPosition,
  rateFunnel,
  StatsInputError,
  zFor,
} from "../../../src/core/stats";
import { binomialRow, ratioToNumber } from "./exactArithmetic";

/** Exact Binomial(n, num/den) CDF with BigInt arithmetic. */
function exactBinomialCdf(n: number, num: number, den: number): number[] {
  const row = binomialRow(n);
  const weights = row.map(
    (c, k) => c * BigInt(num) ** BigInt(k) * BigInt(den - num) ** BigInt(n - k)
  );
  const total = BigInt(den) ** BigInt(n);
  const out: number[] = [];
  let acc = 0n;
  for (const w of weights) {
    acc += w;
    out.push(ratioToNumber(acc, total));
  }
  return out;
}

/** Spiegelhalter's interpolated quantile, from an independently computed CDF. */
function interpolated(cdf: number[], p: number): number {
  const r = cdf.findIndex((f) => f >= p);
  const below = r === 0 ? 0 : (cdf[r - 1] as number);
  return r - ((cdf[r] as number) - p) / ((cdf[r] as number) - below);
}

describe("funnelLimits", () => {
  it("rate limits match interpolated quantiles of the exact binomial CDF (the upper one count up, so above means P(X >= x) < α/2)", () => {
    for (const [n, num, den] of [
      [30, 1, 5],
      [57, 3, 20],
      [120, 1, 10],
    ] as const) {
      const cdf = exactBinomialCdf(n, num, den);
      const limits = funnelLimits({ kind: "rate", target: num / den, n });
      expect(limits.lower95).toBeCloseTo(Math.max(0, interpolated(cdf, 0.025)) / n, 6);
      expect(limits.upper95).toBeCloseTo((interpolated(cdf, 0.975) + 1) / n, 6);
      expect(limits.lower998).toBeCloseTo(Math.max(0, interpolated(cdf, 0.001)) / n, 6);
      expect(limits.upper998).toBeCloseTo((interpolated(cdf, 0.999) + 1) / n, 6);
    }
  });

  it("for large denominators approach the normal limits p ± z·sqrt(p(1-p)/n)", () => {
    const p = 0.159;
    const n = 24896;
    const limits = funnelLimits({ kind: "rate", target: p, n });
    const se = Math.sqrt((p * (1 - p)) / n);
    expect(limits.upper95).toBeCloseTo(p + zFor(0.95) * se, 3);
    expect(limits.lower998).toBeCloseTo(p - zFor(0.998) * se, 3);
  });

  it("count limits approach E ± z·sqrt(E) for a large expected count and widen in ratio as it shrinks", () => {
    const big = funnelLimits({ kind: "count", expected: 12000 });
    expect(big.upper95).toBeCloseTo(12000 + zFor(0.95) * Math.sqrt(12000), -1);
    expect(big.lower998).toBeCloseTo(12000 - zFor(0.998) * Math.sqrt(12000), -1);
    const small = funnelLimits({ kind: "count", expected: 12 });
    expect(small.upper998 / 12).toBeGreaterThan(big.upper998 / 12000);
    expect(small.lower95).toBeGreaterThanOrEqual(0);
    // Poisson(12): P(X <= 5) = 0.0203 < 0.025 <= P(X <= 6) = 0.0458, so the lower 95% limit lies in (5, 6]
    expect(small.lower95).toBeGreaterThan(5);
    expect(small.lower95).toBeLessThanOrEqual(6);
  });

  it("places values against the limits, strictly outside counting as outside", () => {
    const limits = { lower95: 10, upper95: 20, lower998: 5, upper998: 25 };
    expect(funnelPosition(26, limits)).toBe("above-99.8");
    expect(funnelPosition(25, limits)).toBe("above-95");
    expect(funnelPosition(20, limits)).toBe("inside");
    expect(funnelPosition(9, limits)).toBe("below-95");
    expect(funnelPosition(4, limits)).toBe("below-99.8");
  });

  it("has no spread around a group rate of 0 or 1, and rejects nonsense", () => {
    expect(funnelLimits({ kind: "rate", target: 0, n: 50 }).upper998).toBe(0);
    expect(funnelLimits({ kind: "rate", target: 1, n: 50 }).lower998).toBe(1);
    expect(() => funnelLimits({ kind: "rate", target: 1.2, n: 50 })).toThrow(StatsInputError);
    expect(() => funnelLimits({ kind: "count", expected: -1 })).toThrow(StatsInputError);
  });
});

describe("group funnels from summed counts", () => {
  // TNO Total SD rate, current R12, for the four boroughs of 5 September 2017 (a, c, d, e)
  const sds = [
    { successes: 5721, n: 30306 },
    { successes: 1518, n: 12584 },
    { successes: 2179, n: 11715 },
    { successes: 3601, n: 24896 },
  ];

  it("takes the group rate from the summed counts, not the mean of the rates", () => {
    const result = rateFunnel(sds);
    expect(result.groupRate).toBeCloseTo(13019 / 79501, 12);
    const meanOfRates = sds.reduce((s, m) => s + m.successes / m.n, 0) / sds.length;
    expect(Math.abs(result.groupRate - meanOfRates)).toBeGreaterThan(0.001);
    // borough-c's 12.1% is far below the group's 16.4%; borough-a's 18.9% far above
    expect(result.members[1]?.position).toBe("below-99.8");
    expect(result.members[0]?.position).toBe("above-99.8");
  });

  it("compares each change with the group's change from summed counts", () => {
    // Robbery Total, previous -> current R12: a 1,048 -> 1,203; c 124 -> 180; d 163 -> 230; e 609 -> 663
    const result = changeFunnel([
      { previous: 1048, current: 1203 },
      { previous: 124, current: 180 },
      { previous: 163, current: 230 },
      { previous: 609, current: 663 },
    ]);
    expect(result.groupRatio).toBeCloseTo(2276 / 1944, 12);
    expect(result.members[0]?.expected).toBeCloseTo(1048 * (2276 / 1944), 9);
    expect(result.members.map((m) => m.position)).toEqual([
      "inside",
      "above-95",
      "above-95",
      "inside",
    ]);
    for (const m of result.members) expect(m.pValue).toBeGreaterThanOrEqual(0);
  });

  it("rejects a group with nothing to compare against", () => {
    expect(() => changeFunnel([{ previous: 0, current: 3 }])).toThrow(StatsInputError);
    expect(() => rateFunnel([{ successes: 3, n: 2 }])).toThrow(StatsInputError);
  });
});
