// Every anomaly message, in plain English an analyst can quote in a committee paper.
// Percentages from counts are rounded from the exact ratio, halves away from zero, as
// the published tables are (so 12.25% reads 12.3%, never 12.2%).
import type {
  FunnelLimits,
  FunnelModel,
  FunnelPosition,
  Interval,
  PoissonChangeResult,
  TwoProportionResult,
} from "../stats";

/** 9495 -> "9,495"; non-integers keep one decimal. */
export function formatNumber(n: number): string {
  // Most figures in sentences are small counts: no separators to place.
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  const text = Number.isInteger(n) ? String(Math.abs(n)) : Math.abs(n).toFixed(1);
  const [whole, frac] = text.split(".");
  const grouped = (whole ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (n < 0 ? "-" : "") + grouped + (frac ? "." + frac : "");
}

/** num / den × 100 to one decimal, halves away from zero, using integer arithmetic where both are whole. */
export function percentOf(num: number, den: number): string {
  if (
    Number.isInteger(num) &&
    Number.isInteger(den) &&
    Math.abs(num) * 2000 < Number.MAX_SAFE_INTEGER
  ) {
    const tenths = Math.floor((2000 * Math.abs(num) + den) / (2 * den));
    const sign = num < 0 && tenths !== 0 ? "-" : "";
    return `${sign}${formatNumber(Math.floor(tenths / 10))}.${tenths % 10}%`;
  }
  return `${formatNumber(Number(((num / den) * 100).toFixed(1)))}%`;
}

/** A proportion (0..1) as a percentage to one decimal: 0.1234 -> "12.3%". */
export function proportionText(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

/** "+30.0%" / "-16.7%"; null when the previous figure is 0. */
export function changeText(previous: number, current: number): string | null {
  if (previous === 0) return null;
  const text = percentOf(current - previous, previous);
  return current > previous ? `+${text}` : text;
}

/** 0.05 -> "5%". */
export function alphaText(alpha: number): string {
  return `${Number((alpha * 100).toPrecision(6))}%`;
}

/** "p = 0.056", "p = 0.0041", "p < 0.001"; never rounded across `alpha` (0.04996 reads 0.04996, not 0.050). */
export function pText(p: number, alpha?: number): string {
  if (p < 0.001) return "p < 0.001";
  const text = p < 0.01 ? p.toFixed(4) : p.toFixed(3);
  if (alpha !== undefined && Number(text) < alpha !== p < alpha)
    return `p = ${Number(p.toPrecision(4))}`;
  return `p = ${text}`;
}

/** How often chance alone gives a result this extreme: "about 6 times in 100". */
export function chanceText(p: number): string {
  if (p < 0.001) return "less than 1 time in 1,000";
  if (p >= 0.995) return "almost every time";
  const [count, per] = p < 0.01 ? [Math.round(p * 1000), "1,000"] : [Math.round(p * 100), "100"];
  return `about ${count} ${count === 1 ? "time" : "times"} in ${per}`;
}

function verdict(p: number, alpha: number, subject: string): string {
  return `so ${subject} ${p < alpha ? "is" : "is not"} significant at the ${alphaText(alpha)} level`;
}

function withUnit(n: number, unit: string): string {
  if (!unit) return formatNumber(n);
  return `${formatNumber(n)} ${n === 1 ? unit.replace(/s$/, "") : unit}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Offences rose from 100 to 130 (+30.0%); a rise this large would happen by chance about 6 times in 100 (p = 0.056), so it is not significant at the 5% level." */
export function countChangeSentence(
  subject: string,
  t: PoissonChangeResult,
  alpha: number,
  verdictSubject = "it"
): string {
  if (t.direction === "none")
    return `${capitalise(subject)} did not change (${formatNumber(t.current)} in both periods).`;
  const verb = t.direction === "increase" ? "rose" : "fell";
  const change = changeText(t.previous, t.current);
  const noun = t.direction === "increase" ? "rise" : "fall";
  return (
    `${capitalise(subject)} ${verb} from ${formatNumber(t.previous)} to ${formatNumber(t.current)}${change ? ` (${change})` : ""}; ` +
    `a ${noun} this large would happen by chance ${chanceText(t.pValue)} (${pText(t.pValue, alpha)}), ${verdict(t.pValue, alpha, verdictSubject)}.`
  );
}

/** How a single area's change was tested: deflated by its group's φ, or Poisson only. */
export function changeModelSentence(t: PoissonChangeResult): string {
  return t.dispersion > 1
    ? ` Tested on the counts divided by ${dispersionText(t.dispersion)}, the overdispersion φ of this measure's changes across the comparison group, so usual year-to-year variation is not read as a change.`
    : " Poisson only: no comparison group of 10 or more areas shows how much this count varies beyond chance.";
}

/** The significant-increase / significant-decrease message. */
export function significantChangeMessage(
  label: string,
  subject: string,
  t: PoissonChangeResult,
  alpha: number
): string {
  return `${label}: ${countChangeSentence(subject, t, alpha)}${changeModelSentence(t)}`;
}

/** The small-base message for a % change, still reporting the count test. */
export function smallBaseChangeMessage(
  label: string,
  subject: string,
  unit: string,
  t: PoissonChangeResult,
  alpha: number,
  minBase: number
): string {
  const change = changeText(t.previous, t.current);
  const what = change
    ? `The change of ${change}`
    : "The percentage change (undefined: the previous figure is 0)";
  const noun = t.direction === "increase" ? "rise" : t.direction === "decrease" ? "fall" : "change";
  return (
    `${label}: ${what} is unreliable: small numbers (${withUnit(t.previous, unit)} in the previous period, ` +
    `below the minimum base of ${formatNumber(minBase)}), so it should not be read as a trend. ` +
    countChangeSentence(subject, t, alpha, `the ${noun} itself`)
  );
}

function rateWithInterval(x: number, n: number, ci: Interval, confidence: number): string {
  return `${percentOf(x, n)} (${formatNumber(x)} of ${formatNumber(n)}; ${alphaText(confidence)} CI ${proportionText(ci.lower)} to ${proportionText(ci.upper)})`;
}

export interface RateChangeFacts {
  label: string;
  rateName: string;
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  ci1: Interval;
  ci2: Interval;
  confidence: number;
  test: TwoProportionResult;
}

function rateChangeSentence(f: RateChangeFacts, alpha: number, verdictSubject = "it"): string {
  const { test } = f;
  // Exact difference of the two ratios, rounded like the published rates.
  const points = percentOf(Math.abs(f.x2 * f.n1 - f.x1 * f.n2), f.n1 * f.n2).slice(0, -1);
  const from = rateWithInterval(f.x1, f.n1, f.ci1, f.confidence);
  const to = rateWithInterval(f.x2, f.n2, f.ci2, f.confidence);
  if (test.p1 === test.p2) return `The ${f.rateName} was ${from} and then ${to}: no change.`;
  const rose = test.p2 > test.p1;
  const method = test.method === "fisher" ? ", Fisher's exact test" : "";
  return (
    `The ${f.rateName} ${rose ? "rose" : "fell"} from ${from} to ${to}, ${points} percentage points ${rose ? "higher" : "lower"}; ` +
    `a ${rose ? "rise" : "fall"} this large would happen by chance ${chanceText(test.pValue)} (${pText(test.pValue, alpha)}${method}), ${verdict(test.pValue, alpha, verdictSubject)}.`
  );
}

/** The rate-drop / rate-rise message. */
export function rateChangeMessage(f: RateChangeFacts, alpha: number): string {
  return `${f.label}: ${rateChangeSentence(f, alpha)}`;
}

/** The small-base message for a rate. */
export function smallBaseRateMessage(
  f: RateChangeFacts,
  alpha: number,
  minBase: number,
  unit: string
): string {
  const base = Math.min(f.n1, f.n2);
  const which = f.n1 <= f.n2 ? "previous" : "current";
  return (
    `${f.label}: the ${f.rateName} is unreliable: small numbers (${withUnit(base, unit)} in the ${which} period, ` +
    `below the minimum base of ${formatNumber(minBase)}), so its change should not be read as a trend. ` +
    rateChangeSentence(f, alpha, "the change itself")
  );
}

function positionText(
  position: FunnelPosition,
  limits: FunnelLimits,
  format: (v: number) => string
): string {
  switch (position) {
    case "above-99.8":
      return `above the upper 99.8% funnel limit (${format(limits.upper998)})`;
    case "above-95":
      return `above the upper 95% funnel limit (${format(limits.upper95)}) but within the 99.8% limit (${format(limits.upper998)})`;
    case "below-99.8":
      return `below the lower 99.8% funnel limit (${format(limits.lower998)})`;
    case "below-95":
      return `below the lower 95% funnel limit (${format(limits.lower95)}) but within the 99.8% limit (${format(limits.lower998)})`;
    default:
      return `within the funnel limits (${format(limits.lower95)} to ${format(limits.upper95)} at 95%)`;
  }
}

/** 4.6123 -> "4.61": a dispersion as the sheets show it. */
export function dispersionText(phi: number): string {
  return phi.toFixed(2);
}

/**
 * The comparison's model in words: the limits' allowance for variation between areas
 * beyond chance (φ, τ), or why they are Poisson (binomial) limits.
 */
export function modelSentence(m: FunnelModel | undefined, exact: "Poisson" | "binomial"): string {
  if (!m) return "";
  const phi = m.dispersion && Number.isFinite(m.dispersion.phi) ? m.dispersion.phi : null;
  switch (m.model) {
    case "additive":
      return (
        ` Limits allow for the usual variation between areas beyond chance (overdispersion φ = ${dispersionText(phi ?? NaN)}; ` +
        `additive random effects, τ = ${Math.sqrt(m.dispersion?.tau2 ?? 0).toFixed(3)} on the square-root scale).`
      );
    case "multiplicative":
      return ` Limits are widened by the group's overdispersion φ = ${dispersionText(phi ?? NaN)} (multiplicative).`;
    default:
      return ` Exact ${exact} limits${m.reason ? `: ${m.reason}` : ""}.`;
  }
}

/** "chance" or, when the limits allow for overdispersion, chance and the usual variation between areas. */
function explained(m: FunnelModel | undefined): string {
  return m && m.model !== "poisson" ? "chance and the usual variation between areas" : "chance";
}

export interface GroupChangeFacts {
  area: string;
  label: string;
  subject: string;
  previous: number;
  current: number;
  groupPrevious: number;
  groupCurrent: number;
  areas: number;
  expected: number;
  limits: FunnelLimits;
  position: FunnelPosition;
  pValue: number;
  /** The funnel's model (absent: exact Poisson, said nothing of). */
  model?: FunnelModel;
}

/** group-outlier-high / -low for a change in a count. */
export function groupChangeMessage(f: GroupChangeFacts): string {
  const own = changeText(f.previous, f.current) ?? "undefined";
  const group = changeText(f.groupPrevious, f.groupCurrent) ?? "undefined";
  const higher = f.position.startsWith("above");
  const round = (v: number) => formatNumber(Math.round(v));
  return (
    `${f.label}, ${f.area}: ${f.subject} changed by ${own} (${formatNumber(f.previous)} to ${formatNumber(f.current)}) against ${group} for the ` +
    `${f.areas} areas together (${formatNumber(f.groupPrevious)} to ${formatNumber(f.groupCurrent)}, from summed counts). ` +
    `Changing as the group did would give about ${round(f.expected)}; ${formatNumber(f.current)} is ${positionText(f.position, f.limits, round)}, ` +
    `so its change is ${higher ? "higher" : "lower"} than the group's by more than ${explained(f.model)} would explain (${pText(f.pValue)}).` +
    modelSentence(f.model, "Poisson")
  );
}

export interface GroupRateFacts {
  area: string;
  label: string;
  rateName: string;
  successes: number;
  n: number;
  groupSuccesses: number;
  groupN: number;
  areas: number;
  limits: FunnelLimits;
  position: FunnelPosition;
  pValue: number;
  /** The funnel's model (absent: exact binomial, said nothing of). */
  model?: FunnelModel;
}

/** group-outlier-high / -low for a rate. */
export function groupRateMessage(f: GroupRateFacts): string {
  const higher = f.position.startsWith("above");
  return (
    `${f.label}, ${f.area}: the ${f.rateName} of ${percentOf(f.successes, f.n)} (${formatNumber(f.successes)} of ${formatNumber(f.n)}) is ` +
    `${positionText(f.position, f.limits, proportionText)} around ${percentOf(f.groupSuccesses, f.groupN)} for the ${f.areas} areas together ` +
    `(${formatNumber(f.groupSuccesses)} of ${formatNumber(f.groupN)}, from summed counts), so it is ${higher ? "higher" : "lower"} than the group's by more than ${explained(f.model)} would explain (${pText(f.pValue)}).` +
    modelSentence(f.model, "binomial")
  );
}

export interface SeriesSignalFacts {
  area: string;
  measure: string;
  rule: "outside-limits" | "run" | "trend" | "two-of-three";
  side: "high" | "low";
  higherIsBetter: boolean;
  /** Periods and values of the signal's points, in order. */
  periods: string[];
  values: number[];
  /** The whole span (first to last period) the signal covers. */
  firstPeriod: string;
  lastPeriod: string;
  span: number;
  mean: number;
  limit: number;
  near: number;
}

/** "2023-05" stays; a full date reads "the period ending 2012-03-31". */
function periodPhrase(period: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(period) ? `the period ending ${period}` : period;
}

/** spc-* messages: what happened, and whether it is an improvement or a concern for this measure. */
export function seriesMessage(f: SeriesSignalFacts): string {
  const improvement = (f.side === "high") === f.higherIsBetter;
  const cause = `a special cause of ${improvement ? "improvement" : "concern"} (${f.higherIsBetter ? "higher" : "lower"} is better)`;
  const upper = f.side === "high";
  const head = `${f.measure}, ${f.area}:`;
  const n = formatNumber;
  switch (f.rule) {
    case "outside-limits":
      return `${head} ${n(f.values[0] ?? NaN)} in ${periodPhrase(f.firstPeriod)} is ${upper ? "above the upper" : "below the lower"} process limit (${n(f.limit)}; mean ${n(f.mean)}): ${cause}.`;
    case "run":
      return `${head} ${f.span} points in a row, ${f.firstPeriod} to ${f.lastPeriod}, were ${upper ? "above" : "below"} the mean (${n(f.mean)}): a shift, ${cause}.`;
    case "trend":
      return (
        `${head} ${f.span} points in a row, ${f.firstPeriod} to ${f.lastPeriod}, each ${upper ? "higher" : "lower"} than the one before ` +
        `(${n(f.values[0] ?? NaN)} to ${n(f.values[f.values.length - 1] ?? NaN)}): a trend, ${cause}.`
      );
    case "two-of-three":
      return (
        `${head} at least 2 of 3 points in a row between ${f.firstPeriod} and ${f.lastPeriod} (${f.periods.map((p, i) => `${p}: ${n(f.values[i] ?? NaN)}`).join(", ")}) ` +
        `were more than two thirds of the way from the mean (${n(f.mean)}) to the ${upper ? "upper" : "lower"} process limit (${n(f.limit)}), ` +
        `that is ${upper ? "above" : "below"} ${n(f.near)}: ${cause}.`
      );
  }
}
