// The monitoring core: indicators with targets and tolerance, rated and compared.
export type {
  Aggregation,
  Direction,
  FytdFigures,
  Indicator,
  IndicatorResult,
  IndicatorUnit,
  MonitoringResult,
  MonitorOptions,
  Polarity,
  QuarterFigures,
  Rag,
  RagCounts,
} from "./types";
export { readIndicators, DEFAULT_TOLERANCE_PCT, type ReadIndicatorsResult } from "./readIndicators";
export { buildIndicator, type IndicatorInput } from "./buildIndicator";
export {
  computeIndicator,
  computeMonitoring,
  planIndicator,
  type IndicatorPlan,
} from "./computeMonitoring";
export {
  indicatorsFromTables,
  indicatorFromMonthlySeries,
  TABLE_MEASURES,
  type TableMeasure,
  type IndicatorsFromTablesOptions,
  type MonthlySeriesInput,
} from "./indicatorsFromTables";
export {
  controlChartOf,
  CONTROL_CHART_DEFAULTS,
  SIGNAL_TEXT,
  type ControlChart,
  type ControlChartOptions,
} from "./controlChart";
export { summaryLine } from "./summariseRag";
export {
  MonitorInputError,
  type IndicatorReadError,
  type IndicatorReadErrorCode,
} from "./monitorErrors";
export { parsePeriod, periodLabel, type Period, type PeriodKind } from "./periods";
