// Which columns a data sheet has: the plan of the table's kind (core/kinds), and how the
// source printed a figure (its decimals), which the cells and checks follow.
import { kindSchema } from "../../core/kinds";
import { genericChanges } from "../../core/validate";
import type { ColumnInfo, CrimeTable } from "../../core/model";
import type { DataColumnDef } from "../definitions";

/**
 * The data sheet's column plan for a table, as its kind defines it; a table of no known
 * kind has each change and % change column its checks pair followed by the same figure
 * recalculated from the pair, as a formula.
 */
export function planDataColumns(table: CrimeTable): DataColumnDef[] {
  const planned = kindSchema(table.kind).planColumns(table);
  const changes = genericChanges(table).filter((c) => c.how !== "change-points");
  if (changes.length === 0) return planned;
  return planned.flatMap((c) => {
    const change = c.role === "value" ? changes.find((x) => x.field === c.field) : undefined;
    if (!change) return [c];
    const recalculated: DataColumnDef = {
      heading: `${c.heading} (recalculated)`,
      role: "recalculated",
      field: change.field,
      derived: { how: change.how, from: change.from, to: change.to },
    };
    return [c, recalculated];
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
