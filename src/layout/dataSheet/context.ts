// What the compilers of a data sheet's columns share: the column plan, where each column
// is, the threshold cells and the kind's derived figures. Every per-row formula is written
// for the first data row and filled down, so a reference is always to that row.
import type { DataColumnRole, DerivedFigure, KindSchema } from "../../core/kinds";
import { kindSchema } from "../../core/kinds";
import type { CrimeTable, TableRow } from "../../core/model";
import { a1 } from "../a1";
import type { DataColumnDef } from "../definitions";
import type { CellSpec } from "../spec";
import { printedDecimals, sourceColumn } from "./columns";
import { mismatchFormula, significantFormula, smallBaseFormula } from "./formulas";

/** The cells formulas compare with: the legend's threshold cells, or the values themselves. */
export interface ThresholdRefs {
  alpha: string;
  minBase: string;
  /** Only when notable changes are flagged. */
  changeThreshold?: string;
}

/** The table starts in column A. */
export const FIRST_COL = 0;

export interface DataSheetContext {
  table: CrimeTable;
  schema: KindSchema;
  columns: DataColumnDef[];
  /** First data row (0-based): where the per-row formulas are written. */
  first: number;
  thresholds: ThresholdRefs;
  /** Column index of each `role:field`. */
  index: Map<string, number>;
  /** The % change, whose counts (previous, current) the p-value tests. */
  change?: DerivedFigure;
  /** The rates (previous, current), whose drop the rate p-value tests. */
  rates: readonly DerivedFigure[];
  /** Rows carry their unit (a Unit column): a row of percentages shows its figures as such. */
  rowUnits: boolean;
  /** One cell per distinct formula and column, shared by the rows it is filled down to. */
  filled: Map<string, CellSpec>;
  /** Per column, the shared cell each memoised formula cell was filled down as (see fillDown). */
  filledFrom: Map<CellSpec, CellSpec>[];
  /**
   * Formulas and formula cells that depend on a row only through a few of its traits (which
   * figures apply, their printed decimals, its dispersion), made once per distinct trait:
   * a table of 20,000 rows has a handful of distinct formulas, not 20,000 of each.
   */
  memo: Map<string, unknown>;
  /** Each row's dispersion φ from its comparison group (core rowDispersions); absent: Poisson only. */
  dispersions: ReadonlyMap<TableRow, number>;
}

export function dataSheetContext(
  table: CrimeTable,
  columns: DataColumnDef[],
  first: number,
  thresholds: ThresholdRefs,
  dispersions: ReadonlyMap<TableRow, number> = new Map()
): DataSheetContext {
  const schema = kindSchema(table.kind);
  const index = new Map<string, number>();
  columns.forEach((c, i) => index.set(`${c.role}:${c.field ?? ""}`, FIRST_COL + i));
  return {
    table,
    schema,
    columns,
    first,
    thresholds,
    index,
    change: schema.derived.find((d) => d.how === "change"),
    rates: schema.derived.filter((d) => d.how === "rate"),
    rowUnits: columns.some((c) => c.role === "unit"),
    filled: new Map(),
    filledFrom: [],
    memo: new Map(),
    dispersions,
  };
}

/** `make()` the first time `key` is asked for on this sheet, the same value after. */
export function memoised<T>(ctx: DataSheetContext, key: string, make: () => T): T {
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const value = make();
  ctx.memo.set(key, value);
  return value;
}

/** The column of a role (and field). */
export function colOf(
  ctx: DataSheetContext,
  role: DataColumnRole,
  field?: string
): number | undefined {
  return ctx.index.get(`${role}:${field ?? ""}`);
}

/** "$F15": a column's cell in the first data row, or "" for a column the sheet lacks. */
export function ref(ctx: DataSheetContext, c: number | undefined): string {
  return c === undefined ? "" : a1(ctx.first, c, { col: true });
}

/** The cell of a role (and field) in the first data row. */
export function refOf(ctx: DataSheetContext, role: DataColumnRole, field?: string): string {
  return ref(ctx, colOf(ctx, role, field));
}

/** The sheet column a derived figure is written in (calls share one "change" column). */
export const columnField = (d: DerivedFigure): string => d.column ?? d.field;

export const applies = (d: DerivedFigure, row: TableRow): boolean => d.appliesTo?.(row) ?? true;

/** The derived figure a row holds in a derived or printed column. */
export function figureFor(
  schema: KindSchema,
  column: string,
  row: TableRow
): DerivedFigure | undefined {
  return schema.derived.find((d) => columnField(d) === column && applies(d, row));
}

export const figureIn = (ctx: DataSheetContext, column: string, row: TableRow) =>
  figureFor(ctx.schema, column, row);

