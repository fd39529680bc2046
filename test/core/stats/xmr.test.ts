import { spcSignals, StatsInputError, xmr } from "../../../src/core/stats";
import type { SpcSignal } from "../../../src/core/stats";

// Baseline: 12, 10 five times. Mean 11, average moving range 2, so the limits are
// 11 ± 5.32 (5.68 to 16.32) and two thirds of the way out is 11 ± 3.5467 (7.4533 to 14.5467).
const BASELINE = [12, 10, 12, 10, 12, 10, 12, 10, 12, 10];
const signalsAfter = (extra: number[]): SpcSignal[] =>
  spcSignals([...BASELINE, ...extra], { baselinePoints: BASELINE.length }).signals;
const brief = (signals: SpcSignal[]) =>
  signals.map((s) => `${s.rule} ${s.side} ${s.start}-${s.end}`);

describe("xmr", () => {
  it("computes mean ± 2.66 × average moving range", () => {
    const limits = xmr([1, 3, 2, 6]);
    expect(limits.mean).toBe(3);
    expect(limits.averageMovingRange).toBeCloseTo(7 / 3, 12);
    expect(limits.upper).toBeCloseTo(3 + (2.66 * 7) / 3, 12);
    expect(limits.lower).toBeCloseTo(3 - (2.66 * 7) / 3, 12);
    expect(limits.upperNear).toBeCloseTo(3 + (2 / 3) * ((2.66 * 7) / 3), 12);
  });

  it("fixes the limits from a baseline when asked", () => {
    const limits = xmr([...BASELINE, 100, 200], BASELINE.length);
    expect(limits.mean).toBe(11);
    expect(limits.averageMovingRange).toBe(2);
    expect(limits.upper).toBeCloseTo(16.32, 12);
  });

  it("rejects too few points and non-numbers", () => {
    expect(() => xmr([5])).toThrow(StatsInputError);
    expect(() => xmr([1, Number.NaN, 3])).toThrow(StatsInputError);
    expect(() => spcSignals([1, 2, 3], { runLength: 1 })).toThrow(StatsInputError);
  });
});

