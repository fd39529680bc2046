// The thresholds the highlights use, as the sheets show them in cells that their formulas
// reference (so an analyst can change one and every highlight follows).

export interface HighlightThresholds {
  /** Significance level of the change tests. @default 0.05 */
  alpha: number;
  /** Smallest base (denominator) for which a % change or a rate is shown as reliable. @default 20 */
  minBase: number;
  /**
   * A significant % change at least this large (in percent, 20 = 20%) is flagged as notable.
   * Absent: no notable-change flag (the command line's default; the add-in's settings set it).
   */
  changeThreshold?: number;
}

export const defaultHighlightThresholds: HighlightThresholds = { alpha: 0.05, minBase: 20 };

/** Picks the highlight thresholds out of any options object (for example the anomalies' options), with defaults. */
export function highlightThresholds(
  options: Record<string, unknown> | undefined
): HighlightThresholds {
  const num = (v: unknown, d: number): number =>
    typeof v === "number" && Number.isFinite(v) ? v : d;
  const change = options?.changeThreshold;
  return {
    alpha: num(options?.alpha, defaultHighlightThresholds.alpha),
    minBase: num(options?.minBase, defaultHighlightThresholds.minBase),
    ...(typeof change === "number" && Number.isFinite(change) && change >= 0
      ? { changeThreshold: change }
      : {}),
  };
}

/** Highlight thresholds the user can change; saved in the workbook's definitions. */
export interface HighlightSettings {
  /** Significance level for a change or rate test. @default 0.05 */
  significanceLevel: number;
  /** Base (denominator) below which a % change or rate is "unreliable: small numbers". @default 20 */
  minimumBase: number;
  /**
   * A significant % change at least this large (in percent, 20 = 20%) is flagged as notable;
   * null for no such flag (as the command line builds by default). @default null
   */
  changeThreshold: number | null;
}

export const defaultSettings: HighlightSettings = {
  significanceLevel: 0.05,
  minimumBase: 20,
  changeThreshold: null,
};
