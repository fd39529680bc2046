// What a chart's cached values and number formats are, read from the spec a workbook is
// written from: literal cells give their values, formula cells none (Excel and LibreOffice
// compute them on load and redraw the chart), the first formatted cell its number format.
// Only the ranges charts name are looked at, so nothing is held per workbook.
import type { CellSpec, SheetSpec } from "../../../layout/spec";
import { parseRangeAddress, type ParsedRange } from "../../../layout/a1";
import { sheetKey } from "../../../layout/sheetNames";
import type { ChartCache, ChartFormat } from "./chartXml";

/** The cells of a range, row by row, the later block winning where blocks overlap. */
function cellsOf(sheet: SheetSpec, r: ParsedRange): (CellSpec | null)[] {
  const out: (CellSpec | null)[] = new Array<CellSpec | null>(r.rows * r.cols).fill(null);
  for (const b of sheet.blocks) {
    const top = Math.max(r.row, b.row);
    const bottom = Math.min(r.row + r.rows, b.row + b.cells.length);
    for (let row = top; row < bottom; row++) {
      const cells = b.cells[row - b.row] ?? [];
      const left = Math.max(r.col, b.col);
      const right = Math.min(r.col + r.cols, b.col + cells.length);
      for (let col = left; col < right; col++) {
        const cell = cells[col - b.col];
        if (cell) out[(row - r.row) * r.cols + (col - r.col)] = cell;
      }
    }
  }
  return out;
}

/** A cell's value as a chart caches it: numbers and text; formulas and the rest unknown. */
function cachedValue(cell: CellSpec | null): string | number | null {
  if (!cell || cell.formula !== undefined) return null;
  if (cell.number !== undefined) return cell.number;
  return cell.text ?? null;
}

/**
 * The cache and format look-ups chartXml takes, over the sheets of a spec (by name,
 * ignoring case, as Excel does). A range of a sheet the spec does not hold is unknown.
 */
export function chartSource(sheets: readonly SheetSpec[]): {
  cache: ChartCache;
  format: ChartFormat;
} {
  const byKey = new Map(sheets.map((s) => [sheetKey(s.name), s]));
  const lookUp = (ref: string): (CellSpec | null)[] | null => {
    const r = parseRangeAddress(ref);
    const sheet = r?.sheet === null || r === null ? undefined : byKey.get(sheetKey(r.sheet));
    return sheet && r ? cellsOf(sheet, r) : null;
  };
  return {
    cache: (ref) => {
      const cells = lookUp(ref);
      if (!cells) return null;
      const values = cells.map(cachedValue);
      // Nothing known (all formulas): leave the cache out rather than cache blanks.
      return values.some((v) => v !== null) ? values : null;
    },
    format: (ref) => lookUp(ref)?.find((c) => c?.numFmt)?.numFmt ?? null,
  };
}
