import fc from "fast-check";
import { fisherExact, StatsInputError, twoProportionTest } from "../../../src/core/stats";
import { exactFisher } from "./exactArithmetic";

/** Two-sided normal p-value by Simpson integration of the density: no library involved. */
function normalTwoSided(z: number): number {
  const a = Math.abs(z);
  const steps = 2000;
  const h = a / steps;
  const f = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  let s = f(0) + f(a);
  for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * f(i * h);
  return 1 - 2 * ((s * h) / 3);
}

/** Pearson's chi-square for the 2×2 table, written from the cell counts. */
function pearson(x1: number, n1: number, x2: number, n2: number): number {
  const [a, b, c, d] = [x1, n1 - x1, x2, n2 - x2];
  const n = n1 + n2;
  return (n * (a * d - b * c) ** 2) / ((a + b) * (c + d) * (a + c) * (b + d));
}

describe("twoProportionTest", () => {
  it("z-test: z squared is Pearson's chi-square and p matches the normal integral", () => {
    // borough-a Total Knife Crime SD rate: 103/511 -> 148/626
    const t = twoProportionTest(103, 511, 148, 626);
    expect(t.method).toBe("z");
    expect((t.z as number) ** 2).toBeCloseTo(pearson(103, 511, 148, 626), 9);
    expect(t.pValue).toBeCloseTo(normalTwoSided(t.z as number), 6);
    expect(t.differencePoints).toBeCloseTo((148 / 626 - 103 / 511) * 100, 12);
  });

  it("flags the sample's collapse in detections: borough-a Theft Person - Mobile Phone 69/362 -> 9/237", () => {
    const t = twoProportionTest(69, 362, 9, 237);
    expect(t.method).toBe("z");
    expect(t.differencePoints).toBeCloseTo(-15.26, 2);
    expect(t.pValue).toBeLessThan(1e-6);
  });

  it("uses Fisher's exact test when an expected count is below 5, matching exact arithmetic", () => {
    // borough-c Theft Person - Mobile Phone 1/92 -> 0/81, Robbery Business Property 3/11 -> 3/17
    for (const [x1, n1, x2, n2] of [
      [1, 92, 0, 81],
      [3, 11, 3, 17],
      [3, 254, 0, 223],
    ] as const) {
      const t = twoProportionTest(x1, n1, x2, n2);
      expect(t.method).toBe("fisher");
      expect(t.z).toBeNull();
      expect(t.pValue).toBeCloseTo(exactFisher(x1, n1, x2, n2), 7);
    }
    // Fisher's tea-tasting table: 3 of 4 vs 1 of 4, two-sided p = 34/70
    expect(fisherExact(3, 4, 4, 8)).toBeCloseTo(34 / 70, 10);
  });

  it("Fisher's p agrees with exact arithmetic for any small table", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.nat(60),
        fc.nat(60),
        (n1, n2, a, b) => {
          const x1 = a % (n1 + 1);
          const x2 = b % (n2 + 1);
          expect(fisherExact(x1, n1, x1 + x2, n1 + n2)).toBeCloseTo(exactFisher(x1, n1, x2, n2), 7);
        }
      ),
      { numRuns: 200 }
    );
  });

  it("the normal approximation agrees with Fisher's exact test where it is used on large samples", () => {
    // borough-a TNO Total SD rate 5,368/29,796 -> 5,721/30,306; borough-c Burglary 110/1,262 -> 61/1,703
    for (const [x1, n1, x2, n2] of [
      [5368, 29796, 5721, 30306],
      [110, 1262, 61, 1703],
      [103, 511, 148, 626],
    ] as const) {
      const z = twoProportionTest(x1, n1, x2, n2);
      const fisher = fisherExact(x1, n1, x1 + x2, n1 + n2);
      expect(z.method).toBe("z");
      expect(Math.abs(Math.log10(z.pValue) - Math.log10(fisher))).toBeLessThan(0.15);
    }
    // Far in the tail (z = -12.4, where jstat's 1 - erf reads 0) the exact value is reported.
    const far = twoProportionTest(1992, 11216, 1518, 12584);
    expect(far.method).toBe("fisher");
    expect(far.z).toBeCloseTo(-12.37, 2);
    expect(far.pValue).toBeGreaterThan(0);
    expect(far.pValue).toBe(fisherExact(1992, 11216, 1992 + 1518, 11216 + 12584));
    expect(far.pValue).toBeLessThan(1e-30);
  });

  it("gives p = 1 for equal rates and rejects impossible inputs", () => {
    expect(twoProportionTest(0, 10, 0, 20).pValue).toBe(1);
    expect(twoProportionTest(5, 10, 10, 20).pValue).toBeCloseTo(1, 12);
    expect(() => twoProportionTest(1, 0, 1, 2)).toThrow(StatsInputError);
    expect(() => twoProportionTest(3, 2, 1, 2)).toThrow(/exceed/);
  });
});
