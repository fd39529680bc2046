// What a data sheet's columns hold, as a plan: pure data shared by a kind's column plan,
// the layout that writes the sheet, the definitions that record it and the reader that
// reads it back. The plan's helpers are the same for every kind.
import type { ColumnInfo, CrimeTable } from "../model";

/** What a column of a data sheet holds; refresh reads the sheet back by these roles. */
export type DataColumnRole =
  | "category"
  | "subcategory"
  | "label"
  | "unit"
  | "value"
  | "derived"
  | "printed"
  | "status"
  | "rateChange"
  | "pValue"
  | "ratePValue"
  | "check"
  | "flag"
  | "line"
  /** A generic table's derived figure recalculated from its inputs (a formula). */
  | "recalculated";

export interface DataColumnDef {
  heading: string;
  role: DataColumnRole;
  /** Model field (values, derived and printed columns; a recalculated column: the printed one). */
  field?: string;
  /** A recalculated column: how its figure is derived, and from which value columns. */
  derived?: { how: RecalculatedHow; from: string; to: string };
}

/** How a generic table's derived figure comes from its two inputs: a change, a % change, points. */
export type RecalculatedHow = "change" | "change-pct" | "change-points";

export const DEFAULT_HEADINGS = {
  category: "Crime Category",
  subcategory: "Sub Category",
  label: "Measure",
  unit: "Unit",
  status: "Status",
  rateChange: "SD Rate Change (pts)",
  pValue: "p-value (offences change)",
  ratePValue: "p-value (SD rate change)",
  check: "Check",
  flag: "Flag",
  line: "Source line",
} as const;

export const PRINTED_SUFFIX = " (printed)";

const LABEL_FIELDS = new Set(["category", "subcategory", "label", "status"]);

/** The heading the source printed for a field, or the fallback. */
export function headingOf(table: CrimeTable, field: string, fallback: string): string {
  const h = table.columns.find((c) => c.field === field)?.heading.trim();
  return h ? h : fallback;
}

/** The source's columns in printed order, figures and words alike (labels and status excluded). */
export function printedColumns(table: CrimeTable): ColumnInfo[] {
  return table.columns.filter((c) => !LABEL_FIELDS.has(c.field));
}

/** The source's figure columns in printed order (labels and status excluded). */
export function figureColumns(table: CrimeTable): ColumnInfo[] {
  return table.columns.filter((c) => !LABEL_FIELDS.has(c.field) && c.type !== "text");
}

/** The status dot's column, after the figures, in the tables that print one. */
export function statusColumn(table: CrimeTable): DataColumnDef | null {
  const printed =
    table.rows.some((r) => r.status !== null) || table.columns.some((c) => c.field === "status");
  return printed
    ? {
        heading: headingOf(table, "status", DEFAULT_HEADINGS.status),
        role: "status",
        field: "status",
      }
    : null;
}

/** The columns every data sheet ends with: the live check and flag where they apply, the source line. */
export function closingColumns(cols: DataColumnDef[]): DataColumnDef[] {
  const out = [...cols];
  if (out.some((c) => c.role === "printed"))
    out.push({ heading: DEFAULT_HEADINGS.check, role: "check" });
  if (out.some((c) => c.role === "pValue" || c.role === "printed"))
    out.push({ heading: DEFAULT_HEADINGS.flag, role: "flag" });
  out.push({ heading: DEFAULT_HEADINGS.line, role: "line" });
  return uniqueHeadings(out);
}

/** Excel table headers must be non-empty and unique ignoring case. */
function uniqueHeadings(cols: DataColumnDef[]): DataColumnDef[] {
  const seen = new Set<string>();
  return cols.map((c) => {
    let h = c.heading.replace(/\s+/g, " ").trim() || `Column ${cols.indexOf(c) + 1}`;
    const base = h;
    for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${base} ${n}`;
    seen.add(h.toLowerCase());
    return { ...c, heading: h };
  });
}
