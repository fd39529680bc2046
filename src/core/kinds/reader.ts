// How a kind is recognised in pasted text: its header line (as cells, or as one line whose
// tabs were lost in a PDF copy) and how its recognised rows become typed rows.
import type { ColumnInfo, TableRow } from "../model";
import type { SourceLine } from "../read/sourceLines";
import type { TableKind } from "./names";

/** A recognised header: the table's columns and where each field sits. */
export interface HeaderSchema {
  kind: TableKind;
  headerLine: number;
  /** Label columns first (field "category", then "subcategory"), then figures as printed. */
  columns: ColumnInfo[];
  /** Cell index of each label and value field (celled sources only). */
  cellIndex: Map<string, number>;
  labelFields: string[];
  /**
   * Value fields in printed order. Calls tables use "change" for the change column: each
   * row files it as changePct (counts) or changePoints (percentages).
   */
  valueFields: string[];
}

/** A recognised row before typing: its labels and its printed figures. */
export interface RawRow {
  line: number;
  /** One text per label field of the table (category[, subcategory]). */
  labels: string[];
  /** Printed text per value field ("" when blank or missing). */
  printed: Record<string, string>;
  /** A status dot was printed somewhere in the row. */
  status: boolean;
}

/** One kind's reading of a header line: its schema, or none and whether other kinds may try. */
export type HeaderMatch = { schema: HeaderSchema } | { schema: null; othersMayTry: boolean };

export interface KindReader {
  /** Cheap test a header cell of this kind passes (bounds the work on data rows). */
  headerHint: RegExp;
  /** A header row given as cells. */
  matchCelled(l: SourceLine): HeaderMatch;
  /** A header line whose cell boundaries were lost (single spaces). */
  matchSpaced(l: SourceLine): HeaderSchema | null;
  /** In this table a status dot is never a figure: it is the row's status column. */
  dotIsStatus: boolean;
  /** The typed rows of the recognised raw rows (spaced: PDF-copied, one label to split). */
  rows(raws: RawRow[], spaced: boolean): TableRow[];
}
