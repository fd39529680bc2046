// Lines into the stretches that may be tables: runs of lines with two or more chunks
// (cells with a gap between them), with the one-chunk lines inside them (wrapped labels
// and headings). A block runs on over a page break when the next page goes on with rows
// that fit its columns, or repeats its heading first.
import { parseNumber } from "../parseNumber";
import { parsePeriodLine } from "../parseDate";
import { lineText, type PdfLine } from "./groupLines";

/** A stretch of lines that may be a table, or a line of text between tables. */
export type PdfSegment = { kind: "block"; lines: PdfLine[] } | { kind: "text"; line: PdfLine };

/** Largest gap between the lines of one table, in font sizes (a row of wrapped labels included). */
const ROW_GAP = 4;
/** Largest gap to a one-chunk line that goes on the table's last row (a wrapped label). */
const WRAP_GAP = 1.45;

const isTabular = (l: PdfLine): boolean => l.chunks.length >= 2;

/** Whether a chunk is a figure (a count, a percentage) or a status dot. */
export function isFigure(text: string): boolean {
  const kind = parseNumber(text).kind;
  return kind === "number" || kind === "status";
}

/** Whether a line holds a figure right of its first chunk: a row of a table rather than a heading. */
export function hasFigures(l: PdfLine): boolean {
  return l.chunks.some((c, i) => i > 0 && isFigure(c.text));
}

function gap(a: PdfLine, b: PdfLine): number {
  return a.page === b.page ? (b.y - a.y) / Math.max(a.size, b.size) : Infinity;
}

/** The x-spans occupied by the chunks of some lines, merged where they overlap. */
export function occupiedSpans(lines: PdfLine[]): [number, number][] {
  const spans = lines.flatMap((l) => l.chunks.map((c): [number, number] => [c.x0, c.x1]));
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1] + 0.5) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/**
 * Whether each chunk of a line starts within one of the spans and reaches no further one:
 * it crosses no gap between columns (a wrapped label may be wider than the others).
 */
function fitsSpans(l: PdfLine, spans: [number, number][]): boolean {
  return l.chunks.every((c) => {
    const k = spans.findIndex(([a, b]) => c.x0 >= a - 2 && c.x0 <= b);
    const next = spans[k + 1];
    return k >= 0 && (next === undefined || c.x1 < next[0]);
  });
}

/** Whether `l`, first on a new page, goes on with the block `block` ended the last page with. */
function continuesOver(block: PdfLine[], l: PdfLine): boolean {
  const last = block[block.length - 1];
  if (!last || l.page !== last.page + 1 || !isTabular(l)) return false;
  const heading = block.find((b) => isTabular(b));
  if (heading && lineText(heading) === lineText(l)) return true;
  const rows = block.filter(hasFigures);
  // A heading alone at the foot of the page: its rows (or the rest of it) go on under
  // its cells, a column without a heading (a status dot) aside.
  if (rows.length === 0) return alignsWith(l, occupiedSpans(block), true);
  return hasFigures(l) && alignsWith(l, occupiedSpans(rows), false);
}

/**
 * Whether each chunk of a row overlaps exactly one of the spans (a wider figure reaches
 * further left), or none where `unheaded` allows it; never two.
 */
function alignsWith(l: PdfLine, spans: [number, number][], unheaded: boolean): boolean {
  return l.chunks.every((c) => {
    const n = spans.filter(([a, b]) => c.x0 < b && c.x1 > a).length;
    return n === 1 || (unheaded && n === 0);
  });
}

/** Whether a one-chunk line may be part of a table: within its columns, not a period line. */
function mayBeInside(l: PdfLine, spans: [number, number][]): boolean {
  return fitsSpans(l, spans) && parsePeriodLine(lineText(l)) === undefined;
}

/**
 * The index past the one-chunk lines from `i` (wrapped labels or headings, within the
 * block's columns) that lead to another tabular line of the block; `i` when they do not.
 */
function innerRunEnd(block: PdfLine[], lines: PdfLine[], i: number): number {
  const spans = occupiedSpans(block.filter(isTabular));
  let j = i;
  while (j < lines.length && !isTabular(lines[j] as PdfLine)) {
    const prev = lines[j - 1] as PdfLine;
    const l = lines[j] as PdfLine;
    if (gap(prev, l) > ROW_GAP || !mayBeInside(l, spans)) return i;
    j++;
  }
  const next = lines[j];
  return next && gap(lines[j - 1] as PdfLine, next) <= ROW_GAP && isTabular(next) ? j : i;
}

