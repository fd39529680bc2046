// Reporting periods of a monitoring sheet: calendar months ("2016-04") and quarters of the
// financial year ("2016-17 Q1" = April to June 2016). Financial years run April to March.
// Periods are handled as integers (one step per period) so there is no time zone.
import { MONTH_NAMES_FULL, MONTH_NAMES_SHORT } from "../monthNames";

export type PeriodKind = "month" | "quarter";

export interface Period {
  kind: PeriodKind;
  /** Month: months since year 0 (year*12 + month-1). Quarter: financial-year start year*4 + (q-1). */
  index: number;
}

const MONTH_NAMES = MONTH_NAMES_SHORT;
const MONTH_FULL: readonly string[] = MONTH_NAMES_FULL;

/** Steps per year of a period kind: 12 months or 4 quarters. */
export function periodsPerYear(kind: PeriodKind): number {
  return kind === "month" ? 12 : 4;
}

export function periodLabel(p: Period): string {
  if (p.kind === "month") {
    const year = Math.floor(p.index / 12);
    return `${String(year).padStart(4, "0")}-${String((p.index % 12) + 1).padStart(2, "0")}`;
  }
  const fy = Math.floor(p.index / 4);
  return `${fyLabel(fy)} Q${(p.index % 4) + 1}`;
}

/** "2016-17" for the financial year starting April 2016. */
export function fyLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** Month number (months since year 0) of the last month a period covers. */
export function endMonth(p: Period): number {
  if (p.kind === "month") return p.index;
  const fy = Math.floor(p.index / 4);
  return fy * 12 + 3 + (p.index % 4) * 3 + 2; // April is month 3 of the year (0-based)
}

/** The financial year (its start year) a period falls in. */
export function financialYear(p: Period): number {
  if (p.kind === "quarter") return Math.floor(p.index / 4);
  const year = Math.floor(p.index / 12);
  return p.index % 12 >= 3 ? year : year - 1;
}

/** The first period of the period's financial year (April, or Q1). */
export function fyStart(p: Period): Period {
  const fy = financialYear(p);
  return p.kind === "quarter"
    ? { kind: "quarter", index: fy * 4 }
    : { kind: "month", index: fy * 12 + 3 };
}

/** The financial quarter a month falls in. */
export function quarterOfMonth(month: number): Period {
  const fy = financialYear({ kind: "month", index: month });
  const offset = month - (fy * 12 + 3); // 0..11 from April
  return { kind: "quarter", index: fy * 4 + Math.floor(offset / 3) };
}

/** The three month numbers of a quarter. */
export function monthsOfQuarter(quarter: Period): number[] {
  const last = endMonth(quarter);
  return [last - 2, last - 1, last];
}

/** A short human label: "Apr 2016" for months, the label itself for quarters. */
export function displayLabel(p: Period): string {
  if (p.kind === "quarter") return periodLabel(p);
  return `${MONTH_NAMES[p.index % 12]} ${Math.floor(p.index / 12)}`;
}

/**
 * Reads a period heading: "2016-04", "201604", "Apr 2016", "April 2016", "Apr-16";
 * "2016-17 Q1", "2016/17 Q1", "Q1 2016-17", "Q1 2016/17". Null when it is neither.
 */
export function parsePeriod(text: string): Period | null {
  const t = text.trim().replace(/\s+/g, " ");
  let m = /^(\d{4})-?(\d{2})$/.exec(t);
  if (m) return monthOf(Number(m[1]), Number(m[2]));
  m = /^([A-Za-z]+)[ -](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const name = m[1]!.toLowerCase();
    const idx = MONTH_FULL.findIndex(
      (full) =>
        full === name ||
        (name.length === 3 && full.startsWith(name)) ||
        (name === "sept" && full === "september")
    );
    if (idx < 0) return null;
    const y = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    return monthOf(y, idx + 1);
  }
  m = /^(\d{4})[-/](\d{2})\s?Q([1-4])$/i.exec(t) ?? null;
  let fy: number, q: number, end: number;
  if (m) {
    [fy, end, q] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^Q([1-4])\s?(\d{4})[-/](\d{2})$/i.exec(t);
    if (!m) return null;
    [q, fy, end] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if ((fy + 1) % 100 !== end) return null;
  return { kind: "quarter", index: fy * 4 + q - 1 };
}

function monthOf(year: number, month: number): Period | null {
  if (month < 1 || month > 12) return null;
  return { kind: "month", index: year * 12 + month - 1 };
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.index === b.index;
}

export function shiftPeriod(p: Period, delta: number): Period {
  return { kind: p.kind, index: p.index + delta };
}
