// What Excel enforces in chart and drawing parts that LibreOffice forgives: a file that
// breaks one opens in LibreOffice but makes Excel "repair" it (dropping the chart) or
// draw something else. Each rule says why and carries the check the tests run on every
// part chartXml and drawingXml write (checks read our own output: plain patterns
// suffice, no general XML parsing).
//
// Rules with no check here, checked elsewhere:
// - Element order. Every element in the order of its CT_* type's xsd:sequence in
//   dml-chart.xsd / dml-spreadsheetDrawing.xsd (e.g. c:barDir before c:grouping,
//   c:crossAx after c:tickLblPos, c:numFmt before c:majorTickMark). Checked by
//   validating every chart type against the ECMA-376 transitional schemas (tests).
// - Package. Each chart and drawing part needs its Override in [Content_Types].xml
//   (workbookXml.ts CONTENT_TYPES.chart / .drawing), the sheet's <drawing r:id> must name a
//   drawing relationship of the sheet, and the drawing's c:chart r:id a chart
//   relationship of the drawing; <drawing> comes after pageSetup/headerFooter and
//   before tableParts in the sheet. Excel repairs a package that misses one.

import { parseRangeAddress } from "../../../layout/a1";

export interface ChartRule {
  name: string;
  part: "chart" | "drawing";
  /** Why Excel needs it. */
  why: string;
  /** What in `xml` breaks the rule (empty when it holds). */
  check: (xml: string) => string[];
}

const all = (xml: string, re: RegExp): RegExpExecArray[] => [...xml.matchAll(re)];

/** Boolean elements (CT_Boolean) we write: their `val` defaults to true when left out. */
const BOOLEANS = [
  "date1904",
  "roundedCorners",
  "autoTitleDeleted",
  "overlay",
  "varyColors",
  "invertIfNegative",
  "marker",
  "smooth",
  "delete",
  "auto",
  "noMultiLvlLbl",
  "plotVisOnly",
];

function axisIdsMatch(xml: string): string[] {
  const group =
    /<c:(?:bar|line|scatter)Chart>(.*?)<\/c:(?:bar|line|scatter)Chart>/.exec(xml)?.[1] ?? "";
  // The group's own axId elements follow its last series.
  const tail = group.slice(group.lastIndexOf("</c:ser>") + 1);
  const groupIds = all(tail, /<c:axId val="(\d+)"\/>/g).map((m) => m[1]!);
  const axes = all(xml, /<c:(?:valAx|catAx)><c:axId val="(\d+)"\/>.*?<c:crossAx val="(\d+)"\/>/g);
  const ids = axes.map((m) => m[1]!);
  const out: string[] = [];
  if (groupIds.length !== 2) out.push(`chart group has ${groupIds.length} axId, not 2`);
  for (const id of groupIds) if (!ids.includes(id)) out.push(`axId ${id} names no axis`);
  for (const m of axes)
    if (m[2] === m[1] || !ids.includes(m[2]!)) out.push(`axis ${m[1]} crosses ${m[2]}`);
  return out;
}

const REF = /^('([^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!\$[A-Z]{1,3}\$\d+(:\$[A-Z]{1,3}\$\d+)?$/;

function cacheConsistent(xml: string): string[] {
  const out: string[] = [];
  for (const c of all(xml, /<c:(num|str)Cache>(.*?)<\/c:\1Cache>/g)) {
    const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(c[2]!)?.[1] ?? NaN);
    if (!Number.isInteger(count)) out.push(`${c[1]}Cache without ptCount`);
    for (const p of all(c[2]!, /<c:pt idx="(\d+)"><c:v>(.*?)<\/c:v><\/c:pt>/g)) {
      if (Number(p[1]) >= count) out.push(`pt idx ${p[1]} beyond ptCount ${count}`);
      if (c[1] === "num" && !(p[2]!.trim() !== "" && Number.isFinite(Number(p[2]))))
        out.push(`numCache value "${p[2]}"`);
    }
  }
  return out;
}

