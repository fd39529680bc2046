// Changes in percentage points are checked against the pair of percentage columns they come
// from. The rows are the first five of the MPA's December 2006 table (corpus file
// mpa-monthly-performance-dec-2006.txt: sanction detection rates for April-December 2006 and
// 2005, current period first); that page prints no change in points, so the "Change (% pts)"
// column here is the rates' difference worked out by hand (20.8 - 17.1 = 3.7, …).
import { readStructured } from "../../../../src/core/read/structure";
import { checkStructured } from "../../../../src/core/validate/structure";
import { tableText } from "../../../support/tablesCorpus";

const published = tableText("mpa-monthly-performance-dec-2006.txt").split("\n");

function table(points: string[], heading = "Change (% pts)"): string {
  const head = [published[0], `${published[1]}\t${heading}`];
  const rows = published.slice(2, 7).map((l, k) => `${l}\t${points[k]}`);
  return [...head, ...rows].join("\n");
}

const byHand = ["+3.7", "+2.8", "+4.3", "+1.6", "+2.7"];

describe("changes in percentage points", () => {
  it("are checked against the rates they come from, whatever the order of the periods", () => {
    const check = checkStructured(readStructured(table(byHand)));
    expect(check.issues).toEqual([]);
    expect(check.coverage[0]!.checked).toContainEqual({
      what: "Change (% pts)",
      how: "change in points from Apr-Dec 2005 to Apr-Dec 2006",
    });
    expect(check.coverage[0]!.unchecked.map((u) => u.column)).not.toContain("Change (% pts)");
  });

  it.each([
    ["pp", ["3.7pp", "2.8pp", "4.3pp", "1.6pp", "2.7pp"], "Change"],
    ["points", ["+3.7", "+2.8", "+4.3", "+1.6", "+2.7"], "Change in points"],
  ])("are read by their figures or heading (%s)", (_, points, heading) => {
    const check = checkStructured(readStructured(table(points, heading)));
    expect(check.issues).toEqual([]);
    expect(check.coverage[0]!.checked.map((c) => c.how)).toContain(
      "change in points from Apr-Dec 2005 to Apr-Dec 2006"
    );
  });

  it("find a wrong change on its line, with the difference the rates give", () => {
    const wrong = [...byHand];
    wrong[2] = "+4.6"; // Burglary Dwelling: 20.5% - 16.2% = 4.3
    const check = checkStructured(readStructured(table(wrong)));
    expect(check.issues.map((i) => [i.rule, i.line, i.field, i.expected])).toEqual([
      ["change-mismatch", 5, "Change (% pts)", 4.3],
    ]);
  });

  it("accept a change taken from the unrounded rates (one unit off in the last place)", () => {
    const fromUnrounded = [...byHand];
    fromUnrounded[0] = "+3.8"; // 20.84% - 17.06% = 3.78, printed 20.8% and 17.1%
    expect(checkStructured(readStructured(table(fromUnrounded))).issues).toEqual([]);
  });

  it("are reported as not checked when no pair of rates gives them", () => {
    const check = checkStructured(readStructured(table(["+9.0", "-4.0", "+0.5", "+7.7", "-2.2"])));
    expect(check.coverage[0]!.unchecked).toContainEqual({
      column: "Change (% pts)",
      why: "no pair of percentage columns gives these changes in points",
    });
  });
});
