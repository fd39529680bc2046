// The monthly counts a workbook keeps trend sheets of (Datastore imports): from the tables
// imported now, else as the trend sheets recorded them (a refresh reads data sheets back
// without their months), and the control-chart flags the core finds in them, pointed at
// the category's Total row of the area's data sheet so Checks and the Summary link there.
import type { Anomaly, CrimeTable } from "../core/model";
import { seriesAnomalies, type AnomalyOptions } from "../core/anomalies";
import { areaKey } from "../core/areas";
import { nameKey } from "../core/nameKey";
import type { SheetDefinition } from "../layout/definitions";
import type { MonthlySource } from "../layout/layoutMonthlyTrend";
import { MONTHLY_FAMILY } from "../layout/layoutWorkbook";

/** Monthly counts of an area, and the table (by index) its flags point at. */
export interface MonthlyOfArea extends MonthlySource {
  table: number;
}

/** The last table of each area that has monthly counts or whose recorded trend holds them. */
export function monthlySources(
  tables: readonly CrimeTable[],
  previous: readonly SheetDefinition[]
): MonthlyOfArea[] {
  const byArea = new Map<string, MonthlyOfArea>();
  const latest = new Map<string, number>();
  tables.forEach((t, i) => {
    if (t.kind !== "datastore-r12" || !t.area) return;
    const key = areaKey(t.area);
    const before = latest.get(key);
    if (before === undefined || (tables[before]!.periodEnding ?? "") <= (t.periodEnding ?? ""))
      latest.set(key, i);
    const had = byArea.get(key);
    if (t.monthly && (!had || had.monthly.months.length <= t.monthly.months.length))
      byArea.set(key, { area: t.area, source: t.source, monthly: t.monthly, table: i });
  });
  for (const d of previous) {
    if (d.role !== "trend" || d.family !== MONTHLY_FAMILY || !d.monthly || !d.area) continue;
    const key = areaKey(d.area);
    const table = latest.get(key);
    // Kept while the area still has a Datastore data sheet; its months as recorded.
    if (table === undefined || byArea.has(key)) continue;
    const { source, months, series } = d.monthly;
    byArea.set(key, { area: d.area, source, monthly: { months, series }, table });
  }
  return [...byArea.values()].map((m) => ({ ...m, table: latest.get(areaKey(m.area)) ?? m.table }));
}

/** "Burglary offences", but "All offences" as it is. */
const measureOf = (category: string): string =>
  /offences$/i.test(category) ? category : `${category} offences`;

/** The core's control-chart flags over each category's months, at the category's Total row. */
export function monthlyFlags(
  sources: readonly MonthlyOfArea[],
  tables: readonly CrimeTable[],
  options: Partial<AnomalyOptions>
): Anomaly[] {
  const out: Anomaly[] = [];
  for (const m of sources) {
    const table = tables[m.table];
    for (const s of m.monthly.series) {
      const row = table?.rows.find((r) => r.isTotal && nameKey(r.category) === nameKey(s.category));
      const flags = seriesAnomalies(
        {
          area: m.area,
          measure: measureOf(s.category),
          field: "offencesCurrent",
          points: s.values.map((value, i) => ({ period: m.monthly.months[i]!, value })),
          higherIsBetter: false,
          category: s.category,
          subcategory: row?.subcategory ?? "Total",
          table: m.table,
          line: row?.line ?? 0,
        },
        options
      );
      for (const f of flags) out.push(f);
    }
  }
  return out;
}
