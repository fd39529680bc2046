// The monitoring sheet: one row per indicator with its financial-year-to-date figures, RAG
// and directions of travel, a summary line, a legend stating the rules, the actuals and
// targets the figures come from, and XmR control charts for monthly indicators.
//
// Every computed figure is a formula on the actual, target, tolerance and polarity cells,
// so an edit updates everything. Which periods feed each formula (the reporting period,
// the year to date, the comparison quarters) is fixed when the sheet is built, by the
// same plan computeMonitoring follows (planIndicator), so the sheet recalculated in a
// spreadsheet agrees with the core. Refresh rebuilds the sheet for a new period.
import {
  computeMonitoring,
  planIndicator,
  type IndicatorPlan,
} from "../core/monitor/computeMonitoring";
import type { ControlChart } from "../core/monitor/controlChart";
import { parsePeriod, periodLabel, type Period, type PeriodKind } from "../core/monitor/periods";
import type {
  Indicator,
  IndicatorResult,
  IndicatorUnit,
  MonitorOptions,
} from "../core/monitor/types";
import { DEFAULT_TOLERANCE_PCT } from "../core/monitor/readIndicators";
import { a1, abs, sheetRef, stringLiteral } from "./a1";
import type {
  BlockSpec,
  CellSpec,
  ChartSpec,
  ConditionalFormatSpec,
  SheetSpec,
  StyleName,
} from "./spec";
import { HIGHLIGHTS, NUMBER_FORMATS, STYLES } from "./styles";

export interface MonitoringSheetOptions extends MonitorOptions {
  /** @default "Performance monitoring" */
  title?: string;
  /** Add a ChartSpec per control chart (writers without charts leave a note). @default true */
  charts?: boolean;
}

/** Columns of the indicator table (0-based). */
export const MONITOR_COLUMNS = {
  name: 0,
  unit: 1,
  polarity: 2,
  tolerance: 3,
  asOf: 4,
  fytdLabel: 5,
  fytdTarget: 6,
  fytdActual: 7,
  fytdPrevious: 8,
  change: 9,
  changePct: 10,
  offTarget: 11,
  rag: 12,
  quarter: 13,
  quarterValue: 14,
  previousQuarter: 15,
  yearAgo: 16,
  dotShort: 17,
  dotLong: 18,
  sign: 19,
} as const;

const HEADINGS: Record<keyof typeof MONITOR_COLUMNS, string> = {
  name: "Indicator",
  unit: "Unit",
  polarity: "Polarity",
  tolerance: "Tolerance (% of target)",
  asOf: "Reporting period",
  fytdLabel: "Year to date",
  fytdTarget: "Target (year to date)",
  fytdActual: "Actual (year to date)",
  fytdPrevious: "Same period last year",
  change: "Change",
  changePct: "% change",
  offTarget: "Off target (+ worse)",
  rag: "RAG",
  quarter: "Quarter",
  quarterValue: "Quarter figure",
  previousQuarter: "Previous quarter",
  yearAgo: "Same quarter last year",
  dotShort: "Direction: short term",
  dotLong: "Direction: long term",
  sign: "Polarity sign (workings)",
};

export const POLARITY_TEXT = {
  "lower-is-better": "lower is better",
  "higher-is-better": "higher is better",
} as const;

/** Where one control chart's cells are. */
export interface ControlChartCells {
  /** Row of the month labels; values, limits and signals follow in the rows named below. */
  monthRow: number;
  valueRow: number;
  signalRow: number;
  firstCol: number;
  points: number;
  /** Limit cells (column 1 of their rows). */
  mean: { row: number; col: number };
  averageMovingRange: { row: number; col: number };
  upper: { row: number; col: number };
  lower: { row: number; col: number };
}

