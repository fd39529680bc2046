// XmR (individuals and moving range) chart limits and the special-cause rules of NHS
// England's "Making Data Count": a point outside the limits; a run of 7 on one side of
// the mean; a trend of 7 rising or falling; 2 of 3 points in a row on one side of the
// mean lying between two thirds of the way to a limit and the limit (as NHSRplotthedots
// counts them: points outside the limits are not "close to" them).
import { StatsInputError } from "./statsInputError";

/** The XmR scaling constant: 3 / d2 with d2 = 1.128 for moving ranges of 2 points. */
export const XMR_CONSTANT = 2.66;

/**
 * Moving ranges at least this many times their average are left out of it when outliers
 * are screened (3.267 = D4, the upper limit of a moving-range chart), as NHSRplotthedots'
 * screen_outliers does.
 */
export const MR_SCREEN = 3.267;

export interface XmrLimits {
  mean: number;
  /** Mean of |x[i] - x[i-1]| over the baseline. */
  averageMovingRange: number;
  /** mean + 2.66 × average moving range */
  upper: number;
  /** mean - 2.66 × average moving range (may be below 0 for counts; not clamped) */
  lower: number;
  /** Two thirds of the way from the mean to each limit: the start of the outer third. */
  upperNear: number;
  lowerNear: number;
  /** Points the limits were computed from (the first `baselinePoints`, or all). */
  baselinePoints: number;
  /** Moving ranges left out of the average by outlier screening (0 without it). */
  screenedRanges: number;
}

/**
 * XmR limits from `values` (in time order). With `baselinePoints`, the limits are fixed
 * from the first that many points, as Making Data Count does when a process is rebased.
 * With `screenOutliers`, moving ranges of MR_SCREEN times their average or more (a single
 * wild month) are left out of the average moving range.
 */
export function xmr(
  values: readonly number[],
  baselinePoints: number = values.length,
  screenOutliers = false
): XmrLimits {
  if (values.some((v) => !Number.isFinite(v)))
    throw new StatsInputError("XmR values must be finite numbers");
  if (!Number.isInteger(baselinePoints) || baselinePoints < 2 || baselinePoints > values.length) {
    throw new StatsInputError(
      `XmR needs a baseline of 2 to ${values.length} points (got ${baselinePoints})`
    );
  }
  const base = values.slice(0, baselinePoints);
  const mean = base.reduce((s, v) => s + v, 0) / base.length;
  const ranges: number[] = [];
  for (let i = 1; i < base.length; i++)
    ranges.push(Math.abs((base[i] as number) - (base[i - 1] as number)));
  const average = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
  const all = average(ranges);
  const kept = screenOutliers ? ranges.filter((r) => r < MR_SCREEN * all) : ranges;
  const averageMovingRange = kept.length > 0 ? average(kept) : all;
  const spread = XMR_CONSTANT * averageMovingRange;
  return {
    mean,
    averageMovingRange,
    upper: mean + spread,
    lower: mean - spread,
    upperNear: mean + (2 / 3) * spread,
    lowerNear: mean - (2 / 3) * spread,
    baselinePoints,
    screenedRanges: kept.length > 0 ? ranges.length - kept.length : 0,
  };
}

export type SpcRule = "outside-limits" | "run" | "trend" | "two-of-three";

export interface SpcSignal {
  rule: SpcRule;
  /** "high": above the limit or mean, or rising; "low": below, or falling. */
  side: "high" | "low";
  /** First and last index of the points that make the signal (inclusive). */
  start: number;
  end: number;
  /** Indexes of the special-cause points. */
  points: number[];
}

export interface SpcOptions {
  /** Points in a row on one side of the mean that make a shift. @default 7 */
  runLength?: number;
  /** Points in a row each higher (or each lower) than the last that make a trend. @default 7 */
  trendLength?: number;
  /** Compute the limits from the first this many points only. @default all points */
  baselinePoints?: number;
  /** Leave wild moving ranges out of the limits (NHSRplotthedots' screen_outliers). @default false */
  screenOutliers?: boolean;
}

/**
 * The special-cause signals in a series. Points exactly on the mean break a run and
 * equal neighbours break a trend (as NHSRplotthedots counts them). A run or trend longer
 * than the minimum is one signal covering all its points; overlapping 2-of-3 windows on
 * one side merge into one signal.
 */
