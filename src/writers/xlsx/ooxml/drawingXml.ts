// A sheet's drawing part (xl/drawings/drawingN.xml): one two-cell anchor per chart, from
// the spec's top-left cell and size in cells, holding a graphic frame that points at the
// chart part through the drawing's relationships (`relId`). Element order follows
// dml-spreadsheetDrawing.xsd (CT_TwoCellAnchor, CT_GraphicalObjectFrame).
import { CHART_NAME_PREFIX, type ChartSpec } from "../../../layout/spec";
import { escapeMarkup, XML_HEADER } from "./xml";

const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/** CT_Marker: col, colOff, row, rowOff (0-based cells, offsets in EMU). */
function cellMarker(tag: "from" | "to", row: number, col: number): string {
  return (
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

/**
 * One anchor: the chart covers `width` × `height` cells from (row, col), as the Office.js
 * writer places it (at least one cell each way). `id` is the frame's drawing-unique id.
 */
function anchor(chart: ChartSpec, relId: string, id: number, name: string): string {
  const rows = Math.max(1, chart.height);
  const cols = Math.max(1, chart.width);
  const frame =
    `<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeMarkup(name)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" r:id="${escapeMarkup(relId)}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame>`;
  return (
    // No editAs: Excel's default for charts, moving and sizing with the cells under them.
    `<xdr:twoCellAnchor>` +
    cellMarker("from", chart.row, chart.col) +
    cellMarker("to", chart.row + rows, chart.col + cols) +
    frame +
    `<xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The drawing part of one sheet's charts; `relId` is each chart's id in the drawing's rels. */
export function drawingXml(items: { chart: ChartSpec; relId: string }[]): string {
  // cNvPr ids are unique within the drawing; 1 is left to the drawing itself, as Excel does.
  const anchors = items
    .map((it, i) => anchor(it.chart, it.relId, i + 2, `${CHART_NAME_PREFIX} ${i + 1}`))
    .join("");
  return (
    XML_HEADER +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors}</xdr:wsDr>`
  );
}
