// Which columns a data sheet has: the plan of the table's kind (core/kinds), and how the
// source printed a figure (its decimals), which the cells and checks follow.
import { kindSchema } from "../../core/kinds";
import type { ColumnInfo, CrimeTable } from "../../core/model";
import type { DataColumnDef } from "../definitions";

/** The data sheet's column plan for a table, as its kind defines it. */
export function planDataColumns(table: CrimeTable): DataColumnDef[] {
  return kindSchema(table.kind).planColumns(table);
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
