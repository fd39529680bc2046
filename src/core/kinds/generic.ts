// Any other table: a label (and sub-label) and figure columns, kept as printed. Nothing is
// derived, so nothing is recomputed; each figure is still checked for being a number.
import type { ColumnInfo, CrimeTable } from "../model";
import {
  DEFAULT_HEADINGS,
  closingColumns,
  headingOf,
  printedColumns,
  type DataColumnDef,
} from "./columns";
import type { FieldRole, FieldSpec, KindSchema } from "./schema";

const ROLE_OF_TYPE: Record<ColumnInfo["type"], FieldRole> = {
  count: "number",
  points: "points",
  percent: "percent",
  number: "number",
  text: "number",
};

function genericSpecs(table: CrimeTable): FieldSpec[] {
  return table.columns
    .filter((c) => c.field !== "category" && c.type !== "text")
    .map((c) => ({ field: c.field, role: ROLE_OF_TYPE[c.type], required: false }));
}

function planGenericColumns(table: CrimeTable): DataColumnDef[] {
  const cols: DataColumnDef[] = [
    {
      heading: headingOf(table, "category", DEFAULT_HEADINGS.label),
      role: "category",
      field: "category",
    },
  ];
  if (table.rows.some((r) => r.subcategory !== null))
    cols.push({
      heading: headingOf(table, "subcategory", DEFAULT_HEADINGS.subcategory),
      role: "subcategory",
      field: "subcategory",
    });
  // Columns of words (a RAG rating, a direction of travel, notes) are kept as printed.
  for (const c of printedColumns(table))
    cols.push({ heading: c.heading, role: "value", field: c.field });
  return closingColumns(cols);
}

export const generic: KindSchema = {
  kind: "generic",
  defaultTitle: "Table",
  sheetSuffix: "table",
  rowFamily: "offences",
  comparable: false,
  sheetFamily: null,
  fields: [],
  printsDerived: false,
  derived: [],
  valueSpecs: (table) => {
    const specs = genericSpecs(table);
    return () => specs;
  },
  optionalGroup: [],
  blanksAllowed: true,
  partsOfWhole: [],
  totals: [],
  countPair: () => null,
  ratePair: () => null,
  percentMeasure: () => null,
  planColumns: planGenericColumns,
  // Recognised by core/read/genericTable when no known kind's header matches.
};
