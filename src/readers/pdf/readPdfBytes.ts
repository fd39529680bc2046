// A PDF's bytes to the tables in it, for every surface (the command line, the pane's read
// worker): the pages asked for read by PDF.js, then the core's table detection. Every
// failure is a sentence naming the file: not a PDF, a page range past its end, a scan.
import type { ReadError } from "../../core/model";
import {
  pagesIn,
  parsePageRange,
  pdfMessages,
  readPdfTables,
  type PdfTablesResult,
} from "../../core/read/pdf";
import { problem } from "../../core/result";
import { extractPdfText, loadPdfJs } from "./extractPdfText";

export interface PdfBytesOptions {
  /** The file's name as the user knows it (named in every message). */
  source: string;
  /** The area the user names for every table (wins over the document's headings). */
  area?: string;
  /** Pages to search: "7-84", "7", "98-", "3,7-9" (every page when not given). */
  pages?: string;
  /** Loads PDF.js (the pane's worker passes its own); Node's import by default. */
  loadPdfJs?: () => Promise<unknown>;
}

const failed = (code: ReadError["code"], message: string): PdfTablesResult => ({
  ok: false,
  error: problem(code, message),
});

export async function readPdfBytes(
  bytes: Uint8Array,
  opts: PdfBytesOptions
): Promise<PdfTablesResult> {
  const range = opts.pages === undefined ? null : parsePageRange(opts.pages);
  if (range && !range.ok) return failed("unreadable", range.error);
  let text;
  try {
    if (opts.loadPdfJs) await loadPdfJs(opts.loadPdfJs);
    text = await extractPdfText(bytes, {
      pages: (count) => pagesIn(range ? range.ranges : [[1, count]], count),
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return failed("unreadable", `${opts.source} could not be read as a PDF: ${why}`);
  }
  if (text.pages.length === 0)
    return failed("unreadable", pdfMessages.noPages(opts.source, opts.pages ?? ""));
  return readPdfTables(text, { source: opts.source, area: opts.area });
}
