// The streaming writer's package, part by part: every part of the sample workbook (real
// data, every sheet kind) against the ECMA-376 schemas, the package's bookkeeping
// (relationships, content types), and what the spec asks beyond cells: print setup, tab
// colour, the sheet to open on, hidden sheets, notes, table headers, filled-down formulas
// and charts, read back by ExcelJS and LibreOffice as independent readers.
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { writeXlsx } from "../../../src/writers/xlsx/writeXlsx";
import type { SheetSpec, WorkbookSpec } from "../../../src/layout/spec";
import { sampleWorkbookSpec } from "../../support/sampleWorkbook";
import { schemaErrors } from "../../support/renderXlsx";
import { convertWithLibreOffice, describeWithLibreOffice } from "../../support/libreoffice";

const sheet = (name: string, over: Partial<SheetSpec> = {}): SheetSpec => ({
  name,
  role: "comparison",
  generated: true,
  blocks: [],
  tables: [],
  conditionalFormats: [],
  charts: [],
  ...over,
});

const partsOf = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The schema file each kind of part is checked against. */
function schemaOf(part: string): string | null {
  if (/^xl\/(worksheets\/sheet|tables\/table|comments)\d+\.xml$/.test(part)) return "sml.xsd";
  if (/^xl\/(workbook|styles|sharedStrings)\.xml$/.test(part)) return "sml.xsd";
  if (/^xl\/charts\/chart\d+\.xml$/.test(part)) return "dml-chart.xsd";
  if (/^xl\/drawings\/drawing\d+\.xml$/.test(part)) return "dml-spreadsheetDrawing.xsd";
  return null;
}

describe("the sample workbook's package", () => {
  let parts: Record<string, string> = {};
  let spec: WorkbookSpec;
  beforeAll(async () => {
    spec = sampleWorkbookSpec().spec;
    parts = partsOf(await writeXlsx(spec));
  });

  test("every sheet, table, chart, drawing, note and the workbook, styles and strings validate against ECMA-376", () => {
    const checked = Object.keys(parts).filter((p) => schemaOf(p) !== null);
    // Every kind of part is there to check: the test covers what it says.
    for (const kind of [
      "worksheets/",
      "tables/",
      "charts/",
      "drawings/drawing",
      "comments",
      "styles",
    ])
      expect({ kind, present: checked.some((p) => p.includes(kind)) }).toEqual({
        kind,
        present: true,
      });
    const errors = checked.flatMap((p) =>
      schemaErrors(parts[p]!, schemaOf(p)!).map((e) => `${p}: ${e}`)
    );
    expect(errors).toEqual([]);
  });

  test("the schema check can fail: a worksheet with its elements out of order is refused", () => {
    const sheetXml = parts["xl/worksheets/sheet1.xml"]!;
    const swapped = sheetXml.replace(
      /(<sheetFormatPr[^>]*\/>)(<cols>.*?<\/cols>)/,
      (_m, a: string, b: string) => b + a
    );
    expect(swapped).not.toBe(sheetXml);
    expect(schemaErrors(swapped, "sml.xsd")).not.toEqual([]);
  });

  test("every relationship points at a part of the package, and every part has a content type", () => {
    const types = parts["[Content_Types].xml"]!;
    const defaults = [...types.matchAll(/Extension="([^"]+)"/g)].map((m) => m[1]);
    const overrides = new Set([...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]));
    for (const part of Object.keys(parts)) {
      const typed = overrides.has(part) || defaults.includes(part.split(".").pop());
      expect({ part, typed }).toEqual({ part, typed: true });
    }
    for (const rels of Object.keys(parts).filter((p) => p.endsWith(".rels"))) {
      const dir = path.posix.dirname(path.posix.dirname(rels));
      for (const m of parts[rels]!.matchAll(/Target="([^"]+)"/g)) {
        const target = path.posix.normalize(path.posix.join(dir === "." ? "" : dir, m[1]!));
        expect({ rels, target, exists: target in parts }).toEqual({ rels, target, exists: true });
      }
    }
  });

  test("one chart part for every chart of the spec, each in its sheet's drawing", () => {
    const charts = spec.sheets.reduce((n, s) => n + s.charts.length, 0);
    expect(charts).toBeGreaterThan(0);
    expect(Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).length).toBe(
      charts
    );
    const withCharts = spec.sheets.filter((s) => s.charts.length > 0).length;
    expect(Object.keys(parts).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p)).length).toBe(
      withCharts
    );
  });

  test("filled-down formulas are shared formulas: the text once, then the group's index", () => {
    const data = spec.sheets.findIndex((s) => s.role === "data");
    const xml = parts[`xl/worksheets/sheet${data + 1}.xml`]!;
    const masters = [
      ...xml.matchAll(/<f t="shared" ref="([A-Z]+)(\d+):([A-Z]+)(\d+)" si="(\d+)">/g),
    ];
    expect(masters.length).toBeGreaterThan(0);
    for (const m of masters) {
      expect(m[1]).toBe(m[3]);
      const children = xml.match(new RegExp(`<f t="shared" si="${m[5]}"/>`, "g"))?.length ?? 0;
      expect(children).toBe(Number(m[4]) - Number(m[2]));
    }
  });
});