export function spcSignals(
  values: readonly number[],
  opts: SpcOptions = {}
): { limits: XmrLimits; signals: SpcSignal[] } {
  const runLength = opts.runLength ?? 7;
  const trendLength = opts.trendLength ?? 7;
  for (const [v, what] of [
    [runLength, "runLength"],
    [trendLength, "trendLength"],
  ] as const) {
    if (!Number.isInteger(v) || v < 2)
      throw new StatsInputError(`${what} must be a whole number of at least 2 (got ${v})`);
  }
  const limits = xmr(values, opts.baselinePoints ?? values.length, opts.screenOutliers ?? false);
  const signals: SpcSignal[] = [
    ...outsideLimits(values, limits),
    ...runs(
      values.map((v) => Math.sign(v - limits.mean)),
      runLength,
      "run"
    ),
    ...runs(steps(values), trendLength - 1, "trend"),
    ...twoOfThree(values, limits),
  ];
  signals.sort((a, b) => a.start - b.start || a.end - b.end);
  return { limits, signals };
}

function outsideLimits(values: readonly number[], limits: XmrLimits): SpcSignal[] {
  const out: SpcSignal[] = [];
  values.forEach((v, i) => {
    if (v > limits.upper)
      out.push({ rule: "outside-limits", side: "high", start: i, end: i, points: [i] });
    else if (v < limits.lower)
      out.push({ rule: "outside-limits", side: "low", start: i, end: i, points: [i] });
  });
  return out;
}

/** Sign of each step: steps[i] compares values[i + 1] with values[i]. */
function steps(values: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length; i++)
    out.push(Math.sign((values[i] as number) - (values[i - 1] as number)));
  return out;
}

/**
 * Maximal runs of equal non-zero signs at least `min` long. For "trend" the signs are
 * steps, so a run of k steps covers points i .. i + k.
 */
function runs(signs: number[], min: number, rule: "run" | "trend"): SpcSignal[] {
  const out: SpcSignal[] = [];
  let i = 0;
  while (i < signs.length) {
    const s = signs[i] as number;
    let j = i;
    while (j + 1 < signs.length && signs[j + 1] === s) j++;
    if (s !== 0 && j - i + 1 >= min) {
      const start = i;
      const end = rule === "trend" ? j + 1 : j;
      const points: number[] = [];
      for (let k = start; k <= end; k++) points.push(k);
      out.push({ rule, side: s > 0 ? "high" : "low", start, end, points });
    }
    i = j + 1;
  }
  return out;
}

/**
 * Where each point is "close to" a limit (NHSRplotthedots' close_to_limits): 1 between the
 * upper two-thirds line and the upper limit, -1 likewise below, 0 elsewhere (outside too).
 */
function closeToLimits(values: readonly number[], limits: XmrLimits): number[] {
  return values.map((v) =>
    v > limits.upper || v < limits.lower
      ? 0
      : v > limits.upperNear
        ? 1
        : v < limits.lowerNear
          ? -1
          : 0
  );
}

/**
 * 2 of 3: three points in a row on one side of the mean, at least two of them close to
 * that side's limit; the close points are the signal's. Overlapping windows merge.
 */
function twoOfThree(values: readonly number[], limits: XmrLimits): SpcSignal[] {
  const out: SpcSignal[] = [];
  const close = closeToLimits(values, limits);
  const sideOf = values.map((v) => Math.sign(v - limits.mean));
  for (const [side, s] of [
    ["high", 1],
    ["low", -1],
  ] as const) {
    let current: number[] | null = null;
    let windowEnd = -1;
    const flush = () => {
      if (current)
        out.push({
          rule: "two-of-three",
          side,
          start: current[0] as number,
          end: current[current.length - 1] as number,
          points: current,
        });
      current = null;
    };
    for (let i = 0; i + 2 < values.length; i++) {
      const window = [i, i + 1, i + 2];
      if (!window.every((k) => sideOf[k] === s)) continue;
      const inWindow = window.filter((k) => close[k] === s);
      if (inWindow.length < 2) continue;
      if (current && i > windowEnd) flush();
      const merged: number[] = current ?? [];
      for (const k of inWindow) if (!merged.includes(k)) merged.push(k);
      merged.sort((a, b) => a - b);
      current = merged;
      windowEnd = i + 2;
    }
    flush();
  }
  return out;
}
