// The shapes a paste's reading passes around: what the preview shows, a read job, and the
// messages between the pane and the read worker. Apart from the readers, so that the
// worker's planner and the readers both use them without importing each other.
import type { Anomaly, CrimeTable, Issue, ReadError } from "../../core/model";
import type { UnreadablePdfTable } from "../../core/read/pdf";
import type { WardsOfArea } from "../../core/datastore";
import type { HighlightSettings } from "../../core/settings";
import type { ImportPlanner, PastedInput } from "../host/workbookHost";
import type { ImportRequest, PlannedImport } from "../host/importPlan";
import type { WorkbookSpec } from "../../layout/spec";

/** How much a table holds in all, when the analysis at hand is a slice of it. */
export interface TableTotals {
  rows: number;
  issues: number;
  anomalies: number;
}

/** What the preview shows and Import writes. */
export interface PasteAnalysis {
  tables: CrimeTable[];
  issues: Issue[];
  anomalies: Anomaly[];
  /**
   * Set when this is the preview's slice of a large paste (its first rows and first
   * flagged rows, per table): the totals per table. The whole comes from ReadOutcome.whole.
   */
  totals?: TableTotals[];
  /** A PDF's tables whose columns could not be told apart, each with its page (listed, never read). */
  unreadable?: UnreadablePdfTable[];
  /** A ward-level London Datastore file read for its boroughs: its wards by borough, which the pane offers instead. */
  wards?: WardsOfArea[];
}

/** A file opened or dropped in the pane: its name and bytes. */
export interface OpenedFile {
  name: string;
  bytes: ArrayBuffer;
  /** Names a spreadsheet's file name may give as its area besides London's boroughs: wards of files read before. */
  knownAreas?: readonly string[];
}

export type ReadOutcome =
  | {
      status: "ok";
      analysis: PasteAnalysis;
      /** A slice's whole analysis, kept in the worker until Import asks for it. */
      whole?: () => Promise<PasteAnalysis>;
      /** Plans an Import of the whole where it lies (the worker), for the Office host. */
      planner?: ImportPlanner;
      /** Lets the worker go when the slice is no longer wanted (a new paste, the pane closing). */
      release?: () => void;
    }
  | { status: "error"; error: ReadError }
  | { status: "cancelled" };

export interface ReadProgress {
  stage: "reading" | "checking" | "anomalies";
  /** 0..1 overall, when known. */
  fraction?: number;
}

export interface ReadJob {
  result: Promise<ReadOutcome>;
  cancel(): void;
}

export interface PasteReader {
  read(
    input: PastedInput,
    settings: HighlightSettings,
    onProgress?: (p: ReadProgress) => void
  ): ReadJob;
  /** Reads an opened or dropped PDF or spreadsheet (in the worker: PDF.js and the spreadsheet library never join the pane's bundle). */
  readFile?(
    file: OpenedFile,
    settings: HighlightSettings,
    onProgress?: (p: ReadProgress) => void
  ): ReadJob;
}

/** The analysis itself, as one function of the input (core modules do the work). */
export type AnalyseFn = (
  input: PastedInput,
  settings: HighlightSettings,
  onProgress?: (p: ReadProgress) => void
) => ReadOutcome;

/** Messages between the pane and the read worker. */
export type WorkerRequest =
  | { kind: "read"; id: number; input: PastedInput; settings: HighlightSettings }
  /** A PDF's bytes (transferred to the worker), read with PDF.js there; `pages` as the CLI's --pages. */
  | {
      kind: "pdf";
      id: number;
      name: string;
      bytes: ArrayBuffer;
      settings: HighlightSettings;
      area?: string;
      pages?: string;
    }
  /** A spreadsheet's bytes (.xlsx, .xlsm, .ods, .xls), every sheet's tables read in the worker. */
  | {
      kind: "spreadsheet";
      id: number;
      name: string;
      bytes: ArrayBuffer;
      settings: HighlightSettings;
      knownAreas?: readonly string[];
    }
  | { kind: "whole"; id: number }
  | { kind: "plan"; id: number; request: ImportRequest }
  | { kind: "spec"; id: number };
export type WorkerReply =
  | { id: number; kind: "progress"; progress: ReadProgress }
  | { id: number; kind: "done"; outcome: ReadOutcome }
  | { id: number; kind: "whole"; analysis: PasteAnalysis }
  /** A plan's requests follow in `batches` messages of their own (each under 5 MB to clone). */
  | { id: number; kind: "planned"; planned: PlannedImport; batches: number }
  /** One request's operations as JSON: a string crosses as one copy, where a clone of 16,000 objects held the UI thread a second. */
  | { id: number; kind: "batch"; index: number; json: string }
  | { id: number; kind: "spec"; spec: WorkbookSpec }
  | { id: number; kind: "failed"; message: string };

/** The part of a Worker the reader uses (a real Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}
