// A block's cells as operations: number formats first (text format "@" before any value,
// so pasted text stays text), then values and formulas. Formulas that share one R1C1 form
// over a rectangle are set as one formulasR1C1 array for it; the rest go in 2-D arrays.

import type { BlockSpec, CellSpec } from "../../layout/spec";
import { MAX_FORMULA } from "../../layout/checkSpec";
import { formulaAt } from "../../layout/formulaRows";
import { coverRectangles, fewestRectangles } from "./coverRectangles";
import { gridOps, jsonBytes, wireBytes } from "./requestBudget";
import { convert, shiftedDown, type Converted } from "./toR1C1";
import { append, placed, type CellInput, type Rect, type WriteOp } from "./writeOps";

/** A block on its sheet, with its size and a reader of its cells (null where there is none). */
export interface BlockCells {
  sheet: string;
  block: BlockSpec;
  rows: number;
  cols: number;
  at: (r: number, c: number) => CellSpec | null;
}

/** What to write for `cell` standing in sheet row `row` (0-based). */
export function cellInput(cell: CellSpec | null | undefined, row: number): CellInput {
  if (!cell) return "";
  if (cell.formula !== undefined) return `=${formulaAt(cell, row)}`;
  if (cell.text !== undefined) return cell.text;
  if (cell.number !== undefined) return cell.number;
  if (cell.bool !== undefined) return cell.bool;
  return "";
}

/** True when writing `cell` writes nothing (no formula, text, number or flag). */
function isEmpty(cell: CellSpec | null): boolean {
  if (!cell) return true;
  if (cell.formula !== undefined || cell.number !== undefined || cell.bool !== undefined)
    return false;
  return (cell.text ?? "") === "";
}

/**
 * Values and formulas of a block. Formulas that are the same in R1C1 form over a
 * rectangle (a column of per-row formulas) are written once for the whole rectangle; the
 * rest goes in 2-D arrays over the column spans that still need them.
 */
export function cellOps(b: BlockCells, pieceBytes: number): WriteOp[] {
  const keys = r1c1Keys(b.block);
  const r1c1 = (r: number, c: number): string | null => keys[r]?.[c] ?? null;
  const shared = coverRectangles(b.rows, (r) => b.block.cells[r]?.length ?? 0, r1c1).filter(
    (x) => x.rows * x.cols > 1
  );
  const out = arrayOps(b, coveredBy(shared, b.cols), pieceBytes);
  for (const x of shared) {
    // A 2-D array the size of the range, as Excel's reference documents for formulasR1C1
    // (one string for many cells is not documented): the same string in every cell, so
    // the array costs its rows times one formula (a 30,000-row column of
    // "=IF(RC[-2]=0,"",RC[-1]/RC[-2])" is about 1 MB; gridOps cuts it to the budget).
    const formula = `=${x.key}`;
    const at = placed(b.block, x);
    append(
      out,
      gridOps({ kind: "formulasR1C1", sheet: b.sheet, ...at, value: () => formula }, pieceBytes)
    );
  }
  return out;
}

/** Cells (as r * cols + c) inside the rectangles. */
function coveredBy(rects: readonly Rect[], cols: number): Set<number> {
  const covered = new Set<number>();
  for (const x of rects)
    for (let r = x.row; r < x.row + x.rows; r++)
      for (let c = x.col; c < x.col + x.cols; c++) covered.add(r * cols + c);
  return covered;
}

/** 2-D arrays over the runs of columns with something left to write outside `covered`. */
function arrayOps(b: BlockCells, covered: Set<number>, pieceBytes: number): WriteOp[] {
  const { rows, cols, at, block } = b;
  const needed = (c: number): boolean => {
    for (let r = 0; r < rows; r++)
      if (!covered.has(r * cols + c) && !isEmpty(at(r, c))) return true;
    return false;
  };
  const out: WriteOp[] = [];
  for (let c = 0; c < cols;) {
    if (!needed(c)) {
      c++;
      continue;
    }
    let end = c + 1;
    while (end < cols && needed(end)) end++;
    const c0 = c;
    const value = (r: number, j: number): CellInput =>
      covered.has(r * cols + c0 + j) ? "" : cellInput(at(r, c0 + j), block.row + r);
    append(
      out,
      gridOps(
        {
          kind: "cells",
          sheet: b.sheet,
          row: block.row,
          col: block.col + c0,
          rows,
          cols: end - c0,
          value,
        },
        pieceBytes
      )
    );
    c = end;
  }
  return out;
}

