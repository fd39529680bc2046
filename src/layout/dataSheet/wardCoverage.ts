// A table's ward coverage as its data sheet's definition records it, and back: the notes
// it gives on Checks (core/validate/wardCoverage.ts) come from the two files read side by
// side, which a refresh no longer has, so the sheet keeps the figures (a few a row).
import type { WardCoverage } from "../../core/model";
import type { WardCoverageRecord } from "../definitions";

export function recordWardCoverage(c: WardCoverage): WardCoverageRecord {
  return {
    borough: c.borough,
    wardSource: c.wardSource,
    boroughSource: c.boroughSource,
    periodEnding: c.periodEnding,
    ...(c.boroughMonths ? { boroughMonths: { ...c.boroughMonths } } : {}),
    rows: c.rows.map((r) => [
      r.line,
      r.category,
      r.subcategory,
      r.isTotal,
      r.wards.previous,
      r.wards.current,
      r.borough.previous,
      r.borough.current,
    ]),
  };
}

export function restoreWardCoverage(r: WardCoverageRecord): WardCoverage {
  return {
    borough: r.borough,
    wardSource: r.wardSource,
    boroughSource: r.boroughSource,
    periodEnding: r.periodEnding,
    ...(r.boroughMonths ? { boroughMonths: { ...r.boroughMonths } } : {}),
    rows: r.rows.map(([line, category, subcategory, isTotal, wp, wc, bp, bc]) => ({
      line,
      category,
      subcategory,
      isTotal,
      wards: { previous: wp, current: wc },
      borough: { previous: bp, current: bc },
    })),
  };
}
