// The XmR control chart section of the monitoring sheet: limits, one column per month,
// signal formulas and the chart. Self-contained, and the largest block, so it is its own file.
import type { ControlChart } from "../core/monitor/controlChart";
import type { Indicator } from "../core/monitor/types";
import { a1, abs, sheetRef } from "./a1";
import type { Cells } from "./monitoringColumns";
import { VALUE_FMT } from "./monitoringFormulas";
import type { BlockSpec, ChartSpec, ConditionalFormatSpec, StyleName } from "./spec";
import { HIGHLIGHTS } from "./styles";

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

/** Labels of the rows from the month row down, in order; the chart draws four of them. */
const PLOTTED = ["Month", "Value", "Moving range", "Mean", "Upper limit", "Lower limit", "Signal"];
const CHARTED = ["Value", "Mean", "Upper limit", "Lower limit"];

/** Labels of the XmR working rows, in order below the signal row. */
const XMR_WORKINGS = [
  "Side of mean",
  "Step",
  "Run of 7 ends here",
  "Trend of 7 ends here",
  "Close to a limit",
  "Signal (workings)",
];

/** Where one section's rows and limit cells are: what every formula of the section refers to. */
interface Xmr {
  /** Points (months) and their first and last columns. */
  n: number;
  c0: number;
  lastCol: number;
  /** First limit row: mean, average moving range, limits and two-thirds lines follow. */
  lim: number;
  /** Absolute references of the limit cells. */
  MEAN: string;
  AMR: string;
  UCL: string;
  LCL: string;
  UN: string;
  LN: string;
  monthRow: number;
  valueRow: number;
  mrRow: number;
  meanRow: number;
  uclRow: number;
  lclRow: number;
  signalRow: number;
  sideRow: number;
  stepRow: number;
  runRow: number;
  trendRow: number;
  nearRow: number;
  rawRow: number;
}

function placeXmr(row: number, n: number): Xmr {
  const c0 = 1;
  const lim = row + 2;
  const limit = (k: number) => abs(lim + k, 1);
  const monthRow = lim + 8;
  const below = (label: string) => monthRow + PLOTTED.indexOf(label);
  const signalRow = below("Signal");
  const working = (k: number) => signalRow + 1 + k;
  return {
    n,
    c0,
    lastCol: c0 + n - 1,
    lim,
    MEAN: limit(0),
    AMR: limit(1),
    UCL: limit(2),
    LCL: limit(3),
    UN: limit(4),
    LN: limit(5),
    monthRow,
    valueRow: below("Value"),
    mrRow: below("Moving range"),
    meanRow: below("Mean"),
    uclRow: below("Upper limit"),
    lclRow: below("Lower limit"),
    signalRow,
    sideRow: working(0),
    stepRow: working(1),
    runRow: working(2),
    trendRow: working(3),
    nearRow: working(4),
    rawRow: working(5),
  };
}

/** "B12:M12": a row across the section's months (from `from`). */
const span = (x: Xmr, r: number, from = x.c0) => `${a1(r, from)}:${a1(r, x.lastCol)}`;

/** The title, a note, and the limits as labelled cells. */
function limitRows(x: Xmr, ind: Indicator, chart: ControlChart): Cells {
  const { n, MEAN, AMR } = x;
  const numFmt = ind.unit === "percentage" ? "0.00%" : "#,##0.0";
  const limits: [string, string][] = [
    ["Mean", `AVERAGE(${span(x, x.valueRow)})`],
    ["Average moving range", `AVERAGE(${span(x, x.mrRow, x.c0 + 1)})`],
    ["Upper limit", `${MEAN}+2.66*${AMR}`],
    ["Lower limit", `${MEAN}-2.66*${AMR}`],
    ["Upper two-thirds line", `${MEAN}+2/3*(2.66*${AMR})`],
    ["Lower two-thirds line", `${MEAN}-2/3*(2.66*${AMR})`],
  ];
  return [
    [{ text: `Control chart (XmR): ${ind.name}`, style: "subtitle" }],
    [
      {
        text: `${n} months, ${chart.periods[0]} to ${chart.periods[n - 1]}: limits from these months; values are the actuals above.`,
        style: "note",
      },
    ],
    ...limits.map(([label, formula]): Cells[number] => [
      { text: label, style: "label" },
      { formula, numFmt },
    ]),
    [
      { text: "Months with a signal", style: "label" },
      { formula: `SUMPRODUCT(--(LEN(${span(x, x.signalRow)})>0))`, numFmt: "0" },
    ],
  ];
}

/**
 * Point i's signals as text ("above upper limit; run above mean; "), from the working rows.
 * A point belongs to a run (trend) when a window of 7 points ending at it or up to 6 later is one.
 * 2 of 3 as NHSRplotthedots: a window of 3 points all on one side of the mean with at least
 * 2 close to that side's limit (between the two-thirds line and the limit); the close
 * points of such a window are the signal's.
 */
