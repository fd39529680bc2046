// What to write, computed completely before anything is written (issue 10): from the
// workbook as it stands (sheet names, definitions, data sheets as the user left them)
// and what the pane adds (tables, a group, thresholds, indicators), the sheets to apply.
// Both hosts use it, so Excel and the in-browser workbook get the same sheets; it
// follows the command line's build (new workbook) and refresh (existing one).
import type { CrimeTable } from "../core/model";
import type { Indicator } from "../core/monitor/types";
import { validateTables } from "../core/validate";
import {
  defaultAnomalyOptions,
  findAnomalies,
  resolveAnomalyOptions,
  type AnomalyOptions,
} from "../core/anomalies";
import {
  buildDefinitions,
  layoutDataSheets,
  layoutGenerated,
  layoutWorkbook,
  type DataSheetRef,
  type Group,
} from "./layoutWorkbook";
import { readDataSheet } from "./readDataSheet";
import {
  writeDefinitions,
  type DataSheetInfo,
  type Definitions,
  type SheetDefinition,
} from "./definitions";
import { planMonitoringSheet, rebuildMonitoringSheet } from "./monitoringSheet";
import type { SheetSpec, WorkbookSpec } from "./spec";
import { defaultSettings, type HighlightSettings } from "./thresholds";

/** The workbook as it stands, as either writer's reader gives it. */
export interface BookState {
  sheetNames: string[];
  tableNames: string[];
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
  settings: HighlightSettings;
  /** Indicators for the monitoring sheet (built or rebuilt when given). */
  monitoring?: Indicator[];
  /** YYYY-MM-DD, the "Imported" date of new data sheets. */
  importedOn: string;
}

export interface WritePlan {
  spec: WorkbookSpec;
  definitions: Definitions;
  /** Names of the sheets the plan writes, definitions sheet excluded. */
  written: string[];
  /** Things the user should know (a data sheet that could not be read back, left out). */
  warnings: string[];
  /** How many validation issues and anomaly flags the Checks sheet lists. */
  checks: { issues: number; anomalies: number };
}

/** The thresholds record kept in the definitions: the anomaly options, plus the change threshold when set. */
export function thresholdsOf(
  settings: HighlightSettings,
  recorded: Record<string, unknown> = {}
): Record<string, unknown> {
  let base: AnomalyOptions;
  try {
    base = resolveAnomalyOptions(pickKnown(recorded));
  } catch {
    base = { ...defaultAnomalyOptions };
  }
  const record: Record<string, unknown> = {
    ...base,
    alpha: settings.significanceLevel,
    minBase: settings.minimumBase,
  };
  // Absent means no notable-change flag, as the command line builds by default.
  if (settings.changeThreshold !== null) record.changeThreshold = settings.changeThreshold;
  return record;
}

/** The pane's settings as a workbook records them (defaults for what it does not say). */
export function settingsOf(definitions: Definitions | null): HighlightSettings {
  const t = definitions?.thresholds ?? {};
  const num = (v: unknown, d: number) => (typeof v === "number" && Number.isFinite(v) ? v : d);
  return {
    significanceLevel: num(t.alpha, defaultSettings.significanceLevel),
    minimumBase: num(t.minBase, defaultSettings.minimumBase),
    changeThreshold:
      typeof t.changeThreshold === "number" && Number.isFinite(t.changeThreshold)
        ? t.changeThreshold
        : null,
  };
}

