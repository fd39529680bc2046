// The preview's share of a large analysis: per table, its first rows and its first rows
// with findings, and the findings on them; with totals, so the pane can say how much
// there is in all. Sent instead of the whole so the UI thread never clones 100s of MB.
import type { PasteAnalysis } from "./pasteReader";

export function slicePreview(analysis: PasteAnalysis, rowsPerTable: number): PasteAnalysis {
  const { tables, issues, anomalies } = analysis;
  const flagged = tables.map(() => new Set<number>());
  for (const f of [...issues, ...anomalies]) flagged[f.table]?.add(f.line);
  const keep = tables.map((t, i) => {
    const lines = new Set<number>();
    let first = 0;
    let marked = 0;
    for (const row of t.rows) {
      const isFlagged = flagged[i]?.has(row.line) ?? false;
      if (first < rowsPerTable || (isFlagged && marked < rowsPerTable)) lines.add(row.line);
      first++;
      if (isFlagged) marked++;
    }
    return lines;
  });
  const kept = (f: { table: number; line: number }) => keep[f.table]?.has(f.line) ?? false;
  return {
    tables: tables.map((t, i) => ({ ...t, rows: t.rows.filter((r) => keep[i]?.has(r.line)) })),
    issues: issues.filter(kept),
    anomalies: anomalies.filter(kept),
    totals: tables.map((t, i) => ({
      rows: t.rows.length,
      issues: issues.filter((x) => x.table === i).length,
      anomalies: anomalies.filter((x) => x.table === i).length,
    })),
    ...(analysis.wards ? { wards: analysis.wards } : {}),
  };
}
