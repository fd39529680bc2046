// Single figures altered in the published samples are each found with the right rule,
// line and field; the samples as published raise no error.
import type { Issue } from "../../../src/core/model";
import { readPaste } from "../../../src/core/read";
import { validateTables } from "../../../src/core/validate";
import { SAMPLE_FILES, sampleText, withSpacedToken, withTabCell } from "../read/samples";

function check(text: string, opts: { html?: string } = {}): Issue[] {
  const r = readPaste(text, { source: "test", ...opts });
  if (!r.ok) throw new Error(r.error.message);
  return validateTables(r.tables);
}

const brief = (i: Issue) => ({
  rule: i.rule,
  severity: i.severity,
  table: i.table,
  line: i.line,
  field: i.field,
  reported: i.reported,
  expected: i.expected,
});

// merton-2017-08-01.txt, tab-separated. Columns: 0 category, 1 sub-category, 2 target,
// 3 offences previous, 4 offences current, 5 % change, 6 SDs previous, 7 SDs current,
// 8 SD rate previous, 9 SD rate current, 10 status.
const MERTON = sampleText("merton-2017-08-01.txt");

describe("the published samples", () => {
  it.each(SAMPLE_FILES)("%s: no issue of severity error", (name) => {
    const issues = check(sampleText(name));
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("reports the one missing figure of merton 1 August (ASB Repeat Callers, current) as a warning", () => {
    expect(check(MERTON).map(brief)).toEqual([
      {
        rule: "missing-value",
        severity: "warning",
        table: 1,
        line: 40,
        field: "current",
        reported: null,
        expected: null,
      },
    ]);
  });

  it("does not report a row without SD columns (Knife Injury Victims) as missing figures", () => {
    expect(check(sampleText("borough-a-2017-09-05.txt"))).toEqual([]);
  });
});

describe("single altered figures", () => {
  it("finds a wrong % change (line 6, offencesChangePct: 11.4% printed, 11.5% recomputed)", () => {
    const issues = check(withTabCell(MERTON, 6, 5, "11.4%"));
    expect(issues.map(brief)).toContainEqual({
      rule: "change-mismatch",
      severity: "error",
      table: 0,
      line: 6,
      field: "offencesChangePct",
      reported: 11.4,
      expected: 11.5,
    });
    expect(issues.filter((i) => i.severity === "error")).toHaveLength(1);
    expect(issues[0]?.message).toMatch(
      /Offences % Change for TNO – TNO - State \(line 6\) is printed as 11\.4%, but 816 → 910 is a change of 11\.5%/
    );
  });

  it("finds a wrong SD rate (line 6, sdRateCurrent: 72.1% printed, 648/910 = 71.2%)", () => {
    const issues = check(withTabCell(MERTON, 6, 9, "72.1%"));
    expect(issues.filter((i) => i.severity === "error").map(brief)).toEqual([
      {
        rule: "rate-mismatch",
        severity: "error",
        table: 0,
        line: 6,
        field: "sdRateCurrent",
        reported: 72.1,
        expected: 71.2,
      },
    ]);
  });

  it("finds a count that breaks its total (Robbery Business Property current 32 → 33; total on line 14)", () => {
    const issues = check(withTabCell(MERTON, 12, 4, "33"));
    expect(issues.map(brief)).toContainEqual({
      rule: "total-mismatch",
      severity: "error",
      table: 0,
      line: 14,
      field: "offencesCurrent",
      reported: 338,
      expected: 339,
    });
    // The altered row's own derived figures no longer match either; nothing else is reported.
    expect(
      new Set(issues.filter((i) => i.table === 0).map((i) => `${i.line} ${i.rule} ${i.field}`))
    ).toEqual(
      new Set([
        "12 change-mismatch offencesChangePct",
        "12 rate-mismatch sdRateCurrent",
        "14 total-mismatch offencesCurrent",
      ])
    );
    expect(issues.find((i) => i.rule === "total-mismatch")?.message).toMatch(
      /Robbery – Total \(line 14\) is 338, but its 2 sub-categories add up to 339/
    );
  });

  it("finds a total that is wrong on its own (TNO Total SDs previous 2,421 → 2,431)", () => {
    const issues = check(withTabCell(MERTON, 9, 6, "2,431"));
    expect(issues.map(brief)).toContainEqual({
      rule: "total-mismatch",
      severity: "error",
      table: 0,
      line: 9,
      field: "sdsPrevious",
      reported: 2431,
      expected: 2421,
    });
  });

  it("warns when SDs exceed offences (Burglary SDs current 99 → 1,500 with 1,392 offences)", () => {
    const issues = check(withTabCell(withTabCell(MERTON, 10, 7, "1,500"), 10, 9, "107.8%"));
    expect(issues.filter((i) => i.table === 0).map(brief)).toEqual([
      {
        rule: "detections-exceed-offences",
        severity: "warning",
        table: 0,
        line: 10,
        field: "sdsCurrent",
        reported: 1500,
        expected: null,
      },
    ]);
  });

  it("finds a blank count (line 6, offencesCurrent) and does not pile on derived figures", () => {
    const issues = check(withTabCell(MERTON, 6, 4, ""));
    expect(issues.filter((i) => i.table === 0).map(brief)).toEqual([
      {
        rule: "missing-value",
        severity: "warning",
        table: 0,
        line: 6,
        field: "offencesCurrent",
        reported: null,
        expected: null,
      },
    ]);
  });

  it("finds a blank derived figure when its counts are there (line 7, offencesChangePct)", () => {
    const issues = check(withTabCell(MERTON, 7, 5, ""));
    expect(issues.filter((i) => i.table === 0).map(brief)).toEqual([
      {
        rule: "missing-value",
        severity: "warning",
        table: 0,
        line: 7,
        field: "offencesChangePct",
        reported: null,
        expected: null,
      },
    ]);
  });

  it("finds a word where a number belongs (line 6, sdsPrevious)", () => {
    const issues = check(withTabCell(MERTON, 6, 6, "six hundred"));
    expect(issues.filter((i) => i.table === 0).map(brief)).toEqual([
      {
        rule: "not-a-number",
        severity: "error",
        table: 0,
        line: 6,
        field: "sdsPrevious",
        reported: "six hundred",
        expected: null,
      },
    ]);
  });

  it("finds a figure with a rate in words where an SD rate belongs (a generic table's target may print one)", () => {
    // Merton line 6, column 9: the current SD rate, printed "71.2%".
    expect(
      check(withTabCell(MERTON, 6, 9, "11.5 per day"))
        .filter((i) => i.table === 0 && i.rule === "not-a-number")
        .map((i) => i.field)
    ).toEqual(["sdRateCurrent"]);
  });

  it("finds a percentage or a fraction in a count column", () => {
    expect(
      check(withTabCell(MERTON, 6, 3, "81.6%"))
        .filter((i) => i.table === 0)
        .map((i) => [i.rule, i.field])
    ).toEqual([["not-a-number", "offencesPrevious"]]);
    expect(
      check(withTabCell(MERTON, 6, 3, "816.5"))
        .filter((i) => i.table === 0)
        .map((i) => [i.rule, i.field])
    ).toEqual([["not-a-number", "offencesPrevious"]]);
  });

  it("finds a negative count, in any of the ways it can be printed", () => {
    for (const printed of ["-5", "(5)", "\u22125"]) {
      const issues = check(withTabCell(MERTON, 10, 6, printed));
      expect(issues.map(brief)).toContainEqual({
        rule: "negative-count",
        severity: "error",
        table: 0,
        line: 10,
        field: "sdsPrevious",
        reported: -5,
        expected: null,
      });
    }
  });

  it("notes a figure marked not available (n/a) without calling it an error", () => {
    const issues = check(withTabCell(MERTON, 7, 5, "n/a"));
    expect(issues.filter((i) => i.table === 0).map(brief)).toEqual([
      {
        rule: "missing-value",
        severity: "info",
        table: 0,
        line: 7,
        field: "offencesChangePct",
        reported: "n/a",
        expected: null,
      },
    ]);
  });

  it("treats a previous count of 0 as an undefined change, not an error", () => {
    // Lethal-barrelled Gun Discharges (line 30): previous 4 → 0, current 1.
    const blank = check(withTabCell(withTabCell(MERTON, 30, 3, "0"), 30, 5, ""));
    expect(blank.filter((i) => i.line === 30).map(brief)).toEqual([
      {
        rule: "change-undefined",
        severity: "info",
        table: 0,
        line: 30,
        field: "offencesChangePct",
        reported: null,
        expected: null,
      },
    ]);
    const printed = check(withTabCell(MERTON, 30, 3, "0"));
    expect(printed.filter((i) => i.line === 30).map(brief)).toEqual([
      {
        rule: "change-undefined",
        severity: "warning",
        table: 0,
        line: 30,
        field: "offencesChangePct",
        reported: -75,
        expected: null,
      },
    ]);
    expect(printed.some((i) => i.severity === "error")).toBe(false);
  });

  it("checks the calls table: % change of counts (ASB Calls, line 39)", () => {
    const issues = check(withTabCell(MERTON, 39, 3, "2.7%"));
    expect(issues.map(brief)).toContainEqual({
      rule: "change-mismatch",
      severity: "error",
      table: 1,
      line: 39,
      field: "changePct",
      reported: 2.7,
      expected: 2.6,
    });
  });

  it("checks the calls table: percentage-point change of In Target shares (line 41: 91.0% → 90.4%)", () => {
    expect(check(withTabCell(MERTON, 41, 3, "-0.6")).filter((i) => i.line === 41)).toEqual([]);
    const issues = check(withTabCell(MERTON, 41, 3, "-0.5"));
    expect(issues.filter((i) => i.line === 41).map(brief)).toEqual([
      {
        rule: "change-mismatch",
        severity: "error",
        table: 1,
        line: 41,
        field: "changePoints",
        reported: -0.5,
        expected: -0.6,
      },
    ]);
    expect(issues.find((i) => i.line === 41)?.message).toMatch(/percentage points/);
  });

  it("finds altered figures in a PDF copy (borough C, line 6)", () => {
    const pdf = sampleText("borough-c-2017-09-05.pdf-copy.txt");
    // "TNO TNO - State 684 655 -4.2% 486 435 71.1% 66.4% ●": token 5 from the right is -4.2%.
    const change = check(withSpacedToken(pdf, 6, 5, "-4.3%"));
    expect(change.map(brief)).toEqual([
      {
        rule: "change-mismatch",
        severity: "error",
        table: 0,
        line: 6,
        field: "offencesChangePct",
        reported: -4.3,
        expected: -4.2,
      },
    ]);
    // A word for the current offences (655): the columns stay aligned.
    const word = check(withSpacedToken(pdf, 6, 6, "abc"));
    expect(word.map(brief)).toEqual([
      {
        rule: "not-a-number",
        severity: "error",
        table: 0,
        line: 6,
        field: "offencesCurrent",
        reported: "abc",
        expected: null,
      },
    ]);
  });

  it("finds an altered figure in the HTML form (borough D, TNO - Victim SD rate previous)", () => {
    const html = sampleText("borough-d-2017-09-05.html").replace(
      "<td>16.7%</td>",
      "<td>16.9%</td>"
    );
    const issues = check("", { html });
    // The HTML's lines are its headings, paragraphs and rows in order: TNO - Victim is the 5th.
    expect(issues.map(brief)).toEqual([
      {
        rule: "rate-mismatch",
        severity: "error",
        table: 0,
        line: 5,
        field: "sdRatePrevious",
        reported: 16.9,
        expected: 16.7,
      },
    ]);
  });
});

describe("rounding at the printed precision, halves away from zero", () => {
  const header =
    "Crime Category\tSub Category\tTarget\tOffences Previous R12\tOffences Current R12\tOffences % Change\tSDs Previous R12\tSDs Current R12\tSD Rate - Previous R12\tSD Rate - Current R12";
  const row = (
    prev: number,
    cur: number,
    change: string,
    sdPrev = "",
    sdCur = "",
    ratePrev = "",
    rateCur = ""
  ) =>
    check(
      `${header}\nTest\tTotal\t\t${prev}\t${cur}\t${change}\t${sdPrev}\t${sdCur}\t${ratePrev}\t${rateCur}`
    ).map(brief);

  it("an exact 12.25% is 12.3%, never 12.2%", () => {
    expect(row(400, 449, "12.3%")).toEqual([]);
    expect(row(400, 449, "12.2%")).toEqual([
      {
        rule: "change-mismatch",
        severity: "error",
        table: 0,
        line: 2,
        field: "offencesChangePct",
        reported: 12.2,
        expected: 12.3,
      },
    ]);
  });

  it("an exact -12.25% is -12.3% (away from zero)", () => {
    expect(row(400, 351, "-12.3%")).toEqual([]);
    expect(row(400, 351, "-12.2%").map((i) => i.expected)).toEqual([-12.3]);
  });

  it("(309 − 240) / 240 = 28.75% is 28.8% although the float is 28.749999…", () => {
    expect(((309 - 240) / 240) * 100).toBeLessThan(28.75);
    expect(row(240, 309, "28.8%")).toEqual([]);
  });

  it("compares at the precision printed: 12% and 12.25% are right for 12.25%, 12.0% is not", () => {
    expect(row(400, 449, "12%")).toEqual([]);
    expect(row(400, 449, "12.25%")).toEqual([]);
    expect(row(400, 449, "12.0%").map((i) => i.expected)).toEqual([12.3]);
  });

  it("an exact half in a detection rate: 49 / 400 = 12.25% → 12.3%", () => {
    expect(row(400, 400, "0.0%", "49", "49", "12.3%", "12.3%")).toEqual([]);
    expect(
      row(400, 400, "0.0%", "49", "49", "12.2%", "12.3%").map((i) => [i.rule, i.field])
    ).toEqual([["rate-mismatch", "sdRatePrevious"]]);
  });
});
