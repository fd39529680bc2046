import fc from "fast-check";
import { poissonChangeTest, StatsInputError } from "../../../src/core/stats";
import { exactPoissonTwoSided } from "./exactArithmetic";

const close = (actual: number, expected: number, rel = 1e-6) => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + 1e-300);
};

describe("poissonChangeTest", () => {
  it.each([
    // published two-sided values (issue 4; e.g. R's poisson.test(c(25, 16)))
    [16, 25, 0.21, 0.005],
    [100, 130, 0.056, 0.0005],
    [2, 5, 0.45, 0.005],
  ])("%i -> %i has p about %f", (a, b, published, tol) => {
    const t = poissonChangeTest(a, b);
    expect(Math.abs(t.pValue - published)).toBeLessThanOrEqual(tol);
    expect(t.direction).toBe("increase");
  });

  it("9,495 -> 10,300 (+8.5%) is significant at p < 0.001 while 2 -> 5 (+150%) is noise", () => {
    const big = poissonChangeTest(9495, 10300);
    expect(big.changePct).toBeCloseTo(8.478, 3);
    expect(big.pValue).toBeLessThan(0.001);
    expect(poissonChangeTest(2, 5).pValue).toBeGreaterThan(0.4);
  });

  it.each([
    [16, 25],
    [100, 130],
    [2, 5],
    [5, 20],
    [48, 40],
    [3221, 3223], // borough-a Criminal Damage: p about 0.99
    [0, 3],
    [1, 0],
    [9495, 10300],
    [10522, 11910], // borough-c TNO - Victim: p about 2e-20
  ])("%i -> %i agrees with the exact BigInt calculation", (a, b) => {
    close(poissonChangeTest(a, b).pValue, exactPoissonTwoSided(a, b));
  });

  it("agrees with exact arithmetic for any counts up to 400", () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), (a, b) => {
        close(poissonChangeTest(a, b).pValue, exactPoissonTwoSided(a, b));
      }),
      { numRuns: 150 }
    );
  });

  it("is symmetric and reports direction and change", () => {
    const up = poissonChangeTest(40, 60);
    const down = poissonChangeTest(60, 40);
    expect(up.pValue).toBe(down.pValue);
    expect(up.direction).toBe("increase");
    expect(down.direction).toBe("decrease");
    expect(down.changePct).toBeCloseTo(-33.333, 3);
    expect(poissonChangeTest(7, 7)).toMatchObject({ pValue: 1, direction: "none", changePct: 0 });
    expect(poissonChangeTest(0, 0)).toMatchObject({
      pValue: 1,
      direction: "none",
      changePct: null,
      n: 0,
    });
    expect(poissonChangeTest(0, 4).changePct).toBeNull();
  });

  it("rejects counts that are not whole numbers of at least 0", () => {
    expect(() => poissonChangeTest(-1, 3)).toThrow(StatsInputError);
    expect(() => poissonChangeTest(2.5, 3)).toThrow(/whole number/);
    expect(() => poissonChangeTest(2, Number.NaN)).toThrow(StatsInputError);
  });
});
