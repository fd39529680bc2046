// The core's exceptions, in one place. They are for misuse by calling code (a negative
// count given to a test, an option out of range, a period that is no period): bad input
// from a user is never thrown but returned as data (Issue, Problem, IndicatorReadError).

/** Misuse of a statistics function (a negative count, a rate above 1): a programming error, not bad data. */
export class StatsInputError extends Error {
  override name = "StatsInputError";
}

/** Options that are out of range or unknown: misuse by the caller, so thrown. */
export class AnomalyOptionsError extends Error {
  override name = "AnomalyOptionsError";
}

/** An indicator whose periods do not parse, a reporting period that is no period. */
export class MonitorInputError extends Error {
  override name = "MonitorInputError";
}
