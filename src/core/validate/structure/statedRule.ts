// The RAG rule a report states beside its table, when the paste carries it ("Green = on or
// within 10% of the quarterly target", "Amber = more than 10% off the quarterly target and
// where performance had improved or been maintained …"): the ratings are then checked by
// that rule and tolerance, not by the one the figures fit best.

/**
 * How a report rates its indicators:
 * - "improvement" (this product's rule, and Havering's): Green on target or within the
 *   tolerance; beyond it, Amber if the figure improved on (or held) the same period a year
 *   earlier, else Red;
 * - "band": Green on or better than target, Amber worse but within the tolerance, Red beyond.
 */
export type RagRule = "improvement" | "band";

export interface StatedRule {
  /** The rule the words describe, or null when they do not say. */
  rule: RagRule | null;
  /** The tolerance stated, in percent of target, or null when none is. */
  tolerancePct: number | null;
  /** The lines the rule is stated on (1-based). */
  lines: number[];
}

const RATING = /\b(green|amber|red)\b\s*(?:=|:|-|–|—|means|is)\s*/gi;

/** Each rating's clause: its words up to the next rating named. */
function clauses(text: string): Map<string, string> {
  const found = [...text.matchAll(RATING)];
  const out = new Map<string, string>();
  found.forEach((m, k) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = found[k + 1]?.index ?? text.length;
    const rating = (m[1] as string).toLowerCase();
    if (!out.has(rating)) out.set(rating, text.slice(from, to).toLowerCase());
  });
  return out;
}

const PERCENT = /(\d+(?:\.\d+)?)\s*(?:%|per ?cent)/;

/** The rule stated in a report's lines, or null when they state none. */
export function statedRule(lines: { line: number; text: string }[]): StatedRule | null {
  const keyLines = lines.filter((l) => clauses(l.text).size > 0);
  if (keyLines.length === 0) return null;
  const c = clauses(keyLines.map((l) => l.text).join(" "));
  const green = c.get("green") ?? "";
  const amber = c.get("amber") ?? "";
  const rule: RagRule | null = /improv|maintain/.test(amber)
    ? "improvement"
    : /within|toleran|close|near/.test(amber) || /(?:on|at) or (?:above|better|exceed)/.test(green)
      ? "band"
      : null;
  const pct = PERCENT.exec(/within|off|toleran/.test(green) ? green : amber);
  const tolerancePct = pct ? Number(pct[1]) : null;
  if (rule === null && tolerancePct === null) return null;
  return { rule, tolerancePct, lines: keyLines.map((l) => l.line) };
}
