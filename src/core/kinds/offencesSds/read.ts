// Recognising an "Offences & SDs" table: its header by the words of its headings, its rows
// with the category filled down (or split from one label in a PDF copy).
import { OFFENCES_FIELDS, type ColumnInfo, type TableRow } from "../../model";
import { TOTAL_LABEL, typedValue } from "../../read/buildRows";
import { POLICE_HEADER_HINT, classifyOffencesHeading } from "../../read/classifyHeading";
import { classifyCells, headerWords, segmentHeadings } from "../../read/segmentHeading";
import type { SourceLine } from "../../read/sourceLines";
import { splitCategories } from "../../read/splitCategory";
import type { HeaderMatch, HeaderSchema, KindReader, RawRow } from "../reader";

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

/** The role a field's printed figure is read as. */
export const offencesFieldType = (field: string): "percent" | "count" =>
  field.includes("Rate") || field.endsWith("Pct") ? "percent" : "count";

function offencesSchema(
  line: number,
  headings: [string, string][],
  cellIndex: Map<string, number>
): HeaderSchema | null {
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

function matchCelled(l: SourceLine): HeaderMatch {
  const { headings, index } = classifyCells(l.cells, classifyOffencesHeading);
  const schema = offencesSchema(l.line, headings, index);
  if (schema) return { schema };
  // A header naming offences or a category but not readable as this table is no other's.
  return { schema: null, othersMayTry: !index.has("offencesPrevious") && !index.has("category") };
}

function matchSpaced(l: SourceLine): HeaderSchema | null {
  const text = l.cells[0] ?? "";
  if (!/prev/i.test(text) || !/curr/i.test(text)) return null;
  const words = headerWords(text);
  const o = words && segmentHeadings(words, classifyOffencesHeading, false);
  return o ? offencesSchema(l.line, o.parts, new Map()) : null;
}

function offencesValues(printed: Record<string, string>): {
  values: Record<string, number | null>;
  raw: Record<string, string>;
} {
  const values: Record<string, number | null> = {};
  const raw: Record<string, string> = {};
  for (const f of OFFENCES_FIELDS) {
    const text = printed[f] ?? "";
    raw[f] = text;
    values[f] = typedValue(text, offencesFieldType(f));
  }
  const target = printed.target ?? "";
  if (target !== "") {
    raw.target = target;
    values.target = typedValue(target, "number");
  }
  return { values, raw };
}

function fillDown(
  rows: { category: string; subcategory: string }[]
): { category: string; subcategory: string | null }[] {
  let current = "";
  return rows.map((r) => {
    if (r.category !== "") current = r.category;
    return { category: current, subcategory: r.subcategory };
  });
}

/** Rows of an "Offences & SDs" table. Spaced (PDF-copied) rows carry one label to split. */
export function offencesRows(raws: RawRow[], spaced: boolean): TableRow[] {
  const names = spaced
    ? splitCategories(raws.map((r) => r.labels[0] ?? ""))
    : fillDown(raws.map((r) => ({ category: r.labels[0] ?? "", subcategory: r.labels[1] ?? "" })));
  return raws.map((r, i) => {
    const n = names[i] ?? { category: "", subcategory: null };
    const sub = n.subcategory === "" ? null : n.subcategory;
    const { values, raw } = offencesValues(r.printed);
    return {
      line: r.line,
      category: n.category,
      subcategory: sub,
      isTotal: sub !== null ? TOTAL_LABEL.test(sub) : TOTAL_LABEL.test(n.category),
      status: r.status ? "dot" : null,
      values,
      raw,
    };
  });
}

export const offencesReader: KindReader = {
  headerHint: POLICE_HEADER_HINT,
  matchCelled,
  matchSpaced,
  dotIsStatus: true,
  rows: offencesRows,
};
