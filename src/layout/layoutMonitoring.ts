// The monitoring sheet: one row per indicator with its financial-year-to-date figures, RAG
// and directions of travel, a summary line, a legend stating the rules, the actuals and
// targets the figures come from, and XmR control charts for monthly indicators.
//
// Every computed figure is a formula on the actual, target, tolerance and polarity cells,
// so an edit updates everything. Which periods feed each formula (the reporting period,
// the year to date, the comparison quarters) is fixed when the sheet is built, by the
// same plan computeMonitoring follows (planIndicator), so the sheet recalculated in a
// spreadsheet agrees with the core. Refresh rebuilds the sheet for a new period.
//
// The blocks live in their own modules: the indicator table's columns (monitoringColumns),
// its rows (monitoringIndicatorRow), formulas (monitoringFormulas), the data grids
// (monitoringGrid), the legend (monitoringLegend) and the control charts (layoutControlChart).
import {
  computeMonitoring,
  planIndicator,
  type IndicatorPlan,
} from "../core/monitor/computeMonitoring";
import { parsePeriod, periodLabel, type PeriodKind } from "../core/monitor/periods";
import { pageSetup } from "./printSetup";
import type {
  Indicator,
  IndicatorResult,
  IndicatorUnit,
  MonitorOptions,
} from "../core/monitor/types";
import { DEFAULT_TOLERANCE_PCT } from "../core/monitor/readIndicators";
import { a1, abs, stringLiteral } from "./a1";
import { controlChartBlock, type ControlChartCells } from "./layoutControlChart";
import {
  DIRECTIONS,
  HEADINGS,
  MONITOR_COLUMNS,
  RAG,
  RATINGS,
  type Cells,
  type Rating,
} from "./monitoringColumns";
import { gridBlock, neededIndices, type Grid } from "./monitoringGrid";
import { indicatorRow } from "./monitoringIndicatorRow";
import { legendBlock } from "./monitoringLegend";
import type {
  BlockSpec,
  CellSpec,
  ChartSpec,
  ConditionalFormatSpec,
  SheetSpec,
  StyleName,
} from "./spec";
import { specExtent, widthOf } from "./extent";
import { HIGHLIGHTS, STYLES } from "./styles";

export { MONITOR_COLUMNS, POLARITY_TEXT } from "./monitoringColumns";
export type { ControlChartCells } from "./layoutControlChart";

