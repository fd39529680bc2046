// The tables of a PDF's text: lines are grouped from positioned runs, page furniture is
// dropped, blocks of aligned chunks are laid out as rows of cells, and the document
// becomes lines that the paste's own table recognition reads (findTables), each block
// with the text above it, so a table from a PDF is recognised and typed exactly as a
// paste of it would be. Each
// table keeps the page it starts on and takes its area from the nearest heading above it.
import type { CrimeTable, ReadError } from "../../model";
import { problem, type Result } from "../../result";
import { findTables, type FindContext } from "../findTables";
import { parsePeriodLine } from "../parseDate";
import { readProblem } from "../readProblems";
import type { SourceGrid, SourceLine } from "../sourceLines";
import { dropFurniture } from "./dropFurniture";
import { findBlocks } from "./findBlocks";
import { groupLines, lineText } from "./groupLines";
import { headingArea } from "./headingArea";
import { isFigure } from "./findBlocks";
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

/**
 * The document as one grid, with each line's table's page and the area of the heading
 * above it; cut into sections, each a table's block and the text since the last one.
 */
interface PdfGrid {
  grid: SourceGrid;
  /** The page each line's table (its block) starts on: its heading may end a page. */
  startOf: number[];
  areaOf: (string | null)[];
  sections: Section[];
  unreadable: UnreadablePdfTable[];
}

/** Lines `from` to `to` of the grid (its block's from `block`), and the period in force before them. */
interface Section {
  from: number;
  block: number;
  to: number;
  period: string | null;
  /** The page the block starts on, and whether it holds rows of figures (a table to find). */
  page: number;
  figures: boolean;
}

function gridOf(text: PdfText): PdfGrid {
  const lines = dropFurniture(text.pages.flatMap(groupLines), text.pages.length);
  const out: PdfGrid = {
    grid: { spaced: false, lines: [] },
    startOf: [],
    areaOf: [],
    sections: [],
    unreadable: [],
  };
  let area: string | null = null;
  let period: string | null = null;
  /** The period in force where the current section begins. */
  let sectionPeriod: string | null = null;
  let from = 0;
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
      period = parsePeriodLine(text)?.iso ?? period;
      continue;
    }
    const layout = layoutBlock(s.lines);
    if (!layout.ok) {
      const message = layout.unlabelled
        ? pdfMessages.unlabelledTable(layout.page)
        : pdfMessages.unreadableTable(layout.page);
      out.unreadable.push({ page: layout.page, message });
      continue;
    }
    const start = layout.rows[0]?.page ?? 0;
    const block = out.grid.lines.length;
    for (const r of layout.rows) add(r.cells, start);
    const figures = layout.rows.filter((r) => r.cells.some(isFigure)).length >= 2;
    const to = out.grid.lines.length;
    out.sections.push({ from, block, to, period: sectionPeriod, page: start, figures });
    from = to;
    sectionPeriod = period;
  }
  return out;
}

/**
 * The tables of each section, read apart so that no table's rows run on into another
 * block; a table with no period line of its own takes the one in force above it.
 */
function tablesOf(pdf: PdfGrid, ctx: FindContext): CrimeTable[] {
  return pdf.sections.flatMap((s) => {
    const tables = findTables({ spaced: false, lines: pdf.grid.lines.slice(s.from, s.to) }, ctx);
    // Rows of figures that no reader took are listed, not passed over in silence.
    const read = tables.some((t) => t.rows.some((r) => r.line > s.block && r.line <= s.to));
    if (s.figures && !read)
      pdf.unreadable.push({ page: s.page, message: pdfMessages.unreadableTable(s.page) });
    return tables.map((t) => ({ ...t, periodEnding: t.periodEnding ?? s.period }));
  });
}

function hasText(text: PdfText): boolean {
  return text.pages.some((p) => p.runs.some((r) => r.text.trim() !== ""));
}

export function readPdfTables(text: PdfText, opts: ReadPdfOptions): PdfTablesResult {
  if (!hasText(text))
    return { ok: false, error: problem("unreadable", pdfMessages.noTextLayer(opts.source)) };
  const pdf = gridOf(text);
  const { grid, startOf, areaOf, unreadable } = pdf;
  const userArea = opts.area?.trim() ? opts.area.trim() : null;
  const found = tablesOf(pdf, { source: opts.source, userArea, fileArea: null });
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
