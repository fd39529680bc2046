// The data grids below the indicator table: one per period kind, holding the actuals and
// targets every formula reads. Separate because where a grid starts is its own question.
import type { IndicatorPlan } from "../core/monitor/computeMonitoring";
import type { ControlChart } from "../core/monitor/controlChart";
import { parsePeriod, periodLabel, type PeriodKind } from "../core/monitor/periods";
import type { Indicator } from "../core/monitor/types";
import { VALUE_FMT, stored } from "./monitoringFormulas";
import type { Cells } from "./monitoringColumns";
import type { BlockSpec, CellSpec } from "./spec";

/** The grid of one period kind: columns from `first` for `count` periods. */
export interface Grid {
  kind: PeriodKind;
  first: number;
  count: number;
  col0: number;
  headerRow: number;
  /** Indicator index → [actual row, target row]. */
  rows: Map<number, [number, number]>;
}

/** The periods each indicator's formulas reach, so the grid starts early enough. */
export function neededIndices(
  ind: Indicator,
  plan: IndicatorPlan,
  chart: ControlChart | null
): number[] {
  const own = ind.periods.map((l) => parsePeriod(l)!.index);
  if (!plan.asOf) return own;
  const reached = [
    ...plan.fytd,
    ...plan.fytdPrevious,
    ...(plan.quarter?.periods ?? []),
    ...(plan.previousQuarter?.periods ?? []),
    ...(plan.yearAgoQuarter?.periods ?? []),
  ].map((p) => p.index);
  const charted = (chart?.periods ?? []).map((l) => parsePeriod(l)!.index);
  const start = Math.min(...reached, ...charted);
  return [...reached, ...charted, ...own.filter((i) => i >= start)];
}

/** The actuals and targets of the indicators of one period kind. */
export function gridBlock(
  grid: Grid,
  indicators: Indicator[],
  order: number[]
): { block: BlockSpec; rows: number } {
  const title =
    grid.kind === "quarter"
      ? "Quarterly actuals and targets (financial quarters: Q1 is April to June)"
      : "Monthly actuals and targets";
  const header: (CellSpec | null)[] = [
    { text: "Indicator", style: "header" },
    { text: "Figure", style: "header" },
  ];
  for (let i = 0; i < grid.count; i++)
    header[grid.col0 + i] = {
      text: periodLabel({ kind: grid.kind, index: grid.first + i }),
      style: "header",
    };
  const cells: Cells = [[{ text: title, style: "subtitle" }], header];
  for (const k of order) {
    const ind = indicators[k]!;
    const actual: (CellSpec | null)[] = [{ text: ind.name, style: "label" }, { text: "Actual" }];
    const target: (CellSpec | null)[] = [
      { text: ind.name, style: "hidden-data" },
      { text: "Target" },
    ];
    ind.periods.forEach((label, i) => {
      const col = grid.col0 + parsePeriod(label)!.index - grid.first;
      if (col < grid.col0) return; // before anything the formulas reach
      const fmt = VALUE_FMT[ind.unit];
      const a = ind.actuals[i];
      const t = ind.targets[i];
      if (a != null) actual[col] = { number: stored(a, ind.unit), numFmt: fmt };
      if (t != null) target[col] = { number: stored(t, ind.unit), numFmt: fmt };
    });
    cells.push(actual, target);
  }
  return { block: { row: grid.headerRow - 1, col: 0, cells }, rows: cells.length };
}