export const CHART_RULES: ChartRule[] = [
  {
    name: "explicit-booleans",
    part: "chart",
    why:
      "CT_Boolean's val defaults to true: a bare <c:delete/> hides the axis, a bare " +
      "<c:overlay/> lays the title over the plot. Excel reads the default; write val always.",
    check: (xml) =>
      all(xml, new RegExp(`<c:(${BOOLEANS.join("|")})\\s*/>`, "g")).map(
        (m) => `<c:${m[1]}> without val`
      ),
  },
  {
    name: "square-corners",
    part: "chart",
    why: "Excel draws a chart with no c:roundedCorners with rounded corners; write val=0.",
    check: (xml) =>
      xml.includes(`<c:roundedCorners val="0"/>`) ? [] : ["no roundedCorners val=0"],
  },
  {
    name: "axis-ids-match",
    part: "chart",
    why:
      "The chart group's two c:axId must name axes of the plot area, and each axis's " +
      "c:crossAx the other axis; Excel drops a chart whose ids do not match.",
    check: axisIdsMatch,
  },
  {
    name: "series-formulas",
    part: "chart",
    why:
      "c:f holds a reference as Excel writes it: no leading '=', the sheet quoted when its " +
      "name needs it, absolute cells. Excel repairs a chart whose formula it cannot parse.",
    check: (xml) =>
      all(xml, /<c:f>(.*?)<\/c:f>/g)
        .map((m) => m[1]!.replace(/&apos;/g, "'"))
        .filter((f) => !REF.test(f)),
  },
  {
    name: "one-dimensional-ranges",
    part: "chart",
    why:
      "A series' values, categories and x values are one row or one column: Excel reads a " +
      "block of cells in c:f as several series and repairs the chart.",
    check: (xml) =>
      all(xml, /<c:f>(.*?)<\/c:f>/g)
        .map((m) => m[1]!.replace(/&apos;/g, "'"))
        .filter((f) => {
          const r = parseRangeAddress(f);
          return r !== null && r.rows > 1 && r.cols > 1;
        })
        .map((f) => `${f} is a block, not a row or column`),
  },
  {
    name: "cache-consistent",
    part: "chart",
    why:
      "Each cache states its ptCount, every pt idx lies below it, and numCache values are " +
      "finite numbers (no NaN, Infinity or text): Excel refuses the part otherwise.",
    check: cacheConsistent,
  },
  {
    name: "series-ids-unique",
    part: "chart",
    why: "Series c:idx and c:order are unique in the chart; Excel repairs duplicates away.",
    check: (xml) => {
      const out: string[] = [];
      for (const tag of ["idx", "order"]) {
        const ids = all(
          xml,
          new RegExp(`<c:ser><c:idx val="(\\d+)"/><c:order val="(\\d+)"/>`, "g")
        ).map((m) => m[tag === "idx" ? 1 : 2]!);
        if (new Set(ids).size !== ids.length) out.push(`repeated series ${tag}`);
      }
      return out;
    },
  },
  {
    name: "scatter-lines-explicit",
    part: "chart",
    why:
      "With scatterStyle lineMarker Excel joins a scatter series' points by a line unless " +
      "its c:spPr has a:ln with a:noFill: funnel points must say so, limit lines too.",
    check: (xml) =>
      all(/<c:scatterChart>(.*)<\/c:scatterChart>/.exec(xml)?.[1] ?? "", /<c:ser>(.*?)<\/c:ser>/g)
        .filter((m) => !/<c:spPr><a:ln[ >]/.test(m[1]!))
        .map((m) => `scatter series without a:ln: ${/<c:v>(.*?)<\/c:v>/.exec(m[1]!)?.[1] ?? "?"}`),
  },
  {
    name: "drawing-ids-unique",
    part: "drawing",
    why: "Every xdr:cNvPr id is unique within the drawing; Excel repairs a drawing that repeats one.",
    check: (xml) => {
      const ids = all(xml, /<xdr:cNvPr id="(\d+)"/g).map((m) => m[1]!);
      return ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `cNvPr id ${id} repeated`);
    },
  },
];