export interface MonitoringSheetOptions extends MonitorOptions {
  /** @default "Performance monitoring" */
  title?: string;
  /** Add a ChartSpec per control chart (writers without charts leave a note). @default true */
  charts?: boolean;
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
/** The first workings column: the polarity signs' (the last of the indicator table). */
const WORKINGS_COL = C.sign;

/** Counts of each rating and the summary sentence's parts, as formulas. */
function countsBlock(
  row: number,
  ragRange: string,
  nameRange: string
): { block: BlockSpec; rows: number; cells: MonitoringLayout["countCells"]; joined: string } {
  const cells: Cells = [[{ text: "RAG counts", style: "subtitle" }, null, null]];
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
    ...RATINGS.map((r) => ({
      label: r,
      style: RAG[r],
      formula: `COUNTIF(${ragRange},${stringLiteral(r)})`,
      verb: ["is", "are"] as [string, string],
      what: ` ${r}`,
    })),
    {
      label: "No rating",
      formula: `${total}-${count(0)}-${count(1)}-${count(2)}`,
      verb: ["has", "have"],
      what: " no rating",
    },
  ];
  // The sentence's parts and their joins are workings: they stand in the workings columns
  // (beside the polarity signs, right of everything printed), not under the counts.
  const [PART, JOIN] = [WORKINGS_COL, WORKINGS_COL + 1];
  const workingsRow = (shown: (CellSpec | null)[]): (CellSpec | null)[] => [
    ...shown,
    ...Array.from({ length: JOIN + 1 - shown.length }, () => null),
  ];
  kinds.forEach((k, i) => {
    const n = count(i);
    const part = `IF(${n}>0,${n}&" ("&TEXT(ROUND(${n}/${total}*100,1),"0.0")&"%) "&IF(${n}=1,"${k.verb[0]}","${k.verb[1]}")&"${k.what}","")`;
    const cellsOfRow = workingsRow([
      { text: k.label, style: k.style ?? "label" },
      { formula: k.formula, numFmt: "0" },
    ]);
    cellsOfRow[PART] = { formula: part, style: "hidden-data" };
    cells.push(cellsOfRow);
  });
  cells.push([
    { text: "Indicators", style: "label" },
    { formula: `COUNTA(${nameRange})`, numFmt: "0" },
  ]);
  // Parts joined "a, b and c", leaving out empty ones: each step knows whether later parts follow.
  const p = (i: number) => a1(r0 + i, PART);
  const j = (i: number) => a1(r0 + i, JOIN);
  const joins = [
    p(0),
    `IF(${p(1)}="",${j(0)},IF(${j(0)}="",${p(1)},${j(0)}&IF(AND(${p(2)}="",${p(3)}="")," and ",", ")&${p(1)}))`,
    `IF(${p(2)}="",${j(1)},IF(${j(1)}="",${p(2)},${j(1)}&IF(${p(3)}=""," and ",", ")&${p(2)}))`,
    `IF(${p(3)}="",${j(2)},IF(${j(2)}="",${p(3)},${j(2)}&" and "&${p(3)}))`,
  ];
  joins.forEach((f, i) => (cells[1 + i]![JOIN] = { formula: f, style: "hidden-data" }));
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

/** The indicators and the core's figures and plans for them: what every block reads. */
interface Monitored {
  indicators: Indicator[];
  results: IndicatorResult[];
  plans: IndicatorPlan[];
}

/** The sheet as it is built: its blocks, rules and charts, and the next free row. */
interface Build {
  blocks: BlockSpec[];
  formats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  row: number;
}

/** Adds a block of `rows` rows at the free row, and a blank row after it. */
function addBlock(b: Build, block: { block: BlockSpec; rows: number }): void {
  b.blocks.push(block.block);
  b.row += block.rows + 1;
}

/** The grid of one period kind at `row`, with the indicators it holds in order, or null for none. */
function gridOf(
  kind: PeriodKind,
  m: Monitored,
  row: number
): { grid: Grid; order: number[] } | null {
  const order = m.indicators
    .map((ind, k) => [ind, k] as const)
    .filter(([ind]) => ind.periodKind === kind && ind.periods.length > 0)
    .map(([, k]) => k);
  if (order.length === 0) return null;
  const indices = order.flatMap((k) =>
    neededIndices(m.indicators[k]!, m.plans[k]!, m.results[k]!.controlChart)
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
  // Each indicator's actual row, then its target row.
  order.forEach((k, i) =>
    grid.rows.set(k, [grid.headerRow + 1 + 2 * i, grid.headerRow + 2 + 2 * i])
  );
  return { grid, order };
}

/** The data grids, quarters first, at the free row. */
function addGrids(b: Build, m: Monitored): Map<PeriodKind, Grid> {
  const grids = new Map<PeriodKind, Grid>();
  for (const kind of ["quarter", "month"] as const) {
    const placed = gridOf(kind, m, b.row);
    if (!placed) continue;
    addBlock(b, gridBlock(placed.grid, m.indicators, placed.order));
    grids.set(kind, placed.grid);
  }
  return grids;
}

/** The column of a period in the grid, or undefined when the grid does not hold it. */
const colOfIn = (grid: Grid | undefined) => (label: string) => {
  const p = parsePeriod(label);
  if (!grid || !p || p.kind !== grid.kind) return undefined;
  const col = grid.col0 + p.index - grid.first;
  return col >= grid.col0 && col < grid.col0 + grid.count ? col : undefined;
};

/** A control-chart section for each indicator that has a chart and figures in a grid. */
function addControlCharts(
  b: Build,
  m: Monitored,
  data: MonitoringLayout["data"],
  sheetName: string,
  withCharts: boolean
): (ControlChartCells | null)[] {
  return m.indicators.map((ind, k) => {
    const chart = m.results[k]!.controlChart;
    const { actualRow, colOf } = data[k]!;
    if (!chart || actualRow < 0) return null;
    const section = controlChartBlock(
      b.row,
      ind,
      chart,
      (p) => colOf(p)!,
      actualRow,
      sheetName,
      withCharts
    );
    b.blocks.push(...section.blocks);
    b.formats.push(...section.formats);
    if (section.chartSpec) b.charts.push(section.chartSpec);
    b.row += section.rows + 1;
    return section.cells;
  });
}

/** The indicator table: headings, then a row per indicator. */
function indicatorTable(
  m: Monitored,
  grids: Map<PeriodKind, Grid>,
  indicatorRows: number[]
): Cells {
  return [
    Object.entries(HEADINGS).map(([, h]) => ({ text: h, style: "header" as const })),
    ...m.indicators.map((ind, k) => {
      const grid = grids.get(ind.periodKind);
      return indicatorRow(
        ind,
        m.results[k]!,
        m.plans[k]!,
        indicatorRows[k]!,
        grid,
        grid?.rows.get(k)
      );
    }),
  ];
}

/** Title, banner, the summary sentence (a formula on the counts) and a note. */
function titleRows(
  title: string | undefined,
  n: number,
  counts: { total: string; joined: string }
): Cells {
  const { total, joined } = counts;
  return [
    [{ text: title ?? "Performance monitoring", style: "title" }],
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
            formula: `IF(${total}=0,"There are no indicators","Of the "&${total}&" indicator"&IF(${total}=1,"","s")&" "&${joined})`,
            style: "subtitle",
          },
    ],
    [
      {
        text: "Each indicator is rated on its financial year to date against its target; directions of travel compare its latest quarter.",
        style: "note",
      },
    ],
  ];
}

