import { findAnomalies } from "../../../src/core/anomalies";
import { countChangeSentence } from "../../../src/core/anomalies/messages";
import type { Anomaly, CrimeTable, TableRow } from "../../../src/core/model";
import { poissonChangeTest, twoProportionTest } from "../../../src/core/stats";
import { exactPoissonTwoSided } from "../stats/exactArithmetic";
import { readOffences, readSample } from "./sampleTables";

const rowNamed = (
  table: CrimeTable,
  category: string,
  subcategory: string | null = "Total"
): TableRow => {
  const row = table.rows.find((r) => r.category === category && r.subcategory === subcategory);
  if (!row) throw new Error(`no row ${category} / ${subcategory}`);
  return row;
};
const at = (anomalies: Anomaly[], row: TableRow) => anomalies.filter((a) => a.line === row.line);
const rules = (anomalies: Anomaly[], row: TableRow) =>
  at(anomalies, row).map((a) => `${a.rule} ${a.field}`);

describe("count changes: significant or noise (borough-a, 5 September 2017)", () => {
  const table = readOffences("borough-a-2017-09-05.txt");
  const anomalies = findAnomalies([table]);

  it.each([
    // +22.9% on 2,375: far beyond chance
    ["TNO", "TNO - State", "significant-increase offencesChangePct"],
    // +22.5% on 511
    ["Total Knife Crime", "Total", "significant-increase offencesChangePct"],
    // -34.5% on 362
    ["Theft Person - Mobile Phone", "Total", "significant-decrease offencesChangePct"],
  ])("%s / %s is flagged", (category, sub, expected) => {
    expect(rules(anomalies, rowNamed(table, category, sub))).toContain(expected);
  });

  it.each([
    // +26.6% on 94 offences: p = 0.10, noise
    ["Total Gun Crime", "Total"],
    // +3.7% on 82
    ["Robbery", "Business Property"],
  ])("%s / %s is noise: no flag on its change", (category, sub) => {
    const row = rowNamed(table, category, sub);
    expect(at(anomalies, row).filter((a) => a.rule.startsWith("significant"))).toEqual([]);
    const p = poissonChangeTest(
      row.values.offencesPrevious as number,
      row.values.offencesCurrent as number
    ).pValue;
    expect(p).toBeGreaterThan(0.05);
  });

  it("flags exactly the rows whose exact p-value is below 0.05, each with that p-value", () => {
    let significant = 0;
    for (const row of table.rows) {
      const prev = row.values.offencesPrevious as number;
      const cur = row.values.offencesCurrent as number;
      const exact = exactPoissonTwoSided(prev, cur);
      const flags = at(anomalies, row).filter(
        (a) => a.rule === "significant-increase" || a.rule === "significant-decrease"
      );
      if (exact < 0.05) {
        significant++;
        expect(flags).toHaveLength(1);
        expect(flags[0]?.rule).toBe(cur > prev ? "significant-increase" : "significant-decrease");
        expect(Math.abs((flags[0]?.pValue as number) - exact)).toBeLessThanOrEqual(1e-6 * exact);
      } else {
        expect(flags).toEqual([]);
      }
    }
    // borough-a: TNO State, TNO Total, Robbery Personal/Total, Theft Person, Other Theft,
    // Theft Person - Mobile Phone, VWI DA and Non DA, Total Knife Crime ...
    expect(significant).toBeGreaterThanOrEqual(8);
    expect(significant).toBeLessThan(table.rows.length);
  });

  it("says so in a sentence a committee paper can quote", () => {
    const flag = at(anomalies, rowNamed(table, "Total Knife Crime")).find(
      (a) => a.rule === "significant-increase"
    );
    expect(flag?.message).toBe(
      "Total Knife Crime: Offences rose from 511 to 626 (+22.5%); a rise this large would happen by chance less than 1 time in 1,000 (p < 0.001), so it is significant at the 5% level." +
        " Poisson only: no comparison group of 10 or more areas shows how much this count varies beyond chance."
    );
    expect(flag).toMatchObject({
      table: 0,
      category: "Total Knife Crime",
      subcategory: "Total",
      field: "offencesChangePct",
    });
  });

  it("words the issue's examples as the issue does", () => {
    expect(countChangeSentence("offences", poissonChangeTest(100, 130), 0.05)).toBe(
      "Offences rose from 100 to 130 (+30.0%); a rise this large would happen by chance about 6 times in 100 (p = 0.056), so it is not significant at the 5% level."
    );
    expect(countChangeSentence("offences", poissonChangeTest(2, 5), 0.05)).toBe(
      "Offences rose from 2 to 5 (+150.0%); a rise this large would happen by chance about 45 times in 100 (p = 0.453), so it is not significant at the 5% level."
    );
    expect(countChangeSentence("offences", poissonChangeTest(9495, 10300), 0.05)).toMatch(
      /\(\+8\.5%\).*less than 1 time in 1,000 \(p < 0\.001\), so it is significant/
    );
  });

  it("a stricter alpha flags fewer changes", () => {
    const strict = findAnomalies([table], { alpha: 0.001 }).filter((a) =>
      a.rule.startsWith("significant")
    );
    const usual = anomalies.filter((a) => a.rule.startsWith("significant"));
    expect(strict.length).toBeLessThan(usual.length);
    for (const a of strict) expect(a.pValue as number).toBeLessThan(0.001);
  });
});

