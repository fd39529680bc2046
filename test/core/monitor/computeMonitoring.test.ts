import { readFileSync } from "fs";
import path from "path";
import { buildIndicator, IndicatorInput } from "../../../src/core/monitor/buildIndicator";
import { computeIndicator, computeMonitoring } from "../../../src/core/monitor/computeMonitoring";
import { readIndicators } from "../../../src/core/monitor/readIndicators";
import { summaryLine } from "../../../src/core/monitor/summariseRag";
import type { Polarity } from "../../../src/core/monitor/types";

const Q = ["2015-16 Q1", "2015-16 Q2", "2015-16 Q3", "2015-16 Q4", "2016-17 Q1", "2016-17 Q2"];

/** A quarterly indicator reported at 2016-17 Q2: FYTD = Q1+Q2 2016-17 against Q1+Q2 2015-16. */
function quarterly(
  polarity: Polarity,
  lastYear: [number, number],
  thisYear: [number, number],
  target: number,
  extra: Partial<IndicatorInput> = {}
) {
  return buildIndicator({
    name: "test",
    polarity,
    periods: Q,
    actuals: [lastYear[0], lastYear[1], 500, 500, thisYear[0], thisYear[1]],
    target,
    ...extra,
  });
}

describe("RAG: lower is better (target 250 a quarter, FYTD target 500, tolerance 10%)", () => {
  const rag = (last: [number, number], now: [number, number], extra?: Partial<IndicatorInput>) =>
    computeIndicator(quarterly("lower-is-better", last, now, 250, extra));

  test("better than target is Green (on target)", () => {
    const r = rag([300, 300], [200, 240]);
    expect(r.fytd.actual).toBe(440);
    expect(r.fytd.target).toBe(500);
    expect(r.rag).toBe("Green");
    expect(r.ragReason).toMatch(/^on target/);
  });
  test("within tolerance is Green", () => {
    const r = rag([200, 200], [270, 270]);
    expect(r.fytd.offTargetPct).toBeCloseTo(8, 10);
    expect(r.rag).toBe("Green");
  });
  test("exactly at tolerance (550 against 500 at 10%) is Green", () => {
    const r = rag([200, 200], [275, 275]);
    expect(r.fytd.actual).toBe(550);
    expect(r.rag).toBe("Green");
  });
  test("one more than the tolerance, and improved, is Amber", () => {
    const r = rag([300, 300], [276, 275]);
    expect(r.rag).toBe("Amber");
    expect(r.ragReason).toContain("improved");
  });
  test("more than tolerance off and held (the same as last year) is Amber", () => {
    const r = rag([300, 300], [300, 300]);
    expect(r.rag).toBe("Amber");
    expect(r.ragReason).toContain("held");
  });
  test("more than tolerance off and worse than last year is Red", () => {
    const r = rag([280, 280], [300, 300]);
    expect(r.fytd.change).toBe(40);
    expect(r.fytd.changePct).toBeCloseTo((40 / 560) * 100, 10);
    expect(r.rag).toBe("Red");
  });
  test("more than tolerance off with no previous corresponding period is Red, said so", () => {
    const ind = quarterly("lower-is-better", [300, 300], [300, 300], 250);
    ind.actuals[0] = null;
    const r = computeIndicator(ind);
    expect(r.fytd.previous).toBeNull();
    expect(r.rag).toBe("Red");
    expect(r.ragReason).toContain("no previous corresponding period");
  });
});

describe("RAG: higher is better (a rate: target 20%, tolerance 10% of target = 18% and above is Green)", () => {
  const rate = (last: [number, number], now: [number, number]) =>
    computeIndicator(quarterly("higher-is-better", last, now, 20, { unit: "percentage" }));

  test("above target is Green", () => expect(rate([15, 15], [22, 21]).rag).toBe("Green"));
  test("within tolerance is Green", () => expect(rate([15, 15], [19, 18.5]).rag).toBe("Green"));
  test("exactly at tolerance (18.0% against 20.0%) is Green, despite 0.2*0.9 = 0.18000000000000002", () => {
    const r = rate([25, 25], [18, 18]);
    expect(r.fytd.actual).toBe(18);
    expect(r.rag).toBe("Green");
  });
  test("just below the tolerance and improved is Amber", () =>
    expect(rate([15, 15], [17.9, 18]).rag).toBe("Amber"));
  test("below the tolerance and held is Amber", () =>
    expect(rate([16, 17], [17, 16]).rag).toBe("Amber"));
  test("below the tolerance and worse is Red", () => {
    const r = rate([17.5, 17.5], [17, 17.2]);
    expect(r.rag).toBe("Red");
    expect(r.fytd.change).toBeCloseTo(-0.4, 10); // percentage points
    expect(r.fytd.changePct).toBeNull(); // a rate's change is in points, not a % change
  });
  test("a count where higher is better (referrals), at tolerance is Green and below is rated on improvement", () => {
    const at = computeIndicator(quarterly("higher-is-better", [100, 100], [45, 45], 50)); // 90 vs 100
    expect(at.rag).toBe("Green");
    const amber = computeIndicator(quarterly("higher-is-better", [40, 40], [45, 44], 50));
    expect(amber.rag).toBe("Amber");
    const red = computeIndicator(quarterly("higher-is-better", [46, 46], [45, 44], 50));
    expect(red.rag).toBe("Red");
  });
});

