// Recorded offences for two rolling 12-month periods, computed from the London Datastore's
// monthly counts: an offences table with nothing printed to check (we computed the %
// change) and no sanction detections.
import { changePct } from "../datastore/changePct";
import { printedFigures } from "../datastore/printedFigures";
import type { TableRow } from "../model";
import { offencesSds, planOffencesColumns } from "./offencesSds";
import type { KindSchema } from "./schema";

/**
 * A row read back from its sheet: the % change recomputed, and the figures' printed text,
 * as the import made them (the sheet holds no % change, and shows counts its own way).
 */
function completeReadBack(row: TableRow): void {
  const p = row.values.offencesPrevious;
  const q = row.values.offencesCurrent;
  row.values.offencesChangePct =
    typeof p === "number" && typeof q === "number" ? changePct(p, q) : null;
  const printed = printedFigures(
    typeof p === "number" ? p : null,
    typeof q === "number" ? q : null,
    row.values.offencesChangePct
  );
  // A count the user blanked or typed as text keeps the text read back.
  for (const [field, text] of Object.entries(printed))
    if (field === "offencesChangePct" || typeof row.values[field] === "number")
      row.raw[field] = text;
  for (const f of ["sdsPrevious", "sdsCurrent", "sdRatePrevious", "sdRateCurrent"])
    row.values[f] = null;
}

export const datastoreR12: KindSchema = {
  ...offencesSds,
  kind: "datastore-r12",
  defaultTitle: "Recorded offences, rolling 12 months",
  sheetFamily: "datastore",
  // Offences only: the file has no detections.
  fields: ["offencesPrevious", "offencesCurrent", "offencesChangePct"],
  printsDerived: false,
  derived: offencesSds.derived.filter((d) => d.field === "offencesChangePct"),
  // The statistics test offence counts only: the file has no detections.
  ratePair: () => null,
  planColumns: (table) => planOffencesColumns(table, false),
  completeReadBack,
  // Read from the Datastore's CSV (core/datastore), never recognised in pasted text.
  reader: undefined,
};
