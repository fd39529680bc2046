// Request sizes. Excel on the web refuses a request over 5 MB (as JSON of its body), so
// every operation carries the bytes Office.js serialises for it, large arrays are cut into
// pieces, and operations are packed into requests in order, each under the budget.
//
// The bytes are those of Office.js's own request body, not of our operations: each object
// the request reaches is an object path with its Instantiate action (and, for ranges
// inside Excel.run, a _KeepReference call and a second Instantiate), each property set or
// method call is an action listing the paths it uses, and an array of more than 1,500
// cells is sent in row pieces, each reached through getRow/getBoundingRect. The costs
// below are upper bounds measured through Microsoft's client with seven-digit ids
// (test/writers/officejs/realClient.test.ts checks them against every request it sends).

import { append, type CellInput, type Rect, type WriteOp } from "./writeOps";

/** Planned bytes per request: 20% under the 5,000,000 Excel on the web accepts. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** An object reached by a method (getRangeByIndexes, add, getItem): path, Instantiate, keep-reference. */
export const METHOD_PATH_BYTES = 420;
/** An object reached by a property (format, font, freezePanes): path and Instantiate. */
export const PROPERTY_PATH_BYTES = 170;
/** A property set or method call, besides its argument. */
export const ACTION_BYTES = 200;
/** What a request costs besides its operations: the workbook, application and calculation call. */
export const OP_OVERHEAD = 1000;
/** Each sheet a request reaches: its getItem path, Instantiate and keep-reference. */
export const SHEET_BYTES = 500;
/** Office.js sets an array of more than this many cells in row pieces of about this size. */
const CLIENT_PIECE_CELLS = 1500;

/** Bytes of an operation reaching `methods` and `properties` objects, with `actions` sets or calls, and `data`. */
export function wireBytes(methods: number, properties: number, actions: number, data = 0): number {
  return (
    methods * METHOD_PATH_BYTES + properties * PROPERTY_PATH_BYTES + actions * ACTION_BYTES + data
  );
}

/** Bytes of setting a `rows` x `cols` array of `dataBytes` on one range, as Office.js sends it. */
export function arraySetBytes(rows: number, cols: number, dataBytes: number): number {
  const one = wireBytes(1, 0, 1, dataBytes);
  if (rows * cols <= CLIENT_PIECE_CELLS) return one;
  const pieceRows = Math.max(1, Math.round(CLIENT_PIECE_CELLS / cols));
  const pieces = Math.ceil(rows / pieceRows);
  // _ValidateArraySize, then per piece two getRow, a getBoundingRect and the set.
  return one + ACTION_BYTES + pieces * wireBytes(3, 0, 1);
}

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

/** The bytes Office.js serialises for a request of these operations. */
export function requestBytes(ops: readonly WriteOp[]): number {
  const sheets = new Set<string>();
  let n = OP_OVERHEAD;
  for (const op of ops) {
    sheets.add(op.sheet);
    n += op.bytes;
  }
  return n + sheets.size * SHEET_BYTES;
}

/** Packs operations into requests in order, each at most `maxBytes` as serialised. */
export function packBatches(ops: readonly WriteOp[], maxBytes: number): WriteOp[][] {
  return new RequestPacker(maxBytes).add(ops).done();
}

/** Fills requests in order; `cut()` ends the current one early. */
export class RequestPacker {
  private batches: WriteOp[][] = [];
  private current: WriteOp[] = [];
  private sheets = new Set<string>();
  private size = OP_OVERHEAD;

  constructor(private readonly maxBytes: number) {}

  add(ops: readonly WriteOp[]): this {
    for (const op of ops) {
      const more = op.bytes + (this.sheets.has(op.sheet) ? 0 : SHEET_BYTES);
      if (this.current.length && this.size + more > this.maxBytes) this.cut();
      if (!this.sheets.has(op.sheet)) {
        this.sheets.add(op.sheet);
        this.size += SHEET_BYTES;
      }
      this.current.push(op);
      this.size += op.bytes;
    }
    return this;
  }

  /** Whether the current request holds anything yet. */
  get pending(): boolean {
    return this.current.length > 0;
  }

  cut(): void {
    if (this.current.length) this.batches.push(this.current);
    this.current = [];
    this.sheets = new Set();
    this.size = OP_OVERHEAD;
  }

  done(): WriteOp[][] {
    this.cut();
    return this.batches;
  }
}

/** A 2-D array of `kind` over a rectangle of the sheet. */
export interface Grid<T extends CellInput> {
  kind: "cells" | "numberFormats" | "formulasR1C1";
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
    const at = { sheet: grid.sheet, rect, bytes: arraySetBytes(rect.rows, rect.cols, bytes) };
    if (grid.kind === "numberFormats")
      return { kind: grid.kind, ...at, formats: piece as string[][] };
    if (grid.kind === "formulasR1C1")
      return { kind: grid.kind, ...at, formulas: piece as string[][] };
    return { kind: grid.kind, ...at, formulas: piece as CellInput[][] };
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
