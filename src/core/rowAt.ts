// The row of a table a finding is about. Findings name a row by its source line and its
// names: Datastore rows can share a line (a category's Total and its first sub-category).
// Lookups go through an index by line built once per table, so placing every finding of
// a 150,000-row paste stays linear.
import type { CrimeTable } from "./model";
import { nameKey } from "./nameKey";

export interface RowPlace {
  line: number;
  category: string;
  subcategory: string | null;
}

const byLine = new WeakMap<CrimeTable, Map<number, number[]>>();

function lineIndex(table: CrimeTable): Map<number, number[]> {
  let index = byLine.get(table);
  if (!index) {
    index = new Map();
    table.rows.forEach((r, i) => {
      const list = index!.get(r.line);
      if (list) list.push(i);
      else index!.set(r.line, [i]);
    });
    byLine.set(table, index);
  }
  return index;
}

/**
 * Index in `table.rows` of the row at `at`: the one on its line with the same category and
 * sub-category (spacing and case aside), else the first on its line; -1 when none.
 */
export function rowIndexAt(table: CrimeTable, at: RowPlace): number {
  const onLine = lineIndex(table).get(at.line);
  if (!onLine) return -1;
  const category = nameKey(at.category);
  const subcategory = nameKey(at.subcategory);
  const same = onLine.find((i) => {
    const r = table.rows[i]!;
    return nameKey(r.category) === category && nameKey(r.subcategory) === subcategory;
  });
  return same ?? onLine[0]!;
}
