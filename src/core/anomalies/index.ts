// Anomalies: statistical flags with reasons an analyst can quote.
export { findAnomalies } from "./findAnomalies";
export { seriesAnomalies, tableSeries } from "./seriesAnomalies";
export type { SeriesInput, SeriesPoint } from "./seriesAnomalies";
export { defaultAnomalyOptions, resolveAnomalyOptions, AnomalyOptionsError } from "./options";
export type { AnomalyOptions } from "./options";
export { rowLabel } from "./rowMeasures";
