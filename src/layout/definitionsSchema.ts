// The definitions a workbook keeps are read back from a cell anyone can edit (issue 17):
// what is read is checked against the shape of Definitions, field by field, before any
// stage trusts it, and a sheet the definitions claim as ours is checked to hold what we
// write before a refresh deletes or overwrites it. Each check's table of fields is typed
// by the interface it checks, so the compiler refuses a field added there and not here.
import {
  TABLE_KINDS,
  type DataColumnDef,
  type DataColumnRole,
  type RecalculatedHow,
} from "../core/kinds";
import type { ColumnInfo, TableKind } from "../core/model";
import { COLUMN_ROLES as COLUMN_ROLES_READ } from "../core/read/structure/types";
import type { IndicatorUnit, Aggregation } from "../core/monitor/types";
import type { PeriodKind } from "../core/monitor/periods";
import { defaultAnomalyOptions } from "../core/anomalies/options";
import type { SheetRole } from "./spec";
import type { MonitoringInputs, MonitoringSheetOptions } from "./layoutMonitoring";
import type { Settings } from "../core/settings";

// The column plan is the kind's (core/kinds); definitions record it as it is.
export type { DataColumnDef, DataColumnRole };

/** A data sheet: the table it holds and where. */
export interface DataSheetInfo {
  kind: TableKind;
  title: string | null;
  area: string | null;
  periodEnding: string | null;
  source: string;
  importedOn: string;
  tableName: string;
  /** 0-based row of the table's header row and column of its first column, when written. */
  headerRow: number;
  firstCol: number;
  columns: DataColumnDef[];
  /** The source table's columns (headings, types, printed decimals). */
  sourceColumns: ColumnInfo[];
  /**
   * How much of a borough its wards hold, when the table carried it (a Datastore ward-level
   * file read beside the borough-level one), so Checks keeps its notes after a refresh.
   * Absent in workbooks built before it was recorded: those refresh without the notes.
   */
  wardCoverage?: WardCoverageRecord;
  /**
   * A generic table's printed texts that its cells would not give back (a percentage among
   * other figures, other decimals than the column's, "n/a"), and the section each row was
   * printed under (dataSheet/printedCells.ts). Absent: none, or a workbook built before.
   */
  printedCells?: PrintedCellRecord[];
  sections?: SectionRecord[];
  /**
   * The lines of the paste near the table that no table took, with why, so that Checks
   * keeps their notes after a refresh (the paste itself is not kept).
   */
  unreadLines?: UnreadLineRecord[];
}

/** [line, its text, why it was not read]. */
export type UnreadLineRecord = [line: number, text: string, why: string];

/** [source line, field, the text printed] of a figure whose cell would not give it back. */
export type PrintedCellRecord = [line: number, field: string, printed: string];

/** [source line, the section heading the row was printed under]. */
export type SectionRecord = [line: number, section: string];

/** A table's WardCoverage (core/model) as a data sheet records it: each row a list of its figures. */
export interface WardCoverageRecord {
  borough: string;
  wardSource: string;
  boroughSource: string | null;
  periodEnding: string;
  boroughMonths?: { first: string; last: string };
  rows: WardCoverageRowRecord[];
}

/**
 * [line, category, subcategory, is a total, previous and current 12 months' offences summed
 * over the wards, the borough's previous and current]: the fields of a WardCoverageRow.
 */
export type WardCoverageRowRecord = [
  line: number,
  category: string,
  subcategory: string,
  isTotal: boolean,
  wardsPrevious: number,
  wardsCurrent: number,
  boroughPrevious: number,
  boroughCurrent: number,
];

/** A monitoring sheet's editable inputs and options, so refresh rebuilds it from them. */
export interface MonitoringRecord {
  inputs: MonitoringInputs;
  options: MonitoringSheetOptions;
}

