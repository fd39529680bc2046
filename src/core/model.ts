// The typed model every part of the product shares: what a pasted or imported table
// becomes, what validation and the statistics report about it. Pure data, no behaviour.

import type { TableKind } from "./kinds/names";
import type { Problem, Result } from "./result";
import type { ColumnRole } from "./read/structure/types";

export type { TableKind };

/** Fields of an "Offences & SDs" row (and of a Datastore R12 row, whose SD fields are null). */
export const OFFENCES_FIELDS = [
  "offencesPrevious",
  "offencesCurrent",
  "offencesChangePct",
  "sdsPrevious",
  "sdsCurrent",
  "sdRatePrevious",
  "sdRateCurrent",
] as const;
export type OffencesField = (typeof OFFENCES_FIELDS)[number];

/** Fields of an "I & S Calls and ASB" row: counts carry changePct, percentages changePoints. */
export const CALLS_FIELDS = ["previous", "current", "changePct", "changePoints"] as const;
export type CallsField = (typeof CALLS_FIELDS)[number];

/**
 * A row's figures, keyed by field. Percent fields are in percent units as printed
 * (11.5 means 11.5%). A value that is absent (blank, "-", "n/a", "*") is null.
 * Generic tables use keys derived from their column headings.
 */
export type RowValues = Record<string, number | null>;

export interface TableRow {
  /** 1-based line of the source text (for HTML: the row's 1-based position in the paste). */
  line: number;
  /** Crime category, filled down to sub-category rows; for calls and generic rows, the label. */
  category: string;
  /** Sub-category ("Total" on total rows); null where the table has no sub-category column. */
  subcategory: string | null;
  isTotal: boolean;
  /** The trailing status dot ("●") whose colour was lost: kept as "dot". */
  status: "dot" | null;
  /** Calls rows only: whether the row's figures are counts or percentages. */
  unit?: "count" | "percent";
  /** Generic rows under a section heading ("Domestic Violence"): a total row totals its section. */
  section?: string;
  values: RowValues;
  /** The printed text of each field, exactly as in the source (for messages and the Checks sheet). */
  raw: Record<string, string>;
}

/** One column of a table as the source headed it. */
export interface ColumnInfo {
  field: string;
  /** The heading as printed in the source (kept in the workbook). */
  heading: string;
  /** "count" (integer), "percent" (printed as %), "points" (percentage-point change), "number". */
  type: "count" | "percent" | "points" | "number" | "text";
  /** Decimal places the source printed (1 for "11.5%"); used to check at printed precision. */
  decimals?: number;
  /**
   * What the structure reader found the column holds (a table of no known kind), from its
   * heading and its figures together; absent, the heading alone says (a workbook built
   * before it was recorded).
   */
  role?: ColumnRole;
}

/**
 * The monthly counts behind a table (London Datastore tables): each category's total, and
 * all offences, month by month up to the table's period, for trend sheets and their
 * control charts.
 */
export interface MonthlyCounts {
  /** YYYY-MM, ascending and consecutive, the last the table's period. */
  months: string[];
  /** One per category total, in the table's order; all offences last. */
  series: { category: string; values: number[] }[];
}

export interface CrimeTable {
  /** Where the table came from: a file name or "paste". */
  source: string;
  kind: TableKind;
  /** Title as printed ("Offences & SDs"), or null. */
  title: string | null;
  area: string | null;
  /** ISO date (YYYY-MM-DD) of the reporting period's end, or null. */
  periodEnding: string | null;
  columns: ColumnInfo[];
  rows: TableRow[];
  /** The 1-based page of a PDF the table starts on (tables read from a PDF only). */
  page?: number;
  /** Monthly counts, where the source holds them (Datastore files); absent for pastes. */
  monthly?: MonthlyCounts;
  /** A ward's table (a Datastore ward-level file): the ward's borough and code. */
  ward?: { borough: string; code: string };
  /** How much of a borough's total its wards hold, said on the borough's (or a ward's) table. */
  wardCoverage?: WardCoverage;
  /**
   * Non-blank lines of the input near this table that no table took (prose, a row of
   * another shape), so that validation reports each with its line: nothing is dropped
   * without a word. Tables read by their structure only.
   */
  unreadLines?: UnreadInputLine[];
}

/** A line of the input that is in no table, and why. */
export interface UnreadInputLine {
  line: number;
  text: string;
  why: string;
}

/**
 * A Datastore ward-level file's sums for a borough set against the borough-level file's own
 * figures: offences the Met places in no ward are in the borough's figures only.
 */
export interface WardCoverage {
  borough: string;
  /** The ward-level file. */
  wardSource: string;
  /** The borough-level file, or null when none was given (the gap is then unknown). */
  boroughSource: string | null;
  /** ISO date of the rolling 12 months' end. */
  periodEnding: string;
  /** Each row of the borough's table (borough-level file's lines), empty without that file. */
  rows: WardCoverageRow[];
  /** The months the borough-level file holds when they are not the ward tables' 24 (then no rows). */
  boroughMonths?: { first: string; last: string };
}

export interface WardCoverageRow {
  line: number;
  category: string;
  subcategory: string;
  isTotal: boolean;
  /** Offences in the previous and current 12 months: summed over the wards, and the borough's. */
  wards: { previous: number; current: number };
  borough: { previous: number; current: number };
}

export type Severity = "error" | "warning" | "info";

export type IssueRule =
  | "change-mismatch"
  | "rate-mismatch"
  | "total-mismatch"
  | "detections-exceed-offences"
  | "negative-count"
  | "missing-value"
  | "not-a-number"
  | "change-undefined"
  | "ward-coverage"
  | "line-not-read"
  | "column-not-checked"
  | "rag-mismatch"
  | "direction-mismatch";

/** A validation finding: typed data, never an exception. */
export interface Issue {
  rule: IssueRule;
  severity: Severity;
  /** Index of the table in the list checked. */
  table: number;
  line: number;
  category: string;
  subcategory: string | null;
  field: string;
  /** The printed figure (as a number where it is one, else the printed text, else null). */
  reported: number | string | null;
  /** The figure recomputed from the counts, or null. */
  expected: number | null;
  message: string;
}

export type AnomalyRule =
  | "significant-increase"
  | "significant-decrease"
  | "small-base"
  | "rate-drop"
  | "rate-rise"
  | "group-outlier-high"
  | "group-outlier-low"
  | "spc-outside-limits"
  | "spc-run"
  | "spc-trend"
  | "spc-two-of-three";

/** A statistical flag with a reason an analyst can quote. */
export interface Anomaly {
  rule: AnomalyRule;
  table: number;
  line: number;
  category: string;
  subcategory: string | null;
  field: string;
  pValue: number | null;
  message: string;
  /** Area the flag is about (group and series flags); null when implied by the table. */
  area?: string | null;
  /** Period the flag is about (series flags), ISO date. */
  periodEnding?: string | null;
}

/** The result of reading a paste or file: tables, or a typed failure. */
export type ReadResult = Result<{ tables: CrimeTable[] }, { error: ReadError }>;

export type ReadErrorCode =
  | "empty"
  | "no-table"
  | "unreadable"
  | "unknown-layout"
  | "missing-months"
  | "truncated-row"
  | "too-large"
  | "unknown-group";

/** Why a paste or file could not be read, and where. */
export type ReadError = Problem<ReadErrorCode>;
