// A trend sheet from monthly counts (a London Datastore import): one area, a block per
// category (all offences first) holding the offences of each month, the moving ranges,
// the XmR mean and process limits and the rolling 12-month total, all formulas on the
// monthly counts, and the Making Data Count signals the core's SPC finds at each point.
// Charts: all offences (control chart and rolling 12 months), then each category with a
// signal, a few at most, so a workbook of every London borough still opens quickly.
import type { MonthlyCounts } from "../core/model";
import { spcSignals, XMR_CONSTANT, type SpcSignal } from "../core/stats";
import type { BlockSpec, CellSpec, ChartSpec, ConditionalFormatSpec, SheetSpec } from "./spec";
import { a1, abs, sheetRef } from "./a1";
import { bannerRow, pageSetup } from "./printSetup";
import { HIGHLIGHTS } from "./styles";
import { MONTH_NAMES_SHORT } from "../core/monthNames";
import { withChartBreaks } from "./pageBreaks";

export interface MonthlySource {
  area: string;
  /** The file the counts came from. */
  source: string;
  monthly: MonthlyCounts;
}

export interface MonthlyTrendInput extends MonthlySource {
  name: string;
  /** Making Data Count rule lengths and the fewest months for signals (the settings'). */
  runLength: number;
  trendLength: number;
  minSeriesPoints: number;
  /** Most control charts of categories with a signal. @default 6 */
  maxSignalCharts?: number;
  /** Sentences naming data sheets left out because a later import holds the same table. */
  sameTables?: string;
}

/** Columns of a block, in order. */
const COL = {
  month: 0,
  offences: 1,
  movingRange: 2,
  mean: 3,
  upper: 4,
  lower: 5,
  rolling: 6,
  signal: 7,
} as const;
const COLS = 8;
const HEADINGS = [
  "Month",
  "Offences",
  "Moving range",
  "Mean",
  "Upper process limit",
  "Lower process limit",
  "Rolling 12 months",
  "Signal (Making Data Count)",
];
/** Where the first block starts, below the title, banner and note. */
const FIRST_BLOCK = 4;
/** Rows of a block before its months: its title, its limits, its header. */
const BLOCK_HEAD = 3;
const CHART_COL = COLS + 1;
const CHART_WIDTH = 8;

/** "2023-05" -> "May 2023". */
const monthLabel = (m: string): string => {
  const [y, mm] = m.split("-");
  return `${MONTH_NAMES_SHORT[Number(mm) - 1] ?? mm} ${y}`;
};

/** A signal at a point, as the sheet says it: "above the upper limit: concern". */
function signalText(s: SpcSignal): string {
  const high = s.side === "high";
  // Fewer offences is better: a high signal is a concern, a low one an improvement.
  const judgement = high ? "concern" : "improvement";
  const what = {
    "outside-limits": high ? "above the upper limit" : "below the lower limit",
    run: high ? "run above the mean" : "run below the mean",
    trend: high ? "rising trend" : "falling trend",
    "two-of-three": high ? "2 of 3 near the upper limit" : "2 of 3 near the lower limit",
  }[s.rule];
  return `${what}: ${judgement}`;
}

/** Each point's signals, from the core's SPC; none when the series is too short. */
function pointSignals(values: number[], input: MonthlyTrendInput): string[][] {
  const marks = values.map(() => [] as string[]);
  if (values.length < Math.max(2, input.minSeriesPoints)) return marks;
  const { signals } = spcSignals(values, {
    runLength: input.runLength,
    trendLength: input.trendLength,
  });
  for (const s of signals) {
    const text = signalText(s);
    for (const i of s.points) if (!marks[i]!.includes(text)) marks[i]!.push(text);
  }
  return marks;
}

interface Placed {
  category: string;
  /** Sheet row of the block's title; its months start BLOCK_HEAD rows below. */
  top: number;
  signalled: boolean;
}

