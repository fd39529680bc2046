// Derived figures recomputed from the counts they come from and compared with the printed
// figure at its printed precision, halves rounded away from zero as Excel's ROUND does.
// Exact rational arithmetic: 12.25% is 12.3%, never 12.2% from a binary 12.2499999….

import type { CrimeTable, Issue, IssueRule, TableRow } from "../model";
import { issueMessages } from "../messages";
import {
  decimalEquals,
  percentChange,
  percentOf,
  roundRational,
  subtractDecimals,
  toNumber,
  type ExactDecimal,
} from "../round";
import {
  cellOf,
  figureOf,
  formatExact,
  headingOf,
  makeIssue,
  whereOf,
  type Figure,
} from "./figures";

/** Whether a printed derived figure agrees with its exact value; the expected figure if not. */
function compare(printed: Figure, exact: { num: bigint; den: bigint }): ExactDecimal | null {
  const expected = roundRational(exact, printed.decimals);
  return decimalEquals(expected, printed.exact) ? null : expected;
}

/** % change from previous to current, printed in `changeField`. */
export function checkChange(
  tableIndex: number,
  table: CrimeTable,
  row: TableRow,
  fields: { previous: string; current: string; change: string }
): Issue[] {
  const prev = figureOf(row, fields.previous, table, "count");
  const cur = figureOf(row, fields.current, table, "count");
  if (!prev || !cur) return [];
  const heading = () => headingOf(table, fields.change);
  const cell = cellOf(row, fields.change);
  if (prev.value === 0) {
    if (cell.kind === "status") return [];
    const printed =
      cell.kind === "number" ? (row.raw?.[fields.change] ?? String(cell.value)) : null;
    return [
      makeIssue(tableIndex, row, {
        rule: "change-undefined",
        severity: cell.kind === "number" ? "warning" : "info",
        field: fields.change,
        reported: cell.kind === "number" ? cell.value : null,
        expected: null,
        message: issueMessages.changeUndefined(whereOf(row), heading(), printed),
      }),
    ];
  }
  const change = figureOf(row, fields.change, table);
  const exact = percentChange(prev.exact, cur.exact);
  if (!change || !exact) return [];
  const expected = compare(change, exact);
  if (!expected) return [];
  return [
    mismatch(
      tableIndex,
      row,
      "change-mismatch",
      fields.change,
      change,
      expected,
      issueMessages.changeMismatch(
        whereOf(row),
        heading(),
        change.printed,
        formatExact(expected, { percent: true }),
        prev.printed,
        cur.printed
      )
    ),
  ];
}

/** Change in percentage points between two printed percentages. */
export function checkPoints(
  tableIndex: number,
  table: CrimeTable,
  row: TableRow,
  fields: { previous: string; current: string; change: string }
): Issue[] {
  const prev = figureOf(row, fields.previous, table);
  const cur = figureOf(row, fields.current, table);
  const change = figureOf(row, fields.change, table);
  if (!prev || !cur || !change) return [];
  const diff = subtractDecimals(cur.exact, prev.exact);
  const expected = compare(change, { num: diff.scaled, den: BigInt(10) ** BigInt(diff.decimals) });
  if (!expected) return [];
  return [
    mismatch(
      tableIndex,
      row,
      "change-mismatch",
      fields.change,
      change,
      expected,
      issueMessages.pointsMismatch(
        whereOf(row),
        headingOf(table, fields.change),
        change.printed,
        formatExact(expected),
        prev.printed,
        cur.printed
      )
    ),
  ];
}

/** A detection rate: detections / offences, printed as a percentage. */
export function checkRate(
  tableIndex: number,
  table: CrimeTable,
  row: TableRow,
  fields: { part: string; whole: string; rate: string }
): Issue[] {
  const part = figureOf(row, fields.part, table, "count");
  const whole = figureOf(row, fields.whole, table, "count");
  const rate = figureOf(row, fields.rate, table);
  if (!part || !whole || !rate) return [];
  // No offences: the rate is undefined and whatever is printed (usually 0.0%) is left alone.
  const exact = percentOf(part.exact, whole.exact);
  if (!exact) return [];
  const expected = compare(rate, exact);
  if (!expected) return [];
  return [
    mismatch(
      tableIndex,
      row,
      "rate-mismatch",
      fields.rate,
      rate,
      expected,
      issueMessages.rateMismatch(
        whereOf(row),
        headingOf(table, fields.rate),
        rate.printed,
        formatExact(expected, { percent: true }),
        part.printed,
        whole.printed
      )
    ),
  ];
}

function mismatch(
  tableIndex: number,
  row: TableRow,
  rule: IssueRule,
  field: string,
  printed: Figure,
  expected: ExactDecimal,
  message: string
): Issue {
  return makeIssue(tableIndex, row, {
    rule,
    severity: "error",
    field,
    reported: printed.value,
    expected: toNumber(expected),
    message,
  });
}

/** Detections above offences in the same period: possible, but worth a second look. */
export function checkDetections(
  tableIndex: number,
  table: CrimeTable,
  row: TableRow,
  fields: { part: string; whole: string }
): Issue[] {
  const part = figureOf(row, fields.part, table, "count");
  const whole = figureOf(row, fields.whole, table, "count");
  if (!part || !whole || part.value <= whole.value) return [];
  return [
    makeIssue(tableIndex, row, {
      rule: "detections-exceed-offences",
      severity: "warning",
      field: fields.part,
      reported: part.value,
      expected: null,
      message: issueMessages.detectionsExceed(
        whereOf(row),
        headingOf(table, fields.part),
        part.printed,
        headingOf(table, fields.whole),
        whole.printed
      ),
    }),
  ];
}
