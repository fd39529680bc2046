// The worker's side of the read protocol, apart from the worker global so it can be
// exercised directly: a read request gets progress messages and one outcome; a large
// paste's outcome is the preview's slice, and the whole is kept for one "whole" request.
import { analysePaste } from "./analysePaste";
import { analysePdf } from "./analysePdf";
import { analyseSpreadsheet } from "./analyseSpreadsheet";
import {
  PREVIEW_ROWS,
  type PasteAnalysis,
  type ReadOutcome,
  type ReadProgress,
  type WorkerReply,
  type WorkerRequest,
} from "./pasteReader";
import { slicePreview } from "./slicePreview";
import { planImport } from "../host/importPlan";
import type { WorkbookSpec } from "../../layout/spec";
import { reasonOf } from "../../app/errors";

/** Tables up to this many rows are sent whole; longer ones as the preview's slice. */
export const SLICE_ABOVE_ROWS = 1000;
/** Rows per table in a slice (first rows, and first rows with findings): the preview's own limit. */
export const SLICE_ROWS = PREVIEW_ROWS;

type FileRequest = Extract<WorkerRequest, { kind: "pdf" | "spreadsheet" }>;

/** Reads a file's bytes: progress, then one outcome (a file's tables are short: sent whole). */
async function serveFile(
  request: FileRequest,
  post: (reply: WorkerReply) => void,
  loadPdfJs?: () => Promise<unknown>
): Promise<void> {
  const { id, name, settings } = request;
  const bytes = new Uint8Array(request.bytes);
  const onProgress = (progress: ReadProgress) => post({ id, kind: "progress", progress });
  let outcome: ReadOutcome;
  try {
    if (request.kind === "spreadsheet") {
      onProgress({ stage: "reading" });
      outcome = await analyseSpreadsheet(name, bytes, settings, request.knownAreas);
    } else {
      const { area, pages } = request;
      const input = { name, bytes, area, pages, loadPdfJs };
      outcome = await analysePdf(input, settings, onProgress);
    }
  } catch (e) {
    const detail = reasonOf(e);
    outcome = {
      status: "error",
      error: { code: "unreadable", message: `${name} could not be read: ${detail}` },
    };
  }
  post({ id, kind: "done", outcome });
}

/** `loadPdfJs` loads PDF.js for a PDF request (the browser worker's own loader; Node's import when not given). */
export function createReadServer(
  post: (reply: WorkerReply) => void,
  loadPdfJs?: () => Promise<unknown>
): (request: WorkerRequest) => void {
  const kept = new Map<number, PasteAnalysis>();
  const planned = new Map<number, WorkbookSpec>();
  return (request) => {
    if (request.kind === "pdf" || request.kind === "spreadsheet") {
      void serveFile(request, post, loadPdfJs);
      return;
    }
    if (request.kind === "whole") {
      const analysis = kept.get(request.id);
      kept.delete(request.id);
      if (analysis) post({ id: request.id, kind: "whole", analysis });
      return;
    }
    if (request.kind === "plan" || request.kind === "spec") {
      const { id } = request;
      const analysis = kept.get(id);
      const failed = (message: string) => post({ id, kind: "failed", message });
      if (!analysis) return failed("the paste was let go: paste it again");
      if (request.kind === "spec") {
        const spec = planned.get(id);
        return spec
          ? post({ id, kind: "spec", spec })
          : failed("no import of this paste was planned");
      }
      try {
        // The whole paste stays here: planned where it lies, only the requests cross over.
        const plan = planImport(analysis.tables, request.request);
        planned.set(id, plan.spec);
        // Each request in a message of its own: one clone of 280 MB would hold the UI thread for seconds.
        const { batches } = plan.planned.write.plan;
        const write = { ...plan.planned.write, plan: { ...plan.planned.write.plan, batches: [] } };
        post({ id, kind: "planned", planned: { ...plan.planned, write }, batches: batches.length });
        batches.forEach((ops, index) =>
          post({ id, kind: "batch", index, json: JSON.stringify(ops) })
        );
      } catch (e) {
        failed(reasonOf(e));
      }
      return;
    }
    const { id, input, settings } = request;
    let outcome: ReadOutcome;
    try {
      outcome = analysePaste(input, settings, (progress) =>
        post({ id, kind: "progress", progress })
      );
    } catch (e) {
      // The core returns bad data as values; a throw here is a bug, reported rather than hung on.
      const detail = reasonOf(e);
      outcome = {
        status: "error",
        error: { code: "unreadable", message: `The paste could not be read: ${detail}` },
      };
    }
    if (
      outcome.status === "ok" &&
      outcome.analysis.tables.some((t) => t.rows.length > SLICE_ABOVE_ROWS)
    ) {
      kept.set(id, outcome.analysis);
      outcome = { status: "ok", analysis: slicePreview(outcome.analysis, SLICE_ROWS) };
    }
    post({ id, kind: "done", outcome });
  };
}
