// Words of headings and labels: periods of any naming, the roles of figure columns, and
// footnote markers printed on a heading or label.

import { MONTH_NAMES_FULL } from "../../monthNames";
import type { ColumnRole } from "./types";

const MONTH_WORD = new RegExp(
  `^(?:${MONTH_NAMES_FULL.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join("|")}|sept)\\.?$`,
  "i"
);

export function isMonthWord(word: string): boolean {
  return MONTH_WORD.test(word);
}

/** A year as printed alone: 1900 to 2099, no separators. */
export function isYearText(text: string): boolean {
  return /^(?:19|20)\d\d$/.test(text.trim());
}

const MON = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const YEAR = "(?:19|20)\\d\\d";
const FY = `${YEAR}\\s?[/\\-\u2013]\\s?(?:${YEAR}|\\d\\d)(?!\\d)`;
const MONTH_YEAR = `${MON}[\\s\\-']?(?:${YEAR}|\\d\\d)`;
/** One period as headings print it, longest forms first. */
export const PERIOD_PHRASE = new RegExp(
  [
    `(?:12m|12 months|r12|year) (?:to|ending) ${MONTH_YEAR}`,
    `${MONTH_YEAR} (?:to|-|\u2013) ${MONTH_YEAR}`,
    `${MON}\\s?[\\-\u2013]\\s?${MON} ${YEAR}`,
    `(?:q[1-4] )?${FY}(?: q[1-4])?`,
    `q[1-4] ${YEAR}`,
    MONTH_YEAR,
    `(?:earlier|later|previous|current|last|this|prior) (?:period|year|month|quarter|fytd|ytd)`,
    `(?:financial )?year to date|fytd|ytd|baseline|(?:\\d+|three|five)[- ]years? average`,
    YEAR,
  ].join("|"),
  "gi"
);

/** Words that make a heading a period of its own ("Previous", "Current", "Earlier"). */
const PERIOD_WORD =
  /^(?:previous|current|earlier|later|last year|this year|prior year|fytd|ytd|baseline)\b/i;

export function isPeriodHeading(heading: string): boolean {
  PERIOD_PHRASE.lastIndex = 0;
  return PERIOD_PHRASE.test(heading) || PERIOD_WORD.test(heading.trim());
}

/** The columns of a monitoring table: target, tolerance, polarity, RAG and direction of travel. */
function monitoringRole(h: string): ColumnRole | null {
  if (
    /^(?:rag|r\/a\/g)\b|^(?:rag |performance |overall )?(?:status|rating)$|^on target\??$/.test(h)
  )
    return "rag";
  if (/\bdot\b|direction of travel|^direction$|^trend$/.test(h)) return "direction";
  if (/^polarity\b|^good (?:performance )?is\b|^(?:desired|preferred) direction\b/.test(h))
    return "polarity";
  if (/^tolerance\b/.test(h)) return "tolerance";
  if (/^(?:(?:annual|quarterly|monthly|year ?end|f?ytd|q[1-4]|period) )?targets?\b/.test(h))
    return "target";
  return null;
}

/** The role a heading gives its column, or null when the heading says nothing of it. */
export function roleOfHeading(heading: string): ColumnRole | null {
  const h = heading.toLowerCase().trim();
  if (h === "") return null;
  if (/\b(?:pp|ppts?|pts|percentage points?|points)\b/.test(h)) return "change-points";
  if (
    /%\s*(?:change|increase|decrease|diff)|(?:change|increase|decrease|difference)\s*(?:%|\(%\))|per ?cent(?:age)? (?:change|increase|decrease)|^percentage$|change percentage/.test(
      h
    )
  )
    return "change-pct";
  if (/% of|\bshare\b|proportion|percent of|^%$|^% total/.test(h)) return "share";
  if (
    /\bchange\b|difference|\bdiff\b|^numeric$|variance|\+\/-|^\+\/?-$|\bmovement\b|^(?:increase|decrease)/.test(
      h
    )
  )
    return "change";
  const monitoring = monitoringRole(h);
  if (monitoring) return monitoring;
  if (/^(?:grand |sub-?)?total\b|\btotal$|^all\b/.test(h)) return "total";
  // An average over earlier years is the baseline period a change is measured from.
  if (/\b(?:\d+|three|five)[- ]years? average\b/.test(h)) return "period";
  if (/\brate\b|per 1,?000|per 100\b|per head|ratio|\brank|position|distance|average/.test(h))
    return "rate";
  return isPeriodHeading(heading) ? "period" : null;
}

/** A label or heading with its footnote markers taken off: "Essex(5)", "Homicide1", "19921". */
export function stripFootnotes(text: string): { text: string; footnotes: string[] } {
  let t = text.trim();
  const notes: string[] = [];
  for (;;) {
    const m = /^(.*\S)\s*(?:\((\d{1,2}|[a-z*†‡])\)|\[(\d{1,2}|[a-z*])\]|([*†‡¹²³⁴⁵⁶⁷⁸⁹]))$/.exec(t);
    if (!m) break;
    notes.unshift(m[2] ?? m[3] ?? m[4] ?? "");
    t = (m[1] ?? "").trim();
  }
  const fy = /^((?:19|20)\d\d[\u2013\-/](?:\d\d|(?:19|20)\d\d))(\d(?:,\d)*)$/.exec(t);
  if (fy && !/^(?:19|20)\d\d[\u2013\-/](?:19|20)\d\d$/.test(t))
    return { text: fy[1] as string, footnotes: [...(fy[2] as string).split(","), ...notes] };
  const year = /^((?:19|20)\d\d)(\d)$/.exec(t);
  if (year) return { text: year[1] as string, footnotes: [year[2] as string, ...notes] };
  const word = /^(.*[A-Za-z]{3,})(\d{1,2})$/.exec(t);
  // "SNH01", "ETS01": an indicator's reference, not a word and its footnote.
  if (word && !/\b(?:q|fy|mopac|r)\d+$/i.test(t) && !/^[A-Z]{2,6}\d{2}$/.test(t)) {
    return { text: word[1] as string, footnotes: [word[2] as string, ...notes] };
  }
  return { text: t, footnotes: notes };
}

/** A label that names a total row outright. */
export function isTotalLabel(label: string): boolean {
  return /^(?:grand |sub-?)?total\b|\btotal$/i.test(label.trim());
}

/** A label that may name a total row, to be confirmed by its figures ("All crime", "England and Wales"). */
export function mayBeTotalLabel(label: string): boolean {
  return /^all\b|^england(?: and| &) wales$|^london$|^force$|^mps$/i.test(label.trim());
}

/** A row of changes between two other rows ("Percentage increase 1984–88", "% change"). */
export function isChangeRowLabel(label: string): boolean {
  return /^(?:percentage|per ?cent|%)\s*(?:increase|decrease|change)|^(?:change|difference)\b/i.test(
    label.trim()
  );
}
