// Anomalies: statistical flags with reasons an analyst can quote.
export { findAnomalies } from "./findAnomalies";
export { seriesAnomalies, tableSeries } from "./seriesAnomalies";
export type { SeriesInput, SeriesPoint } from "./seriesAnomalies";
export {
  defaultAnomalyOptions,
  dispersionModel,
  resolveAnomalyOptions,
  AnomalyOptionsError,
} from "./options";
export { rowDispersions } from "./groupAnomalies";
export type { AnomalyOptions } from "./options";
export { rowLabel } from "./rowMeasures";