/** One category's block: title, limits (formulas), header, and a row per month. */
function categoryBlock(
  input: MonthlyTrendInput,
  category: string,
  values: number[],
  top: number
): { cells: (CellSpec | null)[][]; signalled: boolean } {
  const first = top + BLOCK_HEAD;
  const last = first + values.length - 1;
  const col = (c: number, r1: number, r2: number) => `${abs(r1, c)}:${abs(r2, c)}`;
  const meanAt = abs(top + 1, 1);
  const amrAt = abs(top + 1, 3);
  const limits: (CellSpec | null)[] = [
    { text: "Mean", style: "label" },
    { formula: `AVERAGE(${col(COL.offences, first, last)})`, numFmt: "#,##0.0" },
    { text: "Average moving range", style: "label" },
    { formula: `AVERAGE(${col(COL.movingRange, first + 1, last)})`, numFmt: "#,##0.0" },
    { text: "Upper limit", style: "label" },
    { formula: `${meanAt}+${XMR_CONSTANT}*${amrAt}`, numFmt: "#,##0.0" },
    { text: "Lower limit", style: "label" },
    { formula: `${meanAt}-${XMR_CONSTANT}*${amrAt}`, numFmt: "#,##0.0" },
  ];
  const marks = pointSignals(values, input);
  const rows = values.map((v, i): (CellSpec | null)[] => {
    const r = first + i;
    return [
      { text: monthLabel(input.monthly.months[i]!) },
      { number: v, numFmt: "#,##0" },
      i === 0 ? null : { formula: `ABS(${a1(r, 1)}-${a1(r - 1, 1)})`, numFmt: "#,##0" },
      { formula: meanAt, numFmt: "#,##0.0" },
      { formula: abs(top + 1, 5), numFmt: "#,##0.0" },
      { formula: abs(top + 1, 7), numFmt: "#,##0.0" },
      i < 11 ? null : { formula: `SUM(${a1(r - 11, 1)}:${a1(r, 1)})`, numFmt: "#,##0" },
      marks[i]!.length > 0 ? { text: marks[i]!.join("; ") } : null,
    ];
  });
  return {
    cells: [
      [{ text: `${category}: offences per month`, style: "subtitle" }],
      limits,
      HEADINGS.map((text) => ({ text, style: "header" as const })),
      ...rows,
    ],
    signalled: marks.some((m) => m.length > 0),
  };
}

/** A control chart of a block: the monthly offences, the mean and the two limits. */
function controlChart(input: MonthlyTrendInput, p: Placed, months: number): ChartSpec {
  const q = sheetRef(input.name);
  const first = p.top + BLOCK_HEAD;
  const range = (c: number) => `${q}${abs(first, c)}:${abs(first + months - 1, c)}`;
  return {
    type: "line",
    title: `${input.area}: ${p.category}, offences per month (XmR)`,
    categories: range(COL.month),
    series: [
      { name: "Offences", values: range(COL.offences), color: "#1F3864" },
      { name: "Mean", values: range(COL.mean), draw: "line", color: "#7F7F7F" },
      {
        name: "Upper limit",
        values: range(COL.upper),
        draw: "line",
        dashed: true,
        color: "#C55A11",
      },
      {
        name: "Lower limit",
        values: range(COL.lower),
        draw: "line",
        dashed: true,
        color: "#C55A11",
      },
    ],
    yAxisTitle: "Offences",
    row: p.top,
    col: CHART_COL,
    width: CHART_WIDTH,
    height: Math.min(16, BLOCK_HEAD + months),
  };
}

