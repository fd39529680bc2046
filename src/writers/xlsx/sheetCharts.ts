// A sheet's charts: the drawing part that anchors them and one chart part each, with
// their relationships and content types. Charts and drawings are numbered workbook-wide.
import type { SheetSpec } from "../../layout/spec";
import type { ZipStream } from "./ooxml/zipStream";
import { CONTENT_TYPES, REL_TYPES, relsXml, type Relationship } from "./ooxml/workbookXml";
import { chartXml, type ChartCache, type ChartFormat } from "./ooxml/chartXml";
import { drawingXml } from "./ooxml/drawingXml";

/** Numbering of parts across the workbook. */
export interface PartCounters {
  table: number;
  chart: number;
  drawing: number;
}

/** What the writer knows of the cells charts read (chartSource over the spec). */
export interface ChartSourceOf {
  cache: ChartCache;
  format: ChartFormat;
}

/**
 * Writes the sheet's drawing and its chart parts, adds the drawing to the sheet's
 * relationships `rels`; the drawing's relationship id, or undefined for a sheet without charts.
 */
export function chartParts(
  zip: ZipStream,
  sheet: SheetSpec,
  rels: Relationship[],
  overrides: { part: string; type: string }[],
  counters: PartCounters,
  source: ChartSourceOf
): string | undefined {
  if (sheet.charts.length === 0) return undefined;
  const drawingNo = ++counters.drawing;
  const drawingRels: Relationship[] = [];
  const items = sheet.charts.map((chart, i) => {
    const chartNo = ++counters.chart;
    const part = `charts/chart${chartNo}.xml`;
    zip.add(`xl/${part}`, [chartXml(chart, source.cache, source.format)]);
    overrides.push({ part: `/xl/${part}`, type: CONTENT_TYPES.chart });
    const relId = `rId${i + 1}`;
    drawingRels.push({ id: relId, type: REL_TYPES.chart, target: `../${part}` });
    return { chart, relId };
  });
  const drawing = `drawings/drawing${drawingNo}.xml`;
  zip.add(`xl/${drawing}`, [drawingXml(items)]);
  zip.add(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, [relsXml(drawingRels)]);
  overrides.push({ part: `/xl/${drawing}`, type: CONTENT_TYPES.drawing });
  const relId = `rId${rels.length + 1}`;
  rels.push({ id: relId, type: REL_TYPES.drawing, target: `../${drawing}` });
  return relId;
}
