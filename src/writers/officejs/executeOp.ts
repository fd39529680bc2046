// Maps one planned operation onto Office.js calls. Nothing here syncs: the caller queues
// a whole request, then syncs once.

import { STYLES } from "../../layout/styles";
import type { ChartSeriesSpec, FormatSpec, PrintSpec } from "../../layout/spec";
import { parseRangeAddress } from "../../layout/a1";
import { sheetKey } from "../../layout/sheetNames";
import { anchorReference } from "../../layout/definitionsIdentity";
import type { Rect, WriteOp, WriteOpOf } from "./writeOps";

const CHART_TYPES = {
  line: "Line",
  column: "ColumnClustered",
  bar: "BarClustered",
  scatter: "XYScatter",
} as const;
const HEADER_BORDER = "#8EA9DB";

/** Worksheet proxies of this run, by sheet name as the spec gives it. */
export type SheetProxies = Map<string, Excel.Worksheet>;

function sheetOf(
  context: Excel.RequestContext,
  sheets: SheetProxies,
  name: string
): Excel.Worksheet {
  let ws = sheets.get(sheetKey(name));
  if (!ws) {
    ws = context.workbook.worksheets.getItem(name);
    sheets.set(sheetKey(name), ws);
  }
  return ws;
}

function rangeAt(
  ws: Excel.Worksheet,
  r: { row: number; col: number; rows: number; cols: number }
): Excel.Range {
  return ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols);
}

/** A range named by an address that may carry its sheet ("'Trend Merton'!C5:H5"). */
function rangeOf(
  context: Excel.RequestContext,
  sheets: SheetProxies,
  address: string,
  here: string
): Excel.Range {
  const p = parseRangeAddress(address);
  if (!p) throw new Error(`Not a range address: ${address}`); // the spec check refused these already
  return rangeAt(sheetOf(context, sheets, p.sheet ?? here), p);
}

function applyFont(font: Excel.RangeFont | Excel.ConditionalRangeFont, f: FormatSpec): void {
  if (f.fontColor) font.color = f.fontColor;
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
}

/** What a handler works with: the request's context and this run's sheet proxies. */
interface Target {
  context: Excel.RequestContext;
  sheets: SheetProxies;
}

type Handler<K extends WriteOp["kind"]> = (t: Target, op: WriteOpOf<K>) => void;

/** The worksheet an operation writes to. */
const wsOf = (t: Target, op: WriteOp): Excel.Worksheet => sheetOf(t.context, t.sheets, op.sheet);

/** The range of an operation's rectangle. */
const rectOf = (t: Target, op: WriteOpOf<RectKind>): Excel.Range => rangeAt(wsOf(t, op), op.rect);

/** Kinds of operation that write over a rectangle. */
type RectKind = Extract<WriteOp, { rect: Rect }>["kind"];

const HANDLERS: { [K in WriteOp["kind"]]: Handler<K> } = {
  remove: ({ context }, op) => context.workbook.worksheets.getItem(op.existing).delete(),
  create: ({ context, sheets }, op) => {
    sheets.set(sheetKey(op.sheet), context.workbook.worksheets.add(op.sheet));
  },
  reuse,
  numberFormat: (t, op) => {
    // A 1x1 array is applied to every cell of the range (documented for numberFormat),
    // so a column of 100,000 rows costs one short operation.
    rectOf(t, op).numberFormat = [[op.format]];
  },
  numberFormats: (t, op) => {
    rectOf(t, op).numberFormat = op.formats;
  },
  cells: (t, op) => {
    rectOf(t, op).formulas = op.formulas;
  },
  formulasR1C1: (t, op) => {
    rectOf(t, op).formulasR1C1 = op.formulas;
  },
  style,
  columnWidth: (t, op) => {
    wsOf(t, op).getRangeByIndexes(0, op.col, 1, op.cols).format.columnWidth = op.points;
  },
  link: (t, op) => {
    // No textToDisplay: the cell keeps the text already written (as text).
    wsOf(t, op).getRangeByIndexes(op.row, op.col, 1, 1).hyperlink = {
      documentReference: op.target,
      screenTip: op.target,
    };
  },
  note: (t, op) => {
    wsOf(t, op).notes.add(wsOf(t, op).getRangeByIndexes(op.row, op.col, 1, 1), op.text);
  },
  table: (t, op) => {
    const ws = wsOf(t, op);
    const table = ws.tables.add(rangeAt(ws, op.table), true);
    table.name = op.table.name;
    table.style = op.table.style ?? "TableStyleLight9";
  },
  conditionalFormat,
  chart,
  freeze,
  visibility: (t, op) => {
    wsOf(t, op).visibility = op.visibility;
  },
  tabColor: (t, op) => {
    wsOf(t, op).tabColor = op.color;
  },
  print: (t, op) => setPageLayout(wsOf(t, op), op.print, op.clearBreaks),
  activate: (t, op) => wsOf(t, op).activate(),
  anchor,
};

