// How the pane reads a paste: a job with progress that can be cancelled. Small pastes
// are read on the spot; large ones in a Web Worker so the pane never freezes
// (issue 10: a 20 MB paste). Components depend on this interface only.
import type { ReadError } from "../../core/model";
import { reasonOf } from "../../app/errors";
import { isSpreadsheetFile } from "../../app/spreadsheetFiles";
import { createWorkerPlanner } from "./workerPlanner";
import type {
  AnalyseFn,
  PasteAnalysis,
  PasteReader,
  ReadJob,
  ReadOutcome,
  ReadProgress,
  WorkerLike,
  WorkerRequest,
} from "./readTypes";

export type {
  OpenedFile,
  PasteAnalysis,
  PasteReader,
  ReadOutcome,
  ReadProgress,
  WorkerLike,
  WorkerReply,
  WorkerRequest,
} from "./readTypes";

/** Rows per table the preview shows (and a large paste's slice holds). */
export const PREVIEW_ROWS = 200;

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

/**
 * The inline reader with its reading code loaded on the first paste: the pane becomes
 * interactive without the readers and checks, which most of its start-up would otherwise be.
 */
export function createLazyInlineReader(load: () => Promise<AnalyseFn>): PasteReader {
  let loading: Promise<PasteReader> | null = null;
  return {
    read(input, settings, onProgress) {
      let cancelled = false;
      let job: ReadJob | null = null;
      loading ??= load().then(createInlineReader);
      const result = loading.then(
        (reader): Promise<ReadOutcome> | ReadOutcome => {
          if (cancelled) return { status: "cancelled" };
          job = reader.read(input, settings, onProgress);
          return job.result;
        },
        (e: unknown): ReadOutcome => {
          loading = null;
          return { status: "error", error: unexpectedError(e) };
        }
      );
      return {
        result,
        cancel() {
          cancelled = true;
          job?.cancel();
        },
      };
    },
  };
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
  const run = (
    request: (id: number) => WorkerRequest,
    onProgress?: (p: ReadProgress) => void,
    transfer?: Transferable[]
  ): ReadJob => {
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
    worker.postMessage(request(id), transfer);
    return {
      result,
      cancel: () => {
        settle({ status: "cancelled" });
        end();
      },
    };
  };
  return {
    read: (input, settings, onProgress) =>
      run((id) => ({ kind: "read", id, input, settings }), onProgress),
    // A copy of the bytes crosses (transferred, not cloned): the pane keeps its own to read again.
    readFile: ({ name, bytes, knownAreas }, settings, onProgress) => {
      const copy = bytes.slice(0);
      const request = (id: number): WorkerRequest =>
        isSpreadsheetFile(name)
          ? { kind: "spreadsheet", id, name, bytes: copy, settings, knownAreas }
          : { kind: "pdf", id, name, bytes: copy, settings };
      return run(request, onProgress, [copy]);
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
    readFile: large.readFile?.bind(large) ?? small.readFile?.bind(small),
  };
}

function unexpectedError(e: unknown): ReadError {
  const detail = reasonOf(e);
  return { code: "unreadable", message: `The paste could not be read: ${detail}` };
}
