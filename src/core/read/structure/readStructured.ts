// Reads the structure of committee-style tables from pasted text or a grid of cells: which
// columns are labels, which are periods, changes, shares or totals, which rows are totals,
// sections or changes between rows. Every non-blank line is read into a table or returned
// as unread with its line number and why.

import { buildTable } from "./buildTable";
import { cellGrid, type CellGrid } from "./cellLines";
import { lineShapes } from "./lineShapes";
import { readLongCsv } from "./longCsv";
import { segmentTables } from "./segmentTables";
import type { StructuredRead } from "./types";
import type { SourceGrid } from "../sourceLines";

/** The tables of a grid of cells (a spreadsheet's sheet, or a paste already split). */
export function readStructuredGrid(grid: CellGrid): StructuredRead {
  if (grid.layout === "csv") {
    const long = readLongCsv(grid);
    if (long) return long;
  }
  const shapes = lineShapes(grid);
  const { blocks, unread } = segmentTables(shapes, grid.spaced);
  const tables = blocks.map((b) => buildTable(b, grid.layout));
  return { tables, unread };
}

/** The tables of pasted text, its cell separator told from the text. */
export function readStructured(text: string): StructuredRead {
  return readStructuredGrid(cellGrid(text.replace(/\ufeff/g, "")));
}

/** A spreadsheet's sheet (rows of cell texts) as a grid the structure reader takes. */
export function sheetGrid(grid: SourceGrid): CellGrid {
  return { ...grid, layout: "tab", rules: new Set() };
}
