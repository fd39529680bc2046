// XmR (individuals and moving range) chart limits and the special-cause rules of NHS
// England's "Making Data Count": a point outside the limits; a run of 7 on one side of
// the mean; a trend of 7 rising or falling; 2 of 3 points beyond two thirds of the way
// to a limit on one side.
import { StatsInputError } from "./statsInputError";

/** The XmR scaling constant: 3 / d2 with d2 = 1.128 for moving ranges of 2 points. */
export const XMR_CONSTANT = 2.66;

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
}

/**
 * XmR limits from `values` (in time order). With `baselinePoints`, the limits are fixed
 * from the first that many points, as Making Data Count does when a process is rebased.
 */
export function xmr(values: readonly number[], baselinePoints: number = values.length): XmrLimits {
  if (values.some((v) => !Number.isFinite(v)))
    throw new StatsInputError("XmR values must be finite numbers");
  if (!Number.isInteger(baselinePoints) || baselinePoints < 2 || baselinePoints > values.length) {
    throw new StatsInputError(
      `XmR needs a baseline of 2 to ${values.length} points (got ${baselinePoints})`
    );
  }
  const base = values.slice(0, baselinePoints);
  const mean = base.reduce((s, v) => s + v, 0) / base.length;
  let rangeSum = 0;
  for (let i = 1; i < base.length; i++)
    rangeSum += Math.abs((base[i] as number) - (base[i - 1] as number));
  const averageMovingRange = rangeSum / (base.length - 1);
  const spread = XMR_CONSTANT * averageMovingRange;
  return {
    mean,
    averageMovingRange,
    upper: mean + spread,
    lower: mean - spread,
    upperNear: mean + (2 / 3) * spread,
    lowerNear: mean - (2 / 3) * spread,
    baselinePoints,
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
}

/**
 * The special-cause signals in a series. Points exactly on the mean break a run and
 * equal neighbours break a trend (as NHSRplotthedots counts them). A run or trend longer
 * than the minimum is one signal covering all its points; overlapping 2-of-3 windows on
 * one side merge into one signal, which is dropped when all its points are already
 * outside the limits (the outside-limits signals say it already).
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
  const limits = xmr(values, opts.baselinePoints ?? values.length);
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

function twoOfThree(values: readonly number[], limits: XmrLimits): SpcSignal[] {
  const out: SpcSignal[] = [];
  for (const side of ["high", "low"] as const) {
    const beyond = values.map((v) =>
      side === "high" ? v > limits.upperNear : v < limits.lowerNear
    );
    const outside = values.map((v) => (side === "high" ? v > limits.upper : v < limits.lower));
    let current: number[] | null = null;
    let windowEnd = -1;
    const flush = () => {
      if (current && current.some((i) => !outside[i])) {
        out.push({
          rule: "two-of-three",
          side,
          start: current[0] as number,
          end: current[current.length - 1] as number,
          points: current,
        });
      }
      current = null;
    };
    for (let i = 0; i + 2 < values.length; i++) {
      const inWindow = [i, i + 1, i + 2].filter((k) => beyond[k]);
      if (inWindow.length < 2) continue;
      if (current && i > windowEnd) flush();
      const merged: number[] = current ?? [];
      for (const k of inWindow) if (!merged.includes(k)) merged.push(k);
      current = merged;
      windowEnd = i + 2;
    }
    flush();
  }
  return out;
}
