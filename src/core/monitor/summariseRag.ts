// The summary sentence of a monitoring sheet and the rounding it shares with the sheet's
// formulas (ROUND/TEXT in Excel and LibreOffice round halves away from zero).
import type { Rag, RagCounts } from "./types";

/**
 * Rounds halves away from zero at `decimals` places, as Excel's ROUND does. The value is
 * first cut to 15 significant digits so a ratio whose exact decimal ends in 5 but is
 * stored just below it (12.2499999…) still rounds up.
 */
export function roundHalfAway(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f;
}

/** Rounds at 9 decimals: the comparisons of RAG and direction of travel, in the sheet as ROUND(…, 9). */
export function round9(x: number): number {
  return roundHalfAway(x, 9);
}

/** The order the summary names the ratings in. */
export const RAG_ORDER: Rag[] = ["Red", "Amber", "Green"];

/** Counts the ratings; null (no target or no figures) counts as "none". */
export function countRag(rags: (Rag | null)[]): RagCounts {
  const counts: RagCounts = { Red: 0, Amber: 0, Green: 0, none: 0 };
  for (const r of rags) counts[r ?? "none"] += 1;
  return counts;
}

/** "2 (66.7%) are Red": one part of the summary. */
export function summaryPart(n: number, total: number, what: Rag | "none"): string {
  const pct = roundHalfAway((n / total) * 100, 1).toFixed(1);
  if (what === "none") return `${n} (${pct}%) ${n === 1 ? "has" : "have"} no rating`;
  return `${n} (${pct}%) ${n === 1 ? "is" : "are"} ${what}`;
}

/**
 * "Of the 3 indicators 2 (66.7%) are Red and 1 (33.3%) is Green": ratings with a count
 * of zero are left out; parts joined by ", " and a final " and ".
 */
export function summaryLine(counts: RagCounts): string {
  const total = counts.Red + counts.Amber + counts.Green + counts.none;
  if (total === 0) return "There are no indicators";
  const parts = ([...RAG_ORDER, "none"] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => summaryPart(counts[k], total, k));
  const joined =
    parts.length === 1
      ? parts[0]!
      : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]!}`;
  return `Of the ${total} indicator${total === 1 ? "" : "s"} ${joined}`;
}
