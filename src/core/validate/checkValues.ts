// Each printed cell on its own: text where a figure belongs, a count that is not a whole
// number or is negative, a blank or "n/a" where a figure is expected.

import type { FieldRole, FieldSpec } from "../kinds";
import type { CrimeTable, Issue, TableRow } from "../model";
import { issueMessages } from "../messages";
import { figureWithWords, type ParsedCell } from "../read/parseNumber";
import { cellOf, headingOf, makeIssue, whereOf } from "./figures";

export type { FieldRole, FieldSpec } from "../kinds";

const WANTED: Record<FieldRole, string> = {
  count: "a whole number (a count)",
  percent: "a percentage",
  points: "a change in percentage points",
  number: "a number",
};

/** A count as counts are printed: a whole number, not negative, without a unit. */
const wholeCount = (cell: ParsedCell & { kind: "number" }): boolean =>
  cell.unit === null && Number.isInteger(cell.value) && cell.value >= 0;

export function checkValues(
  tableIndex: number,
  table: CrimeTable,
  row: TableRow,
  specs: FieldSpec[],
  blankOk: (field: string) => boolean
): Issue[] {
  const issues: Issue[] = [];
  for (const { field, role, required } of specs) {
    const cell = cellOf(row, field);
    // Most cells are fine: the names for a message are looked up only when one is needed.
    if (cell.kind === "number" && (role !== "count" || wholeCount(cell))) continue;
    const where = whereOf(row);
    const heading = headingOf(table, field);
    const printed = row.raw?.[field] ?? "";
    const notANumber = (reported: string) =>
      issues.push(
        makeIssue(tableIndex, row, {
          rule: "not-a-number",
          severity: "error",
          field,
          reported,
          expected: null,
          message: issueMessages.notANumber(where, heading, reported, WANTED[role]),
        })
      );
    switch (cell.kind) {
      case "text":
        // In a table of no known kind, a figure printed with words ("40,861 (3%)", a monitoring
        // table's "7.3 per day") is a figure, kept as printed, though not a count.
        if (table.kind !== "generic" || role === "count" || figureWithWords(cell.text) === null)
          notANumber(cell.text);
        break;
      case "status":
        // The status dot is the row's status; in a change column it stands in for the figure.
        if (role !== "points" && role !== "percent") notANumber(printed);
        break;
      case "number":
        if (role === "count" && (cell.unit !== null || !Number.isInteger(cell.value)))
          notANumber(printed);
        else if (role === "count" && cell.value < 0)
          issues.push(
            makeIssue(tableIndex, row, {
              rule: "negative-count",
              severity: "error",
              field,
              reported: cell.value,
              expected: null,
              message: issueMessages.negativeCount(where, heading, printed),
            })
          );
        break;
      case "blank":
        if (required && !blankOk(field))
          issues.push(
            makeIssue(tableIndex, row, {
              rule: "missing-value",
              severity: "warning",
              field,
              reported: null,
              expected: null,
              message: issueMessages.missingValue(where, heading),
            })
          );
        break;
      case "unavailable":
        if (required && !blankOk(field))
          issues.push(
            makeIssue(tableIndex, row, {
              rule: "missing-value",
              severity: "info",
              field,
              reported: cell.text,
              expected: null,
              message: issueMessages.unavailableValue(where, heading, cell.text),
            })
          );
        break;
    }
  }
  return issues;
}