describe("small numbers", () => {
  it.each([
    ["borough-c-2017-09-05.txt", 10, 19],
    ["borough-d-2017-09-05.txt", 7, 15],
    ["borough-e-2017-09-05.txt", 13, 26],
    ["merton-2017-08-01.txt", 14, 18],
  ])(
    "%s TNO - Unknown (%i -> %i): the %% is small-base, not a trend, and the count test is still reported",
    (file, prev, cur) => {
      const table = readOffences(file);
      const row = rowNamed(table, "TNO", "TNO - Unknown");
      expect([row.values.offencesPrevious, row.values.offencesCurrent]).toEqual([prev, cur]);
      const flags = at(findAnomalies([table]), row);
      const small = flags.find((a) => a.rule === "small-base" && a.field === "offencesChangePct");
      expect(small?.message).toMatch(/unreliable: small numbers/);
      expect(Math.abs((small?.pValue as number) - exactPoissonTwoSided(prev, cur))).toBeLessThan(
        1e-7
      );
      expect(small?.message).toMatch(/so the rise itself is (not )?significant at the 5% level/);
      // never coloured as a trend on the % cell
      expect(
        flags.filter((a) => a.field === "offencesChangePct" && a.rule !== "small-base")
      ).toEqual([]);
    }
  );

  it("a 5 -> 20 row: % marked small-base, the significant increase reported on the count", () => {
    const table = readOffences("borough-a-2017-09-05.txt");
    const row = rowNamed(table, "TNO", "TNO - Unknown");
    const edited: CrimeTable = {
      ...table,
      rows: table.rows.map((r) =>
        r === row
          ? {
              ...r,
              values: {
                ...r.values,
                offencesPrevious: 5,
                offencesCurrent: 20,
                offencesChangePct: 300,
              },
            }
          : r
      ),
    };
    const flags = at(findAnomalies([edited]), row);
    // (its 10 SDs now exceed its 5 offences, so there is no SD rate to judge)
    expect(flags.map((a) => `${a.rule} ${a.field}`)).toEqual([
      "small-base offencesChangePct",
      "significant-increase offencesCurrent",
    ]);
    const rise = flags[1] as Anomaly;
    expect(rise.pValue).toBeCloseTo(exactPoissonTwoSided(5, 20), 9);
    expect(rise.pValue).toBeCloseTo(0.0041, 4);
    expect(flags[0]?.message).toBe(
      "TNO - Unknown: The change of +300.0% is unreliable: small numbers (5 offences in the previous period, below the minimum base of 20), so it should not be read as a trend. " +
        "Offences rose from 5 to 20 (+300.0%); a rise this large would happen by chance about 4 times in 1,000 (p = 0.0041), so the rise itself is significant at the 5% level."
    );
  });

  it("a real small base with a significant rise: borough-c Total Gun Crime 11 -> 25", () => {
    const table = readOffences("borough-c-2017-09-05.txt");
    const row = rowNamed(table, "Total Gun Crime");
    expect(rules(findAnomalies([table]), row)).toEqual([
      "small-base offencesChangePct",
      "significant-increase offencesCurrent",
      "small-base sdRateCurrent",
    ]);
  });

  it("a base of exactly the minimum is trusted; minBase 0 trusts every base", () => {
    const merton = readOffences("merton-2017-07-02.txt");
    const row = rowNamed(merton, "TNO", "TNO - Unknown"); // 20 -> 16
    expect(at(findAnomalies([merton]), row).filter((a) => a.field === "offencesChangePct")).toEqual(
      []
    );
    const noMinimum = findAnomalies([readOffences("borough-c-2017-09-05.txt")], { minBase: 0 });
    expect(noMinimum.filter((a) => a.rule === "small-base")).toEqual([]);
  });

  it("an SD rate over no offences is undefined, hence small-base", () => {
    const table = readOffences("borough-a-2017-09-05.txt");
    const row = rowNamed(table, "Lethal-barrelled Gun Discharges");
    const edited: CrimeTable = {
      ...table,
      rows: [{ ...row, values: { ...row.values, offencesCurrent: 0, sdsCurrent: 0 } }],
    };
    const flag = findAnomalies([edited]).find((a) => a.field === "sdRateCurrent");
    expect(flag).toMatchObject({ rule: "small-base", pValue: null });
    expect(flag?.message).toMatch(/no offences in the current period/);
  });
});