/** The counts the p-value tests: the change's previous and current value columns. */
export function countCols(ctx: DataSheetContext): { prev?: number; cur?: number } {
  const inputs = ctx.change?.inputs;
  return {
    prev: inputs && colOf(ctx, "value", inputs[0]),
    cur: inputs && colOf(ctx, "value", inputs[1]),
  };
}

/** The rate columns (previous, current). */
export function rateCols(ctx: DataSheetContext): { prev?: number; cur?: number } {
  const [prev, cur] = ctx.rates;
  return {
    prev: prev && colOf(ctx, "derived", prev.field),
    cur: cur && colOf(ctx, "derived", cur.field),
  };
}

/** The derived % change column. */
export function changeCol(ctx: DataSheetContext): number | undefined {
  return ctx.change && colOf(ctx, "derived", columnField(ctx.change));
}

/** A row whose counts the p-value tests (calls: not a row of percentages). */
export const testsCounts = (ctx: DataSheetContext, row: TableRow): boolean =>
  ctx.change !== undefined && applies(ctx.change, row);

/** The counts changed significantly, up (">") or down ("<"). */
export function trend(ctx: DataSheetContext, op: ">" | "<"): string {
  const { prev, cur } = countCols(ctx);
  const comparison = `${ref(ctx, cur)}${op}${ref(ctx, prev)}`;
  return significantFormula(refOf(ctx, "pValue"), ctx.thresholds.alpha, comparison);
}

/**
 * The rate changed significantly, down ("<") or up (">"), on bases that are not small: as
 * the core, a rate over fewer offences than the minimum base in either period is only
 * "small base", never a drop or a rise.
 */
export function rateChange(ctx: DataSheetContext, op: "<" | ">"): string {
  const { prev, cur } = rateCols(ctx);
  const bases = ctx.rates.map((r) => refOf(ctx, "value", r.inputs[1]));
  const comparison = `AND(${ref(ctx, cur)}${op}${ref(ctx, prev)},MIN(${bases.join(",")})>=${ctx.thresholds.minBase})`;
  return significantFormula(refOf(ctx, "ratePValue"), ctx.thresholds.alpha, comparison);
}

/** The rate fell significantly (not on a small base). */
export const rateDrop = (ctx: DataSheetContext): string => rateChange(ctx, "<");

/** The rate rose significantly (not on a small base). */
export const rateRise = (ctx: DataSheetContext): string => rateChange(ctx, ">");

/** The count in column `base` is below the minimum base. */
export function small(ctx: DataSheetContext, base: number | undefined): string {
  return smallBaseFormula(ref(ctx, base), ctx.thresholds.minBase);
}

/** Small base for the row: the change's base, or a current count under a rate that exists. */
export function smallRow(ctx: DataSheetContext): string {
  const { prev, cur } = countCols(ctx);
  const rateCur = rateCols(ctx).cur;
  const parts = [small(ctx, prev)];
  if (rateCur !== undefined) parts.push(`AND(ISNUMBER(${ref(ctx, rateCur)}),${small(ctx, cur)})`);
  return parts.length === 1 ? parts[0]! : `OR(${parts.join(",")})`;
}

/** The printed figure in `field`'s printed column differs from its formula's, or null without both. */
export function mismatch(
  ctx: DataSheetContext,
  field: string,
  scale: number,
  d: number
): string | null {
  const dc = colOf(ctx, "derived", field);
  const pc = colOf(ctx, "printed", field);
  if (dc === undefined || pc === undefined) return null;
  return mismatchFormula(ref(ctx, dc), ref(ctx, pc), scale, d);
}

/** A percentage figure is compared as printed (x100); points are printed as they are. */
export const printedScale = (d: DerivedFigure): number => (d.how === "points" ? 1 : 100);

export interface RowMismatches {
  /** What they depend on in the row: each derived figure's printed decimals, "-" where it does not apply. */
  key: string;
  mismatches: { expr: string; name: string }[];
}

/** The derived figures of a row whose printed figures can differ, each with its name. */
export function rowMismatches(ctx: DataSheetContext, row: TableRow): RowMismatches {
  const decimals = ctx.schema.derived.map((d) =>
    applies(d, row)
      ? (printedDecimals(row.raw[d.field]) ?? sourceColumn(ctx.table, d.field)?.decimals ?? 1)
      : null
  );
  const key = decimals.map((dec) => (dec === null ? "-" : String(dec))).join(",");
  const mismatches = memoised(ctx, `mismatches:${key}`, () =>
    ctx.schema.derived.flatMap((d, i) => {
      const dec = decimals[i];
      if (dec === null || dec === undefined) return [];
      const expr = mismatch(ctx, columnField(d), printedScale(d), dec);
      return expr ? [{ expr, name: d.name }] : [];
    })
  );
  return { key, mismatches };
}
