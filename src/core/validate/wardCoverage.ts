// Notes on what a Datastore ward-level file leaves out of a borough (core/datastore/wardCoverage.ts
// sets the two files side by side): one for each row whose ward sums differ from the
// borough's, on the table the coverage is said on; or, with no borough-level file, one
// saying the borough's figures are ward sums.
import type { CrimeTable, Issue, TableRow, WardCoverage, WardCoverageRow } from "../model";
import { rowName, wardMessages } from "../messages";

const sameRow = (r: TableRow, c: WardCoverageRow): boolean =>
  r.category === c.category && (r.subcategory ?? "") === c.subcategory;

/** "12 months to 31 Dec 2025" for an ISO date. */
function monthsTo(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const month = d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  return `12 months to ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

function rowIssue(t: number, table: CrimeTable, c: WardCoverage, row: WardCoverageRow): Issue {
  // Said where the table has the row; the borough file's line where it has not (a ward's table).
  const line = table.rows.find((r) => sameRow(r, row))?.line ?? row.line;
  const current = row.wards.current !== row.borough.current;
  return {
    rule: "ward-coverage",
    severity: "info",
    table: t,
    line,
    category: row.category,
    subcategory: row.subcategory,
    field: current ? "offencesCurrent" : "offencesPrevious",
    reported: current ? row.wards.current : row.wards.previous,
    expected: current ? row.borough.current : row.borough.previous,
    message: wardMessages.inNoWard(
      rowName(row.category, row.subcategory, line),
      c.borough,
      monthsTo(c.periodEnding),
      { ward: c.wardSource, borough: c.boroughSource ?? "" },
      { wards: row.wards.current, borough: row.borough.current },
      { wards: row.wards.previous, borough: row.borough.previous }
    ),
  };
}

/** One note on the table's last row (All offences): its figures are ward sums, or the files' months differ. */
function tableIssue(t: number, table: CrimeTable, c: WardCoverage): Issue[] {
  const all = table.rows[table.rows.length - 1];
  if (all === undefined) return [];
  const months = c.boroughMonths;
  const message =
    months === undefined
      ? wardMessages.summedFromWards(c.borough, c.wardSource)
      : wardMessages.otherMonths(
          c.borough,
          c.wardSource,
          c.boroughSource ?? "",
          `24 months to ${monthsTo(c.periodEnding).slice("12 months to ".length)}`,
          `${months.first} to ${months.last}`
        );
  return [
    {
      rule: "ward-coverage",
      severity: "info",
      table: t,
      line: all.line,
      category: all.category,
      subcategory: all.subcategory,
      field: "offencesCurrent",
      reported: null,
      expected: null,
      message,
    },
  ];
}

/** The notes of table t's ward coverage, if it carries one. */
export function checkWardCoverage(t: number, table: CrimeTable): Issue[] {
  const c = table.wardCoverage;
  if (c === undefined) return [];
  if (c.boroughSource === null || c.boroughMonths !== undefined) return tableIssue(t, table, c);
  const parts = (category: string): number =>
    c.rows.filter((r) => !r.isTotal && r.category === category).length;
  return c.rows
    .filter((r) => r.wards.current !== r.borough.current || r.wards.previous !== r.borough.previous)
    .filter((r) => !r.isTotal || parts(r.category) !== 1) // a total of one part says it again
    .map((r) => rowIssue(t, table, c, r));
}
