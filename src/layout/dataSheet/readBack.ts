// Reading a data sheet's cells back into a row, by what their column holds: labels as
// text, figures as the source would have printed them (percentages as stored fractions x100).
import type { KindSchema } from "../../core/kinds";
import type { ColumnInfo, TableRow } from "../../core/model";
import { nameKey } from "../../core/nameKey";
import type { DataColumnDef } from "../definitions";
import { figureFor } from "./context";

export interface ReadContext {
  schema: KindSchema;
  /** The source column of a field (its type and printed decimals). */
  typeOf(field: string): ColumnInfo | undefined;
  /** The label of the row above: a blank label continues its category. */
  lastCategory: string;
}

export interface ReadBack {
  /** "header": the header row must show the column, and a row blank in all of them ends the
   * table; "row": only the latter. */
  marks?: "header" | "row";
  read(ctx: ReadContext, value: unknown, c: DataColumnDef, row: TableRow): void;
}

export const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Rounds away binary noise from fraction × 100 (0.115 × 100 = 11.500000000000002). */
const clean = (x: number): number => Math.round(x * 1e9) / 1e9;

/** A figure as a paper would print it: "2,375", "11.5%", "-0.6". */
export function printedText(
  value: number,
  type: "count" | "percent" | "number",
  decimals: number
): string {
  const fixed = Math.abs(value).toLocaleString("en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  const sign = value < 0 && Number(fixed.replace(/,/g, "")) !== 0 ? "-" : "";
  return `${sign}${type === "count" ? fixed : fixed.replace(/,/g, type === "percent" ? "" : ",")}${type === "percent" ? "%" : ""}`;
}

/** A figure into the row: its value as the model holds it and the text a paper would print. */
function readFigure(
  row: TableRow,
  field: string,
  v: unknown,
  as: { toValue: (x: number) => number; type: "count" | "percent" | "number"; decimals: number }
): void {
  if (typeof v === "number") {
    const value = as.toValue(v);
    row.values[field] = value;
    row.raw[field] = printedText(value, as.type, as.decimals);
  } else {
    row.values[field] = null;
    row.raw[field] = isEmpty(v) ? "" : String(v).trim();
  }
}

/** A stored fraction as the percentage printed. */
const fromFraction = (x: number): number => clean(x * 100);

export const READ_CATEGORY: ReadBack = {
  marks: "header",
  read(ctx, v, _c, row) {
    row.category = isEmpty(v) ? ctx.lastCategory : String(v).trim();
    ctx.lastCategory = row.category;
  },
};

export const READ_SUBCATEGORY: ReadBack = {
  marks: "row",
  read(_ctx, v, _c, row) {
    row.subcategory = isEmpty(v) ? null : String(v).trim();
    row.isTotal = row.subcategory !== null && row.subcategory.toLowerCase() === "total";
  },
};

export const READ_UNIT: ReadBack = {
  read(_ctx, v, _c, row) {
    row.unit = nameKey(v) === "percent" ? "percent" : "count";
  },
};

export const READ_STATUS: ReadBack = {
  read(_ctx, v, _c, row) {
    row.status = isEmpty(v) ? null : "dot";
  },
};

export const READ_LINE: ReadBack = {
  read(_ctx, v, _c, row) {
    if (typeof v === "number") row.line = v;
  },
};

/** How a value column's cell is read back: as a fraction of a percentage or as it is, and printed so. */
export function valueReading(
  row: TableRow,
  info: ColumnInfo | undefined
): { toValue: (x: number) => number; type: "count" | "percent" | "number"; decimals: number } {
  const percent = row.unit === "percent" || info?.type === "percent";
  return {
    toValue: percent ? fromFraction : (x) => x,
    type: percent ? "percent" : info?.type === "count" ? "count" : "number",
    decimals: info?.decimals ?? (percent ? 1 : 0),
  };
}

export const READ_VALUE: ReadBack = {
  marks: "header",
  read(ctx, v, c, row) {
    const field = c.field!;
    readFigure(row, field, v, valueReading(row, ctx.typeOf(field)));
  },
};

export const READ_PRINTED: ReadBack = {
  read(ctx, v, c, row) {
    // A shared column (calls' change) holds the figure that applies to the row.
    const d = figureFor(ctx.schema, c.field!, row);
    const field = d?.field ?? c.field!;
    const points = d?.how === "points";
    readFigure(row, field, v, {
      toValue: points ? clean : fromFraction,
      type: points ? "number" : "percent",
      decimals: ctx.typeOf(field)?.decimals ?? 1,
    });
  },
};
