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

type Row = (CellSpec | null)[];

/** The columns computed from the grid: "n/a" when the indicator has no actual figures. */
const COMPUTED = [
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
];

/** What the computed cells of one row share: where the row and its grid rows are. */
interface RowContext {
  ind: Indicator;
  r: IndicatorResult;
  plan: IndicatorPlan;
  row: number;
  /** The grid's actual and target rows of the indicator. */
  aRow: number;
  tRow: number;
  /** The grid columns of the periods. */
  colsOf: (ps: Period[]) => number[];
  /** The polarity sign's cell ($T$7): -1 when higher is better, else 1. */
  sign: string;
}

/** The cells an analyst edits (name, unit, polarity, tolerance) and the polarity sign. */
function inputCells(cells: Row, ind: Indicator, row: number): void {
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
    formula: `IF(ISNUMBER(SEARCH("higher",${a1(row, C.polarity)})),-1,1)`,
    style: "hidden-data",
  };
}

/** The year to date: target, actual, the same period last year, change, off target and RAG. */
function yearToDateCells(cells: Row, x: RowContext): void {
  const { ind, r, plan, row, aRow, tRow, colsOf, sign } = x;
  const vf = VALUE_FMT[ind.unit];
  const A = a1(row, C.fytdActual);
  const T = a1(row, C.fytdTarget);
  const P = a1(row, C.fytdPrevious);
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
  // A percentage is off target by percentage points, as a council report compares them.
  cells[C.offTarget] =
    ind.unit === "percentage"
      ? {
          formula: `IF(AND(${num(A)},${num(T)}),ROUND(${sign}*(${A}-${T})*100,9),${NA})`,
          numFmt: CHANGE_FMT.percentage,
          note: "In percentage points (+ worse)",
        }
      : {
          formula: `IF(AND(${num(A)},${num(T)}),IF(${T}=0,${NA},${sign}*(${A}-${T})/ABS(${T})),${NA})`,
          numFmt: SIGNED_PCT,
        };
  cells[C.rag] = { formula: ragFormula(A, T, P, sign, abs(row, C.tolerance)) };
}

/** The latest quarter, the one before and the same one a year earlier, and the directions. */
function quarterCells(cells: Row, x: RowContext): void {
  const { ind, plan, row, aRow, colsOf, sign } = x;
  const quarterCell = (q: IndicatorPlan["quarter"]): CellSpec =>
    q
      ? {
          formula: aggregateFormula(aRow, colsOf(q.periods), ind.aggregation),
          numFmt: VALUE_FMT[ind.unit],
          note: q.label,
        }
      : { text: "n/a" };
  cells[C.quarter] = { text: plan.quarter?.label ?? "n/a" };
  cells[C.quarterValue] = quarterCell(plan.quarter);
  cells[C.previousQuarter] = quarterCell(plan.previousQuarter);
  cells[C.yearAgo] = quarterCell(plan.yearAgoQuarter);
  const quarter = a1(row, C.quarterValue);
  cells[C.dotShort] = { formula: dotFormula(quarter, a1(row, C.previousQuarter), sign) };
  cells[C.dotLong] = { formula: dotFormula(quarter, a1(row, C.yearAgo), sign) };
}

/** The indicator-table row of one indicator. */
export function indicatorRow(
  ind: Indicator,
  r: IndicatorResult,
  plan: IndicatorPlan,
  row: number,
  grid: Grid | undefined,
  gridRows: [number, number] | undefined
): Row {
  const cells: Row = [];
  inputCells(cells, ind, row);
  if (!plan.asOf || !grid || !gridRows) {
    for (const col of COMPUTED) cells[col] = { text: "n/a" };
    cells[C.rag] = { text: "n/a", note: "No actual figures" };
    return cells;
  }
  const x: RowContext = {
    ind,
    r,
    plan,
    row,
    aRow: gridRows[0],
    tRow: gridRows[1],
    colsOf: (ps) => ps.map((p) => grid.col0 + p.index - grid.first),
    sign: abs(row, C.sign),
  };
  yearToDateCells(cells, x);
  quarterCells(cells, x);
  return cells;
}
