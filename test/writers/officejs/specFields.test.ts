// The spec's newer fields through Microsoft's client: tab colour (ExcelApi 1.7), page
// setup (1.9, behind isSetSupported: skipped quietly without it), the sheet the workbook
// opens on, and a scatter chart whose series are drawn as points or lines.
import { FakeExcel } from "../../doubles/fakeExcel";
import { OfficeJsClient } from "../../doubles/officeJsClient";
import { applyWorkbookSpec } from "../../../src/writers/officejs/applyWorkbookSpec";
import type { SheetSpec, WorkbookSpec } from "../../../src/layout/spec";

const cells = Array.from({ length: 6 }, (_, i) => [
  { text: `Area ${i + 1}` },
  { number: 100 + i * 10 },
  { number: (i - 2) / 10 },
  { number: 0.2 },
]);

const funnel: SheetSpec = {
  name: "Funnel",
  role: "summary",
  generated: true,
  blocks: [{ row: 0, col: 0, cells }],
  tables: [],
  conditionalFormats: [],
  tabColor: "#4472C4",
  print: {
    orientation: "landscape",
    fitToWidth: 1,
    repeatRows: { first: 0, last: 0 },
    area: { row: 0, col: 0, rows: 6, cols: 4 },
    header: ["Scrutiny & overview", "", "Page {page} of {pages}"],
  },
  charts: [
    {
      type: "scatter",
      title: "Change against size",
      categories: "'Funnel'!A1:A6",
      series: [
        {
          name: "Areas",
          values: "'Funnel'!C1:C6",
          xValues: "'Funnel'!B1:B6",
          draw: "markers",
          color: "#1F4E79",
        },
        {
          name: "Upper limit",
          values: "'Funnel'!D1:D6",
          xValues: "'Funnel'!B1:B6",
          draw: "line",
          dashed: true,
          color: "#C00000",
        },
      ],
      row: 8,
      col: 0,
      width: 6,
      height: 12,
    },
  ],
};
const other: SheetSpec = {
  ...funnel,
  name: "Other",
  tabColor: undefined,
  print: undefined,
  charts: [],
};
const spec: WorkbookSpec = { sheets: [funnel, other], activeSheet: "Funnel" };

async function write(excelApi: string) {
  const excel = new FakeExcel({ excelApi });
  excel.addSheet("Mine");
  const isSetSupported = (v: string) => excel.requirements.isSetSupported("ExcelApi", v);
  await new OfficeJsClient(excel).run((ctx) => applyWorkbookSpec(ctx, spec, { isSetSupported }));
  return excel;
}

describe("sheet settings and scatter charts through Office.js", () => {
  it("sets tab colour, page setup where ExcelApi 1.9 is there, and the sheet to open on", async () => {
    const excel = await write("1.9");
    expect(excel.tabColor("Funnel")).toBe("#4472C4");
    expect(excel.tabColor("Other")).toBeNull();
    expect(excel.activeSheet()).toBe("Funnel");
    expect(excel.pageLayout("Funnel")).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$1",
      printArea: "A1:D6",
      leftHeader: "Scrutiny && overview",
      centerHeader: "",
      rightHeader: "Page &P of &N",
    });
  });

  it("skips page setup quietly on ExcelApi 1.7, the rest as before", async () => {
    const excel = await write("1.7");
    expect(excel.pageLayout("Funnel")).toBeNull();
    expect(excel.tabColor("Funnel")).toBe("#4472C4");
  });

  it("draws the points as markers and the limit as a dashed line, within ExcelApi 1.7", async () => {
    const excel = await write("1.7");
    const [chart] = excel.charts("Funnel");
    expect(chart?.type).toBe("XYScatter");
    expect(chart?.series.map((s) => [s.values, s.xValues, s.drawing])).toEqual([
      [
        "Funnel!C1:C6",
        "Funnel!B1:B6",
        {
          chartType: "XYScatter",
          markerBackgroundColor: "#1F4E79",
          markerForegroundColor: "#1F4E79",
        },
      ],
      [
        "Funnel!D1:D6",
        "Funnel!B1:B6",
        { chartType: "XYScatterLinesNoMarkers", "line.color": "#C00000", "line.lineStyle": "Dash" },
      ],
    ]);
  });
});
