// The Checks sheet: every validation issue and anomaly, one row each, with a link to the
// cell it is about, the printed and recalculated figures and the message.
import type { Anomaly, CrimeTable, Issue } from "../core/model";
import { GENERATED_TABLE_PREFIX, type CellSpec, type SheetSpec } from "./spec";
import { rowIndexAt } from "../core/rowAt";
import { bannerRow, pageSetup } from "./printSetup";

/** Finds the cell a finding is about: "'Sheet'!F14", or null. */
export type CellLocator = (
  table: number,
  at: { line: number; category: string; subcategory: string | null },
  field: string,
  printed: boolean
) => string | null;

export interface ChecksInput {
  name: string;
  tables: CrimeTable[];
  issues: Issue[];
  anomalies: Anomaly[];
  locate: CellLocator;
  /** Sheet name of each table (by index), for the "Sheet" column. */
  sheetOf: (table: number) => string | null;
}

const HEADINGS = [
  "Kind",
  "Severity",
  "Rule",
  "Sheet",
  "Area",
  "Period ending",
  "Category",
  "Sub-category",
  "Figure",
  "Printed",
  "Recalculated",
  "p-value",
  "Message",
  "Go to cell",
  "Source line",
];

/** What one row of the sheet says about a finding, column by column. */
interface FindingRow {
  kind: "Issue" | "Anomaly";
  severity: string;
  rule: string;
  table: number;
  area: string;
  periodEnding: string;
  category: string;
  subcategory: string | null;
  field: string;
  printed: CellSpec | null;
  recalculated: CellSpec | null;
  pValue: CellSpec | null;
  message: string;
  link: CellSpec | null;
  line: number;
}

/** A figure as printed or recalculated: a number with its format, or text. */
function figure(v: number | string | null): CellSpec | null {
  if (v === null) return null;
  return typeof v === "number"
    ? { number: v, numFmt: Number.isInteger(v) ? "#,##0" : "0.0" }
    : { text: v };
}

/** A link to the cell a finding is about, shown as "Sheet!F14" (the sheet name unquoted). */
function linkTo(
  input: ChecksInput,
  t: number,
  at: { line: number; category: string; subcategory: string | null },
  field: string,
  printed: boolean
): CellSpec | null {
  const target = input.locate(t, at, field, printed);
  return target
    ? {
        text: target.replace(/^'(.*)'!/, (_m, s: string) => `${s.replace(/''/g, "'")}!`),
        link: target,
        style: "link",
      }
    : null;
}

/** The row's cells in the order of HEADINGS. */
function findingCells(input: ChecksInput, f: FindingRow): (CellSpec | null)[] {
  const sheet = input.sheetOf(f.table);
  const heading =
    input.tables[f.table]?.columns.find((c) => c.field === f.field)?.heading.trim() || f.field;
  return [
    { text: f.kind },
    { text: f.severity },
    { text: f.rule },
    sheet ? { text: sheet } : null,
    { text: f.area },
    { text: f.periodEnding },
    { text: f.category },
    f.subcategory === null ? null : { text: f.subcategory },
    { text: heading },
    f.printed,
    f.recalculated,
    f.pValue,
    { text: f.message },
    f.link,
    { number: f.line },
  ];
}

function issueCells(input: ChecksInput, i: Issue): (CellSpec | null)[] {
  const t = input.tables[i.table];
  return findingCells(input, {
    kind: "Issue",
    severity: i.severity,
    rule: i.rule,
    table: i.table,
    area: t?.area ?? "",
    periodEnding: t?.periodEnding ?? "",
    category: i.category,
    subcategory: i.subcategory,
    field: i.field,
    printed: figure(i.reported),
    recalculated: figure(i.expected),
    pValue: null,
    message: i.message,
    link: linkTo(input, i.table, i, i.field, true),
    line: i.line,
  });
}

function anomalyCells(input: ChecksInput, a: Anomaly): (CellSpec | null)[] {
  const t = input.tables[a.table];
  const printed = t ? t.rows[rowIndexAt(t, a)]?.raw[a.field] : undefined;
  return findingCells(input, {
    kind: "Anomaly",
    severity: "info",
    rule: a.rule,
    table: a.table,
    area: a.area ?? t?.area ?? "",
    periodEnding: a.periodEnding ?? t?.periodEnding ?? "",
    category: a.category,
    subcategory: a.subcategory,
    field: a.field,
    printed: printed ? { text: printed } : null,
    recalculated: null,
    pValue: a.pValue === null ? null : { number: a.pValue, numFmt: "0.0000" },
    message: a.message,
    link: linkTo(input, a.table, a, a.field, false),
    line: a.line,
  });
}

