// Spreadsheet files as input: every sheet of an .xlsx, .ods or .xls is read as a paste of
// it would be (app/readSpreadsheet), through build's and refresh --add's loadInputs.
import * as fs from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import Papa from "papaparse";
import { isSpreadsheetFile, readSpreadsheet } from "../../src/app/readSpreadsheet";
import { loadInputs } from "../../src/cli/loadInputs";
import { readInput } from "../../src/core/readInput";
import { checkStructured } from "../../src/core/validate/structure";
import { validateTables } from "../../src/core/validate";
import { memoryIo } from "../support/cliIo";
import { TABLES_DIR, tableText } from "../support/tablesCorpus";

const SHEETS_DIR = path.join(TABLES_DIR, "spreadsheets");
const SEXUAL = "hansard-2007-sexual-offences-by-force";

/** A workbook of corpus tables, one a sheet, each cell the printed text of the paste. */
function workbookOf(files: Record<string, string>, bookType: XLSX.BookType): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [sheet, file] of Object.entries(files)) {
    const rows = tableText(file)
      .split("\n")
      .map((l) => l.split("\t"));
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), sheet);
  }
  return new Uint8Array(XLSX.write(book, { type: "array", bookType }) as ArrayBuffer);
}

describe("readSpreadsheet", () => {
  it.each(["ods", "xls"])(
    "reads the .%s LibreOffice saved: 43 forces and the total, which checks out",
    (ext) => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(SHEETS_DIR, `${SEXUAL}.${ext}`)));
      const read = readSpreadsheet(bytes, `${SEXUAL}.${ext}`);
      if (!read.ok) throw new Error(read.error.message);
      expect(read.sheets).toHaveLength(1);
      expect(read.tables).toHaveLength(1);
      const table = read.tables[0]!;
      expect(table.source).toBe(`${SEXUAL}.${ext} [${read.sheets[0]!.sheet}]`);
      expect(table.rows).toHaveLength(44);
      expect(table.rows[0]).toMatchObject({ line: 3, category: "Avon and Somerset" });
      expect(table.rows[43]).toMatchObject({ line: 46, category: "Total", isTotal: true });
      expect(Object.values(table.rows[43]!.values)).toEqual([48627, 52070, 60942, 61111]);
      const structure = read.sheets[0]!.structure;
      expect(structure.tables[0]!.columns.map((c) => c.heading)).toEqual([
        "2002-03",
        "2003-04",
        "2004-05",
        "2005-06",
      ]);
      const check = checkStructured(structure);
      expect(check.coverage[0]!.checked).toEqual([{ what: "line 46", how: "total of 43 rows" }]);
      expect(check.issues).toEqual([]);
    }
  );

  it("scans every sheet of an .xlsx, and finds an altered figure on its sheet's line", () => {
    const mpa = "mpa-monthly-performance-dec-2006.txt";
    const bytes = workbookOf({ MPA: mpa, Tamworth: "hansard-2008-tamworth.txt" }, "xlsx");
    const read = readSpreadsheet(bytes, "tables.xlsx");
    if (!read.ok) throw new Error(read.error.message);
    expect(read.sheets.map((s) => s.sheet)).toEqual(["MPA", "Tamworth"]);
    expect(read.tables.map((t) => t.source)).toEqual([
      "tables.xlsx [MPA]",
      "tables.xlsx [Tamworth]",
    ]);
    expect(checkStructured(read.sheets[0]!.structure).issues).toEqual([]);
    // Robbery's difference printed +863 instead of +836 (line 6 of the sheet).
    const altered = tableText(mpa).replace("+836", "+863");
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet(altered.split("\n").map((l) => l.split("\t"))),
      "MPA"
    );
    const again = readSpreadsheet(
      new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer),
      "t.xlsx"
    );
    if (!again.ok) throw new Error(again.error.message);
    const issues = checkStructured(again.sheets[0]!.structure).issues;
    expect(issues.map((i) => [i.line, i.rule, i.field])).toEqual([
      [6, "change-mismatch", "Difference"],
    ]);
  });

  it("refuses a file that is not a spreadsheet, naming it, and one with no table on any sheet", () => {
    const notBook = readSpreadsheet(
      new TextEncoder().encode("\u0000\u0001 not a workbook"),
      "x.xlsx"
    );
    expect(notBook.ok).toBe(false);
    const empty = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(empty, XLSX.utils.aoa_to_sheet([["just a note"]]), "Notes");
    const noTable = readSpreadsheet(
      new Uint8Array(XLSX.write(empty, { type: "array", bookType: "xlsx" }) as ArrayBuffer),
      "notes.xlsx"
    );
    expect(noTable).toMatchObject({
      ok: false,
      error: { message: "notes.xlsx: no table was found on any of its 1 sheets." },
    });
  });

  it("reads the London Datastore file saved as a workbook (its counts numbers) as the CSV is read", () => {
    const csv = fs.readFileSync(
      path.join(
        __dirname,
        "../../samples/datastore/mps-borough-level-crime-2022-02-to-2024-01.csv"
      ),
      "utf8"
    );
    const grid = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.map((row, i) =>
      i === 0 ? row : row.map((cell, c) => (c >= 3 ? Number(cell) : cell))
    );
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(grid), "crime");
    const bytes = new Uint8Array(
      XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer
    );
    const read = readSpreadsheet(bytes, "datastore.xlsx", { areas: ["Merton", "Sutton"] });
    if (!read.ok) throw new Error(read.error.message);
    const fromCsv = readInput(csv, { source: "datastore.csv", areas: ["Merton", "Sutton"] });
    if (!fromCsv.ok) throw new Error(fromCsv.error.message);
    expect(read.tables.map((t) => [t.kind, t.area, t.periodEnding])).toEqual([
      ["datastore-r12", "Merton", "2024-01-31"],
      ["datastore-r12", "Sutton", "2024-01-31"],
    ]);
    const figures = (tables: typeof read.tables) =>
      tables.map((t) => t.rows.map((r) => [r.line, r.category, r.subcategory, r.values]));
    expect(figures(read.tables)).toEqual(figures(fromCsv.tables));
  });

  it("knows spreadsheet files by their name", () => {
    expect(["a.xlsx", "b.ODS", "c.xls", "d.xlsm"].every(isSpreadsheetFile)).toBe(true);
    expect(["a.csv", "b.txt", "c.html"].some(isSpreadsheetFile)).toBe(false);
  });
});

describe("loadInputs (build, refresh --add) with spreadsheet files", () => {
  it("reads an .ods beside a pasted table, and its tables validate as any other", async () => {
    const io = memoryIo();
    const ods = path.join(SHEETS_DIR, `${SEXUAL}.ods`);
    const paste = path.join(TABLES_DIR, "hansard-2008-tamworth.txt");
    const loaded = await loadInputs([ods, paste], {}, io);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.tables.map((t) => t.source)).toEqual([
      "hansard-2008-tamworth.txt",
      `${SEXUAL}.ods [${"sexual"}]`,
    ]);
    expect(validateTables(loaded.tables).filter((i) => i.severity === "error")).toEqual([]);
  });
});
