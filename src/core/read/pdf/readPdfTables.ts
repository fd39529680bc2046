// The tables of a PDF's text: lines are grouped from positioned runs, page furniture is
// dropped, blocks of aligned chunks are laid out as rows of cells, and the whole document
// becomes one grid of lines that the paste's own table recognition reads (findTables),
// so a table from a PDF is recognised and typed exactly as a paste of it would be. Each
// table keeps the page it starts on and takes its area from the nearest heading above it.
import type { CrimeTable, ReadError } from "../../model";
import { problem, type Result } from "../../result";
import { findTables } from "../findTables";
import { readProblem } from "../readProblems";
import type { SourceGrid, SourceLine } from "../sourceLines";
import { dropFurniture } from "./dropFurniture";
import { findBlocks } from "./findBlocks";
import { groupLines, lineText } from "./groupLines";
import { headingArea } from "./headingArea";
import { layoutBlock } from "./layoutBlock";
import { pdfMessages } from "./pdfMessages";
import type { PdfText } from "./pdfText";

export interface ReadPdfOptions {
  /** The file's name as the user knows it. */
  source: string;
  /** Area named by the user: wins over every heading. */
  area?: string;
}

/** A table whose columns could not be told apart: listed, never guessed at. */
export interface UnreadablePdfTable {
  page: number;
  message: string;
}

export type PdfTablesResult = Result<
  { tables: CrimeTable[]; unreadable: UnreadablePdfTable[] },
  { error: ReadError }
>;

/** The document as one grid, with each line's table's page and the area of the heading above it. */
interface PdfGrid {
  grid: SourceGrid;
  /** The page each line's table (its block) starts on: its heading may end a page. */
  startOf: number[];
  areaOf: (string | null)[];
  unreadable: UnreadablePdfTable[];
}

function gridOf(text: PdfText): PdfGrid {
  const lines = dropFurniture(text.pages.flatMap(groupLines), text.pages.length);
  const out: PdfGrid = {
    grid: { spaced: false, lines: [] },
    startOf: [],
    areaOf: [],
    unreadable: [],
  };
  let area: string | null = null;
  const add = (cells: string[], start: number) => {
    const line: SourceLine = { line: out.grid.lines.length + 1, cells };
    out.grid.lines.push(line);
    out.startOf.push(start);
    out.areaOf.push(area);
  };
  for (const s of findBlocks(lines)) {
    if (s.kind === "text") {
      const text = lineText(s.line);
      area = headingArea(text) ?? area;
      add([text], s.line.page);
      continue;
    }
    const layout = layoutBlock(s.lines);
    if (!layout.ok) {
      out.unreadable.push({ page: layout.page, message: pdfMessages.unreadableTable(layout.page) });
      continue;
    }
    // A blank line apart from what is around it, as a paste would have.
    const start = layout.rows[0]?.page ?? 0;
    add([], start);
    for (const r of layout.rows) add(r.cells, start);
    add([], start);
  }
  return out;
}

function hasText(text: PdfText): boolean {
  return text.pages.some((p) => p.runs.some((r) => r.text.trim() !== ""));
}

export function readPdfTables(text: PdfText, opts: ReadPdfOptions): PdfTablesResult {
  if (!hasText(text))
    return { ok: false, error: problem("unreadable", pdfMessages.noTextLayer(opts.source)) };
  const { grid, startOf, areaOf, unreadable } = gridOf(text);
  const userArea = opts.area?.trim() ? opts.area.trim() : null;
  const found = findTables(grid, { source: opts.source, userArea, fileArea: null });
  const error = found.length > 0 ? readProblem(grid, found) : null;
  if (error) return { ok: false, error };
  if (found.length === 0 && unreadable.length === 0)
    return { ok: false, error: problem("no-table", pdfMessages.noTable(opts.source)) };
  const tables = found.map((t): CrimeTable => {
    const first = (t.rows[0]?.line ?? 1) - 1;
    const area = userArea ?? areaOf[first] ?? t.area;
    return { ...t, area, page: startOf[first] ?? 0 };
  });
  return { ok: true, tables, unreadable };
}
