// Every sentence the pane shows about data or failures, in one place and in plain words.
import type { Anomaly, ColumnInfo, CrimeTable, Issue, ReadError } from "../core/model";
import type { WriteReport } from "./host/workbookHost";
import { roundHalfAwayFromZero } from "../core/round";

export const modeText = {
  office: "Connected to Excel",
  standalone:
    "Standalone: not inside Excel — the workbook stays in this browser; use Download workbook",
} as const;

/** "line 12, column “Offences % Change”" — where a finding is, as the user's paste numbers it. */
export function describePlace(
  line: number | undefined,
  column: number | string | undefined
): string {
  const parts: string[] = [];
  if (line !== undefined) parts.push(`line ${line}`);
  if (typeof column === "number") parts.push(`column ${column}`);
  else if (column !== undefined) parts.push(`column “${column}”`);
  return parts.join(", ");
}

/** A read failure as one sentence with its row and column when the reader knows them. */
export function describeReadError(error: ReadError): string {
  const place = describePlace(error.line, error.column);
  return place ? `${error.message} (${place})` : error.message;
}

/** Heading of a field in a table, falling back to the field name. */
export function headingOf(table: CrimeTable | undefined, field: string): string {
  return table?.columns.find((c) => c.field === field)?.heading || field;
}

/** Formats a figure the way the table prints that column (percent, count, points). */
export function formatFigure(
  value: number | string | null,
  column: ColumnInfo | undefined
): string {
  if (value === null) return "blank";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  const decimals = column?.decimals;
  switch (column?.type) {
    case "percent":
      return `${roundHalfAwayFromZero(value, decimals ?? 1).toFixed(decimals ?? 1)}%`;
    case "points":
      return `${roundHalfAwayFromZero(value, decimals ?? 1).toFixed(decimals ?? 1)} pts`;
    case "count":
      return value.toLocaleString("en-GB", { maximumFractionDigits: 0 });
    default:
      return decimals !== undefined
        ? value.toLocaleString("en-GB", {
            minimumFractionDigits: decimals,
            maximumFractionDigits: decimals,
          })
        : value.toLocaleString("en-GB", { maximumFractionDigits: 6 });
  }
}

export const severityWord = { error: "Error", warning: "Warning", info: "Note" } as const;

/** The few words shown inside a preview cell for an issue; the full message is listed below the grid. */
export function shortIssueText(issue: Issue, column: ColumnInfo | undefined): string {
  switch (issue.rule) {
    case "change-mismatch":
    case "rate-mismatch":
    case "total-mismatch":
      return issue.expected === null
        ? "does not match"
        : `expected ${formatFigure(issue.expected, column)}`;
    case "detections-exceed-offences":
      return "more SDs than offences";
    case "negative-count":
      return "negative count";
    case "missing-value":
      return "missing";
    case "not-a-number":
      return "not a number";
    case "change-undefined":
      return "undefined: base is 0";
    case "ward-coverage":
      return typeof issue.reported === "number" && issue.expected !== null
        ? `${formatFigure(issue.expected - issue.reported, column)} in no ward`
        : "summed from wards";
    case "column-not-checked":
      return "not checked";
    case "line-not-read":
      return "line not read";
    case "rag-mismatch":
      return "rating does not follow";
    case "direction-mismatch":
      return "direction does not follow";
  }
}

export function shortAnomalyText(anomaly: Anomaly): string {
  const p = anomaly.pValue === null ? "" : ` (p ${formatP(anomaly.pValue)})`;
  switch (anomaly.rule) {
    case "significant-increase":
      return `significant rise${p}`;
    case "significant-decrease":
      return `significant fall${p}`;
    case "small-base":
      return "unreliable: small numbers";
    case "rate-drop":
      return `rate fell${p}`;
    case "rate-rise":
      return `rate rose${p}`;
    case "group-outlier-high":
      return "high against group";
    case "group-outlier-low":
      return "low against group";
    default:
      return "special cause";
  }
}

export function formatP(p: number): string {
  return p < 0.001 ? "< 0.001" : `= ${p.toFixed(3)}`;
}

/** Full sentence for the issue list: where, then what. */
export function describeIssue(issue: Issue, table: CrimeTable | undefined): string {
  // The core's messages name the row already; this adds the cell's place for the grid.
  const where = describePlace(issue.line, headingOf(table, issue.field));
  return `${severityWord[issue.severity]} at ${where}: ${issue.message}`;
}

export function describeAnomaly(anomaly: Anomaly, table: CrimeTable | undefined): string {
  // The core's anomaly messages start with the row's label already.
  const where = describePlace(anomaly.line, headingOf(table, anomaly.field));
  return `Highlight at ${where}: ${anomaly.message}`;
}

/** An error from a host call (Office.js, a writer, a file) as a sentence for the message bar. */
export function describeHostError(action: string, e: unknown): string {
  const code =
    typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  if (code === "InvalidOperationInCellEditMode") {
    // A write cut half-way says which sheets it left incomplete: the next run finishes them.
    const incomplete = (e as { partial?: { incompleteSheets?: unknown } }).partial
      ?.incompleteSheets;
    const left =
      Array.isArray(incomplete) && incomplete.length > 0
        ? ` It will then finish these sheets: ${incomplete.join(", ")}.`
        : "";
    return `${action} failed: Excel is editing a cell. Press Enter or Esc in the sheet, then try again.${left}`;
  }
  if (code === "RequestPayloadSizeLimitExceeded")
    return `${action} failed: Excel refused a request as too large. Please report this; nothing else was changed.`;
  const detail = e instanceof Error ? e.message : typeof e === "string" ? e : "an unexpected error";
  return `${action} failed: ${detail}`;
}

/** What a write did, with anything the user should know after it. */
export function describeWrite(action: string, report: WriteReport): string {
  const { sheets } = report;
  const list =
    sheets.length <= 4
      ? sheets.join(", ")
      : `${sheets.slice(0, 4).join(", ")} and ${sheets.length - 4} more`;
  const done =
    sheets.length === 0
      ? `${action}: nothing to write.`
      : `${action}: wrote ${sheets.length} sheet${sheets.length === 1 ? "" : "s"} (${list}).`;
  return [done, ...(report.warnings ?? [])].join(" ");
}

export function formatSize(chars: number): string {
  if (chars < 10_000) return `${chars.toLocaleString("en-GB")} characters`;
  if (chars < 1_000_000) return `${Math.round(chars / 1000)} KB`;
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}
