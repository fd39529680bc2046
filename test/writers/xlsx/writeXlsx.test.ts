import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { computed, describeWithLibreOffice, recalculate } from "../../support/libreoffice";
import { escapeXlsxText, specCells, writeXlsx } from "../../../src/writers/xlsx/writeXlsx";
import { editXlsx } from "../../../src/writers/xlsx/ooxml/editPackage";
import { fitsTheWriter } from "../../../src/cli/writeBook";
import { memoryIo } from "../../support/cliIo";
import { WorkbookPlanError } from "../../../src/layout/checkSpec";
import { readXlsx } from "../../../src/writers/xlsx/readXlsx";
import { toFileFormula, fromFileFormula } from "../../../src/writers/xlsx/fileFormula";
import { writeDefinitions, type Definitions } from "../../../src/layout/definitions";
import type { SheetSpec } from "../../../src/layout/spec";

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

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const defs: Definitions = {
  version: 1,
  areas: ["Merton"],
  periods: ["2017-08-01"],
  groups: [],
  thresholds: { alpha: 0.05 },
  sheets: [{ name: "S", role: "comparison", generated: true }],
};

describe("file formulas", () => {
  test("functions newer than Excel 2007 get the _xlfn. prefix, except inside strings", () => {
    expect(toFileFormula('MIN(1,2*BINOM.DIST(MIN(A1,B1),A1+B1,0.5,TRUE))&"BINOM.DIST("')).toBe(
      'MIN(1,2*_xlfn.BINOM.DIST(MIN(A1,B1),A1+B1,0.5,TRUE))&"BINOM.DIST("'
    );
    expect(toFileFormula("2*NORM.S.DIST(-ABS(Z1),TRUE)")).toBe(
      "2*_xlfn.NORM.S.DIST(-ABS(Z1),TRUE)"
    );
    expect(toFileFormula('SUMIFS(A:A,B:B,"=x")')).toBe('SUMIFS(A:A,B:B,"=x")');
    expect(fromFileFormula("_xlfn.BINOM.DIST(1,2,0.5,TRUE)")).toBe("BINOM.DIST(1,2,0.5,TRUE)");
  });
});

