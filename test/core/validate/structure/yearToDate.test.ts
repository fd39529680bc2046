// A monitoring table's year to date is checked as the sum of its year's quarters. No
// published table in the corpus prints quarters beside their year to date, so the table is
// made as an analyst makes one from the London Datastore's monthly counts (Merton, the
// borough-level file of February 2022 to January 2024): each offence's quarters of 2023/24,
// their year to date, the same months of 2022/23 and the % change, summed and rounded here.
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { findDerived } from "../../../../src/core/validate/structure";
import { observed } from "../../../support/tablesCorpus";

const CSV = path.join(
  __dirname,
  "../../../../samples/datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"
);

const sum = (row: Record<string, string>, months: string[]) =>
  months.reduce((s, m) => s + Number(row[m]), 0);

/** (b − a) / a as a percentage at one decimal, halves away from zero (Excel's ROUND). */
function pctChange(a: number, b: number): string {
  const tenths = Math.floor((2 * Math.abs(b - a) * 1000 + a) / (2 * a));
  const sign = b < a && tenths > 0 ? "-" : "";
  return `${sign}${(tenths / 10).toFixed(1)}%`;
}

const months = (year: number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => `${year}${String(from + k).padStart(2, "0")}`);

function mertonTable(): { text: string; lines: Map<string, number> } {
  const rows = Papa.parse<Record<string, string>>(fs.readFileSync(CSV, "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data.filter((r) => r["LookUp_BoroughName"] === "Merton");
  const q = [months(2023, 4, 6), months(2023, 7, 9), months(2023, 10, 12)];
  const before = months(2022, 4, 12);
  const lines = [
    "Offence\tQ1 2023/24\tQ2 2023/24\tQ3 2023/24\tFYTD 2023/24\tFYTD 2022/23\t% change",
  ];
  const at = new Map<string, number>();
  for (const r of rows) {
    const quarters = q.map((m) => sum(r, m));
    const ytd = quarters.reduce((a, b) => a + b, 0);
    const earlier = sum(r, before);
    if (earlier === 0) continue;
    const name = `${r["MajorText"]} - ${r["MinorText"]}`;
    lines.push([name, ...quarters, ytd, earlier, pctChange(earlier, ytd)].join("\t"));
    at.set(name, lines.length);
  }
  return { text: lines.join("\n"), lines: at };
}

function alter(text: string, line: number, column: number, by: number): string {
  const lines = text.split("\n");
  const cells = (lines[line - 1] as string).split("\t");
  cells[column] = String(Number(cells[column]) + by);
  lines[line - 1] = cells.join("\t");
  return lines.join("\n");
}

describe("a year to date beside its quarters (Merton's Datastore counts)", () => {
  const { text, lines } = mertonTable();

  it("is read as the sum of its year's quarters, and every row adds up", () => {
    const { read, check } = observed(text);
    const t = read.tables[0]!;
    expect(t.rows.length).toBe(lines.size);
    expect(lines.size).toBeGreaterThan(20);
    const toDate = findDerived(t).relations.find((r) => r.kind === "total-column");
    expect(
      toDate && toDate.kind === "total-column" && toDate.parts.map((j) => t.columns[j]?.heading)
    ).toEqual(["Q1 2023/24", "Q2 2023/24", "Q3 2023/24"]);
    expect(check.coverage[0]?.checked.map((c) => c.what)).toEqual(
      expect.arrayContaining(["FYTD 2023/24", "% change"])
    );
    expect(check.issues).toEqual([]);
  });

  it.each([
    ["a year to date", 4],
    ["a quarter", 2],
  ])("finds %s altered on its line", (_what, column) => {
    const line = [...lines.values()][5]!;
    const { check } = observed(alter(text, line, column, 7));
    const totals = check.issues.filter((i) => i.rule === "total-mismatch");
    expect(totals.map((i) => i.line)).toEqual([line]);
    expect(totals[0]?.message).toContain("Q1 2023/24, Q2 2023/24, Q3 2023/24 add up to");
  });
});

describe("a year to date beside its months, over the turn of the year (Merton, April 2023 to January 2024)", () => {
  const MONTHS = [...months(2023, 4, 12), ...months(2024, 1, 1)];
  const label = (m: string) =>
    `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(m.slice(4)) - 1]} ${m.slice(0, 4)}`;

  function monthTable(): string {
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(CSV, "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data.filter((r) => r["LookUp_BoroughName"] === "Merton");
    const lines = [["Offence", ...MONTHS.map(label), "FYTD 2023/24"].join("\t")];
    for (const r of rows)
      lines.push(
        [`${r["MajorText"]} - ${r["MinorText"]}`, ...MONTHS.map((m) => r[m]), sum(r, MONTHS)].join(
          "\t"
        )
      );
    return lines.join("\n");
  }

  it("adds up all ten months, January 2024 with the nine before it", () => {
    const text = monthTable();
    const { read, check } = observed(text);
    const t = read.tables[0]!;
    const toDate = findDerived(t).relations.find((r) => r.kind === "total-column");
    expect(toDate?.kind === "total-column" && toDate.parts.length).toBe(10);
    expect(check.issues).toEqual([]);
    const line = 9;
    const found = observed(alter(text, line, 11, 5)).check.issues;
    expect(found.map((i) => [i.rule, i.line])).toEqual([["total-mismatch", line]]);
  });
});
