// A pasted table as lines of cells, whatever separated its cells: tabs (Excel, web pages),
// "|" (markdown and some web copies), " / " (Word tables pasted as text), commas (CSV),
// HTML cells, or nothing but spaces (a PDF copy, split later by splitSpacedCells).

import { detectFormat } from "../detectFormat";
import { csvLines } from "../readCsv";
import { htmlLines } from "../readHtml";
import {
  cleanCell,
  isBlankLine,
  splitLines,
  tsvLines,
  type SourceGrid,
  type SourceLine,
} from "../sourceLines";
import type { StructuredTable } from "./types";

export type CellLayout = Exclude<StructuredTable["layout"], "long-csv">;

export interface CellGrid extends SourceGrid {
  layout: CellLayout;
  /** Lines that only draw a table's rule ("---|---"): layout, not data. */
  rules: Set<number>;
}

const RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Share of the non-blank lines (of the first 400) that `test` accepts. */
function shareOfLines(lines: string[], test: (l: string) => boolean): number {
  const filled = lines.filter((l) => l.trim() !== "").slice(0, 400);
  if (filled.length === 0) return 0;
  return filled.filter(test).length / filled.length;
}

/** Cells of a "|"-separated line: the outer bars drawn at either end are not cells. */
function pipeCells(line: string): string[] {
  let t = line.trim();
  if (t.startsWith("|")) t = t.slice(1);
  if (t.endsWith("|")) t = t.slice(0, -1);
  return t.split("|").map(cleanCell);
}

function pipeGrid(text: string): CellGrid {
  const rules = new Set<number>();
  const lines = splitLines(text).map((l, i) => {
    if (RULE.test(l)) rules.add(i + 1);
    return { line: i + 1, cells: RULE.test(l) ? [""] : pipeCells(l) };
  });
  return { spaced: false, lines, layout: "pipe", rules };
}

/** Cells of a " / "-separated line; a separator left at either end of the line is not text. */
function slashCells(line: string): string[] {
  return line.split(" / ").map((c) =>
    cleanCell(c)
      .replace(/^\/(?:\s|$)|(?:^|\s)\/$/g, "")
      .trim()
  );
}

/**
 * Whether a line continues the last cell of the line above: Word breaks a cell over lines,
 * and the copy starts the next line with the cell's rest, a piece in brackets ("(3%)",
 * "(30 September 2013)"), then the row's further cells.
 */
function continuesAbove(line: SourceLine, above: SourceLine): boolean {
  return !isBlankLine(above) && /^\([^()]*\)$/.test(line.cells[0] as string);
}

/** The line above with `next`'s cells after its own, the first joined to its last cell. */
function joinLines(above: SourceLine, next: SourceLine): SourceLine {
  const head = above.cells.slice(0, -1);
  const last = `${above.cells[above.cells.length - 1] as string} ${next.cells[0] as string}`;
  return {
    line: above.line,
    cells: [...head, last.trim(), ...next.cells.slice(1)],
    alsoLines: [...(above.alsoLines ?? []), next.line],
  };
}

function slashGrid(text: string): CellGrid {
  const lines: SourceLine[] = [];
  splitLines(text).forEach((l, i) => {
    const line: SourceLine = { line: i + 1, cells: slashCells(l) };
    const above = lines[lines.length - 1];
    if (above && continuesAbove(line, above)) lines[lines.length - 1] = joinLines(above, line);
    else lines.push(line);
  });
  return { spaced: false, lines, layout: "slash", rules: new Set() };
}

/**
 * Whether comma-separated fields are the text's cells: its first line and most others split
 * into the same number (2 or more) of fields. A PDF copy has commas in its figures
 * ("3,455,173") and in names ("London, City of") but no steady count of fields.
 */
function steadyCsv(text: string): boolean {
  const grid = csvLines(text.slice(0, 200000));
  const filled = grid.lines.filter((l) => l.cells.some((c) => c !== "")).slice(0, 200);
  const width = filled[0]?.cells.length ?? 0;
  if (width < 2) return false;
  return filled.filter((l) => l.cells.length === width).length / filled.length >= 0.8;
}

/** The text's lines of cells, its separator told from the text itself. */
export function cellGrid(text: string): CellGrid {
  const format = detectFormat(text);
  const none = new Set<number>();
  if (format === "html") return { ...htmlLines(text), layout: "html", rules: none };
  if (format === "tsv") return { ...tsvLines(text), layout: "tab", rules: none };
  const lines = splitLines(text);
  if (shareOfLines(lines, (l) => l.includes("|")) >= 0.4) return pipeGrid(text);
  if (shareOfLines(lines, (l) => l.includes(" / ")) >= 0.3) return slashGrid(text);
  if (format === "csv" && steadyCsv(text)) return { ...csvLines(text), layout: "csv", rules: none };
  const spaced = lines.map((l, i) => ({ line: i + 1, cells: [cleanCell(l)] }));
  return { spaced: true, lines: spaced, layout: "spaced", rules: none };
}
