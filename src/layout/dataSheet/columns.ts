// Which columns a data sheet has, by table kind: the source's columns in their order and
// with their headings, each derived figure as a formula with the printed figure beside it,
// then the columns we add (SD-rate change, p-values, check, flag, source line).
import { kindSchema } from "../../core/kinds";
import type { ColumnInfo, CrimeTable } from "../../core/model";
import type { DataColumnDef } from "../definitions";

export type { DerivedField } from "../../core/kinds";
export {
  CALLS_CHANGE_FIELD,
  DEFAULT_HEADINGS,
  OFFENCES_DERIVED,
  PRINTED_SUFFIX,
} from "../../core/kinds";

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
