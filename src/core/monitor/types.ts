// The monitoring model: performance indicators with targets and tolerance, and what
// computeMonitoring reports about them. Pure data.
import type { PeriodKind } from "./periods";
import type { SpcSignal, XmrLimits } from "../stats/xmr";

export type IndicatorUnit = "count" | "percentage" | "money";
export type Polarity = "lower-is-better" | "higher-is-better";

/**
 * How an indicator's periods combine into a quarter or a financial year to date:
 * counts and money are summed; percentages averaged (unweighted: only the rates are
 * known); rolling-12-month figures (from crime tables) are levels, so the latest counts.
 */
export type Aggregation = "sum" | "average" | "latest";

export interface Indicator {
  name: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  /** Tolerance as a percent of target: 10 means within 10% of the target is Green. @default 10 */
  tolerancePct: number;
  periodKind: PeriodKind;
  /** Period labels in ascending order, no repeats: "2016-04" or "2016-17 Q1". */
  periods: string[];
  /** Actual value per period (aligned with periods); percentages in percent units (18.5 = 18.5%). */
  actuals: (number | null)[];
  /** Target per period (aligned with periods), same units as actuals; null where there is none. */
  targets: (number | null)[];
  aggregation: Aggregation;
  /** Where the indicator came from (file name, "paste", a table's source), for messages. */
  source?: string;
  /** 1-based line of the indicator's row in the source, when read from text. */
  line?: number;
  /**
   * The period its source reports (a crime table's period ending): the indicator is
   * reported as of it even where its figure is missing, never as of an older figure.
   */
  reportingPeriod?: string;
}

export type Rag = "Red" | "Amber" | "Green";
/**
 * Direction of travel as a council report says it: the movement (▲ up, ▼ down) and the
 * judgement (better, worse) together, since whether up is better depends on the indicator.
 */
export type Direction =
  "▲ up, better" | "▲ up, worse" | "▼ down, better" | "▼ down, worse" | "► no change" | "n/a";

/** Financial year to date against the previous corresponding period. */
export interface FytdFigures {
  /** Periods summed (or averaged), ascending; for "latest" aggregation just the reporting period. */
  periods: string[];
  /** "2016-17 Q1–Q2", "Apr 2016 – Sep 2016", or the period itself. */
  label: string;
  previousPeriods: string[];
  previousLabel: string;
  target: number | null;
  actual: number | null;
  previous: number | null;
  /** actual − previous, in the indicator's unit (percentage points for percentages). */
  change: number | null;
  /** (actual − previous) / |previous| × 100; null for percentages (their change is in points) or when previous is 0. */
  changePct: number | null;
  /** How far worse than target, as a percent of target (negative: better than target); null when target is 0. */
  offTargetPct: number | null;
  /** Percentages: how far worse than target in percentage points (negative: better); null for other units. */
  offTargetPoints: number | null;
}

/** A quarter and its comparison quarters for the direction of travel. */
export interface QuarterFigures {
  label: string | null;
  value: number | null;
  previousLabel: string | null;
  previous: number | null;
  yearAgoLabel: string | null;
  yearAgo: number | null;
}

export interface IndicatorResult {
  name: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  tolerancePct: number;
  periodKind: PeriodKind;
  aggregation: Aggregation;
  /** The reporting period (latest period with an actual, or the one asked for); null when there is none. */
  asOf: string | null;
  fytd: FytdFigures;
  rag: Rag | null;
  /** Why the RAG is what it is, in words an analyst can quote. */
  ragReason: string;
  quarter: QuarterFigures;
  /** Versus the previous quarter. */
  dotShort: Direction;
  /** Versus the same quarter a year earlier. */
  dotLong: Direction;
  /** XmR chart of the latest months, for monthly indicators with enough consecutive actuals. */
  controlChart: ControlChart | null;
}

export interface RagCounts {
  Red: number;
  Amber: number;
  Green: number;
  /** Indicators with no rating (no target or no figures). */
  none: number;
}

export interface MonitoringResult {
  indicators: IndicatorResult[];
  counts: RagCounts;
  /** "Of the 3 indicators 2 (66.7%) are Red and 1 (33.3%) is Green". */
  summary: string;
}

export interface MonitorOptions extends ControlChartOptions {
  /** Reporting period (a month or quarter label); per indicator, its latest period ending by then. @default latest actual per indicator */
  asOf?: string;
}

export interface ControlChartOptions {
  /** Fewest consecutive monthly actuals that get a control chart. @default 15 */
  xmrMinPoints?: number;
  /** Most recent months charted (older ones are left out: limits describe the recent process). @default 36 */
  xmrMaxPoints?: number;
}

export interface ControlChart {
  /** Months charted, ascending and consecutive. */
  periods: string[];
  values: number[];
  /** In the indicator's units (percentages in percent units). */
  limits: XmrLimits;
  signals: SpcSignal[];
  /** Per month: the signals it is part of, joined by "; " ("" when none). */
  pointLabels: string[];
}
