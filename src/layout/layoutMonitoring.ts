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
import { computeMonitoring, planIndicator } from "../core/monitor/computeMonitoring";
import { parsePeriod, periodLabel, type PeriodKind } from "../core/monitor/periods";
import type {
  Indicator,
  IndicatorResult,
  IndicatorUnit,
  MonitorOptions,
} from "../core/monitor/types";
import { DEFAULT_TOLERANCE_PCT } from "../core/monitor/readIndicators";
import { a1, abs, stringLiteral } from "./a1";
import { controlChartBlock, type ControlChartCells } from "./layoutControlChart";
import { HEADINGS, MONITOR_COLUMNS, type Cells } from "./monitoringColumns";
import { gridBlock, neededIndices, type Grid } from "./monitoringGrid";
import { indicatorRow } from "./monitoringIndicatorRow";
import { legendBlock } from "./monitoringLegend";
import type { BlockSpec, ChartSpec, ConditionalFormatSpec, SheetSpec, StyleName } from "./spec";
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
