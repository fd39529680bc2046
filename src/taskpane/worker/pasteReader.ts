// How the pane reads a paste: a job with progress that can be cancelled. Small pastes
// are read on the spot; large ones in a Web Worker so the pane never freezes
// (issue 10: a 20 MB paste). Components depend on this interface only.
import type { Anomaly, CrimeTable, Issue, ReadError } from "../../core/model";
import type { HighlightSettings, PastedInput } from "../host/workbookHost";

/** What the preview shows and Import writes. */
export interface PasteAnalysis {
  tables: CrimeTable[];
  issues: Issue[];
  anomalies: Anomaly[];
}

export type ReadOutcome =
  | { status: "ok"; analysis: PasteAnalysis }
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
export type WorkerRequest = { id: number; input: PastedInput; settings: HighlightSettings };
export type WorkerReply =
  | { id: number; kind: "progress"; progress: ReadProgress }
  | { id: number; kind: "done"; outcome: ReadOutcome };

/** The part of a Worker the reader uses (a real Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/**
 * Reads in a worker. Cancel terminates the worker outright (reading is one synchronous
 * call inside it, so there is nothing gentler to interrupt), and the next read starts a
 * fresh one.
 */
export function createWorkerReader(makeWorker: () => WorkerLike): PasteReader {
  let nextId = 1;
  return {
    read(input, settings, onProgress) {
      const id = nextId++;
      const worker = makeWorker();
      let settle: (outcome: ReadOutcome) => void = () => undefined;
      const result = new Promise<ReadOutcome>((resolve) => {
        settle = (outcome) => {
          worker.onmessage = null;
          worker.onerror = null;
          worker.terminate();
          resolve(outcome);
        };
      });
      worker.onmessage = (event) => {
        const reply = event.data;
        if (reply.id !== id) return;
        if (reply.kind === "progress") onProgress?.(reply.progress);
        else settle(reply.outcome);
      };
      worker.onerror = (event) =>
        settle({
          status: "error",
          error: unexpectedError(new Error(event.message ?? "the reader stopped")),
        });
      worker.postMessage({ id, input, settings });
      return { result, cancel: () => settle({ status: "cancelled" }) };
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
