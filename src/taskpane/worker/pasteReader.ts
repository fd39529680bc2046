// How the pane reads a paste: a job with progress that can be cancelled. Small pastes
// are read on the spot; large ones in a Web Worker so the pane never freezes
// (issue 10: a 20 MB paste). Components depend on this interface only.
import type { Anomaly, CrimeTable, Issue, ReadError } from "../../core/model";
import type { HighlightSettings, ImportPlanner, PastedInput } from "../host/workbookHost";
import type { ImportRequest, PlannedImport } from "../host/importPlan";
import type { WorkbookSpec } from "../../layout/spec";
import { createWorkerPlanner } from "./workerPlanner";

/** Rows per table the preview shows (and a large paste's slice holds). */
export const PREVIEW_ROWS = 200;

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
}

/** The analysis itself, as one function of the input (core modules do the work). */
export type AnalyseFn = (
  input: PastedInput,
  settings: HighlightSettings,
  onProgress?: (p: ReadProgress) => void
) => ReadOutcome;

/** Reads on the calling thread, after yielding once so the pane can paint "Reading…". */
export function createInlineReader(analyse: AnalyseFn): PasteReader {
  return {
    read(input, settings, onProgress) {
      let cancelled = false;
      const result = new Promise<ReadOutcome>((resolve) => {
        setTimeout(() => {
          if (cancelled) return resolve({ status: "cancelled" });
          try {
            const outcome = analyse(input, settings, onProgress);
            resolve(cancelled ? { status: "cancelled" } : outcome);
          } catch (e) {
            resolve({ status: "error", error: unexpectedError(e) });
          }
        }, 0);
      });
      return {
        result,
        cancel() {
          cancelled = true;
        },
      };
    },
  };
}

/** Messages between the pane and the read worker. */
export type WorkerRequest =
  | { kind: "read"; id: number; input: PastedInput; settings: HighlightSettings }
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
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/**
 * Reads in a worker. Cancel terminates the worker outright (reading is one synchronous
 * call inside it, so there is nothing gentler to interrupt). A large paste comes back as
 * the preview's slice, so the UI thread never receives (clones) hundreds of megabytes
 * while the user waits; the worker keeps the whole until Import asks for it or the slice
 * is released. Each read has its own worker.
 */
export function createWorkerReader(makeWorker: () => WorkerLike): PasteReader {
  let nextId = 1;
  return {
    read(input, settings, onProgress) {
      const id = nextId++;
      const worker = makeWorker();
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        worker.onmessage = null;
        worker.onerror = null;
        worker.terminate();
      };
      let settle: (outcome: ReadOutcome) => void = () => undefined;
      let wholeWanted: { resolve: (a: PasteAnalysis) => void; reject: (e: Error) => void } | null =
        null;
      const { planner, take, fail } = createWorkerPlanner(worker, id, () => ended, end);
      const result = new Promise<ReadOutcome>((resolve) => {
        settle = (outcome) => {
          if (outcome.status === "ok" && outcome.analysis.totals) {
            // Keep the worker: it holds the whole analysis.
            let whole: Promise<PasteAnalysis> | null = null;
            resolve({
              ...outcome,
              whole: () =>
                (whole ??= new Promise<PasteAnalysis>((res, rej) => {
                  if (ended) return rej(new Error("the paste was let go: paste it again"));
                  wholeWanted = { resolve: res, reject: rej };
                  worker.postMessage({ kind: "whole", id });
                })),
              planner,
              release: end,
            });
          } else {
            end();
            resolve(outcome);
          }
        };
      });
      worker.onmessage = (event) => {
        const reply = event.data;
        if (reply.id !== id) return;
        if (reply.kind === "progress") onProgress?.(reply.progress);
        else if (reply.kind === "done") settle(reply.outcome);
        else if (reply.kind === "whole") {
          wholeWanted?.resolve(reply.analysis);
          end();
        } else take(reply);
      };
      worker.onerror = (event) => {
        const message = event.message ?? "the reader stopped";
        if (wholeWanted)
          wholeWanted.reject(new Error(`the paste could not be handed over: ${message}`));
        fail(new Error(`the reader stopped while planning the import: ${message}`));
        settle({ status: "error", error: unexpectedError(new Error(message)) });
        end();
      };
      worker.postMessage({ kind: "read", id, input, settings });
      return {
        result,
        cancel: () => {
          settle({ status: "cancelled" });
          end();
        },
      };
    },
  };
}

/** Pastes at least this long (characters) are read in the worker. */
export const WORKER_THRESHOLD = 200_000;

/** Picks the inline reader for small pastes and the worker for large ones. */
export function createSizedReader(
  small: PasteReader,
  large: PasteReader,
  threshold = WORKER_THRESHOLD
): PasteReader {
  return {
    read(input, settings, onProgress) {
      const size = input.text.length + (input.html?.length ?? 0);
      return (size >= threshold ? large : small).read(input, settings, onProgress);
    },
  };
}

function unexpectedError(e: unknown): ReadError {
  const detail = e instanceof Error ? e.message : String(e);
  return { code: "unreadable", message: `The paste could not be read: ${detail}` };
}
