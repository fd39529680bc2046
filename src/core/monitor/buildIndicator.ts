// Builds an Indicator from plain series (a Datastore borough's months, figures taken from
// crime tables, tests): checks the periods, sorts them and fills in the defaults.
import { MonitorInputError } from "./monitorErrors";
import { parsePeriod, periodLabel } from "./periods";
import { DEFAULT_TOLERANCE_PCT } from "./readIndicators";
import type { Aggregation, Indicator, IndicatorUnit, Polarity } from "./types";

export interface IndicatorInput {
  name: string;
  unit?: IndicatorUnit;
  polarity: Polarity;
  /** Month ("2016-04", "201604") or quarter ("2016-17 Q1") labels, one kind only. */
  periods: string[];
  actuals: (number | null)[];
  /** One target for every period, or a target per period (aligned with periods). */
  target?: number | null | (number | null)[];
  /** @default 10 */
  tolerancePct?: number;
  /** @default "average" for percentages, else "sum" */
  aggregation?: Aggregation;
  source?: string;
  /** The period the source reports, figure or not (see Indicator.reportingPeriod). */
  reportingPeriod?: string;
}

export function buildIndicator(input: IndicatorInput): Indicator {
  const unit = input.unit ?? "count";
  if (input.actuals.length !== input.periods.length) {
    throw new MonitorInputError(
      `Indicator "${input.name}": ${input.periods.length} periods but ${input.actuals.length} actuals`
    );
  }
  const targets = Array.isArray(input.target)
    ? input.target
    : input.periods.map(() => (input.target as number | null | undefined) ?? null);
  if (targets.length !== input.periods.length) {
    throw new MonitorInputError(
      `Indicator "${input.name}": ${input.periods.length} periods but ${targets.length} targets`
    );
  }
  const tolerancePct = input.tolerancePct ?? DEFAULT_TOLERANCE_PCT;
  if (!(tolerancePct >= 0))
    throw new MonitorInputError(
      `Indicator "${input.name}": tolerance ${tolerancePct} is not a percentage of at least 0`
    );
  const rows = input.periods.map((label, i) => {
    const p = parsePeriod(label);
    if (!p)
      throw new MonitorInputError(
        `Indicator "${input.name}": "${label}" is not a month (YYYY-MM) or quarter (2016-17 Q1)`
      );
    return { p, actual: input.actuals[i] ?? null, target: targets[i] ?? null };
  });
  const kind = rows[0]?.p.kind ?? "month";
  if (rows.some((r) => r.p.kind !== kind))
    throw new MonitorInputError(`Indicator "${input.name}": mixes months and quarters`);
  rows.sort((a, b) => a.p.index - b.p.index);
  rows.forEach((r, i) => {
    if (i > 0 && rows[i - 1]!.p.index === r.p.index)
      throw new MonitorInputError(`Indicator "${input.name}": period ${periodLabel(r.p)} repeats`);
  });
  return {
    name: input.name,
    unit,
    polarity: input.polarity,
    tolerancePct,
    periodKind: kind,
    periods: rows.map((r) => periodLabel(r.p)),
    actuals: rows.map((r) => r.actual),
    targets: rows.map((r) => r.target),
    aggregation: input.aggregation ?? (unit === "percentage" ? "average" : "sum"),
    source: input.source,
    ...(input.reportingPeriod === undefined ? {} : { reportingPeriod: input.reportingPeriod }),
  };
}
