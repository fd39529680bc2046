// A1-style references for the formulas layouts write. Coordinates are 0-based, as in
// spec.ts; Excel rows and columns are 1-based.

/** Column letters of a 0-based column index (0 -> "A", 26 -> "AA"). */
export function colLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B7" for row 6, col 1; `abs` adds "$" to column and row. */
export function a1(row: number, col: number, abs: { row?: boolean; col?: boolean } = {}): string {
  return `${abs.col ? "$" : ""}${colLetter(col)}${abs.row ? "$" : ""}${row + 1}`;
}

/** Absolute reference "$B$7". */
export function abs(row: number, col: number): string {
  return a1(row, col, { row: true, col: true });
}

/** A sheet name as a formula prefix: always quoted, with quotes doubled ("'O''Brien'!"). */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/** A whole column of another sheet: "'Merton 2017-08-01'!$E:$E". */
export function wholeColumn(sheet: string, col: number): string {
  const c = colLetter(col);
  return `${sheetRef(sheet)}$${c}:$${c}`;
}

/** A text value as a formula string literal ("say ""hi""" for say "hi"). */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Range "A1:C9" of a block given by its top-left and size. */
export function rangeRef(row: number, col: number, rows: number, cols: number): string {
  return `${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`;
}

/**
 * SUMIFS/COUNTIFS criteria matching exactly the text of the cell `ref`: "=" first, so text
 * beginning with "<", ">" or "=" is not read as a comparison, and the wildcards ~ * ? of
 * the text escaped with "~". A blank cell gives "=", which matches blank cells. Kept in the
 * formula (not baked in as a literal) so every row's look-up has the same R1C1 form.
 * Excel refuses criteria longer than 255 characters (#VALUE!).
 */
export function exactMatchOf(ref: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;
}
