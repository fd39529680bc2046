// How much of a borough's total the wards of a ward-level file hold. The Met's ward file
// leaves out offences it places in no ward, so a borough summed from its wards is below
// the borough-level file's figure (Barking and Dagenham, arson, 2024-2025: 165 against 169).
// Set side by side for the same 24 months, row by row, when both files are given.
import type { CrimeTable, TableRow, WardCoverage, WardCoverageRow } from "../model";
import { areaKey } from "../areas";
import type { DatastoreFile } from "./types";
import { r12Tables } from "./r12Tables";

const rowKey = (r: TableRow): string =>
  `${r.category.toLowerCase().replace(/\s+/g, " ").trim()}|${(r.subcategory ?? "").toLowerCase().trim()}`;

const count = (r: TableRow | undefined, field: string): number => {
  const v = r?.values[field];
  return typeof v === "number" ? v : 0;
};

/** The borough's table from each file, for the same end month, set row by row. */
function compare(
  ward: DatastoreFile,
  borough: DatastoreFile | undefined,
  area: string,
  period: string | undefined
): WardCoverage | null {
  const fromWards = r12Tables(ward, { period, areas: [area] });
  if (!fromWards.ok) return null;
  const summed = fromWards.tables[0]!;
  const periodEnding = summed.periodEnding!;
  const base = { borough: summed.area!, wardSource: ward.source, periodEnding };
  if (borough === undefined) return { ...base, boroughSource: null, rows: [] };
  // The borough file must hold the same 24 months; otherwise the two cannot be compared.
  const own = r12Tables(borough, { period: periodEnding.slice(0, 7), areas: [area] });
  if (!own.ok) {
    const boroughMonths = {
      first: borough.months[0]!,
      last: borough.months[borough.months.length - 1]!,
    };
    return { ...base, boroughSource: borough.source, rows: [], boroughMonths };
  }
  const wardRows = new Map(summed.rows.map((r) => [rowKey(r), r]));
  const rows: WardCoverageRow[] = own.tables[0]!.rows.map((r) => {
    const w = wardRows.get(rowKey(r));
    return {
      line: r.line,
      category: r.category,
      subcategory: r.subcategory ?? "",
      isTotal: r.isTotal,
      wards: { previous: count(w, "offencesPrevious"), current: count(w, "offencesCurrent") },
      borough: { previous: count(r, "offencesPrevious"), current: count(r, "offencesCurrent") },
    };
  });
  return { ...base, boroughSource: borough.source, rows };
}

const holds = (f: DatastoreFile, area: string): boolean =>
  f.areas.some((a) => areaKey(a.name) === areaKey(area));

/**
 * For each borough the tables concern (its own table, or a ward of it) and each ward-level
 * file holding it: its wards' sums against the borough-level file, or, with no such file,
 * a coverage without rows (the gap unknown) when the tables include the ward sums.
 */
export function wardCoverage(
  files: readonly DatastoreFile[],
  tables: readonly CrimeTable[][],
  period: string | undefined
): WardCoverage[] {
  const boroughs = [...new Set(tables.flat().map((t) => t.ward?.borough ?? t.area))];
  const boroughFiles = files.filter((f) => f.layout.level === "borough");
  const found: WardCoverage[] = [];
  for (const [i, f] of files.entries()) {
    if (f.wards === undefined) continue;
    for (const area of boroughs) {
      if (area === null || !holds(f, area)) continue;
      const borough = boroughFiles.find((b) => holds(b, area));
      const summedHere = tables[i]!.some((t) => t.ward === undefined && t.area === area);
      if (borough === undefined && !summedHere) continue;
      const c = compare(f, borough, area, period);
      if (c !== null) found.push(c);
    }
  }
  return found;
}

/** The table a coverage is said on: the borough-level file's, else a ward's, else the ward sums'. */
function targetOf(tables: CrimeTable[][], c: WardCoverage): [number, number] | null {
  const places = tables.flatMap((list, i) => list.map((t, j) => ({ t, i, j })));
  const same = (a: string | null): boolean => a !== null && areaKey(a) === areaKey(c.borough);
  const pick =
    places.find((p) => p.t.source === c.boroughSource && same(p.t.area)) ??
    places.find((p) => p.t.source === c.wardSource && p.t.ward && same(p.t.ward.borough)) ??
    places.find((p) => p.t.source === c.wardSource && !p.t.ward && same(p.t.area));
  return pick ? [pick.i, pick.j] : null;
}

/** Each coverage set on the table it is said on (a new table object; the lists are updated). */
export function attachCoverage(tables: CrimeTable[][], coverage: readonly WardCoverage[]): void {
  for (const c of coverage) {
    const at = targetOf(tables, c);
    if (at === null) continue;
    const [i, j] = at;
    tables[i]![j] = { ...tables[i]![j]!, wardCoverage: c };
  }
}
