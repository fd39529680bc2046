import { readFileSync } from "fs";
import { join } from "path";
import {
  changeFunnel,
  dispersionOf,
  funnelLimits,
  funnelPosition,
  MIN_DISPERSION_MEMBERS,
  poissonChangeTest,
  quantile7,
  rateFunnel,
  winsorise,
} from "../../../src/core/stats";

// PHEindicatormethods (ukhsa-collaboration), tests/testthat/testdata_funnel_ratio_inputs.csv
// at 093fd288: 300 observed and expected counts with the significance its
// assign_funnel_significance(statistic = "ratio") gives them.
const PHE_RATIOS = readFileSync(join(__dirname, "data", "phe-funnel-ratio-inputs.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [obs, expected, significance] = line.split(",");
    return { obs: Number(obs), expected: Number(expected), significance: significance! };
  });

const PHE_LABEL = {
  "above-99.8": "High (0.001)",
  "above-95": "High (0.025)",
  inside: "Not significant",
  "below-95": "Low (0.025)",
  "below-99.8": "Low (0.001)",
} as const;

describe("exact count limits as PHEindicatormethods", () => {
  it("place all 300 of its published ratio test cases as it does", () => {
    expect(PHE_RATIOS).toHaveLength(300);
    for (const c of PHE_RATIOS) {
      const limits = funnelLimits({ kind: "count", expected: c.expected });
      expect([c, PHE_LABEL[funnelPosition(c.obs, limits)]]).toEqual([c, c.significance]);
    }
  });

  it("put a count outside a level's limits exactly when its p-value is below the level", () => {
    for (const expected of [0.6, 3.2, 12, 47.5, 261, 640.5]) {
      const lo = Math.max(0, Math.floor(expected - 6 * Math.sqrt(expected) - 3));
      const members = [];
      for (let o = lo; o <= expected + 6 * Math.sqrt(expected) + 6; o++) members.push(o);
      const limits = funnelLimits({ kind: "count", expected });
      for (const o of members) {
        const at = funnelPosition(o, limits);
        const pValue = poissonTwoSided(o, expected);
        expect([o, expected, at !== "inside"]).toEqual([o, expected, pValue < 0.05]);
        expect([o, expected, at.endsWith("99.8")]).toEqual([o, expected, pValue < 0.002]);
      }
    }
  });
});

/** Two-sided exact Poisson p-value from terms summed here (independent of the code under test). */
function poissonTwoSided(o: number, mean: number): number {
  let term = Math.exp(-mean);
  let below = 0; // P(X < o)
  for (let k = 0; k < o; k++) {
    below += term;
    term *= mean / (k + 1);
  }
  const atMost = below + term; // P(X <= o)
  return Math.min(1, 2 * Math.min(atMost, 1 - below));
}

