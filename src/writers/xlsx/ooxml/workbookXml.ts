// The package's bookkeeping parts: workbook.xml (sheets, hidden states, defined names, the
// tab it opens on, calculation on load), its relationships, [Content_Types].xml, the root
// relationships and the document properties (fixed dates: one spec, one set of bytes).
import type { SheetSpec, WorkbookSpec } from "../../../layout/spec";
import { colLetter, sheetRef } from "../../../layout/a1";
import { sheetKey } from "../../../layout/sheetNames";
import { anchorReference } from "../../../layout/definitionsIdentity";
import { NS, XML_HEADER, attrs, escapeMarkup } from "./xml";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TYPES = {
  officeDocument: `${REL}/officeDocument`,
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  sharedStrings: `${REL}/sharedStrings`,
  table: `${REL}/table`,
  drawing: `${REL}/drawing`,
  chart: `${REL}/chart`,
  comments: `${REL}/comments`,
  vmlDrawing: `${REL}/vmlDrawing`,
  coreProperties:
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: `${REL}/extended-properties`,
} as const;

const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";
export const CONTENT_TYPES = {
  workbook: `${SML}.sheet.main+xml`,
  worksheet: `${SML}.worksheet+xml`,
  styles: `${SML}.styles+xml`,
  sharedStrings: `${SML}.sharedStrings+xml`,
  table: `${SML}.table+xml`,
  comments: `${SML}.comments+xml`,
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export function relsXml(rels: readonly Relationship[]): string {
  const items = rels.map(
    (r) =>
      `<Relationship${attrs({ Id: r.id, Type: r.type, Target: r.target, TargetMode: r.external ? "External" : undefined })}/>`
  );
  return `${XML_HEADER}<Relationships xmlns="${NS.pkgRel}">${items.join("")}</Relationships>`;
}

/** [Content_Types].xml: defaults by extension, one override per part ("/xl/…"). */
export function contentTypesXml(overrides: readonly { part: string; type: string }[]): string {
  const defaults =
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>';
  const items = overrides.map(
    (o) => `<Override${attrs({ PartName: o.part, ContentType: o.type })}/>`
  );
  return `${XML_HEADER}<Types xmlns="${NS.contentTypes}">${defaults}${items.join("")}</Types>`;
}

/** A defined name of the workbook; `sheet` (0-based) makes it local to that sheet. */
export interface DefinedName {
  name: string;
  sheet?: number;
  formula: string;
  /** Kept out of Excel's Name Manager (the sheet anchors). */
  hidden?: boolean;
}

/** The sheet anchors the spec asks for, as hidden workbook-scoped names (layout/definitionsIdentity). */
export function anchorNames(spec: WorkbookSpec): DefinedName[] {
  return (spec.sheetAnchors ?? []).map((a) => ({
    name: a.name,
    formula: anchorReference(a.sheet),
    hidden: true,
  }));
}

const absRows = (first: number, last: number) => `$${first + 1}:$${last + 1}`;
const absRange = (r: number, c: number, rows: number, cols: number): string =>
  `$${colLetter(c)}$${r + 1}:$${colLetter(c + cols - 1)}$${r + rows}`;

/** The print titles and print areas the sheets ask for, as Excel's built-in names. */
export function printNames(sheets: readonly SheetSpec[]): DefinedName[] {
  const out: DefinedName[] = [];
  sheets.forEach((s, i) => {
    const p = s.print;
    if (p?.area)
      out.push({
        name: "_xlnm.Print_Area",
        sheet: i,
        formula: sheetRef(s.name) + absRange(p.area.row, p.area.col, p.area.rows, p.area.cols),
      });
    if (p?.repeatRows)
      out.push({
        name: "_xlnm.Print_Titles",
        sheet: i,
        formula: sheetRef(s.name) + absRows(p.repeatRows.first, p.repeatRows.last),
      });
  });
  return out;
}

/** Index of the sheet the workbook opens on: the spec's, if visible; else the first visible one. */
export function activeTab(spec: WorkbookSpec): number {
  const visible = (s: SheetSpec) => (s.visibility ?? "visible") === "visible";
  const wanted = spec.activeSheet
    ? spec.sheets.findIndex((s) => sheetKey(s.name) === sheetKey(spec.activeSheet as string))
    : -1;
  if (wanted >= 0 && visible(spec.sheets[wanted] as SheetSpec)) return wanted;
  return Math.max(0, spec.sheets.findIndex(visible));
}

/** workbook.xml; sheet i has relationship id `rId${i + 1}` and sheetId i + 1. */
export function workbookXml(spec: WorkbookSpec, names: readonly DefinedName[]): string {
  const sheets = spec.sheets.map(
    (s, i) =>
      `<sheet${attrs({ name: s.name, sheetId: i + 1, state: s.visibility && s.visibility !== "visible" ? s.visibility : undefined })} r:id="rId${i + 1}"/>`
  );
  const defined = names.length
    ? `<definedNames>${names
        .map(
          (n) =>
            `<definedName name="${n.name}"${n.sheet === undefined ? "" : ` localSheetId="${n.sheet}"`}${n.hidden ? ' hidden="1"' : ""}>${escapeMarkup(n.formula)}</definedName>`
        )
        .join("")}</definedNames>`
    : "";
  return (
    XML_HEADER +
    `<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    '<workbookPr defaultThemeVersion="124226"/>' +
    `<bookViews><workbookView activeTab="${activeTab(spec)}"/></bookViews>` +
    `<sheets>${sheets.join("")}</sheets>` +
    defined +
    // No cached values are written: Excel calculates every formula on opening.
    '<calcPr calcId="191029" fullCalcOnLoad="1"/>' +
    "</workbook>"
  );
}

/** A fixed date: the same spec gives the same bytes. */
const FIXED_DATE = "2000-01-01T00:00:00Z";

export function corePropsXml(): string {
  return (
    XML_HEADER +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    "<dc:creator>scrutiny-sheets</dc:creator>" +
    "<cp:lastModifiedBy>scrutiny-sheets</cp:lastModifiedBy>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

export function appPropsXml(): string {
  return (
    XML_HEADER +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    "<Application>Microsoft Excel</Application>" +
    "</Properties>"
  );
}
