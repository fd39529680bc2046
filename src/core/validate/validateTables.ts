// Every derived figure checked against the counts it comes from, and every cell checked
// for what it holds. Returns findings as data (never throws on bad figures).

import { OFFENCES_FIELDS, type CrimeTable, type Issue, type TableRow } from "../model";
import { checkChange, checkDetections, checkPoints, checkRate } from "./checkFigures";
import { checkTotals } from "./checkTotals";
import { checkValues, type FieldSpec } from "./checkValues";
import { cellOf } from "./figures";

const OFFENCES_SPECS: FieldSpec[] = [
  { field: "target", role: "number", required: false },
  ...OFFENCES_FIELDS.map((field) => ({
    field,
    role:
      field.includes("Rate") || field.endsWith("Pct") ? ("percent" as const) : ("count" as const),
    required: true,
  })),
];
const SD_FIELDS = ["sdsPrevious", "sdsCurrent", "sdRatePrevious", "sdRateCurrent"];
const DERIVED: Record<string, string[]> = {
  offencesChangePct: ["offencesPrevious", "offencesCurrent"],
  sdRatePrevious: ["sdsPrevious", "offencesPrevious"],
  sdRateCurrent: ["sdsCurrent", "offencesCurrent"],
  changePct: ["previous", "current"],
  changePoints: ["previous", "current"],
};

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
function blankOkFor(row: TableRow): (field: string) => boolean {
  const noSds = SD_FIELDS.every((f) => isEmpty(row, f));
  return (field) => {
    if (noSds && SD_FIELDS.includes(field)) return true;
    const inputs = DERIVED[field];
    if (inputs && !inputs.every((f) => hasNumber(row, f))) return true;
    // A change from 0 is undefined: the change check reports it.
    if ((field === "offencesChangePct" || field === "changePct") && inputs?.[0]) {
      const prev = cellOf(row, inputs[0]);
      if (prev.kind === "number" && prev.value === 0) return true;
    }
    return false;
  };
}

function validateOffences(t: number, table: CrimeTable): Issue[] {
  const issues: Issue[] = [];
  for (const row of table.rows) {
    const specs = OFFENCES_SPECS.filter((s) => s.required || row.raw?.[s.field] !== undefined);
    issues.push(...checkValues(t, table, row, specs, blankOkFor(row)));
    issues.push(
      ...checkChange(t, table, row, {
        previous: "offencesPrevious",
        current: "offencesCurrent",
        change: "offencesChangePct",
      })
    );
    issues.push(
      ...checkRate(t, table, row, {
        part: "sdsPrevious",
        whole: "offencesPrevious",
        rate: "sdRatePrevious",
      })
    );
    issues.push(
      ...checkRate(t, table, row, {
        part: "sdsCurrent",
        whole: "offencesCurrent",
        rate: "sdRateCurrent",
      })
    );
    issues.push(
      ...checkDetections(t, table, row, { part: "sdsPrevious", whole: "offencesPrevious" })
    );
    issues.push(
      ...checkDetections(t, table, row, { part: "sdsCurrent", whole: "offencesCurrent" })
    );
  }
  issues.push(
    ...checkTotals(t, table, ["offencesPrevious", "offencesCurrent", "sdsPrevious", "sdsCurrent"])
  );
  return issues;
}

function validateCalls(t: number, table: CrimeTable): Issue[] {
  const issues: Issue[] = [];
  for (const row of table.rows) {
    const percent = row.unit === "percent" || "changePoints" in row.values;
    const change = percent ? "changePoints" : "changePct";
    const role = percent ? "percent" : "count";
    const specs: FieldSpec[] = [
      { field: "previous", role, required: true },
      { field: "current", role, required: true },
      {
        field: change,
        role: percent ? "points" : "percent",
        required: !(percent && row.status === "dot"),
      },
    ];
    issues.push(...checkValues(t, table, row, specs, blankOkFor(row)));
    const fields = { previous: "previous", current: "current", change };
    issues.push(
      ...(percent ? checkPoints(t, table, row, fields) : checkChange(t, table, row, fields))
    );
  }
  return issues;
}

function validateGeneric(t: number, table: CrimeTable): Issue[] {
  const specs: FieldSpec[] = table.columns
    .filter((c) => c.field !== "category" && c.type !== "text")
    .map((c) => ({
      field: c.field,
      role:
        c.type === "count"
          ? "number"
          : c.type === "points"
            ? "points"
            : c.type === "percent"
              ? "percent"
              : "number",
      required: false,
    }));
  const issues: Issue[] = [];
  for (const row of table.rows) issues.push(...checkValues(t, table, row, specs, () => true));
  return issues;
}

/** Checks tables (indexes in the issues are positions in `tables`), issues in line order. */
export function validateTables(tables: CrimeTable[]): Issue[] {
  const issues: Issue[] = [];
  tables.forEach((table, t) => {
    if (table.kind === "offences-sds" || table.kind === "datastore-r12")
      issues.push(...validateOffences(t, table));
    else if (table.kind === "calls-asb") issues.push(...validateCalls(t, table));
    else issues.push(...validateGeneric(t, table));
  });
  // Stable: rows in line order, and within a row the order the checks ran.
  return issues
    .map((issue, k) => ({ issue, k }))
    .sort((a, b) => a.issue.table - b.issue.table || a.issue.line - b.issue.line || a.k - b.k)
    .map((x) => x.issue);
}
