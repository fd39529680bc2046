// Month arithmetic on YYYY-MM strings, done on month numbers so there is no time zone.

/** "202201" (a Datastore column heading) as "2022-01", or null when it is not a month. */
export function monthFromHeading(heading: string): string | null {
  const m = /^(\d{4})(\d{2})$/.exec(heading.trim());
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${m[2]}` : null;
}

/** "2022-01" or "202201" as "2022-01", or null. */
export function normaliseMonth(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})-?(\d{2})$/.exec(t);
  return m ? monthFromHeading(`${m[1]}${m[2]}`) : null;
}

/** Months since year 0: a number that steps by one per month. */
export function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromNumber(n: number): string {
  const year = Math.floor(n / 12);
  const month = (n % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function addMonths(month: string, delta: number): string {
  return monthFromNumber(monthNumber(month) + delta);
}

/** ISO date of the month's last day ("2022-02" → "2022-02-28"). */
export function lastDayOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, "0")}`;
}
