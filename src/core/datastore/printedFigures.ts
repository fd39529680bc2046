// How a Datastore row's figures read as printed text, in one place: the import and a
// refresh that reads the data sheet back give the same text, so the Checks sheet's
// "Printed" column is the same after a refresh as after the build (issue 17).

/** The counts as the file prints them (no separators); the % change to one decimal, "" when undefined. */
export function printedFigures(
  previous: number | null,
  current: number | null,
  pct: number | null
): Record<string, string> {
  const count = (n: number | null) => (n === null ? "" : String(n));
  return {
    offencesPrevious: count(previous),
    offencesCurrent: count(current),
    offencesChangePct: pct === null ? "" : `${pct.toFixed(1)}%`,
  };
}
