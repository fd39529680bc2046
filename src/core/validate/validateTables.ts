// Every derived figure checked against the counts it comes from, and every cell checked
// for what it holds, as each table's kind defines them. Returns findings as data (never
// throws on bad figures).

import { kindSchema, type DerivedFigure, type FieldSpec, type KindSchema } from "../kinds";
import type { CrimeTable, Issue, TableRow } from "../model";
import { appendAll } from "../appendAll";
import { checkChange, checkDetections, checkPoints, checkRate } from "./checkFigures";
import { checkTotals } from "./checkTotals";
import { checkValues } from "./checkValues";
import { checkGenericTable, notFigureNotes, unreadLineNotes } from "./structure/checkGeneric";
import { cellOf } from "./figures";
import { checkWardCoverage } from "./wardCoverage";

function isEmpty(row: TableRow, field: string): boolean {
  const k = cellOf(row, field).kind;
  return k === "blank" || k === "unavailable";
}

function hasNumber(row: TableRow, field: string): boolean {
  return cellOf(row, field).kind === "number";
}

/**
 * Whether a blank is expected: a row without any SD figure simply has no SD columns
 * (Knife Injury Victims), and a derived figure cannot be printed when an input is missing.
 */
function blankOkFor(schema: KindSchema, row: TableRow): (field: string) => boolean {
  if (schema.blanksAllowed) return () => true;
  const group = schema.optionalGroup;
  const noneInGroup = group.length > 0 && group.every((f) => isEmpty(row, f));
  return (field) => {
    if (noneInGroup && group.includes(field)) return true;
    const derived = schema.derived.find((d) => d.field === field);
    if (!derived) return false;
    if (!derived.inputs.every((f) => hasNumber(row, f))) return true;
    // A change from 0 is undefined: the change check reports it.
    const prev = cellOf(row, derived.inputs[0]);
    return derived.how === "change" && prev.kind === "number" && prev.value === 0;
  };
}

function checkDerived(t: number, table: CrimeTable, row: TableRow, d: DerivedFigure): Issue[] {
  const [a, b] = d.inputs;
  switch (d.how) {
    case "change":
      return checkChange(t, table, row, { previous: a, current: b, change: d.field });
    case "points":
      return checkPoints(t, table, row, { previous: a, current: b, change: d.field });
    case "rate":
      return checkRate(t, table, row, { part: a, whole: b, rate: d.field });
  }
}

function validateRow(
  t: number,
  table: CrimeTable,
  schema: KindSchema,
  specsOf: (row: TableRow) => FieldSpec[],
  row: TableRow
): Issue[] {
  const issues = checkValues(t, table, row, specsOf(row), blankOkFor(schema, row));
  for (const d of schema.derived)
    if (!d.appliesTo || d.appliesTo(row)) appendAll(issues, checkDerived(t, table, row, d));
  for (const pair of schema.partsOfWhole) appendAll(issues, checkDetections(t, table, row, pair));
  return issues;
}

function validateTable(t: number, table: CrimeTable): Issue[] {
  const schema = kindSchema(table.kind);
  const specsOf = schema.valueSpecs(table);
  const issues: Issue[] = [];
  for (const row of table.rows) appendAll(issues, validateRow(t, table, schema, specsOf, row));
  if (schema.totals.length > 0) appendAll(issues, checkTotals(t, table, [...schema.totals]));
  // A table of no known kind: its changes, shares and totals as its headings and figures say.
  appendAll(issues, checkGenericTable(t, table));
  appendAll(issues, checkWardCoverage(t, table));
  appendAll(issues, notFigureNotes(t, table));
  appendAll(issues, unreadLineNotes(t, table));
  return issues;
}

/** Checks tables (indexes in the issues are positions in `tables`), issues in line order. */
export function validateTables(tables: CrimeTable[]): Issue[] {
  const issues = tables.flatMap((table, t) => validateTable(t, table));
  // Stable: rows in line order, and within a row the order the checks ran.
  return issues
    .map((issue, k) => ({ issue, k }))
    .sort((a, b) => a.issue.table - b.issue.table || a.issue.line - b.issue.line || a.k - b.k)
    .map((x) => x.issue);
}
