// A range's values and number formats as the text a paste of it would give, so "Import
// selection" reads a table already pasted into a sheet exactly as the paste box reads
// a paste. Built from values and formats rather than the displayed text, which Excel
// shows as "####" in a column too narrow for it.

/** Decimal places a number format shows, e.g. 1 for "0.0%" or "#,##0.0". */
export function formatDecimals(format: string): number {
  const section = format.split(";")[0] ?? "";
  const m = /\.([0#?]+)/.exec(section.replace(/"[^"]*"/g, ""));
  return m?.[1]?.length ?? 0;
}

export function isPercentFormat(format: string): boolean {
  return (format.split(";")[0] ?? "").replace(/"[^"]*"/g, "").includes("%");
}

/** One cell as pasted text: percentages as printed ("11.5%"), other numbers in full. */
export function cellText(value: unknown, format: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    if (isPercentFormat(format)) return `${(value * 100).toFixed(formatDecimals(format))}%`;
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // A tab or line break inside a cell would split it: the paste format cannot carry them.
  return String(value).replace(/[\t\r\n]+/g, " ");
}

/** Tab-separated lines, as Excel puts a copied range on the clipboard. */
export function rangeText(values: unknown[][], formats: unknown[][]): string {
  return values
    .map((row, r) => row.map((v, c) => cellText(v, String(formats[r]?.[c] ?? "General"))).join("\t"))
    .join("\n");
}
