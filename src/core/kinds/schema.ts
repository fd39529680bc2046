// What a table kind is, in one place: every part of the product that treats kinds
// differently (reading, validation, the statistics, the data sheet's columns, read-back)
// asks its schema instead of comparing kind names.
import type { CrimeTable, TableRow } from "../model";
import type { DataColumnDef } from "./columns";
import type { TableKind } from "./names";
import type { KindReader } from "./reader";

export type FieldRole = "count" | "percent" | "points" | "number";

/** A field to check in a row, and whether a blank there is a missing figure. */
export interface FieldSpec {
  field: string;
  role: FieldRole;
  /** A blank is reported as missing (false for optional fields such as Target). */
  required: boolean;
}

/**
 * A figure printed in the table that is computed from two others: a % change
 * (previous, current), a rate (numerator, denominator) or a change in percentage points.
 */
export interface DerivedFigure {
  field: string;
  how: "change" | "rate" | "points";
  /** Previous/current (change, points) or numerator/denominator (rate). */
  inputs: readonly [string, string];
  /** Short name for check messages ("% change", "SD rate previous"). */
  name: string;
  /** The data sheet column it is written in, when not its own field (calls: "change"). */
  column?: string;
  /** Rows it applies to (default: every row). */
  appliesTo?: (row: TableRow) => boolean;
}

/** A pair of counts whose change the statistics test. */
export interface CountPair {
  previous: number;
  current: number;
  /** The % change cell a trend flag marks. */
  changeField: string;
  /** The count cell a significance flag marks when the % itself is unreliable. */
  countField: string;
  /** Sentence subject: "offences", "the count". */
  subject: string;
  /** Unit after a number ("offences"), or "". */
  unit: string;
  higherIsBetter: boolean;
}

/** A rate's numerators and denominators in two periods. */
export interface RatePair {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  field: string;
  rateName: string;
  /** Unit of the denominator. */
  unit: string;
  higherIsBetter: boolean;
}

/** Which generated sheets a kind's tables feed: pasted tables and Datastore tables never mix. */
export type SheetFamily = "offences" | "datastore";

export interface KindSchema {
  kind: TableKind;
  /** Title of a data sheet when the source printed none. */
  defaultTitle: string;
  /** Added to a data sheet's name to tell it from other kinds of the same area ("" for none). */
  sheetSuffix: string;
  /** Rows of tables of one family are matched by label across areas and periods. */
  rowFamily: "offences" | "calls";
  /** Whether its tables are compared across areas (group flags) and periods (series flags). */
  comparable: boolean;
  /** The comparison and trend sheets it feeds, or null. */
  sheetFamily: SheetFamily | null;
  /** The model fields its rows hold (generic tables: none known; theirs come from headings). */
  fields: readonly string[];
  /** Whether the source printed its derived figures (false: we computed them, nothing to check). */
  printsDerived: boolean;
  /** The derived figures and the counts each is computed from. */
  derived: readonly DerivedFigure[];
  /**
   * Figures to check in each row of `table`, each with its role and whether a blank is
   * missing (prepared once a table: a kind whose specs depend only on the columns computes
   * them once).
   */
  valueSpecs(table: CrimeTable): (row: TableRow) => FieldSpec[];
  /** Fields that may all be blank together (a row with no SD figures has no SD columns). */
  optionalGroup: readonly string[];
  /** A blank is never a missing figure (tables we know nothing of). */
  blanksAllowed: boolean;
  /** Part/whole pairs where the part cannot exceed the whole (SDs within offences). */
  partsOfWhole: readonly { part: string; whole: string }[];
  /** Count fields a category's Total row sums. */
  totals: readonly string[];
  /** The counts whose change the statistics test, or null. */
  countPair(row: TableRow): CountPair | null;
  /** The rate the statistics test, or null. */
  ratePair(row: TableRow): RatePair | null;
  /** A percentage the statistics follow over periods (share of calls answered in target), or null. */
  percentMeasure(row: TableRow): number | null;
  /** The data sheet's column plan, headings unique (Excel tables need that). */
  planColumns(table: CrimeTable): DataColumnDef[];
  /** Completes a row read back from its data sheet (figures the sheet does not hold). */
  completeReadBack?(row: TableRow): void;
  /** How pasted text is recognised as this kind, when it can be. */
  reader?: KindReader;
}
