// A PDF's bytes to positioned text runs (core/read/pdf's PdfText), with Mozilla's PDF.js.
// PDF.js ships as an ES module; it is loaded with a dynamic import that the CommonJS
// build of the command-line tool keeps as it is (TypeScript would turn a plain
// `import()` into `require()`, which cannot load it). The legacy build runs on Node 20.
import type { PdfPage, PdfText, PdfTextRun } from "../../core/read/pdf";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
type PdfPageProxy = Awaited<ReturnType<PdfDocument["getPage"]>>;

/** A module specifier imported natively, never rewritten by the compiler. */
const importModule = new Function("specifier", "return import(specifier)") as (
  specifier: string
) => Promise<unknown>;

let pdfjs: Promise<PdfJs> | null = null;

/** PDF.js, loaded once (a module the bundler or Node resolves). */
export function loadPdfJs(
  load: () => Promise<unknown> = () => importModule("pdfjs-dist/legacy/build/pdf.mjs")
): Promise<PdfJs> {
  pdfjs ??= load() as Promise<PdfJs>;
  return pdfjs;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

const isTextItem = (x: unknown): x is TextItemLike =>
  typeof x === "object" && x !== null && "str" in x && "transform" in x;

async function pageText(doc: PdfDocument, number: number): Promise<PdfPage> {
  const page: PdfPageProxy = await doc.getPage(number);
  const view = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: PdfTextRun[] = [];
  for (const item of content.items) {
    if (!isTextItem(item) || item.str.trim() === "") continue;
    // The viewport turns PDF space (y up, possibly rotated) into page space (y down).
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
    const [x, y] = view.convertToViewportPoint(e, f) as [number, number];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    runs.push({ text: item.str, x, y, width: item.width, size });
  }
  page.cleanup();
  return { page: number, width: view.width, height: view.height, runs };
}

export interface ExtractOptions {
  /** Which of the document's pages to read (1-based); every page when not given. */
  pages?: (pageCount: number) => number[];
}

/** The positioned text of a PDF's pages. Throws when the bytes are not a PDF PDF.js can open. */
export async function extractPdfText(
  bytes: Uint8Array,
  opts: ExtractOptions = {}
): Promise<PdfText> {
  const lib = await loadPdfJs();
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const task = lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const wanted = opts.pages
      ? opts.pages(doc.numPages)
      : [...Array(doc.numPages).keys()].map((i) => i + 1);
    const pages: PdfPage[] = [];
    for (const n of wanted) pages.push(await pageText(doc, n));
    return { pageCount: doc.numPages, pages };
  } finally {
    await task.destroy();
  }
}
