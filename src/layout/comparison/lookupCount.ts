// A count looked up on a data sheet by category and sub-category: every figure of the
// comparison and trend sheets starts from one of these.
import { a1, exactMatchOf, wholeColumn } from "../a1";
import type { CellSpec } from "../spec";
import type { ComparedArea, CountField } from "./types";

/**
 * A count looked up on a data sheet by the category and sub-category in columns A and B of
 * `labelRow` (0-based) of the sheet that holds the formula; "n/a" when the data sheet has
 * no such row or no figure there, or has no such column.
 */
export function lookupCount(
  sheetName: string,
  cols: ComparedArea["cols"],
  field: CountField,
  labelRow: number
): CellSpec {
  const v = cols[field];
  const cat = cols.category;
  if (v === undefined || cat === undefined) return { text: "n/a" };
  const criteria = [wholeColumn(sheetName, cat), exactMatchOf(a1(labelRow, 0, { col: true }))];
  if (cols.subcategory !== undefined)
    criteria.push(
      wholeColumn(sheetName, cols.subcategory),
      exactMatchOf(a1(labelRow, 1, { col: true }))
    );
  const val = wholeColumn(sheetName, v);
  return {
    formula: `IF(COUNTIFS(${criteria.join(",")},${val},"<>")=0,"n/a",SUMIFS(${val},${criteria.join(",")}))`,
  };
}
