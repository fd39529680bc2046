// The text of a PDF as positioned runs, the input of table detection. The reader that
// fills it (PDF.js, outside the core) gives each run's baseline and extent in points,
// y growing down the page, so detection never touches a PDF library.

/** One run of text on a page, as the PDF draws it. */
export interface PdfTextRun {
  text: string;
  /** Left edge, points from the left of the page. */
  x: number;
  /** Baseline, points from the top of the page. */
  y: number;
  width: number;
  /** Font size in points (the run's height). */
  size: number;
}

export interface PdfPage {
  /** 1-based page number in the document. */
  page: number;
  width: number;
  height: number;
  runs: PdfTextRun[];
}

/** A document's pages as read (only those asked for), and how many it has in all. */
export interface PdfText {
  pageCount: number;
  pages: PdfPage[];
}
