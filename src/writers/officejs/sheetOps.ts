// One sheet's content as operations, in the order they must run: number formats, values
// and formulas, styles, column widths, links and notes, tables (after their values),
// conditional formats, charts, panes.

import {
  CHART_NAME_PREFIX,
  type BlockSpec,
  type CellSpec,
  type PrintSpec,
  type SheetSpec,
  type StyleName,
} from "../../layout/spec";
import { STYLES } from "../../layout/styles";
import { shiftRows } from "../../layout/formulaRows";
import { usedRows, widthOf } from "../../layout/extent";
import { cellOps, formatOps, type BlockCells } from "./cellOps";
import { fewestRectangles } from "./coverRectangles";
import { jsonBytes, wireBytes } from "./requestBudget";
import { linksAsFormulas } from "./linksAsFormulas";
import { append, placed, type WriteOp, type WritePlan } from "./writeOps";

/** A sheet's charts carry this prefix, so a rebuild removes ours and leaves the user's. */
export const CHART_PREFIX = CHART_NAME_PREFIX;

/** What a sheet's operations depend on beyond the sheet. */
export interface SheetContext {
  /** Largest array piece, in bytes. */
  pieceBytes: number;
  /** Write cell notes (ExcelApi 1.18: only when the caller asked and isSetSupported said yes). */
  notes: boolean;
  /** Set page layout (ExcelApi 1.9: only when isSetSupported said yes; skipped quietly without). */
  print: boolean;
  /** Counts kept for the plan's report: notes skipped, conditional formats trimmed. */
  plan: Pick<WritePlan, "skippedNotes" | "clippedFormats">;
}

/** Excel's column width unit is the point; layouts give characters of the default font. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A sheet's operations in two parts: number formats (which must reach Excel before the values), and the rest. */
export interface SheetOps {
  formats: WriteOp[];
  rest: WriteOp[];
}

export function sheetOps(spec: SheetSpec, context: SheetContext): SheetOps {
  // Past Excel's 65,530 hyperlinks on a worksheet, links become HYPERLINK formulas.
  const sheet = linksAsFormulas(spec);
  const formats: WriteOp[] = [];
  const cells: WriteOp[] = [];
  const styles: WriteOp[] = [];
  const extras: WriteOp[] = [];
  for (const block of sheet.blocks) {
    const b = blockCells(sheet.name, block);
    if (b.rows === 0 || b.cols === 0) continue;
    append(formats, formatOps(b, context.pieceBytes));
    append(cells, cellOps(b, context.pieceBytes));
    append(styles, styleOps(b));
    append(extras, linkAndNoteOps(b, context));
  }
  const ops = [...cells, ...styles];
  append(ops, widthOps(sheet));
  append(ops, extras);
  append(ops, tableOps(sheet));
  append(ops, conditionalFormatOps(sheet, context));
  append(ops, chartOps(sheet));
  append(ops, freezeOps(sheet));
  append(ops, sheetSettingOps(sheet, context));
  return { formats, rest: ops };
}

/** Tab colour (ExcelApi 1.7) and page layout (1.9, when supported). */
function sheetSettingOps(sheet: SheetSpec, context: SheetContext): WriteOp[] {
  const out: WriteOp[] = [];
  if (sheet.tabColor)
    out.push({
      kind: "tabColor",
      sheet: sheet.name,
      color: sheet.tabColor,
      bytes: wireBytes(1, 0, 1, 12),
    });
  if (sheet.print && context.print)
    out.push({
      kind: "print",
      sheet: sheet.name,
      print: sheet.print,
      // A rebuild clears the breaks of the sheet it made; a user's sheet keeps theirs.
      clearBreaks: sheet.generated,
      bytes: printBytes(sheet.print, sheet.generated),
    });
  return out;
}

/** The page setup's calls, and per page break (cleared, added) a path and an action more. */
function printBytes(print: PrintSpec, clearBreaks: boolean): number {
  const breakCalls = (clearBreaks ? 1 : 0) + (print.rowBreaks?.length ?? 0);
  const breaks = breakCalls > 0 ? 1 + breakCalls : 0;
  return wireBytes(4 + breaks, 4, 12 + breakCalls, jsonBytes(print) * 2);
}

function blockCells(sheet: string, block: BlockSpec): BlockCells {
  return {
    sheet,
    block,
    rows: block.cells.length,
    cols: widthOf(block),
    at: (r: number, c: number): CellSpec | null => block.cells[r]?.[c] ?? null,
  };
}

/** Styles over the fewest rectangles of cells of one style. */
function styleOps({ sheet, block, rows, at }: BlockCells): WriteOp[] {
  return fewestRectangles(
    rows,
    (r) => block.cells[r]?.length ?? 0,
    (r, c) => at(r, c)?.style ?? null
  ).map((rect) => ({
    kind: "style",
    sheet,
    rect: placed(block, rect),
    style: rect.key,
    bytes: wireBytes(1, styleObjects(rect.key), styleOperations(rect.key), 12),
  }));
}

