// What to write, computed completely before anything is written (issue 10): from the
// workbook as it stands (sheet names, definitions, data sheets as the user left them)
// and what is added (tables, groups, settings, indicators), the sheets to apply. Every
// surface plans through here, so Excel, the in-browser workbook and the command line
// get the same sheets. A new workbook is the same pipeline with nothing to read back.
import type { Anomaly, CrimeTable } from "../core/model";
import type { Indicator } from "../core/monitor/types";
import type { Group } from "../core/groups";
import { validateTables } from "../core/validate";
import { findAnomalies } from "../core/anomalies";
import { anomalyOptionsOf, type Settings } from "../core/settings";
import {
  buildDefinitions,
  layoutDataSheets,
  layoutGenerated,
  type DataSheetRef,
} from "../layout/layoutWorkbook";
import { readDataSheet } from "../layout/dataSheet/read";
import { anchorDefinitions, sheetAnchorsOf } from "../layout/definitionsIdentity";
import {
  writeDefinitions,
  type DataSheetInfo,
  type Definitions,
  type SheetDefinition,
} from "../layout/definitions";
import { claimProblem, DefinitionsError } from "../layout/definitionsSchema";
import { planMonitoringSheet, rebuildMonitoringSheet } from "../layout/monitoringSheet";
import { DEFINITIONS_SHEET } from "../layout/definitions";
import { sheetKey } from "../layout/sheetNames";
import type { SheetSpec, WorkbookSpec } from "../layout/spec";
import type { ContentsEntry } from "../layout/layoutSummary";
import { monthlyFlags, monthlySources, type MonthlyOfArea } from "./monthlySeries";
import { supersededSentence, supersededTables, type Superseded } from "../layout/sameTables";
import type { AnomalyOptions } from "../core/anomalies";

/** The workbook as it stands, as either writer's reader gives it. */
export interface BookState {
  sheetNames: string[];
  tableNames: string[];
  /** As recorded, each sheet under its current name: readers resolve them by sheet id (layout/definitionsIdentity). */
  definitions: Definitions | null;
  /** A sheet's values (0-based rows of cells, formulas as results), or null when absent. */
  sheetValues(name: string): unknown[][] | null;
}

export const EMPTY_BOOK: BookState = {
  sheetNames: [],
  tableNames: [],
  definitions: null,
  sheetValues: () => null,
};

export interface PlanInput {
  /** New tables to import as data sheets. */
  tables: CrimeTable[];
  /** Every comparison group the workbook should keep (replaces the recorded ones). */
  groups: Group[];
  settings: Settings;
  /** Indicators for the monitoring sheet (built or rebuilt when given). */
  monitoring?: Indicator[];
  /** YYYY-MM-DD, the "Imported" date of new data sheets. */
  importedOn: string;
  /** Data sheets of the workbook rebuilt under their own names from a table imported again. */
  replacing?: readonly ReplacedSheet[];
}

/** A recorded data sheet and the table that replaces its contents (the same table, corrected). */
export interface ReplacedSheet {
  sheet: string;
  table: CrimeTable;
}

/** Everything a write will do (distinct from the Office.js writer's WritePlan of requests). */
export interface WorkbookPlan {
  spec: WorkbookSpec;
  definitions: Definitions;
  /** Names of the sheets the plan writes, definitions sheet excluded. */
  written: string[];
  /** Things the user should know (a data sheet that could not be read back, left out). */
  warnings: string[];
  /** How many validation issues and anomaly flags the Checks sheet lists. */
  checks: { issues: number; anomalies: number };
  /** Data sheets of the workbook the plan rebuilds under their own names (a table imported again). */
  replaced: string[];
}

