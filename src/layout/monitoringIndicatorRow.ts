// One row of the monitoring sheet's indicator table: its inputs and the formulas on them.
// The widest piece of the sheet, kept apart from the sheet's overall arrangement.
import type { IndicatorPlan } from "../core/monitor/computeMonitoring";
import type { Period } from "../core/monitor/periods";
import type { Indicator, IndicatorResult } from "../core/monitor/types";
import { a1, abs } from "./a1";
import { MONITOR_COLUMNS, POLARITY_TEXT } from "./monitoringColumns";
import {
  CHANGE_FMT,
  NA,
  SIGNED_PCT,
  VALUE_FMT,
  aggregateFormula,
  dotFormula,
  num,
  ragFormula,
  toleranceFormat,
} from "./monitoringFormulas";
import type { Grid } from "./monitoringGrid";
import type { CellSpec } from "./spec";

const C = MONITOR_COLUMNS;

/** The indicator-table row of one indicator. */
export function indicatorRow(
  ind: Indicator,
  r: IndicatorResult,
  plan: IndicatorPlan,
  row: number,
  grid: Grid | undefined,
  gridRows: [number, number] | undefined
): (CellSpec | null)[] {
  const cells: (CellSpec | null)[] = [];
  const ref = (col: number) => a1(row, col);
  const vf = VALUE_FMT[ind.unit];
  cells[C.name] = { text: ind.name, style: "label" };
  cells[C.unit] = { text: ind.unit };
  cells[C.polarity] = {
    text: POLARITY_TEXT[ind.polarity],
    note: 'Type "lower is better" or "higher is better"',
  };
  cells[C.tolerance] = {
    number: ind.tolerancePct / 100,
    numFmt: toleranceFormat(ind.tolerancePct),
  };
  cells[C.sign] = {
    formula: `IF(ISNUMBER(SEARCH("higher",${ref(C.polarity)})),-1,1)`,
    style: "hidden-data",
  };
  if (!plan.asOf || !grid || !gridRows) {
    for (const col of [
      C.asOf,
      C.fytdLabel,
      C.fytdTarget,
      C.fytdActual,
      C.fytdPrevious,
      C.change,
      C.changePct,
      C.offTarget,
      C.rag,
      C.quarter,
      C.quarterValue,
      C.previousQuarter,
      C.yearAgo,
      C.dotShort,
      C.dotLong,
    ]) {
      cells[col] = { text: "n/a" };
    }
    cells[C.rag] = { text: "n/a", note: "No actual figures" };
    return cells;
  }
  const [aRow, tRow] = gridRows;
  const colsOf = (ps: Period[]) => ps.map((p) => grid.col0 + p.index - grid.first);
  const sign = abs(row, C.sign);
  const A = ref(C.fytdActual);
  const T = ref(C.fytdTarget);
  const P = ref(C.fytdPrevious);
  cells[C.asOf] = { text: r.asOf ?? "n/a" };
  cells[C.fytdLabel] = { text: r.fytd.label };
  cells[C.fytdTarget] = {
    formula: aggregateFormula(tRow, colsOf(plan.fytd), ind.aggregation),
    numFmt: vf,
  };
  cells[C.fytdActual] = {
    formula: aggregateFormula(aRow, colsOf(plan.fytd), ind.aggregation),
    numFmt: vf,
  };
  cells[C.fytdPrevious] = {
    formula: aggregateFormula(aRow, colsOf(plan.fytdPrevious), ind.aggregation),
    numFmt: vf,
    note: r.fytd.previousLabel,
  };
  const diff = ind.unit === "percentage" ? `(${A}-${P})*100` : `${A}-${P}`;
  cells[C.change] = {
    formula: `IF(AND(${num(A)},${num(P)}),${diff},${NA})`,
    numFmt: CHANGE_FMT[ind.unit],
  };
  cells[C.changePct] =
    ind.unit === "percentage"
      ? { text: "n/a", note: "A percentage's change is in percentage points (Change)" }
      : {
          formula: `IF(AND(${num(A)},${num(P)}),IF(${P}=0,${NA},(${A}-${P})/ABS(${P})),${NA})`,
          numFmt: SIGNED_PCT,
        };
  cells[C.offTarget] = {
    formula: `IF(AND(${num(A)},${num(T)}),IF(${T}=0,${NA},${sign}*(${A}-${T})/ABS(${T})),${NA})`,
    numFmt: SIGNED_PCT,
  };
  cells[C.rag] = { formula: ragFormula(A, T, P, sign, abs(row, C.tolerance)) };
  cells[C.quarter] = { text: plan.quarter?.label ?? "n/a" };
  const quarterCell = (q: IndicatorPlan["quarter"]): CellSpec =>
    q
      ? {
          formula: aggregateFormula(aRow, colsOf(q.periods), ind.aggregation),
          numFmt: vf,
          note: q.label,
        }
      : { text: "n/a" };
  cells[C.quarterValue] = quarterCell(plan.quarter);
  cells[C.previousQuarter] = quarterCell(plan.previousQuarter);
  cells[C.yearAgo] = quarterCell(plan.yearAgoQuarter);
  cells[C.dotShort] = { formula: dotFormula(ref(C.quarterValue), ref(C.previousQuarter), sign) };
  cells[C.dotLong] = { formula: dotFormula(ref(C.quarterValue), ref(C.yearAgo), sign) };
  return cells;
}
