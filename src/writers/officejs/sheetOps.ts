// One sheet's content as operations, in the order they must run: number formats, values
// and formulas, styles, column widths, links and notes, tables (after their values),
// conditional formats, charts, panes.

import type { BlockSpec, CellSpec, SheetSpec, StyleName } from "../../layout/spec";
import { STYLES } from "../../layout/styles";
import { shiftRows } from "../../layout/formulaRows";
import { usedRows, widthOf } from "../../layout/extent";
import { cellOps, formatOps, type BlockCells } from "./cellOps";
import { fewestRectangles } from "./coverRectangles";
import { OP_OVERHEAD, jsonBytes } from "./requestBudget";
import { append, placed, type WriteOp, type WritePlan } from "./writeOps";

/** A sheet's charts carry this prefix, so a rebuild removes ours and leaves the user's. */
export const CHART_PREFIX = "Scrutiny chart";

/** What a sheet's operations depend on beyond the sheet. */
export interface SheetContext {
  /** Largest array piece, in bytes. */
  pieceBytes: number;
  /** Write cell notes (needs ExcelApi 1.18). */
  notes: boolean;
  /** Counts kept for the plan's report: notes skipped, conditional formats trimmed. */
  plan: Pick<WritePlan, "skippedNotes" | "clippedFormats">;
}

/** Excel's column width unit is the point; layouts give characters of the default font. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function sheetOps(sheet: SheetSpec, context: SheetContext): WriteOp[] {
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
  const ops = [...formats, ...cells, ...styles];
  append(ops, widthOps(sheet));
  append(ops, extras);
  append(ops, tableOps(sheet));
  append(ops, conditionalFormatOps(sheet, context));
  append(ops, chartOps(sheet));
  append(ops, freezeOps(sheet));
  return ops;
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
    bytes: OP_OVERHEAD * styleOperations(rect.key),
  }));
}

/** How many Office.js property writes a style takes (executeOp sets one per property). */
function styleOperations(style: StyleName): number {
  const s = STYLES[style];
  return (
    1 +
    [s.fill, s.fontColor, s.bold, s.italic, s.size].filter(Boolean).length +
    (s.wrap ? 2 : 0) +
    (s.borderBottom ? 3 : 0)
  );
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
          bytes: OP_OVERHEAD + jsonBytes(cell.link) * 2,
        });
      if (cell?.note) {
        if (context.notes)
          out.push({
            kind: "note",
            ...at,
            text: cell.note,
            bytes: OP_OVERHEAD + jsonBytes(cell.note),
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
        bytes: OP_OVERHEAD,
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
    bytes: OP_OVERHEAD * 3 + jsonBytes(t),
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
      bytes: OP_OVERHEAD * 8 + jsonBytes(f.formula),
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
    bytes: OP_OVERHEAD * (6 + 3 * chart.series.length) + jsonBytes(chart),
  }));
}

function freezeOps(sheet: SheetSpec): WriteOp[] {
  const f = sheet.freeze;
  return f && (f.rows > 0 || f.cols > 0)
    ? [{ kind: "freeze", sheet: sheet.name, rows: f.rows, cols: f.cols, bytes: OP_OVERHEAD }]
    : [];
}
