// The Web Worker that reads large pastes off the UI thread (issue 10: a 20 MB paste must
// not freeze the pane), and PDFs opened or dropped in the pane. It answers each request
// with progress messages, then the outcome.
import type { WorkerReply, WorkerRequest } from "./readTypes";
import { createReadServer } from "./serveRead";
import { loadPdfJsInBrowser } from "./loadPdfJsInBrowser";

/** The worker's global scope, typed by the two members used (tsconfig's lib is DOM, not WebWorker). */
const scope = self as unknown as {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: WorkerReply): void;
};

// PDF.js loads (a chunk of its own) only when a PDF is first opened.
const serve = createReadServer((reply) => scope.postMessage(reply), loadPdfJsInBrowser);
scope.onmessage = (event) => serve(event.data);