/** The RAG column coloured by rating, and the directions of travel by arrow. */
function tableFormats(firstRow: number, n: number): ConditionalFormatSpec[] {
  if (n === 0) return [];
  const rag = (r: Rating): ConditionalFormatSpec => ({
    row: firstRow,
    col: C.rag,
    rows: n,
    cols: 1,
    formula: `${a1(firstRow, C.rag)}=${stringLiteral(r)}`,
    format: STYLES[RAG[r]],
    stopIfTrue: true,
  });
  const dot = (d: (typeof DIRECTIONS)["better" | "worse"]): ConditionalFormatSpec => ({
    row: firstRow,
    col: C.dotShort,
    rows: n,
    cols: 2,
    formula: `RIGHT(${a1(firstRow, C.dotShort)},${d.judgement.length})=${stringLiteral(d.judgement)}`,
    format: HIGHLIGHTS[d.highlight],
  });
  return [...RATINGS.map(rag), dot(DIRECTIONS.better), dot(DIRECTIONS.worse)];
}

/** Where each indicator's editable cells are, for the definitions sheet and refresh. */
function inputsOf(
  indicators: Indicator[],
  grids: Map<PeriodKind, Grid>,
  indicatorRows: number[],
  data: MonitoringLayout["data"]
): MonitoringInputs {
  return {
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
}

// The last two: the workings columns (polarity signs; the counts' sentence parts and joins).
const WIDTHS = [34, 11, 16, 11, 12, 16, 13, 13, 13, 11, 10, 11, 9, 12, 12, 12, 13, 13, 13, 8, 8];

/** The monitoring sheet and where its figures are. */
export function layoutMonitoring(
  indicators: Indicator[],
  options: MonitoringSheetOptions,
  sheetName: string
): MonitoringLayout {
  const results = computeMonitoring(indicators, options).indicators;
  const m: Monitored = {
    indicators,
    results,
    plans: indicators.map((ind) => planIndicator(ind, options.asOf)),
  };
  const n = indicators.length;
  const headerRow = 5;
  const firstRow = headerRow + 1;
  const indicatorRows = indicators.map((_, i) => firstRow + i);
  const lastRow = firstRow + Math.max(n, 1) - 1;
  const colRange = (col: number) => `${abs(firstRow, col)}:${abs(lastRow, col)}`;

  // Below the indicator table: counts, legend, then the data grids and control charts.
  const b: Build = { blocks: [], formats: [], charts: [], row: lastRow + 2 };
  const counts = countsBlock(b.row, colRange(C.rag), colRange(C.name));
  addBlock(b, counts);
  addBlock(b, legendBlock(b.row));
  const grids = addGrids(b, m);
  const data = indicators.map((ind, k) => {
    const grid = grids.get(ind.periodKind);
    const [actualRow, targetRow] = grid?.rows.get(k) ?? [-1, -1];
    return { actualRow, targetRow, colOf: colOfIn(grid) };
  });
  const controlCharts = addControlCharts(b, m, data, sheetName, options.charts ?? true);
  // Printed: every column but the workings, unless grids or charts reach past them.
  const printedCols = Math.max(
    WORKINGS_COL,
    ...b.blocks.filter((x) => x !== counts.block).map((x) => x.col + widthOf(x)),
    ...b.charts.map((c) => c.col + c.width)
  );
  b.blocks.push({ row: headerRow, col: 0, cells: indicatorTable(m, grids, indicatorRows) });
  const total = abs(counts.cells.total.row, counts.cells.total.col);
  b.blocks.push({
    row: 0,
    col: 0,
    cells: titleRows(options.title, n, { total, joined: counts.joined }),
  });

  const sheet: SheetSpec = {
    name: sheetName,
    role: "monitoring",
    generated: true,
    columnWidths: WIDTHS,
    blocks: b.blocks,
    tables: [],
    conditionalFormats: [...tableFormats(firstRow, n), ...b.formats],
    charts: b.charts,
    freeze: { rows: 0, cols: 1 },
    print: pageSetup({
      title: options.title ?? "Performance monitoring",
      period: results[0]?.asOf ? `Reporting period ${results[0].asOf}` : "",
      source: [...new Set(indicators.map((i) => i.source).filter(Boolean))].join(", "),
      wide: true,
    }),
  };
  sheet.print!.area = { row: 0, col: 0, rows: specExtent(sheet).rows, cols: printedCols };
  return {
    sheet,
    results,
    indicatorRows,
    summaryCell: { row: 2, col: 0 },
    countCells: counts.cells,
    data,
    controlCharts,
    inputs: inputsOf(indicators, grids, indicatorRows, data),
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
