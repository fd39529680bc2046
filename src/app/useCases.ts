// The use cases every surface runs (the pane's Import, Compare, Refresh all and
// Monitoring; the ribbon's refresh; the command line's build and refresh), as pure
// functions from the workbook as it stands to the plan to write and the sheets to report.
// Surfaces read the workbook and apply the plan with their writer; nothing else.
import type { CrimeTable } from "../core/model";
import type { Indicator } from "../core/monitor/types";
import type { Group } from "../core/groups";
import type { Result } from "../core/result";
import { problem } from "../core/result";
import {
  defaultHighlightSettings,
  highlightSettingsOf,
  settingsWith,
  type HighlightSettings,
} from "../core/settings";
import type { SheetRole, WorkbookSpec } from "../layout/spec";
import { writeDefinitions, type Definitions } from "../layout/definitions";
import type { NotBuilt } from "./errors";
import { EMPTY_BOOK, planWorkbook, type BookState, type WorkbookPlan } from "./planWorkbook";

/**
 * What a use case starts from: the workbook as it stands and what it keeps. In Excel
 * the groups and settings are those the workbook records; the in-browser pane keeps its
 * session's (with the tables imported this session, laid out again on every plan).
 */
export interface Start {
  book: BookState;
  /** Tables to import that the book does not hold yet. */
  tables: CrimeTable[];
  groups: Group[];
  settings: HighlightSettings;
  /** Indicators to build the monitoring sheet from (else it is rebuilt from its own figures). */
  monitoring?: Indicator[];
  /** YYYY-MM-DD, the "Imported" date of new data sheets. */
  importedOn: string;
}

/** A use case's outcome: the plan, the sheets to report, and where the next one starts. */
export interface Planned {
  plan: WorkbookPlan;
  /** Sheets written, as the surface reports them. */
  sheets: string[];
  next: Start;
}

/**
 * The generated sheets each use case reports writing, by role. Every plan rewrites the
 * Summary (its counts, headlines and contents list follow what changed), so each says so.
 */
export const REPORTED_ROLES = {
  import: ["checks", "comparison", "trend", "summary"],
  comparison: ["comparison", "trend", "summary"],
  refresh: ["checks", "comparison", "trend", "monitoring", "summary"],
  monitoring: ["monitoring", "summary"],
} as const satisfies Record<string, readonly SheetRole[]>;

/** The workbook with the groups and settings it records (defaults where it records none). */
export function startFrom(book: BookState, importedOn: string): Start {
  return {
    book,
    tables: [],
    groups: (book.definitions?.groups ?? []).map((g) => ({ name: g.name, areas: [...g.areas] })),
    settings: highlightSettingsOf(book.definitions?.thresholds),
    importedOn,
  };
}

/** startFrom for a workbook Scrutiny Sheets built, which a refresh needs. */
export function startFromBuilt(
  book: BookState,
  importedOn: string
): Result<{ start: Start }, { error: NotBuilt }> {
  if (!book.definitions)
    return {
      ok: false,
      error: problem("not-built", "the workbook has no scrutiny-sheets definitions"),
    };
  return { ok: true, start: startFrom(book, importedOn) };
}

/** Plans the workbook as `start` describes it. */
export function planStart(start: Start): WorkbookPlan {
  return planWorkbook(start.book, {
    tables: start.tables,
    groups: start.groups,
    settings: settingsWith(start.settings, start.book.definitions?.thresholds),
    monitoring: start.monitoring,
    importedOn: start.importedOn,
  });
}

const planned = (next: Start, report: (plan: WorkbookPlan) => string[]): Planned => {
  const plan = planStart(next);
  return { plan, sheets: report(plan), next };
};

/** Sheets of these roles that a plan writes, in its order. */
export const sheetsOf = (plan: WorkbookPlan, roles: readonly SheetRole[]): string[] =>
  plan.spec.sheets.filter((s) => roles.includes(s.role)).map((s) => s.name);

/** Imports tables: their new data sheets (the last the definitions list), then the generated sheets rebuilt. */
export function importTables(
  start: Start,
  tables: CrimeTable[],
  settings: HighlightSettings
): Planned {
  return planned({ ...start, tables: [...start.tables, ...tables], settings }, (plan) => {
    const data =
      tables.length === 0
        ? []
        : plan.definitions.sheets
            .filter((d) => d.role === "data")
            .slice(-tables.length)
            .map((d) => d.name);
    return [...data, ...sheetsOf(plan, REPORTED_ROLES.import)];
  });
}

/** Records a comparison group (replacing one of the same name) and builds its sheets. */
export function buildComparison(start: Start, group: Group | null): Planned {
  const groups = group ? upsertGroup(start.groups, group) : start.groups;
  return planned({ ...start, groups }, (plan) => sheetsOf(plan, REPORTED_ROLES.comparison));
}

/** Rebuilds every generated sheet from the data sheets as they stand. */
export function refreshAll(start: Start): Planned {
  return planned(start, (plan) => sheetsOf(plan, REPORTED_ROLES.refresh));
}

/** Builds (or rebuilds) the monitoring sheet from indicators. */
export function buildMonitoring(start: Start, indicators: Indicator[]): Planned {
  return planned({ ...start, monitoring: indicators }, (plan) =>
    sheetsOf(plan, REPORTED_ROLES.monitoring)
  );
}

/** `scrutiny-sheets build`: a new workbook of `tables`, with the default settings. */
export function buildWorkbook(
  tables: CrimeTable[],
  groups: Group[],
  monitoring: Indicator[] | undefined,
  importedOn: string
): WorkbookPlan {
  return planStart({
    book: EMPTY_BOOK,
    tables,
    groups,
    settings: defaultHighlightSettings,
    monitoring,
    importedOn,
  });
}

/** The groups with `group` added, replacing one of the same name (ignoring case). */
export function upsertGroup(groups: Group[], group: Group): Group[] {
  const key = group.name.toLowerCase();
  return [...groups.filter((g) => g.name.toLowerCase() !== key), group];
}

/** Sheets the plan may replace besides those recorded as generated: the monitoring sheet is ours. */
export const ownedBy = (plan: WorkbookPlan): string[] =>
  plan.definitions.sheets.filter((d) => d.role === "monitoring").map((d) => d.name);

/** The definitions sheet with the pane's settings saved in it (started when the workbook has none). */
export function saveSettings(
  recorded: Definitions | null,
  settings: HighlightSettings
): WorkbookSpec {
  const defs: Definitions = recorded ?? {
    version: 1,
    areas: [],
    periods: [],
    groups: [],
    thresholds: {},
    sheets: [],
  };
  const next: Definitions = { ...defs, thresholds: settingsWith(settings, defs.thresholds) };
  return { sheets: [writeDefinitions(next)] };
}
