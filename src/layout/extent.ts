// Where a sheet's content lies: the rows its blocks use and how far everything reaches.
// Writers trim rules and clear old content by these; the layout contract checks by them.
import type { BlockSpec, SheetSpec } from "./spec";

/** Columns of a block's widest row (a loop: spreading 100,000 rows into Math.max would overflow the stack). */
export function widthOf(b: BlockSpec): number {
  let w = 0;
  for (const r of b.cells) if (r.length > w) w = r.length;
  return w;
}

/** Rows the sheet's blocks put something in. */
export function usedRows(sheet: SheetSpec): { first: number; last: number } | null {
  let first = Infinity;
  let last = -1;
  for (const b of sheet.blocks) {
    b.cells.forEach((row, i) => {
      if (row.some((c) => c !== null && c !== undefined)) {
        first = Math.min(first, b.row + i);
        last = Math.max(last, b.row + i);
      }
    });
  }
  return last < 0 ? null : { first, last };
}

/** Rows and columns from A1 that the spec's content reaches. */
export function specExtent(sheet: SheetSpec): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  const reach = (r: number, c: number): void => {
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  };
  for (const b of sheet.blocks) reach(b.row + b.cells.length, b.col + widthOf(b));
  for (const t of sheet.tables) reach(t.row + t.rows, t.col + t.cols);
  for (const f of sheet.conditionalFormats) reach(f.row + f.rows, f.col + f.cols);
  for (const c of sheet.charts) reach(c.row + c.height, c.col + c.width);
  return { rows, cols };
}