export function planWorkbook(book: BookState, input: PlanInput): WorkbookPlan {
  const replacing = replacedSheets(book, input.replacing ?? []);
  const kept = readBack(withoutSheets(book, replacing));
  const added = addDataSheets(book, input, replacing);
  const refs = [...kept.refs, ...added.refs];
  const tables = refs.map((r) => r.table);
  const same = supersededTables(refs.map((r) => ({ name: r.def.name, table: r.table })));
  const monthly = monthlySources(tables, book.definitions?.sheets ?? []);
  const found = checkTables(tables, monthly, input.settings, same);
  const monitoring = planMonitoring(book, input, added.sheets);
  const generated = layoutGenerated({
    dataSheets: refs,
    ...found,
    groups: input.groups,
    thresholds: input.settings,
    existingSheetNames: [
      ...book.sheetNames,
      ...added.sheets.map((s) => s.name),
      ...(monitoring ? [monitoring.sheet.name] : []),
    ],
    previousGenerated: book.definitions?.sheets.filter((s) => s.generated),
    otherSheets: monitoring ? [monitoringEntry(monitoring.sheet)] : [],
    monthly,
  });
  const summary = generated.sheets.filter((s) => s.role === "summary");
  // The Summary is written last (its formulas name Checks, which must exist by then); the
  // workbook opens on it all the same.
  const sheets = [
    ...added.sheets,
    ...generated.sheets.filter((s) => s.role !== "summary"),
    ...(monitoring ? [monitoring.sheet] : []),
    ...summary,
  ];
  const built = buildDefinitions(
    [...kept.dataDefs, ...added.refs.map((r) => r.def)],
    generated.defs,
    input.groups,
    input.settings
  );
  built.sheets.push(...kept.userDefs.filter((d) => !monitoring || d.role !== "monitoring"));
  if (monitoring) built.sheets.push(monitoring.def);
  // Each recorded sheet keeps its id (the book's definitions are resolved by their readers).
  const definitions = anchorDefinitions(built, book.definitions);
  const rebuilt = new Set(replacing.map((r) => sheetKey(r.sheet)));
  refuseClaims(
    book,
    [...sheets.map((s) => s.name), ...generated.removeSheets].filter(
      (n) => !rebuilt.has(sheetKey(n))
    )
  );
  return {
    spec: {
      sheets: [...sheets, writeDefinitions(definitions)],
      removeSheets: generated.removeSheets,
      sheetAnchors: sheetAnchorsOf(definitions),
      ...(summary[0] ? { activeSheet: summary[0].name } : {}),
    },
    definitions,
    written: sheets.map((s) => s.name),
    warnings: [...kept.warnings, ...same.map(supersededSentence)],
    checks: { issues: found.issues.length, anomalies: found.anomalies.length },
    replaced: replacing.map((r) => r.sheet),
  };
}

/**
 * The replacements asked for that name a data sheet the workbook records (in its
 * recorded spelling); any other is imported as a new table, so a replacement never
 * writes over a sheet that is not ours.
 */
function replacedSheets(book: BookState, asked: readonly ReplacedSheet[]): ReplacedSheet[] {
  const out: ReplacedSheet[] = [];
  for (const r of asked) {
    const d = book.definitions?.sheets.find(
      (x) => x.role === "data" && !x.generated && x.data && sheetKey(x.name) === sheetKey(r.sheet)
    );
    if (d && sheetExists(book, d.name) && !out.some((o) => sheetKey(o.sheet) === sheetKey(d.name)))
      out.push({ sheet: d.name, table: r.table });
  }
  return out;
}

/** The workbook as read, without the recorded data sheets about to be rebuilt. */
function withoutSheets(book: BookState, replacing: readonly ReplacedSheet[]): BookState {
  if (replacing.length === 0 || !book.definitions) return book;
  const gone = new Set(replacing.map((r) => sheetKey(r.sheet)));
  const sheets = book.definitions.sheets.filter(
    (d) => !(d.role === "data" && !d.generated && gone.has(sheetKey(d.name)))
  );
  return { ...book, definitions: { ...book.definitions, sheets } };
}

/** The recorded sheets still there: data sheets read back as the user left them, and the user's own (monitoring). */
function readBack(book: BookState): {
  refs: DataSheetRef[];
  dataDefs: SheetDefinition[];
  userDefs: SheetDefinition[];
  warnings: string[];
} {
  const out = {
    refs: [] as DataSheetRef[],
    dataDefs: [] as SheetDefinition[],
    userDefs: [] as SheetDefinition[],
    warnings: [] as string[],
  };
  for (const d of book.definitions?.sheets ?? []) {
    if (d.generated || d.role !== "data" || !d.data) {
      if (!d.generated && d.role !== "data" && sheetExists(book, d.name)) out.userDefs.push(d);
      continue;
    }
    const values = book.sheetValues(d.name);
    if (values === null) {
      out.warnings.push(`Data sheet “${d.name}” is no longer in the workbook: left out.`);
      continue;
    }
    out.dataDefs.push(d);
    const read = readDataSheet(values, d.data, d.name);
    if (!read.ok) {
      out.warnings.push(`${read.error}: its figures are left out of the generated sheets.`);
      continue;
    }
    out.refs.push({
      def: d as SheetDefinition & { data: DataSheetInfo },
      table: read.table,
      headerRow: read.headerRow,
      columnOf: (c) => read.columnOf.get(c),
    });
  }
  return out;
}

