// Which kind of text a paste or file is. The one place that decides it: add new formats
// (e.g. Datastore CSV) here and give them a reader in readPaste's `linesOf`.

import { csvRowCount } from "./readCsv";
import { looksLikeHtml } from "./readHtml";

export type PasteFormat = "html" | "tsv" | "csv" | "spaced";

export function detectFormat(text: string): PasteFormat {
  if (looksLikeHtml(text)) return "html";
  const csvRows = csvRowCount(text);
  if (text.includes("\t")) {
    // A CSV may hold a quoted tab; tab-separated text has tabs on most of its rows.
    const tabRows = text
      .slice(0, 200000)
      .split(/\r\n|\r|\n/, 300)
      .filter((l) => l.includes("\t")).length;
    return csvRows > tabRows ? "csv" : "tsv";
  }
  return csvRows > 0 ? "csv" : "spaced";
}
