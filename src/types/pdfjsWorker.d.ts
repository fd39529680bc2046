// PDF.js's worker module, imported by the pane's read worker to run PDF.js in its thread.
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
