// Request sizes. Excel on the web refuses a request over 5 MB, so every operation carries
// an estimate of its bytes, large arrays are cut into pieces, and operations are packed
// into requests in order, each under the budget.

import { append, type CellInput, type Rect, type WriteOp } from "./writeOps";

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** What an operation costs a request besides its data. */
export const OP_OVERHEAD = 200;

/** Bytes of `value` as UTF-8 JSON, counted without building the encoding. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Packs operations into requests in order, each at most `maxBytes` by estimate. */
export function packBatches(ops: WriteOp[], maxBytes: number): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let size = OP_OVERHEAD;
  for (const op of ops) {
    if (current.length && size + op.bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = OP_OVERHEAD;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length) batches.push(current);
  return batches;
}

/** A 2-D array of `kind` over a rectangle of the sheet. */
export interface Grid<T extends CellInput> {
  kind: "cells" | "numberFormats";
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  value: (r: number, c: number) => T;
}

/** A piece of a grid: `r`, `c` relative to the grid, `bytes` of its data. */
type PieceOp<T extends CellInput> = (r: number, c: number, piece: T[][], bytes: number) => WriteOp;

function pieceOp<T extends CellInput>(grid: Grid<T>): PieceOp<T> {
  return (r, c, piece, bytes) => {
    const rect: Rect = {
      row: grid.row + r,
      col: grid.col + c,
      rows: piece.length,
      cols: piece[0]?.length ?? 0,
    };
    return grid.kind === "cells"
      ? {
          kind: grid.kind,
          sheet: grid.sheet,
          rect,
          formulas: piece as CellInput[][],
          bytes: bytes + OP_OVERHEAD,
        }
      : {
          kind: grid.kind,
          sheet: grid.sheet,
          rect,
          formats: piece as string[][],
          bytes: bytes + OP_OVERHEAD,
        };
  };
}

/** A grid split into row pieces (or column pieces of a huge row) of at most `pieceBytes`. */
export function gridOps<T extends CellInput>(grid: Grid<T>, pieceBytes: number): WriteOp[] {
  const make = pieceOp(grid);
  const out: WriteOp[] = [];
  let piece: T[][] = [];
  let pieceStart = 0;
  let bytes = 2;
  const flush = (): void => {
    if (piece.length) out.push(make(pieceStart, 0, piece, bytes));
    piece = [];
    bytes = 2;
  };
  for (let r = 0; r < grid.rows; r++) {
    const line: T[] = [];
    for (let c = 0; c < grid.cols; c++) line.push(grid.value(r, c));
    const lineBytes = jsonBytes(line) + 1;
    if (lineBytes > pieceBytes) {
      // One row too big for a request on its own: send it in column pieces.
      flush();
      append(out, rowPieces(line, r, pieceBytes, make));
      pieceStart = r + 1;
      continue;
    }
    if (piece.length && bytes + lineBytes > pieceBytes) {
      flush();
      pieceStart = r;
    }
    if (!piece.length) pieceStart = r;
    piece.push(line);
    bytes += lineBytes;
  }
  flush();
  return out;
}

/** Row `r` of a grid in column pieces of at most `pieceBytes`. */
function rowPieces<T extends CellInput>(
  line: T[],
  r: number,
  pieceBytes: number,
  make: PieceOp<T>
): WriteOp[] {
  const out: WriteOp[] = [];
  let start = 0;
  let part: T[] = [];
  let partBytes = 2;
  line.forEach((v, c) => {
    const b = jsonBytes(v) + 1;
    if (part.length && partBytes + b > pieceBytes) {
      out.push(make(r, start, [part], partBytes));
      start = c;
      part = [];
      partBytes = 2;
    }
    part.push(v);
    partBytes += b;
  });
  if (part.length) out.push(make(r, start, [part], partBytes));
  return out;
}
