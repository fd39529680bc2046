// "Offences & SDs": offences and sanction detections for two rolling 12-month periods,
// with the % change and the SD rates printed beside the counts.
import { OFFENCES_FIELDS, type CrimeTable, type TableRow } from "../../model";
import {
  DEFAULT_HEADINGS,
  PRINTED_SUFFIX,
  closingColumns,
  figureColumns,
  headingOf,
  statusColumn,
  type DataColumnDef,
} from "../columns";
import type { CountPair, DerivedFigure, FieldSpec, KindSchema, RatePair } from "../schema";
import { countsOf, isCount } from "../measures";
import { offencesFieldType, offencesReader } from "./read";

export const OFFENCES_DERIVED: readonly DerivedFigure[] = [
  {
    field: "offencesChangePct",
    how: "change",
    inputs: ["offencesPrevious", "offencesCurrent"],
    name: "% change",
  },
  {
    field: "sdRatePrevious",
    how: "rate",
    inputs: ["sdsPrevious", "offencesPrevious"],
    name: "SD rate previous",
  },
  {
    field: "sdRateCurrent",
    how: "rate",
    inputs: ["sdsCurrent", "offencesCurrent"],
    name: "SD rate current",
  },
];

const SD_FIELDS = ["sdsPrevious", "sdsCurrent", "sdRatePrevious", "sdRateCurrent"] as const;

const OFFENCES_SPECS: FieldSpec[] = [
  { field: "target", role: "number", required: false },
  ...OFFENCES_FIELDS.map((field) => ({ field, role: offencesFieldType(field), required: true })),
];

function offencesCountPair(row: TableRow): CountPair | null {
  return countsOf(row, "offencesPrevious", "offencesCurrent", {
    changeField: "offencesChangePct",
    countField: "offencesCurrent",
    subject: "offences",
    unit: "offences",
    higherIsBetter: false,
  });
}

/** The SD rate (SDs / offences), when both counts are usable. */
function sdRatePair(row: TableRow): RatePair | null {
  const { sdsPrevious: x1, offencesPrevious: n1, sdsCurrent: x2, offencesCurrent: n2 } = row.values;
  if (!isCount(x1) || !isCount(n1) || !isCount(x2) || !isCount(n2)) return null;
  // More SDs than offences is a data error (validation's detections-exceed-offences), not a rate.
  if (x1 > n1 || x2 > n2) return null;
  return {
    x1,
    n1,
    x2,
    n2,
    field: "sdRateCurrent",
    rateName: "SD rate",
    unit: "offences",
    higherIsBetter: true,
  };
}

/** Each figure as printed; a derived one as a formula with the printed figure beside it. */
function figurePlan(table: CrimeTable, printsDerived: boolean): DataColumnDef[] {
  const fields = new Set(table.columns.map((c) => c.field));
  return figureColumns(table).flatMap((c): DataColumnDef[] => {
    const derived = OFFENCES_DERIVED.find((d) => d.field === c.field);
    if (!derived || !derived.inputs.every((f) => fields.has(f)))
      return [{ heading: c.heading, role: "value", field: c.field }];
    const formula: DataColumnDef = { heading: c.heading, role: "derived", field: c.field };
    if (!printsDerived) return [formula];
    return [formula, { heading: c.heading + PRINTED_SUFFIX, role: "printed", field: c.field }];
  });
}

/** The columns we add after the source's: SD-rate change and the p-values the counts allow. */
function measureColumns(table: CrimeTable, cols: DataColumnDef[]): DataColumnDef[] {
  const fields = new Set(table.columns.map((c) => c.field));
  const derivedHere = new Set(cols.filter((c) => c.role === "derived").map((c) => c.field));
  const out: DataColumnDef[] = [];
  if (derivedHere.has("sdRatePrevious") && derivedHere.has("sdRateCurrent"))
    out.push({ heading: DEFAULT_HEADINGS.rateChange, role: "rateChange" });
  if (fields.has("offencesPrevious") && fields.has("offencesCurrent"))
    out.push({ heading: DEFAULT_HEADINGS.pValue, role: "pValue" });
  if (
    ["sdsPrevious", "sdsCurrent", "offencesPrevious", "offencesCurrent"].every((f) => fields.has(f))
  )
    out.push({ heading: DEFAULT_HEADINGS.ratePValue, role: "ratePValue" });
  return out;
}

/** The data sheet of an offences table (pasted, or computed from the Datastore). */
export function planOffencesColumns(table: CrimeTable, printsDerived: boolean): DataColumnDef[] {
  const cols: DataColumnDef[] = [
    {
      heading: headingOf(table, "category", DEFAULT_HEADINGS.category),
      role: "category",
      field: "category",
    },
    {
      heading: headingOf(table, "subcategory", DEFAULT_HEADINGS.subcategory),
      role: "subcategory",
      field: "subcategory",
    },
    ...figurePlan(table, printsDerived),
  ];
  const status = statusColumn(table);
  if (status) cols.push(status);
  return closingColumns([...cols, ...measureColumns(table, cols)]);
}

export const offencesSds: KindSchema = {
  kind: "offences-sds",
  defaultTitle: "Offences & SDs",
  sheetSuffix: "",
  rowFamily: "offences",
  comparable: true,
  sheetFamily: "offences",
  fields: OFFENCES_FIELDS,
  printsDerived: true,
  derived: OFFENCES_DERIVED,
  valueSpecs: () => (row) =>
    OFFENCES_SPECS.filter((s) => s.required || row.raw?.[s.field] !== undefined),
  optionalGroup: SD_FIELDS,
  blanksAllowed: false,
  partsOfWhole: [
    { part: "sdsPrevious", whole: "offencesPrevious" },
    { part: "sdsCurrent", whole: "offencesCurrent" },
  ],
  totals: ["offencesPrevious", "offencesCurrent", "sdsPrevious", "sdsCurrent"],
  countPair: offencesCountPair,
  ratePair: sdRatePair,
  percentMeasure: () => null,
  planColumns: (table) => planOffencesColumns(table, true),
  reader: offencesReader,
};
