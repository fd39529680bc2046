// A1 references in a formula rewritten in R1C1 form relative to the cell that holds it.
// A column of formulas that differ only by their row ("$E14-$D14", "$E15-$D15", ...) is
// one formula in R1C1 ("RC5-RC4"), which Excel applies to a whole range from a single
// value: the request carries one formula instead of one per row.
//
// Only references are rewritten: text in "string literals", function names ("LOG10("),
// numbers ("1E5") and structured references ("[...]") are left alone. A formula this
// cannot read safely comes back as null and is written in A1 form as usual.

const MAX_COL = 16384;
const MAX_ROW = 1048576;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function rowPart(abs: boolean, row: number, hostRow: number): string {
  if (abs) return `R${row + 1}`;
  const d = row - hostRow;
  return d === 0 ? "R" : `R[${d}]`;
}

function colPart(abs: boolean, col: number, hostCol: number): string {
  if (abs) return `C${col + 1}`;
  const d = col - hostCol;
  return d === 0 ? "C" : `C[${d}]`;
}

// Sticky patterns, tried at the current position without copying the rest of the formula.
const COLS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!])/y;
const ROWS = /(\$?)(\d+):(\$?)(\d+)(?![A-Za-z0-9_.(])/y;
const CELL = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(!])/y;
const WORD = /[A-Za-z_][A-Za-z0-9_.]*/y;
const NUM = /\d+(\.\d*)?([eE][+-]?\d+)?/y;

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Characters that continue a name or number: a reference cannot start right after one. */
const isIdent = (c: number): boolean => isLetter(c) || isDigit(c) || c === 95 || c === 46;

/** `formula` without "=", host cell 0-based; returns the R1C1 formula without "=", or null. */
export function toR1C1(formula: string, hostRow: number, hostCol: number): string | null {
  const parts: string[] = [];
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const code = formula.charCodeAt(i);
    const ch = formula[i] as string;
    if (ch === '"' || ch === "'") {
      // A string literal, or a quoted sheet name (which must be followed by "!").
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      if (j >= n) return null;
      if (ch === "'") {
        if (formula[j + 1] !== "!") return null;
        j++;
      }
      parts.push(formula.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      const j = formula.indexOf("]", i);
      if (j < 0) return null;
      parts.push(formula.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    const startsToken = isLetter(code) || isDigit(code) || ch === "$";
    if (!startsToken || (i > 0 && isIdent(formula.charCodeAt(i - 1)))) {
      // Operators, separators and the rest of a name: copy up to the next token start.
      let j = i + 1;
      while (j < n) {
        const c = formula.charCodeAt(j);
        if (c === 34 || c === 39 || c === 91) break;
        if ((isLetter(c) || isDigit(c) || c === 36) && !isIdent(formula.charCodeAt(j - 1))) break;
        j++;
      }
      parts.push(formula.slice(i, j));
      i = j;
      continue;
    }
    if (isDigit(code)) {
      // A row range (3:5) or a number.
      const rows = at(ROWS, formula, i);
      if (rows) {
        const a = Number(rows[2]) - 1;
        const b = Number(rows[4]) - 1;
        if (a >= 0 && b >= 0 && a < MAX_ROW && b < MAX_ROW) {
          parts.push(`${rowPart(false, a, hostRow)}:${rowPart(rows[3] === "$", b, hostRow)}`);
          i += rows[0].length;
          continue;
        }
      }
      const num = at(NUM, formula, i);
      const len = num ? num[0].length : 1;
      parts.push(formula.slice(i, i + len));
      i += len;
      continue;
    }
    // Whole columns ($A:$C), whole rows ($3:$5), cells and cell ranges.
    const cols = at(COLS, formula, i);
    if (cols) {
      const a = colIndex(cols[2] as string);
      const b = colIndex(cols[4] as string);
      if (a < MAX_COL && b < MAX_COL) {
        parts.push(
          `${colPart(cols[1] === "$", a, hostCol)}:${colPart(cols[3] === "$", b, hostCol)}`
        );
        i += cols[0].length;
        continue;
      }
    }
    if (ch === "$") {
      const rows = at(ROWS, formula, i);
      if (rows) {
        const a = Number(rows[2]) - 1;
        const b = Number(rows[4]) - 1;
        if (a >= 0 && b >= 0 && a < MAX_ROW && b < MAX_ROW) {
          parts.push(`${rowPart(true, a, hostRow)}:${rowPart(rows[3] === "$", b, hostRow)}`);
          i += rows[0].length;
          continue;
        }
      }
    }
    const cell = at(CELL, formula, i);
    if (cell) {
      const col = colIndex(cell[2] as string);
      const row = Number(cell[4]) - 1;
      if (col < MAX_COL && row >= 0 && row < MAX_ROW) {
        parts.push(
          `${rowPart(cell[3] === "$", row, hostRow)}${colPart(cell[1] === "$", col, hostCol)}`
        );
        i += cell[0].length;
        continue;
      }
      return null;
    }
    // Any other word (a function, TRUE, a sheet name before "!") is copied whole.
    const word = at(WORD, formula, i);
    const len = word ? word[0].length : 1;
    parts.push(formula.slice(i, i + len));
    i += len;
  }
  return parts.join("");
}
