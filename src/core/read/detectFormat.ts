// Which kind of text a paste or file is. The one place that decides it: add new formats
// (e.g. Datastore CSV) here and give them a reader in readPaste's `linesOf`.

import { looksLikeCsv } from "./readCsv";
import { looksLikeHtml } from "./readHtml";

export type PasteFormat = "html" | "tsv" | "csv" | "spaced";

export function detectFormat(text: string): PasteFormat {
  if (looksLikeHtml(text)) return "html";
  if (text.includes("\t")) return "tsv";
  if (looksLikeCsv(text)) return "csv";
  return "spaced";
}
