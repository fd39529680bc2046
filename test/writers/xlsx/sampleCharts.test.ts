// Every chart of the sample workbook, as the .xlsx writer writes it, drawn by LibreOffice:
// the page holding each chart's title rendered (kept under test-artifacts/charts/) and
// showing the chart's bars or line. The workbook is printed as it is set up, so each chart
// lies inside what its sheet prints. The parts themselves are validated in
// packageParts.test.ts.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { writeXlsx } from "../../../src/writers/xlsx/writeXlsx";
import { sampleWorkbookSpec } from "../../support/sampleWorkbook";
import { describeWithLibreOffice } from "../../support/libreoffice";
import {
  convertWorkbooks,
  countColour,
  crop,
  pageTexts,
  renderPage,
  textBox,
} from "../../support/renderXlsx";

const ARTIFACTS = path.join(__dirname, "../../../test-artifacts/charts");
const { spec } = sampleWorkbookSpec();
const charts = spec.sheets.flatMap((s) => s.charts.map((chart) => ({ sheet: s.name, chart })));
/** The first colour of the writer's palette, for series the spec gives no colour. */
const FIRST_SERIES = "#4472C4";
const DPI = 100;

describeWithLibreOffice("every chart of the sample workbook, drawn by LibreOffice", () => {
  let pdf = "";
  let texts: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-sample-charts-"));
    const file = path.join(dir, "sample.xlsx");
    // Rendered as the sheets print (print areas and all): every chart is on a printed page.
    writeFileSync(file, await writeXlsx(spec));
    [pdf = ""] = await convertWorkbooks([file], "pdf");
    texts = await pageTexts(pdf);
  }, 300000);

  test("the sample workbook has charts of more than one kind", () => {
    expect(new Set(charts.map((c) => c.chart.type)).size).toBeGreaterThan(1);
  });

  test.each(
    charts.map((c) => [c.sheet, c.chart.title, c.chart.series[0]?.color ?? FIRST_SERIES] as const)
  )('%s: "%s" is drawn', async (sheet, title, colour) => {
    // The last page with the title: LibreOffice also draws the top of a chart that starts
    // a page after a manual break into the blank foot of the page before (Excel prints
    // only each page's rows), so the chart is whole on the later page.
    const page = texts.map((t) => t.includes(title)).lastIndexOf(true);
    expect(page).toBeGreaterThanOrEqual(0);
    const png = path.join(ARTIFACTS, `sample-${sheet.replace(/[^A-Za-z0-9-]+/g, "_")}.png`);
    const img = await renderPage(pdf, page + 1, png, DPI);
    // The plot lies under the title: look there only, so no cell fill can stand in for it.
    const at = await textBox(pdf, page + 1, title);
    expect(at).not.toBeNull();
    const plot = {
      xMin: at!.xMin - 150,
      xMax: at!.xMax + 150,
      yMin: at!.yMax,
      yMax: at!.yMax + 250,
    };
    expect(countColour(crop(img, plot, DPI), colour, 16)).toBeGreaterThan(20);
  });
});
