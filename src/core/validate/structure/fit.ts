// How well a reading of a table's columns (a pair of periods, a rule) fits its rows: the
// reading is taken when most rows that can say agree with it, and each row that disagrees
// is then a finding.
import type { StructuredRow } from "../../read/structure";

/** Share of the rows that can say in which a reading holds, for it to be taken. */
export const MIN_FIT = 0.6;

export interface Fit {
  ok: number;
  n: number;
}

/** Rows that agree (true), disagree (false), or cannot say ("skip"). */
export function countFit(rows: StructuredRow[], test: (r: StructuredRow) => boolean | "skip"): Fit {
  let ok = 0;
  let n = 0;
  for (const r of rows) {
    const x = test(r);
    if (x === "skip") continue;
    n++;
    if (x) ok++;
  }
  return { ok, n };
}

/** Most rows agree, at least one does, and with two rows or fewer, all do. */
export const accepted = (f: Fit): boolean =>
  f.n > 0 && f.ok >= 1 && f.ok / f.n >= MIN_FIT && (f.n > 2 || f.ok === f.n);
