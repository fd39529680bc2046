// Field keys of generic tables, derived from their headings in camelCase:
// "Offences Previous R12" → "offencesPreviousR12", "Change %" → "changePct".

const RESERVED = new Set([
  "category",
  "subcategory",
  "label",
  "status",
  "__proto__",
  "constructor",
  "prototype",
]);

export function fieldKey(heading: string, position: number): string {
  const words = heading
    .replace(/%/g, " pct ")
    .replace(/&/g, " and ")
    .replace(/#/g, " num ")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .slice(0, 12);
  if (words.length === 0) return `column${position + 1}`;
  const key = words
    .map((w, i) =>
      i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)
    )
    .join("");
  const safe = /^[0-9]/.test(key) ? `col${key}` : key;
  return RESERVED.has(safe) ? `${safe}Value` : safe;
}

/** Keys for a row of headings, unique (a repeated heading gets a number). */
export function fieldKeys(headings: string[]): string[] {
  const used = new Set<string>();
  const next = new Map<string, number>();
  return headings.map((h, i) => {
    const base = fieldKey(h, i);
    let key = base;
    let n = next.get(base) ?? 2;
    while (used.has(key)) key = `${base}${n++}`;
    next.set(base, n);
    used.add(key);
    return key;
  });
}
