// Manual page breaks that keep each chart whole on a printed page: a break goes before a
// chart's first row when the chart would not fit on the rest of the page it starts on.
// Pages are measured as the writers print them: A4, the margins of the .xlsx writer's
// <pageMargins> (0.75" top and bottom, 0.7" left and right), the rows repeated on every
// page counted, and fitted to the page's width when the spec says so.
import { rowHeights } from "./rowHeights";
import { specExtent } from "./extent";
import type { PrintSpec, SheetSpec } from "./spec";

/** A4 in points, and the margins the writers set (inches × 72). */
const A4 = { short: 595.28, long: 841.89 };
const MARGINS = { vertical: (0.75 + 0.75) * 72, horizontal: (0.7 + 0.7) * 72 };
/**
 * Excel's fit-to-width scale is not stated in the file: it is computed from column widths
 * in pixels, its font metrics and printer. Ours is an estimate, so pages are taken as 95%
 * of their estimated height: a break may come a little early, never inside a chart.
 */
const SAFETY = 0.95;

/** A column's printed width in points: Excel's `width × 7 + 5` pixels at 96 dpi. */
const columnPoints = (chars: number): number => (Math.trunc(chars * 7 + 0.5) + 5) * 0.75;

/** The height of the sheet that fits on one page, in the sheet's own points. */
export function pageCapacity(sheet: SheetSpec, print: PrintSpec): number {
  const landscape = print.orientation === "landscape";
  const pageHeight = (landscape ? A4.short : A4.long) - MARGINS.vertical;
  const pageWidth = (landscape ? A4.long : A4.short) - MARGINS.horizontal;
  let scale = 1;
  if (print.fitToWidth) {
    const cols = print.area ? print.area.col + print.area.cols : specExtent(sheet).cols;
    let width = 0;
    for (let c = print.area?.col ?? 0; c < cols; c++)
      width += columnPoints(sheet.columnWidths?.[c] ?? 8.43);
    // Excel scales by whole percents, down to 10%.
    if (width > 0)
      scale = Math.max(
        0.1,
        Math.min(1, Math.floor((100 * pageWidth * print.fitToWidth) / width) / 100)
      );
  }
  return (pageHeight / scale) * SAFETY;
}

/**
 * 0-based rows before which a manual break keeps every chart on one page: none where the
 * chart fits where it falls, none where it would not fit on a page of its own either.
 */
export function chartRowBreaks(sheet: SheetSpec, print: PrintSpec): number[] {
  const charts = [...sheet.charts].sort((a, b) => a.row - b.row);
  if (charts.length === 0) return [];
  const end = Math.max(...charts.map((c) => c.row + Math.max(1, c.height)));
  const heights = rowHeights(sheet, end);
  const capacity = pageCapacity(sheet, print);
  const repeat = print.repeatRows;
  const sum = (from: number, to: number): number => {
    let h = 0;
    for (let r = from; r < to; r++) h += heights[r] ?? 0;
    return h;
  };
  const repeatHeight = repeat ? sum(repeat.first, repeat.last + 1) : 0;
  // What a page starting at `row` holds before it: the repeated rows once past them.
  const pageTop = (row: number): number => (repeat && row > repeat.last ? repeatHeight : 0);

  const breaks: number[] = [];
  let row = print.area?.row ?? 0;
  let used = 0;
  let pageStart = row;
  const walkTo = (to: number): void => {
    for (; row < to; row++) {
      const h = heights[row] ?? 0;
      if (used + h > capacity && row > pageStart) {
        pageStart = row;
        used = pageTop(row);
      }
      used += h;
    }
  };
  for (const chart of charts) {
    if (chart.row < row) continue; // beside an earlier chart: placed with it
    walkTo(chart.row);
    const height = sum(chart.row, chart.row + Math.max(1, chart.height));
    const fitsHere = used + height <= capacity;
    const fitsAlone = pageTop(chart.row) + height <= capacity;
    if (!fitsHere && fitsAlone && chart.row > pageStart) {
      breaks.push(chart.row);
      pageStart = chart.row;
      used = pageTop(chart.row);
    }
  }
  return breaks;
}

/** The sheet with its chart-keeping breaks in its print setup (when it prints and has charts). */
export function withChartBreaks(sheet: SheetSpec): SheetSpec {
  if (!sheet.print || sheet.charts.length === 0) return sheet;
  const rowBreaks = chartRowBreaks(sheet, sheet.print);
  return rowBreaks.length ? { ...sheet, print: { ...sheet.print, rowBreaks } } : sheet;
}
