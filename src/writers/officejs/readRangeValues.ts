// Values of the used range of several sheets in one request, anchored at A1. When the
// response would pass the 5 MB Excel on the web returns (a very large sheet), or Excel
// answers `values` with null above its cell limits, the sheets are read again in row
// slices that fit.

import { isTooLarge, readInSlices } from "./readInSlices";
import { sheetKey } from "../../layout/sheetNames";

/** Cells per slice when a sheet is too large for one response. */
const SLICE_CELLS = 100_000;

function anchored(values: unknown[][], rowIndex: number, columnIndex: number): unknown[][] {
  const pad = Array<unknown>(columnIndex).fill("");
  const rows: unknown[][] = Array.from({ length: rowIndex }, () => []);
  for (const r of values) rows.push(columnIndex ? [...pad, ...r] : r);
  return rows;
}

export async function readRangeValues(
  context: Excel.RequestContext,
  sheetNames: string[],
  sync: () => Promise<void>
): Promise<Map<string, unknown[][]>> {
  const ranges = sheetNames.map((name) => ({
    name,
    range: context.workbook.worksheets
      .getItem(name)
      .getUsedRangeOrNullObject(true)
      .load("values,rowIndex,columnIndex"),
  }));
  const out = new Map<string, unknown[][]>();
  try {
    await sync();
    // Above its cell limits Excel answers `values` with null: such a sheet is read in slices.
    const tooLarge = ranges.some(({ range }) => !range.isNullObject && range.values === null);
    if (!tooLarge) {
      for (const { name, range } of ranges)
        out.set(
          sheetKey(name),
          range.isNullObject ? [] : anchored(range.values, range.rowIndex, range.columnIndex)
        );
      return out;
    }
  } catch (e) {
    if (!isTooLarge(e)) throw e;
  }
  // Too large together: find each sheet's extent, then read it in slices.
  const extents = sheetNames.map((name) => ({
    name,
    range: context.workbook.worksheets
      .getItem(name)
      .getUsedRangeOrNullObject(true)
      .load("rowIndex,columnIndex,rowCount,columnCount"),
  }));
  await sync();
  for (const { name, range } of extents) {
    if (range.isNullObject) {
      out.set(sheetKey(name), []);
      continue;
    }
    const sheet = context.workbook.worksheets.getItem(name);
    const rows: unknown[][] = [];
    await readInSlices(sheet, range, "values", SLICE_CELLS, sync, (slice) =>
      rows.push(...slice.values)
    );
    out.set(sheetKey(name), anchored(rows, range.rowIndex, range.columnIndex));
  }
  return out;
}
