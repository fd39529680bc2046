// "I & S Calls and ASB": previous and current R12 figures and their change, per measure.
// Count rows (ASB calls, repeat callers) carry a % change; percentage rows (calls answered
// in target) a change in percentage points. Both changes share one sheet column.
import { CALLS_FIELDS, type CrimeTable, type TableRow } from "../../model";
import {
  DEFAULT_HEADINGS,
  PRINTED_SUFFIX,
  closingColumns,
  figureColumns,
  headingOf,
  statusColumn,
  type DataColumnDef,
} from "../columns";
import type { CountPair, DerivedFigure, FieldSpec, KindSchema } from "../schema";
import { countsOf } from "../measures";
import { callsReader } from "./read";

/** The calls table's one change column: % change on count rows, points on percentage rows. */
export const CALLS_CHANGE_FIELD = "change";

/** A row of percentages (calls answered in target), whose change is in points. */
export const isPercentRow = (row: TableRow): boolean =>
  row.unit === "percent" || "changePoints" in row.values;

const CALLS_DERIVED: readonly DerivedFigure[] = [
  {
    field: "changePct",
    how: "change",
    inputs: ["previous", "current"],
    name: "% change",
    column: CALLS_CHANGE_FIELD,
    appliesTo: (row) => !isPercentRow(row),
  },
  {
    field: "changePoints",
    how: "points",
    inputs: ["previous", "current"],
    name: "change (pts)",
    column: CALLS_CHANGE_FIELD,
    appliesTo: isPercentRow,
  },
];

function callsSpecs(row: TableRow): FieldSpec[] {
  const percent = isPercentRow(row);
  const role = percent ? "percent" : "count";
  return [
    { field: "previous", role, required: true },
    { field: "current", role, required: true },
    {
      field: percent ? "changePoints" : "changePct",
      role: percent ? "points" : "percent",
      // A percentage row whose change is the status dot printed no change figure.
      required: !(percent && row.status === "dot"),
    },
  ];
}

/** A calls count (ASB Calls, Repeat Callers); percentage rows have no counts to test. */
function callsCountPair(row: TableRow): CountPair | null {
  if (row.unit !== "count") return null;
  return countsOf(row, "previous", "current", {
    changeField: "changePct",
    countField: "current",
    subject: "the count",
    unit: "",
    higherIsBetter: false,
  });
}

function planCallsColumns(table: CrimeTable): DataColumnDef[] {
  const fields = new Set(table.columns.map((c) => c.field));
  const hasCounts = fields.has("previous") && fields.has("current");
  const cols: DataColumnDef[] = [
    {
      heading: headingOf(table, "label", headingOf(table, "category", DEFAULT_HEADINGS.label)),
      role: "label",
      field: "category",
    },
    { heading: DEFAULT_HEADINGS.unit, role: "unit" },
  ];
  let changeDone = false;
  for (const c of figureColumns(table)) {
    if (c.field !== "changePct" && c.field !== "changePoints") {
      cols.push({ heading: c.heading, role: "value", field: c.field });
    } else if (!changeDone && hasCounts) {
      changeDone = true;
      cols.push({ heading: c.heading, role: "derived", field: CALLS_CHANGE_FIELD });
      cols.push({
        heading: c.heading + PRINTED_SUFFIX,
        role: "printed",
        field: CALLS_CHANGE_FIELD,
      });
    }
  }
  const status = statusColumn(table);
  if (status) cols.push(status);
  if (hasCounts) cols.push({ heading: "p-value (change)", role: "pValue" });
  return closingColumns(cols);
}

export const callsAsb: KindSchema = {
  kind: "calls-asb",
  defaultTitle: "I & S Calls and ASB",
  sheetSuffix: "calls",
  rowFamily: "calls",
  comparable: true,
  sheetFamily: null,
  fields: CALLS_FIELDS,
  printsDerived: true,
  derived: CALLS_DERIVED,
  valueSpecs: () => callsSpecs,
  optionalGroup: [],
  blanksAllowed: false,
  partsOfWhole: [],
  totals: [],
  countPair: callsCountPair,
  ratePair: () => null,
  percentMeasure: (row) => (row.unit === "percent" ? (row.values.current ?? null) : null),
  planColumns: planCallsColumns,
  reader: callsReader,
};
