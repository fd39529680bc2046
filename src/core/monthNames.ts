// English month names, for reading printed dates and period labels and for writing them.

/** "january" … "december", lower case. */
export const MONTH_NAMES_FULL = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** "Jan" … "Dec", as labels show them. */
export const MONTH_NAMES_SHORT = MONTH_NAMES_FULL.map((m) => m[0]!.toUpperCase() + m.slice(1, 3));
