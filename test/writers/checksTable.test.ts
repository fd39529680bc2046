// Issue #19, print-ready sheets: "Checks as a filterable table with links styled as links".
// The sample workbook's Checks sheet is one Excel table over its header and findings, in
// both writers: the add-in's (Microsoft's Office.js client, the Excel double behind it) and
// the .xlsx writer's, which LibreOffice opens as a range with filter buttons and draws
// with its "Go to cell" links blue and underlined (page kept under test-artifacts/print/).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { FakeExcel } from "../doubles/fakeExcel";
import { OfficeJsClient } from "../doubles/officeJsClient";
import { applyWorkbookSpec } from "../../src/writers/officejs/applyWorkbookSpec";
import { writeXlsx } from "../../src/writers/xlsx/writeXlsx";
import { CHECKS_HEADER_ROW, CHECKS_TABLE } from "../../src/layout/layoutChecks";
import { STYLES } from "../../src/layout/styles";
import type { CellSpec, SheetSpec } from "../../src/layout/spec";
import { sampleWorkbookSpec } from "../support/sampleWorkbook";
import { describeWithLibreOffice } from "../support/libreoffice";
import {
  convertWorkbooks,
  countColour,
  crop,
  pageTexts,
  renderPage,
  textBox,
  type Pixels,
} from "../support/renderXlsx";

const ARTIFACTS = path.join(__dirname, "../../test-artifacts/print");
const { spec } = sampleWorkbookSpec();
const checks = spec.sheets.find((s) => s.role === "checks")!;
const LINK_COL = 13;
const LINK_BLUE = STYLES.link.fontColor!;
const DPI = 150;

/** The rows below the header, as the layout gives them. */
function findings(sheet: SheetSpec): (CellSpec | null)[][] {
  const block = sheet.blocks[0]!;
  return block.cells.slice(CHECKS_HEADER_ROW - block.row + 1);
}

describe("the Checks sheet of the sample workbook", () => {
  test("is one Excel table over its header and every finding, each 'Go to cell' a link styled as one", () => {
    const rows = findings(checks);
    expect(rows.length).toBeGreaterThan(20);
    expect(checks.tables).toEqual([
      { name: CHECKS_TABLE, row: CHECKS_HEADER_ROW, col: 0, rows: rows.length + 1, cols: 15 },
    ]);
    const links = rows.map((r) => r[LINK_COL]).filter((c): c is CellSpec => Boolean(c));
    expect(links.length).toBeGreaterThan(20);
    for (const c of links)
      expect(c).toMatchObject({ link: expect.stringMatching(/!/), style: "link" });
    expect(STYLES.link).toMatchObject({ underline: true });
  });

  test("the add-in writes it as that table, its links blue and underlined", async () => {
    const excel = new FakeExcel();
    await new OfficeJsClient(excel).run((ctx) => applyWorkbookSpec(ctx, spec));
    const rows = findings(checks);
    expect(excel.tables(checks.name).map((t) => [t.name, t.rect])).toEqual([
      [CHECKS_TABLE, { row: CHECKS_HEADER_ROW, col: 0, rows: rows.length + 1, cols: 15 }],
    ]);
    rows.forEach((r, i) => {
      const link = r[LINK_COL];
      if (!link) return;
      const cell = excel.cell(checks.name, CHECKS_HEADER_ROW + 1 + i, LINK_COL);
      expect(cell).toMatchObject({
        value: link.text,
        fontColor: LINK_BLUE,
        underline: "Single",
        hyperlink: { documentReference: link.link },
      });
    });
  });
});

/** Pixel rows of `img` holding a run of at least `length` link-blue pixels. */
function rowsWithBlueRun(img: Pixels, length: number): number {
  const blue = [1, 3, 5].map((i) => parseInt(LINK_BLUE.slice(i, i + 2), 16));
  let rows = 0;
  for (let y = 0; y < img.height; y++) {
    let run = 0;
    let longest = 0;
    for (let x = 0; x < img.width; x++) {
      const p = (y * img.width + x) * 3;
      const near = blue.every((v, k) => Math.abs(img.rgb[p + k]! - v) <= 48);
      run = near ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    if (longest >= length) rows++;
  }
  return rows;
}

describeWithLibreOffice("the .xlsx Checks sheet in LibreOffice", () => {
  let ods = "";
  let pdf = "";
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-checks-table-"));
    const file = path.join(dir, "checks.xlsx");
    writeFileSync(file, await writeXlsx({ sheets: [checks] }));
    [ods = ""] = await convertWorkbooks([file], "ods");
    [pdf = ""] = await convertWorkbooks([file], "pdf");
  }, 300000);

  test("opens as a range with filter buttons over the header and every finding", () => {
    const content = strFromU8(unzipSync(readFileSync(ods))["content.xml"]!);
    const ranges = [...content.matchAll(/<table:database-range\b[^>]*>/g)].map((m) => m[0]);
    const last = CHECKS_HEADER_ROW + 1 + findings(checks).length;
    const wanted = ranges.filter((r) =>
      r.includes(`table:target-range-address="Checks.A${CHECKS_HEADER_ROW + 1}:Checks.O${last}"`)
    );
    expect(wanted).toHaveLength(1);
    expect(wanted[0]).toMatch(/table:display-filter-buttons="true"/);
  });

  test("draws the 'Go to cell' links blue and underlined", async () => {
    const texts = await pageTexts(pdf);
    const page = texts.findIndex((t) => t.includes("Go to cell"));
    expect(page).toBeGreaterThanOrEqual(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    const img = await renderPage(pdf, page + 1, path.join(ARTIFACTS, "checks-page1.png"), DPI);
    const heading = await textBox(pdf, page + 1, "Go to cell");
    const next = await textBox(pdf, page + 1, "Source");
    const kind = await textBox(pdf, page + 1, "Kind");
    expect([heading, next, kind]).not.toContain(null);
    // The column under "Go to cell", and for contrast the column under "Kind".
    const below = { yMin: heading!.yMax + 4, yMax: heading!.yMax + 400 };
    const links = crop(img, { xMin: heading!.xMin - 1, xMax: next!.xMin - 2, ...below }, DPI);
    const plain = crop(img, { xMin: kind!.xMin - 1, xMax: kind!.xMax + 10, ...below }, DPI);
    expect(countColour(links, LINK_BLUE, 48)).toBeGreaterThan(200);
    expect(countColour(plain, LINK_BLUE, 48)).toBe(0);
    // An underline is a blue line across a link's words: a long run of blue on one pixel row.
    expect(rowsWithBlueRun(links, 40)).toBeGreaterThan(20);
    expect(rowsWithBlueRun(plain, 10)).toBe(0);
  });
});
