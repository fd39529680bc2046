// How tall the writers make a sheet's rows, in points: one home for the rule the .xlsx
// writer writes (a file has no autofit) and the page breaks are planned by.
import { STYLES } from "./styles";
import type { SheetSpec } from "./spec";

/** Excel's default row height for 11 pt Calibri, as both writers leave it. */
export const DEFAULT_ROW_HEIGHT = 15;
/** The most lines a wrapped heading's row is given. */
const MAX_HEADING_LINES = 5;

/** Lines a wrapped heading takes in a column `width` characters wide (9 when unset). */
export function headingLines(text: string | undefined, width: number | undefined): number {
  if (!text) return 1;
  return Math.ceil(text.length / Math.max((width ?? 9) - 3, 4));
}

/** A row's height for its tallest wrapped heading (`lines` from headingLines). */
export function headingRowHeight(lines: number): number {
  return Math.min(lines, MAX_HEADING_LINES) * DEFAULT_ROW_HEIGHT;
}

/**
 * The height of each row 0..rows-1: wrapped headings as the .xlsx writer sets them, a
 * larger font as Excel's autofit gives it (about 1.34 × its size), 15 points otherwise.
 * Office.js autofits headings itself; its heights are close to these, not equal.
 */
export function rowHeights(sheet: SheetSpec, rows: number): number[] {
  const out: number[] = new Array<number>(rows).fill(DEFAULT_ROW_HEIGHT);
  const widths = sheet.columnWidths ?? [];
  for (const b of sheet.blocks) {
    const last = Math.min(b.cells.length, rows - b.row);
    for (let i = 0; i < last; i++) {
      const r = b.row + i;
      (b.cells[i] ?? []).forEach((cell, j) => {
        if (!cell?.style) return;
        const style = STYLES[cell.style];
        let h = style.size ? Math.ceil(style.size * 1.34 * 4) / 4 : DEFAULT_ROW_HEIGHT;
        if (style.wrap)
          h = Math.max(h, headingRowHeight(headingLines(cell.text, widths[b.col + j])));
        if (h > (out[r] ?? 0)) out[r] = h;
      });
    }
  }
  return out;
}
