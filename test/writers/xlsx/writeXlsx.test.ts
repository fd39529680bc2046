import ExcelJS from "exceljs";
import { writeXlsx } from "../../../src/writers/xlsx/writeXlsx";
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
    const ws = book.workbook.getWorksheet("Data")!;
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
    expect(book.workbook.getWorksheet("_ScrutinyDefinitions")!.state).toBe("veryHidden");
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

  test("charts are not drawn: the sheet says where one would be", async () => {
    const bytes = await writeXlsx({
      sheets: [
        sheet("Trend", {
          charts: [
            {
              type: "line",
              title: "Offences",
              categories: "'Trend'!C4:D4",
              series: [{ name: "x", values: "'Trend'!C5:D5" }],
              row: 2,
              col: 3,
              width: 8,
              height: 10,
            },
          ],
        }),
      ],
    });
    expect(String((await load(bytes)).getWorksheet("Trend")!.getCell("D3").value)).toMatch(
      /^Chart "Offences": drawn when the add-in/
    );
  });

  test("over an existing workbook: replaces sheets of the spec in place, removes those asked, leaves the rest", async () => {
    const base = new ExcelJS.Workbook();
    base.addWorksheet("Mine").getCell("A1").value = "typed by the user";
    base.addWorksheet("Compare 2017-09-05").getCell("A1").value = "old comparison";
    base.addWorksheet("Old trend").getCell("A1").value = "old";
    base.addWorksheet("Notes").getCell("B2").value = 42;
    const bytes = await writeXlsx(
      {
        sheets: [
          sheet("Compare 2017-09-05", {
            blocks: [{ row: 0, col: 0, cells: [[{ text: "new comparison" }]] }],
          }),
        ],
        removeSheets: ["Old trend"],
      },
      base
    );
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Mine", "Compare 2017-09-05", "Notes"]);
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

  test("a file that is not a workbook is a clear error", async () => {
    await expect(readXlsx(new TextEncoder().encode("not a zip"))).rejects.toThrow(
      /not a readable \.xlsx workbook/
    );
  });
});