/** How many Office.js property writes a style takes (executeOp sets one per property). */
function styleOperations(style: StyleName): number {
  const s = STYLES[style];
  return (
    [s.fill, s.fontColor, s.bold, s.italic, s.underline, s.size].filter(Boolean).length +
    (s.wrap ? 2 : 0) +
    (s.borderBottom ? 2 : 0)
  );
}

/** Objects a style reaches besides its range: format, fill, font, borders and an edge. */
function styleObjects(style: StyleName): number {
  const s = STYLES[style];
  const font = [s.fontColor, s.bold, s.italic, s.underline, s.size].some(Boolean);
  return 1 + (s.fill ? 1 : 0) + (font ? 1 : 0) + (s.borderBottom ? 2 : 0);
}

/** Links of a block's cells, and their notes when notes are written (else counted as skipped). */
function linkAndNoteOps({ sheet, block }: BlockCells, context: SheetContext): WriteOp[] {
  const out: WriteOp[] = [];
  block.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const at = { sheet, row: block.row + r, col: block.col + c };
      if (cell?.link)
        out.push({
          kind: "link",
          ...at,
          target: cell.link,
          bytes: wireBytes(1, 0, 1, jsonBytes(cell.link) * 2 + 40),
        });
      if (cell?.note) {
        if (context.notes)
          out.push({
            kind: "note",
            ...at,
            text: cell.note,
            bytes: wireBytes(1, 1, 1, jsonBytes(cell.note)),
          });
        else context.plan.skippedNotes++;
      }
    })
  );
  return out;
}

/** Column widths, one operation per run of equal widths. */
function widthOps(sheet: SheetSpec): WriteOp[] {
  const out: WriteOp[] = [];
  const w = sheet.columnWidths ?? [];
  for (let c = 0; c < w.length;) {
    const width = w[c];
    let end = c + 1;
    while (end < w.length && w[end] === width) end++;
    if (width !== undefined && width !== null && width > 0) {
      out.push({
        kind: "columnWidth",
        sheet: sheet.name,
        col: c,
        cols: end - c,
        points: charsToPoints(width),
        bytes: wireBytes(1, 1, 1, 12),
      });
    }
    c = end;
  }
  return out;
}

function tableOps(sheet: SheetSpec): WriteOp[] {
  return sheet.tables.map((t) => ({
    kind: "table",
    sheet: sheet.name,
    table: t,
    bytes: wireBytes(2, 1, 2, jsonBytes(t.name) + jsonBytes(t.style ?? "TableStyleLight9")),
  }));
}

/** Conditional formats over only the rows the sheet uses: a rule over empty rows costs Excel time for nothing. */
function conditionalFormatOps(sheet: SheetSpec, context: SheetContext): WriteOp[] {
  const used = usedRows(sheet);
  const out: WriteOp[] = [];
  for (const f of sheet.conditionalFormats) {
    const first = used ? Math.max(f.row, used.first) : f.row;
    const last = used ? Math.min(f.row + f.rows - 1, used.last) : f.row - 1;
    if (last < first) {
      context.plan.clippedFormats++;
      continue;
    }
    if (first !== f.row || last !== f.row + f.rows - 1) context.plan.clippedFormats++;
    out.push({
      kind: "conditionalFormat",
      sheet: sheet.name,
      rect: { row: first, col: f.col, rows: last - first + 1, cols: f.cols },
      // Excel reads the rule relative to the range's top-left cell: a trimmed top would shift it.
      formula: first === f.row ? f.formula : shiftRows(f.formula, first - f.row),
      format: f.format,
      stopIfTrue: Boolean(f.stopIfTrue),
      priority: out.length,
      bytes: wireBytes(2, 6, 6, jsonBytes(f.formula) + 40),
    });
  }
  return out;
}

function chartOps(sheet: SheetSpec): WriteOp[] {
  return sheet.charts.map((chart, i) => ({
    kind: "chart",
    sheet: sheet.name,
    chart,
    name: `${CHART_PREFIX} ${i + 1}`,
    bytes:
      wireBytes(
        6 + 4 * chart.series.length,
        4 + 4 * chart.series.length,
        6 + 6 * chart.series.length
      ) + jsonBytes(chart),
  }));
}

function freezeOps(sheet: SheetSpec): WriteOp[] {
  const f = sheet.freeze;
  return f && (f.rows > 0 || f.cols > 0)
    ? [{ kind: "freeze", sheet: sheet.name, rows: f.rows, cols: f.cols, bytes: wireBytes(1, 1, 1) }]
    : [];
}
