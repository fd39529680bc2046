// Runs of text into lines: runs whose baselines agree form a line, and runs on a line
// that nearly touch form one chunk (the words of one cell). The gaps left between chunks
// are what column detection works from.
import { cleanCell } from "../sourceLines";
import type { PdfPage, PdfTextRun } from "./pdfText";

/** Text on a line with no wide gap inside it: a cell, or a line of prose. */
export interface PdfChunk {
  text: string;
  x0: number;
  x1: number;
}

/** One line of a page: its baseline, font size and chunks, left to right. */
export interface PdfLine {
  page: number;
  pageHeight: number;
  y: number;
  size: number;
  chunks: PdfChunk[];
}

/** Runs whose heights overlap by this share of the smaller font are on one line. */
const SAME_BASELINE = 0.5;
/** Runs closer than this share of the font size belong to one chunk (a word space is about 0.28). */
const SAME_CHUNK = 0.45;

function chunksOf(runs: PdfTextRun[]): PdfChunk[] {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  const chunks: PdfChunk[] = [];
  let last: (PdfChunk & { size: number }) | null = null;
  for (const r of sorted) {
    const x1 = r.x + r.width;
    const gap = last ? r.x - last.x1 : Infinity;
    if (last && gap < SAME_CHUNK * Math.max(r.size, last.size)) {
      const space = gap > 0.1 * r.size && !/\s$/.test(last.text) && !/^\s/.test(r.text);
      last.text += (space ? " " : "") + r.text;
      last.x1 = Math.max(last.x1, x1);
      continue;
    }
    last = { text: r.text, x0: r.x, x1, size: r.size };
    chunks.push(last);
  }
  return chunks
    .map((c) => ({ text: cleanCell(c.text), x0: c.x0, x1: c.x1 }))
    .filter((c) => c.text !== "");
}

/** A run's height on the page: from a little above its x-height to below its baseline. */
function extent(r: PdfTextRun): [number, number] {
  return [r.y - 0.8 * r.size, r.y + 0.2 * r.size];
}

/**
 * Whether a run sits on the line begun by `first`: their heights overlap by half the
 * smaller font, so a status dot set in a larger fallback font, its baseline a few points
 * off, stays on its row.
 */
function onLine(first: PdfTextRun, r: PdfTextRun): boolean {
  const [a0, a1] = extent(first);
  const [b0, b1] = extent(r);
  return Math.min(a1, b1) - Math.max(a0, b0) >= SAME_BASELINE * Math.min(first.size, r.size);
}

/** The lines of a page, top to bottom. */
export function groupLines(page: PdfPage): PdfLine[] {
  const runs = page.runs.filter((r) => r.text.trim() !== "" && r.size > 0);
  runs.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfTextRun[][] = [];
  let current: PdfTextRun[] = [];
  for (const r of runs) {
    const first = current[0];
    if (first && !onLine(first, r)) {
      groups.push(current);
      current = [];
    }
    current.push(r);
  }
  if (current.length > 0) groups.push(current);
  return groups
    .map((g) => ({
      page: page.page,
      pageHeight: page.height,
      y: g[0]?.y ?? 0,
      size: Math.max(...g.map((r) => r.size)),
      chunks: chunksOf(g),
    }))
    .filter((l) => l.chunks.length > 0);
}

/** A line's text, its chunks joined by spaces. */
export function lineText(l: PdfLine): string {
  return l.chunks.map((c) => c.text).join(" ");
}
