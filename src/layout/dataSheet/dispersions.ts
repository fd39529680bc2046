// The dispersion φ each row's change test uses, for the data sheets of tables analysed
// together: the core's, from the settings as recorded (defaults where a recorded value is
// out of range, as the analysis itself falls back).
import { resolveAnomalyOptions, rowDispersions } from "../../core/anomalies";
import type { CrimeTable, TableRow } from "../../core/model";
import { anomalyOptionsOf, type Settings } from "../../core/settings";
import { AnomalyOptionsError } from "../../core/errors";

export function changeDispersions(
  tables: CrimeTable[],
  settings: Partial<Settings>
): ReadonlyMap<TableRow, number> {
  try {
    return rowDispersions(tables, resolveAnomalyOptions(anomalyOptionsOf(settings)));
  } catch (e) {
    if (!(e instanceof AnomalyOptionsError)) throw e;
    return rowDispersions(tables, resolveAnomalyOptions());
  }
}
