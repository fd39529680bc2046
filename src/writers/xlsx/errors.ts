// The .xlsx writer's and reader's failures, in one place: both are told to the user as
// they are (the message is our own sentence), by the command line and the pane.
import { MAX_ROWS } from "../../layout/checkSpec";

/**
 * Rows of data a table may have to fit one sheet: Excel's 1,048,576 rows less the header
 * row. The writer streams each sheet, so memory is no limit of its own: Excel's sheet is.
 */
export const MAX_TABLE_ROWS = MAX_ROWS - 1;

/** A table too long for one sheet of Excel: refused before anything is built. */
export class XlsxTooLargeError extends Error {
  constructor(readonly rows: number) {
    super(
      `the table has ${rows.toLocaleString("en-GB")} rows, and a sheet of Excel holds ${MAX_ROWS.toLocaleString("en-GB")} rows with its header: split the table`
    );
    this.name = "XlsxTooLargeError";
  }
}

/** A file that is not a workbook the reader can open. */
export class XlsxReadError extends Error {
  override name = "XlsxReadError";
}