export interface SheetDefinition {
  name: string;
  /**
   * The sheet's id: the hidden defined name on its A1 ("_ScrutinySheet_3") that follows
   * it when renamed (definitionsIdentity.ts). Absent in workbooks built before ids.
   */
  anchor?: string;
  role: SheetRole;
  generated: boolean;
  data?: DataSheetInfo;
  /** What a generated sheet shows. */
  area?: string;
  periodEnding?: string;
  group?: string;
  /** Generated sheets: "offences" (pasted tables) or "datastore", which are never mixed. */
  family?: string;
  /** Rows and columns the generated content covered (cells beyond are the user's). */
  extent?: { rows: number; cols: number };
  /** Monitoring sheets: where the editable inputs are and the options, so refresh rebuilds it from them. */
  monitoring?: MonitoringRecord;
  /** Trend sheets of monthly counts: the counts and their file, so refresh rebuilds it from them. */
  monthly?: MonthlyRecord;
}

/** Monthly counts as a trend sheet records them (core's MonthlyCounts and its source). */
export interface MonthlyRecord {
  source: string;
  months: string[];
  series: { category: string; values: number[] }[];
}

export interface Definitions {
  version: 1;
  areas: string[];
  periods: string[];
  groups: { name: string; areas: string[] }[];
  /**
   * The Settings the workbook was built with, as they are. Partial because a workbook
   * records what it records (older ones, or a hand edit): read it through core/settings.
   */
  thresholds: Partial<Settings>;
  sheets: SheetDefinition[];
}

/** Definitions that cannot be trusted (damaged, or claiming a sheet we did not make). Nothing was written. */
export class DefinitionsError extends Error {
  override readonly name = "DefinitionsError";
}

export const DAMAGED = "the workbook's scrutiny-sheets definitions are damaged";

/** A check of one value: what is wrong with it (at `path`), or null. */
type Check = (v: unknown, path: string) => string | null;

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};
const is =
  (test: (v: unknown) => boolean, what: string): Check =>
  (v, path) =>
    test(v) ? null : `${path} is ${show(v)}, not ${what}`;

const str = is((v) => typeof v === "string", "text");
const name = is((v) => typeof v === "string" && v.trim() !== "", "a sheet name");
const bool = is((v) => typeof v === "boolean", "true or false");
const num = is((v) => typeof v === "number" && Number.isFinite(v), "a number");
const count = is((v) => typeof v === "number" && Number.isInteger(v) && v >= 0, "a whole number");
const strOrNull = is((v) => v === null || typeof v === "string", "text or null");
const oneOf = (values: readonly string[]): Check =>
  is((v) => typeof v === "string" && values.includes(v), `one of ${values.join(", ")}`);
/** Every member of a string union, as the compiler checks it (a missing one is an error). */
const members = <T extends string>(all: Record<T, true>): T[] => Object.keys(all) as T[];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const listOf =
  (item: Check): Check =>
  (v, path) => {
    if (!Array.isArray(v)) return `${path} is ${show(v)}, not a list`;
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  };

const optional =
  (check: Check): Check =>
  (v, path) =>
    v === undefined ? null : check(v, path);

/** An object with these fields (others are ignored: a later version may record more). */
const shape =
  <T>(fields: { [K in keyof Required<T>]: Check }): Check =>
  (v, path) => {
    if (!isObject(v)) return `${path} is ${show(v)}, not an object`;
    for (const [k, check] of Object.entries(fields) as [string, Check][]) {
      const p = check(v[k], `${path}.${k}`);
      if (p) return p;
    }
    return null;
  };

const SHEET_ROLES = members<SheetRole>({
  data: true,
  checks: true,
  comparison: true,
  trend: true,
  monitoring: true,
  summary: true,
  definitions: true,
});
const COLUMN_ROLES = members<DataColumnRole>({
  category: true,
  subcategory: true,
  label: true,
  unit: true,
  value: true,
  derived: true,
  printed: true,
  status: true,
  rateChange: true,
  pValue: true,
  ratePValue: true,
  check: true,
  flag: true,
  line: true,
  recalculated: true,
});
const RECALCULATED_HOW = members<RecalculatedHow>({
  change: true,
  "change-pct": true,
  "change-points": true,
});
const COLUMN_TYPES = members<ColumnInfo["type"]>({
  count: true,
  percent: true,
  points: true,
  number: true,
  text: true,
});
const UNITS = members<IndicatorUnit>({ count: true, percentage: true, money: true });
const AGGREGATIONS = members<Aggregation>({ sum: true, average: true, latest: true });
const PERIOD_KINDS = members<PeriodKind>({ month: true, quarter: true });

