// Rolling-12-month tables from a Datastore file, in the same model as a pasted
// "Offences & SDs" table: for end month M, current R12 = the 12 months ending M and
// previous R12 = the 12 months before. SD figures are absent (null), never zero.
import type { ColumnInfo, CrimeTable, MonthlyCounts, ReadError, TableRow } from "../model";
import { areaKey } from "../areas";
import { appendAll } from "../appendAll";
import { isGroupError, resolveGroup } from "../groups";
import type { DatastoreFile } from "./types";
import { addMonths, lastDayOfMonth, monthNumber, normaliseMonth } from "./months";
import { changePct } from "./changePct";
import { printedFigures } from "./printedFigures";
import { sumMonths } from "./sumMonths";

export interface R12Options {
  /** End month M as YYYY-MM. @default the latest month with 24 months of data */
  period?: string;
  /** Areas by name (matched loosely). @default all boroughs, unless `group` is given */
  areas?: string[];
  /** A preset group name or a "NAME=Area1,Area2" spec; its areas follow `areas`. */
  group?: string;
}

export type R12Result = { ok: true; tables: CrimeTable[] } | { ok: false; error: ReadError };

export const R12_TITLE = "Recorded offences, rolling 12 months (London Datastore)";
export const ALL_OFFENCES = "All offences";

export const R12_COLUMNS: readonly ColumnInfo[] = [
  { field: "offencesPrevious", heading: "Offences Previous R12", type: "count", decimals: 0 },
  { field: "offencesCurrent", heading: "Offences Current R12", type: "count", decimals: 0 },
  { field: "offencesChangePct", heading: "Offences % Change", type: "percent", decimals: 1 },
];

/** R12 months need 24 consecutive months: 12 current and 12 previous. */
const SPAN = 24;

/** Index in file.months of the end month, or an error saying which months the file holds. */
function endIndex(file: DatastoreFile, period: string | undefined): number | ReadError {
  const first = file.months[0]!;
  const last = file.months[file.months.length - 1]!;
  const holds = `${file.source} holds ${first} to ${last}`;
  const earliest = file.months[SPAN - 1];
  const possible =
    earliest === undefined
      ? " (fewer than 24 months)"
      : earliest === last
        ? ` (R12 tables can only end in ${last})`
        : ` (R12 tables can end from ${earliest} to ${last})`;
  if (period === undefined) {
    if (file.months.length >= SPAN) return file.months.length - 1;
    return {
      code: "missing-months",
      message: `R12 tables need 24 months of data; ${holds}${possible}`,
    };
  }
  const month = normaliseMonth(period);
  if (month === null)
    return { code: "unreadable", message: `period "${period}" is not a month (YYYY-MM)` };
  const index = monthNumber(month) - monthNumber(first);
  if (index < SPAN - 1 || index > file.months.length - 1) {
    return {
      code: "missing-months",
      message: `R12 tables ending ${month} need ${addMonths(month, 1 - SPAN)} to ${month}; ${holds}${possible}`,
    };
  }
  return index;
}

/** Indices of the areas asked for, in order and without repeats, or an error. */
function areaIndices(file: DatastoreFile, opts: R12Options): number[] | ReadError {
  const names = [...(opts.areas ?? [])];
  if (opts.group !== undefined) {
    const group = resolveGroup(opts.group, file);
    if (isGroupError(group)) return { code: "no-table", message: group.error };
    appendAll(names, group.areas);
  }
  if (names.length === 0) {
    const boroughs = file.areas.flatMap((a, i) => (a.isBorough ? [i] : []));
    if (boroughs.length > 0) return boroughs;
    return {
      code: "no-table",
      message: `${file.source} holds no London borough; its areas: ${file.areas.map((a) => a.name).join(", ")}`,
    };
  }
  const indices: number[] = [];
  const unknown: string[] = [];
  // Keys once per file, not once per name asked for (a ward file has hundreds of areas).
  const byKey = new Map<string, number>();
  file.areas.forEach((a, i) => {
    for (const k of [areaKey(a.name), areaKey(a.fileName)]) if (!byKey.has(k)) byKey.set(k, i);
  });
  for (const name of names) {
    const i = byKey.get(areaKey(name)) ?? -1;
    if (i < 0) unknown.push(name);
    else if (!indices.includes(i)) indices.push(i);
  }
  if (unknown.length > 0) {
    return {
      code: "no-table",
      message: `${unknown.map((u) => `"${u}"`).join(", ")} not in ${file.source}; its areas: ${file.areas.map((a) => a.name).join(", ")}`,
    };
  }
  return indices;
}

