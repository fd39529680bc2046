// Rolling sums over a DatastoreFile's prefix arrays: any span of months in O(1).
import type { DatastoreFile } from "./types";

/** Offences of area a, category c over month indices [from, to] inclusive (0 when absent). */
export function sumMonths(
  file: DatastoreFile,
  a: number,
  c: number,
  from: number,
  to: number
): number {
  const block = file.cellBlock[a * file.categories.length + c] ?? -1;
  if (block < 0) return 0;
  const base = block * (file.months.length + 1);
  return file.prefix[base + to + 1]! - file.prefix[base + from]!;
}