/** A formula's R1C1 form, when Excel takes it at that length. */
function fits(x: Converted | null): string | null {
  return x !== null && x.text.length + 1 <= MAX_FORMULA ? x.text : null;
}

/**
 * R1C1 of each formula of a block (null for none). A formula that is the one above moved
 * down a row reuses its form, and a filled-down cell (formulaRow) has one form wherever
 * it stands.
 */
function r1c1Keys(block: BlockSpec): (string | null)[][] {
  const keys: (string | null)[][] = [];
  /** Per column, the rows the formula above refers to, while it can be followed down. */
  const rowsAt: (number[] | null)[] = [];
  const filledKey = filledKeys(block);
  block.cells.forEach((row, r) => {
    keys.push(
      row.map((cell, c) => {
        const f = cell?.formula;
        if (f === undefined) {
          rowsAt[c] = null;
          return null;
        }
        if (cell!.formulaRow !== undefined) {
          // The next row compares with this one's own A1 form only when it is not filled down too.
          rowsAt[c] = null;
          return filledKey(cell!, f, cell!.formulaRow, c);
        }
        const above = block.cells[r - 1]?.[c]?.formula;
        const aboveKey = keys[r - 1]?.[c];
        const aboveRows = rowsAt[c];
        if (above !== undefined && aboveKey && aboveRows) {
          const moved = shiftedDown(above, aboveRows, f);
          if (moved) {
            rowsAt[c] = moved;
            return aboveKey;
          }
        }
        const x = convert(f, block.row + r, block.col + c);
        rowsAt[c] = x ? x.rows : null;
        return fits(x);
      })
    );
  });
  return keys;
}

/** A filled-down cell's R1C1 form, the same in every row: worked out once per cell and column. */
function filledKeys(
  block: BlockSpec
): (cell: CellSpec, formula: string, formulaRow: number, c: number) => string | null {
  const filled = new Map<number, Map<CellSpec, string | null>>();
  return (cell, formula, formulaRow, c) => {
    const column = filled.get(c) ?? new Map<CellSpec, string | null>();
    filled.set(c, column);
    let key = column.get(cell);
    if (key === undefined) {
      key = fits(convert(formula, formulaRow, block.col + c));
      column.set(cell, key);
    }
    return key;
  };
}

/** Number formats: "@" on text cells so Excel keeps them as typed; few rectangles, or one array. */
export function formatOps(b: BlockCells, pieceBytes: number): WriteOp[] {
  const keys = formatKeys(b);
  const keyAt = (r: number, c: number): string | null => keys[r]?.[c] ?? null;
  const rects = fewestRectangles(b.rows, () => b.cols, keyAt);
  if (rects.length <= Math.max(16, (b.rows * b.cols) / 8)) {
    return rects.map((r) => ({
      kind: "numberFormat" as const,
      sheet: b.sheet,
      rect: placed(b.block, r),
      format: r.key,
      bytes: wireBytes(1, 0, 1, jsonBytes(r.key) + 4),
    }));
  }
  const { sheet, block, rows, cols } = b;
  const value = (r: number, c: number): string => keyAt(r, c) ?? "General";
  return gridOps(
    { kind: "numberFormats", sheet, row: block.row, col: block.col, rows, cols, value },
    pieceBytes
  );
}

/**
 * Each cell's number format. A cell with nothing in it and no format of its own may take
 * its column's format (the one above, or below at the top): a blank "n/a" row then does
 * not split the column.
 */
function formatKeys({ rows, cols, at }: BlockCells): (string | null)[][] {
  const own = (r: number, c: number): string | null => {
    const cell = at(r, c);
    if (!cell) return null;
    if (cell.text !== undefined) return "@";
    return cell.numFmt ?? null;
  };
  const blank = (r: number, c: number): boolean => {
    const cell = at(r, c);
    return !cell || (cell.numFmt === undefined && isEmpty(cell));
  };
  const keys: (string | null)[][] = Array.from({ length: rows }, () =>
    Array<string | null>(cols).fill(null)
  );
  for (let c = 0; c < cols; c++) {
    let last: string | null = null;
    for (let r = 0; r < rows; r++) {
      const k = blank(r, c) ? last : own(r, c);
      (keys[r] as (string | null)[])[c] = k;
      if (!blank(r, c)) last = own(r, c);
    }
    let next: string | null = null;
    for (let r = rows - 1; r >= 0; r--) {
      if (!blank(r, c)) next = own(r, c);
      else if (keys[r]?.[c] === null) (keys[r] as (string | null)[])[c] = next;
    }
  }
  return keys;
}
