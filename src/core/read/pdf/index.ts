// Tables from a PDF's positioned text (read by src/readers/pdf): pure, like every reader.
export {
  readPdfTables,
  type ReadPdfOptions,
  type PdfTablesResult,
  type UnreadablePdfTable,
} from "./readPdfTables";
export { parsePageRange, pagesIn } from "./pageRange";
export { pdfMessages } from "./pdfMessages";
export type { PdfText, PdfPage, PdfTextRun } from "./pdfText";
