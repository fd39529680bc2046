// How names are compared wherever the user may have retyped one (a category, a heading,
// a group): spacing and case aside.

/** `value` as text with runs of spaces as one, trimmed, in lower case ("" for none). */
export function nameKey(value: unknown): string {
  return (value === null || value === undefined ? "" : String(value))
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
