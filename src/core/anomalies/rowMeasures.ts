// What the anomaly rules can test in a row: a pair of counts (previous, current) and a
// rate's numerators and denominators. Rows whose figures are missing or not whole
// counts yield nothing here: validation reports them, the statistics skip them.
import { kindSchema, type CountPair, type RatePair } from "../kinds";
import type { CrimeTable, TableRow } from "../model";

export type { CountPair, RatePair } from "../kinds";

/** "TNO - Unknown", "Robbery (Business Property)", "Burglary". */
export function rowLabel(row: TableRow): string {
  const sub = row.subcategory?.trim();
  if (!sub || sub.toLowerCase() === "total") return row.category;
  if (sub.toLowerCase().startsWith(row.category.toLowerCase())) return sub;
  return `${row.category} (${sub})`;
}

/** The counts whose change a row's kind tests (offences; a calls count), or null. */
export function countPair(table: CrimeTable, row: TableRow): CountPair | null {
  return kindSchema(table.kind).countPair(row);
}

/** The rate a row's kind tests (the SD rate of an Offences & SDs row), or null. */
export function ratePair(table: CrimeTable, row: TableRow): RatePair | null {
  return kindSchema(table.kind).ratePair(row);
}

/** Key that matches the same row across tables (areas or periods). */
export function rowKey(table: CrimeTable, row: TableRow): string {
  const family = kindSchema(table.kind).rowFamily;
  const norm = (s: string | null) => (s ?? "").trim().replace(/\s+/g, " ").toLowerCase();
  return `${family}|${norm(row.category)}|${norm(row.subcategory)}`;
}

/** The name a table's area goes by: its area, else its source. */
export function areaName(table: CrimeTable): string {
  return table.area ?? table.source;
}
