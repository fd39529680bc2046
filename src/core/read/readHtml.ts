// HTML as a browser's or Word's clipboard gives it, through htmlparser2's tokenizer
// (htmlEvents.ts, in time linear whatever the nesting): each table row becomes a line of cells; text between tables (headings,
// paragraphs) becomes one-cell lines. Lines are numbered by their position in the paste
// (1 = the first heading, paragraph or row), as they would read if pasted as plain text.

import { parseHtml } from "./htmlEvents";
import { MAX_CELLS, SourceGrid, SourceLine, cleanCell } from "./sourceLines";

const SKIPPED = new Set(["script", "style", "head", "title", "template", "noscript", "xml", "svg"]);
const BLOCKS = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "section",
  "article",
  "header",
  "footer",
  "caption",
  "blockquote",
  "pre",
  "dt",
  "dd",
  "body",
  "html",
  "hr",
  "table",
  "br",
]);
const MAX_SPAN = 1000;

interface Cell {
  text: string;
  colspan: number;
  rowspan: number;
}

function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Lays a row's cells out on columns, leaving the columns a rowspan from above still covers. */
function layRow(
  row: Cell[],
  covered: Map<number, number>
): { cells: string[]; next: Map<number, number> } {
  const cells: string[] = [];
  const next = new Map<number, number>();
  let col = 0;
  const skipCovered = () => {
    while (covered.has(col) && cells.length < MAX_CELLS) {
      cells.push("");
      const left = (covered.get(col) ?? 1) - 1;
      if (left > 0) next.set(col, left);
      col++;
    }
  };
  for (const c of row) {
    skipCovered();
    if (cells.length >= MAX_CELLS) break;
    for (let k = 0; k < c.colspan && cells.length < MAX_CELLS; k++) {
      cells.push(k === 0 ? c.text : "");
      if (c.rowspan > 1) next.set(col, c.rowspan - 1);
      col++;
    }
  }
  // Columns to the right still covered by a rowspan from above.
  for (const [k, left] of covered) if (k >= col && left - 1 > 0) next.set(k, left - 1);
  return { cells, next };
}

/**
 * Collects lines from the parser's events: the rows of outermost tables as cells (a
 * nested table's text joins its cell), and text between blocks as one-cell lines.
 */
class HtmlGrid {
  readonly lines: SourceLine[] = [];
  private skipDepth = 0;
  private tableDepth = 0;
  private text = "";
  private row: Cell[] | null = null;
  private cell: Cell | null = null;
  // Columns still covered by a cell above (rowspan): column → rows left.
  private covered = new Map<number, number>();

  private push(cells: string[]): void {
    this.lines.push({ line: this.lines.length + 1, cells });
  }

  flushText(): void {
    const t = cleanCell(this.text);
    this.text = "";
    if (t !== "") this.push([t]);
  }

  private endCell(): void {
    if (this.row && this.cell) this.row.push({ ...this.cell, text: cleanCell(this.cell.text) });
    this.cell = null;
  }

  endRow(): void {
    this.endCell();
    if (!this.row) return;
    const { cells, next } = layRow(this.row, this.covered);
    this.covered = next;
    this.row = null;
    if (cells.some((c) => c !== "")) this.push(cells);
  }

  get inTable(): boolean {
    return this.tableDepth > 0;
  }

  open(name: string, attrs: Record<string, string>): void {
    if (this.skipDepth > 0 || SKIPPED.has(name)) {
      if (SKIPPED.has(name)) this.skipDepth++;
    } else if (name === "table") this.openTable();
    else if (this.tableDepth === 1) this.openInTable(name, attrs);
    else if (this.tableDepth > 1) {
      if (this.cell && (name === "td" || name === "th" || name === "br")) this.cell.text += " ";
    } else if (BLOCKS.has(name)) this.flushText();
  }

  private openTable(): void {
    this.tableDepth++;
    if (this.tableDepth === 1) {
      this.flushText();
      this.covered = new Map();
    }
  }

  private openInTable(name: string, attrs: Record<string, string>): void {
    if (name === "tr") {
      this.endRow();
      this.row = [];
    } else if (name === "td" || name === "th") {
      this.endCell();
      if (!this.row) this.row = [];
      this.cell = { text: "", colspan: spanOf(attrs.colspan), rowspan: spanOf(attrs.rowspan) };
    } else if (name === "br" && this.cell) {
      this.cell.text += " ";
    }
  }

  addText(data: string): void {
    if (this.skipDepth > 0) return;
    if (this.tableDepth === 0) this.text += data;
    else if (this.cell) this.cell.text += data;
  }

  close(name: string): void {
    if (SKIPPED.has(name)) {
      if (this.skipDepth > 0) this.skipDepth--;
    } else if (this.skipDepth > 0) return;
    else if (name === "table") {
      if (this.tableDepth === 1) this.endRow();
      if (this.tableDepth > 0) this.tableDepth--;
    } else if (this.tableDepth === 1) {
      if (name === "tr") this.endRow();
      else if (name === "td" || name === "th") this.endCell();
    } else if (this.tableDepth === 0 && BLOCKS.has(name)) this.flushText();
  }
}

export function htmlLines(html: string): SourceGrid {
  const grid = new HtmlGrid();
  parseHtml(html, {
    open: (name, attrs) => grid.open(name, attrs),
    text: (data) => grid.addText(data),
    close: (name) => grid.close(name),
  });
  if (grid.inTable) grid.endRow();
  grid.flushText();
  return { spaced: false, lines: grid.lines };
}

/** Whether text is HTML markup (a browser or Word clipboard, or a saved .html file). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart();
  if (/^(?:<!doctype html|<html|<\?xml[^>]*>\s*<html|version:\d)/i.test(head))
    return /<(?:table|tr|td|p|div|h\d|body)[\s>]/i.test(text);
  return /^<(?:table|tr|body|meta|div|h\d|p|!--)[\s>]/i.test(head) && /<t[rd][\s>]/i.test(text);
}
