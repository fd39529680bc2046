// The declarative description of a workbook: what layout produces and what both writers
// (Office.js and .xlsx) apply. Plain data: no Office, no ExcelJS, no DOM.
//
// Coordinates are 0-based (row 0, col 0 is A1). Formulas are written without the
// leading "=" and use English function names with "," separators (as Office.js
// `formulas` and the OOXML file format both expect).

/** A named style; writers map each to fill/font/border. Keeps layouts free of colours. */
export type StyleName =
  | "title"
  | "subtitle"
  | "note"
  | "header"
  | "label"
  | "total"
  | "generated-banner"
  | "legend-increase"
  | "legend-decrease"
  | "legend-mismatch"
  | "legend-small-base"
  | "legend-rate-drop"
  | "legend-outlier"
  | "rag-red"
  | "rag-amber"
  | "rag-green"
  | "hidden-data";

/**
 * One cell. Exactly one of `text`, `number`, `bool`, `formula` (or none, for an empty
 * styled cell). `text` is always written as text, even when it starts with "=", "+",
 * "-" or "@": pasted data never becomes a formula. Only `formula` (built by our own
 * layout code) is written as a formula.
 */
export interface CellSpec {
  text?: string;
  number?: number;
  bool?: boolean;
  formula?: string;
  /**
   * With `formula`: the sheet row (0-based) `formula` is written for. The cell may then
   * stand in any row of its column, where its relative row references move by the
   * difference, as when Excel fills a formula down (read it with `formulaAt`). One such
   * cell serves a whole column of per-row formulas: a 150,000-row paste would otherwise
   * hold a formula string for every row and column.
   */
  formulaRow?: number;
  /** Excel number format, e.g. "#,##0", "0.0%", "0.0", "0.000". */
  numFmt?: string;
  style?: StyleName;
  /** Internal link target, e.g. "'Merton 2017-08-01'!E12". */
  link?: string;
  /** Optional comment/note on the cell. */
  note?: string;
}

/** A rectangular block of cells with its top-left corner. Rows may be ragged (missing = empty). */
export interface BlockSpec {
  row: number;
  col: number;
  cells: (CellSpec | null)[][];
}

/** An Excel table (ListObject) over a range whose first row holds the headers. */
export interface TableSpec {
  /** Table name: letters, digits, underscores; unique in the workbook. */
  name: string;
  row: number;
  col: number;
  /** Number of rows including the header row. */
  rows: number;
  cols: number;
  style?: string;
}

/** Colour + text/icon pairing is the layout's job; the format itself is a fill/font. */
export interface FormatSpec {
  fill?: string; // "#RRGGBB"
  fontColor?: string; // "#RRGGBB"
  bold?: boolean;
  italic?: boolean;
}

/**
 * A conditional format: an expression rule evaluated relative to the top-left cell of
 * the range (as Excel's "Use a formula" rules are).
 */
export interface ConditionalFormatSpec {
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** Formula without "=", relative to the range's top-left cell. */
  formula: string;
  format: FormatSpec;
  /** Higher priority first; writers keep the order given. */
  stopIfTrue?: boolean;
}

export interface ChartSeriesSpec {
  name: string;
  /** Range of values, e.g. "'Trend Merton'!C5:H5". */
  values: string;
}

export interface ChartSpec {
  type: "line" | "column" | "bar";
  title: string;
  /** Range of category labels, e.g. "'Trend Merton'!C4:H4". */
  categories: string;
  series: ChartSeriesSpec[];
  /** Anchor: top-left cell and size in cells. */
  row: number;
  col: number;
  width: number;
  height: number;
}

export type SheetRole = "data" | "checks" | "comparison" | "trend" | "monitoring" | "definitions";

export interface SheetSpec {
  /** Final sheet name (already unique and valid: layout plans names). */
  name: string;
  role: SheetRole;
  /** Generated sheets are rebuilt by refresh; data sheets belong to the user. */
  generated: boolean;
  /** Column widths in characters, by column index. */
  columnWidths?: number[];
  blocks: BlockSpec[];
  tables: TableSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  /** Freeze panes: rows/cols frozen at the top/left. */
  freeze?: { rows: number; cols: number };
  /** "visible", or "veryHidden" for the definitions sheet. */
  visibility?: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /**
   * Sheets to delete before applying `sheets` (optional; added for refresh): generated
   * sheets of an earlier build that the new build no longer produces.
   */
  removeSheets?: string[];
}
