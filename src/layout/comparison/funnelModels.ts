// The funnel model of each row of a comparison: the core's changeFunnel and rateFunnel
// over the compared areas' counts, so the sheet's markers allow for overdispersion exactly
// when the core does (a group of at least 10 areas whose changes vary beyond chance). The
// model, φ and τ are values the layout writes beside the markers, which take them in.
import { AnomalyOptionsError, dispersionModel, resolveAnomalyOptions } from "../../core/anomalies";
import { kindSchema } from "../../core/kinds";
import { anomalyOptionsOf, type Settings } from "../../core/settings";
import type { CrimeTable, TableRow } from "../../core/model";
import { nameKey } from "../../core/nameKey";
import { changeFunnel, rateFunnel, type DispersionModel, type FunnelModel } from "../../core/stats";
import type { ComparedRow } from "./types";

/** What a row's markers use: the model's name as the sheet shows it, φ and τ. */
export interface RowModel {
  /** "Poisson" (exact Poisson or binomial), "multiplicative" or "random effects". */
  label: ModelLabel;
  phi: number | null;
  tau: number | null;
  /** Why a Poisson model where an adjustment was asked for. */
  reason?: string;
}

export type ModelLabel = "Poisson" | "multiplicative" | "random effects";

export const MODEL_LABEL: Record<DispersionModel, ModelLabel> = {
  poisson: "Poisson",
  multiplicative: "multiplicative",
  additive: "random effects",
};

const keyOf = (r: { category: string; subcategory: string | null }) =>
  `${nameKey(r.category)}|${nameKey(r.subcategory)}`;

function rowModel(f: FunnelModel): RowModel {
  const phi = f.dispersion && Number.isFinite(f.dispersion.phi) ? f.dispersion.phi : null;
  return {
    label: MODEL_LABEL[f.model],
    phi,
    tau: f.dispersion ? Math.sqrt(f.dispersion.tau2) : null,
    reason: f.reason,
  };
}

/** The same row in each compared table that has it. */
function rowsAcross(tables: CrimeTable[], row: ComparedRow): { r: TableRow; t: CrimeTable }[] {
  const k = keyOf(row);
  return tables.flatMap((t) => {
    const r = t.rows.find((x) => keyOf(x) === k);
    return r ? [{ r, t }] : [];
  });
}

/** The change and rate models of each row, in `rows` order (null where nothing to compare). */
export function funnelModels(
  tables: CrimeTable[],
  rows: ComparedRow[],
  model: DispersionModel
): { change: RowModel | null; rate: RowModel | null }[] {
  return rows.map((row) => {
    const found = rowsAcross(tables, row);
    const counts = found.flatMap(({ r, t }) => {
      const p = kindSchema(t.kind).countPair(r);
      return p ? [p] : [];
    });
    const rates = found.flatMap(({ r, t }) => {
      const p = kindSchema(t.kind).ratePair(r);
      return p && p.n2 > 0 ? [{ successes: p.x2, n: p.n2 }] : [];
    });
    const previous = counts.reduce((s, c) => s + c.previous, 0);
    return {
      change: counts.length >= 2 && previous > 0 ? rowModel(changeFunnel(counts, { model })) : null,
      rate: rates.length >= 2 ? rowModel(rateFunnel(rates, { model })) : null,
    };
  });
}

/** The model the recorded settings ask for (the default where they are out of range). */
export function dispersionModelOf(settings: Partial<Settings>): DispersionModel {
  try {
    return dispersionModel(resolveAnomalyOptions(anomalyOptionsOf(settings)));
  } catch (e) {
    if (!(e instanceof AnomalyOptionsError)) throw e;
    return dispersionModel(resolveAnomalyOptions());
  }
}
