// Recorded offences for two rolling 12-month periods, computed from the London Datastore's
// monthly counts: an offences table with nothing printed to check (we computed the %
// change) and no sanction detections.
import { changePct } from "../datastore/changePct";
import type { TableRow } from "../model";
import { offencesSds, planOffencesColumns } from "./offencesSds";
import type { KindSchema } from "./schema";

/** A row read back from its sheet: the % change recomputed as the import computed it. */
function completeReadBack(row: TableRow): void {
  const p = row.values.offencesPrevious;
  const q = row.values.offencesCurrent;
  row.values.offencesChangePct =
    typeof p === "number" && typeof q === "number" ? changePct(p, q) : null;
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
