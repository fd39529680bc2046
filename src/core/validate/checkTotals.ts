// A category's "Total" row equals the sum of its sub-category rows, per count column.
// Categories overlap (Domestic Abuse vs VWI - Domestic Abuse), so sums never cross a
// category: only the rows directly above a total, in the same category, are added.

import type { CrimeTable, Issue, TableRow } from "../model";
import { issueMessages } from "../messages";
import { addDecimals, decimalEquals, toNumber, type ExactDecimal } from "../round";
import { figureOf, formatExact, headingOf, makeIssue, whereOf } from "./figures";

/** Each total row with the sub-category rows it sums (only totals that have some). */
export function totalGroups(rows: TableRow[]): { total: TableRow; parts: TableRow[] }[] {
  const groups: { total: TableRow; parts: TableRow[] }[] = [];
  let parts: TableRow[] = [];
  let category: string | null = null;
  for (const row of rows) {
    if (row.category !== category) {
      parts = [];
      category = row.category;
    }
    if (row.isTotal) {
      if (parts.length > 0) groups.push({ total: row, parts });
      parts = [];
    } else parts.push(row);
  }
  return groups;
}

export function checkTotals(tableIndex: number, table: CrimeTable, countFields: string[]): Issue[] {
  const issues: Issue[] = [];
  for (const { total, parts } of totalGroups(table.rows)) {
    for (const field of countFields) {
      const printed = figureOf(total, field, table, "count");
      if (!printed) continue;
      let sum: ExactDecimal = { scaled: BigInt(0), decimals: 0 };
      let complete = true;
      for (const p of parts) {
        const f = figureOf(p, field, table, "count");
        if (!f) {
          complete = false;
          break;
        }
        sum = addDecimals(sum, f.exact);
      }
      // A missing part is reported as missing; its total cannot be checked.
      if (!complete || decimalEquals(sum, printed.exact)) continue;
      issues.push(
        makeIssue(tableIndex, total, {
          rule: "total-mismatch",
          severity: "error",
          field,
          reported: printed.value,
          expected: toNumber(sum),
          message: issueMessages.totalMismatch(
            whereOf(total),
            headingOf(table, field),
            printed.printed,
            formatExact(sum, { group: true }),
            parts.length
          ),
        })
      );
    }
  }
  return issues;
}
