import { findAnomalies, seriesAnomalies } from "../../../src/core/anomalies";
import type { SeriesInput } from "../../../src/core/anomalies";
import type { Anomaly } from "../../../src/core/model";
import { annualTables, monthlyOffences } from "./datastoreSeries";

const brief = (a: Anomaly[]) => a.map((x) => `${x.rule} ${x.periodEnding}`);

/** A series from values, periods 2020-01 onwards. */
function synthetic(values: number[], higherIsBetter = false): SeriesInput {
  return {
    area: "Testham",
    measure: "Burglary offences",
    field: "count",
    higherIsBetter,
    points: values.map((value, i) => ({
      period: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
      value,
    })),
  };
}

// Two years steady around 100 (mean 100, average moving range 10: limits 73.4 to 126.6)
const STEADY = Array.from({ length: 24 }, (_, i) => (i % 2 ? 95 : 105));

describe("seriesAnomalies on synthetic series", () => {
  it("a steady series has no special cause", () => {
    expect(seriesAnomalies(synthetic(STEADY))).toEqual([]);
  });

  it("each rule, and whether it is improvement or concern for the measure", () => {
    const spike = [...STEADY.slice(0, 7), 170, ...STEADY.slice(8)];
    const flags = seriesAnomalies(synthetic(spike));
    expect(brief(flags)).toEqual(["spc-outside-limits 2020-08"]);
    expect(flags[0]).toMatchObject({
      area: "Testham",
      category: "Burglary offences",
      field: "count",
      pValue: null,
      table: 0,
      line: 0,
    });
    expect(flags[0]?.message).toMatch(
      /^Burglary offences, Testham: 170 in 2020-08 is above the upper process limit \(.*\): a special cause of concern \(lower is better\)\.$/
    );
    // the same spike in a detection rate is an improvement
    expect(seriesAnomalies(synthetic(spike, true))[0]?.message).toMatch(
      /special cause of improvement \(higher is better\)/
    );
  });

  it("a shift, a trend and 2 of 3 near a limit", () => {
    const runBelow = [...STEADY, 96, 97, 96, 97, 96, 97, 96];
    // the steady stretch ends on 95, below the mean: 8 in a row
    expect(brief(seriesAnomalies(synthetic(runBelow)))).toEqual(["spc-run 2022-07"]);
    expect(seriesAnomalies(synthetic(runBelow))[0]?.message).toMatch(
      /8 points in a row, 2021-12 to 2022-07, were below the mean \(99\.2\): a shift, a special cause of improvement/
    );

    const rising = [...STEADY, 90, 93, 96, 99, 102, 105, 108];
    const trend = seriesAnomalies(synthetic(rising)).filter((a) => a.rule === "spc-trend");
    expect(brief(trend)).toEqual(["spc-trend 2022-07"]);
    expect(trend[0]?.message).toMatch(
      /7 points in a row, 2022-01 to 2022-07, each higher than the one before \(90 to 108\): a trend, a special cause of concern/
    );

    const near = seriesAnomalies(synthetic([...STEADY, 122, 110, 122]));
    expect(brief(near)).toEqual(["spc-two-of-three 2022-03"]);
    expect(near[0]?.message).toMatch(
      /at least 2 of 3 points in a row between 2022-01 and 2022-03 \(2022-01: 122, 2022-03: 122\) were more than two thirds of the way/
    );
  });

  it("gives no flags to a series too short for reliable limits", () => {
    expect(
      seriesAnomalies(synthetic([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 400]), {
        minSeriesPoints: 13,
      })
    ).toEqual([]);
    expect(seriesAnomalies(synthetic([100, 101, 100, 400]))).toEqual([]);
  });
});

