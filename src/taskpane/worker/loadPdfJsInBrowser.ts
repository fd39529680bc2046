// PDF.js for the pane's read worker: the library, and its own worker started beside it
// (a worker may start workers). Webpack turns `new Worker(new URL(…, import.meta.url))`
// into a chunk of its own, loaded only when a PDF is first opened. (Importing PDF.js's
// worker module into the read worker instead would take over the read worker's messages.)
type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

export async function loadPdfJsInBrowser(): Promise<PdfJs> {
  const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
  lib.GlobalWorkerOptions.workerPort = new Worker(
    new URL("pdfjs-dist/legacy/build/pdf.worker.mjs", import.meta.url),
    { type: "module" }
  );
  return lib;
}
