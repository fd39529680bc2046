// Issue #15: "every line of the input is read into a table or reported with its line number
// and why", and "the report says, for each table, which derived columns it recognised and
// checked". Real corpus tables pasted into the product (readPaste, validateTables) and
// through check, with a line of prose and a figure marked "n/a" put in by hand.
import * as fs from "fs";
import { readPaste } from "../../../../src/core/read";
import { validateTables } from "../../../../src/core/validate";
import { checkJson } from "../../../support/checkJson";
import { expectedPath, tableText, type Expected } from "../../../support/tablesCorpus";

const CALGARY = "calgary-police-q1-2017-ytd.txt";
const GLA = "gla-recorded-crime-rates-1999-2017.csv";

function pasted(text: string) {
  const read = readPaste(text, { source: "paste" });
  if (!read.ok) throw new Error(read.error.message);
  return { tables: read.tables, issues: validateTables(read.tables) };
}

describe("no line of a pasted table is dropped without a word", () => {
  it("a source line and a footnote under a table are notes on their lines, and every row is read", () => {
    const lines = tableText(CALGARY).trimEnd().split("\n");
    lines.push("Source: Calgary Police Service, 12 April 2017", "* Figures are provisional");
    const { tables, issues } = pasted(lines.join("\n"));
    const notes = issues.filter((i) => i.rule === "line-not-read");
    expect(notes.map((i) => [i.line, i.severity])).toEqual([
      [16, "info"],
      [17, "info"],
    ]);
    expect(notes[0]!.message).toContain("Source: Calgary Police Service");
    expect(notes[1]!.message).toContain("a footnote");
    expect(tables[0]!.rows).toHaveLength(10);
    // The published errors are still the ones found.
    expect(issues.filter((i) => i.severity === "error").map((i) => i.line)).toEqual([3, 3, 5, 11]);
  });

  it("a figure printed n/a is a note naming the row and column, not a silent gap", () => {
    const text = tableText(CALGARY).replace(
      "Vehicle Theft\t1009\t1345",
      "Vehicle Theft\t1009\tn/a"
    );
    const { issues } = pasted(text);
    const gaps = issues.filter((i) => i.rule === "missing-value");
    expect(gaps.map((i) => [i.line, i.severity, i.reported])).toEqual([[5, "info", "n/a"]]);
    expect(gaps[0]!.message).toMatch(/2016 Year to Date for Vehicle Theft .*"n\/a"/);
  });

  it("the older Datastore long CSV is read wide, and each line whose figure is n/a is a note on that line", () => {
    const { tables, issues } = pasted(tableText(GLA));
    expect(tables.map((t) => t.title)).toEqual([
      "All recorded offences, Rate",
      "All recorded offences, Number_of_offences",
    ]);
    // Line 38 prints its rate as "n/a" (see the file's source notes).
    const note = issues.find((i) => i.rule === "line-not-read" && i.line === 38);
    expect(note?.message).toMatch(/Rate is "n\/a", not a figure/);
  });
});

describe("check says which derived columns it checked", () => {
  it("lists, for a table of no known kind, the columns and rows it checked and how", async () => {
    const expected = JSON.parse(fs.readFileSync(expectedPath(CALGARY), "utf8")) as Expected & {
      tables: { checked: unknown[] }[];
    };
    const { code, doc } = await checkJson<{ tables: { checked?: unknown[] }[] }>(
      CALGARY,
      tableText(CALGARY)
    );
    expect(code).toBe(1);
    expect(doc.tables[0]!.checked).toEqual(expected.tables[0]!.checked);
  });
});
