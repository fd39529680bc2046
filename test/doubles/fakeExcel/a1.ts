// A1 addresses for the double, written independently of the writer's own helpers so
// that a shared bug cannot hide itself. Rows and columns are 0-based internally.

import { FakeOfficeError } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function colName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellName(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

export function rectAddress(r: Rect): string {
  if (r.rows === MAX_ROWS) {
    return `${colName(r.col)}:${colName(r.col + r.cols - 1)}`;
  }
  if (r.cols === MAX_COLS) return `${r.row + 1}:${r.row + r.rows}`;
  const tl = cellName(r.row, r.col);
  return r.rows === 1 && r.cols === 1
    ? tl
    : `${tl}:${cellName(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** How Excel writes a sheet name in an address: quoted unless a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

type Part = { row?: number; col?: number };

function parsePart(p: string): Part | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(p);
  if (!m || (!m[1] && !m[2])) return null;
  const part: Part = {};
  if (m[1]) part.col = colIndex(m[1]);
  if (m[2]) part.row = Number(m[2]) - 1;
  return part;
}

/** Splits "'My sheet'!A1:B2" into sheet name (or null) and the local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses a local address ("A1", "A1:B2", "A:C", "2:4"); throws InvalidArgument otherwise. */
export function parseRect(local: string): Rect {
  const [a, b = a, extra] = local.split(":");
  const pa = a === undefined ? null : parsePart(a);
  const pb = b === undefined ? null : parsePart(b);
  if (extra !== undefined || !pa || !pb)
    throw new FakeOfficeError("InvalidArgument", `The address '${local}' is not valid.`);
  let r: Rect;
  if (
    pa.col !== undefined &&
    pa.row !== undefined &&
    pb.col !== undefined &&
    pb.row !== undefined
  ) {
    const row = Math.min(pa.row, pb.row);
    const col = Math.min(pa.col, pb.col);
    r = { row, col, rows: Math.abs(pb.row - pa.row) + 1, cols: Math.abs(pb.col - pa.col) + 1 };
  } else if (
    pa.row === undefined &&
    pb.row === undefined &&
    pa.col !== undefined &&
    pb.col !== undefined
  ) {
    const col = Math.min(pa.col, pb.col);
    r = { row: 0, col, rows: MAX_ROWS, cols: Math.abs(pb.col - pa.col) + 1 };
  } else if (
    pa.col === undefined &&
    pb.col === undefined &&
    pa.row !== undefined &&
    pb.row !== undefined
  ) {
    const row = Math.min(pa.row, pb.row);
    r = { row, col: 0, rows: Math.abs(pb.row - pa.row) + 1, cols: MAX_COLS };
  } else {
    throw new FakeOfficeError("InvalidArgument", `The address '${local}' is not valid.`);
  }
  if (r.row < 0 || r.col < 0 || r.row + r.rows > MAX_ROWS || r.col + r.cols > MAX_COLS) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The address '${local}' is outside the worksheet.`
    );
  }
  return r;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}
