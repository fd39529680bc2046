// Applies the corporate-performance rules to each indicator: financial year to date
// against the previous corresponding period, RAG against target and tolerance, and the
// direction of travel by quarter. The monitoring sheet's formulas repeat these rules
// cell by cell; layoutMonitoring follows the same plan (planIndicator) so both agree.
import {
  displayLabel,
  endMonth,
  fyStart,
  monthsOfQuarter,
  parsePeriod,
  Period,
  periodLabel,
  periodsPerYear,
  quarterOfMonth,
} from "./periods";
import { countRag, round9, roundHalfAway, summaryLine } from "./summariseRag";
import type {
  Direction,
  Indicator,
  IndicatorResult,
  MonitoringResult,
  MonitorOptions,
  Rag,
} from "./types";
import { MonitorInputError } from "./monitorErrors";
import { controlChartOf } from "./controlChart";

/** Which periods feed each figure of an indicator, decided once for the core and the sheet. */
export interface IndicatorPlan {
  asOf: Period | null;
  fytd: Period[];
  fytdPrevious: Period[];
  /** Periods making up the direction-of-travel quarter and its two comparisons. */
  quarter: { label: string; periods: Period[] } | null;
  previousQuarter: { label: string; periods: Period[] } | null;
  yearAgoQuarter: { label: string; periods: Period[] } | null;
}

/** +1 when lower is better (an increase is worse), −1 when higher is better. */
export function polaritySign(ind: Indicator): 1 | -1 {
  return ind.polarity === "lower-is-better" ? 1 : -1;
}

/** Decisions are taken on the values as the sheet holds them: percentages as fractions. */
export function sheetScale(ind: Indicator): number {
  return ind.unit === "percentage" ? 0.01 : 1;
}

/** Index → actual and target, for look-ups by period. */
function lookup(ind: Indicator): Map<number, { actual: number | null; target: number | null }> {
  const map = new Map<number, { actual: number | null; target: number | null }>();
  ind.periods.forEach((label, i) => {
    const p = parsePeriod(label);
    if (!p || p.kind !== ind.periodKind)
      throw new MonitorInputError(
        `Indicator "${ind.name}": period "${label}" is not a ${ind.periodKind}`
      );
    map.set(p.index, { actual: ind.actuals[i] ?? null, target: ind.targets[i] ?? null });
  });
  return map;
}

/**
 * The indicator's reporting period: its latest period ending by `asOf`, else the period its
 * source reports, else its latest actual.
 */
export function resolveAsOf(ind: Indicator, asOf: string | undefined): Period | null {
  if (asOf !== undefined) {
    const p = parsePeriod(asOf);
    if (!p)
      throw new MonitorInputError(
        `The reporting period "${asOf}" is neither a month (YYYY-MM) nor a quarter (2016-17 Q1)`
      );
    if (p.kind === ind.periodKind) return p;
    if (ind.periodKind === "month") return { kind: "month", index: endMonth(p) };
    const q = quarterOfMonth(p.index);
    return endMonth(q) > p.index ? { kind: "quarter", index: q.index - 1 } : q;
  }
  const reported = ind.reportingPeriod === undefined ? null : parsePeriod(ind.reportingPeriod);
  if (reported?.kind === ind.periodKind) return reported;
  let latest: Period | null = null;
  ind.periods.forEach((label, i) => {
    const p = parsePeriod(label);
    if (p && ind.actuals[i] != null && (latest === null || p.index > latest.index)) latest = p;
  });
  return latest;
}

const range = (from: Period, to: Period): Period[] =>
  Array.from({ length: Math.max(0, to.index - from.index + 1) }, (_, i) => ({
    kind: from.kind,
    index: from.index + i,
  }));

const shiftAll = (ps: Period[], delta: number): Period[] =>
  ps.map((p) => ({ kind: p.kind, index: p.index + delta }));

