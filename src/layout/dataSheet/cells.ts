// A data row's cells, by what their column holds. Counts are numbers; a derived figure is
// a formula on its inputs with the printed figure beside it; the Check and Flag cells
// are formulas of the same comparisons the highlights use.
import type { DerivedFigure } from "../../core/kinds";
import type { TableRow } from "../../core/model";
import type { DataColumnDef } from "../definitions";
import type { CellSpec } from "../spec";
import { NUMBER_FORMATS, numberFormat, percentFormat } from "../styles";
import { printedDecimals, sourceColumn } from "./columns";
import { UNAVAILABLE_MARK, printedAsPercent } from "./printedCells";
import {
  FIRST_COL,
  changeCol,
  colOf,
  countCols,
  figureIn,
  memoised,
  rateCols,
  rateDrop,
  rateRise,
  ref,
  refOf,
  rowMismatches,
  small,
  smallRow,
  testsCounts,
  trend,
  type DataSheetContext,
} from "./context";
import { FLAGS, type FlagKey } from "./flags";
import { DERIVED_FORMULA, countPValueFormula, pointsFormula, ratePValueFormula } from "./formulas";

/** What the Check column shows when a printed figure differs. */
export const CHECK_DIFFERS = "✗ differs: ";

/** Percentages are stored as fractions (0.115 shows as 11.5%). */
export function percentCell(value: number | null, decimals: number): CellSpec | null {
  // "2.2e-2" parses to the double nearest 0.022, where 2.2 / 100 gives 0.022000000000000002.
  return value === null ? null : { number: Number(`${value}e-2`), numFmt: percentFormat(decimals) };
}

/** A category or sub-category label, bold on Total rows. */
export function labelCell(text: string | null, row: TableRow): CellSpec | null {
  return text === null ? null : { text, style: row.isTotal ? "total" : undefined };
}

/** A row of percentages, in a table whose rows carry their unit. */
const percentRow = (ctx: DataSheetContext, row: TableRow): boolean =>
  ctx.rowUnits && row.unit === "percent";

/** A figure as printed: a number in its row's or column's format, or the text printed there. */
export function valueCell(ctx: DataSheetContext, row: TableRow, c: DataColumnDef): CellSpec | null {
  const field = c.field!;
  const v = row.values[field] ?? null;
  const info = sourceColumn(ctx.table, field);
  if (v === null) {
    const raw = row.raw[field]?.trim() ?? "";
    // Text where a number belongs stays visible as text; formulas skip it.
    return raw !== "" && !UNAVAILABLE_MARK.test(raw) ? { text: raw } : null;
  }
  if (percentRow(ctx, row) || info?.type === "percent")
    return percentCell(v, printedDecimals(row.raw[field]) ?? info?.decimals ?? 1);
  if (info?.type === "count" || ctx.rowUnits) return { number: v, numFmt: NUMBER_FORMATS.count };
  const decimals = info?.decimals ?? printedDecimals(row.raw[field]) ?? 0;
  // A percentage in a column of mixed figures is kept in percent units, shown with its sign.
  const percentText = printedAsPercent(row, field, info);
  return {
    number: v,
    numFmt: percentText
      ? `${numberFormat(printedDecimals(row.raw[field]) ?? 0)}"%"`
      : numberFormat(decimals),
  };
}

type FigureCell = (
  ctx: DataSheetContext,
  row: TableRow,
  c: DataColumnDef,
  d: DerivedFigure
) => CellSpec | null;

/** A cell of the derived figure the row holds in the column (calls: by the row's unit). */
const ofFigure =
  (cell: FigureCell) =>
  (ctx: DataSheetContext, row: TableRow, c: DataColumnDef): CellSpec | null => {
    const d = figureIn(ctx, c.field!, row);
    return d ? cell(ctx, row, c, d) : null;
  };

/** The row's derived figure for the column, as a formula on its inputs. */
export const derivedCell = ofFigure((ctx, _row, c, d) =>
  memoised(ctx, `derived:${c.field!}:${ctx.schema.derived.indexOf(d)}`, (): CellSpec => {
    const [a, b] = d.inputs.map((f) => refOf(ctx, "value", f)) as [string, string];
    const formula = DERIVED_FORMULA[d.how](a, b);
    if (d.how === "points") return { formula, numFmt: NUMBER_FORMATS.points };
    return { formula, numFmt: percentFormat(sourceColumn(ctx.table, c.field!)?.decimals ?? 1) };
  })
);

/** The derived figure as the source printed it. */
export const printedCell = ofFigure((ctx, row, _c, d) => {
  const v = row.values[d.field] ?? null;
  if (d.how === "points") return v === null ? null : { number: v, numFmt: NUMBER_FORMATS.points };
  const decimals =
    printedDecimals(row.raw[d.field]) ?? sourceColumn(ctx.table, d.field)?.decimals ?? 1;
  return percentCell(v, decimals);
});

/** The change in the rate, in percentage points. */
export function rateChangeCell(ctx: DataSheetContext): CellSpec {
  return memoised(ctx, "rateChange", () => {
    const { prev, cur } = rateCols(ctx);
    return { formula: pointsFormula(ref(ctx, prev), ref(ctx, cur)), numFmt: NUMBER_FORMATS.points };
  });
}

