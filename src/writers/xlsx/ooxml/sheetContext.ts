// What the sheet writer is given besides the sheet: the workbook's style and string tables,
// the relationship ids its caller assigned, and the cells of the user it keeps.
import type { StyleTable } from "./styleTable";
import type { SharedStrings } from "./sharedStrings";

/** Cells of the user on a generated sheet that survive a refresh: raw `<c>` XML by row. */
export type KeptCells = Map<number, { col0: number; xml: string }[]>;

/** A note (legacy comment) on a cell, 0-based. */
export interface SheetNote {
  row: number;
  col: number;
  text: string;
}

export interface SheetContext {
  styles: StyleTable;
  /** Relationship ids of the sheet's tables, in the order of `sheet.tables`. */
  tableRelIds: readonly string[];
  /** Relationship id of the sheet's drawing (its charts), when it has one. */
  drawingRelId?: string;
  /** Relationship id of the VML drawing of the sheet's notes, used when it has notes. */
  legacyDrawingRelId?: string;
  /** The sheet the workbook opens on. */
  tabSelected?: boolean;
  keep?: KeptCells;
  /** Shared strings for text that needs Excel's escapes; all text is inline without it. */
  sharedStrings?: SharedStrings;
  /** Filled with the notes of the sheet's cells as its rows are written. */
  notes?: SheetNote[];
}
