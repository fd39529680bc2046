// A paste as lines of cells, whatever its format: the common input of table recognition.

/** One line of the source: its 1-based line number and its cells (trimmed). */
export interface SourceLine {
  line: number;
  /** Cells as printed. Spaced text (a PDF copy) has one cell: the whole line. */
  cells: string[];
  /** Further lines joined into this one: the rest of a Word cell broken over lines. */
  alsoLines?: number[];
}

export interface SourceGrid {
  /** True when cell boundaries were lost (tabs became single spaces). */
  spaced: boolean;
  lines: SourceLine[];
}

/** Cells per line we keep; the rest of an absurdly wide row is dropped (bounds work). */
export const MAX_CELLS = 20000;

/** Splits text into lines on CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Collapses runs of white space (including no-break and thin spaces) and trims. */
export function cleanCell(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u2009\u202f\ufeff\u200b]+/g, " ").trim();
}

/** Tab-separated text as copied from a web page or Excel. */
export function tsvLines(text: string): SourceGrid {
  const lines = splitLines(text).map((l, i) => ({
    line: i + 1,
    cells: l.split("\t", MAX_CELLS).map(cleanCell),
  }));
  return { spaced: false, lines };
}

/** Text whose cell boundaries became single spaces (copied from a PDF). */
export function spacedLines(text: string): SourceGrid {
  const lines = splitLines(text).map((l, i) => ({ line: i + 1, cells: [cleanCell(l)] }));
  return { spaced: true, lines };
}

/** Whether a line holds nothing but empty cells. */
export function isBlankLine(l: SourceLine): boolean {
  return l.cells.every((c) => c === "");
}

/** How many cells of a line are not empty (no array made: asked of every line, often twice). */
export function filledCount(l: SourceLine): number {
  let n = 0;
  for (const c of l.cells) if (c !== "") n++;
  return n;
}

/** The non-empty cells of a line. */
export function filledCells(l: SourceLine): string[] {
  return l.cells.filter((c) => c !== "");
}

/**
 * Consecutive rows from line `start`, across blank lines between rows: `rowAt` reads a
 * line as a row, or gives null where the rows end. The rows, and the index past the last.
 */
export function rowsFrom<R>(
  lines: SourceLine[],
  start: number,
  rowAt: (l: SourceLine) => R | null
): { rows: R[]; end: number } {
  const rows: R[] = [];
  let j = start;
  while (j < lines.length) {
    const l = lines[j] as SourceLine;
    if (isBlankLine(l)) {
      let k = j + 1;
      while (k < lines.length && isBlankLine(lines[k] as SourceLine)) k++;
      if (k < lines.length && rowAt(lines[k] as SourceLine) !== null) {
        j = k;
        continue;
      }
      break;
    }
    const row = rowAt(l);
    if (row === null) break;
    rows.push(row);
    j++;
  }
  return { rows, end: j };
}