describe("what the spec asks beyond cells", () => {
  const spec: WorkbookSpec = {
    activeSheet: "Summary",
    sheets: [
      sheet("Data", {
        role: "data",
        generated: false,
        blocks: [
          {
            row: 0,
            col: 0,
            cells: [
              [
                { text: "Area", style: "header" },
                { number: 2017, style: "header" },
                null,
                { text: "area" },
              ],
              [
                { text: "Merton", note: "A London borough" },
                { number: 5 },
                { number: 6 },
                { text: "x" },
              ],
            ],
          },
        ],
        tables: [{ name: "Data_T", row: 0, col: 0, rows: 2, cols: 4 }],
        print: {
          orientation: "portrait",
          fitToWidth: 2,
          repeatRows: { first: 0, last: 0 },
          area: { row: 0, col: 0, rows: 2, cols: 4 },
          header: ["Merton & Sutton", "", "Page {page} of {pages}"],
          footer: ["", "Scrutiny", ""],
        },
        tabColor: "#1F3864",
      }),
      sheet("Summary", {
        role: "summary",
        blocks: [
          {
            row: 0,
            col: 0,
            cells: [
              [{ text: "s" }],
              [{ text: "a long flag ".repeat(30).trim(), link: "'Data'!B2" }],
            ],
          },
        ],
      }),
      sheet("Old", {
        visibility: "hidden",
        blocks: [{ row: 0, col: 0, cells: [[{ text: "o" }]] }],
      }),
    ],
  };
  let parts: Record<string, string> = {};
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const bytes = await writeXlsx(spec);
    parts = partsOf(bytes);
    wb = await load(bytes);
  });

  test("a table's header cells are text equal to its column names, unique and never empty", () => {
    const table = parts["xl/tables/table1.xml"]!;
    const names = [...table.matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual(["Area", "2017", "Column3", "area2"]);
    const ws = wb.getWorksheet("Data")!;
    expect([1, 2, 3, 4].map((c) => ws.getCell(1, c).value)).toEqual(names);
    // The header keeps its look.
    expect(ws.getCell("B1").font?.bold).toBe(true);
  });

  test("print setup: orientation, fit to width, print titles and area, header and footer with page codes", () => {
    const data = parts["xl/worksheets/sheet1.xml"]!;
    expect(data).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(data).toContain(
      '<pageSetup paperSize="9" orientation="portrait" fitToWidth="2" fitToHeight="0"/>'
    );
    expect(data).toContain(
      "<headerFooter><oddHeader>&amp;LMerton &amp;&amp; Sutton&amp;RPage &amp;P of &amp;N</oddHeader><oddFooter>&amp;CScrutiny</oddFooter></headerFooter>"
    );
    const workbook = parts["xl/workbook.xml"]!;
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'Data'!$A$1:$D$2</definedName>`
    );
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Data'!$1:$1</definedName>`
    );
    const ws = wb.getWorksheet("Data")!;
    expect(ws.pageSetup).toMatchObject({ orientation: "portrait", fitToWidth: 2, fitToHeight: 0 });
    expect(ws.headerFooter.oddHeader).toBe("&LMerton && Sutton&RPage &P of &N");
  });

  test("a sheet without print setup prints landscape, one page wide, as committee papers do", () => {
    expect(parts["xl/worksheets/sheet2.xml"]).toContain(
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    );
  });

  test("tab colour, the sheet the workbook opens on (selected too), and a hidden sheet", () => {
    expect(wb.getWorksheet("Data")!.properties.tabColor).toEqual({ argb: "FF1F3864" });
    expect(parts["xl/workbook.xml"]).toContain('<workbookView activeTab="1"/>');
    expect(parts["xl/worksheets/sheet2.xml"]).toContain('tabSelected="1"');
    expect(parts["xl/worksheets/sheet1.xml"]).not.toContain("tabSelected");
    expect(wb.getWorksheet("Old")!.state).toBe("hidden");
  });

  test("a link whose text is too long for a HYPERLINK formula is a hyperlink element to the cell", () => {
    const summary = parts["xl/worksheets/sheet2.xml"]!;
    expect(summary).toContain(
      `<hyperlinks><hyperlink ref="A2" location="'Data'!B2"/></hyperlinks>`
    );
    expect(summary).not.toContain("HYPERLINK(");
    expect(wb.getWorksheet("Summary")!.getCell("A2").value).toBe("a long flag ".repeat(30).trim());
  });

  test("a note is a comment with its VML box", () => {
    expect(wb.getWorksheet("Data")!.getCell("A2").note).toBe("A London borough");
    expect(parts["xl/drawings/vmlDrawing1.vml"]).toContain("<x:Row>1</x:Row>");
    expect(schemaErrors(parts["xl/comments1.xml"]!, "sml.xsd")).toEqual([]);
  });

  test("every part validates", () => {
    const errors = Object.keys(parts)
      .filter((p) => schemaOf(p))
      .flatMap((p) => schemaErrors(parts[p]!, schemaOf(p)!).map((e) => `${p}: ${e}`));
    expect(errors).toEqual([]);
  });
});

describeWithLibreOffice("LibreOffice reads the sample workbook", () => {
  test("and keeps every chart when it saves it again", async () => {
    const { spec } = sampleWorkbookSpec();
    const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-parts-"));
    const file = path.join(dir, "sample.xlsx");
    writeFileSync(file, await writeXlsx(spec));
    const [resaved] = await convertWithLibreOffice([file]);
    const parts = Object.keys(unzipSync(readFileSync(resaved!)));
    const charts = spec.sheets.reduce((n, s) => n + s.charts.length, 0);
    expect(parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).length).toBe(charts);
  }, 120_000);
});
