// Reporting dates as printed in police tables ("5 September 2017", "05/09/2017",
// "2017-09-05", "September 5, 2017") to ISO dates. UK order for numeric dates.
import { MONTH_NAMES_FULL } from "../monthNames";

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  for (const [key, n] of Object.entries(MONTHS)) {
    // "Sept", "September", "Sep." all name September; a word must start with the key.
    if (w.startsWith(key) && isMonthWord(w, key)) return n;
  }
  return null;
}

const FULL: readonly string[] = MONTH_NAMES_FULL;

function isMonthWord(w: string, key: string): boolean {
  return w === key || FULL.some((f) => f.startsWith(w) && f.startsWith(key));
}

function fullYear(y: number, digits: number): number {
  return digits <= 2 ? 2000 + y : y;
}

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1)) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

interface DateParts {
  y: number;
  m: number;
  d: number;
}

/** The year, month and day of a text in one of the date forms, whether or not that date exists. */
function dateParts(text: string): DateParts | null {
  const t = text.trim().replace(/\s+/g, " ").replace(/[.,]$/, "");
  if (t.length > 60) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m)
    return { y: fullYear(Number(m[3]), (m[3] ?? "").length), m: Number(m[2]), d: Number(m[1]) };
  // "5 September 2017", "5th Sept 2017", "5-Sep-17", "Tuesday 5 September 2017"
  m = /^(?:[A-Za-z]+,? )?(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]+\.?),?[ -](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[2] ?? "");
    return month === null
      ? null
      : { y: fullYear(Number(m[3]), (m[3] ?? "").length), m: month, d: Number(m[1]) };
  }
  // "September 5, 2017"
  m = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[1] ?? "");
    return month === null ? null : { y: Number(m[3]), m: month, d: Number(m[2]) };
  }
  return null;
}

/** Reads a date in the forms police tables use; null when the text is not one date. */
export function parseDate(text: string): string | null {
  const p = dateParts(text);
  return p ? iso(p.y, p.m, p.d) : null;
}

/**
 * Why a text written as a date names none ("31 February 2017": "February 2017 has 28
 * days"); null when it is a date, or not written as one.
 */
export function impossibleDate(text: string): string | null {
  const p = dateParts(text);
  if (!p || iso(p.y, p.m, p.d) !== null || p.y < 1900 || p.y > 2999) return null;
  if (p.m < 1 || p.m > 12) return `there is no month ${p.m} (a date is read day first)`;
  if (p.d < 1) return `there is no day ${p.d}`;
  const days = new Date(Date.UTC(p.y, p.m, 0)).getUTCDate();
  const month = FULL[p.m - 1] ?? "";
  return `${month.charAt(0).toUpperCase()}${month.slice(1)} ${p.y} has ${days} days`;
}

const PERIOD_LINE =
  /^\s*(?:reporting\s+)?period\s+(?:ending|ended|end|to)\s*(?:date)?\s*[:\-\u2013]?\s*(.*)$/i;

/**
 * Reads a "Reporting Period Ending: 1 August 2017" line. Returns undefined when the line is
 * not a period line, and `{ iso: null }` when it is one whose date cannot be read.
 */
export function parsePeriodLine(text: string): { iso: string | null; printed: string } | undefined {
  if (text.length > 200) return undefined;
  const m = PERIOD_LINE.exec(text);
  if (!m) return undefined;
  const printed = (m[1] ?? "").trim();
  return { iso: parseDate(printed), printed };
}
