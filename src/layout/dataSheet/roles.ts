// What each column role of a data sheet means, in one record: its width, its cell in a
// row, the highlights it drives and how it is read back. A role without a compiler does
// not compile (like vega-lite's Record<Mark, MarkCompiler>).
import type { DataColumnRole } from "../../core/kinds";
import type { TableRow } from "../../core/model";
import type { DataColumnDef } from "../definitions";
import type { CellSpec, ConditionalFormatSpec } from "../spec";
import { HIGHLIGHTS, type HighlightKind } from "../styles";
import {
  CHECK_DIFFERS,
  checkCell,
  derivedCell,
  flagCell,
  labelCell,
  pValueCell,
  printedCell,
  rateChangeCell,
  ratePValueCell,
  valueCell,
} from "./cells";
import { printedDecimals, sourceColumn } from "./columns";
import {
  changeCol,
  colOf,
  columnField,
  countCols,
  mismatch,
  printedScale,
  rateCols,
  rateDrop,
  ref,
  small,
  trend,
  type DataSheetContext,
} from "./context";
import { FLAGS, FLAG_HIGHLIGHT_ORDER, flagTest, markOf, textTest } from "./flags";
import {
  READ_CATEGORY,
  READ_LINE,
  READ_PRINTED,
  READ_STATUS,
  READ_SUBCATEGORY,
  READ_UNIT,
  READ_VALUE,
  type ReadBack,
} from "./readBack";
import { recalculatedCell, recalculatedHighlights } from "./recalculated";

export interface RoleCompiler {
  /** Column width, in characters. */
  width(c: DataColumnDef): number;
  /** The column's cell in a data row (formulas for the first data row, filled down). */
  cell(ctx: DataSheetContext, row: TableRow, c: DataColumnDef): CellSpec | null;
  /** The highlights over the data rows this role drives, wherever they land. */
  conditionalFormats?(ctx: DataSheetContext): ConditionalFormatSpec[];
  /** How a refresh reads the column back into a row. */
  readBack?: ReadBack;
}

/** A highlight over the data rows of column `c`, or none when the sheet lacks the column. */
function over(
  ctx: DataSheetContext,
  c: number | undefined,
  formula: string,
  kind: HighlightKind,
  stopIfTrue = false
): ConditionalFormatSpec[] {
  if (c === undefined) return [];
  const rows = ctx.table.rows.length;
  const format = HIGHLIGHTS[kind];
  return [
    { row: ctx.first, col: c, rows, cols: 1, formula, format, stopIfTrue: stopIfTrue || undefined },
  ];
}

/**
 * A printed figure differs from its formula. Scale and decimals follow the first row, so a
 * column shared by figures of different scales (calls' change) is left to its Check text.
 */
function printedHighlights(ctx: DataSheetContext): ConditionalFormatSpec[] {
  const row0 = ctx.table.rows[0]!;
  return ctx.columns.flatMap((p) => {
    const figures = ctx.schema.derived.filter((d) => columnField(d) === p.field);
    if (p.role !== "printed" || figures.length !== 1) return [];
    const d = figures[0]!;
    const dec =
      sourceColumn(ctx.table, d.field)?.decimals ?? printedDecimals(row0.raw[d.field]) ?? 1;
    const expr = mismatch(ctx, p.field!, printedScale(d), dec);
    return expr ? over(ctx, colOf(ctx, "printed", p.field), expr, "mismatch") : [];
  });
}

/** Significant rises and falls colour the change and the current count; a small base greys the change. */
function trendHighlights(ctx: DataSheetContext): ConditionalFormatSpec[] {
  if (colOf(ctx, "pValue") === undefined) return [];
  const { prev, cur } = countCols(ctx);
  const change = changeCol(ctx);
  const [rise, fall] = [trend(ctx, ">"), trend(ctx, "<")];
  return [
    ...over(ctx, change, small(ctx, prev), "smallBase", true),
    ...over(ctx, change, rise, "increase"),
    ...over(ctx, change, fall, "decrease"),
    ...over(ctx, cur, rise, "increase"),
    ...over(ctx, cur, fall, "decrease"),
  ];
}

