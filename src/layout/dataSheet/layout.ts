// A data sheet: one imported table (area + period). Title block and legend on top, then an
// Excel table keeping the source's headings. Counts are numbers; % changes and rates are
// formulas on the counts with the printed figures beside them; a live check, p-values
// and a Flag column (text paired with every colour) follow, and conditional formats
// highlight from the same formulas, so a corrected count updates everything.
// What each column role means lives in roles.ts; this file assembles the sheet.
import type { CrimeTable, TableRow } from "../../core/model";
import { colLetter, sheetRef } from "../a1";
import type { DataSheetInfo, UnreadLineRecord } from "../definitions";
import type { BlockSpec, SheetSpec } from "../spec";
import type { HighlightThresholds } from "../../core/settings";
import { layoutTop } from "./blocks";
import { fillDown } from "./cells";
import { planDataColumns } from "./columns";
import { FIRST_COL, colOf, dataSheetContext, type DataSheetContext } from "./context";
import { HIGHLIGHT_ORDER, ROLE_COMPILERS } from "./roles";
import { pageSetup } from "../printSetup";
import { kindSchema } from "../../core/kinds";
import { recordWardCoverage } from "./wardCoverage";
import { recordPrintedCells, recordSections } from "./printedCells";

export { FLAG_TEXT } from "./flags";
export { changeFormula, rateFormula } from "./formulas";

export interface DataSheetOptions {
  sheetName: string;
  tableName: string;
  importedOn: string;
  thresholds: HighlightThresholds;
  /**
   * Each row's dispersion φ from its comparison group (core/anomalies rowDispersions on the
   * tables analysed together): its change's p-value is taken on its counts divided by φ,
   * as the core's. Absent: Poisson only.
   */
  dispersions?: ReadonlyMap<TableRow, number>;
}

export interface DataSheetLayout {
  sheet: SheetSpec;
  info: DataSheetInfo;
  /** "'Sheet'!F14" of a row's field (the printed cell when `printed` and there is one), or null. */
  cellOf(rowIndex: number, field: string, printed?: boolean): string | null;
}

/** The header row, then each data row's cells by its columns' roles. */
function tableBlock(ctx: DataSheetContext, headerRow: number): BlockSpec {
  const header = ctx.columns.map((c) => ({ text: c.heading, style: "header" as const }));
  const rows = ctx.table.rows.map((row) =>
    ctx.columns.map((c, i) => fillDown(ctx, ROLE_COMPILERS[c.role].cell(ctx, row, c), i))
  );
  return { row: headerRow, col: FIRST_COL, cells: [header, ...rows] };
}

/** The highlights over the data rows, in the order Excel applies them. */
function highlights(ctx: DataSheetContext): SheetSpec["conditionalFormats"] {
  if (ctx.table.rows.length === 0) return [];
  return HIGHLIGHT_ORDER.flatMap((role) => ROLE_COMPILERS[role].conditionalFormats?.(ctx) ?? []);
}

/** The column of a field: printed (when asked and there is one), formula or value, else its shared column. */
function fieldCol(ctx: DataSheetContext, field: string, printed: boolean): number | undefined {
  const shared = ctx.schema.derived.find((d) => d.field === field)?.column;
  const lookup = (f: string) =>
    (printed ? colOf(ctx, "printed", f) : undefined) ?? colOf(ctx, "derived", f);
  return (
    lookup(field) ??
    colOf(ctx, "value", field) ??
    (shared === undefined ? undefined : lookup(shared))
  );
}

function dataSheetInfo(
  table: CrimeTable,
  ctx: DataSheetContext,
  opts: DataSheetOptions,
  headerRow: number
): DataSheetInfo {
  const printedCells = recordPrintedCells(table);
  const sections = recordSections(table);
  return {
    kind: table.kind,
    title: table.title,
    area: table.area,
    periodEnding: table.periodEnding,
    source: table.source,
    importedOn: opts.importedOn,
    tableName: opts.tableName,
    headerRow,
    firstCol: FIRST_COL,
    columns: ctx.columns,
    sourceColumns: table.columns.map((c) => ({ ...c })),
    ...(table.wardCoverage ? { wardCoverage: recordWardCoverage(table.wardCoverage) } : {}),
    ...(printedCells.length > 0 ? { printedCells } : {}),
    ...(sections.length > 0 ? { sections } : {}),
    ...(table.unreadLines?.length
      ? { unreadLines: table.unreadLines.map((u): UnreadLineRecord => [u.line, u.text, u.why]) }
      : {}),
  };
}

/** Characters a portrait page holds across at 100%; wider sheets print landscape. */
const PORTRAIT_CHARS = 95;

/** Landscape when wide, the header row on every page, the table's title, period and source. */
function dataSheetPrint(table: CrimeTable, sheet: SheetSpec, headerRow: number) {
  const width = (sheet.columnWidths ?? []).reduce((a, b) => a + b, 0);
  return pageSetup({
    title: [table.title ?? kindSchema(table.kind).defaultTitle, table.area]
      .filter(Boolean)
      .join(", "),
    period: table.periodEnding ? `Period ending ${table.periodEnding}` : "",
    source: `Source: ${table.source}`,
    wide: width > PORTRAIT_CHARS,
    headerRow,
  });
}

export function layoutDataSheet(table: CrimeTable, opts: DataSheetOptions): DataSheetLayout {
  const columns = planDataColumns(table);
  const phis = table.rows.flatMap((r) => {
    const phi = opts.dispersions?.get(r);
    return phi !== undefined && phi > 1 ? [phi] : [];
  });
  const top = layoutTop(table, columns, opts.importedOn, opts.thresholds, phis);
  const headerRow = top.headerRow;
  const ctx = dataSheetContext(table, columns, headerRow + 1, top.thresholds, opts.dispersions);
  const n = table.rows.length;
  const sheet: SheetSpec = {
    name: opts.sheetName,
    role: "data",
    generated: false,
    columnWidths: columns.map((c) => ROLE_COMPILERS[c.role].width(c)),
    blocks: [...top.blocks, tableBlock(ctx, headerRow)],
    tables: [
      {
        name: opts.tableName,
        row: headerRow,
        col: FIRST_COL,
        rows: n + 1,
        cols: columns.length,
        style: "TableStyleLight9",
      },
    ],
    conditionalFormats: highlights(ctx),
    charts: [],
    freeze: { rows: headerRow + 1, cols: FIRST_COL + (columns[1]?.role === "subcategory" ? 2 : 1) },
  };
  sheet.print = dataSheetPrint(table, sheet, headerRow);
  return {
    sheet,
    info: dataSheetInfo(table, ctx, opts, headerRow),
    cellOf(rowIndex, field, printed = false) {
      if (rowIndex < 0 || rowIndex >= n) return null;
      const c = fieldCol(ctx, field, printed);
      if (c === undefined) return null;
      return `${sheetRef(opts.sheetName)}${colLetter(c)}${ctx.first + rowIndex + 1}`;
    },
  };
}