describe("SD rates", () => {
  const table = readOffences("borough-a-2017-09-05.txt");
  const anomalies = findAnomalies([table]);

  it("flags a significant fall with the percentage-point change and Wilson intervals", () => {
    const row = rowNamed(table, "Theft Person - Mobile Phone"); // 69/362 -> 9/237
    const flag = at(anomalies, row).find((a) => a.field === "sdRateCurrent");
    expect(flag?.rule).toBe("rate-drop");
    expect(flag?.pValue).toBe(twoProportionTest(69, 362, 9, 237).pValue);
    expect(flag?.message).toBe(
      "Theft Person - Mobile Phone: The SD rate fell from 19.1% (69 of 362; 95% CI 15.3% to 23.4%) to 3.8% (9 of 237; 95% CI 2.0% to 7.1%), 15.3 percentage points lower; " +
        "a fall this large would happen by chance less than 1 time in 1,000 (p < 0.001), so it is significant at the 5% level."
    );
  });

  it("flags a significant rise", () => {
    const row = rowNamed(table, "Sexual Offences", "Other Sexual"); // 68/482 -> 101/481
    expect(rules(anomalies, row)).toContain("rate-rise sdRateCurrent");
  });

  it("leaves a change within chance alone", () => {
    const row = rowNamed(table, "Burglary"); // 7.1% -> 8.0% on 2,700 offences
    expect(twoProportionTest(192, 2722, 212, 2640).pValue).toBeGreaterThan(0.05);
    expect(at(anomalies, row).filter((a) => a.field === "sdRateCurrent")).toEqual([]);
  });

  it("marks a rate on fewer than 20 offences small-base, quoting Fisher's exact test", () => {
    const c = readOffences("borough-c-2017-09-05.txt");
    const row = rowNamed(c, "Robbery", "Business Property"); // 3/11 -> 3/17
    const flag = at(findAnomalies([c]), row).find((a) => a.field === "sdRateCurrent");
    expect(flag?.rule).toBe("small-base");
    expect(flag?.message).toMatch(
      /unreliable: small numbers \(11 offences in the previous period.*Fisher's exact test/
    );
  });
});

describe("calls and ASB counts", () => {
  it("tests count rows, not percentage rows, and copes with a missing figure", () => {
    const [offences, calls] = readSample("merton-2017-07-02.txt");
    expect(calls?.kind).toBe("calls-asb");
    const anomalies = findAnomalies([offences as CrimeTable, calls as CrimeTable]).filter(
      (a) => a.table === 1
    );
    // ASB Calls 4,118 -> 4,407 (+7.0%): p = 0.002
    expect(anomalies.map((a) => `${a.rule} ${a.category} ${a.field}`)).toEqual([
      "significant-increase ASB Calls changePct",
    ]);
    expect(anomalies[0]?.message).toMatch(
      /^ASB Calls: The count rose from 4,118 to 4,407 \(\+7\.0%\)/
    );
    const august = readSample("merton-2017-08-01.txt");
    expect(() => findAnomalies(august)).not.toThrow();
  });
});
