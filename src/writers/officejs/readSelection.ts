// "Import selection": a table the user pasted straight into a sheet with Excel's own
// paste. Reads the selection, or the active sheet's used range when only one cell is
// selected, with its values, number formats and the text Excel shows, in slices that
// keep every response under the size Excel on the web returns.

export interface SelectionRead {
  sheet: string;
  /** "Sheet1!A1:K30", as Excel writes it. */
  address: string;
  /** Whether this is the selection itself or, for a single selected cell, the sheet's used range. */
  from: "selection" | "used range";
  values: unknown[][];
  numberFormats: string[][];
  /** What Excel shows in each cell ("11.5%", "12,251"): the printed figures the reader checks. */
  text: string[][];
  syncs: number;
}

import { readInSlices } from "./readInSlices";

/** Cells per request; a slice that is still too large is halved. */
const SLICE_CELLS = 50_000;

export async function readSelection(context: Excel.RequestContext): Promise<SelectionRead> {
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs++;
    await context.sync();
  };
  const selected = context.workbook
    .getSelectedRange()
    .load("address,rowIndex,columnIndex,rowCount,columnCount");
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const used = sheet
    .getUsedRangeOrNullObject(true)
    .load("address,rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  syncs++;
  const sheetName = sheet.name;
  const single = selected.rowCount === 1 && selected.columnCount === 1;
  const from: SelectionRead["from"] = single && !used.isNullObject ? "used range" : "selection";
  const area = from === "used range" ? used : selected;

  const values: unknown[][] = [];
  const numberFormats: string[][] = [];
  const text: string[][] = [];
  await readInSlices(sheet, area, "values,numberFormat,text", SLICE_CELLS, sync, (slice) => {
    values.push(...slice.values);
    numberFormats.push(...(slice.numberFormat as string[][]));
    text.push(...slice.text);
  });
  return { sheet: sheetName, address: area.address, from, values, numberFormats, text, syncs };
}

/** A cell as Excel puts it on the clipboard: quoted when it holds a tab, a line break or a quote. */
function clipboardCell(s: string): string {
  return /[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The selection as the paste reader takes it: tab-separated lines of the text Excel
 * shows, as Excel's own copy would give them (trailing empty rows dropped).
 */
export function selectionAsPaste(read: SelectionRead): { text: string; source: string } {
  const lines = read.text.map((row) => row.map((c) => clipboardCell(c)).join("\t"));
  while (lines.length && lines[lines.length - 1]!.replace(/\t/g, "") === "") lines.pop();
  return { text: lines.join("\r\n"), source: `selection ${read.address}` };
}
