import {
  AnomalyOptionsError,
  defaultAnomalyOptions,
  findAnomalies,
  resolveAnomalyOptions,
} from "../../../src/core/anomalies";

describe("anomaly options", () => {
  it("defaults every field", () => {
    expect(resolveAnomalyOptions()).toEqual({
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
    expect(Object.isFrozen(defaultAnomalyOptions)).toBe(true);
  });

  it("merges a partial over the defaults and ignores undefined fields", () => {
    const opts = resolveAnomalyOptions({ alpha: 0.01, minBase: undefined });
    expect(opts.alpha).toBe(0.01);
    expect(opts.minBase).toBe(20);
  });

  it.each([
    [{ alpha: 0 }, /alpha.*between 0 and 1/],
    [{ alpha: 1.5 }, /alpha/],
    [{ minBase: -1 }, /minBase/],
    [{ minGroupSize: 1 }, /minGroupSize.*at least 2/],
    [{ runLength: 6.5 }, /runLength.*whole number/],
    [{ groupLevel: 0.9 }, /groupLevel.*0.95 or 0.998/],
    [{ intervalConfidence: 95 }, /intervalConfidence/],
    [{ overdispersion: 3 }, /overdispersion.*0 \(none\), 1 \(multiplicative φ\) or 2/],
  ])("rejects %j", (partial, message) => {
    expect(() => resolveAnomalyOptions(partial as never)).toThrow(AnomalyOptionsError);
    expect(() => resolveAnomalyOptions(partial as never)).toThrow(message);
  });

  it("rejects an unknown option (a typo would otherwise be silently ignored)", () => {
    expect(() => resolveAnomalyOptions({ alfa: 0.01 } as never)).toThrow(
      /Unknown anomaly option "alfa"/
    );
    expect(() => findAnomalies([], { minbase: 10 } as never)).toThrow(AnomalyOptionsError);
  });
});
