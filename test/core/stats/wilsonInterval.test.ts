import fc from "fast-check";
import { StatsInputError, wilson, zFor } from "../../../src/core/stats";

describe("wilson", () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table II, method 3.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i/%i gives the published 95%% interval %f to %f", (x, n, lower, upper) => {
    const ci = wilson(x, n);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
    expect(ci.estimate).toBe(x / n);
  });

  it("uses z = 1.959964 for 95% and is wider at 99.8%", () => {
    expect(zFor(0.95)).toBeCloseTo(1.959964, 6);
    expect(zFor(0.998)).toBeCloseTo(3.090232, 5);
    const narrow = wilson(69, 362);
    const wide = wilson(69, 362, zFor(0.998));
    expect(wide.lower).toBeLessThan(narrow.lower);
    expect(wide.upper).toBeGreaterThan(narrow.upper);
  });

  it("stays inside [0, 1] and contains the estimate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f) => {
          const x = Math.round(f * n);
          const ci = wilson(x, n);
          expect(ci.lower).toBeGreaterThanOrEqual(0);
          expect(ci.upper).toBeLessThanOrEqual(1);
          expect(ci.lower).toBeLessThanOrEqual(ci.estimate + 1e-12);
          expect(ci.upper).toBeGreaterThanOrEqual(ci.estimate - 1e-12);
        }
      )
    );
    expect(wilson(10, 10).upper).toBe(1);
  });

  it("rejects impossible proportions", () => {
    expect(() => wilson(3, 0)).toThrow(StatsInputError);
    expect(() => wilson(5, 4)).toThrow(/exceed/);
    expect(() => zFor(1)).toThrow(StatsInputError);
  });
});
