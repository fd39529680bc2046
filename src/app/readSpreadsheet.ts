// Spreadsheet files (.xlsx, .xlsm, .ods, .xls) as input: every sheet is turned into lines of
// the cells' printed text, as a copy of the sheet would give them, and read by the core
// like a paste (tables of any kind, or the Datastore's CSV layout). @e965/xlsx reads the
// three formats (SheetJS's maintained release; the npm `xlsx` 0.18.5 has unfixed flaws).
// The one function the CLI and the pane's worker call with a file's bytes and name.
import * as XLSX from "@e965/xlsx";
import type { CrimeTable } from "../core/model";
import { readInput, type ReadInputOptions } from "../core/readInput";
import { readStructuredGrid, sheetGrid, type StructuredRead } from "../core/read/structure";
import { cleanCell, type SourceGrid } from "../core/read/sourceLines";
import { problem, type Problem, type Result } from "../core/result";

export { isSpreadsheetFile } from "./spreadsheetFiles";

export interface SheetReading {
  /** The sheet's name. */
  sheet: string;
  /** The sheet as tab-separated text, one line a sheet row (row 1 is line 1). */
  text: string;
  /** Tables read from it, each named "file [sheet]". */
  tables: CrimeTable[];
  /** Its tables' structure (labels, periods, changes, shares, totals) and unread lines. */
  structure: StructuredRead;
}

export type SpreadsheetRead = Result<{ tables: CrimeTable[]; sheets: SheetReading[] }>;

/** Cells per row and rows per sheet read (bounds the work on a hostile file). */
const MAX_ROWS = 200000;

/** A sheet's rows of printed cell text, from row 1 and column A so lines are sheet rows. */
function sheetRows(ws: XLSX.WorkSheet): string[][] {
  const ref = ws["!ref"];
  if (!ref) return [];
  const range = XLSX.utils.decode_range(ref);
  range.s.r = 0;
  range.s.c = 0;
  range.e.r = Math.min(range.e.r, MAX_ROWS - 1);
  const rows = XLSX.utils.sheet_to_json<string[]>(ws, {
    header: 1,
    raw: false,
    defval: "",
    blankrows: true,
    range,
  });
  return rows.map((r) => r.map((c) => cleanCell(String(c ?? ""))));
}

function fail(fileName: string, message: string): SpreadsheetRead {
  const p: Problem = problem("unreadable", message, { file: fileName });
  return { ok: false, error: p };
}

/**
 * Reads every sheet of a spreadsheet file. A sheet with no table is passed over; a sheet
 * that holds a table the core refuses stops the read with its sheet, line and why.
 */
export function readSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  opts: Omit<ReadInputOptions, "source" | "fileName" | "html"> = {}
): SpreadsheetRead {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: "array", cellDates: false, dense: false });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return fail(fileName, `${fileName} is not a readable spreadsheet (${why}).`);
  }
  const sheets: SheetReading[] = [];
  const tables: CrimeTable[] = [];
  for (const name of book.SheetNames) {
    const ws = book.Sheets[name];
    if (!ws) continue;
    const rows = sheetRows(ws);
    const grid: SourceGrid = {
      spaced: false,
      lines: rows.map((cells, i) => ({ line: i + 1, cells })),
    };
    const text = rows.map((r) => r.join("\t")).join("\n");
    if (text.replace(/\s/g, "") === "") continue;
    const source = `${fileName} [${name}]`;
    const read = readInput(text, { ...opts, source, fileName });
    if (!read.ok && read.error.code !== "no-table") {
      const where = read.error.line ? `, line ${read.error.line}` : "";
      return fail(fileName, `${fileName}, sheet "${name}"${where}: ${read.error.message}`);
    }
    const found = read.ok ? read.tables : [];
    for (const t of found) tables.push(t);
    sheets.push({
      sheet: name,
      text,
      tables: found,
      structure: readStructuredGrid(sheetGrid(grid)),
    });
  }
  if (tables.length === 0 && sheets.every((s) => s.structure.tables.length === 0))
    return fail(
      fileName,
      `${fileName}: no table was found on any of its ${book.SheetNames.length} sheets.`
    );
  return { ok: true, tables, sheets };
}
