// A generic table's change and % change columns recalculated from the pair of columns its
// checks found each agrees with (core genericChanges): a formula beside the printed figure,
// rounded as that figure was printed, and the printed figure marked where they differ: the
// test the checks make, at the printed precision with Excel's rounding.
import type { DataColumnDef } from "../../core/kinds";
import type { TableRow } from "../../core/model";
import { isChangeRowLabel } from "../../core/read/structure/periods";
import type { CellSpec, ConditionalFormatSpec } from "../spec";
import { numberFormat, percentFormat } from "../styles";
import { printedDecimals, sourceColumn } from "./columns";
import { colOf, memoised, ref, refOf, type DataSheetContext } from "./context";

/** Whether the printed column holds its figures as fractions (a column of percentages). */
const asFractions = (ctx: DataSheetContext, field: string): boolean =>
  sourceColumn(ctx.table, field)?.type === "percent";

/** The decimals a row printed its figure with (else its column's). */
function decimalsOf(ctx: DataSheetContext, row: TableRow, field: string): number {
  const info = sourceColumn(ctx.table, field);
  return printedDecimals(row.raw[field]) ?? info?.decimals ?? (info?.type === "percent" ? 1 : 0);
}

/** The recalculated figure of a row, rounded as the row printed it, in the printed column's units. */
export function recalculatedCell(
  ctx: DataSheetContext,
  row: TableRow,
  c: DataColumnDef
): CellSpec | null {
  const d = c.derived;
  const field = c.field;
  // A row of changes ("Percentage increase 1984–88") is not checked by column.
  if (!d || !field || isChangeRowLabel(row.category)) return null;
  const decimals = decimalsOf(ctx, row, field);
  return memoised(ctx, `recalculated:${field}:${decimals}`, (): CellSpec => {
    const [a, b] = [refOf(ctx, "value", d.from), refOf(ctx, "value", d.to)];
    const both = `AND(ISNUMBER(${a}),ISNUMBER(${b}))`;
    if (d.how === "change")
      return {
        formula: `IF(${both},ROUND(${b}-${a},${decimals}),"")`,
        numFmt: numberFormat(decimals),
      };
    const pct = `ROUND((${b}-${a})/${a}*100,${decimals})`;
    const fractions = asFractions(ctx, field);
    return {
      formula: `IF(${both},IF(${a}=0,"n/a",${fractions ? `${pct}/100` : pct}),"")`,
      numFmt: fractions ? percentFormat(decimals) : `${numberFormat(decimals)}"%"`,
    };
  });
}

/** The printed figure marked where it differs from its recalculation (or is printed where none can be made). */
export function recalculatedHighlights(
  ctx: DataSheetContext,
  over: (c: number | undefined, formula: string) => ConditionalFormatSpec[]
): ConditionalFormatSpec[] {
  return ctx.columns.flatMap((c) => {
    if (c.role !== "recalculated" || !c.field) return [];
    const printed = colOf(ctx, "value", c.field);
    const [P, R] = [ref(ctx, printed), ref(ctx, colOf(ctx, "recalculated", c.field))];
    return over(
      printed,
      `IF(AND(ISNUMBER(${P}),ISNUMBER(${R})),ROUND(${P},9)<>ROUND(${R},9),IF(ISNUMBER(${P}),${R}="n/a",FALSE))`
    );
  });
}
