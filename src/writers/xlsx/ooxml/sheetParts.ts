// The parts of a worksheet around its rows: what comes before <sheetData> (tab colour,
// views, column widths) and after it (conditional formats, links, print setup, drawings,
// tables), each in the place the schema gives it (excelRules.ts).
import type { PrintSpec, SheetSpec } from "../../../layout/spec";
import { a1, rangeRef } from "../../../layout/a1";
import { specExtent } from "../../../layout/extent";
import { toFileFormula } from "../fileFormula";
import { formulaText } from "./cellXml";
import type { SheetContext } from "./sheetContext";
import { NS, XML_HEADER, argb, attrs, xmlText } from "./xml";

/** Print setup when the spec gives none: committee papers are printed landscape, one page wide. */
const DEFAULT_PRINT: PrintSpec = { orientation: "landscape", fitToWidth: 1 };

function sheetPr(sheet: SheetSpec, print: PrintSpec): string {
  const tab = sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : "";
  const fit = print.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "";
  return tab || fit ? `<sheetPr>${tab}${fit}</sheetPr>` : "";
}

function sheetView(sheet: SheetSpec, selected: boolean): string {
  const sel = selected ? ' tabSelected="1"' : "";
  const f = sheet.freeze;
  if (!f || (f.rows <= 0 && f.cols <= 0))
    return `<sheetViews><sheetView${sel} workbookViewId="0"/></sheetViews>`;
  const pane = f.rows > 0 && f.cols > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight";
  const split = attrs({
    xSplit: f.cols > 0 ? f.cols : undefined,
    ySplit: f.rows > 0 ? f.rows : undefined,
    topLeftCell: a1(Math.max(f.rows, 0), Math.max(f.cols, 0)),
    activePane: pane,
    state: "frozen",
  });
  return `<sheetViews><sheetView${sel} workbookViewId="0"><pane${split}/><selection pane="${pane}"/></sheetView></sheetViews>`;
}

/** Column widths; no <cols> at all when there are none (Excel refuses an empty one). */
function cols(widths: readonly (number | undefined)[]): string {
  let out = "";
  widths.forEach((w, i) => {
    if (w !== undefined && w !== null && Number.isFinite(w) && w >= 0)
      out += `<col min="${i + 1}" max="${i + 1}" width="${Math.min(w, 255)}" customWidth="1"/>`;
  });
  return out ? `<cols>${out}</cols>` : "";
}

function dimension(sheet: SheetSpec): string {
  const { rows, cols: n } = specExtent(sheet);
  return `<dimension ref="${rows > 0 && n > 0 ? rangeRef(0, 0, rows, n) : "A1"}"/>`;
}

/** Everything of the worksheet before its first row. */
export function sheetHead(sheet: SheetSpec, ctx: SheetContext): string {
  const print = sheet.print ?? DEFAULT_PRINT;
  return (
    XML_HEADER +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    sheetPr(sheet, print) +
    dimension(sheet) +
    sheetView(sheet, !!ctx.tabSelected) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols(sheet.columnWidths ?? []) +
    "<sheetData>"
  );
}

/** Expression rules, one <conditionalFormatting> each, in the spec's order of priority. */
function conditionalFormats(sheet: SheetSpec, ctx: SheetContext): string {
  return sheet.conditionalFormats
    .map((cf, i) => {
      const rule = attrs({
        type: "expression",
        dxfId: ctx.styles.dxf(cf.format),
        priority: i + 1,
        stopIfTrue: cf.stopIfTrue ? 1 : undefined,
      });
      const ref = rangeRef(cf.row, cf.col, cf.rows, cf.cols);
      return `<conditionalFormatting sqref="${ref}"><cfRule${rule}><formula>${formulaText(toFileFormula(cf.formula))}</formula></cfRule></conditionalFormatting>`;
    })
    .join("");
}

function hyperlinks(links: readonly { ref: string; target: string }[]): string {
  if (links.length === 0) return "";
  const items = links.map((l) => `<hyperlink${attrs({ ref: l.ref, location: l.target })}/>`);
  return `<hyperlinks>${items.join("")}</hyperlinks>`;
}

/** Header/footer text: "&" doubled, {page} and {pages} as Excel's page codes. */
function headerFooterText(parts: readonly [string, string, string]): string {
  const code = (s: string) =>
    s
      .replace(/&/g, "&&")
      .replace(/\{page\}/g, "&P")
      .replace(/\{pages\}/g, "&N");
  return ["&L", "&C", "&R"].map((k, i) => (parts[i] ? k + code(parts[i] as string) : "")).join("");
}

function printSetup(print: PrintSpec): string {
  const setup = attrs({
    paperSize: 9,
    orientation: print.orientation,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToWidth ? 0 : undefined,
  });
  const head = print.header ? headerFooterText(print.header) : "";
  const foot = print.footer ? headerFooterText(print.footer) : "";
  const hf =
    head || foot
      ? "<headerFooter>" +
        (head ? `<oddHeader>${xmlText(head)}</oddHeader>` : "") +
        (foot ? `<oddFooter>${xmlText(foot)}</oddFooter>` : "") +
        "</headerFooter>"
      : "";
  return (
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup${setup}/>` +
    hf +
    rowBreaks(print.rowBreaks ?? [])
  );
}

/**
 * Manual breaks across every column. A <brk>'s id is the 0-based row the break falls
 * above (ECMA-376 §18.3.1.2), the spec's own numbering; max 16383 is the last column.
 */
function rowBreaks(rows: readonly number[]): string {
  const ids = [...new Set(rows.filter((r) => Number.isInteger(r) && r > 0))].sort((a, b) => a - b);
  if (ids.length === 0) return "";
  const brks = ids.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("");
  return `<rowBreaks count="${ids.length}" manualBreakCount="${ids.length}">${brks}</rowBreaks>`;
}

/** Everything of the worksheet after its rows. */
export function sheetTail(
  sheet: SheetSpec,
  ctx: SheetContext,
  links: readonly { ref: string; target: string }[],
  hasNotes: boolean
): string {
  const drawing = ctx.drawingRelId ? `<drawing r:id="${ctx.drawingRelId}"/>` : "";
  const legacy =
    hasNotes && ctx.legacyDrawingRelId ? `<legacyDrawing r:id="${ctx.legacyDrawingRelId}"/>` : "";
  const tables = ctx.tableRelIds.length
    ? `<tableParts count="${ctx.tableRelIds.length}">${ctx.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`
    : "";
  return (
    conditionalFormats(sheet, ctx) +
    hyperlinks(links) +
    printSetup(sheet.print ?? DEFAULT_PRINT) +
    drawing +
    legacy +
    tables +
    "</worksheet>"
  );
}
