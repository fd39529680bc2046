import { readFileSync } from "fs";
import path from "path";
import { readIndicators } from "../../../src/core/monitor/readIndicators";
import { parsePeriod, periodLabel } from "../../../src/core/monitor/periods";

const sample = readFileSync(
  path.join(__dirname, "../../../samples/monitoring/indicators-2016-17.txt"),
  "utf8"
);

const errorsOf = (text: string) => {
  const r = readIndicators(text, "t.txt");
  if (r.ok) throw new Error("expected errors");
  return r.errors;
};

test("the sample (tab-separated, a title line, a per-quarter budget row)", () => {
  const r = readIndicators(sample, "indicators-2016-17.txt");
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(
    r.indicators.map((i) => [i.name, i.unit, i.polarity, i.tolerancePct, i.aggregation])
  ).toEqual([
    ["MOPAC 7 neighbourhood crimes", "count", "lower-is-better", 10, "sum"],
    ["Burglary", "count", "lower-is-better", 10, "sum"],
    ["ASB calls", "count", "lower-is-better", 10, "sum"],
    ["Sanction detection rate (TNO)", "percentage", "higher-is-better", 10, "average"],
    ["I calls answered in target", "percentage", "higher-is-better", 5, "average"],
    ["Community safety spend against budget", "money", "lower-is-better", 5, "sum"],
  ]);
  const mopac = r.indicators[0]!;
  expect(mopac.periodKind).toBe("quarter");
  expect(mopac.periods).toEqual([
    "2015-16 Q1",
    "2015-16 Q2",
    "2015-16 Q3",
    "2015-16 Q4",
    "2016-17 Q1",
    "2016-17 Q2",
    "2016-17 Q3",
    "2016-17 Q4",
  ]);
  expect(mopac.actuals).toEqual([1502, 1538, 1489, 1421, 1556, 1603, 1575, null]);
  expect(mopac.targets).toEqual(Array(8).fill(1400));
  expect(mopac.line).toBe(4);
  expect(r.indicators[4]!.actuals[2]).toBeNull(); // "n/a"
  expect(r.indicators[5]!.targets).toEqual([
    395000, 395000, 395000, 395000, 402000, 402000, 415000, 430000,
  ]);
  expect(r.indicators[3]!.actuals[0]).toBe(18.9);
});

test("CSV with quoted names, months out of order, a blank tolerance (10%) and a Unit column", () => {
  const csv = [
    "Indicator,Unit,Polarity,Target,Tolerance,2016-05,2016-03,2016-04",
    '"Repeat referrals, MARAC",count,higher,40,,38,41,"1,002"',
    'Spend,money,lower,"12,500",2.5%,"(1,200)",13000,-',
  ].join("\r\n");
  const r = readIndicators(csv);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const [a, b] = r.indicators;
  expect(a!.name).toBe("Repeat referrals, MARAC");
  expect(a!.periods).toEqual(["2016-03", "2016-04", "2016-05"]);
  expect(a!.actuals).toEqual([41, 1002, 38]);
  expect(a!.tolerancePct).toBe(10);
  expect(a!.polarity).toBe("higher-is-better");
  expect(b!.unit).toBe("money");
  expect(b!.tolerancePct).toBe(2.5);
  expect(b!.actuals).toEqual([13000, null, -1200]);
  expect(b!.targets).toEqual([12500, 12500, 12500]);
});

test("period headings in the forms analysts type", () => {
  const label = (t: string) => {
    const p = parsePeriod(t);
    return p ? periodLabel(p) : null;
  };
  expect(["2016-04", "201604", "Apr 2016", "April 2016", "Apr-16", "Sept 2016"].map(label)).toEqual(
    ["2016-04", "2016-04", "2016-04", "2016-04", "2016-04", "2016-09"]
  );
  expect(["2016-17 Q1", "2016/17 Q4", "Q2 2016-17", "q3 2016/17"].map(label)).toEqual([
    "2016-17 Q1",
    "2016-17 Q4",
    "2016-17 Q2",
    "2016-17 Q3",
  ]);
  expect(["2016-18 Q1", "2016-13", "Q5 2016-17", "Spring 2016"].map(label)).toEqual([
    null,
    null,
    null,
    null,
  ]);
});

