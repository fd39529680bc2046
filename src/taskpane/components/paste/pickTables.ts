// The picker's choice: the tables ticked, with their own issues and highlights (renumbered
// to the tables kept), so an unticked table is left out of the preview's Import entirely.
import type { PasteAnalysis } from "../../worker/pasteReader";

/** `ticked[i]` false leaves table i out; a table past the list's end is kept. */
export function pickTables(analysis: PasteAnalysis, ticked: boolean[]): PasteAnalysis {
  if (ticked.every(Boolean)) return analysis;
  const newIndex = new Map<number, number>();
  analysis.tables.forEach((_, i) => {
    if (ticked[i] !== false) newIndex.set(i, newIndex.size);
  });
  const keep = <T extends { table: number }>(items: T[]): T[] =>
    items.flatMap((x) => {
      const at = newIndex.get(x.table);
      return at === undefined ? [] : [{ ...x, table: at }];
    });
  return {
    ...analysis,
    tables: analysis.tables.filter((_, i) => newIndex.has(i)),
    issues: keep(analysis.issues),
    anomalies: keep(analysis.anomalies),
    totals: analysis.totals?.filter((_, i) => newIndex.has(i)),
  };
}
