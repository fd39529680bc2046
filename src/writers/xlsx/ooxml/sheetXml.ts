// A worksheet part written row by row from its SheetSpec: the XML comes out in chunks as
// the rows are made, so memory holds one chunk of rows, never the whole sheet's XML.
// Element order inside <worksheet> is the schema's (excelRules.ts).
import type { BlockSpec, CellSpec, SheetSpec } from "../../../layout/spec";
import { colLetter } from "../../../layout/a1";
import { headingLines, headingRowHeight } from "../../../layout/rowHeights";
import { cellXml, type CellExtras, type SharedFormula } from "./cellXml";
import type { SheetContext } from "./sheetContext";
import { tableColumnNames } from "./tableXml";
import { sheetHead, sheetTail } from "./sheetParts";

export type { KeptCells, SheetContext, SheetNote } from "./sheetContext";

/** What a header cell keeps of its spec besides its text: style, format, note. */
const TEXT_ONLY = {
  number: undefined,
  bool: undefined,
  formula: undefined,
  formulaRow: undefined,
  link: undefined,
};

/** A cell of a row being merged: a spec cell with the block it came from, or a kept cell's XML. */
type Merged = { cell: CellSpec; block?: BlockSpec } | string;

/** Characters of XML gathered before a chunk is handed on. */
const CHUNK = 1 << 16;

/** The sheet's XML in chunks, in order. */
export function* sheetXmlChunks(sheet: SheetSpec, ctx: SheetContext): Generator<string> {
  const rows = new RowWriter(sheet, ctx);
  yield sheetHead(sheet, ctx);
  let buf = "";
  for (const xml of rows.rows()) {
    buf += xml;
    if (buf.length >= CHUNK) {
      yield buf;
      buf = "";
    }
  }
  yield buf + "</sheetData>" + sheetTail(sheet, ctx, rows.links, rows.hasNotes);
}

/** Rows of the sheet in order, merged from its blocks, the kept cells and the table headers. */
class RowWriter {
  readonly links: { ref: string; target: string }[] = [];
  hasNotes = false;
  private readonly refs: string[] = [];
  private readonly headers = new Map<number, Map<number, string>>();
  private readonly widths: readonly number[];
  private ref = "";
  private row = 0;
  private col = 0;
  private readonly extras: CellExtras;
  /** Shared formula groups by the CellSpec filled down: its column and rows. */
  private readonly sharedGroups = new Map<
    CellSpec,
    { si: number; col: number; first: number; last: number }
  >();
  private nextSi = 0;

  constructor(
    private readonly sheet: SheetSpec,
    private readonly ctx: SheetContext
  ) {
    this.widths = sheet.columnWidths ?? [];
    for (const t of sheet.tables) {
      const names = tableColumnNames(sheet, t);
      const row = this.headers.get(t.row) ?? new Map<number, string>();
      names.forEach((name, i) => row.set(t.col + i, name));
      this.headers.set(t.row, row);
    }
    this.extras = {
      note: (text) => {
        this.hasNotes = true;
        ctx.notes?.push({ row: this.row, col: this.col, text });
      },
      link: (target) => this.links.push({ ref: this.ref, target }),
      shared: ctx.sharedStrings,
    };
  }

  private colRef(c: number): string {
    return (this.refs[c] ??= colLetter(c));
  }

  /** Every row with something in it, in order. */
  *rows(): Generator<string> {
    const blocks = this.sheet.blocks
      .map((b, order) => ({ b, order }))
      .filter(({ b }) => b.cells.length > 0)
      .sort((x, y) => x.b.row - y.b.row || x.order - y.order);
    const extra = [...new Set([...(this.ctx.keep?.keys() ?? []), ...this.headers.keys()])].sort(
      (x, y) => x - y
    );
    let active: { b: BlockSpec; order: number }[] = [];
    let bi = 0;
    let ei = 0;
    let r = Math.min(blocks[0]?.b.row ?? Infinity, extra[0] ?? Infinity);
    while (r < Infinity) {
      while (bi < blocks.length && (blocks[bi] as { b: BlockSpec }).b.row <= r)
        active.push(blocks[bi++] as { b: BlockSpec; order: number });
      if (active.some(({ b }) => b.row + b.cells.length <= r))
        active = active.filter(({ b }) => b.row + b.cells.length > r);
      while (ei < extra.length && (extra[ei] as number) < r) ei++;
      const xml = this.rowXml(r, active, extra[ei] === r);
      if (xml) yield xml;
      const nextExtra = extra[extra[ei] === r ? ei + 1 : ei] ?? Infinity;
      r = active.length > 0 ? r + 1 : Math.min(blocks[bi]?.b.row ?? Infinity, nextExtra);
    }
  }

