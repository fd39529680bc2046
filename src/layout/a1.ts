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

export interface ParsedRange {
  /** The sheet named before "!", unquoted, or null for a local address. */
  sheet: string | null;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** 0-based column index of column letters ("A" -> 0, "aa" -> 26): the inverse of colLetter. */
function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A range address as layouts write them for charts ("'Trend Merton'!C5:H5"), or null if it is not one. */
export function parseRangeAddress(address: string): ParsedRange | null {
  let sheet: string | null = null;
  let local = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet =
      raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2
        ? raw.slice(1, -1).replace(/''/g, "'")
        : raw;
    local = address.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(local);
  if (!m || !m[1] || !m[2]) return null;
  const r0 = Number(m[2]) - 1;
  const c0 = colIndex(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? colIndex(m[3]) : c0;
  if (r0 < 0 || r1 < 0) return null;
  return {
    sheet,
    row: Math.min(r0, r1),
    col: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    cols: Math.abs(c1 - c0) + 1,
  };
}