/** Decides which periods every figure uses. */
export function planIndicator(ind: Indicator, asOfOption?: string): IndicatorPlan {
  const asOf = resolveAsOf(ind, asOfOption);
  if (!asOf)
    return {
      asOf: null,
      fytd: [],
      fytdPrevious: [],
      quarter: null,
      previousQuarter: null,
      yearAgoQuarter: null,
    };
  const perYear = periodsPerYear(ind.periodKind);
  const fytd = ind.aggregation === "latest" ? [asOf] : range(fyStart(asOf), asOf);
  const fytdPrevious = shiftAll(fytd, -perYear);
  const single = (p: Period) => ({ label: periodLabel(p), periods: [p] });
  if (ind.periodKind === "quarter" || ind.aggregation === "latest") {
    // A rolling (latest) monthly figure is compared with its value 3 and 12 months before.
    const step = ind.periodKind === "quarter" ? 1 : 3;
    return {
      asOf,
      fytd,
      fytdPrevious,
      quarter: single(asOf),
      previousQuarter: single({ kind: asOf.kind, index: asOf.index - step }),
      yearAgoQuarter: single({ kind: asOf.kind, index: asOf.index - perYear }),
    };
  }
  // Monthly flows: the latest financial quarter that has ended by the reporting month.
  let q = quarterOfMonth(asOf.index);
  if (endMonth(q) > asOf.index) q = { kind: "quarter", index: q.index - 1 };
  const months = (quarter: Period) => ({
    label: periodLabel(quarter),
    periods: monthsOfQuarter(quarter).map((index) => ({ kind: "month" as const, index })),
  });
  return {
    asOf,
    fytd,
    fytdPrevious,
    quarter: months(q),
    previousQuarter: months({ kind: "quarter", index: q.index - 1 }),
    yearAgoQuarter: months({ kind: "quarter", index: q.index - 4 }),
  };
}

/** Sum, mean or last of the values; null when any is missing. */
export function aggregate(values: (number | null)[], how: Indicator["aggregation"]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const vs = values as number[];
  if (how === "latest") return vs[vs.length - 1]!;
  const sum = vs.reduce((a, b) => a + b, 0);
  return how === "sum" ? sum : sum / vs.length;
}

/** Describes a run of periods: "2016-17 Q1–Q2", "Apr 2016 – Sep 2016", "2016-17 Q3". */
export function describePeriods(ps: Period[]): string {
  if (ps.length === 0) return "n/a";
  const first = ps[0]!;
  const last = ps[ps.length - 1]!;
  if (ps.length === 1) return displayLabel(first);
  if (first.kind === "quarter") return `${periodLabel(first)}–Q${(last.index % 4) + 1}`;
  return `${displayLabel(first)} – ${displayLabel(last)}`;
}

interface Figures {
  fytdActual: number | null;
  fytdTarget: number | null;
  fytdPrevious: number | null;
  quarter: number | null;
  previousQuarter: number | null;
  yearAgo: number | null;
}

function figures(ind: Indicator, plan: IndicatorPlan, scale: number): Figures {
  const map = lookup(ind);
  const get = (ps: Period[] | undefined, field: "actual" | "target"): number | null => {
    if (!ps) return null;
    const vs = ps.map((p) => {
      const v = map.get(p.index)?.[field] ?? null;
      return v === null ? null : v * scale;
    });
    return aggregate(vs, ind.aggregation);
  };
  return {
    fytdActual: plan.asOf ? get(plan.fytd, "actual") : null,
    fytdTarget: plan.asOf ? get(plan.fytd, "target") : null,
    fytdPrevious: plan.asOf ? get(plan.fytdPrevious, "actual") : null,
    quarter: get(plan.quarter?.periods, "actual"),
    previousQuarter: get(plan.previousQuarter?.periods, "actual"),
    yearAgo: get(plan.yearAgoQuarter?.periods, "actual"),
  };
}

/** "▼ down, better", "▲ up, worse", "► no change": the movement and, by polarity, its judgement; n/a when either value is missing. */
export function directionOfTravel(
  current: number | null,
  previous: number | null,
  sign: 1 | -1
): Direction {
  if (current === null || previous === null) return "n/a";
  const moved = round9(current - previous);
  if (moved === 0) return "► no change";
  const judgement = sign * moved < 0 ? "better" : "worse";
  return moved > 0 ? `▲ up, ${judgement}` : `▼ down, ${judgement}`;
}

/** Green within tolerance (exactly at tolerance is Green); Amber improved or held; else Red. */
export function rateRag(
  actual: number | null,
  target: number | null,
  previous: number | null,
  sign: 1 | -1,
  tolerancePct: number
): Rag | null {
  if (actual === null || target === null) return null;
  const within =
    target === 0
      ? sign * (actual - target) <= 0
      : round9((sign * (actual - target)) / Math.abs(target)) <= round9(tolerancePct / 100);
  if (within) return "Green";
  if (previous !== null && round9(sign * (actual - previous)) <= 0) return "Amber";
  return "Red";
}

