// Writes a WorkbookSpec as a new .xlsx, streamed: each sheet's XML is made row by row from
// the spec and compressed as it comes, so memory holds the spec, one chunk of XML and the
// compressed file, never a model of the workbook. No Node file system: the bytes go back
// to the caller, so this also runs in a browser. (Refreshing a workbook is editXlsx's.)
import type { SheetSpec, WorkbookSpec } from "../../layout/spec";
import { checkSpec } from "../../layout/checkSpec";
import { StyleTable } from "./ooxml/styleTable";
import { SharedStrings } from "./ooxml/sharedStrings";
import { sheetXmlChunks, type SheetNote } from "./ooxml/sheetXml";
import { tableColumnNames, tableXml } from "./ooxml/tableXml";
import { commentsXml, notesVml } from "./ooxml/commentsXml";
import {
  CONTENT_TYPES,
  REL_TYPES,
  activeTab,
  anchorNames,
  appPropsXml,
  contentTypesXml,
  corePropsXml,
  printNames,
  relsXml,
  workbookXml,
  type Relationship,
} from "./ooxml/workbookXml";
import { ZipStream } from "./ooxml/zipStream";
import { chartParts, type ChartSourceOf, type PartCounters } from "./sheetCharts";
import { chartSource } from "./ooxml/chartSource";

export { escapeXlsxText } from "./ooxml/xml";

/** Cells the spec writes (blocks' non-empty entries). */
export function specCells(spec: WorkbookSpec): number {
  let n = 0;
  for (const sheet of spec.sheets)
    for (const block of sheet.blocks)
      for (const row of block.cells) for (const cell of row) if (cell) n++;
  return n;
}

/** Parts the package holds besides its sheets, for [Content_Types].xml. */
type Override = { part: string; type: string };

/** The bytes of a new workbook holding `spec`; throws WorkbookPlanError for a spec Excel would refuse. */
export async function writeXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  // The same check as the add-in's writer: nothing is written for a spec with a problem.
  checkSpec(spec);
  const zip = new ZipStream();
  const styles = new StyleTable();
  const shared = new SharedStrings();
  const overrides: Override[] = [];
  const counters: PartCounters = { table: 0, chart: 0, drawing: 0 };
  const active = activeTab(spec);
  const charts = chartSource(spec.sheets);
  spec.sheets.forEach((sheet, i) =>
    writeSheet(zip, sheet, i + 1, i === active, { styles, shared, charts }, overrides, counters)
  );
  zip.add("xl/styles.xml", [styles.xml()]);
  if (shared.size > 0) {
    zip.add("xl/sharedStrings.xml", [shared.xml()]);
    overrides.push({ part: "/xl/sharedStrings.xml", type: CONTENT_TYPES.sharedStrings });
  }
  zip.add("xl/workbook.xml", [
    workbookXml(spec, [...printNames(spec.sheets), ...anchorNames(spec)]),
  ]);
  zip.add("xl/_rels/workbook.xml.rels", [
    relsXml(workbookRels(spec.sheets.length, shared.size > 0)),
  ]);
  zip.add("docProps/core.xml", [corePropsXml()]);
  zip.add("docProps/app.xml", [appPropsXml()]);
  zip.add("_rels/.rels", [relsXml(ROOT_RELS)]);
  zip.add("[Content_Types].xml", [contentTypesXml([...fixedOverrides(spec), ...overrides])]);
  return zip.finish();
}

const ROOT_RELS: Relationship[] = [
  { id: "rId1", type: REL_TYPES.officeDocument, target: "xl/workbook.xml" },
  { id: "rId2", type: REL_TYPES.coreProperties, target: "docProps/core.xml" },
  { id: "rId3", type: REL_TYPES.extendedProperties, target: "docProps/app.xml" },
];

function workbookRels(sheets: number, sharedStrings: boolean): Relationship[] {
  const rels: Relationship[] = [];
  for (let i = 1; i <= sheets; i++)
    rels.push({ id: `rId${i}`, type: REL_TYPES.worksheet, target: `worksheets/sheet${i}.xml` });
  rels.push({ id: `rId${sheets + 1}`, type: REL_TYPES.styles, target: "styles.xml" });
  if (sharedStrings)
    rels.push({
      id: `rId${sheets + 2}`,
      type: REL_TYPES.sharedStrings,
      target: "sharedStrings.xml",
    });
  return rels;
}

function fixedOverrides(spec: WorkbookSpec): Override[] {
  return [
    { part: "/xl/workbook.xml", type: CONTENT_TYPES.workbook },
    { part: "/xl/styles.xml", type: CONTENT_TYPES.styles },
    { part: "/docProps/core.xml", type: CONTENT_TYPES.core },
    { part: "/docProps/app.xml", type: CONTENT_TYPES.app },
    ...spec.sheets.map((_, i) => ({
      part: `/xl/worksheets/sheet${i + 1}.xml`,
      type: CONTENT_TYPES.worksheet,
    })),
  ];
}

/** Sheet number `n` (from 1) with its tables, notes and charts, and its relationships. */
function writeSheet(
  zip: ZipStream,
  sheet: SheetSpec,
  n: number,
  selected: boolean,
  { styles, shared, charts }: { styles: StyleTable; shared: SharedStrings; charts: ChartSourceOf },
  overrides: Override[],
  counters: PartCounters
): void {
  const rels: Relationship[] = [];
  const tableRelIds = sheet.tables.map((t) => {
    const id = ++counters.table;
    const relId = `rId${rels.length + 1}`;
    const part = `tables/table${id}.xml`;
    zip.add(`xl/${part}`, [tableXml(t, id, tableColumnNames(sheet, t))]);
    overrides.push({ part: `/xl/${part}`, type: CONTENT_TYPES.table });
    rels.push({ id: relId, type: REL_TYPES.table, target: `../${part}` });
    return relId;
  });
  const drawingRelId = chartParts(zip, sheet, rels, overrides, counters, charts);
  const notes: SheetNote[] = [];
  const legacyDrawingRelId = `rId${rels.length + 1}`;
  zip.add(
    `xl/worksheets/sheet${n}.xml`,
    sheetXmlChunks(sheet, {
      styles,
      tableRelIds,
      drawingRelId,
      legacyDrawingRelId,
      tabSelected: selected,
      sharedStrings: shared,
      notes,
    })
  );
  if (notes.length > 0) {
    zip.add(`xl/drawings/vmlDrawing${n}.vml`, [notesVml(notes, n)]);
    zip.add(`xl/comments${n}.xml`, [commentsXml(notes)]);
    overrides.push({ part: `/xl/comments${n}.xml`, type: CONTENT_TYPES.comments });
    rels.push(
      {
        id: legacyDrawingRelId,
        type: REL_TYPES.vmlDrawing,
        target: `../drawings/vmlDrawing${n}.vml`,
      },
      { id: `rId${rels.length + 2}`, type: REL_TYPES.comments, target: `../comments${n}.xml` }
    );
  }
  if (rels.length > 0) zip.add(`xl/worksheets/_rels/sheet${n}.xml.rels`, [relsXml(rels)]);
}
