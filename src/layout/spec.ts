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
  | "hidden-data"
  /** A hyperlink's text: blue and underlined, as a reader expects a link to look. */
  | "link";

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
  /** Scatter charts: the range of x values (the chart's `categories` is then unused). */
  xValues?: string;
  /**
   * How the series is drawn: "line" (a line, no markers: limits, means), "markers"
   * (points only: funnel points), or left to the chart type's default.
   */
  draw?: "line" | "markers";
  /** "#RRGGBB"; writers pick their default palette without it. */
  color?: string;
  /** Dashed line (limits). */
  dashed?: boolean;
}

/**
 * The name every chart the product makes carries (numbered after it), in both writers, so
 * a refresh removes its own charts and leaves the user's.
 */
export const CHART_NAME_PREFIX = "Scrutiny chart";

/**
 * The prefix of every Excel table on a generated sheet (the Checks sheet's), in both
 * writers, so a rebuild that clears only what it wrote knows which tables are its own.
 */
export const GENERATED_TABLE_PREFIX = "Scrutiny_";

export interface ChartSpec {
  /** "scatter" is an XY chart (funnel plots): each series has `xValues`. */
  type: "line" | "column" | "bar" | "scatter";
  title: string;
  /** Range of category labels, e.g. "'Trend Merton'!C4:H4". */
  categories: string;
  series: ChartSeriesSpec[];
  /** Axis titles, where a reader needs them (funnels: "Offences last year", "% change"). */
  xAxisTitle?: string;
  yAxisTitle?: string;
  /** Anchor: top-left cell and size in cells. */
  row: number;
  col: number;
  width: number;
  height: number;
}

export type SheetRole =
  "data" | "checks" | "comparison" | "trend" | "monitoring" | "summary" | "definitions";

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
  /** How the sheet prints; writers apply what their format supports. */
  print?: PrintSpec;
  /** Tab colour, "#RRGGBB". */
  tabColor?: string;
}

/** Page setup: orientation, scaling, repeated rows and header/footer text. */
export interface PrintSpec {
  orientation?: "portrait" | "landscape";
  /** Fit to this many pages wide (height unlimited); omitted: 100% scale. */
  fitToWidth?: number;
  /** Rows repeated at the top of every page, 0-based inclusive (e.g. the header row). */
  repeatRows?: { first: number; last: number };
  /**
   * 0-based rows before which a manual page break falls, ascending (layout/pageBreaks:
   * a chart is never split across two pages).
   */
  rowBreaks?: number[];
  /** The area printed, 0-based inclusive; omitted: the used range. */
  area?: { row: number; col: number; rows: number; cols: number };
  /**
   * Page header and footer, plain text in three parts (left, centre, right). Writers
   * turn "{page}" and "{pages}" into page x of y, and escape everything else.
   */
  header?: [string, string, string];
  footer?: [string, string, string];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /**
   * Sheets to delete before applying `sheets` (optional; added for refresh): generated
   * sheets of an earlier build that the new build no longer produces.
   */
  removeSheets?: string[];
  /** The sheet the workbook opens on (the Summary); omitted: the first sheet. */
  activeSheet?: string;
  /**
   * Every sheet anchor the workbook keeps after this write (issue 17): a hidden
   * workbook-scoped defined name per recorded sheet, on its A1, which follows the sheet
   * when it is renamed. The writer adds, moves and deletes names of the anchor form
   * (layout/definitions' ANCHOR_PREFIX) to match; omitted: anchors are left as they are.
   */
  sheetAnchors?: SheetAnchor[];
}

/** A hidden defined name (`_ScrutinySheet_3`) and the sheet whose A1 it refers to. */
export interface SheetAnchor {
  name: string;
  sheet: string;
}