function signalWorkings(x: Xmr, i: number): string {
  const { n, c0, UCL, LCL, nearRow } = x;
  const col = c0 + i;
  const v = a1(x.valueRow, col);
  const ahead = (r: number) => `${a1(r, col)}:${a1(r, Math.min(col + 6, x.lastCol))}`;
  const windows = [i - 2, i - 1, i].filter((k) => k >= 0 && k + 2 <= n - 1);
  const twoOfThree = (side: 1 | -1) =>
    windows.length === 0
      ? "FALSE"
      : `OR(${windows
          .map((k) => {
            const within = (r: number) => `${a1(r, c0 + k)}:${a1(r, c0 + k + 2)}`;
            return `AND(COUNTIF(${within(nearRow)},${side})>=2,SUM(${within(x.sideRow)})=${3 * side})`;
          })
          .join(",")})`;
  return [
    `IF(${v}>${UCL},"above upper limit; ","")`,
    `IF(${v}<${LCL},"below lower limit; ","")`,
    `IF(COUNTIF(${ahead(x.runRow)},7)>0,"run above mean; ","")`,
    `IF(COUNTIF(${ahead(x.runRow)},-7)>0,"run below mean; ","")`,
    `IF(COUNTIF(${ahead(x.trendRow)},6)>0,"rising trend; ","")`,
    `IF(COUNTIF(${ahead(x.trendRow)},-6)>0,"falling trend; ","")`,
    `IF(AND(${a1(nearRow, col)}=1,${twoOfThree(1)}),"2 of 3 near upper limit; ","")`,
    `IF(AND(${a1(nearRow, col)}=-1,${twoOfThree(-1)}),"2 of 3 near lower limit; ","")`,
  ].join("&");
}

/** Month i's column: its label, value, moving range, limits, signal and the hidden workings. */
function monthColumn(
  x: Xmr,
  at: (r: number) => Cells[number],
  i: number,
  period: string,
  value: string,
  fmt: string
): void {
  const col = x.c0 + i;
  const v = a1(x.valueRow, col);
  const before = a1(x.valueRow, col - 1);
  const hidden = (formula: string) => ({ formula, style: "hidden-data" as const });
  at(x.monthRow)[col] = { text: period, style: "header" };
  at(x.valueRow)[col] = { formula: value, numFmt: fmt };
  if (i > 0) at(x.mrRow)[col] = { formula: `ABS(${v}-${before})`, numFmt: fmt };
  at(x.meanRow)[col] = { formula: x.MEAN, numFmt: fmt };
  at(x.uclRow)[col] = { formula: x.UCL, numFmt: fmt };
  at(x.lclRow)[col] = { formula: x.LCL, numFmt: fmt };
  at(x.sideRow)[col] = hidden(`SIGN(${v}-${x.MEAN})`);
  if (i > 0) at(x.stepRow)[col] = hidden(`SIGN(${v}-${before})`);
  if (i >= 6) at(x.runRow)[col] = hidden(`SUM(${a1(x.sideRow, col - 6)}:${a1(x.sideRow, col)})`);
  if (i >= 6) at(x.trendRow)[col] = hidden(`SUM(${a1(x.stepRow, col - 5)}:${a1(x.stepRow, col)})`);
  // Close to a limit: beyond the two-thirds line but not outside the limit.
  at(x.nearRow)[col] = hidden(
    `IF(AND(${v}>${x.UN},${v}<=${x.UCL}),1,IF(AND(${v}<${x.LN},${v}>=${x.LCL}),-1,0))`
  );
  at(x.rawRow)[col] = hidden(signalWorkings(x, i));
  const rawRef = a1(x.rawRow, col);
  // The workings end "; ": the signal drops it.
  at(x.signalRow)[col] = { formula: `IF(${rawRef}="","",LEFT(${rawRef},LEN(${rawRef})-2))` };
}

/** The month rows: labels in column A, one column per month. */
function monthRows(
  x: Xmr,
  ind: Indicator,
  chart: ControlChart,
  valueOf: (period: string) => string
): Cells {
  const rowsOf = (labels: string[], style?: StyleName): Cells =>
    labels.map((l) => [{ text: l, style: style ?? "label" }]);
  const body: Cells = [...rowsOf(PLOTTED), ...rowsOf(XMR_WORKINGS, "hidden-data")];
  const at = (r: number) => body[r - x.monthRow]!;
  chart.periods.forEach((period, i) =>
    monthColumn(x, at, i, period, valueOf(period), VALUE_FMT[ind.unit])
  );
  return body;
}

/** The line chart of the value, mean and limits, below the month rows. */
function chartOf(x: Xmr, ind: Indicator, sheetName: string, row: number): ChartSpec {
  const across = (r: number) => `${sheetRef(sheetName)}${abs(r, x.c0)}:${abs(r, x.lastCol)}`;
  return {
    type: "line",
    title: `${ind.name}: XmR control chart`,
    categories: across(x.monthRow),
    series: CHARTED.map((name) => ({
      name,
      values: across(x.monthRow + PLOTTED.indexOf(name)),
    })),
    row,
    col: 0,
    width: Math.min(14, Math.max(8, Math.ceil(x.n / 3))),
    height: 16,
  };
}

/** An XmR section: limits as labelled cells, one column per month, signals as formulas. */
export function controlChartBlock(
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
  const x = placeXmr(row, chart.periods.length);
  const { n, c0, lim, monthRow, signalRow } = x;
  const body = monthRows(x, ind, chart, (p) => a1(actualRow, gridCol(p)));
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
  const chartSpec = withChart ? chartOf(x, ind, sheetName, monthRow + body.length + 1) : null;
  return {
    blocks: [
      { row, col: 0, cells: limitRows(x, ind, chart) },
      { row: monthRow, col: 0, cells: body },
    ],
    rows: monthRow - row + body.length + (chartSpec ? chartSpec.height + 2 : 1),
    cells: {
      monthRow,
      valueRow: x.valueRow,
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
