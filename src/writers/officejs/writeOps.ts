// What a write plan is made of: operations, each on one sheet and each carrying an
// estimate of the bytes it adds to a request, so the plan can pack requests under the
// size Excel on the web accepts.

import type { ChartSpec, FormatSpec, PrintSpec, StyleName, TableSpec } from "../../layout/spec";

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** What a cell array carries: "" for a cell with nothing to write (Office.js gives null no meaning). */
export type CellInput = string | number | boolean;

type Op<K extends string, T> = { kind: K; sheet: string; bytes: number } & T;
export type WriteOp =
  | Op<"remove", { existing: string }>
  | Op<"create", { visible: boolean }>
  | Op<
      "reuse",
      {
        existing: string;
        clear: Rect[] | "all";
        deleteTables: string[];
        /**
         * Our tables on a sheet cleared only where it was written: made plain cells (their
         * filters cleared first) before the clear, so cells a user typed into one stay.
         */
        unlistTables: string[];
        deleteCharts: string[];
        /** Unfreeze panes: only on a visible sheet (unfreeze on a very hidden one is reported to throw). */
        unfreeze: boolean;
      }
    >
  | Op<"numberFormat", { rect: Rect; format: string }>
  | Op<"numberFormats", { rect: Rect; formats: string[][] }>
  | Op<"cells", { rect: Rect; formulas: CellInput[][] }>
  | Op<"formulasR1C1", { rect: Rect; formulas: string[][] }>
  | Op<"style", { rect: Rect; style: StyleName }>
  | Op<"columnWidth", { col: number; cols: number; points: number }>
  | Op<"link", { row: number; col: number; target: string }>
  | Op<"note", { row: number; col: number; text: string }>
  | Op<"table", { table: TableSpec }>
  | Op<
      "conditionalFormat",
      { rect: Rect; formula: string; format: FormatSpec; stopIfTrue: boolean; priority: number }
    >
  | Op<"chart", { chart: ChartSpec; name: string }>
  | Op<"freeze", { rows: number; cols: number }>
  | Op<"visibility", { visibility: "Visible" | "Hidden" | "VeryHidden" }>
  | Op<"tabColor", { color: string }>
  /** `clearBreaks`: a generated sheet's manual page breaks are removed before `print`'s are added. */
  | Op<"print", { print: PrintSpec; clearBreaks: boolean }>
  | Op<"activate", Record<never, never>>
  /** A sheet anchor (hidden workbook-scoped name on the sheet's A1): added, moved onto `sheet`, or deleted. */
  | Op<"anchor", { name: string; action: "add" | "move" | "delete" }>;

/** The operation of kind `K`. */
export type WriteOpOf<K extends WriteOp["kind"]> = Extract<WriteOp, { kind: K }>;

export interface WritePlan {
  batches: WriteOp[][];
  /** Spec sheets in the order they are written. */
  sheets: string[];
  created: string[];
  rebuilt: string[];
  removed: string[];
  skippedNotes: number;
  /** Conditional formats trimmed to the rows the sheet uses, or dropped for lying beyond them. */
  clippedFormats: number;
}

/** A rectangle of a block placed on the sheet: `r` is relative to the block at (`row`, `col`). */
export function placed(at: { row: number; col: number }, r: Rect): Rect {
  return { row: at.row + r.row, col: at.col + r.col, rows: r.rows, cols: r.cols };
}

/** `to.push(...items)` without spreading: a Checks sheet of 280,000 links would overflow the stack. */
export { appendAll as append } from "../../core/appendAll";
