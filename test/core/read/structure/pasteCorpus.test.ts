// The corpus tables pasted into the product (readPaste, then validateTables): read with their
// structure, their changes, shares and totals checked, and an altered figure reported on
// its line; the CLI's check says the same.
import { readPaste } from "../../../../src/core/read";
import { validateTables } from "../../../../src/core/validate";
import { runCheck, type CheckIo } from "../../../../src/cli/checkCommand";
import * as fs from "fs";
import { TABLE_FILES, expectedPath, tableText, type Expected } from "../../../support/tablesCorpus";

function pasted(text: string) {
  const read = readPaste(text, { source: "paste" });
  if (!read.ok) throw new Error(read.error.message);
  return { tables: read.tables, issues: validateTables(read.tables) };
}

describe("corpus tables pasted into the product", () => {
  it.each(TABLE_FILES)("%s: read, with the errors worked out by hand and no other", (file) => {
    const { tables, issues } = pasted(tableText(file));
    expect(tables.length).toBeGreaterThan(0);
    const expected = JSON.parse(fs.readFileSync(expectedPath(file), "utf8")) as Expected;
    const key = (i: { rule: string; line: number }) => `${i.line} ${i.rule}`;
    // Words in a figure column ("9 per day") are the paste's own finding (not-a-number): the
    // structure checks keep each cell as printed and report only what they check.
    expect(
      issues
        .filter((i) => i.severity === "error" && i.rule !== "not-a-number")
        .map(key)
        .sort()
    ).toEqual(expected.issues.map(key).sort());
  });

  it("keeps month-year labels whole: no year column shown as 2,019", () => {
    const { tables } = pasted(tableText("wednesfield-crime-levels-2020.txt"));
    expect(tables[0]!.rows.slice(0, 2).map((r) => r.category)).toEqual(["Jul 2019", "Aug 2019"]);
    expect(tables[0]!.columns.map((c) => c.type)).toEqual(["text", "count", "percent"]);
  });

  it.each([
    // A sign printed with a space, the absolute change checked against its period pair.
    ["lancashire-all-recorded-crime-2015.txt", "- 1,685", "- 1,658", 6],
    // The % change column of "Previous | Current | Change | % Change", current period first.
    ["mpa-monthly-performance-dec-2006.txt", "-11.6%", "-11.9%", 7],
    // A % change from the first financial year to the last, "|" separators.
    ["copeland-pq-2015.txt", "55%", "58%", 4],
    // A total row.
    ["kent-stop-search-ethnicity-2022-23.md", "| 3,125 |", "| 3,152 |", 17],
    // A share of the counts' sum.
    ["wednesfield-crime-levels-2020.txt", "Feb 2020 231 10%", "Feb 2020 231 12%", 9],
  ])("%s: %s altered to %s is reported on line %i", (file, from, to, line) => {
    const text = tableText(file);
    expect(text.split(from)).toHaveLength(2);
    const { issues } = pasted(text.replace(from, to));
    expect(issues.filter((i) => i.severity === "error").map((i) => i.line)).toContain(line);
  });

  it("check says so and exits 1 on the altered table, 0 on the published one", async () => {
    const run = async (text: string) => {
      let stdout = "";
      const io: CheckIo = {
        readFile: async () => text,
        stdout: (s) => void (stdout += s),
        stderr: () => undefined,
      };
      return { code: await runCheck(["copeland.txt"], {}, io), stdout };
    };
    const published = await run(tableText("copeland-pq-2015.txt"));
    expect(published.code).toBe(0);
    expect(published.stdout).toContain("all figures check out");
    const altered = await run(tableText("copeland-pq-2015.txt").replace("55%", "58%"));
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain("line 4  [change-mismatch]");
    expect(altered.stdout).toContain("680 → 1,057 is a change of 55%");
  });
});

describe("Previous | Current | Change | Change %", () => {
  it("is not taken for the calls table: the absolute change is checked as one, the % as a %", () => {
    // The MPA table's published figures (swapped into previous-first order) under the
    // headings the issue names.
    const rows = tableText("mpa-monthly-performance-dec-2006.txt")
      .split("\n")
      .slice(2, 6)
      .map((l) => l.split("\t"))
      .map(([label, cur, prev, diff, pct]) => [label, prev, cur, diff, pct].join("\t"));
    const text = ["\tPrevious\tCurrent\tChange\tChange %", ...rows].join("\n");
    const { tables, issues } = pasted(text);
    expect(tables[0]!.kind).toBe("generic");
    expect(issues).toEqual([]);
    const altered = pasted(text.replace("-26,852", "-26,582")).issues;
    expect(altered.map((i) => [i.line, i.rule, i.field])).toEqual([
      [3, "change-mismatch", "change"],
    ]);
  });
});
