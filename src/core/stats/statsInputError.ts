import { StatsInputError } from "../errors";

export { StatsInputError };

/** Throws unless `value` is a finite integer >= 0. */
export function assertCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new StatsInputError(`${what} must be a whole number of at least 0 (got ${value})`);
  }
}