const dataColumn = shape<DataColumnDef>({
  heading: str,
  role: oneOf(COLUMN_ROLES),
  field: optional(str),
  derived: optional(
    shape<NonNullable<DataColumnDef["derived"]>>({
      how: oneOf(RECALCULATED_HOW),
      from: str,
      to: str,
    })
  ),
});

const sourceColumn = shape<ColumnInfo>({
  field: str,
  heading: str,
  type: oneOf(COLUMN_TYPES),
  decimals: optional(count),
  role: optional(oneOf(COLUMN_ROLES_READ)),
});

/** A list of exactly these items, in order. */
const tuple =
  (...items: Check[]): Check =>
  (v, path) => {
    if (!Array.isArray(v) || v.length !== items.length)
      return `${path} is ${show(v)}, not a list of ${items.length}`;
    for (let i = 0; i < items.length; i++) {
      const p = items[i]!(v[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  };

const coverageRow: Check = tuple(count, str, str, bool, num, num, num, num);

const wardCoverage = shape<WardCoverageRecord>({
  borough: str,
  wardSource: str,
  boroughSource: strOrNull,
  periodEnding: str,
  boroughMonths: optional(shape<{ first: string; last: string }>({ first: str, last: str })),
  rows: listOf(coverageRow),
});

const dataSheet = shape<DataSheetInfo>({
  kind: oneOf(TABLE_KINDS),
  title: strOrNull,
  area: strOrNull,
  periodEnding: strOrNull,
  source: str,
  importedOn: str,
  tableName: str,
  headerRow: count,
  firstCol: count,
  columns: listOf(dataColumn),
  sourceColumns: listOf(sourceColumn),
  wardCoverage: optional(wardCoverage),
  printedCells: optional(listOf(tuple(count, str, str))),
  sections: optional(listOf(tuple(count, str))),
  unreadLines: optional(listOf(tuple(count, str, str))),
});

type InputIndicator = MonitoringInputs["indicators"][number];
const monitoringInputs = shape<MonitoringInputs>({
  indicators: listOf(
    shape<InputIndicator>({
      row: count,
      unit: oneOf(UNITS),
      aggregation: oneOf(AGGREGATIONS),
      periodKind: oneOf(PERIOD_KINDS),
      source: optional(str),
      actualRow: count,
      targetRow: count,
      periods: listOf(shape<InputIndicator["periods"][number]>({ label: str, col: count })),
    })
  ),
});

const monitoringOptions = shape<MonitoringSheetOptions>({
  asOf: optional(str),
  xmrMinPoints: optional(count),
  xmrMaxPoints: optional(count),
  title: optional(str),
  charts: optional(bool),
});

const anchor = is((v) => typeof v === "string" && /^_ScrutinySheet_\d+$/i.test(v), "a sheet id");

const sheetDefinition = shape<SheetDefinition>({
  name,
  anchor: optional(anchor),
  role: oneOf(SHEET_ROLES),
  generated: bool,
  data: optional(dataSheet),
  area: optional(str),
  periodEnding: optional(str),
  group: optional(str),
  family: optional(str),
  extent: optional(shape<{ rows: number; cols: number }>({ rows: count, cols: count })),
  monitoring: optional(
    shape<MonitoringRecord>({ inputs: monitoringInputs, options: monitoringOptions })
  ),
  monthly: optional(
    shape<MonthlyRecord>({
      source: str,
      months: listOf(str),
      series: listOf(
        shape<MonthlyRecord["series"][number]>({ category: str, values: listOf(num) })
      ),
    })
  ),
});

/** The settings: an object whose known settings are numbers (others a later version may record). */
const thresholds: Check = (v, path) => {
  if (!isObject(v)) return `${path} is ${show(v)}, not an object`;
  for (const k of [...Object.keys(defaultAnomalyOptions), "changeThreshold"]) {
    const p = optional(num)(v[k], `${path}.${k}`);
    if (p) return p;
  }
  return null;
};

const definitions = shape<Definitions>({
  version: is((v) => v === 1, "1 (the only version this scrutiny-sheets reads)"),
  areas: listOf(str),
  periods: listOf(str),
  groups: listOf(shape<Definitions["groups"][number]>({ name: str, areas: listOf(str) })),
  thresholds,
  sheets: (v, path) =>
    listOf(sheetDefinition)(v, path) ?? anchorsOnce(v as SheetDefinition[], path),
});

/** Each sheet id recorded once: two records with one id would claim one sheet twice. */
function anchorsOnce(sheets: SheetDefinition[], path: string): string | null {
  const seen = new Set<string>();
  for (let i = 0; i < sheets.length; i++) {
    const a = sheets[i]?.anchor?.toLowerCase();
    if (a === undefined) continue;
    if (seen.has(a))
      return `${path}[${i}].anchor is ${show(sheets[i]!.anchor)}, an id another sheet has`;
    seen.add(a);
  }
  return null;
}

/** What is wrong with the shape of parsed definitions ("sheets[2].role is …"), or null when they are Definitions. */
export function definitionsProblem(v: unknown): string | null {
  return definitions(v, "definitions");
}

export function isDefinitions(v: unknown): v is Definitions {
  return definitionsProblem(v) === null;
}

/** The generated roles a refresh rewrites, as a message names them. */
const ROLE_WORDS: Partial<Record<SheetRole, string>> = {
  checks: "the Checks sheet",
  comparison: "a comparison sheet",
  trend: "a trend sheet",
  monitoring: "the monitoring sheet",
  summary: "the Summary sheet",
};

/** A recorded sheet's role as a message names it ("the Checks sheet", "a data sheet"). */
export function roleWords(d: SheetDefinition): string {
  if (d.role === "data") return "a data sheet";
  return ROLE_WORDS[d.role] ?? `a ${d.role} sheet`;
}

/** The banner under the title of every sheet a refresh rebuilds (generated and monitoring). */
const BANNER = /^Generated by scrutiny[- ]sheets:/i;
/** What the title (A1) of each rebuilt role starts with; monitoring's title is the user's. */
const TITLE: Partial<Record<SheetRole, (a1: string, a2: string) => boolean>> = {
  checks: (a1) => a1.startsWith("Checks:"),
  comparison: (a1) => a1.startsWith("Comparison:"),
  trend: (a1) => a1.startsWith("Trend:"),
  summary: (a1) => a1.startsWith("Summary:"),
  monitoring: (_a1, a2) => a2.includes("every figure is a formula on the actuals"),
};

const textAt = (values: unknown[][], r: number): string => {
  const v = values[r]?.[0];
  return typeof v === "string" ? v.trim() : "";
};

/**
 * Whether a sheet's values (A1 anchored) are those of a sheet of `role` that
 * scrutiny-sheets made: its title in A1 and the generated banner in A2, as the layouts
 * write them (layoutChecks, comparison/sections' titleBlock, layoutMonitoring).
 */
export function holdsGenerated(role: SheetRole, values: unknown[][]): boolean {
  const a1 = textAt(values, 0);
  const a2 = textAt(values, 1);
  const title = TITLE[role];
  return title !== undefined && BANNER.test(a2) && title(a1, a2);
}

/**
 * Why a refresh must not delete or overwrite the sheet `name`, as the definitions record
 * it (`recorded`: every definition of that name) and as it stands (`values`, null when
 * not read), or null when it may.
 */
export function claimProblem(
  name: string,
  recorded: SheetDefinition[],
  values: unknown[][] | null
): string | null {
  const lead = `the workbook's scrutiny-sheets definitions claim the sheet “${name}”`;
  const tail = "; nothing was written (rename that sheet to keep it out of the refresh)";
  if (recorded.length === 0)
    return `refresh would replace the sheet “${name}”, which its definitions do not record${tail}`;
  const data = recorded.find((d) => !d.generated && d.role !== "monitoring");
  const rebuilt = recorded.find((d) => d !== data);
  if (data && rebuilt)
    return `${lead} as ${ROLE_WORDS[rebuilt.role] ?? rebuilt.role} but also as ${data.role === "data" ? "a data sheet" : `a ${data.role} sheet`}${tail}`;
  if (data)
    return `${lead} as ${data.role === "data" ? "a data sheet" : `a ${data.role} sheet`}, which a refresh never replaces${tail}`;
  if (values === null) return null;
  for (const d of recorded)
    if (!holdsGenerated(d.role, values))
      return `${lead} as ${ROLE_WORDS[d.role] ?? `a ${d.role} sheet`}, but it does not hold one scrutiny-sheets made (no such title and generated banner in A1:A2)${tail}`;
  return null;
}
