// Indicators taken from imported crime tables and Datastore series, so a task group can
// monitor the police's own figures without retyping them.
//
// A rolling-12-month table ending in month M gives two points of each measure: its
// current R12 at M and its previous R12 at M − 12 months. Such figures are levels, not
// flows, so their indicators use the "latest" aggregation: the financial-year-to-date
// figure is the R12 at the reporting month against the R12 a year earlier.
import { kindSchema } from "../kinds";
import type { CrimeTable, TableRow } from "../model";
import { buildIndicator } from "./buildIndicator";
import { parsePeriod, periodLabel } from "./periods";
import type { Indicator, IndicatorUnit, Polarity } from "./types";

export type TableMeasure =
  | "all-offences"
  | "mopac7"
  | "sd-rate"
  | "asb-calls"
  | "asb-repeat-callers"
  | "i-calls-in-target"
  | "s-calls-in-target";

interface MeasureDef {
  label: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  /** Previous and current R12 of the measure in one table; null when the table lacks it. */
  read(table: CrimeTable): { previous: number | null; current: number | null } | null;
}

const key = (s: string | null | undefined): string =>
  (s ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

type Matcher = { category: string; subcategory?: string };

/** The first row matching any of the (category, sub-category) pairs; no sub-category means the Total row. */
function findRow(table: CrimeTable, matchers: Matcher[]): TableRow | undefined {
  for (const m of matchers) {
    const row = table.rows.find(
      (r) =>
        key(r.category) === key(m.category) &&
        (m.subcategory === undefined
          ? r.isTotal || r.subcategory === null
          : key(r.subcategory) === key(m.subcategory))
    );
    if (row) return row;
  }
  return undefined;
}

function fields(row: TableRow | undefined, previous: string, current: string) {
  return row
    ? { previous: row.values[previous] ?? null, current: row.values[current] ?? null }
    : null;
}

/** Whether the table's kind holds these fields (generic tables hold none we know). */
const holds = (t: CrimeTable, ...fieldNames: string[]): boolean =>
  fieldNames.every((f) => kindSchema(t.kind).fields.includes(f));

/** The seven MOPAC 7 neighbourhood crimes, as the police table and the Datastore name them. */
const MOPAC7: Matcher[][] = [
  [
    { category: "VWI" },
    { category: "Violence Against the Person", subcategory: "Violence with Injury" },
  ],
  [{ category: "Robbery" }],
  [{ category: "Burglary" }],
  [
    { category: "Theft and Handling", subcategory: "Theft/Taking of M/V" },
    { category: "Vehicle Offences", subcategory: "Theft or Taking of a Motor Vehicle" },
  ],
  [
    { category: "Theft and Handling", subcategory: "Theft From M/V" },
    { category: "Vehicle Offences", subcategory: "Theft from a Motor Vehicle" },
  ],
  [
    { category: "Theft and Handling", subcategory: "Theft Person" },
    { category: "Theft", subcategory: "Theft from Person" },
  ],
  [
    { category: "Criminal Damage" },
    { category: "Arson and Criminal Damage", subcategory: "Criminal Damage" },
  ],
];

const calls = (label: string, unit: IndicatorUnit, polarity: Polarity): MeasureDef => ({
  label,
  unit,
  polarity,
  read: (t) =>
    holds(t, "previous", "current")
      ? fields(findRow(t, [{ category: label }]), "previous", "current")
      : null,
});

export const TABLE_MEASURES: Record<TableMeasure, MeasureDef> = {
  "all-offences": {
    label: "All offences (TNO)",
    unit: "count",
    polarity: "lower-is-better",
    read: (t) =>
      holds(t, "offencesPrevious", "offencesCurrent")
        ? fields(
            findRow(t, [{ category: "TNO" }, { category: "All offences" }]),
            "offencesPrevious",
            "offencesCurrent"
          )
        : null,
  },
  mopac7: {
    label: "MOPAC 7 neighbourhood crimes",
    unit: "count",
    polarity: "lower-is-better",
    read: (t) => {
      if (!holds(t, "offencesPrevious", "offencesCurrent")) return null;
      const parts = MOPAC7.map((alternatives) =>
        fields(findRow(t, alternatives), "offencesPrevious", "offencesCurrent")
      );
      if (parts.some((p) => p === null)) return null;
      const sum = (k: "previous" | "current") =>
        parts.some((p) => p![k] === null) ? null : parts.reduce((s, p) => s + p![k]!, 0);
      return { previous: sum("previous"), current: sum("current") };
    },
  },
  "sd-rate": {
    label: "Sanction detection rate (TNO)",
    unit: "percentage",
    polarity: "higher-is-better",
    read: (t) =>
      holds(t, "sdRatePrevious", "sdRateCurrent")
        ? fields(findRow(t, [{ category: "TNO" }]), "sdRatePrevious", "sdRateCurrent")
        : null,
  },
  "asb-calls": calls("ASB Calls", "count", "lower-is-better"),
  "asb-repeat-callers": calls("ASB Repeat Callers", "count", "lower-is-better"),
  "i-calls-in-target": calls("I Calls In Target", "percentage", "higher-is-better"),
  "s-calls-in-target": calls("S Calls In Target", "percentage", "higher-is-better"),
};

export interface IndicatorsFromTablesOptions {
  /** Measures wanted, in this order. @default every measure the tables hold */
  measures?: TableMeasure[];
  /** A target per measure (the same for every month); none means no rating, directions only. */
  targets?: Partial<Record<TableMeasure, number>>;
  /** @default 10 */
  tolerancePct?: number;
}

/**
 * One indicator per area and measure, from rolling-12-month tables (pasted "Offences &
 * SDs" and "I & S Calls and ASB" tables, Datastore R12 tables). Each table is placed at
 * the month of its period ending; tables without a period ending cannot be placed and are
 * left out. Where two tables give the same month, a current figure beats a previous-R12
 * one and a later period ending beats an earlier one. When the tables cover several
 * areas, each indicator's name starts with its area ("Merton: All offences (TNO)").
 */
export function indicatorsFromTables(
  tables: CrimeTable[],
  opts: IndicatorsFromTablesOptions = {}
): Indicator[] {
  const measures = opts.measures ?? (Object.keys(TABLE_MEASURES) as TableMeasure[]);
  const areas = [...new Set(tables.filter((t) => t.periodEnding).map((t) => t.area ?? ""))];
  const out: Indicator[] = [];
  for (const area of areas) {
    const own = tables.filter((t) => t.periodEnding && (t.area ?? "") === area);
    for (const id of measures) {
      const def = TABLE_MEASURES[id];
      // month index → value and its precedence (current over previous, then later period ending)
      const points = new Map<number, { value: number; rank: string }>();
      const put = (month: number, value: number | null, rank: string) => {
        if (value === null) return;
        const had = points.get(month);
        if (!had || had.rank < rank) points.set(month, { value, rank });
      };
      // The latest month a table of the measure reports, figure or not.
      let reported: number | null = null;
      for (const t of own) {
        const got = def.read(t);
        const month = parsePeriod(t.periodEnding!.slice(0, 7));
        if (!got || !month) continue;
        put(month.index, got.current, `1 ${t.periodEnding}`);
        put(month.index - 12, got.previous, `0 ${t.periodEnding}`);
        if (reported === null || month.index > reported) reported = month.index;
      }
      if (points.size === 0 || reported === null) continue;
      const months = [...points.keys()].sort((a, b) => a - b);
      out.push(
        buildIndicator({
          name: areas.length > 1 && area !== "" ? `${area}: ${def.label}` : def.label,
          unit: def.unit,
          polarity: def.polarity,
          periods: months.map((index) => periodLabel({ kind: "month", index })),
          actuals: months.map((m) => points.get(m)!.value),
          target: opts.targets?.[id] ?? null,
          tolerancePct: opts.tolerancePct,
          aggregation: "latest",
          source: own.map((t) => t.source).join(", "),
          // Reported as of the latest table even where its figure is missing (left out above).
          reportingPeriod: periodLabel({ kind: "month", index: reported }),
        })
      );
    }
  }
  return out;
}

export interface MonthlySeriesInput {
  name: string;
  /** Months and counts, e.g. a Datastore borough's monthlySeries(). */
  series: readonly { month: string; value: number | null }[];
  polarity?: Polarity;
  unit?: IndicatorUnit;
  /** Target per month (summed to quarters and the year to date like the actuals). */
  monthlyTarget?: number | null;
  tolerancePct?: number;
  source?: string;
}

/** A monthly flow (recorded offences per month): summed to quarters and financial year to date. */
export function indicatorFromMonthlySeries(input: MonthlySeriesInput): Indicator {
  return buildIndicator({
    name: input.name,
    unit: input.unit ?? "count",
    polarity: input.polarity ?? "lower-is-better",
    periods: input.series.map((p) => p.month),
    actuals: input.series.map((p) => p.value),
    target: input.monthlyTarget ?? null,
    tolerancePct: input.tolerancePct,
    source: input.source,
  });
}