/** Data sheets for the new tables, named clear of what the workbook holds; replacements under their own names. */
function addDataSheets(
  book: BookState,
  input: PlanInput,
  replacing: readonly ReplacedSheet[]
): ReturnType<typeof layoutDataSheets> {
  return layoutDataSheets({
    tables: [...input.tables, ...replacing.map((r) => r.table)],
    names: [...input.tables.map(() => undefined), ...replacing.map((r) => r.sheet)],
    existingSheetNames: book.sheetNames,
    // A workbook we have not built in yet is laid out as `build` does, without its table names.
    existingTableNames: book.definitions ? book.tableNames : [],
    thresholds: input.settings,
    importedOn: input.importedOn,
  });
}

/**
 * Validation issues and anomaly flags over every data sheet, and the control-chart flags
 * of the monthly counts, so Checks and the Summary cover the whole workbook.
 */
function checkTables(
  tables: CrimeTable[],
  monthly: MonthlyOfArea[],
  settings: Settings,
  same: readonly Superseded[]
) {
  const options = anomalyOptionsOf(settings);
  return {
    issues: validateTables(tables),
    anomalies: [
      ...latestAnomalies(tables, same, options),
      ...monthlyFlags(monthly, tables, options),
    ],
  };
}

/**
 * The core compares and trends the first table it is given of an area and period; a table
 * a later import supersedes is handed to it after the rest, so the later one is compared,
 * and its flags are pointed back at the tables' own indexes.
 */
function latestAnomalies(
  tables: CrimeTable[],
  same: readonly Superseded[],
  options: Partial<AnomalyOptions>
): Anomaly[] {
  if (same.length === 0) return findAnomalies(tables, options);
  const left = new Set(same.map((s) => s.older));
  const order = [...tables.keys()].sort(
    (a, b) => Number(left.has(a)) - Number(left.has(b)) || a - b
  );
  return findAnomalies(
    order.map((i) => tables[i]!),
    options
  ).map((a) => ({ ...a, table: order[a.table]! }));
}

/**
 * The monitoring sheet: built from new indicators, or rebuilt from the figures typed into
 * it. Planned before the generated sheets, which are named clear of it, so the Summary
 * can list it.
 */
function planMonitoring(
  book: BookState,
  input: PlanInput,
  added: SheetSpec[]
): { sheet: SheetSpec; def: SheetDefinition } | null {
  const recorded = book.definitions?.sheets.find(
    (d) => d.role === "monitoring" && !d.generated && sheetExists(book, d.name)
  );
  if (input.monitoring)
    return planMonitoringSheet(
      input.monitoring,
      recorded?.monitoring?.options ?? {},
      [...book.sheetNames, ...added.map((s) => s.name)].filter((n) => n !== recorded?.name),
      recorded
    );
  return recorded ? rebuildMonitoringSheet(recorded, book.sheetValues(recorded.name)) : null;
}

/** The monitoring sheet as the Summary's contents list names it. */
function monitoringEntry(sheet: SheetSpec): ContentsEntry {
  const title = sheet.blocks[0]?.cells[0]?.[0]?.text;
  return { name: sheet.name, role: "monitoring", about: title ?? "Performance monitoring" };
}

/**
 * Throws a DefinitionsError when the plan would delete or overwrite a sheet of the
 * workbook that the definitions claim as ours but which is not (issue 17): recorded as
 * generated, or as the monitoring sheet, it must hold the title and banner its role's
 * layout writes; recorded as a data sheet too, it is never replaced. A sheet whose values
 * were not read (the add-in reads only data and monitoring sheets) is taken as recorded.
 */
function refuseClaims(book: BookState, replaced: string[]): void {
  const present = new Set(book.sheetNames.map(sheetKey));
  for (const name of new Set(replaced)) {
    const key = sheetKey(name);
    if (!present.has(key) || key === sheetKey(DEFINITIONS_SHEET)) continue;
    const recorded = (book.definitions?.sheets ?? []).filter((d) => sheetKey(d.name) === key);
    const problem = claimProblem(name, recorded, book.sheetValues(name));
    if (problem) throw new DefinitionsError(problem);
  }
}

function sheetExists(book: BookState, name: string): boolean {
  return book.sheetNames.some((n) => sheetKey(n) === sheetKey(name));
}
