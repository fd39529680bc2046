// Two data sheets holding the same table: the same kind, area and reporting period, as
// when a corrected table is imported again beside the first (issue 17). The later import
// is the one comparisons, trends, group flags and headlines use; the earlier one stays a
// data sheet (its checks still listed) and every sheet that leaves it out says so, naming
// both sheets.
import type { CrimeTable } from "../core/model";
import { kindSchema } from "../core/kinds";
import { areaKey } from "../core/areas";

/** A data sheet left out because a later import holds the same table. */
export interface Superseded {
  /** Index of the earlier table, left out, and of the later one, used. */
  older: number;
  newer: number;
  olderSheet: string;
  newerSheet: string;
  area: string;
  periodEnding: string;
}

/** A data sheet's table and name, in import order (the definitions' order, then new imports). */
export interface NamedTable {
  name: string;
  table: CrimeTable;
}

/** The key that makes two tables the same table, or null for one never compared or trended. */
export function sameTableKey(
  table: Pick<CrimeTable, "kind" | "area" | "periodEnding">
): string | null {
  if (!table.area || !table.periodEnding || !kindSchema(table.kind).comparable) return null;
  return JSON.stringify([table.kind, areaKey(table.area), table.periodEnding]);
}

/** Each table that a later one of the same key supersedes, in import order. */
export function supersededTables(sheets: readonly NamedTable[]): Superseded[] {
  const last = new Map<string, number>();
  sheets.forEach((s, i) => {
    const key = sameTableKey(s.table);
    if (key !== null) last.set(key, i);
  });
  const out: Superseded[] = [];
  sheets.forEach((s, i) => {
    const key = sameTableKey(s.table);
    const newer = key === null ? undefined : last.get(key);
    if (newer === undefined || newer === i) return;
    out.push({
      older: i,
      newer,
      olderSheet: s.name,
      newerSheet: sheets[newer]!.name,
      area: s.table.area!,
      periodEnding: s.table.periodEnding!,
    });
  });
  return out;
}

/**
 * “Merton 2017-08-01 (2)” and “Merton 2017-08-01” hold the same table for Merton, period
 * ending 2017-08-01: the later import, “Merton 2017-08-01 (2)”, is used; “Merton
 * 2017-08-01” is left out of comparisons and trends.
 */
export function supersededSentence(s: Superseded): string {
  return (
    `“${s.newerSheet}” and “${s.olderSheet}” hold the same table for ${s.area}, period ending ${s.periodEnding}: ` +
    `the later import, “${s.newerSheet}”, is used; “${s.olderSheet}” is left out of comparisons and trends.`
  );
}

/** The sentences about the tables that `used` sheets superseded ("" when none). */
export function supersededNote(all: readonly Superseded[], used: readonly string[]): string {
  const names = new Set(used);
  return all
    .filter((s) => names.has(s.newerSheet))
    .map(supersededSentence)
    .join(" ");
}
