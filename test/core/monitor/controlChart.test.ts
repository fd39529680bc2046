import { readFileSync } from "fs";
import path from "path";
import { monthlySeries, readDatastore } from "../../../src/core/datastore";
import { buildIndicator } from "../../../src/core/monitor/buildIndicator";
import { computeIndicator } from "../../../src/core/monitor/computeMonitoring";
import { pointLabels } from "../../../src/core/monitor/controlChart";
import { indicatorFromMonthlySeries } from "../../../src/core/monitor/indicatorsFromTables";

const text = readFileSync(
  path.join(__dirname, "../../../samples/datastore/mps-borough-level-crime-2010-04-to-2022-01.csv"),
  "utf8"
);
const read = readDatastore(text, "mps-2010-2022.csv");
if (!read.ok) throw new Error(read.error.message);
const file = read.file;

test("Merton burglary: the last 36 months charted, limits as mean ± 2.66 × average moving range", () => {
  const series = monthlySeries(file, "Merton", { category: "Burglary" });
  const r = computeIndicator(indicatorFromMonthlySeries({ name: "Burglary", series }));
  const chart = r.controlChart!;
  expect(chart.periods[0]).toBe("2019-02");
  expect(chart.periods[35]).toBe("2022-01");
  const values = series.slice(-36).map((p) => p.value);
  expect(chart.values).toEqual(values);
  const mean = values.reduce((a, b) => a + b, 0) / 36;
  let mr = 0;
  for (let i = 1; i < 36; i++) mr += Math.abs(values[i]! - values[i - 1]!);
  mr /= 35;
  expect(chart.limits.mean).toBeCloseTo(mean, 9);
  expect(chart.limits.upper).toBeCloseTo(mean + 2.66 * mr, 9);
  expect(chart.limits.lower).toBeCloseTo(mean - 2.66 * mr, 9);
  // Burglary fell sharply in the 2020 lockdown: some signal must show, and each label names a signal that covers its month.
  expect(chart.signals.length).toBeGreaterThan(0);
  chart.pointLabels.forEach((label, i) => {
    const covering = chart.signals.filter((s) => s.points.includes(i));
    if (covering.length === 0) expect(label).toBe("");
    else expect(label).not.toBe("");
  });
  const april2020 = chart.periods.indexOf("2020-04");
  expect(chart.values[april2020]! < mean).toBe(true);
  expect(chart.pointLabels[april2020]).toMatch(/below/);
});

test("labels per point: every rule and side, and no '2 of 3' on a point already outside the limits", () => {
  const labels = pointLabels(10, [
    { rule: "outside-limits", side: "high", start: 0, end: 0, points: [0] },
    { rule: "two-of-three", side: "high", start: 0, end: 1, points: [0, 1] },
    { rule: "run", side: "low", start: 2, end: 8, points: [2, 3, 4, 5, 6, 7, 8] },
    { rule: "trend", side: "low", start: 3, end: 9, points: [3, 4, 5, 6, 7, 8, 9] },
    { rule: "trend", side: "high", start: 0, end: 3, points: [0, 1, 2, 3] },
    { rule: "outside-limits", side: "low", start: 9, end: 9, points: [9] },
  ]);
  expect(labels).toEqual([
    "above upper limit; rising trend",
    "rising trend; 2 of 3 near upper limit",
    "run below mean; rising trend",
    "run below mean; rising trend; falling trend",
    "run below mean; falling trend",
    "run below mean; falling trend",
    "run below mean; falling trend",
    "run below mean; falling trend",
    "run below mean; falling trend",
    "below lower limit; falling trend",
  ]);
});

describe("which indicators get a chart", () => {
  const months = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`
    );
  const wiggle = (n: number) => Array.from({ length: n }, (_, i) => 100 + ((i * 7) % 11));

  test("15 consecutive months do, 14 do not; a gap restarts the count", () => {
    expect(
      computeIndicator(
        buildIndicator({
          name: "a",
          polarity: "lower-is-better",
          periods: months(15),
          actuals: wiggle(15),
        })
      ).controlChart?.periods
    ).toHaveLength(15);
    expect(
      computeIndicator(
        buildIndicator({
          name: "a",
          polarity: "lower-is-better",
          periods: months(14),
          actuals: wiggle(14),
        })
      ).controlChart
    ).toBeNull();
    const gap: (number | null)[] = wiggle(30);
    gap[20] = null;
    expect(
      computeIndicator(
        buildIndicator({
          name: "a",
          polarity: "lower-is-better",
          periods: months(30),
          actuals: gap,
        })
      ).controlChart
    ).toBeNull();
    expect(
      computeIndicator(
        buildIndicator({
          name: "a",
          polarity: "lower-is-better",
          periods: months(30),
          actuals: gap,
        }),
        { xmrMinPoints: 9 }
      ).controlChart?.periods[0]
    ).toBe("2020-10");
  });
  test("quarters and rolling-12-month levels do not", () => {
    const q = Array.from(
      { length: 20 },
      (_, i) =>
        `${2010 + Math.floor(i / 4)}-${String((2011 + Math.floor(i / 4)) % 100).padStart(2, "0")} Q${(i % 4) + 1}`
    );
    expect(
      computeIndicator(
        buildIndicator({ name: "q", polarity: "lower-is-better", periods: q, actuals: wiggle(20) })
      ).controlChart
    ).toBeNull();
    expect(
      computeIndicator(
        buildIndicator({
          name: "r",
          polarity: "lower-is-better",
          periods: months(20),
          actuals: wiggle(20),
          aggregation: "latest",
        })
      ).controlChart
    ).toBeNull();
  });
});
