// The headline changes of the Summary sheet: the statistical flags a committee needs,
// ordered by importance, each told in one sentence built from the flag the core computed
// (its figures and p-value as the core wrote them), so the Summary never says what the
// Checks sheet does not.
import type { Anomaly, AnomalyRule, CrimeTable, TableRow } from "../core/model";
import { kindSchema } from "../core/kinds";
import { rowIndexAt } from "../core/rowAt";
import { MONTH_NAMES_FULL } from "../core/monthNames";

/** A flag chosen for the Summary, with the sentence that reports it. */
export interface Headline {
  /** Index of the flag in the anomalies given. */
  index: number;
  anomaly: Anomaly;
  area: string;
  periodEnding: string | null;
  /** A worse position (more offences, a lower detection rate, a special cause of concern). */
  concern: boolean;
  sentence: string;
}

/** Flags a committee reads, in order of weight; small-base cautions are not headlines. */
const RULE_ORDER: readonly AnomalyRule[] = [
  "significant-increase",
  "significant-decrease",
  "group-outlier-high",
  "group-outlier-low",
  "rate-drop",
  "rate-rise",
  "spc-outside-limits",
  "spc-run",
  "spc-trend",
  "spc-two-of-three",
];

const UP_RULES = new Set<AnomalyRule>(["significant-increase", "group-outlier-high", "rate-rise"]);

/** A headline row: a category's total, or a row with no sub-category (calls, single rows). */
function isHeadlineRow(row: TableRow | undefined): boolean {
  if (!row) return false;
  const sub = row.subcategory?.trim().toLowerCase();
  return row.isTotal || !sub || sub === "total";
}

/** Whether the flag reports a worse position, from the direction of the figure the core tested. */
function isConcern(a: Anomaly, table: CrimeTable | undefined, row: TableRow | undefined): boolean {
  if (a.rule.startsWith("spc-")) return /special cause of concern/.test(a.message);
  if (!table || !row) return UP_RULES.has(a.rule);
  const schema = kindSchema(table.kind);
  const rate = schema.ratePair(row);
  const higherIsBetter =
    rate && rate.field === a.field
      ? rate.higherIsBetter
      : (schema.countPair(row)?.higherIsBetter ?? false);
  return UP_RULES.has(a.rule) !== higherIsBetter;
}

/** Index of the first `sep` outside parentheses, or -1. */
function indexOutsideParens(text: string, sep: string, from = 0): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && text.startsWith(sep, i)) return i;
  }
  return -1;
}

/** The p-value as the core's message prints it ("p = 0.038", "p < 0.001"), or null. */
export function printedP(message: string): string | null {
  return /\bp [<=] [0-9.]+(?:e-?\d+)?/.exec(message)?.[0] ?? null;
}

/** Drops parentheses holding confidence intervals or workings, which a headline does not need. */
const withoutWorkings = (s: string): string =>
  s.replace(/ \((?:[^()]*(?:95% CI|from summed counts)[^()]*)\)/g, "");

/** The flag's statement (what happened), before the core's account of chance. */
function statementOf(a: Anomaly): string {
  const m = a.message;
  if (a.rule.startsWith("spc-")) return m.replace(/\.$/, "");
  const sep = a.rule.startsWith("group-outlier") ? ". " : "; ";
  const end = indexOutsideParens(m, sep);
  return withoutWorkings(end < 0 ? m : m.slice(0, end)).replace(/\.$/, "");
}

const VERDICT: Partial<Record<AnomalyRule, string>> = {
  "significant-increase": "a statistically significant rise",
  "significant-decrease": "a statistically significant fall",
  "rate-rise": "a statistically significant rise",
  "rate-drop": "a statistically significant fall",
};

/** A group outlier's verdict as the core words it ("higher than the group's by more than chance would explain"). */
function groupVerdict(message: string): string | null {
  return (
    /so it(?:s [a-z ]+)? is ((?:higher|lower) than the group's by more than .*? would explain)/.exec(
      message
    )?.[1] ?? null
  );
}

/** "2017-09-05" -> "5 September 2017"; "2023-05" -> "May 2023"; other text as it is. */
export function datePhrase(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  const month = m ? MONTH_NAMES_FULL[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  const name = month[0]!.toUpperCase() + month.slice(1);
  return m[3] ? `${Number(m[3])} ${name} ${m[1]}` : `${name} ${m[1]}`;
}

/** "Borough A, period ending 5 September 2017. TNO: Offences rose …, a statistically significant rise (p = 0.038)." */
function sentenceOf(a: Anomaly, area: string, periodEnding: string | null): string {
  const statement = statementOf(a);
  const verdict = a.rule.startsWith("group-outlier")
    ? statement.includes("would explain")
      ? null
      : groupVerdict(a.message)
    : VERDICT[a.rule];
  const p = printedP(a.message);
  const tail = verdict ? `, ${verdict}${p ? ` (${p})` : ""}` : "";
  // A control-chart flag names its area and month itself.
  if (a.rule.startsWith("spc-")) return `${statement}.`;
  const where = periodEnding ? `${area}, period ending ${datePhrase(periodEnding)}` : area;
  return `${where}. ${statement}${tail}.`;
}

const rank = (a: Anomaly) => {
  const i = RULE_ORDER.indexOf(a.rule);
  return i < 0 ? RULE_ORDER.length : i;
};

/**
 * The headline changes among `anomalies` (flags of `tables`): those on total rows, not
 * small-base cautions, concerns first, then by rule (changes over the period, against the
 * group, in detection rates, then control-chart signals of monthly counts) and strength
 * of evidence (smaller p first), at most `max`; none of the tables `leftOut` (superseded
 * by a later import of the same table).
 */
export function headlineChanges(
  tables: CrimeTable[],
  anomalies: Anomaly[],
  max: number,
  leftOut: ReadonlySet<number> = new Set()
): { headlines: Headline[]; considered: number } {
  const all: Headline[] = [];
  anomalies.forEach((a, index) => {
    if (!RULE_ORDER.includes(a.rule) || leftOut.has(a.table)) return;
    const table = tables[a.table];
    const row = table ? table.rows[rowIndexAt(table, a)] : undefined;
    if (table && !a.rule.startsWith("spc-") && !isHeadlineRow(row)) return;
    const area = a.area ?? table?.area ?? table?.source ?? "";
    const periodEnding = a.periodEnding ?? table?.periodEnding ?? null;
    const concern = isConcern(a, table, row);
    all.push({
      index,
      anomaly: a,
      area,
      periodEnding,
      concern,
      sentence: sentenceOf(a, area, periodEnding),
    });
  });
  all.sort(
    (x, y) =>
      Number(y.concern) - Number(x.concern) ||
      rank(x.anomaly) - rank(y.anomaly) ||
      (x.anomaly.pValue ?? 1) - (y.anomaly.pValue ?? 1) ||
      x.index - y.index
  );
  return { headlines: all.slice(0, max), considered: all.length };
}
