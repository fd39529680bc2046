// Reads the structure of committee-style tables from pasted text or a grid of cells: which
// columns are labels, which are periods, changes, shares or totals, which rows are totals,
// sections or changes between rows. Every non-blank line is read into a table or returned
// as unread with its line number and why.

import { buildTable } from "./buildTable";
import { cellGrid, type CellGrid } from "./cellLines";
import { lineShapes } from "./lineShapes";
import { readLongCsv } from "./longCsv";
import { segmentTables } from "./segmentTables";
import type { StructuredRead, StructuredTable, UnreadLine } from "./types";
import type { SourceGrid } from "../sourceLines";

/** The lines joined into each line of a grid (a Word cell broken over lines), by its line. */
type Joined = ReadonlyMap<number, number[]>;

function joinedLines(grid: CellGrid): Joined {
  const joined = new Map<number, number[]>();
  for (const l of grid.lines) if (l.alsoLines?.length) joined.set(l.line, l.alsoLines);
  return joined;
}

/**
 * A table with the lines joined into its title, headings, sections and rows counted as read
 * there: every line of the source stays accounted for.
 */
function withJoinedLines(t: StructuredTable, joined: Joined): StructuredTable {
  const spread = (lines: number[]) => lines.flatMap((l) => [l, ...(joined.get(l) ?? [])]);
  const titleAlso = t.titleLine === null ? undefined : joined.get(t.titleLine);
  return {
    ...t,
    ...(titleAlso ? { titleAlsoLines: titleAlso } : {}),
    headerLines: spread(t.headerLines),
    sectionLines: spread(t.sectionLines),
    rows: t.rows.map((r) => {
      const also = joined.get(r.line);
      return also ? { ...r, alsoLines: [...(r.alsoLines ?? []), ...also] } : r;
    }),
  };
}

/** A line not read, with the lines joined into it named: its note covers them too. */
function unreadWithJoined(u: UnreadLine, joined: Joined): UnreadLine {
  const also = joined.get(u.line);
  if (!also) return u;
  const last = also[also.length - 1] as number;
  const why = `${u.why} (lines ${u.line}-${last}: a cell broken over lines)`;
  return { ...u, why, alsoLines: also };
}

/** The tables of a grid of cells (a spreadsheet's sheet, or a paste already split). */
export function readStructuredGrid(grid: CellGrid): StructuredRead {
  if (grid.layout === "csv") {
    const long = readLongCsv(grid);
    if (long) return long;
  }
  const shapes = lineShapes(grid);
  const { blocks, unread } = segmentTables(shapes, grid.spaced);
  const tables = blocks.map((b) => buildTable(b, grid.layout));
  const joined = joinedLines(grid);
  if (joined.size === 0) return { tables, unread };
  return {
    tables: tables.map((t) => withJoinedLines(t, joined)),
    unread: unread.map((u) => unreadWithJoined(u, joined)),
  };
}

/** The tables of pasted text, its cell separator told from the text. */
export function readStructured(text: string): StructuredRead {
  return readStructuredGrid(cellGrid(text.replace(/\ufeff/g, "")));
}

/** A spreadsheet's sheet (rows of cell texts) as a grid the structure reader takes. */
export function sheetGrid(grid: SourceGrid): CellGrid {
  return { ...grid, layout: "tab", rules: new Set() };
}
