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
import {
  EMPTY_BOOK,
  planWorkbook,
  type BookState,
  type ReplacedSheet,
  type WorkbookPlan,
} from "./planWorkbook";
import { sameTableKey } from "../layout/sameTables";
import { kindSchema } from "../core/kinds";

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
  /** Data sheets of the book to rebuild under their own names from a table imported again. */
  replacing?: ReplacedSheet[];
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
    replacing: start.replacing,
  });
}

const planned = (next: Start, report: (plan: WorkbookPlan) => string[]): Planned => {
  const plan = planStart(next);
  return { plan, sheets: report(plan), next };
};

/** Sheets of these roles that a plan writes, in its order. */
export const sheetsOf = (plan: WorkbookPlan, roles: readonly SheetRole[]): string[] =>
  plan.spec.sheets.filter((s) => roles.includes(s.role)).map((s) => s.name);

/**
 * Imports tables: their new data sheets (the last the definitions list), then the
 * generated sheets rebuilt. A table the workbook already holds (duplicatesOf) is kept
 * beside the first ("keep", the later import being the one compared and trended) or
 * replaces it ("replace": the data sheet rebuilt under its own name).
 */
export function importTables(
  start: Start,
  tables: CrimeTable[],
  settings: HighlightSettings,
  duplicates: DuplicateChoice = "keep"
): Planned {
  const next =
    duplicates === "replace"
      ? replaceDuplicates(start, tables)
      : { ...start, tables: [...start.tables, ...tables] };
  return planned({ ...next, settings }, (plan) => {
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

/** What to do with a table the workbook already holds: replace it, or keep both. */
export type DuplicateChoice = "replace" | "keep";

/** A table to import that the workbook already holds (the same kind, area and period). */
export interface DuplicateTable {
  /** Index of the table among those to import. */
  table: number;
  /** The table's title ("Offences & SDs"). */
  title: string;
  area: string;
  periodEnding: string;
  /** The data sheet that holds it; null for a table imported earlier in this session, not yet a sheet of the book. */
  sheet: string | null;
}

/**
 * The tables of `tables` that `start` already holds: a recorded data sheet of the same
 * kind, area and period (the latest such sheet), or a table imported earlier in the
 * session. The pane asks before importing them (replace, keep both, cancel).
 */
export function duplicatesOf(start: Start, tables: readonly CrimeTable[]): DuplicateTable[] {
  const recorded = (start.book.definitions?.sheets ?? []).filter(
    (d) =>
      d.role === "data" &&
      !d.generated &&
      d.data &&
      start.book.sheetNames.some((n) => n.toLowerCase() === d.name.toLowerCase())
  );
  const out: DuplicateTable[] = [];
  tables.forEach((t, i) => {
    const key = sameTableKey(t);
    if (key === null) return;
    const sheet = recorded.filter((d) => sameTableKey(d.data!) === key).pop();
    const session = start.tables.some((x) => sameTableKey(x) === key);
    if (sheet || session)
      out.push({
        table: i,
        title: t.title ?? kindSchema(t.kind).defaultTitle,
        area: t.area!,
        periodEnding: t.periodEnding!,
        sheet: sheet?.name ?? null,
      });
  });
  return out;
}

/**
 * The start with `tables` added, each duplicate replacing what it duplicates: a table
 * imported earlier this session is dropped (the new one takes its sheet's name, as the
 * session is laid out afresh), a recorded data sheet is rebuilt under its name.
 */
function replaceDuplicates(start: Start, tables: CrimeTable[]): Start {
  const dups = duplicatesOf(start, tables);
  const bySheet = new Map(dups.filter((d) => d.sheet !== null).map((d) => [d.table, d.sheet!]));
  const keys = new Set(
    dups.filter((d) => d.sheet === null).map((d) => sameTableKey(tables[d.table]!))
  );
  const replacing = [...(start.replacing ?? [])];
  const added: CrimeTable[] = [];
  tables.forEach((t, i) => {
    const sheet = bySheet.get(i);
    if (sheet === undefined) added.push(t);
    else replacing.push({ sheet, table: t });
  });
  return {
    ...start,
    tables: [...start.tables.filter((t) => !keys.has(sameTableKey(t))), ...added],
    replacing,
  };
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

/**
 * Sheets the plan may replace besides those recorded as generated: the monitoring sheet
 * is ours, and so is a data sheet an import rebuilds under its name.
 */
export const ownedBy = (plan: WorkbookPlan): string[] => [
  ...plan.definitions.sheets.filter((d) => d.role === "monitoring").map((d) => d.name),
  ...plan.replaced,
];

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