test("no target, or no actual for part of the year, gives no rating and says why", () => {
  const noTarget = computeIndicator(
    buildIndicator({
      name: "x",
      polarity: "lower-is-better",
      periods: Q,
      actuals: [1, 2, 3, 4, 5, 6],
    })
  );
  expect(noTarget.rag).toBeNull();
  expect(noTarget.ragReason).toBe("no target for the period");
  const gap = quarterly("lower-is-better", [1, 1], [1, 1], 1);
  gap.actuals[4] = null; // 2016-17 Q1 missing: the FYTD sum would be short
  const r = computeIndicator(gap);
  expect(r.asOf).toBe("2016-17 Q2");
  expect(r.fytd.actual).toBeNull();
  expect(r.rag).toBeNull();
});

describe("financial year to date across the April boundary (monthly series)", () => {
  // Jan 2016 … Jun 2017, value = the month number within the series (1..18), so sums are easy to check.
  const months = Array.from(
    { length: 18 },
    (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`
  );
  const ind = buildIndicator({
    name: "Offences",
    polarity: "lower-is-better",
    periods: months,
    actuals: months.map((_, i) => i + 1),
    target: 10,
  });

  test("March closes the financial year: April 2016 to March 2017", () => {
    const r = computeIndicator(ind, { asOf: "2017-03" });
    expect(r.fytd.periods[0]).toBe("2016-04");
    expect(r.fytd.periods).toHaveLength(12);
    expect(r.fytd.actual).toBe(4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15);
    expect(r.fytd.previous).toBeNull(); // April 2015 … March 2016 is not all there
    expect(r.fytd.label).toBe("Apr 2016 – Mar 2017");
  });
  test("April starts a new year: FYTD is April alone, against April a year earlier", () => {
    const r = computeIndicator(ind, { asOf: "2017-04" });
    expect(r.fytd.periods).toEqual(["2017-04"]);
    expect(r.fytd.actual).toBe(16);
    expect(r.fytd.previousPeriods).toEqual(["2016-04"]);
    expect(r.fytd.previous).toBe(4);
    expect(r.fytd.target).toBe(10);
  });
  test("May: April + May against April + May a year earlier (March is not in the year)", () => {
    const r = computeIndicator(ind, { asOf: "2017-05" });
    expect(r.fytd.actual).toBe(16 + 17);
    expect(r.fytd.previous).toBe(4 + 5);
    expect(r.fytd.change).toBe(24);
    expect(r.fytd.changePct).toBeCloseTo((24 / 9) * 100, 10);
    expect(r.fytd.target).toBe(20);
  });
  test("by default the reporting month is the latest with an actual; months sum to the latest ended quarter", () => {
    const r = computeIndicator(ind);
    expect(r.asOf).toBe("2017-06");
    expect(r.quarter).toEqual({
      label: "2017-18 Q1",
      value: 16 + 17 + 18,
      previousLabel: "2016-17 Q4",
      previous: 13 + 14 + 15,
      yearAgoLabel: "2016-17 Q1",
      yearAgo: 4 + 5 + 6,
    });
    expect(r.dotShort).toBe("▲ up, worse");
    expect(r.dotLong).toBe("▲ up, worse");
  });
  test("a reporting month mid-quarter uses the quarter that has ended", () => {
    const r = computeIndicator(ind, { asOf: "2017-05" });
    expect(r.quarter.label).toBe("2016-17 Q4");
    expect(r.quarter.value).toBe(13 + 14 + 15); // Jan–Mar 2017
    expect(r.quarter.previous).toBe(10 + 11 + 12); // Oct–Dec 2016
    expect(r.quarter.yearAgoLabel).toBe("2015-16 Q4");
    expect(r.quarter.yearAgo).toBe(1 + 2 + 3); // Jan–Mar 2016
  });
});

describe("quarterly direction of travel", () => {
  const periods = [
    "2015-16 Q2",
    "2015-16 Q3",
    "2015-16 Q4",
    "2016-17 Q1",
    "2016-17 Q2",
    "2016-17 Q3",
  ];
  test("a missing previous quarter is n/a, never a change; the year-ago comparison still shows", () => {
    const ind = buildIndicator({
      name: "ASB calls",
      polarity: "lower-is-better",
      periods,
      actuals: [1000, 1100, 1200, 1300, null, 1000],
      target: 1000,
    });
    const r = computeIndicator(ind);
    expect(r.asOf).toBe("2016-17 Q3");
    expect(r.quarter.previousLabel).toBe("2016-17 Q2");
    expect(r.quarter.previous).toBeNull();
    expect(r.dotShort).toBe("n/a");
    expect(r.quarter.yearAgoLabel).toBe("2015-16 Q3");
    expect(r.dotLong).toBe("▼ down, better");
  });
  test("a year-ago quarter outside the data is n/a", () => {
    const ind = buildIndicator({
      name: "SD rate",
      unit: "percentage",
      polarity: "higher-is-better",
      periods,
      actuals: [20, 21, 22, 23, 24, 24],
    });
    const r = computeIndicator(ind, { asOf: "2016-17 Q1" });
    expect(r.quarter.yearAgoLabel).toBe("2015-16 Q1");
    expect(r.dotLong).toBe("n/a");
    expect(r.dotShort).toBe("▲ up, better"); // 23% after 22%: higher is better
    const same = computeIndicator(ind);
    expect(same.dotShort).toBe("► no change");
    expect(same.dotLong).toBe("▲ up, better");
  });
  test("direction respects polarity: the same rise is worse for offences and better for detections", () => {
    const up = [1, 2, 3, 4, 5, 6];
    expect(
      computeIndicator(
        buildIndicator({ name: "a", polarity: "lower-is-better", periods, actuals: up })
      ).dotShort
    ).toBe("▲ up, worse");
    expect(
      computeIndicator(
        buildIndicator({ name: "b", polarity: "higher-is-better", periods, actuals: up })
      ).dotShort
    ).toBe("▲ up, better");
  });
});

describe("summary line", () => {
  test("exactly as committee papers word it", () => {
    expect(summaryLine({ Red: 2, Amber: 0, Green: 1, none: 0 })).toBe(
      "Of the 3 indicators 2 (66.7%) are Red and 1 (33.3%) is Green"
    );
    expect(summaryLine({ Red: 1, Amber: 1, Green: 5, none: 1 })).toBe(
      "Of the 8 indicators 1 (12.5%) is Red, 1 (12.5%) is Amber, 5 (62.5%) are Green and 1 (12.5%) has no rating"
    );
    expect(summaryLine({ Red: 0, Amber: 0, Green: 1, none: 0 })).toBe(
      "Of the 1 indicator 1 (100.0%) is Green"
    );
  });
  test("from rated indicators", () => {
    const ind = (now: [number, number], last: [number, number]) =>
      quarterly("lower-is-better", last, now, 250);
    const m = computeMonitoring([
      ind([300, 300], [280, 280]),
      ind([200, 200], [300, 300]),
      ind([320, 300], [300, 300]),
    ]);
    expect(m.indicators.map((r) => r.rag)).toEqual(["Red", "Green", "Red"]);
    expect(m.summary).toBe("Of the 3 indicators 2 (66.7%) are Red and 1 (33.3%) is Green");
  });
});

test("the sample indicator table: figures, ratings and directions", () => {
  const text = readFileSync(
    path.join(__dirname, "../../../samples/monitoring/indicators-2016-17.txt"),
    "utf8"
  );
  const read = readIndicators(text, "indicators-2016-17.txt");
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const m = computeMonitoring(read.indicators);
  const by = (name: string) => m.indicators.find((r) => r.name === name)!;
  expect(by("MOPAC 7 neighbourhood crimes")).toMatchObject({
    asOf: "2016-17 Q3",
    fytd: {
      label: "2016-17 Q1–Q3",
      actual: 1556 + 1603 + 1575,
      previous: 1502 + 1538 + 1489,
      target: 4200,
    },
    rag: "Red",
    dotShort: "▼ down, better",
    dotLong: "▲ up, worse",
  });
  expect(by("Burglary").rag).toBe("Amber");
  expect(by("ASB calls").rag).toBe("Green");
  expect(by("Sanction detection rate (TNO)").fytd.actual).toBeCloseTo((17.2 + 16.9 + 16.5) / 3, 10);
  expect(by("Sanction detection rate (TNO)").rag).toBe("Red");
  // A percentage is off target in points, as a council report compares them: 16.9% against 20.0%.
  expect(by("Sanction detection rate (TNO)").fytd.offTargetPoints).toBeCloseTo(
    20 - (17.2 + 16.9 + 16.5) / 3,
    9
  );
  expect(by("Sanction detection rate (TNO)").ragReason).toMatch(/^3\.1 points worse than target,/);
  expect(by("MOPAC 7 neighbourhood crimes").fytd.offTargetPoints).toBeNull();
  const calls = by("I calls answered in target");
  expect(calls.rag).toBe("Green");
  expect(calls.fytd.previous).toBeNull(); // 2015-16 Q3 was not supplied
  expect(calls.dotLong).toBe("n/a");
  const spend = by("Community safety spend against budget");
  expect(spend.unit).toBe("money");
  expect(spend.fytd.target).toBe(402000 + 402000 + 415000); // the per-quarter budget row
  expect(spend.rag).toBe("Red");
  expect(m.summary).toBe(
    "Of the 6 indicators 3 (50.0%) are Red, 1 (16.7%) is Amber and 2 (33.3%) are Green"
  );
});
