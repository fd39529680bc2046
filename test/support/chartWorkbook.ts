// A minimal .xlsx package for chart tests, built here so the chart and drawing parts can
// be judged before the streaming writer adds them itself: sheets of plain values
// (inline strings and numbers), each with its charts, through fflate's zipSync.
import { strToU8, zipSync } from "fflate";
import type { ChartSpec } from "../../src/layout/spec";
import { colLetter, parseRangeAddress } from "../../src/layout/a1";
import {
  chartXml,
  CHART_CONTENT_TYPE,
  CHART_REL_TYPE,
} from "../../src/writers/xlsx/ooxml/chartXml";
import type { ChartCache, ChartFormat } from "../../src/writers/xlsx/ooxml/chartXml";
import {
  drawingXml,
  DRAWING_CONTENT_TYPE,
  DRAWING_REL_TYPE,
} from "../../src/writers/xlsx/ooxml/drawingXml";

export type CellValue = string | number | null;

export interface TestSheet {
  name: string;
  /** Rows of values from A1. */
  cells: CellValue[][];
  charts: ChartSpec[];
  /** Number formats of whole columns, by 0-based column (given to the charts only). */
  columnFormats?: Record<number, string>;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The values of a range of these sheets, row by row, as the writer's cache would give them. */
export function cacheOf(sheets: TestSheet[]): ChartCache {
  return (ref) => {
    const r = parseRangeAddress(ref);
    const sheet = sheets.find((s) => s.name === r?.sheet);
    if (!r || !sheet) return null;
    const out: CellValue[] = [];
    for (let row = r.row; row < r.row + r.rows; row++)
      for (let col = r.col; col < r.col + r.cols; col++) out.push(sheet.cells[row]?.[col] ?? null);
    return out;
  };
}

/** The number format of a range's first column, as the writer's format look-up gives it. */
export function formatOf(sheets: TestSheet[]): ChartFormat {
  return (ref) => {
    const r = parseRangeAddress(ref);
    const sheet = sheets.find((s) => s.name === r?.sheet);
    return (r && sheet?.columnFormats?.[r.col]) ?? null;
  };
}

function cellXml(v: CellValue, row: number, col: number): string {
  const ref = `${colLetter(col)}${row + 1}`;
  if (v === null) return "";
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  // No xml:space on <t>: the ECMA schema's t (ST_Xstring) has no attributes, though
  // Excel writes xml:space="preserve" there and reads it.
  return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
}

/** CT_Worksheet: sheetData, then drawing (the schema's order). */
export function sheetXml(sheet: TestSheet): string {
  const rows = sheet.cells
    .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cellXml(v, i, c)).join("")}</row>`)
    .join("");
  const drawing = sheet.charts.length > 0 ? `<drawing r:id="rId1"/>` : "";
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetData>${rows}</sheetData>${drawing}</worksheet>`;
}

function rels(items: { id: string; type: string; target: string }[]): string {
  const body = items
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`)
    .join("");
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${body}</Relationships>`;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

function contentTypes(sheets: TestSheet[], charts: number): string {
  const over = (part: string, type: string): string =>
    `<Override PartName="${part}" ContentType="${type}"/>`;
  const parts = [
    over(
      "/xl/workbook.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    ),
    ...sheets.map((_, i) =>
      over(
        `/xl/worksheets/sheet${i + 1}.xml`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
      )
    ),
    ...sheets.flatMap((s, i) =>
      s.charts.length > 0 ? [over(`/xl/drawings/drawing${i + 1}.xml`, DRAWING_CONTENT_TYPE)] : []
    ),
    ...Array.from({ length: charts }, (_, i) =>
      over(`/xl/charts/chart${i + 1}.xml`, CHART_CONTENT_TYPE)
    ),
  ];
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>${parts.join("")}</Types>`
  );
}

function workbookXml(sheets: TestSheet[]): string {
  const list = sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheets>${list}</sheets></workbook>`;
}

/** Every part of the package by path, so tests can validate each before zipping. */
export function chartWorkbookParts(sheets: TestSheet[]): Record<string, string> {
  const cache = cacheOf(sheets);
  const formats = formatOf(sheets);
  const parts: Record<string, string> = {
    "_rels/.rels": rels([{ id: "rId1", type: `${REL}officeDocument`, target: "xl/workbook.xml" }]),
    "xl/workbook.xml": workbookXml(sheets),
    "xl/_rels/workbook.xml.rels": rels(
      sheets.map((_, i) => ({
        id: `rId${i + 1}`,
        type: `${REL}worksheet`,
        target: `worksheets/sheet${i + 1}.xml`,
      }))
    ),
  };
  let chartNo = 0;
  sheets.forEach((sheet, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(sheet);
    if (sheet.charts.length === 0) return;
    parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = rels([
      { id: "rId1", type: DRAWING_REL_TYPE, target: `../drawings/drawing${i + 1}.xml` },
    ]);
    const items = sheet.charts.map((chart, j) => {
      chartNo++;
      parts[`xl/charts/chart${chartNo}.xml`] = chartXml(chart, cache, formats);
      return { chart, relId: `rId${j + 1}`, target: `../charts/chart${chartNo}.xml` };
    });
    parts[`xl/drawings/drawing${i + 1}.xml`] = drawingXml(items);
    parts[`xl/drawings/_rels/drawing${i + 1}.xml.rels`] = rels(
      items.map((it) => ({ id: it.relId, type: CHART_REL_TYPE, target: it.target }))
    );
  });
  parts["[Content_Types].xml"] = contentTypes(sheets, chartNo);
  return parts;
}

/** The zipped package. */
export function chartWorkbook(sheets: TestSheet[]): Uint8Array {
  const parts = chartWorkbookParts(sheets);
  // [Content_Types].xml first, as Excel writes it.
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(parts["[Content_Types].xml"]!),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files, { level: 6 });
}
