// The .xlsx writer's and reader's failures, in one place: both are told to the user as
// they are (the message is our own sentence), by the command line and the pane.

/**
 * Cells this writer takes on. ExcelJS holds the whole workbook in memory, some 2 KB a
 * cell: a million cells need about 2 GB, and a 150,000-row paste (7 million) would
 * exhaust the process long before a file came out.
 */
export const MAX_XLSX_CELLS = 1_000_000;

/** A workbook too large for the .xlsx writer: refused before anything is built. */
export class XlsxTooLargeError extends Error {
  constructor(readonly cells: number) {
    super(
      `the workbook would hold ${cells.toLocaleString("en-GB")} cells, and the .xlsx writer keeps a whole workbook in memory: it stops at ${MAX_XLSX_CELLS.toLocaleString("en-GB")}. Split the table, or import it into Excel with the add-in, which writes it in parts`
    );
    this.name = "XlsxTooLargeError";
  }
}

/** A file that is not a workbook the reader can open. */
export class XlsxReadError extends Error {
  override name = "XlsxReadError";
}
