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

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Characters that continue a name or number: a reference cannot start right after one. */
const isIdent = (c: number): boolean => isLetter(c) || isDigit(c) || c === 95 || c === 46;
const DOLLAR = 36;
const COLON = 58;

/** A column part "$AB" at i: its index and where it ends, or null. */
function readCol(s: string, i: number): { abs: boolean; col: number; end: number } | null {
  let j = i;
  const abs = s.charCodeAt(j) === DOLLAR;
  if (abs) j++;
  let col = 0;
  const start = j;
  while (j < s.length && isLetter(s.charCodeAt(j))) {
    if (j - start === 3) return null; // four letters: a name, not a column
    col = col * 26 + ((s.charCodeAt(j) & ~32) - 64);
    j++;
  }
  return j === start || col > MAX_COL ? null : { abs, col: col - 1, end: j };
}

/** A row part "$12" at i: its index and where it ends, or null. */
function readRow(s: string, i: number): { abs: boolean; row: number; end: number } | null {
  let j = i;
  const abs = s.charCodeAt(j) === DOLLAR;
  if (abs) j++;
  let row = 0;
  const start = j;
  while (j < s.length && isDigit(s.charCodeAt(j))) {
    row = row * 10 + (s.charCodeAt(j) - 48);
    j++;
  }
  return j === start || row < 1 || row > MAX_ROW ? null : { abs, row: row - 1, end: j };
}

/** True when a reference may end before position j (no name, call or sheet continues it). */
function endsAt(s: string, j: number, allowBang: boolean): boolean {
  if (j >= s.length) return true;
  const c = s.charCodeAt(j);
  return !(isIdent(c) || c === 40 /* ( */ || (!allowBang && c === 33) /* ! */);
}

/** `formula` without "=", host cell 0-based; returns the R1C1 formula without "=", or null. */
export function toR1C1(formula: string, hostRow: number, hostCol: number): string | null {
  return convert(formula, hostRow, hostCol)?.text ?? null;
}

export interface Converted {
  /** The R1C1 formula, without "=". */
  text: string;
  /** Where the relative row numbers are in the A1 formula: start, end, start, end... */
  rows: number[];
}

/**
 * The formula one row down from `prev` has the same R1C1 form exactly when it is `prev`
 * with every relative row number one higher and nothing else changed. Checking that is a
 * plain scan, much cheaper than converting again: returns the row numbers' places in
 * `next`, or null when `next` is anything else.
 */
export function shiftedDown(prev: string, rows: number[], next: string): number[] | null {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < prev.length) {
    if (k < rows.length && i === rows[k]) {
      const end = rows[k + 1] as number;
      const a = Number(prev.slice(i, end));
      const start = j;
      while (j < next.length && isDigit(next.charCodeAt(j))) j++;
      if (j === start || Number(next.slice(start, j)) !== a + 1) return null;
      out.push(start, j);
      i = end;
      k += 2;
      continue;
    }
    if (prev.charCodeAt(i) !== next.charCodeAt(j)) return null;
    i++;
    j++;
  }
  return j === next.length ? out : null;
}

export function convert(formula: string, hostRow: number, hostCol: number): Converted | null {
  const parts: string[] = [];
  const rows: number[] = [];
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const code = formula.charCodeAt(i);
    if (code === 34 || code === 39) {
      // A "string literal", or a 'quoted sheet name' (which must be followed by "!").
      let j = i + 1;
      while (j < n) {
        if (formula.charCodeAt(j) === code) {
          if (formula.charCodeAt(j + 1) === code) j += 2;
          else break;
        } else j++;
      }
      if (j >= n) return null;
      if (code === 39) {
        if (formula[j + 1] !== "!") return null;
        j++;
      }
      parts.push(formula.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (code === 91) {
      const j = formula.indexOf("]", i);
      if (j < 0) return null;
      parts.push(formula.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    const startsToken = isLetter(code) || isDigit(code) || code === DOLLAR;
    if (!startsToken || (i > 0 && isIdent(formula.charCodeAt(i - 1)))) {
      // Operators, separators and the rest of a name: copy up to the next token start.
      let j = i + 1;
      while (j < n) {
        const c = formula.charCodeAt(j);
        if (c === 34 || c === 39 || c === 91) break;
        if ((isLetter(c) || isDigit(c) || c === DOLLAR) && !isIdent(formula.charCodeAt(j - 1)))
          break;
        j++;
      }
      parts.push(formula.slice(i, j));
      i = j;
      continue;
    }
    // A cell (A1, $A$1), a cell range's end, whole columns (A:C) or whole rows (3:5).
    const col = readCol(formula, i);
    if (col) {
      if (formula.charCodeAt(col.end) === COLON) {
        const col2 = readCol(formula, col.end + 1);
        if (col2 && endsAt(formula, col2.end, false)) {
          parts.push(
            `${colPart(col.abs, col.col, hostCol)}:${colPart(col2.abs, col2.col, hostCol)}`
          );
          i = col2.end;
          continue;
        }
      }
      const row = readRow(formula, col.end);
      if (row && endsAt(formula, row.end, false)) {
        if (!row.abs) rows.push(col.end, row.end);
        parts.push(`${rowPart(row.abs, row.row, hostRow)}${colPart(col.abs, col.col, hostCol)}`);
        i = row.end;
        continue;
      }
    } else {
      const row = readRow(formula, i);
      if (
        row &&
        formula.charCodeAt(row.end) === COLON &&
        !(i > 0 && formula.charCodeAt(i - 1) === 46)
      ) {
        const row2 = readRow(formula, row.end + 1);
        if (row2 && endsAt(formula, row2.end, true)) {
          if (!row.abs) rows.push(i, row.end);
          if (!row2.abs) rows.push(row.end + 1, row2.end);
          parts.push(
            `${rowPart(row.abs, row.row, hostRow)}:${rowPart(row2.abs, row2.row, hostRow)}`
          );
          i = row2.end;
          continue;
        }
      }
    }
    // Anything else: a name or function (copied whole), a number, or a lone "$".
    let j = i + 1;
    if (isLetter(code) || code === 95) {
      while (j < n && isIdent(formula.charCodeAt(j))) j++;
    } else if (isDigit(code)) {
      while (j < n && (isDigit(formula.charCodeAt(j)) || formula.charCodeAt(j) === 46)) j++;
      if (j < n && (formula[j] === "e" || formula[j] === "E")) {
        j++;
        if (formula[j] === "+" || formula[j] === "-") j++;
        while (j < n && isDigit(formula.charCodeAt(j))) j++;
      }
    }
    parts.push(formula.slice(i, j));
    i = j;
  }
  return { text: parts.join(""), rows };
}