describe("special-cause rules, each triggered exactly", () => {
  it("the baseline alone has no special cause", () => {
    expect(signalsAfter([])).toEqual([]);
  });

  it("a point outside the limits", () => {
    expect(brief(signalsAfter([17]))).toEqual(["outside-limits high 10-10"]);
    expect(brief(signalsAfter([5]))).toEqual(["outside-limits low 10-10"]);
    // 16 is in the outer third but inside the limit, and alone
    expect(signalsAfter([16])).toEqual([]);
  });

  it("7 points in a row on one side of the mean", () => {
    expect(brief(signalsAfter([12, 13, 12, 13, 12, 13, 12]))).toEqual(["run high 10-16"]);
    expect(brief(signalsAfter([12, 13, 12, 13, 12, 13]))).toEqual([]); // only 6
    expect(brief(signalsAfter([12, 13, 12, 11, 13, 12, 13, 12]))).toEqual([]); // a point on the mean breaks the run
  });

  it("counts the baseline's last point into a run below the mean", () => {
    // the baseline ends with 10 (below 11): 10 + six more below make 7
    expect(brief(signalsAfter([10, 9, 10, 9, 10, 9]))).toEqual(["run low 9-15"]);
    expect(signalsAfter([10, 9, 10, 9, 10])).toEqual([]);
  });

  it("7 points in a row rising or falling", () => {
    const rising = [7.6, 8.4, 9.2, 10, 10.8, 11.6, 12.4];
    expect(brief(signalsAfter(rising))).toEqual(["trend high 10-16"]);
    expect(signalsAfter(rising.slice(0, 6))).toEqual([]);
    const falling = [14.4, 13.6, 12.8, 12, 11.2, 10.4, 9.6];
    expect(brief(signalsAfter(falling))).toEqual(["trend low 10-16"]);
    // equal neighbours break a trend
    expect(signalsAfter([7.6, 8.4, 9.2, 9.2, 10.8, 11.6, 12.4])).toEqual([]);
  });

  it("2 of 3 points beyond two thirds of the way to a limit, on one side", () => {
    const high = signalsAfter([15, 12, 15]);
    expect(brief(high)).toEqual(["two-of-three high 10-12"]);
    expect(high[0]?.points).toEqual([10, 12]);
    expect(brief(signalsAfter([7, 10, 7]))).toEqual(["two-of-three low 10-12"]);
    // 1 in every window of 3: not a signal
    expect(signalsAfter([15, 12, 12, 15])).toEqual([]);
    // opposite sides do not combine
    expect(signalsAfter([15, 12, 7])).toEqual([]);
  });

  it("does not repeat outside-limit points as a 2-of-3 signal", () => {
    expect(brief(signalsAfter([17, 12, 17]))).toEqual([
      "outside-limits high 10-10",
      "outside-limits high 12-12",
    ]);
    // one outside and one in the outer third: a point outside is not "close to" the limit
    // (NHSRplotthedots' close_to_limits), so only the outside rule speaks
    expect(brief(signalsAfter([17, 12, 15]))).toEqual(["outside-limits high 10-10"]);
  });

  it("2 of 3 as NHSRplotthedots' ptd_two_in_three tests (tests/testthat/test-ptd_calculate_point_type.R)", () => {
    // Its cases give each point's close_to_limits (1 close) and side of the mean; here a
    // close point above is 15 (between 14.55 and 16.32), a plain point above 12, below 10.
    const value = (close: number, side: number) => (side > 0 ? (close ? 15 : 12) : 10);
    const marked = (close: number[], side: number[]) => {
      const extra = close.map((c, i) => value(c, side[i]!));
      const points = signalsAfter(extra)
        .filter((s) => s.rule === "two-of-three")
        .flatMap((s) => s.points.map((p) => p - BASELINE.length));
      return close.map((_, i) => (points.includes(i) ? 1 : 0));
    };
    const up = [1, 1, 1];
    // ptd_part_of_two_in_three: the close points of a qualifying window
    expect(marked([1, 0, 1], up)).toEqual([1, 0, 1]);
    expect(marked([0, 1, 1], up)).toEqual([0, 1, 1]);
    expect(marked([1, 1, 0], up)).toEqual([1, 1, 0]);
    expect(marked([0, 0, 1, 0, 1, 0, 0], Array(7).fill(1))).toEqual([0, 0, 1, 0, 1, 0, 0]);
    expect(marked([0, 0, 1, 1, 0, 0, 0], Array(7).fill(1))).toEqual([0, 0, 1, 1, 0, 0, 0]);
    // "when points are on opposite sides of the mean": never
    expect(marked([1, 0, 1], [1, -1, 1])).toEqual([0, 0, 0]);
    expect(marked([0, 1, 1], [1, -1, 1])).toEqual([0, 0, 0]);
    expect(marked([1, 1, 0], [1, -1, 1])).toEqual([0, 0, 0]);
    expect(marked([0, 0, 1, 0, 1, 0, 0], [1, -1, 1, -1, 1, -1, 1])).toEqual(Array(7).fill(0));
  });

  it("screens outliers from the limits as NHSRplotthedots' screen_outliers (tests/testthat/_snaps/ptd_spc_standard.md)", () => {
    // set.seed(123); y <- rnorm(20), as its test-ptd_spc_standard.R; then y[15] <- 10.
    const y = [
      -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621,
      -1.26506123, -0.68685285, -0.44566197, 1.2240818, 0.35981383, 0.40077145, 0.11068272,
      -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.7013559, -0.47279141,
    ];
    const r1 = xmr(y, y.length, true);
    expect(r1.mean).toBeCloseTo(0.1416238, 7);
    expect(r1.lower).toBeCloseTo(-3.01138, 5);
    expect(r1.upper).toBeCloseTo(3.294627, 6);
    const withOutlier = y.map((v, i) => (i === 14 ? 10 : v));
    const r2 = xmr(withOutlier, y.length, true);
    expect(r2.lower).toBeCloseTo(-2.383666, 6);
    expect(r2.upper).toBeCloseTo(3.722497, 6);
    expect(r2.screenedRanges).toBe(2);
    const r3 = xmr(withOutlier);
    expect(r3.lower).toBeCloseTo(-4.596625, 6);
    expect(r3.upper).toBeCloseTo(5.935457, 6);
    expect(r3.screenedRanges).toBe(0);
  });

  it("honours other run and trend lengths", () => {
    expect(
      brief(
        spcSignals([...BASELINE, 12, 13, 12, 13, 12, 13], { baselinePoints: 10, runLength: 6 })
          .signals
      )
    ).toEqual(["run high 10-15"]);
    expect(
      spcSignals([...BASELINE, 12, 13, 12, 13, 12, 13, 12], { baselinePoints: 10, runLength: 8 })
        .signals
    ).toEqual([]);
  });

  it("works on limits from the whole series", () => {
    // 15 steady points then a step up: the mean (54.9) falls between the two levels, so
    // both stretches are runs; only a baseline would keep the early points "normal"
    const values = [
      50, 54, 49, 53, 51, 52, 48, 55, 50, 53, 51, 49, 52, 50, 54, 62, 63, 61, 64, 62, 63, 62,
    ];
    const { limits, signals } = spcSignals(values);
    expect(limits.mean).toBeCloseTo(1208 / 22, 12);
    // upper limit 63.27, outer third from 60.48: the new level sits in it, and 64 breaches the limit
    expect(brief(signals)).toEqual([
      "run low 0-6",
      "run low 8-14",
      "run high 15-21",
      "two-of-three high 15-21",
      "outside-limits high 18-18",
    ]);
    expect(brief(spcSignals(values, { baselinePoints: 15 }).signals)).toContain(
      "outside-limits high 15-15"
    );
  });
});
