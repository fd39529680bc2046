// Formulas moved down the sheet, as Excel moves them when it fills a formula down or
// copies a rule to a range that starts lower: relative row numbers change, absolute
// ones ($12), text in "string literals" and function names (LOG10) do not.
import type { CellSpec } from "./spec";

const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?[A-Za-z]{1,3})(\d+)(?![A-Za-z0-9_(])/g;

/** `formula` with its relative row references moved down by `n` rows. */
export function shiftRows(formula: string, n: number): string {
  if (n === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (_m, col: string, row: string) => `${col}${Number(row) + n}`)
    )
    .join("");
}

/** The formula `cell` holds when it stands in sheet row `row` (0-based), or undefined for none. */
export function formulaAt(cell: CellSpec | null | undefined, row: number): string | undefined {
  if (cell?.formula === undefined) return undefined;
  return cell.formulaRow === undefined
    ? cell.formula
    : shiftRows(cell.formula, row - cell.formulaRow);
}
