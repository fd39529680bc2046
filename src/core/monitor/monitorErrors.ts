// Failures of the monitoring core. Bad input text becomes typed data (IndicatorReadError,
// with line and column); misuse by calling code (an indicator whose periods do not parse,
// a reporting period that is no period) throws MonitorInputError.

import type { Problem } from "../result";
import { MonitorInputError } from "../errors";

export { MonitorInputError };

export type IndicatorReadErrorCode =
  | "empty"
  | "no-header"
  | "bad-header"
  | "bad-period"
  | "mixed-periods"
  | "duplicate-period"
  | "missing-name"
  | "duplicate-indicator"
  | "bad-polarity"
  | "bad-unit"
  | "mixed-units"
  | "bad-number"
  | "bad-tolerance"
  | "orphan-target-row"
  | "too-many-cells";

/** A problem in an indicator table, always on a line. */
export interface IndicatorReadError extends Problem<IndicatorReadErrorCode> {
  /** 1-based line of the source text. */
  line: number;
  /** 1-based column (field) of the row, when the error is about one cell. */
  column?: number;
  /** The cell's text as found. */
  value?: string;
}