export interface MonitoringLayout {
  sheet: SheetSpec;
  /** The core's figures the sheet's formulas reproduce. */
  results: IndicatorResult[];
  /** Row of each indicator in the indicator table, in input order. */
  indicatorRows: number[];
  summaryCell: { row: number; col: number };
  countCells: Record<"Red" | "Amber" | "Green" | "none" | "total", { row: number; col: number }>;
  /** Per indicator: the data rows of its actuals and targets, and each period's column. */
  data: { actualRow: number; targetRow: number; colOf: (period: string) => number | undefined }[];
  controlCharts: (ControlChartCells | null)[];
  /** Where the editable inputs are: plain data, for the definitions sheet and refresh. */
  inputs: MonitoringInputs;
}

/** The cells an analyst edits, so refresh can read the indicators back as they now stand. */
export interface MonitoringInputs {
  indicators: {
    /** Row in the indicator table (name, polarity and tolerance cells). */
    row: number;
    unit: IndicatorUnit;
    aggregation: Indicator["aggregation"];
    periodKind: PeriodKind;
    source?: string;
    actualRow: number;
    targetRow: number;
    /** Every period column of the indicator's grid, blank or not. */
    periods: { label: string; col: number }[];
  }[];
}

const C = MONITOR_COLUMNS;
type Cells = (CellSpec | null)[][];

/** Value formats by unit: percentages are stored as fractions (0.185 shows as 18.5%). */
const VALUE_FMT: Record<IndicatorUnit, string> = {
  count: "#,##0",
  money: '"£"#,##0',
  percentage: "0.0%",
};
const CHANGE_FMT: Record<IndicatorUnit, string> = {
  count: "+#,##0;-#,##0;0",
  money: '+"£"#,##0;-"£"#,##0;"£"0',
  percentage: NUMBER_FORMATS.points,
};
const SIGNED_PCT = "+0.0%;-0.0%;0.0%";
const NA = '"n/a"';

const toleranceFormat = (pct: number): string => (Number.isInteger(pct) ? "0%" : "0.0#%");

/** The value as the sheet stores it. */
const stored = (v: number, unit: IndicatorUnit): number => (unit === "percentage" ? v / 100 : v);

/** The grid of one period kind: columns from `first` for `count` periods. */
interface Grid {
  kind: PeriodKind;
  first: number;
  count: number;
  col0: number;
  headerRow: number;
  /** Indicator index → [actual row, target row]. */
  rows: Map<number, [number, number]>;
}

