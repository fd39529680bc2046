// A chart of the spec as a DrawingML chart part (xl/charts/chartN.xml): clustered
// column and bar, line, and scatter (funnel plots: points as markers, limits as dashed
// lines), the same charts the Office.js writer makes.
//
// Every element is written in the order its CT_* type's xsd:sequence gives in
// dml-chart.xsd (ECMA-376 transitional): Excel refuses a part with elements out of
// order, where LibreOffice reads on. The rules Excel enforces and LibreOffice forgives
// are listed, with the check each needs, in chartRules.ts; the tests validate every
// chart type against the schema and render it with LibreOffice.
import type { ChartSeriesSpec, ChartSpec } from "../../../layout/spec";
import { parseRangeAddress, colLetter } from "../../../layout/a1";
import { escapeMarkup, XML_HEADER } from "./xml";

/** Cached cell values of a range the spec names ("'Trend Merton'!C5:H5"), or null when unknown. */
export type ChartCache = (ref: string) => (string | number | null)[] | null;

/** The number format of a range's cells ("0.0%"), or null when unknown or General. */
export type ChartFormat = (ref: string) => string | null;

/** What the writer knows of the cells a chart reads. */
interface Source {
  cache: ChartCache;
  format: ChartFormat;
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Axis ids: any unsigned ints, as long as the chart group and both axes agree. */
const X_AXIS = 500010;
const Y_AXIS = 500020;

/** Office's default accent colours, for series the spec gives no colour. */
const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

/** Line width of series lines in EMU (2.25 pt, Excel's default). */
const LINE_EMU = 28575;

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text and attribute values for XML: escaped, and characters XML 1.0 cannot carry
 * dropped (DrawingML text has no _xHHHH_ escape as cell text has).
 */
function esc(text: string): string {
  return escapeMarkup(text.replace(NOT_XML, "").replace(LONE_SURROGATE, ""));
}

const val = (name: string, v: string | number): string => `<c:${name} val="${v}"/>`;

/** Whether a sheet name must be quoted in a formula: not a plain word, or one that reads as a cell. */
function needsQuotes(name: string): boolean {
  return (
    !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[Rr]\d*([Cc]\d*)?$/.test(name) ||
    /^[Cc]\d*$/.test(name)
  );
}

/**
 * The series formula of a spec range: the sheet as the spec names it (quoted if it must
 * be), the cells made absolute ("'Trend Merton'!$C$5:$H$5"), no leading "=".
 */
export function chartFormula(ref: string): string {
  const parsed = parseRangeAddress(ref);
  if (!parsed) return ref.replace(/^=/, "");
  const bang = ref.lastIndexOf("!");
  const given = bang >= 0 ? ref.slice(0, bang) : "";
  const sheet =
    given === "" || given.startsWith("'") || !needsQuotes(given)
      ? given
      : `'${given.replace(/'/g, "''")}'`;
  const cell = (r: number, c: number): string => `$${colLetter(c)}$${r + 1}`;
  const first = cell(parsed.row, parsed.col);
  const last = cell(parsed.row + parsed.rows - 1, parsed.col + parsed.cols - 1);
  const local = first === last ? first : `${first}:${last}`;
  return sheet === "" ? local : `${sheet}!${local}`;
}

/** Rich text of a title: one paragraph, one run. */
function richText(text: string, size: number, bold: boolean): string {
  const rPr = `sz="${size}" b="${bold ? 1 : 0}"`;
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${rPr}/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" ${rPr}/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

/** CT_Title: tx, layout, overlay (overlay written: its schema default is true). */
function title(text: string, size: number): string {
  return `<c:title>${richText(text, size, true)}${val("overlay", 0)}</c:title>`;
}

function finite(v: string | number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** CT_NumData: formatCode, ptCount, pt (blank and non-numeric cells left out). */
function numCache(values: (string | number | null)[], format: string | null): string {
  const pts = values
    .map((v, i) => (finite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  const code = `<c:formatCode>${esc(format ?? "General")}</c:formatCode>`;
  return `<c:numCache>${code}${val("ptCount", values.length)}${pts}</c:numCache>`;
}

/** CT_StrData: ptCount, pt (blank cells left out). */
function strCache(values: (string | number | null)[]): string {
  const pts = values
    .map((v, i) =>
      v === null || v === "" ? "" : `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`
    )
    .join("");
  return `<c:strCache>${val("ptCount", values.length)}${pts}</c:strCache>`;
}

function numRef(ref: string, src: Source): string {
  const cached = src.cache(ref);
  const body = cached ? numCache(cached, src.format(ref)) : "";
  return `<c:numRef><c:f>${esc(chartFormula(ref))}</c:f>${body}</c:numRef>`;
}

/** Category labels: numbers when every cached label is one, else text. */
function axisData(ref: string, src: Source): string {
  const cached = src.cache(ref);
  const present = cached?.filter((v) => v !== null && v !== "") ?? [];
  if (cached && present.length > 0 && present.every(finite)) return numRef(ref, src);
  const body = cached ? strCache(cached) : "";
  return `<c:strRef><c:f>${esc(chartFormula(ref))}</c:f>${body}</c:strRef>`;
}

const solid = (rgb: string): string => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/** "#4472c4" or a palette colour as the six hex digits DrawingML takes. */
function colourOf(s: ChartSeriesSpec, i: number): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(s.color ?? "");
  return m?.[1] ? m[1].toUpperCase() : PALETTE[i % PALETTE.length]!;
}

/** How a series of this chart is drawn: bars, a line, or markers alone. */
type Drawing = "bar" | "line" | "markers";

function drawingOf(chart: ChartSpec, s: ChartSeriesSpec): Drawing {
  if (chart.type === "column" || chart.type === "bar") return "bar";
  return s.draw ?? (chart.type === "scatter" ? "markers" : "line");
}

/** CT_ShapeProperties of a series: fill for bars, a:ln (fill, dash, join) for lines. */
function seriesShape(drawing: Drawing, rgb: string, dashed: boolean): string {
  if (drawing === "bar") return `<c:spPr>${solid(rgb)}</c:spPr>`;
  // A scatter series is joined by a line unless its line has no fill.
  if (drawing === "markers") return `<c:spPr><a:ln w="${LINE_EMU}"><a:noFill/></a:ln></c:spPr>`;
  const dash = dashed ? `<a:prstDash val="dash"/>` : "";
  return `<c:spPr><a:ln w="${LINE_EMU}" cap="rnd">${solid(rgb)}${dash}<a:round/></a:ln></c:spPr>`;
}

/** CT_Marker: symbol, size, spPr. */
function marker(drawing: Drawing, rgb: string): string {
  if (drawing !== "markers") return `<c:marker>${val("symbol", "none")}</c:marker>`;
  return (
    `<c:marker>${val("symbol", "circle")}${val("size", 6)}` +
    `<c:spPr>${solid(rgb)}<a:ln w="9525">${solid(rgb)}</a:ln></c:spPr></c:marker>`
  );
}

/** EG_SerShared: idx, order, tx, spPr. */
function serShared(chart: ChartSpec, s: ChartSeriesSpec, i: number): string {
  const shape = seriesShape(drawingOf(chart, s), colourOf(s, i), s.dashed === true);
  return `${val("idx", i)}${val("order", i)}<c:tx><c:v>${esc(s.name)}</c:v></c:tx>${shape}`;
}

/** CT_BarSer, CT_LineSer or CT_ScatterSer, in each type's element order. */
function series(chart: ChartSpec, s: ChartSeriesSpec, i: number, src: Source): string {
  const head = serShared(chart, s, i);
  const drawing = drawingOf(chart, s);
  const values = (tag: string): string => `<c:${tag}>${numRef(s.values, src)}</c:${tag}>`;
  if (drawing === "bar") {
    const cat = `<c:cat>${axisData(chart.categories, src)}</c:cat>`;
    return `<c:ser>${head}${val("invertIfNegative", 0)}${cat}${values("val")}</c:ser>`;
  }
  const mark = marker(drawing, colourOf(s, i));
  if (chart.type === "scatter") {
    const x = `<c:xVal>${numRef(s.xValues ?? chart.categories, src)}</c:xVal>`;
    return `<c:ser>${head}${mark}${x}${values("yVal")}${val("smooth", 0)}</c:ser>`;
  }
  const cat = `<c:cat>${axisData(chart.categories, src)}</c:cat>`;
  return `<c:ser>${head}${mark}${cat}${values("val")}${val("smooth", 0)}</c:ser>`;
}

/** The chart group (CT_BarChart, CT_LineChart, CT_ScatterChart) with its series. */
function chartGroup(chart: ChartSpec, src: Source): string {
  const sers = chart.series.map((s, i) => series(chart, s, i, src)).join("");
  const axes = val("axId", X_AXIS) + val("axId", Y_AXIS);
  switch (chart.type) {
    case "column":
    case "bar": {
      const dir = val("barDir", chart.type === "bar" ? "bar" : "col");
      const group = `${dir}${val("grouping", "clustered")}${val("varyColors", 0)}`;
      return `<c:barChart>${group}${sers}${val("gapWidth", 150)}${axes}</c:barChart>`;
    }
    case "line": {
      const group = `${val("grouping", "standard")}${val("varyColors", 0)}`;
      return `<c:lineChart>${group}${sers}${val("marker", 1)}${axes}</c:lineChart>`;
    }
    case "scatter": {
      const group = `${val("scatterStyle", "lineMarker")}${val("varyColors", 0)}`;
      return `<c:scatterChart>${group}${sers}${axes}</c:scatterChart>`;
    }
  }
}

interface AxisPlan {
  tag: "catAx" | "valAx";
  id: number;
  cross: number;
  pos: "b" | "l";
  title?: string;
  gridlines: boolean;
  /** Category labels at the low end, clear of bars that fall below zero. */
  labels: "low" | "nextTo";
  crossBetween?: "between" | "midCat";
  /** The number format of the axis' labels, or null to follow the cells. */
  format: string | null;
}

/**
 * CT_NumFmt: the cells' format when the writer knows it (written out, so every reader
 * shows the labels as the sheet does), else linked to the cells.
 */
function axisFormat(format: string | null): string {
  return format
    ? `<c:numFmt formatCode="${esc(format)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
}

/** CT_CatAx / CT_ValAx: EG_AxShared in order, then the axis type's own elements. */
function axis(a: AxisPlan): string {
  const shared =
    val("axId", a.id) +
    `<c:scaling>${val("orientation", "minMax")}</c:scaling>` +
    val("delete", 0) +
    val("axPos", a.pos) +
    (a.gridlines ? "<c:majorGridlines/>" : "") +
    (a.title ? title(a.title, 1000) : "") +
    axisFormat(a.format) +
    val("majorTickMark", "out") +
    val("minorTickMark", "none") +
    val("tickLblPos", a.labels) +
    val("crossAx", a.cross) +
    val("crosses", "autoZero");
  const own =
    a.tag === "catAx"
      ? val("auto", 1) + val("lblAlgn", "ctr") + val("lblOffset", 100) + val("noMultiLvlLbl", 0)
      : val("crossBetween", a.crossBetween ?? "between");
  return `<c:${a.tag}>${shared}${own}</c:${a.tag}>`;
}

/** The two axes: category and value, or two value axes for scatter. */
function axes(chart: ChartSpec, src: Source): string {
  const first = chart.series[0];
  const xRef = chart.type === "scatter" ? (first?.xValues ?? chart.categories) : chart.categories;
  const horizontal = chart.type === "bar"; // categories up the left, values along the bottom
  const scatter = chart.type === "scatter";
  const x: AxisPlan = {
    tag: scatter ? "valAx" : "catAx",
    id: X_AXIS,
    cross: Y_AXIS,
    pos: horizontal ? "l" : "b",
    title: chart.xAxisTitle,
    gridlines: false,
    labels: "low",
    crossBetween: scatter ? "midCat" : undefined,
    format: xRef ? src.format(xRef) : null,
  };
  const y: AxisPlan = {
    tag: "valAx",
    id: Y_AXIS,
    cross: X_AXIS,
    pos: horizontal ? "b" : "l",
    title: chart.yAxisTitle,
    gridlines: true,
    labels: "nextTo",
    crossBetween: scatter ? "midCat" : "between",
    format: first ? src.format(first.values) : null,
  };
  return axis(x) + axis(y);
}

/** CT_Legend: legendPos, overlay. Shown when there is more than one series to tell apart. */
function legend(chart: ChartSpec): string {
  if (chart.series.length < 2) return "";
  return `<c:legend>${val("legendPos", "b")}${val("overlay", 0)}</c:legend>`;
}

/**
 * The chart part for `chart`. Series and categories refer to the spec's ranges; `cache`
 * gives the cells' values where the writer knows them, so a reader that does not
 * recalculate (or a viewer) still draws the chart; `format` (optional) the cells' number
 * format, for the cached values and the axis labels.
 */
export function chartXml(
  chart: ChartSpec,
  cache: ChartCache,
  format: ChartFormat = () => null
): string {
  const src: Source = { cache, format };
  const plotArea = `<c:plotArea><c:layout/>${chartGroup(chart, src)}${axes(chart, src)}</c:plotArea>`;
  const body =
    (chart.title ? title(chart.title, 1400) : "") +
    val("autoTitleDeleted", chart.title ? 0 : 1) +
    plotArea +
    legend(chart) +
    val("plotVisOnly", 1) +
    val("dispBlanksAs", "gap");
  return (
    XML_HEADER +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `${val("date1904", 0)}${val("lang", "en-GB")}${val("roundedCorners", 0)}` +
    `<c:chart>${body}</c:chart></c:chartSpace>`
  );
}