describe("overdispersion (Spiegelhalter 2005; FunnelPlotR's od_adjustment.R)", () => {
  it("winsorises at R's type-7 quantiles", () => {
    expect(quantile7([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(
      winsorise([10, 1, 2, 3, 4, 5, 6, 7, 8, -20]).map((v) => Math.round(v * 1e9) / 1e9)
    ).toEqual([8.2, 1, 2, 3, 4, 5, 6, 7, 8, -1.1]);
  });

  it("gives φ and τ² for FunnelPlotR's test data (tests/testthat/test-funnel_plot.R)", () => {
    // num = c(100, 150, 180, 80, 120, 225), denom = c(108, 112, 165, 95, 100, 220): z-scores
    // 2(√O - √E) and s = 1/(2√E) (its "CQC" square-root scale), winsorised at 10%. The
    // expected figures are its formulas evaluated independently in numpy.
    const O = [100, 150, 180, 80, 120, 225];
    const E = [108, 112, 165, 95, 100, 220];
    const d = dispersionOf(
      O.map((o, i) => 2 * (Math.sqrt(o) - Math.sqrt(E[i]!))),
      E.map((e) => 1 / (2 * Math.sqrt(e)))
    );
    expect(d.phi).toBeCloseTo(2.3271782575941193, 10);
    expect(d.tau2).toBeCloseTo(0.003439780154186274, 12);
    expect(d.members).toBe(6);
  });

  it("is not applied to a group too small to estimate it, and says so", () => {
    const small = changeFunnel(
      [
        { previous: 1048, current: 1203 },
        { previous: 124, current: 180 },
        { previous: 163, current: 230 },
        { previous: 609, current: 663 },
      ],
      { model: "additive" }
    );
    expect(small.model).toBe("poisson");
    expect(small.reason).toBe(
      `only 4 areas have counts to estimate overdispersion from (${MIN_DISPERSION_MEMBERS} needed)`
    );
  });

  it("widens the limits of an overdispersed group, p-values and limits agreeing", () => {
    // Twelve areas whose counts scatter far beyond Poisson around a 10% rise.
    const previous = [900, 1500, 2200, 640, 3100, 1200, 800, 4100, 2600, 1800, 950, 1300];
    const factor = [1.3, 0.85, 1.2, 0.7, 1.05, 1.4, 0.9, 1.15, 0.8, 1.25, 1.1, 1.0];
    const members = previous.map((p, i) => ({ previous: p, current: Math.round(p * factor[i]!) }));
    const poisson = changeFunnel(members);
    for (const model of ["additive", "multiplicative"] as const) {
      const od = changeFunnel(members, { model });
      expect(od.model).toBe(model);
      expect(od.dispersion!.phi).toBeGreaterThan(10);
      const outside = od.members.filter((m) => m.position !== "inside").length;
      expect(outside).toBeLessThan(poisson.members.filter((m) => m.position !== "inside").length);
      od.members.forEach((m, i) => {
        expect(m.limits.upper95).toBeGreaterThan(poisson.members[i]!.limits.upper95);
        const current = members[i]!.current;
        expect(funnelPosition(current, m.limits)).toBe(m.position);
        expect(m.position !== "inside").toBe(m.pValue < 0.05);
      });
    }
  });

  it("adjusts rates on the arcsine scale and keeps the binomial funnel when asked", () => {
    const members = [
      [120, 900],
      [300, 1500],
      [90, 1100],
      [260, 800],
      [400, 3000],
      [150, 700],
      [210, 2100],
      [330, 1200],
      [80, 950],
      [190, 1000],
      [240, 1600],
      [60, 600],
    ].map(([successes, n]) => ({ successes: successes!, n: n! }));
    const plain = rateFunnel(members);
    const od = rateFunnel(members, { model: "additive" });
    expect(plain.model).toBe("poisson");
    expect(od.model).toBe("additive");
    od.members.forEach((m, i) => {
      expect(funnelPosition(m.rate, m.limits)).toBe(m.position);
      expect(m.limits.lower95).toBeLessThan(plain.members[i]!.limits.lower95);
      expect(m.position !== "inside").toBe(m.pValue < 0.05);
    });
  });
});

describe("a single area's change with its group's dispersion", () => {
  it("is the exact test on the counts divided by φ and rounded as the sheet's ROUND does", () => {
    const plain = poissonChangeTest(830, 1370);
    const deflated = poissonChangeTest(830, 1370, 16.94);
    // 830 / 16.94 = 49.0, 1370 / 16.94 = 80.9: the test of 49 against 81.
    expect(deflated.pValue).toBe(poissonChangeTest(49, 81).pValue);
    expect(deflated.dispersion).toBe(16.94);
    expect(deflated.pValue).toBeGreaterThan(plain.pValue);
    // 2.5 rounds away from zero: 5 / 2 -> 3, 7 / 2 -> 4.
    expect(poissonChangeTest(5, 7, 2).pValue).toBe(poissonChangeTest(3, 4).pValue);
    // 4 / 4 and 5 / 4 both round to 1: no evidence of a change.
    expect(poissonChangeTest(4, 5, 4).pValue).toBe(1);
    expect(poissonChangeTest(100, 180, 0.8).dispersion).toBe(1);
  });
});
