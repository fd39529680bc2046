// What an Import writes, in one place for the Office host (planning on the UI thread for
// a small paste) and the read worker (planning a large paste where it already lies, so
// the pane never freezes and the tables never cross to the UI thread).
import type { CrimeTable } from "../../core/model";
import type { Group } from "../../layout/layoutWorkbook";
import type { Definitions } from "../../layout/definitions";
import { planWorkbook, type BookState, type WritePlan } from "../../layout/planWorkbook";
import { planWrites, type WorkbookFacts } from "../../writers/officejs/planWrites";
import type { PlannedWrite } from "../../writers/officejs/writeWorkbook";
import { withAreaAndPeriod } from "../applyFields";
import type { HighlightSettings } from "../../layout/thresholds";

/** The comparison groups the workbook records (an import keeps them all). */
export const groupsOf = (book: BookState): Group[] =>
  (book.definitions?.groups ?? []).map((g) => ({ name: g.name, areas: [...g.areas] }));

/** Generated sheets of these roles that a plan writes. */
export const generatedSheets = (plan: WritePlan, roles: string[]): string[] =>
  plan.spec.sheets.filter((s) => roles.includes(s.role)).map((s) => s.name);

/** The sheets an import reports: its new data sheets, then the generated sheets it rebuilt. */
export function importedSheets(plan: WritePlan, tables: number): string[] {
  const data =
    tables === 0
      ? []
      : plan.definitions.sheets
          .filter((d) => d.role === "data")
          .slice(-tables)
          .map((d) => d.name);
  return [...data, ...generatedSheets(plan, ["checks", "comparison", "trend"])];
}

/** Sheets the plan may replace besides those recorded as generated: the monitoring sheet is ours. */
export const ownedBy = (plan: WritePlan): string[] =>
  plan.definitions.sheets.filter((d) => d.role === "monitoring").map((d) => d.name);

/** The workbook as read, in a form that crosses to a worker (no functions). */
export interface BookSnapshot {
  sheetNames: string[];
  tableNames: string[];
  definitions: Definitions | null;
  /** Values of the sheets read (data sheets, the monitoring sheet), by lower-case name. */
  values: Map<string, unknown[][]>;
}

export function snapshotOf(book: BookState): BookSnapshot {
  const values = new Map<string, unknown[][]>();
  for (const name of book.sheetNames) {
    const v = book.sheetValues(name);
    if (v !== null) values.set(name.toLowerCase(), v);
  }
  return {
    sheetNames: book.sheetNames,
    tableNames: book.tableNames,
    definitions: book.definitions,
    values,
  };
}

export function bookOf(snapshot: BookSnapshot): BookState {
  return {
    sheetNames: snapshot.sheetNames,
    tableNames: snapshot.tableNames,
    definitions: snapshot.definitions,
    sheetValues: (name) => snapshot.values.get(name.toLowerCase()) ?? null,
  };
}

/** What the Office host asks of the worker that holds a large paste. */
export interface ImportRequest {
  book: BookSnapshot;
  facts: WorkbookFacts;
  /** The pane's "Area" and "Period ending" fields, applied as on any Import. */
  area: string;
  period: string;
  settings: HighlightSettings;
  importedOn: string;
}

/** An import planned down to the Office.js requests, and what to tell the user. */
export interface PlannedImport {
  write: PlannedWrite;
  sheets: string[];
  warnings: string[];
  /** Sheets besides the recorded generated ones that the write replaces. */
  owned: string[];
}

/** Plans an import of `tables` against the workbook as read, down to the requests to send. */
export function planImport(
  tables: CrimeTable[],
  request: ImportRequest
): { planned: PlannedImport; spec: WritePlan["spec"] } {
  const book = bookOf(request.book);
  const ready = withAreaAndPeriod(tables, request.area, request.period);
  const plan = planWorkbook(book, {
    tables: ready,
    groups: groupsOf(book),
    settings: request.settings,
    importedOn: request.importedOn,
  });
  const owned = ownedBy(plan);
  const writes = planWrites(plan.spec, request.facts, {
    previous: book.definitions,
    ownedSheets: owned,
  });
  return {
    planned: {
      write: { facts: request.facts, plan: writes },
      sheets: importedSheets(plan, ready.length),
      warnings: plan.warnings,
      owned,
    },
    spec: plan.spec,
  };
}
