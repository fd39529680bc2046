// A block of lines into rows of cells. Columns are the x-spans its rows occupy: figures
// are right-aligned and labels left-aligned within their column, so the union of the
// chunks' extents over every row leaves a gap between two columns and none inside one.
// A heading that wraps over several lines becomes one heading row; a label that wraps
// goes with the row of figures nearest to it. A row with two chunks in one column means
// the columns cannot be told apart: the block is unreadable, never guessed at.
import { hasFigures, isFigure, occupiedSpans } from "./findBlocks";
import { lineText, type PdfChunk, type PdfLine } from "./groupLines";

/** One row of a table as cells, with the page it is on. */
export interface PdfRow {
  page: number;
  cells: string[];
}

export type BlockLayout =
  | { ok: true; rows: PdfRow[] }
  /** `unlabelled`: rows of figures with no label (a wide table split across pages). */
  | { ok: false; page: number; unlabelled?: boolean };

/** Largest gap, in font sizes, between a wrapped label's line and its row's. */
const WRAP_GAP = 1.6;
/** Gaps within this many font sizes of each other are equal (a wrapped label's lines are evenly spaced). */
const SAME_GAP = 0.25;

/** Joins a wrapped text: no space after a hyphen or slash that ends a word ("Theft/", "Non-"). */
function joinWrapped(a: string, b: string): string {
  if (a === "") return b;
  if (b === "") return a;
  return /[^\s][-/]$/.test(a) ? a + b : `${a} ${b}`;
}

type Span = [number, number];

const overlapOf = ([a, b]: Span, [c, d]: Span): number => Math.min(b, d) - Math.max(a, c);

/** The columns, and for each heading cell (the span its wrapped lines occupy) its column. */
interface Columns {
  spans: Span[];
  headings: { span: Span; column: number }[];
}

/**
 * The body column a heading cell over no figures heads: the nearest headless column of
 * figures to its right (a left-aligned heading over right-aligned figures), else the
 * headless one to its left; none when both neighbours have headings of their own (an
 * empty column such as Target).
 */
function orphanColumn(h: Span, body: Span[], headed: Set<number>): number | undefined {
  const right = body.findIndex((b) => b[0] >= h[1]);
  const left = right < 0 ? body.length - 1 : right - 1;
  if (right >= 0 && !headed.has(right)) return right;
  if (left >= 0 && !headed.has(left) && left > 0) return left;
  return undefined;
}

/**
 * The columns: the spans of the rows, where figures are right-aligned and labels left-
 * aligned within their column; and the heading cells over them. A heading cell over no
 * figures heads a neighbouring column or, failing that, an empty column of its own.
 */
function columnsOf(heading: PdfLine[], bodyLines: PdfLine[]): Columns {
  const body = occupiedSpans(bodyLines);
  const cells = occupiedSpans(heading);
  const over = cells.map((h) => body.findIndex((b) => overlapOf(b, h) > 0));
  const headed = new Set(over.filter((i) => i >= 0));
  const own = cells.map((h, k) => ((over[k] ?? -1) >= 0 ? over[k] : orphanColumn(h, body, headed)));
  own.forEach((c) => c !== undefined && headed.add(c));
  const extra = cells.filter((_, k) => own[k] === undefined);
  const spans = [...body, ...extra].sort((a, b) => a[0] - b[0]);
  const headings = cells.map((span, k) => {
    const c = own[k];
    return { span, column: c === undefined ? spans.indexOf(span) : spans.indexOf(body[c] as Span) };
  });
  return { spans, headings };
}

/** The column a chunk is in: the one it overlaps most, or its heading cell's. */
function columnOf(c: PdfChunk, columns: Columns, isHeading: boolean): number {
  const own: Span = [c.x0, c.x1];
  if (isHeading) {
    const cell = columns.headings.find((h) => overlapOf(h.span, own) > 0);
    if (cell) return cell.column;
  }
  let best = 0;
  let most = -Infinity;
  columns.spans.forEach((col, i) => {
    const overlap = overlapOf(col, own);
    if (overlap > most) [best, most] = [i, overlap];
  });
  return best;
}

