// Monthly series from the London Datastore samples, built here with papaparse (not with
// the product's Datastore reader) so the series tests stand on their own.
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import type { CrimeTable } from "../../../src/core/model";

const DIR = path.join(__dirname, "../../../samples/datastore");
const FILES = [
  "mps-borough-level-crime-2010-04-to-2022-01.csv",
  "mps-borough-level-crime-2022-02-to-2024-01.csv",
];

type Row = Record<string, string>;
let cache: Row[] | null = null;

function rows(): Row[] {
  if (!cache) {
    cache = FILES.flatMap(
      (f) =>
        Papa.parse<Row>(fs.readFileSync(path.join(DIR, f), "utf8"), {
          header: true,
          skipEmptyLines: true,
        }).data
    );
  }
  return cache;
}

/** Offences per month (YYYY-MM, ascending) for a borough: all offences, or one major category. */
export function monthlyOffences(
  borough: string,
  major?: string,
  from = "0000-00",
  to = "9999-99"
): { period: string; value: number }[] {
  const totals = new Map<string, number>();
  for (const row of rows()) {
    if (row.LookUp_BoroughName !== borough || (major !== undefined && row.MajorText !== major))
      continue;
    for (const [key, cell] of Object.entries(row)) {
      if (!/^\d{6}$/.test(key)) continue;
      const period = `${key.slice(0, 4)}-${key.slice(4)}`;
      if (period < from || period > to) continue;
      totals.set(period, (totals.get(period) ?? 0) + Number(cell));
    }
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([period, value]) => ({ period, value }));
}

/** Major categories with offences in every month for this borough. */
export function majors(borough: string): string[] {
  return [
    ...new Set(
      rows()
        .filter((r) => r.LookUp_BoroughName === borough)
        .map((r) => r.MajorText as string)
    ),
  ];
}

/**
 * One "datastore-r12"-style table per financial year (April to March) for a borough:
 * current = that year's offences per major category, previous = the year before. The
 * years do not overlap, so a series of them is what an XmR chart assumes.
 */
export function annualTables(borough: string, firstYear: number, lastYear: number): CrimeTable[] {
  const byMajor = majors(borough).map((major) => ({
    major,
    months: monthlyOffences(borough, major),
  }));
  const yearSum = (months: { period: string; value: number }[], startYear: number) =>
    months
      .filter((m) => m.period >= `${startYear}-04` && m.period <= `${startYear + 1}-03`)
      .reduce((s, m) => s + m.value, 0);
  const tables: CrimeTable[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    tables.push({
      source: `${borough} ${year}-${year + 1}`,
      kind: "datastore-r12",
      title: "Recorded offences, financial year",
      area: borough,
      periodEnding: `${year + 1}-03-31`,
      columns: [
        { field: "offencesPrevious", heading: "Offences Previous Year", type: "count" },
        { field: "offencesCurrent", heading: "Offences Current Year", type: "count" },
      ],
      rows: byMajor.map(({ major, months }, i) => ({
        line: i + 2,
        category: major,
        subcategory: null,
        isTotal: false,
        status: null,
        values: {
          offencesPrevious: yearSum(months, year - 1),
          offencesCurrent: yearSum(months, year),
          offencesChangePct: null,
        },
        raw: {},
      })),
    });
  }
  return tables;
}
