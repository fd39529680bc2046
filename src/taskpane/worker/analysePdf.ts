// A PDF opened or dropped in the pane, read where the pane's reading runs (its read
// worker, PDF.js loaded by loadPdfJsInBrowser): PDF.js finds the text with positions,
// the core finds and reads the tables (each with its page, area and period), checks
// every derived figure and flags what matters: the preview and picker show the result,
// nothing is written before Import.
import { findAnomalies } from "../../core/anomalies";
import type { ReadError } from "../../core/model";
import type { UnreadablePdfTable } from "../../core/read/pdf";
import { anomalyOptionsOf, settingsWith, type HighlightSettings } from "../../core/settings";
import { validateTables } from "../../core/validate";
import { readPdfBytes, type PdfBytesOptions } from "../../readers/pdf/readPdfBytes";
import type { PasteAnalysis, ReadProgress } from "./readTypes";

export interface PdfInput extends Omit<PdfBytesOptions, "source"> {
  /** The file's name (named in every message). */
  name: string;
  bytes: Uint8Array;
}

/** What the picker shows: every table (each with `page`, `area`, `periodEnding`), its checks and flags, and the tables that could not be read. */
export interface PdfAnalysis extends PasteAnalysis {
  unreadable: UnreadablePdfTable[];
}

export type PdfOutcome =
  { status: "ok"; analysis: PdfAnalysis } | { status: "error"; error: ReadError };

/** Reads a PDF (PDF.js loaded by `input.loadPdfJs`: in the pane's worker, loadPdfJsInBrowser). */
export async function analysePdf(
  input: PdfInput,
  settings: HighlightSettings,
  onProgress?: (p: ReadProgress) => void
): Promise<PdfOutcome> {
  onProgress?.({ stage: "reading", fraction: 0 });
  const { name, bytes, ...opts } = input;
  const read = await readPdfBytes(bytes, { source: name, ...opts });
  if (!read.ok) return { status: "error", error: read.error };
  onProgress?.({ stage: "checking", fraction: 0.6 });
  const issues = validateTables(read.tables);
  onProgress?.({ stage: "anomalies", fraction: 0.8 });
  const anomalies = findAnomalies(read.tables, anomalyOptionsOf(settingsWith(settings)));
  onProgress?.({ stage: "anomalies", fraction: 1 });
  return {
    status: "ok",
    analysis: { tables: read.tables, issues, anomalies, unreadable: read.unreadable },
  };
}