describe("bad input gets typed errors naming line and column", () => {
  test("a figure that is not a number", () => {
    const errs = errorsOf(
      "Indicator\tPolarity\tTarget\tTolerance\t2016-17 Q1\t2016-17 Q2\nASB\tlower\t100\t10%\t95\tabout 90\n"
    );
    expect(errs).toEqual([
      {
        code: "bad-number",
        message: 'Line 2, column 6: "about 90" is not a number',
        line: 2,
        column: 6,
        value: "about 90",
      },
    ]);
  });
  test("an unknown polarity, a negative tolerance, and every error at once in line order", () => {
    const errs = errorsOf(
      "Title\n\nIndicator\tPolarity\tTarget\tTolerance\t2016-17 Q1\nA\tsideways\t1\t10\t1\nB\tlower\t1\t-5%\t2\n"
    );
    expect(errs.map((e) => [e.code, e.line, e.column])).toEqual([
      ["bad-polarity", 4, 2],
      ["bad-tolerance", 5, 4],
    ]);
    expect(errs[0]!.message).toContain('"sideways"');
  });
  test("headings: no header row, unknown heading, mixed period kinds, a repeated period, a non-period after periods", () => {
    expect(errorsOf("Name\tPolarity\n")[0]!.code).toBe("no-header");
    expect(errorsOf("Indicator\tPolarity\tOwner\t2016-04\n")[0]).toMatchObject({
      code: "bad-header",
      line: 1,
      column: 3,
      value: "Owner",
    });
    expect(errorsOf("Indicator\tPolarity\t2016-04\t2016-17 Q2\nA\tlower\t1\t2\n")[0]).toMatchObject(
      { code: "mixed-periods", column: 4 }
    );
    expect(errorsOf("Indicator\tPolarity\t2016-04\tApr 2016\nA\tlower\t1\t2\n")[0]).toMatchObject({
      code: "duplicate-period",
      column: 4,
    });
    expect(errorsOf("Indicator\tPolarity\t2016-04\tNotes\nA\tlower\t1\t2\n")[0]).toMatchObject({
      code: "bad-period",
      column: 4,
    });
    expect(errorsOf("Indicator\tTarget\t2016-04\nA\t1\t2\n")[0]).toMatchObject({
      code: "bad-header",
      message: "Line 1: the header has no Polarity column",
    });
  });
  test("rows: no name, a repeated name, a stray target row, cells beyond the headings, % and £ mixed", () => {
    const errs = errorsOf(
      [
        "Indicator\tPolarity\t2016-04\t2016-05",
        "\tTarget\t5\t5",
        "A\tlower\t1\t2",
        "\thigher\t3\t4",
        "a\tlower\t1\t2",
        "B\tlower\t1\t2\textra",
        "C\tlower\t£1\t2%",
      ].join("\n")
    );
    expect(errs.map((e) => [e.code, e.line])).toEqual([
      ["orphan-target-row", 2],
      ["missing-name", 4],
      ["duplicate-indicator", 5],
      ["too-many-cells", 6],
      ["mixed-units", 7],
    ]);
  });
  test("empty text, and a header with nothing under it", () => {
    expect(errorsOf(" \n\n")[0]!.code).toBe("empty");
    expect(errorsOf("Indicator\tPolarity\t2016-04\n")[0]).toMatchObject({ code: "empty", line: 1 });
  });
  test("pasted text that looks like a formula stays data: it is a bad number, never evaluated", () => {
    const errs = errorsOf("Indicator\tPolarity\t2016-04\nA\tlower\t=1+1\n");
    expect(errs[0]).toMatchObject({ code: "bad-number", value: "=1+1" });
  });
});
