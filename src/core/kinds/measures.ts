// What the statistics test in a row, built the same way for every kind: a pair of whole
// counts (a change between periods) or a rate's counts in two periods.
import type { TableRow } from "../model";
import type { CountPair } from "./schema";

/** A count the statistics can test: a whole number of at least 0. */
export const isCount = (v: number | null | undefined): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0;

/** The row's counts in `previous` and `current`, described by `about`, when both are counts. */
export function countsOf(
  row: TableRow,
  previous: string,
  current: string,
  about: Omit<CountPair, "previous" | "current">
): CountPair | null {
  const p = row.values[previous];
  const c = row.values[current];
  return isCount(p) && isCount(c) ? { previous: p, current: c, ...about } : null;
}
