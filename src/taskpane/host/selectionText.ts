// "Import selection" reads the text Excel shows, as a copy of the range would give it.
// Excel shows a number as "####" in a column too narrow for it: such a cell is rebuilt
// from its value and number format instead.
import type { SelectionRead } from "../../writers/officejs/readSelection";
import { roundHalfAwayFromZero } from "../../core/round";

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
    if (isPercentFormat(format)) {
      // As Excel shows it: 15 significant digits, halves away from zero (-0.0605 is -6.1%, where toFixed says -6.0%).
      const decimals = formatDecimals(format);
      return `${roundHalfAwayFromZero(value * 100, decimals).toFixed(decimals)}%`;
    }
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // A tab or line break inside a cell would split it: the paste format cannot carry them.
  return String(value).replace(/[\t\r\n]+/g, " ");
}

/** The read with every "####" cell's text rebuilt from its value and format. */
export function withShownFigures(read: SelectionRead): SelectionRead {
  const text = read.text.map((row, r) =>
    row.map((shown, c) => {
      const value = read.values[r]?.[c];
      return typeof value === "number" && /^#+$/.test(shown.trim())
        ? cellText(value, read.numberFormats[r]?.[c] ?? "General")
        : shown;
    })
  );
  return { ...read, text };
}