describe("xlsx writer", () => {
  test("Excel's own limits replace a cell cap: a table longer than a sheet is refused before anything is built, a block past the last row by the spec check", async () => {
    const io = memoryIo();
    expect(fitsTheWriter("build", [{ rows: new Array(1_048_575) }], io)).toBe(true);
    expect(io.err).toEqual([]);
    expect(fitsTheWriter("build", [{ rows: [] }, { rows: new Array(1_048_576) }], io)).toBe(false);
    expect(io.err.join("")).toBe(
      "build: the table has 1,048,576 rows, and a sheet of Excel holds 1,048,576 rows with its header: split the table; nothing written\n"
    );
    const cell = { number: 1 };
    const past = { row: 1_048_575, col: 16_383, cells: [[cell, cell]] };
    expect(specCells({ sheets: [sheet("Big", { blocks: [past] })] })).toBe(2);
    await expect(writeXlsx({ sheets: [sheet("Big", { blocks: [past] })] })).rejects.toThrow(
      WorkbookPlanError
    );
    const last = { row: 1_048_575, col: 16_383, cells: [[cell]] };
    const ws = (
      await load(await writeXlsx({ sheets: [sheet("Big", { blocks: [last] })] }))
    ).getWorksheet("Big")!;
    expect(ws.getCell("XFD1048576").value).toBe(1);
  });

  test("text is always text, formulas only where the layout built one, numbers with their formats", async () => {
    const bytes = await writeXlsx({
      sheets: [
        sheet("Data", {
          blocks: [
            {
              row: 0,
              col: 0,
              cells: [
                [
                  { text: "=1+1" },
                  { text: '=HYPERLINK("http://x","y")' },
                  { text: "+44 20" },
                  { number: 0.115, numFmt: "0.0%" },
                  { formula: "D1*2" },
                  { formula: "BINOM.DIST(1,4,0.5,TRUE)" },
                ],
              ],
            },
          ],
        }),
      ],
    });
    const ws = (await load(bytes)).getWorksheet("Data")!;
    for (const a of ["A1", "B1", "C1"]) expect(ws.getCell(a).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A1").value).toBe("=1+1");
    expect(ws.getCell("D1").value).toBe(0.115);
    expect(ws.getCell("D1").numFmt).toBe("0.0%");
    expect(ws.getCell("E1").formula).toBe("D1*2");
    expect(ws.getCell("F1").formula).toBe("_xlfn.BINOM.DIST(1,4,0.5,TRUE)");
  });

  test("tables, conditional formats, frozen panes, widths and a very hidden definitions sheet", async () => {
    const bytes = await writeXlsx({
      sheets: [
        sheet("Data", {
          role: "data",
          generated: false,
          columnWidths: [30, 12],
          freeze: { rows: 1, cols: 1 },
          blocks: [
            {
              row: 0,
              col: 0,
              cells: [
                [{ text: "Category" }, { text: "Count" }],
                [{ text: "TNO" }, { number: 5 }],
                [{ text: "Burglary" }, { number: 7 }],
              ],
            },
          ],
          tables: [{ name: "Data_T", row: 0, col: 0, rows: 3, cols: 2 }],
          conditionalFormats: [
            {
              row: 1,
              col: 1,
              rows: 2,
              cols: 1,
              formula: "$B2>6",
              format: { fill: "#FDD9B5", bold: true },
            },
          ],
        }),
        writeDefinitions(defs),
      ],
    });
    const book = await readXlsx(bytes);
    expect(book.sheetNames).toEqual(["Data", "_ScrutinyDefinitions"]);
    expect(book.definitions).toEqual(defs);
    expect(book.tableNames).toEqual(["Data_T"]);
    expect(book.sheetValues("Data")).toEqual([
      ["Category", "Count"],
      ["TNO", 5],
      ["Burglary", 7],
    ]);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = excel.getWorksheet("Data")!;
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    const cfs = (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[];
      }
    ).conditionalFormattings;
    expect(cfs).toEqual([
      expect.objectContaining({
        ref: "B2:B3",
        rules: [expect.objectContaining({ formulae: ["$B2>6"] })],
      }),
    ]);
    expect(excel.getWorksheet("_ScrutinyDefinitions")!.state).toBe("veryHidden");
    expect(book.sheets.map((s) => s.state)).toEqual(["visible", "veryHidden"]);
  });

  test("a link is an internal HYPERLINK whose text shows without recalculation", async () => {
    const bytes = await writeXlsx({
      sheets: [
        sheet("Checks", {
          blocks: [
            { row: 0, col: 0, cells: [[{ text: 'Merton "A"!F14', link: "'Merton \"A\"'!F14" }]] },
          ],
        }),
      ],
    });
    const cell = (await load(bytes)).getWorksheet("Checks")!.getCell("A1");
    expect(cell.formula).toBe(`HYPERLINK("#'Merton ""A""'!F14","Merton ""A""!F14")`);
    expect(cell.result).toBe('Merton "A"!F14');
  });

  test("charts are drawn: a chart part in the sheet's drawing, over the spec's cells, with their cached values", async () => {
    const bytes = await writeXlsx({
      sheets: [
        sheet("Trend", {
          blocks: [
            {
              row: 3,
              col: 2,
              cells: [
                [{ text: "Jul" }, { text: "Aug" }],
                [{ number: 309 }, { number: 240 }],
              ],
            },
          ],
          charts: [
            {
              type: "line",
              title: "Offences",
              categories: "'Trend'!C4:D4",
              series: [{ name: "x", values: "'Trend'!C5:D5" }],
              row: 2,
              col: 5,
              width: 8,
              height: 10,
            },
          ],
        }),
      ],
    });
    const parts = unzipSync(bytes);
    const chart = strFromU8(parts["xl/charts/chart1.xml"]!);
    expect(chart).toContain("<c:lineChart>");
    expect(chart).toContain("'Trend'!$C$5:$D$5");
    expect(chart).toMatch(/<c:v>309<\/c:v>.*<c:v>240<\/c:v>/);
    expect(strFromU8(parts["xl/worksheets/sheet1.xml"]!)).toContain('<drawing r:id="rId1"/>');
    expect(strFromU8(parts["xl/drawings/_rels/drawing1.xml.rels"]!)).toContain(
      'Target="../charts/chart1.xml"'
    );
    // No note stands in for the chart any more; the sheet's cells are the spec's alone.
    const ws = (await load(bytes)).getWorksheet("Trend")!;
    expect(ws.getCell("F3").value).toBeNull();
  });

  test("over an existing workbook: replaces its generated sheets in place, removes those asked, leaves the rest", async () => {
    const base = new ExcelJS.Workbook();
    base.addWorksheet("Mine").getCell("A1").value = "typed by the user";
    base.addWorksheet("Compare 2017-09-05").getCell("A1").value = "old comparison";
    base.addWorksheet("Old trend").getCell("A1").value = "old";
    base.addWorksheet("Notes").getCell("B2").value = 42;
    const recorded = writeDefinitions({
      ...defs,
      sheets: [
        { name: "Compare 2017-09-05", role: "comparison", generated: true },
        { name: "Old trend", role: "trend", generated: true },
      ],
    });
    const hidden = base.addWorksheet("_ScrutinyDefinitions", { state: "veryHidden" });
    recorded.blocks[0]!.cells.forEach((row, i) => {
      hidden.getCell(i + 1, 1).value = row[0]!.text!;
    });
    const bytes = await editXlsx(new Uint8Array(await base.xlsx.writeBuffer()), {
      sheets: [
        sheet("Compare 2017-09-05", {
          blocks: [{ row: 0, col: 0, cells: [[{ text: "new comparison" }]] }],
        }),
      ],
      removeSheets: ["Old trend"],
    });
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Mine",
      "Compare 2017-09-05",
      "Notes",
      "_ScrutinyDefinitions",
    ]);
    expect(wb.getWorksheet("Mine")!.getCell("A1").value).toBe("typed by the user");
    expect(wb.getWorksheet("Notes")!.getCell("B2").value).toBe(42);
    expect(wb.getWorksheet("Compare 2017-09-05")!.getCell("A1").value).toBe("new comparison");
  });

  test("the same spec gives the same bytes", async () => {
    const spec = {
      sheets: [
        sheet("A", { blocks: [{ row: 0, col: 0, cells: [[{ text: "x" }, { number: 1 }]] }] }),
        writeDefinitions(defs),
      ],
    };
    expect(Buffer.from(await writeXlsx(spec)).equals(Buffer.from(await writeXlsx(spec)))).toBe(
      true
    );
  });

  describe("control characters in text", () => {
    const texts = [
      "\r=1+1",
      "line one\r\nline two",
      "bell\u0007 and escape\u001b",
      "literally _x000D_ and _x005f_",
      "tab\tand\nfeed",
    ];
    const spec = (name: string) => ({
      sheets: [
        sheet(name, {
          role: "data" as const,
          generated: false,
          blocks: [{ row: 0, col: 0, cells: texts.map((text) => [{ text }]) }],
        }),
      ],
    });
    const valuesOf = (wb: ExcelJS.Workbook, name: string) =>
      texts.map((_, i) => wb.getWorksheet(name)!.getCell(i + 1, 1).value);

    test("are written as Excel's _xHHHH_ escapes, so a carriage return is not read back as a line feed", async () => {
      const wb = await load(await writeXlsx(spec("Pasted")));
      expect(valuesOf(wb, "Pasted")).toEqual(texts);
    });

    test("survive a refresh over the workbook", async () => {
      const bytes = await editXlsx(await writeXlsx(spec("Pasted")), spec("Another"));
      const again = await load(bytes);
      expect(valuesOf(again, "Pasted")).toEqual(texts);
      expect(valuesOf(again, "Another")).toEqual(texts);
    });

    describeWithLibreOffice("read by LibreOffice", () => {
      test("a carriage return is a carriage return, in a cell and in a linked cell's text", async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "scrutiny-cr-"));
        const file = path.join(dir, "cr.xlsx");
        const bytes = await writeXlsx({
          sheets: [
            sheet("Pasted", {
              role: "data",
              generated: false,
              blocks: [
                {
                  row: 0,
                  col: 0,
                  cells: [
                    [{ text: "\r=1+1" }, { formula: "CODE(A1)" }, { formula: "LEN(A1)" }],
                    [{ text: "a\rb", link: "'Pasted'!A1" }, { formula: "CODE(MID(A2,2,1))" }],
                  ],
                },
              ],
            }),
          ],
        });
        writeFileSync(file, bytes);
        const ws = (await recalculate(file)).getWorksheet("Pasted")!;
        expect(computed(ws.getCell("B1"))).toBe(13);
        expect(computed(ws.getCell("C1"))).toBe(5);
        expect(computed(ws.getCell("A2"))).toBe("a\rb");
        expect(computed(ws.getCell("B2"))).toBe(13);
      });
    });

    test("the escape only touches what XML cannot carry", () => {
      expect(escapeXlsxText("\r=1")).toBe("_x000D_=1");
      expect(escapeXlsxText("a_x0041_b")).toBe("a_x005F_x0041_b");
      expect(escapeXlsxText("tab\tfeed\n_x12_ plain")).toBe("tab\tfeed\n_x12_ plain");
    });
  });

  test("a file that is not a workbook is a clear error", async () => {
    await expect(readXlsx(new TextEncoder().encode("not a zip"))).rejects.toThrow(
      /not a readable \.xlsx workbook/
    );
  });
});