describe("seriesAnomalies on London Datastore monthly counts", () => {
  it("Merton, all offences April 2010 to January 2024: the first lockdown is below the lower limit", () => {
    const points = monthlyOffences("Merton");
    expect(points).toHaveLength(166);
    const flags = seriesAnomalies({
      area: "Merton",
      measure: "All offences",
      field: "count",
      points,
      higherIsBetter: false,
    });
    const april2020 = flags.find(
      (a) => a.rule === "spc-outside-limits" && a.periodEnding === "2020-04"
    );
    expect(april2020?.message).toMatch(
      /^All offences, Merton: 895 in 2020-04 is below the lower process limit \(903\.3; mean 1,122\.1\): a special cause of improvement/
    );
    // the low of 2013-14: 21 months in a row below the long-run mean
    expect(
      flags.find((a) => a.rule === "spc-run" && a.periodEnding === "2014-10")?.message
    ).toMatch(/21 points in a row, 2013-02 to 2014-10, were below the mean/);
    // monthly crime seldom rises 7 months running: no trend here
    expect(flags.filter((a) => a.rule === "spc-trend")).toEqual([]);
  });

  it("Camden: the recovery after the third lockdown is a rising trend", () => {
    const flags = seriesAnomalies({
      area: "Camden",
      measure: "All offences",
      field: "count",
      points: monthlyOffences("Camden"),
      higherIsBetter: false,
    });
    const trend = flags.find((a) => a.rule === "spc-trend" && a.periodEnding === "2021-08");
    expect(trend?.message).toMatch(
      /8 points in a row, 2021-01 to 2021-08, each higher than the one before \(1,571 to 2,618\): a trend, a special cause of concern/
    );
  });

  it("Merton burglary over the recent 24 months: a shift down in 2023", () => {
    const points = monthlyOffences("Merton", "Burglary", "2022-02");
    const flags = seriesAnomalies({
      area: "Merton",
      measure: "Burglary offences",
      field: "count",
      points,
      higherIsBetter: false,
    });
    expect(brief(flags)).toEqual(["spc-run 2024-01"]);
    expect(flags[0]?.message).toMatch(
      /9 points in a row, 2023-05 to 2024-01, were below the mean \(77\.1\): a shift, a special cause of improvement/
    );
  });
});

describe("findAnomalies over one area's tables for several periods", () => {
  // Twelve financial years of Merton's recorded offences, April 2011 to March 2023.
  const tables = annualTables("Merton", 2011, 2022);

  it("builds one series per row and flags special causes at the right table and line", () => {
    const flags = findAnomalies(tables).filter((a) => a.rule.startsWith("spc"));
    // violence against the person rose every year from 2016-17 to 2022-23
    const vap = flags.filter((a) => a.category === "Violence Against the Person");
    const trend = vap.find((a) => a.rule === "spc-trend");
    expect(trend).toMatchObject({
      table: 11,
      periodEnding: "2023-03-31",
      field: "offencesCurrent",
      area: "Merton",
    });
    expect(trend?.line).toBe(
      tables[11]?.rows.find((r) => r.category === "Violence Against the Person")?.line
    );
    expect(trend?.message).toMatch(
      /^Violence Against the Person offences, Merton: 7 points in a row, 2017-03-31 to 2023-03-31, each higher/
    );
    // the year of lockdowns (2020-21) was an unusually low year for theft
    expect(
      flags.find((a) => a.category === "Theft" && a.rule === "spc-outside-limits")?.message
    ).toMatch(/in the period ending 2021-03-31 is below the lower process limit/);
    // no "Offences offences"
    expect(flags.every((a) => !/Offences offences/.test(a.message))).toBe(true);
  });

  it("needs at least minSeriesPoints periods", () => {
    expect(findAnomalies(tables.slice(1)).filter((a) => a.rule.startsWith("spc"))).toEqual([]);
    expect(
      findAnomalies(tables.slice(1), { minSeriesPoints: 11 }).filter((a) =>
        a.rule.startsWith("spc")
      ).length
    ).toBeGreaterThan(0);
  });
});
