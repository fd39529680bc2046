// Reads an .xlsx workbook back: sheet names, the definitions a build left in it, and any
// sheet's values as rows of cells (a formula as its cached result), in the same shape the
// Office.js reader gives, so readDataSheet and parseDefinitions serve both.
import ExcelJS from "exceljs";
import { DEFINITIONS_SHEET, parseDefinitions, type Definitions } from "../../layout/definitions";
import { sheetKey } from "../../layout/sheetNames";
import { XlsxReadError } from "./errors";

export interface XlsxBook {
  workbook: ExcelJS.Workbook;
  sheetNames: string[];
  definitions: Definitions | null;
  /** The sheet's values, 0-based rows and columns; null for an unknown sheet. */
  sheetValues(name: string): unknown[][] | null;
  /** Every table (ListObject) name in the workbook. */
  tableNames: string[];
}

export async function readXlsx(bytes: Uint8Array): Promise<XlsxBook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; it accepts any ArrayBuffer view.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    // The zip library's own text (with its web address) is no sentence for a user: ours
    // says what the file is; the library's stays on the error as its cause.
    throw new XlsxReadError(`not a readable .xlsx workbook (${whyUnreadable(bytes)})`, {
      cause: err,
    });
  }
  const sheetValues = (name: string): unknown[][] | null => {
    const ws = workbook.worksheets.find((w) => sheetKey(w.name) === sheetKey(name));
    return ws ? valuesOf(ws) : null;
  };
  const defsValues = sheetValues(DEFINITIONS_SHEET);
  const tableNames = workbook.worksheets.flatMap((ws) =>
    Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {})
  );
  return {
    workbook,
    sheetNames: workbook.worksheets.map((w) => w.name),
    definitions: defsValues ? parseDefinitions(defsValues) : null,
    sheetValues,
    tableNames,
  };
}

/** What a file ExcelJS could not open is, in a few words ("it is empty"). */
function whyUnreadable(bytes: Uint8Array): string {
  if (bytes.length === 0) return "the file is empty";
  // Every .xlsx is a zip archive, and every zip archive starts "PK".
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  return zip
    ? "it is a zip archive, as an .xlsx is, but a damaged or cut-short one"
    : "it could not be opened as one: it is not even the zip archive every .xlsx is";
}

/** A cell's value as a plain value: formulas as their cached result, links as their text. */
export function plainValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === ExcelJS.ValueType.Formula) return cell.result ?? null;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "object") {
    if (v instanceof Date) return v;
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v && "hyperlink" in v) return typeof v.text === "string" ? v.text : null;
    if ("error" in v) return v.error;
    return null;
  }
  return v;
}

function valuesOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      out[colNumber - 1] = plainValue(cell);
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    rows[rowNumber - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return rows;
}