/** A rate on a small count is greyed. */
function rateHighlights(ctx: DataSheetContext): ConditionalFormatSpec[] {
  const counts = countCols(ctx);
  const rates = rateCols(ctx);
  return [
    ...over(ctx, rates.prev, small(ctx, counts.prev), "smallBase", true),
    ...over(ctx, rates.cur, small(ctx, counts.cur), "smallBase", true),
  ];
}

function rateDropHighlights(ctx: DataSheetContext): ConditionalFormatSpec[] {
  if (colOf(ctx, "ratePValue") === undefined) return [];
  return over(ctx, rateCols(ctx).cur, rateDrop(ctx), "rateDrop");
}

function checkHighlights(ctx: DataSheetContext): ConditionalFormatSpec[] {
  const c = colOf(ctx, "check");
  return over(ctx, c, textTest(ref(ctx, c), markOf(CHECK_DIFFERS), "start"), "mismatch");
}

/** Each flag's colour where the Flag cell shows its label. */
function flagHighlights(ctx: DataSheetContext): ConditionalFormatSpec[] {
  const c = colOf(ctx, "flag");
  return FLAG_HIGHLIGHT_ORDER.flatMap((key) => {
    const flag = FLAGS[key];
    const test = flagTest(flag, ref(ctx, c));
    return test && flag.highlight ? over(ctx, c, test, flag.highlight) : [];
  });
}

/** A figure column is as wide as half its heading, within bounds. */
const figureWidth = (c: DataColumnDef): number =>
  Math.min(16, Math.max(11, Math.ceil(c.heading.length / 2) + 2));

const LABEL: RoleCompiler = {
  width: () => 30,
  cell: (_ctx, row) => labelCell(row.category, row),
  readBack: READ_CATEGORY,
};

export const ROLE_COMPILERS: Readonly<Record<DataColumnRole, RoleCompiler>> = {
  category: LABEL,
  label: LABEL,
  subcategory: {
    width: () => 26,
    cell: (_ctx, row) => labelCell(row.subcategory, row),
    readBack: READ_SUBCATEGORY,
  },
  unit: {
    width: () => 8,
    cell: (_ctx, row) => ({ text: row.unit ?? "count" }),
    readBack: READ_UNIT,
  },
  status: {
    width: () => 8,
    cell: (_ctx, row) => (row.status === "dot" ? { text: "●" } : null),
    readBack: READ_STATUS,
  },
  line: { width: () => 8, cell: (_ctx, row) => ({ number: row.line }), readBack: READ_LINE },
  value: { width: figureWidth, cell: valueCell, readBack: READ_VALUE },
  derived: { width: figureWidth, cell: derivedCell, conditionalFormats: rateHighlights },
  printed: {
    width: figureWidth,
    cell: printedCell,
    conditionalFormats: printedHighlights,
    readBack: READ_PRINTED,
  },
  rateChange: { width: figureWidth, cell: rateChangeCell },
  pValue: { width: figureWidth, cell: pValueCell, conditionalFormats: trendHighlights },
  ratePValue: { width: figureWidth, cell: ratePValueCell, conditionalFormats: rateDropHighlights },
  check: { width: () => 22, cell: checkCell, conditionalFormats: checkHighlights },
  flag: { width: () => 34, cell: flagCell, conditionalFormats: flagHighlights },
  recalculated: {
    width: figureWidth,
    cell: recalculatedCell,
    conditionalFormats: (ctx) =>
      recalculatedHighlights(ctx, (c, formula) => over(ctx, c, formula, "mismatch")),
  },
};

/**
 * The order highlights are written in: Excel applies earlier rules first, and a small base
 * stops the trend colours on the same cell.
 */
export const HIGHLIGHT_ORDER: readonly DataColumnRole[] = [
  "printed",
  "recalculated",
  "pValue",
  "derived",
  "ratePValue",
  "check",
  "flag",
];