/** The periods each indicator's formulas reach, so the grid starts early enough. */
function neededIndices(ind: Indicator, plan: IndicatorPlan, chart: ControlChart | null): number[] {
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

/** A formula aggregating consecutive periods of one grid row, "n/a" when any is blank. */
function aggregateFormula(row: number, cols: number[], how: Indicator["aggregation"]): string {
  if (cols.length === 0) return NA;
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const range = first === last ? a1(row, first) : `${a1(row, first)}:${a1(row, last)}`;
  if (how === "latest") return `IF(COUNT(${a1(row, last)})=1,${a1(row, last)},${NA})`;
  const fn = how === "sum" ? "SUM" : "AVERAGE";
  return `IF(COUNT(${range})=${cols.length},${fn}(${range}),${NA})`;
}

const num = (ref: string) => `ISNUMBER(${ref})`;

function dotFormula(current: string, previous: string, sign: string): string {
  const d = `ROUND(${sign}*(${current}-${previous}),9)`;
  return `IF(AND(${num(current)},${num(previous)}),IF(${d}<0,"↑ better",IF(${d}>0,"↓ worse","→ same")),${NA})`;
}

function ragFormula(
  actual: string,
  target: string,
  previous: string,
  sign: string,
  tolerance: string
): string {
  const within = `IF(${target}=0,${sign}*(${actual}-${target})<=0,ROUND(${sign}*(${actual}-${target})/ABS(${target}),9)<=ROUND(${tolerance},9))`;
  // Nested IFs, not AND: AND would evaluate the subtraction on "n/a" text and give #VALUE!.
  const notGreen = `IF(${num(previous)},IF(ROUND(${sign}*(${actual}-${previous}),9)<=0,"Amber","Red"),"Red")`;
  return `IF(AND(${num(actual)},${num(target)}),IF(${within},"Green",${notGreen}),${NA})`;
}

/** The indicator-table row of one indicator. */
function indicatorRow(
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

/** Counts of each rating and the summary sentence's parts, as formulas. */
function countsBlock(
  row: number,
  ragRange: string,
  nameRange: string
): { block: BlockSpec; rows: number; cells: MonitoringLayout["countCells"]; joined: string } {
  const cells: Cells = [
    [
      { text: "RAG counts", style: "subtitle" },
      null,
      { text: "Summary workings", style: "hidden-data" },
    ],
  ];
  const r0 = row + 1;
  const count = (k: number) => a1(r0 + k, 1);
  const total = abs(r0 + 4, 1);
  const kinds: {
    label: string;
    style?: StyleName;
    formula: string;
    verb: [string, string];
    what: string;
  }[] = [
    {
      label: "Red",
      style: "rag-red",
      formula: `COUNTIF(${ragRange},"Red")`,
      verb: ["is", "are"],
      what: " Red",
    },
    {
      label: "Amber",
      style: "rag-amber",
      formula: `COUNTIF(${ragRange},"Amber")`,
      verb: ["is", "are"],
      what: " Amber",
    },
    {
      label: "Green",
      style: "rag-green",
      formula: `COUNTIF(${ragRange},"Green")`,
      verb: ["is", "are"],
      what: " Green",
    },
    {
      label: "No rating",
      formula: `${total}-${count(0)}-${count(1)}-${count(2)}`,
      verb: ["has", "have"],
      what: " no rating",
    },
  ];
  kinds.forEach((k, i) => {
    const n = count(i);
    const part = `IF(${n}>0,${n}&" ("&TEXT(ROUND(${n}/${total}*100,1),"0.0")&"%) "&IF(${n}=1,"${k.verb[0]}","${k.verb[1]}")&"${k.what}","")`;
    cells.push([
      { text: k.label, style: k.style ?? "label" },
      { formula: k.formula, numFmt: "0" },
      { formula: part, style: "hidden-data" },
    ]);
  });
  cells.push([
    { text: "Indicators", style: "label" },
    { formula: `COUNTA(${nameRange})`, numFmt: "0" },
  ]);
  // Parts joined "a, b and c", leaving out empty ones: each step knows whether later parts follow.
  const p = (i: number) => a1(r0 + i, 2);
  const j = (i: number) => a1(r0 + i, 3);
  const joins = [
    p(0),
    `IF(${p(1)}="",${j(0)},IF(${j(0)}="",${p(1)},${j(0)}&IF(AND(${p(2)}="",${p(3)}="")," and ",", ")&${p(1)}))`,
    `IF(${p(2)}="",${j(1)},IF(${j(1)}="",${p(2)},${j(1)}&IF(${p(3)}=""," and ",", ")&${p(2)}))`,
    `IF(${p(3)}="",${j(2)},IF(${j(2)}="",${p(3)},${j(2)}&" and "&${p(3)}))`,
  ];
  joins.forEach((f, i) => (cells[1 + i]![3] = { formula: f, style: "hidden-data" }));
  return {
    block: { row, col: 0, cells },
    rows: cells.length,
    cells: {
      Red: { row: r0, col: 1 },
      Amber: { row: r0 + 1, col: 1 },
      Green: { row: r0 + 2, col: 1 },
      none: { row: r0 + 3, col: 1 },
      total: { row: r0 + 4, col: 1 },
    },
    joined: j(3),
  };
}

function legendBlock(row: number): { block: BlockSpec; rows: number } {
  const cells: Cells = [
    [{ text: "How the ratings work", style: "subtitle" }],
    [
      { text: "Green", style: "rag-green" },
      {
        text: "On target, or off target by no more than the tolerance (exactly at the tolerance counts as Green).",
      },
    ],
    [
      { text: "Amber", style: "rag-amber" },
      {
        text: "More than the tolerance off target, but improved on, or held at, the same period last year.",
      },
    ],
    [
      { text: "Red", style: "rag-red" },
      {
        text: "More than the tolerance off target, and not improved on the same period last year (or no figure for it).",
      },
    ],
    [
      { text: "n/a" },
      { text: "No rating: no target, or a figure missing for part of the year to date." },
    ],
    [
      { text: "Tolerance", style: "label" },
      {
        text: "A percentage of the target, per indicator (column D; 10% unless set): 10% means up to 10% worse than target is still Green.",
      },
    ],
    [
      { text: "Year to date", style: "label" },
      {
        text: "Financial years run April to March. Counts and spend are summed over the year to date, percentages averaged; figures from rolling-12-month police tables compare the latest figure with a year earlier.",
      },
    ],
    [
      { text: "↑ better", style: "legend-decrease" },
      {
        text: "Direction of travel: the latest quarter against the previous quarter (short term) and the same quarter a year earlier (long term).",
      },
    ],
    [
      { text: "↓ worse", style: "legend-increase" },
      {
        text: "Whether up is better follows each indicator's polarity: fewer offences is better, a higher detection rate is better.",
      },
    ],
    [
      { text: "→ same" },
      { text: "No change. n/a: a quarter's figure is missing, so no direction is given." },
    ],
    [
      { text: "Control charts", style: "label" },
      {
        text: "XmR: limits at mean ± 2.66 × average moving range. Signals (NHS Making Data Count): a point outside the limits; 7 in a row above or below the mean; 7 rising or falling; 2 of 3 beyond two thirds of the way to a limit.",
      },
    ],
    [
      { text: "Editing", style: "label" },
      {
        text: "Change an actual, target, tolerance or polarity and every figure follows. The reporting period is fixed when the sheet is built: refresh to move on.",
      },
    ],
  ];
  return { block: { row, col: 0, cells }, rows: cells.length };
}

/** The actuals and targets of the indicators of one period kind. */
function gridBlock(
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

/** Labels of the XmR working rows, in order below the signal row. */
const XMR_WORKINGS = [
  "Side of mean",
  "Step",
  "Run of 7 ends here",
  "Trend of 7 ends here",
  "Beyond two thirds",
  "Signal (workings)",
];

/** An XmR section: limits as labelled cells, one column per month, signals as formulas. */
function controlChartBlock(
  row: number,
  ind: Indicator,
  chart: ControlChart,
  gridCol: (period: string) => number,
  actualRow: number,
  sheetName: string,
  withChart: boolean
): {
  blocks: BlockSpec[];
  rows: number;
  cells: ControlChartCells;
  chartSpec: ChartSpec | null;
  formats: ConditionalFormatSpec[];
} {
  const n = chart.periods.length;
  const fmt = VALUE_FMT[ind.unit];
  const c0 = 1;
  const lim = row + 2; // first limit row
  const ref = (r: number) => abs(r, 1);
  const [MEAN, AMR, UCL, LCL, UN, LN] = [0, 1, 2, 3, 4, 5].map((k) => ref(lim + k)) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const monthRow = lim + 8;
  const valueRow = monthRow + 1;
  const mrRow = monthRow + 2;
  const meanRow = monthRow + 3;
  const uclRow = monthRow + 4;
  const lclRow = monthRow + 5;
  const signalRow = monthRow + 6;
  const [sideRow, stepRow, runRow, trendRow, nearRow, rawRow] = [1, 2, 3, 4, 5, 6].map(
    (k) => signalRow + k
  ) as [number, number, number, number, number, number];
  const lastCol = c0 + n - 1;
  const span = (r: number, from = c0, to = lastCol) => `${a1(r, from)}:${a1(r, to)}`;

  const head: Cells = [
    [{ text: `Control chart (XmR): ${ind.name}`, style: "subtitle" }],
    [
      {
        text: `${n} months, ${chart.periods[0]} to ${chart.periods[n - 1]}: limits from these months; values are the actuals above.`,
        style: "note",
      },
    ],
    [
      { text: "Mean", style: "label" },
      {
        formula: `AVERAGE(${span(valueRow)})`,
        numFmt: ind.unit === "percentage" ? "0.00%" : "#,##0.0",
      },
    ],
    [
      { text: "Average moving range", style: "label" },
      {
        formula: `AVERAGE(${span(mrRow, c0 + 1)})`,
        numFmt: ind.unit === "percentage" ? "0.00%" : "#,##0.0",
      },
    ],
    [
      { text: "Upper limit", style: "label" },
      { formula: `${MEAN}+2.66*${AMR}`, numFmt: ind.unit === "percentage" ? "0.00%" : "#,##0.0" },
    ],
    [
      { text: "Lower limit", style: "label" },
      { formula: `${MEAN}-2.66*${AMR}`, numFmt: ind.unit === "percentage" ? "0.00%" : "#,##0.0" },
    ],
    [
      { text: "Upper two-thirds line", style: "label" },
      {
        formula: `${MEAN}+2/3*(2.66*${AMR})`,
        numFmt: ind.unit === "percentage" ? "0.00%" : "#,##0.0",
      },
    ],
    [
      { text: "Lower two-thirds line", style: "label" },
      {
        formula: `${MEAN}-2/3*(2.66*${AMR})`,
        numFmt: ind.unit === "percentage" ? "0.00%" : "#,##0.0",
      },
    ],
    [
      { text: "Months with a signal", style: "label" },
      { formula: `SUMPRODUCT(--(LEN(${span(signalRow)})>0))`, numFmt: "0" },
    ],
  ];
  const rowsOf = (labels: string[], style?: StyleName): Cells =>
    labels.map((l) => [{ text: l, style: style ?? "label" }]);
  const body: Cells = [
    ...rowsOf(["Month", "Value", "Moving range", "Mean", "Upper limit", "Lower limit", "Signal"]),
    ...rowsOf(XMR_WORKINGS, "hidden-data"),
  ];
  const at = (r: number) => body[r - monthRow]!;
  for (let i = 0; i < n; i++) {
    const col = c0 + i;
    const v = a1(valueRow, col);
    at(monthRow)[col] = { text: chart.periods[i]!, style: "header" };
    at(valueRow)[col] = { formula: a1(actualRow, gridCol(chart.periods[i]!)), numFmt: fmt };
    if (i > 0) at(mrRow)[col] = { formula: `ABS(${v}-${a1(valueRow, col - 1)})`, numFmt: fmt };
    at(meanRow)[col] = { formula: MEAN, numFmt: fmt };
    at(uclRow)[col] = { formula: UCL, numFmt: fmt };
    at(lclRow)[col] = { formula: LCL, numFmt: fmt };
    at(sideRow)[col] = { formula: `SIGN(${v}-${MEAN})`, style: "hidden-data" };
    if (i > 0)
      at(stepRow)[col] = { formula: `SIGN(${v}-${a1(valueRow, col - 1)})`, style: "hidden-data" };
    if (i >= 6)
      at(runRow)[col] = {
        formula: `SUM(${a1(sideRow, col - 6)}:${a1(sideRow, col)})`,
        style: "hidden-data",
      };
    if (i >= 6)
      at(trendRow)[col] = {
        formula: `SUM(${a1(stepRow, col - 5)}:${a1(stepRow, col)})`,
        style: "hidden-data",
      };
    at(nearRow)[col] = { formula: `IF(${v}>${UN},1,IF(${v}<${LN},-1,0))`, style: "hidden-data" };
    // A point belongs to a run (trend) when a window of 7 points ending at it or up to 6 later is one.
    const ahead = (r: number) => `${a1(r, col)}:${a1(r, Math.min(col + 6, lastCol))}`;
    const windows = [i - 2, i - 1, i].filter((k) => k >= 0 && k + 2 <= n - 1);
    const twoOfThree = (side: 1 | -1) =>
      windows.length === 0
        ? "FALSE"
        : `OR(${windows.map((k) => `COUNTIF(${a1(nearRow, c0 + k)}:${a1(nearRow, c0 + k + 2)},${side})>=2`).join(",")})`;
    const raw = [
      `IF(${v}>${UCL},"above upper limit; ","")`,
      `IF(${v}<${LCL},"below lower limit; ","")`,
      `IF(COUNTIF(${ahead(runRow)},7)>0,"run above mean; ","")`,
      `IF(COUNTIF(${ahead(runRow)},-7)>0,"run below mean; ","")`,
      `IF(COUNTIF(${ahead(trendRow)},6)>0,"rising trend; ","")`,
      `IF(COUNTIF(${ahead(trendRow)},-6)>0,"falling trend; ","")`,
      `IF(AND(${a1(nearRow, col)}=1,${v}<=${UCL},${twoOfThree(1)}),"2 of 3 near upper limit; ","")`,
      `IF(AND(${a1(nearRow, col)}=-1,${v}>=${LCL},${twoOfThree(-1)}),"2 of 3 near lower limit; ","")`,
    ].join("&");
    at(rawRow)[col] = { formula: raw, style: "hidden-data" };
    const rawRef = a1(rawRow, col);
    at(signalRow)[col] = { formula: `IF(${rawRef}="","",LEFT(${rawRef},LEN(${rawRef})-2))` };
  }
  const formats: ConditionalFormatSpec[] = [
    {
      row: signalRow,
      col: c0,
      rows: 1,
      cols: n,
      formula: `${a1(signalRow, c0)}<>""`,
      format: HIGHLIGHTS.outlier,
    },
  ];
  const bodyRows = body.length;
  const chartRow = monthRow + bodyRows + 1;
  const chartSpec: ChartSpec | null = withChart
    ? {
        type: "line",
        title: `${ind.name}: XmR control chart`,
        categories: `${sheetRef(sheetName)}${abs(monthRow, c0)}:${abs(monthRow, lastCol)}`,
        series: [
          ["Value", valueRow],
          ["Mean", meanRow],
          ["Upper limit", uclRow],
          ["Lower limit", lclRow],
        ].map(([name, r]) => ({
          name: name as string,
          values: `${sheetRef(sheetName)}${abs(r as number, c0)}:${abs(r as number, lastCol)}`,
        })),
        row: chartRow,
        col: 0,
        width: Math.min(14, Math.max(8, Math.ceil(n / 3))),
        height: 16,
      }
    : null;
  return {
    blocks: [
      { row, col: 0, cells: head },
      { row: monthRow, col: 0, cells: body },
    ],
    rows: monthRow - row + bodyRows + (chartSpec ? chartSpec.height + 2 : 1),
    cells: {
      monthRow,
      valueRow,
      signalRow,
      firstCol: c0,
      points: n,
      mean: { row: lim, col: 1 },
      averageMovingRange: { row: lim + 1, col: 1 },
      upper: { row: lim + 2, col: 1 },
      lower: { row: lim + 3, col: 1 },
    },
    chartSpec,
    formats,
  };
}

/** The monitoring sheet and where its figures are. */
export function layoutMonitoring(
  indicators: Indicator[],
  options: MonitoringSheetOptions,
  sheetName: string
): MonitoringLayout {
  const monitoring = computeMonitoring(indicators, options);
  const results = monitoring.indicators;
  const plans = indicators.map((ind) => planIndicator(ind, options.asOf));
  const n = indicators.length;
  const blocks: BlockSpec[] = [];
  const formats: ConditionalFormatSpec[] = [];
  const charts: ChartSpec[] = [];

  const headerRow = 5;
  const firstRow = headerRow + 1;
  const indicatorRows = indicators.map((_, i) => firstRow + i);
  const lastRow = firstRow + Math.max(n, 1) - 1;
  const colRange = (col: number) => `${abs(firstRow, col)}:${abs(lastRow, col)}`;

  // Below the indicator table: counts, legend, then the data grids and control charts.
  let row = lastRow + 2;
  const counts = countsBlock(row, colRange(C.rag), colRange(C.name));
  blocks.push(counts.block);
  row += counts.rows + 1;
  const legend = legendBlock(row);
  blocks.push(legend.block);
  row += legend.rows + 1;

  const grids = new Map<PeriodKind, Grid>();
  for (const kind of ["quarter", "month"] as const) {
    const members = indicators
      .map((ind, k) => [ind, k] as const)
      .filter(([ind]) => ind.periodKind === kind && ind.periods.length > 0);
    if (members.length === 0) continue;
    const indices = members.flatMap(([ind, k]) =>
      neededIndices(ind, plans[k]!, results[k]!.controlChart)
    );
    const first = Math.min(...indices);
    const grid: Grid = {
      kind,
      first,
      count: Math.max(...indices) - first + 1,
      col0: 2,
      headerRow: row + 1,
      rows: new Map(),
    };
    members.forEach(([, k], i) =>
      grid.rows.set(k, [grid.headerRow + 1 + 2 * i, grid.headerRow + 2 + 2 * i])
    );
    const g = gridBlock(
      grid,
      indicators,
      members.map(([, k]) => k)
    );
    blocks.push(g.block);
    row += g.rows + 1;
    grids.set(kind, grid);
  }

  const colOfIn = (grid: Grid | undefined) => (label: string) => {
    const p = parsePeriod(label);
    if (!grid || !p || p.kind !== grid.kind) return undefined;
    const col = grid.col0 + p.index - grid.first;
    return col >= grid.col0 && col < grid.col0 + grid.count ? col : undefined;
  };
  const data = indicators.map((ind, k) => {
    const grid = grids.get(ind.periodKind);
    const [actualRow, targetRow] = grid?.rows.get(k) ?? [-1, -1];
    return { actualRow, targetRow, colOf: colOfIn(grid) };
  });

  const controlCharts: (ControlChartCells | null)[] = indicators.map((ind, k) => {
    const chart = results[k]!.controlChart;
    if (!chart || data[k]!.actualRow < 0) return null;
    const colOf = data[k]!.colOf;
    const section = controlChartBlock(
      row,
      ind,
      chart,
      (p) => colOf(p)!,
      data[k]!.actualRow,
      sheetName,
      options.charts ?? true
    );
    blocks.push(...section.blocks);
    formats.push(...section.formats);
    if (section.chartSpec) charts.push(section.chartSpec);
    row += section.rows + 1;
    return section.cells;
  });

  // The indicator table itself.
  const table: Cells = [
    Object.entries(HEADINGS).map(([, h]) => ({ text: h, style: "header" as const })),
  ];
  indicators.forEach((ind, k) => {
    const grid = grids.get(ind.periodKind);
    table.push(
      indicatorRow(ind, results[k]!, plans[k]!, indicatorRows[k]!, grid, grid?.rows.get(k))
    );
  });
  blocks.push({ row: headerRow, col: 0, cells: table });

  const summaryCell = { row: 2, col: 0 };
  const total = abs(counts.cells.total.row, counts.cells.total.col);
  blocks.push({
    row: 0,
    col: 0,
    cells: [
      [{ text: options.title ?? "Performance monitoring", style: "title" }],
      [
        {
          text: "Generated by Scrutiny Sheets: every figure is a formula on the actuals, targets, tolerances and polarities below. Refresh rebuilds this sheet.",
          style: "generated-banner",
        },
      ],
      [
        n === 0
          ? { text: "There are no indicators", style: "subtitle" }
          : {
              formula: `IF(${total}=0,"There are no indicators","Of the "&${total}&" indicator"&IF(${total}=1,"","s")&" "&${counts.joined})`,
              style: "subtitle",
            },
      ],
      [
        {
          text: "Each indicator is rated on its financial year to date against its target; directions of travel compare its latest quarter.",
          style: "note",
        },
      ],
    ],
  });

  if (n > 0) {
    const rag = (
      text: string,
      style: "rag-red" | "rag-amber" | "rag-green"
    ): ConditionalFormatSpec => ({
      row: firstRow,
      col: C.rag,
      rows: n,
      cols: 1,
      formula: `${a1(firstRow, C.rag)}=${stringLiteral(text)}`,
      format: STYLES[style],
      stopIfTrue: true,
    });
    formats.unshift(rag("Red", "rag-red"), rag("Amber", "rag-amber"), rag("Green", "rag-green"));
    const dot = (arrow: string, kind: "decrease" | "increase"): ConditionalFormatSpec => ({
      row: firstRow,
      col: C.dotShort,
      rows: n,
      cols: 2,
      formula: `LEFT(${a1(firstRow, C.dotShort)},1)=${stringLiteral(arrow)}`,
      format: HIGHLIGHTS[kind],
    });
    formats.splice(3, 0, dot("↑", "decrease"), dot("↓", "increase"));
  }

  const widths = [34, 11, 16, 11, 12, 16, 13, 13, 13, 11, 10, 11, 9, 12, 12, 12, 13, 13, 13, 8];
  const sheet: SheetSpec = {
    name: sheetName,
    role: "monitoring",
    generated: true,
    columnWidths: widths,
    blocks,
    tables: [],
    conditionalFormats: formats,
    charts,
    freeze: { rows: 0, cols: 1 },
  };
  const inputs: MonitoringInputs = {
    indicators: indicators.map((ind, k) => {
      const grid = grids.get(ind.periodKind);
      const periods = grid
        ? Array.from({ length: grid.count }, (_, i) => ({
            label: periodLabel({ kind: grid.kind, index: grid.first + i }),
            col: grid.col0 + i,
          }))
        : [];
      return {
        row: indicatorRows[k]!,
        unit: ind.unit,
        aggregation: ind.aggregation,
        periodKind: ind.periodKind,
        ...(ind.source === undefined ? {} : { source: ind.source }),
        actualRow: data[k]!.actualRow,
        targetRow: data[k]!.targetRow,
        periods,
      };
    }),
  };
  return {
    sheet,
    results,
    indicatorRows,
    summaryCell,
    countCells: counts.cells,
    data,
    controlCharts,
    inputs,
  };
}

/**
 * The indicators as the sheet now holds them (for refresh): names, polarities,
 * tolerances, actuals and targets read through `value(row, col)` (0-based; a writer's
 * cell value: number, text or null). Blank or non-numeric figures are missing.
 */
export function readMonitoringInputs(
  inputs: MonitoringInputs,
  value: (row: number, col: number) => unknown
): Indicator[] {
  const number = (v: unknown): number | null =>
    typeof v === "number" && Number.isFinite(v) ? v : null;
  return inputs.indicators.map((d) => {
    const scale = d.unit === "percentage" ? 100 : 1;
    const figure = (row: number, col: number) => {
      const v = row < 0 ? null : number(value(row, col));
      // 15 significant digits, as Excel shows them: 0.036 × 100 is 3.6, not 3.6000000000000005.
      return v === null ? null : scale === 1 ? v : Number((v * scale).toPrecision(15));
    };
    const higher = String(value(d.row, C.polarity) ?? "")
      .toLowerCase()
      .includes("higher");
    const tolerance = number(value(d.row, C.tolerance));
    return {
      name: String(value(d.row, C.name) ?? ""),
      unit: d.unit,
      polarity: higher ? "higher-is-better" : "lower-is-better",
      tolerancePct: tolerance === null ? DEFAULT_TOLERANCE_PCT : tolerance * 100,
      periodKind: d.periodKind,
      periods: d.periods.map((p) => p.label),
      actuals: d.periods.map((p) => figure(d.actualRow, p.col)),
      targets: d.periods.map((p) => figure(d.targetRow, p.col)),
      aggregation: d.aggregation,
      ...(d.source === undefined ? {} : { source: d.source }),
    };
  });
}

/** The monitoring sheet for `build --monitor` and refresh: a pure function of its inputs. */
export function layoutMonitoringSheet(
  indicators: Indicator[],
  options: MonitoringSheetOptions,
  sheetName: string
): SheetSpec {
  return layoutMonitoring(indicators, options, sheetName).sheet;
}