  private rowXml(r: number, active: { b: BlockSpec; order: number }[], special: boolean): string {
    this.row = r;
    const only = active.length === 1 && !special ? active[0] : undefined;
    let cells = "";
    let lines = 1;
    if (only) {
      const row = only.b.cells[r - only.b.row] ?? [];
      for (let j = 0; j < row.length; j++) {
        const cell = row[j];
        if (!cell) continue;
        const c = only.b.col + j;
        cells += this.cell(cell, c, r, only.b);
        if (cell.style === "header") lines = Math.max(lines, this.headerLines(cell, c));
      }
    } else {
      const merged = this.merged(r, active);
      for (const c of [...merged.keys()].sort((x, y) => x - y)) {
        const entry = merged.get(c) as Merged;
        if (typeof entry === "string") {
          cells += entry;
          continue;
        }
        const { cell, block } = entry;
        cells += this.cell(cell, c, r, block);
        if (cell.style === "header") lines = Math.max(lines, this.headerLines(cell, c));
      }
    }
    if (!cells) return "";
    // A file has no autofit: a wrapped heading's row gets the height of its longest heading.
    const ht = lines > 1 ? ` ht="${headingRowHeight(lines)}" customHeight="1"` : "";
    return `<row r="${r + 1}"${ht}>${cells}</row>`;
  }

  /** The row's cells by column: later blocks over earlier ones, the spec over kept cells. */
  private merged(r: number, active: { b: BlockSpec; order: number }[]): Map<number, Merged> {
    const out = new Map<number, Merged>();
    for (const kept of this.ctx.keep?.get(r) ?? []) out.set(kept.col0, kept.xml);
    const ordered = active.length > 1 ? [...active].sort((x, y) => x.order - y.order) : active;
    for (const { b } of ordered) {
      const row = b.cells[r - b.row] ?? [];
      for (let j = 0; j < row.length; j++) {
        const cell = row[j];
        if (cell) out.set(b.col + j, { cell, block: b });
      }
    }
    // A table's header cells are text equal to its column names (Excel refuses others).
    for (const [c, name] of this.headers.get(r) ?? []) {
      const was = out.get(c);
      const cell =
        typeof was === "object" ? { ...was.cell, ...TEXT_ONLY, text: name } : { text: name };
      out.set(c, { cell });
    }
    return out;
  }

  private cell(cell: CellSpec, c: number, r: number, block?: BlockSpec): string {
    this.col = c;
    this.ref = this.colRef(c) + (r + 1);
    const shared =
      block && cell.formulaRow !== undefined ? this.shared(cell, c, r, block) : undefined;
    return cellXml(cell, this.ref, r, this.ctx.styles, this.extras, shared);
  }

  /** The shared formula a filled-down cell belongs to; a new group starts where it is first met. */
  private shared(cell: CellSpec, c: number, r: number, b: BlockSpec): SharedFormula | undefined {
    const g = this.sharedGroups.get(cell);
    if (g && g.col === c && r > g.first && r <= g.last) return { si: g.si };
    // The group runs down the column while the block holds this same cell.
    const j = c - b.col;
    let last = r;
    while (b.cells[last + 1 - b.row]?.[j] === cell) last++;
    if (last === r) return undefined;
    const si = this.nextSi++;
    this.sharedGroups.set(cell, { si, col: c, first: r, last });
    const col = this.colRef(c);
    return { si, ref: `${col}${r + 1}:${col}${last + 1}` };
  }

  private headerLines(cell: CellSpec, c: number): number {
    return headingLines(cell.text, this.widths[c]);
  }
}
