// A 20 MB paste in the task pane (issue 10): what the read worker does (read, check,
// flag: off the UI thread), what reaches the UI thread when the read ends (the preview's
// slice), and Import: inside Excel the worker plans every sheet and Office.js request
// where the paste lies, and only the requests cross to the UI thread (importPlanned); the
// in-browser workbook is still handed the whole analysis (importHandOverReply).
import { deserialize, serialize } from "v8";
import { createReadServer } from "../src/taskpane/worker/serveRead";
import type { WorkerReply } from "../src/taskpane/worker/pasteReader";
import { defaultSettings } from "../src/taskpane/host/workbookHost";
import type { ImportRequest } from "../src/taskpane/host/importPlan";
import { bigPaste } from "../test/support/bigPaste";
import type { WriteOp } from "../src/writers/officejs/planWrites";

const MB = 1e6;

const heapMB = (): number => Math.round(process.memoryUsage().heapUsed / MB);

/** A postMessage: the structured clone, serialised by the sender and read by the receiver. */
function postMs(message: unknown): { sendMs: number; receiveMs: number; MB: number } {
  const s0 = performance.now();
  const wire = serialize(message);
  const s1 = performance.now();
  deserialize(wire);
  const s2 = performance.now();
  return {
    sendMs: Math.round(s1 - s0),
    receiveMs: Math.round(s2 - s1),
    MB: Number((wire.length / MB).toFixed(1)),
  };
}

function readFigures(mb: number) {
  const text = bigPaste({ bytes: mb * MB }).text;
  const heapBefore = heapMB();
  let peakHeap = heapBefore;
  const stages: Record<string, number> = {};
  const replies: WorkerReply[] = [];
  let last = performance.now();
  // The worker's own code, as readWorker runs it.
  const serve = createReadServer((reply) => {
    replies.push(reply);
    if (reply.kind !== "progress") return;
    peakHeap = Math.max(peakHeap, heapMB());
    const now = performance.now();
    stages[`until ${reply.progress.stage} ${reply.progress.fraction ?? ""}`.trim()] = Math.round(
      now - last
    );
    last = now;
  });
  const t0 = performance.now();
  serve({ kind: "read", id: 1, input: { text, source: "paste" }, settings: defaultSettings });
  const workerMs = Math.round(performance.now() - t0);
  peakHeap = Math.max(peakHeap, heapMB());
  const done = replies.find((r) => r.kind === "done");
  if (done?.kind !== "done" || done.outcome.status !== "ok")
    throw new Error(`the big paste did not read: ${JSON.stringify(done)}`);
  const readReply = postMs(done);
  // Import inside Excel: planned in the worker against an empty workbook.
  const request: ImportRequest = {
    book: { sheetNames: ["Sheet1"], tableNames: [], definitions: null, values: new Map() },
    facts: {
      sheets: [{ name: "Sheet1", visibility: "Visible" }],
      tableNames: [],
      onSheet: new Map(),
    },
    area: "Merton",
    period: "",
    settings: defaultSettings,
    importedOn: "2026-11-22",
  };
  const heapBeforePlan = heapMB();
  const p0 = performance.now();
  serve({ kind: "plan", id: 1, request });
  const planMs = Math.round(performance.now() - p0);
  const heapAfterPlan = heapMB();
  const planned = replies.find((r) => r.kind === "planned");
  if (planned?.kind !== "planned")
    throw new Error(`not planned: ${JSON.stringify(replies.at(-1))}`);
  const batchReplies = replies.filter((r) => r.kind === "batch");
  const batches = batchReplies.map((r) =>
    r.kind === "batch" ? (JSON.parse(r.json) as WriteOp[]) : []
  );
  const requestBytes = batches.map((b) => b.reduce((n, op) => n + op.bytes, 0));
  const plannedReply = postMs(planned);
  // What the UI thread takes in turns: each request's clone, one message at a time.
  const received = batchReplies.map((r) => {
    const clone = postMs(r);
    const t0 = performance.now();
    if (r.kind === "batch") JSON.parse(r.json);
    return { ...clone, receiveMs: clone.receiveMs + Math.round(performance.now() - t0) };
  });
  const importPlanned = {
    workerPlanMs: planMs,
    workerHeapGrowthMB: heapAfterPlan - heapBeforePlan,
    sheets: planned.planned.sheets,
    requests: batches.length,
    maxRequestMB: Number((Math.max(...requestBytes) / MB).toFixed(2)),
    plannedReply,
    requestReplies: {
      messages: received.length,
      longestReceiveMs: Math.max(...received.map((r) => r.receiveMs)),
      totalReceiveMs: received.reduce((n, r) => n + r.receiveMs, 0),
      MB: Number(received.reduce((n, r) => n + r.MB, 0).toFixed(1)),
    },
  };
  replies.length = 0;
  serve({ kind: "whole", id: 1 });
  const whole = replies.find((r) => r.kind === "whole");
  if (whole?.kind !== "whole") throw new Error("the worker kept no whole analysis");
  const wholeReply = postMs(whole);
  const { tables, issues, anomalies } = whole.analysis;
  return {
    figures: {
      pasteMB: Number((text.length / MB).toFixed(1)),
      rows: tables.reduce((n, t) => n + t.rows.length, 0),
      issues: issues.length,
      highlights: anomalies.length,
      workerMs,
      workerStageMs: stages,
      workerPeakHeapGrowthMB: peakHeap - heapBefore,
      previewSliceReply: readReply,
      importHandOverReply: wholeReply,
    },
    importPlanned,
    tables,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const read = readFigures(20);
  const read20 = read.figures;
  read.tables.length = 0;

  return {
    read20MB: read20,
    importPlanned: read.importPlanned,
    note: "workerMs and workerPlanMs run in the read worker, off the UI thread; the UI thread receives the planned requests one message per request (requestReplies.longestReceiveMs is the longest the pane is held) and sends them to Excel one request at a time, each under 5 MB. The read's reply is the preview's slice (first 200 rows and first 200 flagged rows per table, with totals): its receiveMs is the UI thread's share of a read, besides rendering those rows. The whole analysis crosses over only when Import asks for it (importHandOverReply).",
  };
}
