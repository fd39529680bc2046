// A file opened or dropped in the pane, sent where it is read: a PDF or a spreadsheet to
// the reader's worker, a table saved as CSV or text read as if pasted (its name as the source).
import type { PastedInput } from "../../host/workbookHost";
import type { OpenedFile } from "../../worker/pasteReader";
import { isSpreadsheetFile } from "../../../app/spreadsheetFiles";

export interface FileTargets {
  /** A PDF or spreadsheet, read in the worker. */
  binary: (file: OpenedFile) => void;
  text: (input: PastedInput) => void;
  /** A file of a kind the pane does not read: says so. */
  refuse: (message: string) => void;
}

const TEXT_FILE = /\.(csv|tsv|txt)$/i;

export async function openFile(file: File, to: FileTargets): Promise<void> {
  const isPdf = /\.pdf$/i.test(file.name) || file.type === "application/pdf";
  if (isPdf || isSpreadsheetFile(file.name))
    return to.binary({ name: file.name, bytes: await file.arrayBuffer() });
  if (TEXT_FILE.test(file.name) || file.type.startsWith("text/"))
    return to.text({ text: await file.text(), source: file.name, fileName: file.name });
  to.refuse(
    `${file.name} is not a file the pane reads: open a PDF, a spreadsheet (.xlsx, .ods, .xls), or a table saved as CSV or text.`
  );
}
