// Recognises the header row of an "Offences & SDs" or "I & S Calls and ASB" table, from
// cells (tab, CSV, HTML) or from a line whose tabs became spaces (PDF copy).

import type { ColumnInfo, TableKind } from "../model";
import { classifyCallsHeading, classifyOffencesHeading } from "./classifyHeading";
import type { SourceLine } from "./sourceLines";

export interface TableSchema {
  kind: TableKind;
  headerLine: number;
  /** Label columns first (field "category", then "subcategory"), then figures as printed. */
  columns: ColumnInfo[];
  /** Cell index of each label and value field (celled sources only). */
  cellIndex: Map<string, number>;
  labelFields: string[];
  /**
   * Value fields in printed order. Calls tables use "change" for the change column: each
   * row files it as changePct (counts) or changePoints (percentages).
   */
  valueFields: string[];
}

const OFFENCES_TYPES: Record<string, ColumnInfo["type"]> = {
  category: "text",
  subcategory: "text",
  target: "number",
  offencesPrevious: "count",
  offencesCurrent: "count",
  offencesChangePct: "percent",
  sdsPrevious: "count",
  sdsCurrent: "count",
  sdRatePrevious: "percent",
  sdRateCurrent: "percent",
};

/** Longest heading in words that a PDF-copied header line may hold (bounds segmentation). */
const MAX_HEADING_WORDS = 8;
const MAX_HEADER_WORDS = 80;

function offencesSchema(
  line: number,
  headings: [string, string][],
  cellIndex: Map<string, number>
): TableSchema | null {
  const fields = headings.map(([f]) => f);
  const has = (f: string) => fields.includes(f);
  if (!has("category") || !has("offencesPrevious") || !has("offencesCurrent")) return null;
  if (new Set(fields).size !== fields.length) return null;
  const labels = headings.filter(([f]) => f === "category" || f === "subcategory");
  const values = headings.filter(([f]) => f !== "category" && f !== "subcategory");
  const columns: ColumnInfo[] = [...labels, ...values].map(([field, heading]) => ({
    field,
    heading,
    type: OFFENCES_TYPES[field] ?? "number",
  }));
  return {
    kind: "offences-sds",
    headerLine: line,
    columns,
    cellIndex,
    labelFields: labels.map(([f]) => f),
    valueFields: values.map(([f]) => f),
  };
}

function callsSchema(
  line: number,
  label: string,
  headings: [string, string][],
  cellIndex: Map<string, number>
): TableSchema | null {
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

/** A header row given as cells. */
export function matchCelledHeader(l: SourceLine): TableSchema | null {
  const filled = l.cells.filter((c) => c !== "").length;
  if (filled < 2 || filled > 200) return null;
  // Cheap test first: every header we know names a category or a period.
  if (!l.cells.some((c) => /prev|curr|categ/i.test(c))) return null;
  const offences: [string, string][] = [];
  const index = new Map<string, number>();
  l.cells.forEach((c, i) => {
    const f = c === "" ? null : classifyOffencesHeading(c);
    if (f && !index.has(f)) {
      offences.push([f, c]);
      index.set(f, i);
    }
  });
  const o = offencesSchema(l.line, offences, index);
  if (o) return o;
  if (index.has("offencesPrevious") || index.has("category")) return null;

  const calls: [string, string][] = [];
  const callsIndex = new Map<string, number>();
  l.cells.forEach((c, i) => {
    const f = c === "" ? null : classifyCallsHeading(c);
    if (f && !callsIndex.has(f)) {
      calls.push([f, c]);
      callsIndex.set(f, i);
    }
  });
  const first = Math.min(...callsIndex.values());
  // The label column is the one before the figures; it may have no heading.
  if (!(first >= 1)) return null;
  const labelAt = first - 1;
  for (let i = 0; i < labelAt; i++) if (l.cells[i] !== "") return null;
  callsIndex.set("category", labelAt);
  return callsSchema(l.line, l.cells[labelAt] ?? "", calls, callsIndex);
}

/**
 * Splits a PDF-copied header line into headings, longest heading first: "Offences Previous
 * R12 Offences Current R12" → ["Offences Previous R12", "Offences Current R12"]. Words
 * before the first heading are returned as the label heading.
 */
function segment<T extends string>(
  words: string[],
  classify: (t: string) => T | null,
  allowLead: boolean
): { lead: string; parts: [T, string][] } | null {
  const parts: [T, string][] = [];
  let i = 0;
  let lead = "";
  while (i < words.length) {
    let found = false;
    for (let j = Math.min(words.length, i + MAX_HEADING_WORDS); j > i; j--) {
      const heading = words.slice(i, j).join(" ");
      const f = classify(heading);
      if (f) {
        parts.push([f, heading]);
        i = j;
        found = true;
        break;
      }
    }
    if (!found) {
      if (!allowLead || parts.length > 0) return null;
      lead = lead ? `${lead} ${words[i]}` : (words[i] ?? "");
      i++;
    }
  }
  return { lead, parts };
}

/** A header line whose cell boundaries were lost (single spaces). */
export function matchSpacedHeader(l: SourceLine): TableSchema | null {
  const text = l.cells[0] ?? "";
  // Both tables we know head a previous and a current column.
  if (!/prev/i.test(text) || !/curr/i.test(text)) return null;
  const words = text.split(" ").filter((w) => w !== "");
  if (words.length < 2 || words.length > MAX_HEADER_WORDS) return null;
  const o = segment(words, classifyOffencesHeading, false);
  if (o) {
    const schema = offencesSchema(l.line, o.parts, new Map());
    if (schema) return schema;
  }
  const c = segment(words, classifyCallsHeading, true);
  if (c && c.parts.length >= 2) return callsSchema(l.line, c.lead, c.parts, new Map());
  return null;
}
