// The structure of committee-style tables: labels, periods, changes, shares, totals.
export { readStructured, readStructuredGrid, sheetGrid } from "./readStructured";
export { cellGrid, type CellGrid } from "./cellLines";
export type {
  ColumnRole,
  StructuredColumn,
  StructuredRead,
  StructuredRow,
  StructuredTable,
  UnreadLine,
} from "./types";
