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

/** A formula split once into its fixed text and its relative row numbers, to move cheaply. */
type Mover = (n: number) => string;
const movers = new WeakMap<CellSpec, Mover>();

function moverOf(formula: string): Mover {
  const pieces: (string | number)[] = [];
  formula.split(/("(?:[^"]|"")*")/).forEach((part, i) => {
    if (i % 2 === 1) {
      pieces.push(part);
      return;
    }
    let last = 0;
    for (const m of part.matchAll(REFERENCE)) {
      pieces.push(part.slice(last, m.index) + m[1]!, Number(m[2]));
      last = m.index! + m[0].length;
    }
    pieces.push(part.slice(last));
  });
  return (n) => {
    let s = "";
    for (const p of pieces) s += typeof p === "number" ? String(p + n) : p;
    return s;
  };
}

/** The formula `cell` holds when it stands in sheet row `row` (0-based), or undefined for none. */
export function formulaAt(cell: CellSpec | null | undefined, row: number): string | undefined {
  if (cell?.formula === undefined) return undefined;
  if (cell.formulaRow === undefined || row === cell.formulaRow) return cell.formula;
  let move = movers.get(cell);
  if (!move) {
    move = moverOf(cell.formula);
    movers.set(cell, move);
  }
  return move(row - cell.formulaRow);
}
