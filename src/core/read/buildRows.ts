// Typing what recognised rows printed, shared by every kind's reader: figures parsed (counts
// as integers, percentages as printed), total rows told by their label, decimals recorded.

import type { ColumnInfo, TableRow } from "../model";
import { pow10 } from "../round";
import { parseNumber } from "./parseNumber";

export type { RawRow } from "../kinds/reader";

/** A label that marks a category's total row. */
export const TOTAL_LABEL = /^(?:sub[- ]?)?total$|^grand total$/i;

/** Reads a printed figure as the column's type wants it; null when it is not one. */
export function typedValue(printed: string, type: ColumnInfo["type"]): number | null {
  const p = parseNumber(printed);
  if (p.kind !== "number") return null;
  if (type === "count") {
    const whole = p.decimals === 0 || p.exact.scaled % pow10(p.decimals) === BigInt(0);
    return p.unit === null && whole ? p.value : null;
  }
  return p.value;
}

/** Sets each figure column's `decimals` to the most decimals its cells printed. */
export function setDecimals(columns: ColumnInfo[], rows: TableRow[]): ColumnInfo[] {
  return columns.map((c) => {
    if (c.type === "text") return c;
    let decimals: number | undefined;
    for (const r of rows) {
      const p = parseNumber(r.raw[c.field] ?? "");
      if (p.kind === "number") decimals = Math.max(decimals ?? 0, p.decimals);
    }
    return decimals === undefined ? c : { ...c, decimals };
  });
}
