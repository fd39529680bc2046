// What a workbook was built from, kept in the workbook itself (a very hidden sheet) so that
// a refresh by the CLI or by the add-in finds it. Both writers use exactly these two
// functions: A1 holds a marker with the format version, A2 down the JSON in chunks that
// fit an Excel cell.
import type { DataColumnDef } from "../core/kinds";
import type { ColumnInfo, TableKind } from "../core/model";
import type { SheetRole, SheetSpec } from "./spec";
import type { MonitoringInputs, MonitoringSheetOptions } from "./layoutMonitoring";
import type { Settings } from "../core/settings";

export const DEFINITIONS_SHEET = "_ScrutinyDefinitions";
export const DEFINITIONS_MARKER = "scrutiny-sheets-definitions v1";
/** An Excel cell holds at most 32,767 characters. */
export const DEFINITIONS_CHUNK = 30000;

// The column plan is the kind's (core/kinds); definitions record it as it is.
export type { DataColumnDef, DataColumnRole } from "../core/kinds";

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
}

/** A monitoring sheet's editable inputs and options, so refresh rebuilds it from them. */
export interface MonitoringRecord {
  inputs: MonitoringInputs;
  options: MonitoringSheetOptions;
}

export interface SheetDefinition {
  name: string;
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

/** The very hidden definitions sheet. */
export function writeDefinitions(defs: Definitions): SheetSpec {
  const json = JSON.stringify(defs);
  const cells: { text: string }[][] = [[{ text: DEFINITIONS_MARKER }]];
  for (let i = 0; i < json.length; i += DEFINITIONS_CHUNK)
    cells.push([{ text: json.slice(i, i + DEFINITIONS_CHUNK) }]);
  return {
    name: DEFINITIONS_SHEET,
    role: "definitions",
    generated: true,
    blocks: [{ row: 0, col: 0, cells }],
    tables: [],
    conditionalFormats: [],
    charts: [],
    visibility: "veryHidden",
  };
}

/** The definitions from the sheet's values (rows of cells, as either writer reads them), or null when absent or unreadable. */
export function parseDefinitions(values: unknown[][]): Definitions | null {
  if (String(values[0]?.[0] ?? "") !== DEFINITIONS_MARKER) return null;
  let json = "";
  for (let r = 1; r < values.length; r++) {
    const v = values[r]?.[0];
    if (v === null || v === undefined || v === "") break;
    json += String(v);
  }
  try {
    const parsed: unknown = JSON.parse(json);
    return isDefinitions(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isDefinitions(v: unknown): v is Definitions {
  if (typeof v !== "object" || v === null) return false;
  const d = v as Partial<Definitions>;
  return (
    d.version === 1 &&
    Array.isArray(d.areas) &&
    Array.isArray(d.periods) &&
    Array.isArray(d.groups) &&
    Array.isArray(d.sheets) &&
    typeof d.thresholds === "object" &&
    d.thresholds !== null &&
    d.sheets.every(
      (s) =>
        typeof s?.name === "string" &&
        typeof s.role === "string" &&
        typeof s.generated === "boolean"
    )
  );
}
