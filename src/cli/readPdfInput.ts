// PDFs given to check, build or refresh --add: which files are PDFs, and the sentence that
// refuses one with a table that could not be read. Reading them is src/readers/pdf's.

/** Whether a file is to be read as a PDF: by its name, or by its first bytes. */
export function isPdfInput(file: string, bytes?: Uint8Array): boolean {
  if (/\.pdf$/i.test(file)) return true;
  return bytes !== undefined && new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-";
}

/** The sentence that refuses a PDF with tables that could not be read, for build and refresh. */
export function unreadableTablesMessage(file: string, pages: number[]): string {
  const list = pages.join(", ");
  const those = pages.length === 1 ? "that page" : "those pages";
  return `${file}: a table on page ${list} could not be read (its columns cannot be told apart); leave ${those} out with --pages, or copy the table by hand`;
}
