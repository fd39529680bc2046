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
