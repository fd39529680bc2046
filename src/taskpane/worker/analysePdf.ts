// A PDF opened or dropped in the pane, read where the pane's reading runs (its read
// worker, PDF.js loaded by loadPdfJsInBrowser): PDF.js finds the text with positions,
// the core finds and reads the tables (each with its page, area and period), checks
// every derived figure and flags what matters: the preview and picker show the result,
// nothing is written before Import.
import { findAnomalies } from "../../core/anomalies";
import type { ReadError } from "../../core/model";
import {
  pagesIn,
  parsePageRange,
  pdfMessages,
  readPdfTables,
  type UnreadablePdfTable,
} from "../../core/read/pdf";
import { problem } from "../../core/result";
import { anomalyOptionsOf, settingsWith, type HighlightSettings } from "../../core/settings";
import { validateTables } from "../../core/validate";
import { extractPdfText, loadPdfJs } from "../../readers/pdf/extractPdfText";
import type { PasteAnalysis, ReadProgress } from "./readTypes";

export interface PdfInput {
  /** The file's name (named in every message). */
  name: string;
  bytes: Uint8Array;
  /** The area the user names for every table (wins over the document's headings). */
  area?: string;
  /** Pages to search: "7-84", "7", "3,7-9" (every page when not given). */
  pages?: string;
  /**
   * Loads PDF.js: in the pane's read worker, `loadPdfJsInBrowser`; by default Node's own
   * import (the command line, tests).
   */
  loadPdfJs?: () => Promise<unknown>;
}

/** What the picker shows: every table (each with `page`, `area`, `periodEnding`), its checks and flags, and the tables that could not be read. */
export interface PdfAnalysis extends PasteAnalysis {
  unreadable: UnreadablePdfTable[];
  pageCount: number;
}

export type PdfOutcome =
  { status: "ok"; analysis: PdfAnalysis } | { status: "error"; error: ReadError };

const failed = (message: string): PdfOutcome => ({
  status: "error",
  error: problem("unreadable", message),
});

export async function analysePdf(
  input: PdfInput,
  settings: HighlightSettings,
  onProgress?: (p: ReadProgress) => void
): Promise<PdfOutcome> {
  const range = input.pages === undefined ? null : parsePageRange(input.pages);
  if (range && !range.ok) return failed(range.error);
  onProgress?.({ stage: "reading", fraction: 0 });
  let text;
  try {
    if (input.loadPdfJs) await loadPdfJs(input.loadPdfJs);
    text = await extractPdfText(input.bytes, {
      pages: (count) => pagesIn(range ? range.ranges : [[1, count]], count),
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return failed(`${input.name} could not be read as a PDF: ${why}`);
  }
  if (text.pages.length === 0) return failed(pdfMessages.noPages(input.name, input.pages ?? ""));
  const read = readPdfTables(text, { source: input.name, area: input.area });
  if (!read.ok) return { status: "error", error: read.error };
  onProgress?.({ stage: "checking", fraction: 0.6 });
  const issues = validateTables(read.tables);
  onProgress?.({ stage: "anomalies", fraction: 0.8 });
  const anomalies = findAnomalies(read.tables, anomalyOptionsOf(settingsWith(settings)));
  onProgress?.({ stage: "anomalies", fraction: 1 });
  const analysis = { tables: read.tables, issues, anomalies, unreadable: read.unreadable };
  return { status: "ok", analysis: { ...analysis, pageCount: text.pageCount } };
}
