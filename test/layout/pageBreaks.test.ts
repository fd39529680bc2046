// Page breaks that keep charts whole: planned from the rows' heights and the printed page,
// one before a chart only where the chart would otherwise run onto the next page.
import { chartRowBreaks, pageCapacity, withChartBreaks } from "../../src/layout/pageBreaks";
import { rowHeights } from "../../src/layout/rowHeights";
import type { ChartSpec, PrintSpec, SheetSpec } from "../../src/layout/spec";
import { sampleWorkbookSpec } from "../support/sampleWorkbook";

const chart = (row: number, height = 16): ChartSpec => ({
  type: "column",
  title: `Chart at ${row}`,
  categories: "'S'!A1:A3",
  series: [{ name: "x", values: "'S'!B1:B3" }],
  row,
  col: 3,
  width: 4,
  height,
});

/** A sheet of `rows` plain rows (15 pt), a title row on top, and the charts given. */
function sheet(rows: number, charts: ChartSpec[], print: PrintSpec): SheetSpec {
  return {
    name: "S",
    role: "comparison",
    generated: true,
    columnWidths: [10, 10, 10],
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          [{ text: "Title", style: "title" }],
          ...Array.from({ length: rows - 1 }, (_, i) => [{ text: `row ${i + 1}` }]),
        ],
      },
    ],
    tables: [],
    conditionalFormats: [],
    charts,
    print,
  };
}

const LANDSCAPE: PrintSpec = { orientation: "landscape", fitToWidth: 1 };

describe("chart page breaks", () => {
  test("a landscape A4 page holds its height less the margins (columns narrower than the page: no scaling)", () => {
    const s = sheet(100, [], LANDSCAPE);
    // 595.28 pt less 1.5" of margins, taken at 95%: about 30 rows of 15 pt.
    expect(pageCapacity(s, LANDSCAPE)).toBeCloseTo((595.28 - 108) * 0.95, 1);
    expect(rowHeights(s, 2)).toEqual([19, 15]); // 14 pt title: Excel autofits 18.75
  });

  test("a chart that fits where it falls gets no break; one that would run over starts a page", () => {
    expect(chartRowBreaks(sheet(100, [chart(2)], LANDSCAPE), LANDSCAPE)).toEqual([]);
    expect(chartRowBreaks(sheet(100, [chart(20)], LANDSCAPE), LANDSCAPE)).toEqual([20]);
  });

  test("only as many breaks as needed: a chart that fits on the page the last break began shares it", () => {
    // Page 2 starts at row 20 with a 16-row chart; a 6-row chart at 36 fits below it, a
    // 16-row one does not.
    expect(chartRowBreaks(sheet(100, [chart(20), chart(36, 6)], LANDSCAPE), LANDSCAPE)).toEqual([
      20,
    ]);
    expect(chartRowBreaks(sheet(100, [chart(20), chart(36)], LANDSCAPE), LANDSCAPE)).toEqual([
      20, 36,
    ]);
  });

  test("rows repeated on every page are counted", () => {
    const capacity = pageCapacity(sheet(1, [], LANDSCAPE), LANDSCAPE);
    const rows = Math.floor(capacity / 15); // plain rows a page holds
    // A chart filling a page but for one row, on page 2's second row (after a natural
    // break at `rows`).
    const c = chart(rows + 1, rows - 1);
    expect(chartRowBreaks(sheet(200, [c], LANDSCAPE), LANDSCAPE)).toEqual([]);
    // With the 19 pt title repeated on top, it no longer fits beside the row above it.
    const repeated: PrintSpec = { ...LANDSCAPE, repeatRows: { first: 0, last: 0 } };
    expect(chartRowBreaks(sheet(200, [c], repeated), repeated)).toEqual([rows + 1]);
  });

  test("a chart taller than a page is left where it is: a break would not keep it whole", () => {
    expect(chartRowBreaks(sheet(200, [chart(20, 60)], LANDSCAPE), LANDSCAPE)).toEqual([]);
  });

  test("fitted to the width, wide columns shrink the page: more rows fit on it", () => {
    const wide = { ...sheet(200, [chart(50)], LANDSCAPE), columnWidths: [100, 100, 100] };
    const narrow = sheet(200, [chart(50)], LANDSCAPE);
    expect(pageCapacity(wide, LANDSCAPE)).toBeGreaterThan(1.5 * pageCapacity(narrow, LANDSCAPE));
    expect(chartRowBreaks(wide, LANDSCAPE)).toEqual([]);
    expect(chartRowBreaks(narrow, LANDSCAPE)).toEqual([50]);
  });

  test("the sample's monthly trend sheets break only before charts, and only where one would run over", () => {
    const { spec } = sampleWorkbookSpec();
    const trends = spec.sheets.filter((s) => s.role === "trend" && s.charts.length > 1);
    expect(trends.length).toBeGreaterThan(0);
    let breaks = 0;
    for (const s of trends) {
      const starts = new Set(s.charts.map((c) => c.row));
      for (const r of s.print?.rowBreaks ?? []) expect(starts.has(r)).toBe(true);
      breaks += s.print?.rowBreaks?.length ?? 0;
      // Planned again from the sheet as it is: the same breaks (the layout applied them).
      const { rowBreaks: _had, ...print } = s.print!;
      expect(withChartBreaks({ ...s, print }).print?.rowBreaks).toEqual(s.print?.rowBreaks);
    }
    expect(breaks).toBeGreaterThan(0);
  });
});