const fmt1 = (x: number) => roundHalfAway(x, 1).toFixed(1);

function explain(
  rag: Rag | null,
  r: Pick<IndicatorResult, "fytd" | "tolerancePct">,
  d: Figures,
  sign: 1 | -1
): string {
  const tol = `${r.tolerancePct}%`;
  if (rag === null)
    return d.fytdTarget === null
      ? "no target for the period"
      : "no actual figure for the whole financial year to date";
  // Percentages are compared in points, as a council report does (16.9% against 20.0%: 3.1 points).
  const points = r.fytd.offTargetPoints;
  const off = points ?? r.fytd.offTargetPct;
  const offText =
    off === null
      ? "off a target of 0"
      : points === 0
        ? "level with the target"
        : points !== null
          ? `${fmt1(Math.abs(points))} ${fmt1(Math.abs(points)) === "1.0" ? "point" : "points"} ${points > 0 ? "worse than" : "better than"} target`
          : `${fmt1(Math.abs(off))}% ${off > 0 ? "worse than" : "better than"} target`;
  if (rag === "Green")
    return off === null || off <= 0
      ? `on target (${offText})`
      : `within the ${tol} tolerance (${offText})`;
  if (rag === "Amber") {
    const held = round9(sign * ((d.fytdActual ?? 0) - (d.fytdPrevious ?? 0))) === 0;
    return `${offText}, more than the ${tol} tolerance, but ${held ? "held" : "improved"} against the previous corresponding period`;
  }
  return d.fytdPrevious === null
    ? `${offText}, more than the ${tol} tolerance, and no previous corresponding period to show improvement`
    : `${offText}, more than the ${tol} tolerance, and did not improve on the previous corresponding period`;
}

export function computeIndicator(ind: Indicator, opts: MonitorOptions = {}): IndicatorResult {
  const plan = planIndicator(ind, opts.asOf);
  const sign = polaritySign(ind);
  const shown = figures(ind, plan, 1);
  const scaled = figures(ind, plan, sheetScale(ind));
  const { fytdActual: a, fytdTarget: t, fytdPrevious: p } = shown;
  const fytd = {
    periods: plan.fytd.map(periodLabel),
    label: describePeriods(plan.fytd),
    previousPeriods: plan.fytdPrevious.map(periodLabel),
    previousLabel: describePeriods(plan.fytdPrevious),
    target: t,
    actual: a,
    previous: p,
    change: a !== null && p !== null ? a - p : null,
    changePct:
      ind.unit !== "percentage" && a !== null && p !== null && p !== 0
        ? ((a - p) / Math.abs(p)) * 100
        : null,
    offTargetPct:
      a !== null && t !== null && t !== 0 ? ((sign * (a - t)) / Math.abs(t)) * 100 : null,
    offTargetPoints:
      ind.unit === "percentage" && a !== null && t !== null ? round9(sign * (a - t)) : null,
  };
  const rag = rateRag(
    scaled.fytdActual,
    scaled.fytdTarget,
    scaled.fytdPrevious,
    sign,
    ind.tolerancePct
  );
  const base = { fytd, tolerancePct: ind.tolerancePct };
  return {
    name: ind.name,
    unit: ind.unit,
    polarity: ind.polarity,
    tolerancePct: ind.tolerancePct,
    periodKind: ind.periodKind,
    aggregation: ind.aggregation,
    asOf: plan.asOf ? periodLabel(plan.asOf) : null,
    fytd,
    rag,
    ragReason: explain(rag, base, scaled, sign),
    quarter: {
      label: plan.quarter?.label ?? null,
      value: shown.quarter,
      previousLabel: plan.previousQuarter?.label ?? null,
      previous: shown.previousQuarter,
      yearAgoLabel: plan.yearAgoQuarter?.label ?? null,
      yearAgo: shown.yearAgo,
    },
    dotShort: directionOfTravel(scaled.quarter, scaled.previousQuarter, sign),
    dotLong: directionOfTravel(scaled.quarter, scaled.yearAgo, sign),
    controlChart: controlChartOf(ind, plan.asOf, opts, sheetScale(ind)),
  };
}

/** Rates every indicator and writes the summary line. */
export function computeMonitoring(
  indicators: Indicator[],
  opts: MonitorOptions = {}
): MonitoringResult {
  const results = indicators.map((ind) => computeIndicator(ind, opts));
  const counts = countRag(results.map((r) => r.rag));
  return { indicators: results, counts, summary: summaryLine(counts) };
}
