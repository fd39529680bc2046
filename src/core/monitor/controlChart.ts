// XmR control charts for monthly indicators: the limits and the Making Data Count
// special-cause signals (src/core/stats/xmr), plus a per-month label that the
// monitoring sheet's formulas reproduce cell by cell.
import { spcSignals, SpcSignal } from "../stats/xmr";
import { parsePeriod, Period, periodLabel } from "./periods";
import type { ControlChart, ControlChartOptions, Indicator } from "./types";

export type { ControlChart, ControlChartOptions } from "./types";

export const CONTROL_CHART_DEFAULTS: Required<ControlChartOptions> = {
  xmrMinPoints: 15,
  xmrMaxPoints: 36,
};

/** The words the sheet and the CLI use for each signal. */
export const SIGNAL_TEXT = {
  outsideHigh: "above upper limit",
  outsideLow: "below lower limit",
  runHigh: "run above mean",
  runLow: "run below mean",
  trendHigh: "rising trend",
  trendLow: "falling trend",
  nearHigh: "2 of 3 near upper limit",
  nearLow: "2 of 3 near lower limit",
} as const;

/** Label order within a month's label. */
const LABEL_ORDER: (keyof typeof SIGNAL_TEXT)[] = [
  "outsideHigh",
  "outsideLow",
  "runHigh",
  "runLow",
  "trendHigh",
  "trendLow",
  "nearHigh",
  "nearLow",
];

/**
 * Labels per point. A point outside the limits is not also called "2 of 3": the
 * outside-limits label says more (and spcSignals drops 2-of-3 groups wholly outside).
 */
export function pointLabels(count: number, signals: SpcSignal[]): string[] {
  const sets = Array.from({ length: count }, () => new Set<keyof typeof SIGNAL_TEXT>());
  for (const s of signals) {
    const high = s.side === "high";
    const key =
      s.rule === "outside-limits"
        ? high
          ? "outsideHigh"
          : "outsideLow"
        : s.rule === "run"
          ? high
            ? "runHigh"
            : "runLow"
          : s.rule === "trend"
            ? high
              ? "trendHigh"
              : "trendLow"
            : high
              ? "nearHigh"
              : "nearLow";
    for (const i of s.points) sets[i]?.add(key);
  }
  return sets.map((set) => {
    if (set.has("outsideHigh") || set.has("outsideLow")) {
      set.delete("nearHigh");
      set.delete("nearLow");
    }
    return LABEL_ORDER.filter((k) => set.has(k))
      .map((k) => SIGNAL_TEXT[k])
      .join("; ");
  });
}

/**
 * The months a control chart covers: the unbroken run of actuals ending at the reporting
 * month, at most xmrMaxPoints long; null when the indicator is not a monthly flow or the
 * run is shorter than xmrMinPoints.
 */
export function controlChartPeriods(
  ind: Indicator,
  asOf: Period | null,
  opts: ControlChartOptions = {}
): Period[] | null {
  const { xmrMinPoints, xmrMaxPoints } = { ...CONTROL_CHART_DEFAULTS, ...opts };
  // Rolling-12-month levels overlap month to month, so their points are not independent.
  if (ind.periodKind !== "month" || ind.aggregation === "latest" || asOf === null) return null;
  const has = new Set<number>();
  ind.periods.forEach((label, i) => {
    const p = parsePeriod(label);
    if (p && ind.actuals[i] != null) has.add(p.index);
  });
  const out: Period[] = [];
  for (let m = asOf.index; has.has(m) && out.length < xmrMaxPoints; m--)
    out.unshift({ kind: "month", index: m });
  return out.length >= Math.max(2, xmrMinPoints) ? out : null;
}

/** Limits, signals and labels; `scale` as the sheet stores values (percentages as fractions). */
export function controlChartOf(
  ind: Indicator,
  asOf: Period | null,
  opts: ControlChartOptions = {},
  scale = 1
): ControlChart | null {
  const periods = controlChartPeriods(ind, asOf, opts);
  if (!periods) return null;
  const byIndex = new Map<number, number>();
  ind.periods.forEach((label, i) => {
    const p = parsePeriod(label);
    const v = ind.actuals[i];
    if (p && v != null) byIndex.set(p.index, v);
  });
  const values = periods.map((p) => byIndex.get(p.index)!);
  const shown = spcSignals(values);
  // Signals decided on the values as the sheet holds them, so sheet and core agree.
  const decided = scale === 1 ? shown : spcSignals(values.map((v) => v * scale));
  return {
    periods: periods.map(periodLabel),
    values,
    limits: shown.limits,
    signals: decided.signals,
    pointLabels: pointLabels(values.length, decided.signals),
  };
}