/** "3 errors", "1 warning". */
const counted = (n: number, what: string): string => `${n} ${what}${n === 1 ? "" : "s"}`;

/** "4 validation issues (1 error, 3 warnings) and 2 statistical flags." */
function summaryOf(input: ChecksInput): string {
  const ofSeverity = (s: Issue["severity"]) => input.issues.filter((i) => i.severity === s).length;
  return (
    `${counted(input.issues.length, "validation issue")} (${counted(ofSeverity("error"), "error")}, ` +
    `${counted(ofSeverity("warning"), "warning")}) and ${counted(input.anomalies.length, "statistical flag")}.`
  );
}

const byPlace = (a: { table: number; line: number }, b: { table: number; line: number }) =>
  a.table - b.table || a.line - b.line;

/** Row (0-based) of the Checks sheet's header; findings follow it. */
export const CHECKS_HEADER_ROW = 4;
/**
 * The Checks sheet's Excel table: filterable by any column. A refresh in Excel turns it
 * back into plain cells before clearing what it wrote (tables of generated sheets carry
 * the prefix), so the notes beside it stay.
 */
export const CHECKS_TABLE = `${GENERATED_TABLE_PREFIX}Checks`;

/**
 * The order the sheet lists findings in (issues, then flags, each by table and line): the
 * sheet row of each issue and flag, by its index in the lists given, so other sheets
 * (the Summary) can link to a finding's row.
 */
export function findingRows(
  issues: readonly Issue[],
  anomalies: readonly Anomaly[]
): { issueRow: number[]; anomalyRow: number[] } {
  const order = <T extends { table: number; line: number }>(list: readonly T[]) =>
    list.map((x, i) => ({ x, i })).sort((a, b) => byPlace(a.x, b.x) || a.i - b.i);
  const issueRow: number[] = [];
  const anomalyRow: number[] = [];
  let row = CHECKS_HEADER_ROW + 1;
  for (const { i } of order(issues)) issueRow[i] = row++;
  for (const { i } of order(anomalies)) anomalyRow[i] = row++;
  return { issueRow, anomalyRow };
}

/** The periods and sources the checked tables cover, for the printed page header. */
function coverage(tables: CrimeTable[]): { period: string; source: string } {
  const periods = [
    ...new Set(tables.map((t) => t.periodEnding).filter((p): p is string => !!p)),
  ].sort();
  const sources = [...new Set(tables.map((t) => t.source))];
  const period =
    periods.length === 0
      ? ""
      : periods.length === 1
        ? `Period ending ${periods[0]}`
        : `Periods ending ${periods[0]} to ${periods[periods.length - 1]}`;
  const source =
    sources.length === 1
      ? `Source: ${sources[0]}`
      : sources.length > 1
        ? `${sources.length} sources`
        : "";
  return { period, source };
}

export function layoutChecks(input: ChecksInput): SheetSpec {
  const { issueRow, anomalyRow } = findingRows(input.issues, input.anomalies);
  const rows: (CellSpec | null)[][] = [];
  input.issues.forEach(
    (x, i) => (rows[issueRow[i]! - CHECKS_HEADER_ROW - 1] = issueCells(input, x))
  );
  input.anomalies.forEach(
    (x, i) => (rows[anomalyRow[i]! - CHECKS_HEADER_ROW - 1] = anomalyCells(input, x))
  );
  const cols = HEADINGS.length;
  const { period, source } = coverage(input.tables);
  return {
    name: input.name,
    role: "checks",
    generated: true,
    columnWidths: [9, 9, 24, 24, 18, 12, 28, 26, 24, 11, 12, 9, 90, 26, 8],
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          [{ text: "Checks: validation issues and statistical flags (generated)", style: "title" }],
          bannerRow(
            "Generated by scrutiny-sheets: refresh rebuilds this sheet from the data sheets, so edits here are lost.",
            cols
          ),
          [{ text: summaryOf(input), style: "note" }],
          [],
          HEADINGS.map((h) => ({ text: h, style: "header" as const })),
          ...rows,
        ],
      },
    ],
    tables:
      rows.length > 0
        ? [{ name: CHECKS_TABLE, row: CHECKS_HEADER_ROW, col: 0, rows: rows.length + 1, cols }]
        : [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: CHECKS_HEADER_ROW + 1, cols: 0 },
    print: pageSetup({
      title: "Checks: validation issues and statistical flags",
      period,
      source,
      wide: true,
      headerRow: CHECKS_HEADER_ROW,
    }),
  };
}
