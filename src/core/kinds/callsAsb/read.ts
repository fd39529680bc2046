// Recognising an "I & S Calls and ASB" table: Previous R12 | Current R12 | Change %, its
// label column before the figures (often without a heading); count rows carry a % change,
// percentage rows a change in points.
import type { ColumnInfo, TableRow } from "../../model";
import { TOTAL_LABEL, typedValue } from "../../read/buildRows";
import { POLICE_HEADER_HINT, classifyCallsHeading } from "../../read/classifyHeading";
import { parseNumber } from "../../read/parseNumber";
import { classifyCells, headerWords, segmentHeadings } from "../../read/segmentHeading";
import type { SourceLine } from "../../read/sourceLines";
import { roleOfHeading } from "../../read/structure/periods";
import type { HeaderMatch, HeaderSchema, KindReader, RawRow } from "../reader";

function callsSchema(
  line: number,
  label: string,
  headings: [string, string][],
  cellIndex: Map<string, number>
): HeaderSchema | null {
  const fields = headings.map(([f]) => f);
  if (!fields.includes("previous") || !fields.includes("current")) return null;
  if (new Set(fields).size !== fields.length) return null;
  const columns: ColumnInfo[] = [{ field: "category", heading: label, type: "text" }];
  for (const [field, heading] of headings) {
    if (field === "change") {
      columns.push(
        { field: "changePct", heading, type: "percent" },
        { field: "changePoints", heading, type: "points" }
      );
    } else columns.push({ field, heading, type: "number" });
  }
  return {
    kind: "calls-asb",
    headerLine: line,
    columns,
    cellIndex,
    labelFields: ["category"],
    valueFields: fields,
  };
}

/** Headings of more than one change ("Change | Change %"): a table with an absolute change, not this one. */
function hasTwoChanges(cells: string[]): boolean {
  const changes = cells.filter((c) => {
    const role = roleOfHeading(c);
    return role === "change" || role === "change-pct" || role === "change-points";
  });
  return changes.length > 1;
}

function matchCelled(l: SourceLine): HeaderMatch {
  if (hasTwoChanges(l.cells)) return { schema: null, othersMayTry: true };
  const { headings, index } = classifyCells(l.cells, classifyCallsHeading);
  const first = Math.min(...index.values());
  // The label column is the one before the figures; it may have no heading.
  if (!(first >= 1)) return { schema: null, othersMayTry: true };
  const labelAt = first - 1;
  for (let i = 0; i < labelAt; i++)
    if (l.cells[i] !== "") return { schema: null, othersMayTry: true };
  index.set("category", labelAt);
  const schema = callsSchema(l.line, l.cells[labelAt] ?? "", headings, index);
  return schema ? { schema } : { schema: null, othersMayTry: true };
}

function matchSpaced(l: SourceLine): HeaderSchema | null {
  const text = l.cells[0] ?? "";
  if (!/prev/i.test(text) || !/curr/i.test(text)) return null;
  const words = headerWords(text);
  const c = words && segmentHeadings(words, classifyCallsHeading, true);
  return c && c.parts.length >= 2 ? callsSchema(l.line, c.lead, c.parts, new Map()) : null;
}

/** A row of the "I & S Calls and ASB" table: counts get a % change, percentages points. */
export function callsRow(r: RawRow): TableRow {
  const previous = r.printed.previous ?? "";
  const current = r.printed.current ?? "";
  const isPercent = [previous, current].some((t) => {
    const p = parseNumber(t);
    return p.kind === "number" && p.unit === "percent";
  });
  const changeField = isPercent ? "changePoints" : "changePct";
  const change = r.printed.change ?? "";
  const raw: Record<string, string> = { previous, current, [changeField]: change };
  const values: Record<string, number | null> = {
    previous: typedValue(previous, isPercent ? "percent" : "count"),
    current: typedValue(current, isPercent ? "percent" : "count"),
    [changeField]: typedValue(change, isPercent ? "points" : "percent"),
  };
  const label = r.labels[0] ?? "";
  return {
    line: r.line,
    category: label,
    subcategory: null,
    isTotal: TOTAL_LABEL.test(label),
    status: r.status || parseNumber(change).kind === "status" ? "dot" : null,
    unit: isPercent ? "percent" : "count",
    values,
    raw,
  };
}

export const callsReader: KindReader = {
  headerHint: POLICE_HEADER_HINT,
  matchCelled,
  matchSpaced,
  dotIsStatus: false,
  rows: (raws) => raws.map(callsRow),
};
