// The one seam between the task pane and a workbook. React components only ever see
// this interface (it reaches them as a prop); the two implementations decide whether
// the workbook is the live one in Excel (Office.js) or an in-memory one in the browser.
import type { Anomaly, CrimeTable, Issue, TableKind } from "../../core/model";
import type { Indicator } from "../../core/monitor/types";
import type { ReadInputOptions } from "../../core/readInput";
import type { SheetRole, WorkbookSpec } from "../../layout/spec";
import type { ImportRequest, PlannedImport } from "./importPlan";

export type HostMode = "office" | "standalone";

// The pane's settings, and their defaults under the name the components know.
export {
  defaultHighlightSettings as defaultSettings,
  type HighlightSettings,
} from "../../core/settings";
import type { HighlightSettings } from "../../core/settings";
import type { DuplicateChoice, DuplicateTable } from "../../app/useCases";

/** A data sheet the workbook holds (one imported table: area + period), as the pane lists it. */
export interface ListedDataSheet {
  sheet: string;
  area: string;
  /** ISO date. */
  periodEnding: string;
  kind: TableKind;
}

/** A sheet of the workbook as the pane lists it. */
export interface SheetInfo {
  name: string;
  role: SheetRole | "user";
  generated: boolean;
}

/** What to compare: chosen areas (all their periods), or a named group preset. */
export type ComparisonChoice =
  { kind: "areas"; areas: string[] } | { kind: "group"; group: string; areas: string[] };

/** What a write did, in words the pane can show. */
export interface WriteReport {
  /** Sheets written or rewritten, in workbook order. */
  sheets: string[];
  /** Things the user should know, e.g. a data sheet that could not be read back and was left out. */
  warnings?: string[];
}

export interface Progress {
  /** What is happening, in plain words ("Writing Merton 2017-08-01"). */
  label: string;
  /** 0..1 when known. */
  fraction?: number;
  /** Stops the work, when it can still stop with nothing written (the pane shows Cancel). */
  cancel?: () => void;
}

export interface HostCallOptions {
  onProgress?: (progress: Progress) => void;
  /** Import: a table the workbook already holds replaces its sheet, or is kept beside it. @default "keep" */
  duplicates?: DuplicateChoice;
}

/** Text the user pasted (or that a selection holds), in the forms the reader accepts. */
export interface PastedInput {
  text: string;
  /** The clipboard's text/html, when the source offered it (tables copied from a browser or Word). */
  html?: string;
  /** Where it came from, for messages and the data sheet's title block ("paste", "selection Sheet1!A1:K30"). */
  source: string;
  /** A London Datastore file: the areas to read it for (default: every borough), as the CLI's --area and --group. */
  datastore?: DatastoreChoice;
  /** The name of the file it was read from (opened or dropped), which may name its area. */
  fileName?: string;
  /** Names a file name may give as its area besides London's boroughs: wards of files read before. */
  knownAreas?: readonly string[];
}

/** Areas of a Datastore file: boroughs or wards by name, and groups ("Lewisham wards"). */
export type DatastoreChoice = Pick<ReadInputOptions, "areas" | "groups">;

export interface WorkbookHost {
  readonly mode: HostMode;
  /** Writes one data sheet per table and rebuilds Checks and highlights. */
  importTables(
    tables: CrimeTable[],
    issues: Issue[],
    anomalies: Anomaly[],
    settings: HighlightSettings,
    options?: HostCallOptions
  ): Promise<WriteReport>;
  /**
   * Imports a large paste where it lies: the read worker plans every sheet and request
   * from the workbook as read, so neither the tables nor the planning touch the UI thread.
   * Optional: a host without it is given the whole analysis through importTables.
   */
  importPlanned?(
    planner: ImportPlanner,
    fields: { area: string; period: string },
    settings: HighlightSettings,
    options?: HostCallOptions
  ): Promise<WriteReport>;
  /** Optional: the tables the workbook already holds (same kind, area and period), so Import asks first. */
  duplicatesOf?(tables: CrimeTable[]): Promise<DuplicateTable[]>;
  /** Reads the current selection (or used range of the active sheet) as a paste, for "Import selection". */
  importSelection(): Promise<PastedInput>;
  /** Builds comparison sheets (and trend sheets for areas with several periods). */
  buildComparison(choice: ComparisonChoice, options?: HostCallOptions): Promise<WriteReport>;
  /** Rebuilds every generated sheet from the data sheets as they are now. */
  refreshAll(options?: HostCallOptions): Promise<WriteReport>;
  /** Builds (or rebuilds) the monitoring sheet from indicators read out of a pasted table. */
  buildMonitoring(indicators: Indicator[], options?: HostCallOptions): Promise<WriteReport>;
  listDataSheets(): Promise<ListedDataSheet[]>;
  listSheets(): Promise<SheetInfo[]>;
  readSettings(): Promise<HighlightSettings>;
  saveSettings(settings: HighlightSettings): Promise<void>;
  /** Standalone only: the workbook as .xlsx bytes. */
  download?(): Promise<Uint8Array>;
  /** Standalone only: replaces the in-memory workbook with an .xlsx file's contents. */
  open?(bytes: Uint8Array): Promise<void>;
  /** Standalone only: starts a new, empty workbook, forgetting the one kept in this browser. */
  discard?(): Promise<void>;
}

/** The read worker's side of importPlanned: it holds the paste and plans the import. */
export interface ImportPlanner {
  /** Names the paste: running the same import again after Excel stopped it finishes it. */
  readonly key: string;
  plan(request: ImportRequest): Promise<PlannedImport>;
  /** Stops a plan being made: it fails with TaskCancelled, and the paste is let go. */
  cancel(): void;
  /** The sheets of the last plan, when a write has to be finished or planned again. */
  spec(): Promise<WorkbookSpec>;
}
