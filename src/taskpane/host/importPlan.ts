// What an Import writes, in one place for the Office host (planning on the UI thread for
// a small paste) and the read worker (planning a large paste where it already lies, so
// the pane never freezes and the tables never cross to the UI thread).
import type { CrimeTable } from "../../core/model";
import type { HighlightSettings } from "../../core/settings";
import type { Definitions } from "../../layout/definitions";
import type { BookState, WorkbookPlan } from "../../app/planWorkbook";
import { importTables, ownedBy, startFrom, type DuplicateChoice } from "../../app/useCases";
import { planWrites, type WorkbookFacts } from "../../writers/officejs/planWrites";
import type { PlannedWrite } from "../../writers/officejs/writeWorkbook";
import { withAreaAndPeriod } from "../applyFields";

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
  /** A table the workbook already holds: replace its sheet, or keep both. @default "keep" */
  duplicates?: DuplicateChoice;
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
): { planned: PlannedImport; spec: WorkbookPlan["spec"] } {
  const book = bookOf(request.book);
  const ready = withAreaAndPeriod(tables, request.area, request.period);
  const { plan, sheets } = importTables(
    startFrom(book, request.importedOn),
    ready,
    request.settings,
    request.duplicates
  );
  const owned = ownedBy(plan);
  const writes = planWrites(plan.spec, request.facts, {
    previous: book.definitions,
    ownedSheets: owned,
  });
  return {
    planned: {
      write: { facts: request.facts, plan: writes },
      sheets,
      warnings: plan.warnings,
      owned,
    },
    spec: plan.spec,
  };
}
