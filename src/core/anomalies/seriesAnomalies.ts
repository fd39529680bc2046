// Flags for one measure of one area over time: XmR limits and the Making Data Count
// special-cause rules, told as improvement or concern by the measure's direction.
import type { Anomaly, AnomalyRule, CrimeTable } from "../model";
import { appendAll } from "../appendAll";
import { spcSignals } from "../stats";
import { seriesMessage } from "./messages";
import { resolveAnomalyOptions } from "./options";
import { kindSchema } from "../kinds";
import type { AnomalyOptions } from "./options";
import { areaName, countPair, ratePair, rowKey, rowLabel } from "./rowMeasures";

export interface SeriesPoint {
  /** The period, e.g. "2023-05" or an ISO date; used in messages and as `periodEnding`. */
  period: string;
  value: number;
  /** Where the point came from, when it came from a checked table. */
  table?: number;
  line?: number;
}

export interface SeriesInput {
  area: string;
  /** What is measured, as a reader would name it: "Burglary offences", "Total offences". */
  measure: string;
  /** The field flags point at ("offencesCurrent", "sdRateCurrent", "count"). */
  field: string;
  /** In time order, oldest first. */
  points: SeriesPoint[];
  /** Fewer offences is better (false); a higher detection rate is better (true). */
  higherIsBetter: boolean;
  /** Category and sub-category for the flags. @default measure and null */
  category?: string;
  subcategory?: string | null;
  /** Table index for points that carry none. @default 0 */
  table?: number;
  /** Line for points that carry none; 0 means "no source line". @default 0 */
  line?: number;
}

const RULES: Record<"outside-limits" | "run" | "trend" | "two-of-three", AnomalyRule> = {
  "outside-limits": "spc-outside-limits",
  run: "spc-run",
  trend: "spc-trend",
  "two-of-three": "spc-two-of-three",
};

/**
 * Special-cause flags for a series (for example a borough's monthly offences from the
 * Datastore). A series shorter than `minSeriesPoints` gets none: its limits would not be
 * worth quoting. Each flag points at the signal's last point.
 */
export function seriesAnomalies(series: SeriesInput, partial?: Partial<AnomalyOptions>): Anomaly[] {
  return seriesFlags(series, resolveAnomalyOptions(partial));
}

export function seriesFlags(series: SeriesInput, opts: AnomalyOptions): Anomaly[] {
  const { points } = series;
  if (points.length < opts.minSeriesPoints) return [];
  const values = points.map((p) => p.value);
  const { limits, signals } = spcSignals(values, {
    runLength: opts.runLength,
    trendLength: opts.trendLength,
    screenOutliers: opts.spcScreenOutliers === 1,
  });
  return signals.map((s) => {
    const last = points[s.end] as SeriesPoint;
    const upper = s.side === "high";
    return {
      rule: RULES[s.rule],
      table: last.table ?? series.table ?? 0,
      line: last.line ?? series.line ?? 0,
      category: series.category ?? series.measure,
      subcategory: series.subcategory ?? null,
      field: series.field,
      pValue: null,
      area: series.area,
      periodEnding: last.period,
      message: seriesMessage({
        area: series.area,
        measure: series.measure,
        rule: s.rule,
        side: s.side,
        higherIsBetter: series.higherIsBetter,
        periods: s.points.map((i) => points[i]?.period ?? ""),
        values: s.points.map((i) => points[i]?.value ?? NaN),
        firstPeriod: points[s.start]?.period ?? "",
        lastPeriod: last.period,
        span: s.end - s.start + 1,
        mean: limits.mean,
        limit: upper ? limits.upper : limits.lower,
        near: upper ? limits.upperNear : limits.lowerNear,
      }),
    };
  });
}

/**
 * Series from tables of one area over several periods: offences (or calls) in the current
 * period, and the SD rate from counts. Caution for the caller: successive rolling-12-month
 * figures share 11 months, so runs and trends among monthly R12 tables are expected;
 * series of non-overlapping periods (or monthly Datastore counts) are what XmR assumes.
 * An area with fewer than `minPoints` periods gives none: each of its series would be
 * shorter than that (one table of 87,000 rows would otherwise make 170,000 series of one
 * point each).
 */
export function tableSeries(tables: CrimeTable[], minPoints = 0): SeriesInput[] {
  const byArea = new Map<string, { period: string; tableIndex: number; table: CrimeTable }[]>();
  const seenPeriods = new Set<string>();
  tables.forEach((table, tableIndex) => {
    if (!table.periodEnding || !kindSchema(table.kind).comparable) return;
    const family = table.kind;
    const key = `${family}|${areaName(table)}`;
    // The first table of an area and period: a JSON array is an unambiguous pair key.
    const seen = JSON.stringify([key, table.periodEnding]);
    if (seenPeriods.has(seen)) return;
    seenPeriods.add(seen);
    const list = byArea.get(key) ?? [];
    list.push({ period: table.periodEnding, tableIndex, table });
    byArea.set(key, list);
  });
  const out: SeriesInput[] = [];
  for (const list of byArea.values()) {
    if (list.length < minPoints) continue;
    list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    const series = new Map<string, SeriesInput>();
    const add = (key: string, make: () => SeriesInput, point: SeriesPoint) => {
      const s = series.get(key) ?? make();
      series.set(key, s);
      s.points.push(point);
    };
    for (const { period, tableIndex, table } of list) {
      const seen = new Set<string>();
      for (const row of table.rows) {
        const key = rowKey(table, row);
        if (seen.has(key)) continue;
        seen.add(key);
        const label = rowLabel(row);
        const common = {
          area: areaName(table),
          category: row.category,
          subcategory: row.subcategory,
        };
        const at = { period, table: tableIndex, line: row.line };
        const counts = countPair(table, row);
        if (counts) {
          // "Burglary offences", but "Sexual Offences", not "Sexual Offences offences"
          const measure =
            counts.unit && !label.toLowerCase().endsWith(counts.unit)
              ? `${label} ${counts.unit}`
              : label;
          add(
            `${key}|count`,
            () => ({
              ...common,
              measure,
              field: counts.countField,
              points: [],
              higherIsBetter: counts.higherIsBetter,
            }),
            { ...at, value: counts.current }
          );
        }
        const rate = ratePair(table, row);
        if (rate && rate.n2 > 0) {
          add(
            `${key}|rate`,
            () => ({
              ...common,
              measure: `${label} ${rate.rateName} (%)`,
              field: rate.field,
              points: [],
              higherIsBetter: rate.higherIsBetter,
            }),
            {
              ...at,
              value: (rate.x2 / rate.n2) * 100,
            }
          );
        }
        const pct = kindSchema(table.kind).percentMeasure(row);
        if (typeof pct === "number" && Number.isFinite(pct)) {
          // Share of calls answered in target: higher is better.
          add(
            `${key}|percent`,
            () => ({
              ...common,
              measure: `${label} (%)`,
              field: "current",
              points: [],
              higherIsBetter: true,
            }),
            { ...at, value: pct }
          );
        }
      }
    }
    appendAll(out, series.values());
  }
  return out;
}
