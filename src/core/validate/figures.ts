// The printed figures of a row as exact decimals, and the issue builder the checks share.

import type { ColumnInfo, CrimeTable, Issue, IssueRule, Severity, TableRow } from "../model";
import { rowName } from "../messages";
import { parseNumber, type ParsedCell } from "../read/parseNumber";
import { exactOfNumber, type ExactDecimal } from "../round";

export interface Figure {
  exact: ExactDecimal;
  value: number;
  /** As printed ("1,234", "11.5%"). */
  printed: string;
  decimals: number;
}

/** What a row holds in a field: its printed text read as a cell (blank when absent). */
export function cellOf(row: TableRow, field: string): ParsedCell {
  const raw = row.raw?.[field];
  if (raw !== undefined) return parseNumber(raw);
  const v = row.values[field];
  if (typeof v === "number" && Number.isFinite(v)) {
    const exact = exactOfNumber(v);
    if (exact) return { kind: "number", value: v, exact, unit: null, decimals: exact.decimals };
  }
  return { kind: "blank" };
}

/**
 * The figure in a field, when it holds one. As "count", only a whole number printed
 * without a unit: a percentage in a count column is reported, never summed or divided.
 */
export function figureOf(
  row: TableRow,
  field: string,
  table: CrimeTable,
  as: "count" | "any" = "any"
): Figure | null {
  const c = cellOf(row, field);
  if (c.kind !== "number") return null;
  if (as === "count" && (c.unit !== null || !Number.isInteger(c.value))) return null;
  // A figure built by our own code (no printed text) is checked at its column's precision.
  const printed = row.raw?.[field] ?? String(c.value);
  const col = columnOf(table, field);
  const decimals =
    row.raw?.[field] !== undefined ? c.decimals : Math.max(c.decimals, col?.decimals ?? 0);
  return { exact: c.exact, value: c.value, printed, decimals };
}

/** Columns by field, built once per table (a table may have thousands of columns). */
const columnMaps = new WeakMap<CrimeTable, Map<string, ColumnInfo>>();

export function columnOf(table: CrimeTable, field: string): ColumnInfo | undefined {
  let map = columnMaps.get(table);
  if (!map) {
    map = new Map();
    for (const c of table.columns) if (!map.has(c.field)) map.set(c.field, c);
    columnMaps.set(table, map);
  }
  return map.get(field);
}

/** The heading the source printed for a field, for messages. */
export function headingOf(table: CrimeTable, field: string): string {
  const h = columnOf(table, field)?.heading;
  return h && h.trim() !== "" ? h : field;
}

export interface IssueInput {
  rule: IssueRule;
  severity: Severity;
  field: string;
  reported: number | string | null;
  expected: number | null;
  message: string;
}

export function makeIssue(tableIndex: number, row: TableRow, i: IssueInput): Issue {
  return {
    rule: i.rule,
    severity: i.severity,
    table: tableIndex,
    line: row.line,
    category: row.category,
    subcategory: row.subcategory,
    field: i.field,
    reported: i.reported,
    expected: i.expected,
    message: i.message,
  };
}

export function whereOf(row: TableRow): string {
  return rowName(row.category, row.subcategory, row.line);
}

/** Formats an exact decimal as printed figures are: "1,234", "34.0%". */
export function formatExact(
  d: ExactDecimal,
  opts: { percent?: boolean; group?: boolean } = {}
): string {
  const negative = d.scaled < BigInt(0);
  let digits = (negative ? -d.scaled : d.scaled).toString().padStart(d.decimals + 1, "0");
  let frac = "";
  if (d.decimals > 0) {
    frac = "." + digits.slice(digits.length - d.decimals);
    digits = digits.slice(0, digits.length - d.decimals);
  }
  if (opts.group) digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${digits}${frac}${opts.percent ? "%" : ""}`;
}