/**
 * A sheet anchor, a workbook-scoped name Excel moves with its sheet on a rename
 * (NamedItemCollection.add and NamedItem.delete, ExcelApi 1.4; NamedItem.formula, 1.7),
 * hidden from the Name Manager (NamedItem.visible, 1.1).
 */
function anchor({ context }: Target, op: WriteOpOf<"anchor">): void {
  const names = context.workbook.names;
  const reference = `=${anchorReference(op.sheet)}`;
  if (op.action === "delete") names.getItem(op.name).delete();
  else if (op.action === "move") names.getItem(op.name).formula = reference;
  else names.add(op.name, reference).visible = false;
}

export function executeOp(context: Excel.RequestContext, sheets: SheetProxies, op: WriteOp): void {
  (HANDLERS[op.kind] as Handler<WriteOp["kind"]>)({ context, sheets }, op);
}

/** A sheet already there, renamed as the spec has it and cleared for rebuilding (only where it is ours, when known). */
function reuse({ context, sheets }: Target, op: WriteOpOf<"reuse">): void {
  const ws = context.workbook.worksheets.getItem(op.existing);
  sheets.set(sheetKey(op.sheet), ws);
  if (op.existing !== op.sheet) ws.name = op.sheet;
  for (const t of op.deleteTables) ws.tables.getItem(t).delete();
  // Table.convertToRange (ExcelApi 1.2): "all data is preserved", so a cell the user typed
  // into our table outside what we wrote stays; clearFilters first shows any rows hidden.
  for (const t of op.unlistTables) {
    const table = ws.tables.getItem(t);
    table.clearFilters();
    table.convertToRange();
  }
  for (const c of op.deleteCharts) ws.charts.getItem(c).delete();
  const areas = op.clear === "all" ? [ws.getRange()] : op.clear.map((r) => rangeAt(ws, r));
  for (const area of areas) {
    area.conditionalFormats.clearAll();
    area.clear("All");
  }
  if (op.unfreeze) ws.freezePanes.unfreeze();
}

function style(t: Target, op: WriteOpOf<"style">): void {
  const s = STYLES[op.style];
  const format = rectOf(t, op).format;
  if (s.fill) format.fill.color = s.fill;
  applyFont(format.font, s);
  if (s.underline) format.font.underline = "Single";
  if (s.size) format.font.size = s.size;
  if (s.wrap) {
    format.wrapText = true;
    format.verticalAlignment = "Top";
  }
  if (s.borderBottom) {
    const edge = format.borders.getItem("EdgeBottom");
    edge.style = "Continuous";
    edge.color = HEADER_BORDER;
  }
}

function conditionalFormat(t: Target, op: WriteOpOf<"conditionalFormat">): void {
  const cf = rectOf(t, op).conditionalFormats.add("Custom");
  cf.custom.rule.formula = `=${op.formula}`;
  if (op.format.fill) cf.custom.format.fill.color = op.format.fill;
  applyFont(cf.custom.format.font, op.format);
  if (op.stopIfTrue) cf.stopIfTrue = true;
  // Excel puts a new rule first; setting each rule's place keeps the layout's order.
  cf.priority = op.priority;
}

