// The seam for a sheet's charts: the drawing part that anchors them and one chart part
// each, with their relationships and content types. Until the DrawingML chart writer is
// here, a sheet says in a cell where each chart would be, as the workbook always did.
import type { ChartSpec, SheetSpec } from "../../layout/spec";
import type { ZipStream } from "./ooxml/zipStream";
import type { Relationship } from "./ooxml/workbookXml";

/** Numbering of parts across the workbook (tables, charts and drawings are numbered workbook-wide). */
export interface PartCounters {
  table: number;
  chart: number;
  drawing: number;
}

/** Writes the sheet's drawing and chart parts; the drawing's relationship id, if any. */
export function chartParts(
  _zip: ZipStream,
  _sheet: SheetSpec,
  _rels: Relationship[],
  _overrides: { part: string; type: string }[],
  _counters: PartCounters
): string | undefined {
  return undefined;
}

function placeholderText(chart: ChartSpec): string {
  return `Chart "${chart.title}": drawn when the add-in refreshes this workbook in Excel (the command-line writer draws no charts).`;
}

/** The sheet with a note at each chart's anchor cell, where the spec leaves that cell empty. */
export function withChartPlaceholders(sheet: SheetSpec): SheetSpec {
  if (sheet.charts.length === 0) return sheet;
  // First, so any cell of the spec at the same place wins over the note.
  const notes = sheet.charts.map((c) => ({
    row: c.row,
    col: c.col,
    cells: [[{ text: placeholderText(c), style: "note" as const }]],
  }));
  return { ...sheet, blocks: [...notes, ...sheet.blocks] };
}