/** A line's cells, or null when two of its chunks fall in one column. */
function cellsOf(l: PdfLine, columns: Columns, isHeading = false): string[] | null {
  const cells = columns.spans.map(() => "");
  const taken = new Set<number>();
  for (const c of l.chunks) {
    const i = columnOf(c, columns, isHeading);
    if (taken.has(i)) return null;
    taken.add(i);
    cells[i] = c.text;
  }
  return cells;
}

/** The block without a heading repeated at the top of a later page. */
function dropRepeatedHeading(lines: PdfLine[], headingCount: number): PdfLine[] {
  const heading = lines.slice(0, headingCount).map(lineText).join("\n");
  const kept: PdfLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as PdfLine;
    const newPage = i > 0 && l.page !== (lines[i - 1] as PdfLine).page;
    const again = lines
      .slice(i, i + headingCount)
      .map(lineText)
      .join("\n");
    if (newPage && headingCount > 0 && again === heading) {
      i += headingCount - 1;
      continue;
    }
    kept.push(l);
  }
  return kept;
}

function gapBetween(a: PdfLine | undefined, b: PdfLine | undefined): number {
  if (!a || !b || a.page !== b.page) return Infinity;
  return Math.abs(b.y - a.y) / Math.max(a.size, b.size);
}

/** Merges lines' cells column by column, top to bottom. */
function mergeCells(rows: string[][], width: number): string[] {
  const out = Array.from({ length: width }, () => "");
  for (const r of rows) r.forEach((c, i) => (out[i] = joinWrapped(out[i] ?? "", c)));
  return out;
}

/** The body's rows: each line with figures starts one; a line without goes with the nearer row. */
function bodyRows(body: PdfLine[], cells: string[][], width: number): PdfRow[] {
  const groups: { page: number; parts: string[][] }[] = [];
  let pending: string[][] = [];
  body.forEach((l, i) => {
    const part = cells[i] as string[];
    if (hasFigures(l)) {
      groups.push({ page: l.page, parts: [...pending, part] });
      pending = [];
      return;
    }
    const prev = body[i - 1];
    const before = pending.length === 0 ? gapBetween(prev, l) : Infinity;
    const after = gapBetween(l, body[i + 1]);
    const last = groups[groups.length - 1];
    // A label split by a page break: its end heads the next page.
    const carried = pending.length === 0 && prev !== undefined && prev.page !== l.page;
    if (last && (carried || (before <= WRAP_GAP && before <= after + SAME_GAP)))
      last.parts.push(part);
    else if (after <= WRAP_GAP && body[i + 1] && hasFigures(body[i + 1] as PdfLine))
      pending.push(part);
    else groups.push({ page: l.page, parts: [part] });
  });
  if (pending.length > 0) groups.push({ page: body[body.length - 1]?.page ?? 0, parts: pending });
  return groups.map((g) => ({ page: g.page, cells: mergeCells(g.parts, width) }));
}

/** The rows of a block, its heading first, or the page where its columns cannot be told apart. */
export function layoutBlock(block: PdfLine[]): BlockLayout {
  const firstRow = block.findIndex(hasFigures);
  const headingCount = firstRow < 0 ? 0 : firstRow;
  const lines = dropRepeatedHeading(block, headingCount);
  const heading = lines.slice(0, headingCount);
  const body = lines.slice(headingCount);
  const columns = columnsOf(
    heading,
    body.filter((l) => l.chunks.length >= 2 || hasFigures(l))
  );
  const page = block[0]?.page ?? 0;
  const width = columns.spans.length;
  if (width < 2) return { ok: false, page };
  const bodyCells: string[][] = [];
  for (const l of body) {
    const cells = cellsOf(l, columns);
    if (cells === null) return { ok: false, page: l.page };
    bodyCells.push(cells);
  }
  const rows: PdfRow[] = [];
  if (heading.length > 0) {
    const parts = heading.map((l) => cellsOf(l, columns, true) ?? [lineText(l)]);
    rows.push({ page, cells: mergeCells(parts, width) });
  }
  const bodyRowsRead = bodyRows(body, bodyCells, width);
  // Rows of figures with no label to say what they count: never read as a table.
  const labelled = bodyRowsRead.some((r) => r.cells.some((c) => c !== "" && !isFigure(c)));
  if (!labelled) return { ok: false, page, unlabelled: true };
  rows.push(...bodyRowsRead);
  return { ok: true, rows };
}