function chart({ context, sheets }: Target, op: WriteOpOf<"chart">): void {
  const ws = sheetOf(context, sheets, op.sheet);
  const c = op.chart;
  const first = c.series[0];
  if (!first) return; // the spec check refused charts without series
  const range = (address: string): Excel.Range => rangeOf(context, sheets, address, op.sheet);
  const firstRange = range(first.values);
  const parsed = parseRangeAddress(first.values);
  const chart = ws.charts.add(
    CHART_TYPES[c.type],
    firstRange,
    parsed && parsed.rows === 1 ? "Rows" : "Columns"
  );
  chart.name = op.name;
  chart.title.text = c.title;
  const categories = range(c.categories);
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  // A scatter series has x values of its own; other charts share the categories.
  s0.setXAxisValues(first.xValues ? range(first.xValues) : categories);
  drawSeries(s0, first, c.type === "scatter");
  for (const s of c.series.slice(1)) {
    const added = chart.series.add(s.name);
    added.setValues(range(s.values));
    added.setXAxisValues(s.xValues ? range(s.xValues) : categories);
    drawSeries(added, s, c.type === "scatter");
  }
  chart.setPosition(
    ws.getRangeByIndexes(c.row, c.col, 1, 1),
    ws.getRangeByIndexes(c.row + Math.max(1, c.height) - 1, c.col + Math.max(1, c.width) - 1, 1, 1)
  );
}

function freeze(t: Target, op: WriteOpOf<"freeze">): void {
  const panes = wsOf(t, op).freezePanes;
  if (op.rows > 0 && op.cols > 0)
    panes.freezeAt(wsOf(t, op).getRangeByIndexes(0, 0, op.rows, op.cols));
  else if (op.rows > 0) panes.freezeRows(op.rows);
  else panes.freezeColumns(op.cols);
}

/**
 * How a series is drawn, within ExcelApi 1.7: a scatter series as points only or as a line
 * without markers (ChartSeries.chartType, 1.7), its colour (line colour 1.1, marker
 * colours 1.7) and a dashed line (ChartLineFormat.lineStyle, 1.7).
 */
function drawSeries(series: Excel.ChartSeries, s: ChartSeriesSpec, scatter: boolean): void {
  if (scatter && s.draw)
    series.chartType = s.draw === "line" ? "XYScatterLinesNoMarkers" : "XYScatter";
  else if (s.draw === "markers") series.format.line.lineStyle = "None";
  else if (s.draw === "line") series.markerStyle = "None";
  if (s.color) {
    if (s.draw !== "markers") series.format.line.color = s.color;
    if (s.draw !== "line") {
      series.markerBackgroundColor = s.color;
      series.markerForegroundColor = s.color;
    }
  }
  if (s.dashed && s.draw !== "markers") series.format.line.lineStyle = "Dash";
}

/** Header/footer text with Excel's codes: & doubled, {page} and {pages} as &P and &N. */
function headerText(part: string): string {
  return part
    .replace(/&/g, "&&")
    .replace(/\{page\}/g, "&P")
    .replace(/\{pages\}/g, "&N");
}

/** Page setup (ExcelApi 1.9: the planner writes it only where isSetSupported said yes). */
function setPageLayout(ws: Excel.Worksheet, p: PrintSpec, clearBreaks: boolean): void {
  const layout = ws.pageLayout;
  // A refresh rebuilds the sheet: its earlier breaks go, or they would pile up.
  if (clearBreaks) ws.horizontalPageBreaks.removePageBreaks();
  // add() puts the break above the range's top-left cell: above 0-based row r.
  for (const r of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
  if (p.orientation) layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  if (p.fitToWidth) layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: 0 };
  if (p.repeatRows)
    layout.setPrintTitleRows(`$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}`);
  if (p.area) layout.setPrintArea(rangeAt(ws, p.area));
  const all = layout.headersFooters.defaultForAllPages;
  if (p.header) {
    all.leftHeader = headerText(p.header[0]);
    all.centerHeader = headerText(p.header[1]);
    all.rightHeader = headerText(p.header[2]);
  }
  if (p.footer) {
    all.leftFooter = headerText(p.footer[0]);
    all.centerFooter = headerText(p.footer[1]);
    all.rightFooter = headerText(p.footer[2]);
  }
}