/** The p-value of the change in counts, on rows that have counts. */
export function pValueCell(ctx: DataSheetContext, row: TableRow): CellSpec | null {
  if (!testsCounts(ctx, row)) return null;
  const phi = ctx.dispersions.get(row);
  return memoised(ctx, `pValue:${phi}`, () => {
    const { prev, cur } = countCols(ctx);
    return {
      formula: countPValueFormula(ref(ctx, prev), ref(ctx, cur), phi),
      numFmt: NUMBER_FORMATS.pValue,
    };
  });
}

/** The p-value of the change in the rate: its numerators and denominators. */
export function ratePValueCell(ctx: DataSheetContext): CellSpec {
  return memoised(ctx, "ratePValue", () => {
    const [prev, cur] = ctx.rates;
    const [x1, n1, x2, n2] = [...prev!.inputs, ...cur!.inputs].map((f) => refOf(ctx, "value", f));
    return { formula: ratePValueFormula(x1!, n1!, x2!, n2!), numFmt: NUMBER_FORMATS.pValue };
  });
}

/** Which printed figures differ from their formulas, or a tick when all printed ones agree. */
export function checkCell(ctx: DataSheetContext, row: TableRow): CellSpec | null {
  const { key, mismatches: ms } = rowMismatches(ctx, row);
  if (ms.length === 0) return null;
  return memoised(ctx, `check:${key}`, () => {
    const printed = ctx.columns.flatMap((p, j) =>
      p.role === "printed" ? [ref(ctx, FIRST_COL + j)] : []
    );
    const names = ms.map((m) => `IF(${m.expr},", ${m.name}","")`).join("&");
    return {
      formula: `IF(OR(${ms.map((m) => m.expr).join(",")}),"${CHECK_DIFFERS}"&MID(${names},3,999),IF(COUNT(${printed.join(",")})>0,"✓",""))`,
    };
  });
}

const flagIf = (condition: string, key: FlagKey): string =>
  `IF(${condition},"; ${FLAGS[key].label}","")`;

/** A significant change at least the threshold, on a base that is not small. */
function notableFlag(ctx: DataSheetContext, rise: string, fall: string): string | null {
  const chg = ref(ctx, changeCol(ctx));
  const threshold = ctx.thresholds.changeThreshold;
  if (!threshold || chg === "") return null;
  const big = `IF(ISNUMBER(${chg}),IF(ABS(${chg})>=${threshold},"; ${FLAGS.notable.label}",""),"")`;
  return `IF(AND(OR(${rise},${fall}),NOT(${small(ctx, countCols(ctx).prev)})),${big},"")`;
}

/** Every flag of the row, as text joined by "; ". */
export function flagCell(ctx: DataSheetContext, row: TableRow): CellSpec {
  const { key, mismatches } = rowMismatches(ctx, row);
  const tests = testsCounts(ctx, row);
  return memoised(ctx, `flag:${key}:${tests}`, () => flagsOf(ctx, mismatches, tests));
}

/** The Flag formula of rows with these mismatches, whose counts are tested or not. */
function flagsOf(
  ctx: DataSheetContext,
  ms: { expr: string; name: string }[],
  countsTested: boolean
): CellSpec {
  const parts: string[] = [];
  if (ms.length > 0) parts.push(flagIf(`OR(${ms.map((m) => m.expr).join(",")})`, "mismatch"));
  if (colOf(ctx, "pValue") !== undefined && countsTested) {
    const [rise, fall] = [trend(ctx, ">"), trend(ctx, "<")];
    parts.push(flagIf(rise, "rise"), flagIf(fall, "fall"));
    const notable = notableFlag(ctx, rise, fall);
    if (notable) parts.push(notable);
    parts.push(flagIf(smallRow(ctx), "smallBase"));
  }
  if (colOf(ctx, "ratePValue") !== undefined)
    parts.push(flagIf(rateDrop(ctx), "rateDrop"), flagIf(rateRise(ctx), "rateRise"));
  return { formula: parts.length === 0 ? `""` : `MID(${parts.join("&")},3,999)` };
}

/**
 * Rows of the same shape share one formula cell, written for the first data row and filled
 * down (formulaRow), so a long table holds no formula string per row.
 */
export function fillDown(ctx: DataSheetContext, cell: CellSpec | null, c: number): CellSpec | null {
  if (cell?.formula === undefined) return cell;
  // A memoised cell met again in its column: the shared cell found for it the first time.
  const from = (ctx.filledFrom[c] ??= new Map());
  const known = from.get(cell);
  if (known) return known;
  const shared = sharedCell(ctx, cell, c);
  from.set(cell, shared);
  return shared;
}

function sharedCell(ctx: DataSheetContext, cell: CellSpec, c: number): CellSpec {
  const key = `${c}\u0000${cell.numFmt ?? ""}\u0000${cell.formula}`;
  let shared = ctx.filled.get(key);
  if (!shared) {
    shared = { ...cell, formulaRow: ctx.first };
    ctx.filled.set(key, shared);
  }
  return shared;
}
