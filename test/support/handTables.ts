// Small tables built by hand from the published Merton paper (merton-2017-08-01.txt),
// for layout tests that must not depend on the readers.
import type { CrimeTable, TableRow } from "../../src/core/model";

const OFFENCES_COLUMNS: CrimeTable["columns"] = [
  { field: "target", heading: "Target", type: "number" },
  { field: "offencesPrevious", heading: "Offences Previous R12", type: "count", decimals: 0 },
  { field: "offencesCurrent", heading: "Offences Current R12", type: "count", decimals: 0 },
  { field: "offencesChangePct", heading: "Offences % Change", type: "percent", decimals: 1 },
  { field: "sdsPrevious", heading: "SDs Previous R12", type: "count", decimals: 0 },
  { field: "sdsCurrent", heading: "SDs Current R12", type: "count", decimals: 0 },
  { field: "sdRatePrevious", heading: "SD Rate - Previous R12", type: "percent", decimals: 1 },
  { field: "sdRateCurrent", heading: "SD Rate - Current R12", type: "percent", decimals: 1 },
];

type Figures = [
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

function offencesRow(line: number, category: string, subcategory: string, f: Figures): TableRow {
  const [op, oc, chg, sp, sc, rp, rc] = f;
  const values = {
    target: null,
    offencesPrevious: op,
    offencesCurrent: oc,
    offencesChangePct: chg,
    sdsPrevious: sp,
    sdsCurrent: sc,
    sdRatePrevious: rp,
    sdRateCurrent: rc,
  };
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === null) raw[k] = "";
    else if (k.endsWith("Pct") || k.startsWith("sdRate")) raw[k] = `${v.toFixed(1)}%`;
    else raw[k] = v.toLocaleString("en-GB");
  }
  return {
    line,
    category,
    subcategory,
    isTotal: subcategory === "Total",
    status: sp === null ? null : "dot",
    values,
    raw,
  };
}

/** Part of Merton's 1 August 2017 table, as printed (including a deliberate mismatch when `withError`). */
export function mertonAugust(withError = false): CrimeTable {
  return {
    source: "merton-2017-08-01.txt",
    kind: "offences-sds",
    title: "Offences & SDs",
    area: "Merton",
    periodEnding: "2017-08-01",
    columns: OFFENCES_COLUMNS.map((c) => ({ ...c })),
    rows: [
      offencesRow(6, "TNO", "TNO - State", [816, 910, 11.5, 604, 648, 74.0, 71.2]),
      offencesRow(7, "TNO", "TNO - Victim", [12251, 12524, 2.2, 1811, 1609, 14.8, 12.8]),
      offencesRow(8, "TNO", "TNO - Unknown", [14, 18, 28.6, 6, 7, 42.9, 38.9]),
      offencesRow(9, "TNO", "Total", [13081, 13452, withError ? 3.8 : 2.8, 2421, 2264, 18.5, 16.8]),
      offencesRow(10, "Burglary", "Total", [1482, 1392, -6.1, 102, 99, 6.9, 7.1]),
      offencesRow(11, "Robbery", "Business Property", [28, 32, 14.3, 9, 3, 32.1, 9.4]),
      offencesRow(19, "Theft Person - Mobile Phone", "Total", [122, 95, -22.1, 0, 0, 0.0, 0.0]),
      offencesRow(28, "Lethal-barrelled Gun Discharges", "Total", [4, 1, -75.0, 0, 0, 0.0, 0.0]),
      offencesRow(30, "Knife Injury Victims (U25 Non DA)", "Total", [
        31,
        23,
        -25.8,
        null,
        null,
        null,
        null,
      ]),
      offencesRow(31, "Zero base", "Total", [0, 3, null, 0, 0, null, null]),
    ],
  };
}