/** The rolling 12-month total of a block, from its twelfth month. */
function rollingChart(input: MonthlyTrendInput, p: Placed, months: number): ChartSpec | null {
  if (months < 12) return null;
  const q = sheetRef(input.name);
  const first = p.top + BLOCK_HEAD + 11;
  const range = (c: number) => `${q}${abs(first, c)}:${abs(p.top + BLOCK_HEAD + months - 1, c)}`;
  return {
    type: "line",
    title: `${input.area}: ${p.category}, rolling 12 months`,
    categories: range(COL.month),
    series: [
      { name: "Rolling 12 months", values: range(COL.rolling), draw: "line", color: "#1F3864" },
    ],
    yAxisTitle: "Offences, 12 months to the month",
    row: p.top,
    col: CHART_COL + CHART_WIDTH + 1,
    width: CHART_WIDTH,
    height: Math.min(16, BLOCK_HEAD + months),
  };
}

/** The series in sheet order: all offences (the headline) first, then the categories. */
function ordered(monthly: MonthlyCounts): MonthlyCounts["series"] {
  const all = monthly.series.filter((s) => s.category === monthly.series.at(-1)?.category);
  return [...all, ...monthly.series.slice(0, -1)];
}

export function layoutMonthlyTrend(input: MonthlyTrendInput): {
  sheet: SheetSpec;
  extent: { rows: number; cols: number };
} {
  const { months } = input.monthly;
  const n = months.length;
  const blocks: BlockSpec[] = [
    {
      row: 0,
      col: 0,
      cells: [
        [
          {
            text: `Trend: ${input.area}, offences per month, ${monthLabel(months[0] ?? "")} to ${monthLabel(months[n - 1] ?? "")} (generated)`,
            style: "title",
          },
        ],
        bannerRow(
          "Generated by scrutiny-sheets: refresh rebuilds this sheet from the monthly counts imported, so edits here are lost.",
          COLS
        ),
        [
          {
            text:
              `Source: ${input.source}. Each block: offences per month with the XmR mean and process limits ` +
              `(mean ± ${XMR_CONSTANT} × average moving range, over the months shown), the Making Data Count signals ` +
              `(a point outside the limits; ${input.runLength} in a row on one side of the mean; ${input.trendLength} rising or falling; ` +
              `2 of 3 beyond two thirds of the way to a limit; fewer offences is better), and the rolling 12-month total.` +
              (input.sameTables ? ` ${input.sameTables}` : ""),
            style: "note",
          },
        ],
      ],
    },
  ];
  const placed: Placed[] = [];
  const cfs: ConditionalFormatSpec[] = [];
  let top = FIRST_BLOCK;
  for (const s of ordered(input.monthly)) {
    const b = categoryBlock(input, s.category, s.values, top);
    blocks.push({ row: top, col: 0, cells: b.cells });
    placed.push({ category: s.category, top, signalled: b.signalled });
    // The month's offences stand out where the core found a signal.
    cfs.push({
      row: top + BLOCK_HEAD,
      col: COL.offences,
      rows: n,
      cols: 1,
      formula: `LEN(${a1(top + BLOCK_HEAD, COL.signal, { col: true })})>0`,
      format: HIGHLIGHTS.outlier,
    });
    top += BLOCK_HEAD + n + 1;
  }
  const headline = placed[0];
  const charts: ChartSpec[] = [];
  if (headline) {
    charts.push(controlChart(input, headline, n));
    const r12 = rollingChart(input, headline, n);
    if (r12) charts.push(r12);
  }
  for (const p of placed
    .slice(1)
    .filter((x) => x.signalled)
    .slice(0, input.maxSignalCharts ?? 6))
    charts.push(controlChart(input, p, n));
  return {
    sheet: withChartBreaks({
      name: input.name,
      role: "trend",
      generated: true,
      columnWidths: [11, 10, 10, 9, 11, 11, 11, 44],
      blocks,
      tables: [],
      conditionalFormats: cfs,
      charts,
      print: pageSetup({
        title: `Trend: ${input.area}, offences per month`,
        period: n > 0 ? `${monthLabel(months[0]!)} to ${monthLabel(months[n - 1]!)}` : "",
        source: `Source: ${input.source}`,
        wide: true,
      }),
    }),
    extent: { rows: top, cols: COLS },
  };
}
