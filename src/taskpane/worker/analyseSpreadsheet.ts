// A spreadsheet (.xlsx, .xlsm, .ods, .xls) opened or dropped in the pane, read in the read
// worker as the command line reads one (every sheet's tables), then checked and flagged
// as a paste is. Loaded by the worker only when such a file is opened: the spreadsheet
// library stays out of the pane's bundle and out of a paste's reading.
import { findAnomalies } from "../../core/anomalies";
import type { ReadError } from "../../core/model";
import { anomalyOptionsOf, settingsWith, type HighlightSettings } from "../../core/settings";
import { validateTables } from "../../core/validate";
import type { PdfAnalysis } from "./analysePdf";

export type SpreadsheetOutcome =
  { status: "ok"; analysis: PdfAnalysis } | { status: "error"; error: ReadError };

export async function analyseSpreadsheet(
  name: string,
  bytes: Uint8Array,
  settings: HighlightSettings,
  knownAreas?: readonly string[]
): Promise<SpreadsheetOutcome> {
  const { readSpreadsheet } = await import("../../app/readSpreadsheet");
  const read = readSpreadsheet(bytes, name, { knownAreas });
  if (!read.ok)
    return { status: "error", error: { code: "unreadable", message: read.error.message } };
  if (read.tables.length === 0)
    return {
      status: "error",
      error: {
        code: "no-table",
        message: `${name}: no crime table was found on any of its sheets.`,
      },
    };
  const issues = validateTables(read.tables);
  const anomalies = findAnomalies(read.tables, anomalyOptionsOf(settingsWith(settings)));
  // The picker lists a spreadsheet's tables too (none is ever left unread: a sheet the core refuses stops the read).
  return { status: "ok", analysis: { tables: read.tables, issues, anomalies, unreadable: [] } };
}
