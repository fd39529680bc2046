// A PDF given to check, build or refresh --add: its text read by PDF.js (only the pages
// --pages names), its tables found and read as a paste's would be. Every failure names
// the file: not a PDF, a page range past its end, a scan with no text.
import type { ReadError } from "../core/model";
import {
  pagesIn,
  parsePageRange,
  pdfMessages,
  readPdfTables,
  type PdfTablesResult,
} from "../core/read/pdf";
import { problem } from "../core/result";
import { extractPdfText } from "../readers/pdf/extractPdfText";
import { reasonOf } from "../app/errors";

export interface PdfInputOptions {
  /** The file's name as the user gave it (named in every message). */
  source: string;
  area?: string;
  /** `--pages`: "7-84", "7", "3,7-9". */
  pages?: string;
}

/** Whether a file is to be read as a PDF: by its name, or by its first bytes. */
export function isPdfInput(file: string, bytes?: Uint8Array): boolean {
  if (/\.pdf$/i.test(file)) return true;
  return bytes !== undefined && new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-";
}

const failed = (code: ReadError["code"], message: string): PdfTablesResult => ({
  ok: false,
  error: problem(code, message),
});

export async function readPdfInput(
  bytes: Uint8Array,
  opts: PdfInputOptions
): Promise<PdfTablesResult> {
  const range = opts.pages === undefined ? null : parsePageRange(opts.pages);
  if (range && !range.ok) return failed("unreadable", range.error);
  let missing = false;
  let text;
  try {
    text = await extractPdfText(bytes, {
      pages: (count) => {
        const pages = range ? pagesIn(range.ranges, count) : pagesIn([[1, count]], count);
        missing = pages.length === 0;
        return pages;
      },
    });
  } catch (err) {
    return failed("unreadable", `${opts.source} could not be read as a PDF: ${reasonOf(err)}`);
  }
  if (missing) return failed("unreadable", pdfMessages.noPages(opts.source, opts.pages ?? ""));
  return readPdfTables(text, { source: opts.source, area: opts.area });
}

/** The sentence that refuses a PDF with tables that could not be read, for build and refresh. */
export function unreadableTablesMessage(file: string, pages: number[]): string {
  const list = pages.join(", ");
  return `${file}: a table on page ${list} could not be read (its columns cannot be told apart); leave ${pages.length === 1 ? "that page" : "those pages"} out with --pages, or copy the table by hand`;
}