function row(
  line: number,
  category: string,
  subcategory: string,
  isTotal: boolean,
  previous: number,
  current: number
): TableRow {
  const pct = changePct(previous, current);
  return {
    line,
    category,
    subcategory,
    isTotal,
    status: null,
    values: {
      offencesPrevious: previous,
      offencesCurrent: current,
      offencesChangePct: pct,
      sdsPrevious: null,
      sdsCurrent: null,
      sdRatePrevious: null,
      sdRateCurrent: null,
    },
    raw: printedFigures(previous, current, pct),
  };
}

/** One area's table for the end month at index e. */
function areaTable(file: DatastoreFile, a: number, e: number): CrimeTable {
  const nCat = file.categories.length;
  const rows: TableRow[] = [];
  let allPrevious = 0;
  let allCurrent = 0;
  for (const major of file.majors) {
    let totalPrevious = 0;
    let totalCurrent = 0;
    let totalLine = 0;
    for (const c of major.categories) {
      const category = file.categories[c]!;
      const previous = sumMonths(file, a, c, e - 23, e - 12);
      const current = sumMonths(file, a, c, e - 11, e);
      // A sub-category the area lacks is zero offences; its line is where the file first holds it.
      const line = file.cellLine[a * nCat + c] || category.line;
      if (totalLine === 0 && file.cellLine[a * nCat + c]) totalLine = line;
      rows.push(row(line, major.name, category.minor, false, previous, current));
      totalPrevious += previous;
      totalCurrent += current;
    }
    const firstLine = file.categories[major.categories[0]!]!.line;
    rows.push(row(totalLine || firstLine, major.name, "Total", true, totalPrevious, totalCurrent));
    allPrevious += totalPrevious;
    allCurrent += totalCurrent;
  }
  const area = file.areas[a]!;
  rows.push(row(area.line, ALL_OFFENCES, "Total", true, allPrevious, allCurrent));
  const monthly = monthlyTotals(file, a, e);
  return {
    source: file.source,
    kind: "datastore-r12",
    title: R12_TITLE,
    area: area.name,
    periodEnding: lastDayOfMonth(file.months[e]!),
    columns: R12_COLUMNS.map((c) => ({ ...c })),
    rows,
    monthly,
  };
}

/** Each major category's monthly total for area a, and all offences, months 0 to e. */
function monthlyTotals(file: DatastoreFile, a: number, e: number): MonthlyCounts {
  const months = file.months.slice(0, e + 1);
  const all = months.map(() => 0);
  const series = file.majors.map((major) => {
    const values = months.map((_, i) =>
      major.categories.reduce((sum, c) => sum + sumMonths(file, a, c, i, i), 0)
    );
    values.forEach((v, i) => (all[i]! += v));
    return { category: major.name, values };
  });
  series.push({ category: ALL_OFFENCES, values: all });
  return { months, series };
}

/** The R12 tables for one end month, one per area asked for; all or an error, never a part. */
export function r12Tables(file: DatastoreFile, opts: R12Options = {}): R12Result {
  const e = endIndex(file, opts.period);
  if (typeof e !== "number") return { ok: false, error: e };
  const areas = areaIndices(file, opts);
  if (!Array.isArray(areas)) return { ok: false, error: areas };
  return { ok: true, tables: areas.map((a) => areaTable(file, a, e)) };
}
