// What the structure reader finds in a committee-style table: its label columns, its figure
// columns with the role each heading gives them, its rows, and every line it did not read
// into a table, with why. Pure data.

/** What a figure column holds, as its heading (or, failing that, its figures) says. */
export const COLUMN_ROLES = [
  /** A count or figure for one period ("2013/14", "May-14 to Apr-15", "Previous", "FYTD"). */
  "period",
  /** An absolute change between two periods ("Change", "Difference", "Numeric", "+/-"). */
  "change",
  /** A % change between two periods ("% change", "Change %", "Percentage"). */
  "change-pct",
  /** A change in percentage points ("pp", "points"). */
  "change-points",
  /** A share of a total ("%", "% of total", "share of crimes"). */
  "share",
  /** A total of other columns ("Total", "Grand total", "All"). */
  "total",
  /** A rate per head of population or a ratio whose base is not printed. */
  "rate",
  /** A target the figures are rated against ("Target", "YTD target", "Target 2016/17"). */
  "target",
  /** A tolerance around the target ("Tolerance", "Tolerance %"). */
  "tolerance",
  /** Whether higher or lower is better ("Polarity", "Good performance is"). */
  "polarity",
  /** A printed Red / Amber / Green rating ("RAG", "RAG status", "Status"). */
  "rag",
  /** A printed direction of travel ("DoT", "Direction of travel", "Trend"). */
  "direction",
  /** Any other figure. */
  "value",
] as const;

export type ColumnRole = (typeof COLUMN_ROLES)[number];

export interface StructuredColumn {
  /** The heading as printed, the lines of a multi-row heading joined with " ". */
  heading: string;
  role: ColumnRole;
  /** Footnote markers printed on the heading ("1992¹" → ["1"]). */
  footnotes: string[];
}

export interface StructuredRow {
  /** 1-based line of the source. */
  line: number;
  /** The row's label cells (one or several: code and name side by side). */
  labels: string[];
  /** The section heading row above it, if the table has sections ("Hate Crime"). */
  section: string | null;
  /** The printed figure of each column ("" where blank), signs with spaces closed up. */
  cells: string[];
  /** A total row by its label ("Total", "Grand Total"); "All …" rows are decided by their figures. */
  totalLabel: boolean;
  /** A row of changes between two other rows ("Percentage increase 1984–88"). */
  changeRow: boolean;
  /** Footnote markers printed on the label ("Business crime [1]" → ["1"]). */
  footnotes: string[];
  /**
   * Further lines read into this row: a long CSV's lines for the same label, or the rest of
   * a Word cell broken over lines.
   */
  alsoLines?: number[];
}

export interface StructuredTable {
  /** The line above the table that names it, if any. */
  title: string | null;
  /** Its line number. */
  titleLine: number | null;
  /** Further lines read into the title (the rest of a Word cell broken over lines). */
  titleAlsoLines?: number[];
  /** Lines of section headings within the table ("Hate Crime"). */
  sectionLines: number[];
  /** Lines read as the table's heading (one or several, with those of cells broken over lines). */
  headerLines: number[];
  /** Headings of the label columns ("" where none was printed). */
  labelHeadings: string[];
  columns: StructuredColumn[];
  rows: StructuredRow[];
  /** How the cells were separated: tabs, "|", " / ", commas, HTML cells, or spaces (a PDF copy). */
  layout: "tab" | "pipe" | "slash" | "csv" | "html" | "spaced" | "long-csv";
}

/** A line that is not part of any table, and why. */
export interface UnreadLine {
  line: number;
  /** Its text, with that of any lines joined into it. */
  text: string;
  why: string;
  /** Further lines joined into it (the rest of a Word cell broken over lines). */
  alsoLines?: number[];
}

export interface StructuredRead {
  tables: StructuredTable[];
  /** Every non-blank line not read into a table (headings and titles are read). */
  unread: UnreadLine[];
}
