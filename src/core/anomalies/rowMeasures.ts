// What the anomaly rules can test in a row: a pair of counts (previous, current) and a
// rate's numerators and denominators. Rows whose figures are missing or not whole
// counts yield nothing here: validation reports them, the statistics skip them.
import type { CrimeTable, TableRow } from "../model";

export interface CountPair {
  previous: number;
  current: number;
  /** The % change cell a trend flag marks. */
  changeField: string;
  /** The count cell a significance flag marks when the % itself is unreliable. */
  countField: string;
  /** Sentence subject: "offences", "the count". */
  subject: string;
  /** Unit after a number ("offences"), or "". */
  unit: string;
  higherIsBetter: boolean;
}

export interface RatePair {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  field: string;
  rateName: string;
  /** Unit of the denominator. */
  unit: string;
  higherIsBetter: boolean;
}

const isCount = (v: number | null | undefined): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0;

/** "TNO - Unknown", "Robbery (Business Property)", "Burglary". */
export function rowLabel(row: TableRow): string {
  const sub = row.subcategory?.trim();
  if (!sub || sub.toLowerCase() === "total") return row.category;
  if (sub.toLowerCase().startsWith(row.category.toLowerCase())) return sub;
  return `${row.category} (${sub})`;
}

/** Offences (Offences & SDs, Datastore R12) or a calls count (ASB Calls, Repeat Callers). */
export function countPair(table: CrimeTable, row: TableRow): CountPair | null {
  const v = row.values;
  if (table.kind === "offences-sds" || table.kind === "datastore-r12") {
    if (!isCount(v.offencesPrevious) || !isCount(v.offencesCurrent)) return null;
    return {
      previous: v.offencesPrevious,
      current: v.offencesCurrent,
      changeField: "offencesChangePct",
      countField: "offencesCurrent",
      subject: "offences",
      unit: "offences",
      higherIsBetter: false,
    };
  }
  if (table.kind === "calls-asb" && row.unit === "count") {
    if (!isCount(v.previous) || !isCount(v.current)) return null;
    return {
      previous: v.previous,
      current: v.current,
      changeField: "changePct",
      countField: "current",
      subject: "the count",
      unit: "",
      higherIsBetter: false,
    };
  }
  return null;
}

/** The SD rate (SDs / offences) of an Offences & SDs row, when both counts are usable. */
export function ratePair(table: CrimeTable, row: TableRow): RatePair | null {
  if (table.kind !== "offences-sds") return null;
  const v = row.values;
  const { sdsPrevious: x1, offencesPrevious: n1, sdsCurrent: x2, offencesCurrent: n2 } = v;
  if (!isCount(x1) || !isCount(n1) || !isCount(x2) || !isCount(n2)) return null;
  // More SDs than offences is a data error (validation's detections-exceed-offences), not a rate.
  if (x1 > n1 || x2 > n2) return null;
  return {
    x1,
    n1,
    x2,
    n2,
    field: "sdRateCurrent",
    rateName: "SD rate",
    unit: "offences",
    higherIsBetter: true,
  };
}

/** Key that matches the same row across tables (areas or periods). */
export function rowKey(table: CrimeTable, row: TableRow): string {
  const family = table.kind === "calls-asb" ? "calls" : "offences";
  const norm = (s: string | null) => (s ?? "").trim().replace(/\s+/g, " ").toLowerCase();
  return `${family}|${norm(row.category)}|${norm(row.subcategory)}`;
}

/** The name a table's area goes by: its area, else its source. */
export function areaName(table: CrimeTable): string {
  return table.area ?? table.source;
}
