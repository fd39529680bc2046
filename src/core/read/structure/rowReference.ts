// An item's number in a list of indicators, printed before its name: "5", "5a", "2.1".
// Monitoring dashboards number their rows so, and letter the parts of an item under it
// ("5 … See below", then "5a", "5b", "5c").

const REFERENCE = /^(\d{1,2}(?:\.\d{1,2})?)([a-z]?)$/i;

export interface RowReference {
  /** The item's number ("5" of "5a"). */
  item: string;
  /** The part's letter ("a" of "5a"), "" for the item itself. */
  part: string;
}

export function rowReference(text: string): RowReference | null {
  const m = REFERENCE.exec(text.trim());
  return m ? { item: m[1] as string, part: (m[2] as string).toLowerCase() } : null;
}

/**
 * The reference a row's labels start with: its own label cell ("5a" beside the name), or
 * the first word of its label once joined (a generic table read back from its sheet).
 */
export function referenceOfLabels(labels: readonly string[]): RowReference | null {
  const first = labels.join(" ").trim().split(/\s+/)[0] ?? "";
  return rowReference(first);
}
