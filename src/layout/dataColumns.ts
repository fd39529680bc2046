// Which columns a data sheet has, by table kind: the source's columns in their order and
// with their headings, each derived figure as a formula with the printed figure beside it,
// then the columns we add (SD-rate change, p-values, check, flag, source line).
import type { ColumnInfo, CrimeTable } from "../core/model";
import type { DataColumnDef } from "./definitions";

/** A derived figure and the counts it is computed from. */
export interface DerivedField {
  field: string;
  how: "change" | "rate";
  /** Numerator/denominator (rate) or previous/current (change). */
  inputs: [string, string];
  /** Short name for check messages. */
  name: string;
}

export const OFFENCES_DERIVED: readonly DerivedField[] = [
  {
    field: "offencesChangePct",
    how: "change",
    inputs: ["offencesPrevious", "offencesCurrent"],
    name: "% change",
  },
  {
    field: "sdRatePrevious",
    how: "rate",
    inputs: ["sdsPrevious", "offencesPrevious"],
    name: "SD rate previous",
  },
  {
    field: "sdRateCurrent",
    how: "rate",
    inputs: ["sdsCurrent", "offencesCurrent"],
    name: "SD rate current",
  },
];

/** The calls table's one change column: % change on count rows, points on percentage rows. */
export const CALLS_CHANGE_FIELD = "change";

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

function headingOf(table: CrimeTable, field: string, fallback: string): string {
  const h = table.columns.find((c) => c.field === field)?.heading.trim();
  return h ? h : fallback;
}

const isOffencesFamily = (t: CrimeTable): boolean =>
  t.kind === "offences-sds" || t.kind === "datastore-r12";

/** Printed figures exist only where the source printed them (not for Datastore tables, which we computed). */
export const hasPrinted = (t: CrimeTable): boolean => t.kind !== "datastore-r12";

/** The data sheet's column plan for a table; headings unique (Excel tables need that). */
export function planDataColumns(table: CrimeTable): DataColumnDef[] {
  const cols: DataColumnDef[] = [];
  const fields = new Set(table.columns.map((c) => c.field));
  const figureColumns = table.columns.filter(
    (c) => !LABEL_FIELDS.has(c.field) && c.type !== "text"
  );
  const hasStatus = table.rows.some((r) => r.status !== null) || fields.has("status");
  // The status dot's column, after the figures, in the tables that print one.
  const status: DataColumnDef | null = hasStatus
    ? {
        heading: headingOf(table, "status", DEFAULT_HEADINGS.status),
        role: "status",
        field: "status",
      }
    : null;
  const withSub = table.rows.some((r) => r.subcategory !== null);

  if (isOffencesFamily(table)) {
    cols.push({
      heading: headingOf(table, "category", DEFAULT_HEADINGS.category),
      role: "category",
      field: "category",
    });
    cols.push({
      heading: headingOf(table, "subcategory", DEFAULT_HEADINGS.subcategory),
      role: "subcategory",
      field: "subcategory",
    });
    for (const c of figureColumns) {
      const derived = OFFENCES_DERIVED.find((d) => d.field === c.field);
      if (derived && derived.inputs.every((f) => fields.has(f))) {
        cols.push({ heading: c.heading, role: "derived", field: c.field });
        if (hasPrinted(table))
          cols.push({ heading: c.heading + PRINTED_SUFFIX, role: "printed", field: c.field });
      } else {
        cols.push({ heading: c.heading, role: "value", field: c.field });
      }
    }
    if (status) cols.push(status);
    const derivedHere = new Set(cols.filter((c) => c.role === "derived").map((c) => c.field));
    if (derivedHere.has("sdRatePrevious") && derivedHere.has("sdRateCurrent")) {
      cols.push({ heading: DEFAULT_HEADINGS.rateChange, role: "rateChange" });
    }
    if (fields.has("offencesPrevious") && fields.has("offencesCurrent"))
      cols.push({ heading: DEFAULT_HEADINGS.pValue, role: "pValue" });
    if (
      ["sdsPrevious", "sdsCurrent", "offencesPrevious", "offencesCurrent"].every((f) =>
        fields.has(f)
      )
    ) {
      cols.push({ heading: DEFAULT_HEADINGS.ratePValue, role: "ratePValue" });
    }
  } else if (table.kind === "calls-asb") {
    cols.push({
      heading: headingOf(table, "label", headingOf(table, "category", DEFAULT_HEADINGS.label)),
      role: "label",
      field: "category",
    });
    cols.push({ heading: DEFAULT_HEADINGS.unit, role: "unit" });
    let changeDone = false;
    for (const c of figureColumns) {
      if (c.field === "changePct" || c.field === "changePoints") {
        if (changeDone || !fields.has("previous") || !fields.has("current")) continue;
        changeDone = true;
        cols.push({ heading: c.heading, role: "derived", field: CALLS_CHANGE_FIELD });
        cols.push({
          heading: c.heading + PRINTED_SUFFIX,
          role: "printed",
          field: CALLS_CHANGE_FIELD,
        });
      } else {
        cols.push({ heading: c.heading, role: "value", field: c.field });
      }
    }
    if (status) cols.push(status);
    if (fields.has("previous") && fields.has("current"))
      cols.push({ heading: "p-value (change)", role: "pValue" });
  } else {
    cols.push({
      heading: headingOf(table, "category", DEFAULT_HEADINGS.label),
      role: "category",
      field: "category",
    });
    if (withSub)
      cols.push({
        heading: headingOf(table, "subcategory", DEFAULT_HEADINGS.subcategory),
        role: "subcategory",
        field: "subcategory",
      });
    for (const c of figureColumns) cols.push({ heading: c.heading, role: "value", field: c.field });
  }
  if (cols.some((c) => c.role === "printed"))
    cols.push({ heading: DEFAULT_HEADINGS.check, role: "check" });
  if (cols.some((c) => c.role === "pValue" || c.role === "printed"))
    cols.push({ heading: DEFAULT_HEADINGS.flag, role: "flag" });
  cols.push({ heading: DEFAULT_HEADINGS.line, role: "line" });
  return uniqueHeadings(cols);
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

/** Decimals a printed figure shows ("11.5%" -> 1), or null when it is not a number as printed. */
export function printedDecimals(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const m = /\d(?:\.(\d+))?\s*%?\s*\)?\s*$/.exec(raw.trim());
  return m ? (m[1]?.length ?? 0) : null;
}

/** The source column's declared type and decimals for a field. */
export function sourceColumn(table: CrimeTable, field: string): ColumnInfo | undefined {
  return table.columns.find((c) => c.field === field);
}