/** Most one-chunk lines at the top of a page that a row split by the page break carries over. */
const CARRIED_LINES = 3;

/**
 * The index past the lines at the top of the next page that go on with the block: a
 * label carried over from its last row, then rows that fit its columns (or its heading
 * again). `i` itself when the block ends with its page.
 */
function overPageEnd(block: PdfLine[], lines: PdfLine[], i: number): number {
  const last = block[block.length - 1] as PdfLine;
  const spans = occupiedSpans(block.filter(isTabular));
  let j = i;
  while (j < lines.length && j - i < CARRIED_LINES) {
    const l = lines[j] as PdfLine;
    if (l.page !== last.page + 1 || isTabular(l) || !fitsSpans(l, spans)) break;
    j++;
  }
  const next = lines[j];
  if (next && next.page === last.page + 1 && continuesOver(block, next)) return j + 1;
  return endsOverleaf(last, lines, i, j) ? j : i;
}

/**
 * Whether lines `i` to `j`, heading the next page, end the last row's label and the table
 * with it: in the table's type size, close together, and apart from what follows.
 */
function endsOverleaf(last: PdfLine, lines: PdfLine[], i: number, j: number): boolean {
  if (j === i) return false;
  const carried = lines.slice(i, j);
  if (carried.some((l) => l.size > last.size * 1.2)) return false;
  if (carried.some((l, k) => k > 0 && gap(carried[k - 1] as PdfLine, l) > WRAP_GAP)) return false;
  // Apart in the label's own type size: prose set larger follows a little further down.
  const end = lines[j - 1] as PdfLine;
  const after = lines[j];
  return !after || after.page !== end.page || after.y - end.y > WRAP_GAP * end.size;
}

/** The lines of the block starting at `start` (a tabular line), and the index past it. */
function blockFrom(lines: PdfLine[], start: number): { block: PdfLine[]; end: number } {
  const block: PdfLine[] = [lines[start] as PdfLine];
  let i = start + 1;
  while (i < lines.length) {
    const l = lines[i] as PdfLine;
    const prev = lines[i - 1] as PdfLine;
    if (isTabular(l) && gap(prev, l) <= ROW_GAP) {
      block.push(l);
      i++;
      continue;
    }
    const over = l.page !== prev.page ? overPageEnd(block, lines, i) : i;
    if (over > i) {
      block.push(...lines.slice(i, over));
      i = over;
      continue;
    }
    const inner = innerRunEnd(block, lines, i);
    if (inner > i) {
      block.push(...lines.slice(i, inner));
      i = inner;
      continue;
    }
    // The last row's wrapped label at the foot of a page, and the table going on overleaf.
    const foot = wrappedEnd(block, lines, i);
    const next = lines[foot];
    const footed = [...block, ...lines.slice(i, foot)];
    const overleaf = foot > i && next && next.page !== lines[foot - 1]?.page;
    const carried = overleaf ? overPageEnd(footed, lines, foot) : foot;
    if (carried > foot) {
      block.push(...lines.slice(i, carried));
      i = carried;
      continue;
    }
    break;
  }
  const end = wrappedEnd(block, lines, i);
  block.push(...lines.slice(i, end));
  return { block, end };
}

/** The index past the lines from `i` that wrap the block's last label: close under it, within its columns. */
function wrappedEnd(block: PdfLine[], lines: PdfLine[], i: number): number {
  const spans = occupiedSpans(block.filter(isTabular));
  let j = i;
  while (j < lines.length) {
    const l = lines[j] as PdfLine;
    const prev = (j > i ? lines[j - 1] : block[block.length - 1]) as PdfLine;
    if (isTabular(l) || gap(prev, l) > WRAP_GAP || !mayBeInside(l, spans)) break;
    j++;
  }
  return j;
}

/** The document's lines as blocks and text lines, in reading order. */
export function findBlocks(lines: PdfLine[]): PdfSegment[] {
  const segments: PdfSegment[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i] as PdfLine;
    if (!isTabular(l)) {
      segments.push({ kind: "text", line: l });
      i++;
      continue;
    }
    const { block, end } = blockFrom(lines, i);
    // One tabular line with no other is a line of text with a wide gap, not a table.
    if (block.filter(isTabular).length >= 2) segments.push({ kind: "block", lines: block });
    else for (const b of block) segments.push({ kind: "text", line: b });
    i = end;
  }
  return segments;
}