export function planWorkbook(book: BookState, input: PlanInput): WritePlan {
  const defs = book.definitions;
  const thresholds = thresholdsOf(input.settings, defs?.thresholds);
  const options = pickKnown(thresholds);
  const warnings: string[] = [];
  let sheets: SheetSpec[];
  let definitions: Definitions;
  let removeSheets: string[];
  let checks: WritePlan["checks"];

  if (!defs) {
    // A workbook we have not built in yet (new, or the user's own): as `scrutiny-sheets build`.
    const issues = validateTables(input.tables);
    const anomalies = findAnomalies(input.tables, options);
    checks = { issues: issues.length, anomalies: anomalies.length };
    const built = layoutWorkbook({
      tables: input.tables,
      issues,
      anomalies,
      groups: input.groups,
      thresholds,
      existingSheetNames: book.sheetNames,
      importedOn: input.importedOn,
    });
    sheets = built.spec.sheets.filter((s) => s.role !== "definitions");
    definitions = built.definitions;
    removeSheets = built.spec.removeSheets ?? [];
  } else {
    // As `scrutiny-sheets refresh --add`: data sheets read back as the user left them.
    const refs: DataSheetRef[] = [];
    const keptDefs: SheetDefinition[] = [];
    for (const d of defs.sheets) {
      if (d.generated || d.role !== "data" || !d.data) {
        if (!d.generated && d.role !== "data" && sheetExists(book, d.name)) keptDefs.push(d);
        continue;
      }
      const values = book.sheetValues(d.name);
      if (values === null) {
        warnings.push(`Data sheet “${d.name}” is no longer in the workbook: left out.`);
        continue;
      }
      keptDefs.push(d);
      const read = readDataSheet(values, d.data, d.name);
      if (!read.ok) {
        warnings.push(`${read.error}: its figures are left out of the generated sheets.`);
        continue;
      }
      refs.push({
        def: d as SheetDefinition & { data: DataSheetInfo },
        table: read.table,
        headerRow: read.headerRow,
        columnOf: (c) => read.columnOf.get(c),
      });
    }
    const added = layoutDataSheets({
      tables: input.tables,
      existingSheetNames: book.sheetNames,
      existingTableNames: book.tableNames,
      thresholds,
      importedOn: input.importedOn,
    });
    refs.push(...added.refs);
    const tables = refs.map((r) => r.table);
    const issues = validateTables(tables);
    const anomalies = findAnomalies(tables, options);
    checks = { issues: issues.length, anomalies: anomalies.length };
    const gen = layoutGenerated({
      dataSheets: refs,
      issues,
      anomalies,
      groups: input.groups,
      thresholds,
      existingSheetNames: [...book.sheetNames, ...added.sheets.map((s) => s.name)],
      previousGenerated: defs.sheets.filter((s) => s.generated),
    });
    sheets = [...added.sheets, ...gen.sheets];
    definitions = buildDefinitions(
      [...keptDefs.filter((d) => d.role === "data"), ...added.refs.map((r) => r.def)],
      gen.defs,
      input.groups,
      thresholds
    );
    definitions.sheets.push(...keptDefs.filter((d) => d.role !== "data"));
    removeSheets = gen.removeSheets;
  }

  // The monitoring sheet: built from pasted indicators, or rebuilt from the figures typed into it.
  const recorded = definitions.sheets.find((d) => d.role === "monitoring");
  const monitoring = input.monitoring
    ? planMonitoringSheet(
        input.monitoring,
        recorded?.monitoring?.options ?? {},
        [...book.sheetNames, ...sheets.map((s) => s.name)].filter((n) => n !== recorded?.name),
        recorded
      )
    : recorded
      ? rebuildMonitoringSheet(recorded, book.sheetValues(recorded.name))
      : null;
  if (monitoring) {
    sheets.push(monitoring.sheet);
    definitions.sheets = [...definitions.sheets.filter((d) => d !== recorded), monitoring.def];
  }

  return {
    spec: { sheets: [...sheets, writeDefinitions(definitions)], removeSheets },
    definitions,
    written: sheets.map((s) => s.name),
    warnings,
    checks,
  };
}

function sheetExists(book: BookState, name: string): boolean {
  return book.sheetNames.some((n) => n.toLowerCase() === name.toLowerCase());
}

/** Only the options the anomalies core knows (a workbook may record others). */
function pickKnown(t: Record<string, unknown>): Partial<AnomalyOptions> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(defaultAnomalyOptions)) if (k in t) out[k] = t[k];
  return out as Partial<AnomalyOptions>;
}
