import type { Anomaly, CrimeTable } from "../model";
import { appendAll } from "../appendAll";
import { groupAnomalies, rowDispersions } from "./groupAnomalies";
import { resolveAnomalyOptions } from "./options";
import type { AnomalyOptions } from "./options";
import { seriesFlags, tableSeries } from "./seriesAnomalies";
import { tableAnomalies } from "./tableAnomalies";

/**
 * Statistical flags for a list of checked tables: per table (significant changes, small
 * bases, rate changes), per comparison group (several areas sharing one period) and per
 * series (one area over at least `minSeriesPoints` periods). A row's own change test
 * allows for its measure's overdispersion across its group (rowDispersions). Options are checked once;
 * bad options throw AnomalyOptionsError.
 */
export function findAnomalies(tables: CrimeTable[], partial?: Partial<AnomalyOptions>): Anomaly[] {
  const opts = resolveAnomalyOptions(partial);
  const dispersions = rowDispersions(tables, opts);
  const out: Anomaly[] = tables.flatMap((table, i) => tableAnomalies(table, i, opts, dispersions));
  appendAll(out, groupAnomalies(tables, opts));
  for (const series of tableSeries(tables, opts.minSeriesPoints))
    appendAll(out, seriesFlags(series, opts));
  return out;
}
