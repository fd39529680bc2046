// Appending a possibly long list without spreading it into a call: `to.push(...items)`
// passes each item as an argument, and some 100,000 of them overflow the stack (a paste
// of 87,000 rows has more flags than that; a Checks sheet of 280,000 links too).

/** `to.push(...items)` without spreading; returns `to`. */
export function appendAll<T>(to: T[], items: Iterable<T>): T[] {
  for (const item of items) to.push(item);
  return to;
}

/** `Math.max(...values)` without spreading: -Infinity for none, NaN if any is NaN. */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const v of values) max = Math.max(max, v);
  return max;
}
