// A dashboard's numbered indicators ("1", "5", "5a" before each name) and its figures
// printed with a rate in words ("7.3 per day"), on the Oxfordshire social care dashboard
// (test/fixtures/tables/oxfordshire-scs-dashboard-2013-14-q2.source.md).
import { readPaste } from "../../../../src/core/read";
import { validateTables } from "../../../../src/core/validate";
import { leadingQuantity } from "../../../../src/core/read/parseNumber";
import { findDerived } from "../../../../src/core/validate/structure";
import { expectedRags } from "../../../../src/core/validate/structure/monitoringRelations";
import { observed, tableText } from "../../../support/tablesCorpus";

const FILE = "oxfordshire-scs-dashboard-2013-14-q2.txt";
const text = tableText(FILE);

/** The text with one cell of a line replaced (cells are tab-separated). */
function withCell(line: number, column: number, to: string): string {
  const lines = text.split("\n");
  const cells = lines[line - 1]!.split("\t");
  cells[column] = to;
  lines[line - 1] = cells.join("\t");
  return lines.join("\n");
}

describe("numbered indicators and their lettered parts", () => {
  const { read, check } = observed(text);
  const table = read.tables[0]!;

  it("reads every indicator, 5a to 5c too, with its number beside its name", () => {
    expect(read.tables).toHaveLength(1);
    expect(read.unread).toEqual([]);
    expect(table.rows.map((r) => r.labels[0])).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "5a",
      "5b",
      "5c",
      "6",
      "7",
    ]);
    expect(table.rows[5]!.labels[1]).toBe(
      "Older People waiting for a care home waiting more than 28 days"
    );
    expect(table.labelHeadings).toEqual(["No", "Indicator"]);
  });

  it("checks item 5 (line 8) as the total of 5a, 5b and 5c, which it is", () => {
    expect(check.coverage[0]!.checked).toContainEqual({ what: "line 8", how: "total of 3 rows" });
    expect(check.issues.filter((i) => i.rule === "total-mismatch")).toEqual([]);
  });

  it.each([
    [10, 4, "8", 8, "Q2"], // 5b's Q2 printed 8 for 6: the item's 19 no longer adds up
    [8, 2, "36", 8, "Target"], // item 5's target printed 36 for 35
    [11, 3, "2", 8, "March Benchmark"], // 5c's March figure printed 2 for 1
  ])(
    "finds line %i's figure altered (column %i to %s) on line %i, %s",
    (line, col, to, at, field) => {
      const { check: altered } = observed(withCell(line, col, to));
      const totals = altered.issues.filter((i) => i.rule === "total-mismatch");
      expect(totals.map((i) => [i.line, i.field])).toEqual([[at, field]]);
    }
  );
});

describe("a figure printed with its rate in words", () => {
  it("is its leading figure: 9 per day, 7.3 per day; a heading of years is not", () => {
    expect(leadingQuantity("9 per day 3250 pa")?.value).toBe(9);
    expect(leadingQuantity("7.3 per day")?.value).toBe(7.3);
    expect(leadingQuantity("2197 pa")?.value).toBe(2197);
    expect(leadingQuantity("5 Year Average Year to Date")).toBeNull();
    expect(leadingQuantity("Working days lost")).toBeNull();
  });

  it("keeps indicator 2 (line 4) in the table, read as printed, with no not-a-number error", () => {
    const pasted = readPaste(text, { source: FILE });
    if (!pasted.ok) throw new Error(pasted.error.message);
    const row = pasted.tables[0]!.rows.find((r) => r.line === 4)!;
    expect(Object.values(row.raw)).toEqual(
      expect.arrayContaining(["9 per day 3250 pa", "6 per day 2197 pa", "7.3 per day"])
    );
    const issues = validateTables(pasted.tables);
    expect(issues.filter((i) => i.rule === "not-a-number")).toEqual([]);
  });

  it("is rated by its figure: line 4's R is among what 7.3 against 9 (19% short) gives", () => {
    const { read } = observed(text);
    const t = read.tables[0]!;
    const rag = findDerived(t).relations.find((r) => r.kind === "rag");
    if (rag?.kind !== "rag") throw new Error("the ratings are not checked");
    const row4 = t.rows.find((r) => r.line === 4)!;
    // Whether more is better is not said by "The number of people accessing reablement":
    // short of target (Amber or Red, nothing earlier printed) or better than it (Green).
    expect(expectedRags(row4, rag)).toEqual(expect.arrayContaining(["Red", "Green"]));
  });
});
