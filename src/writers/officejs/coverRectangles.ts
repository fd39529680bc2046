// Covers cells that share a key (a number format, a style) with few rectangles, so a
// format is set once per rectangle instead of once per cell: runs along each row, then
// runs that repeat on the next row extend downwards. A data table's columns become one
// rectangle each, whatever the number of rows.

export interface KeyedRect<K> {
  row: number;
  col: number;
  rows: number;
  cols: number;
  key: K;
}

/** `keyAt` returns null for cells that need nothing. Rows are 0-based offsets into the grid. */
export function coverRectangles<K extends string>(
  rowCount: number,
  colCount: (row: number) => number,
  keyAt: (row: number, col: number) => K | null
): KeyedRect<K>[] {
  const done: KeyedRect<K>[] = [];
  let open = new Map<string, KeyedRect<K>>();
  for (let r = 0; r < rowCount; r++) {
    const next = new Map<string, KeyedRect<K>>();
    const n = colCount(r);
    let c = 0;
    while (c < n) {
      const k = keyAt(r, c);
      if (k === null) {
        c++;
        continue;
      }
      let end = c + 1;
      while (end < n && keyAt(r, end) === k) end++;
      const id = `${c}:${end}:${k}`;
      const prev = open.get(id);
      if (prev) {
        prev.rows++;
        open.delete(id);
        next.set(id, prev);
      } else {
        next.set(id, { row: r, col: c, rows: 1, cols: end - c, key: k });
      }
      c = end;
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  }
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * The fewer rectangles of two covers: along rows, or along columns (where a column keeps
 * its format down a table while a few rows, such as totals, differ in other columns).
 */
export function fewestRectangles<K extends string>(
  rowCount: number,
  colCount: (row: number) => number,
  keyAt: (row: number, col: number) => K | null
): KeyedRect<K>[] {
  const byRows = coverRectangles(rowCount, colCount, keyAt);
  if (byRows.length <= 2) return byRows;
  let width = 0;
  for (let r = 0; r < rowCount; r++) width = Math.max(width, colCount(r));
  const byCols = coverRectangles(
    width,
    () => rowCount,
    (c, r) => (c < colCount(r) ? keyAt(r, c) : null)
  ).map((x) => ({
    row: x.col,
    col: x.row,
    rows: x.cols,
    cols: x.rows,
    key: x.key,
  }));
  return byCols.length < byRows.length
    ? byCols.sort((a, b) => a.row - b.row || a.col - b.col)
    : byRows;
}
