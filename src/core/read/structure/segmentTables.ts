// Groups the lines of a grid into tables: a run of data rows of one shape, the heading lines
// and title above it, section headings and total rows within it. Every other non-blank line
// is returned as unread, with its line number and why.

import type { LineShape } from "./lineShapes";
import type { UnreadLine } from "./types";

export interface TableBlock {
  title: LineShape | null;
  headings: LineShape[];
  /** Data rows and section headings, in order. */
  rows: LineShape[];
  labelCount: number;
  width: number;
}

/** Most heading lines taken above a table. */
const MAX_HEADINGS = 3;

function isData(s: LineShape): boolean {
  return !s.blank && !s.rule && s.numbers > 0 && !s.yearsOnly;
}

/** A line of a label alone: a section heading, or a row with nothing printed. */
function isSection(s: LineShape): boolean {
  return !s.blank && s.filled === 1 && s.labels.length >= 1 && s.numbers === 0;
}

/** A PDF-copied line of a few words and no figure inside a table: a section heading. */
function spacedSection(s: LineShape): boolean {
  return (
    s.figures.length === 0 &&
    s.badToken === null &&
    s.text.length <= 60 &&
    !/^(?:\(?\d{1,2}\)?|[*\u2020\u2021])\s/.test(s.text)
  );
}

/** Most lines of another shape stepped over inside a table. */
const MAX_ODD_RUN = 10;

/** Whether `s` is a row of the table whose first row is `first`. */
function fits(first: LineShape, s: LineShape, spaced: boolean): boolean {
  if (!isData(s)) return false;
  if (spaced) return s.figures.length === first.figures.length;
  return s.labels.length === first.labels.length;
}

function nextFilled(shapes: LineShape[], from: number): number {
  let j = from;
  while (j < shapes.length && ((shapes[j] as LineShape).blank || (shapes[j] as LineShape).rule))
    j++;
  return j;
}

interface Collected {
  rows: LineShape[];
  odd: UnreadLine[];
  end: number;
}

function oddRow(s: LineShape, first: LineShape, spaced: boolean): UnreadLine {
  const why = s.badToken
    ? `"${s.badToken}" is not a figure (figures run together?)`
    : spaced
      ? `a row of another shape: ${s.figures.length} figures where the table has ${first.figures.length}`
      : `a row of another shape: ${s.labels.length} label cells where the table has ${first.labels.length}`;
  return { line: s.line, text: s.text, why };
}

/** The rows of a table from `start` (its first data row). */
function collectRows(shapes: LineShape[], start: number, spaced: boolean): Collected {
  const first = shapes[start] as LineShape;
  const rows: LineShape[] = [first];
  const odd: UnreadLine[] = [];
  let j = start + 1;
  while (j < shapes.length) {
    const s = shapes[j] as LineShape;
    if (s.rule) {
      j++;
      continue;
    }
    if (s.blank) {
      // Across a blank line only a single closing row (a total printed apart) belongs.
      const k = nextFilled(shapes, j);
      const after = nextFilled(shapes, k + 1);
      const alone = after >= shapes.length || !fits(first, shapes[after] as LineShape, spaced);
      if (k < shapes.length && alone && fits(first, shapes[k] as LineShape, spaced) && !spaced) {
        rows.push(shapes[k] as LineShape);
        j = k + 1;
        continue;
      }
      break;
    }
    if (fits(first, s, spaced)) {
      rows.push(s);
      j++;
      continue;
    }
    // Lines of a label alone, or of another shape, inside a table: the table goes on when
    // a row of its shape follows them.
    let k = j;
    let run = 0;
    while (k < shapes.length && run <= MAX_ODD_RUN) {
      const t = shapes[k] as LineShape;
      if (t.blank || t.rule) k++;
      else if (fits(first, t, spaced) || (t.filled > 1 && t.numbers === 0) || t.yearsOnly) break;
      else {
        k++;
        run++;
      }
    }
    const resumes = k < shapes.length && fits(first, shapes[k] as LineShape, spaced);
    if (!resumes) break;
    for (let m = j; m < k; m++) {
      const t = shapes[m] as LineShape;
      if (t.blank || t.rule) continue;
      if (isSection(t) && (!spaced || spacedSection(t))) rows.push(t);
      else odd.push(oddRow(t, first, spaced));
    }
    j = k;
  }
  return { rows, odd, end: j };
}

/** Whether a line may head a table (a heading, not prose or a row of figures). */
function mayHead(s: LineShape, spaced: boolean): boolean {
  if (s.blank || s.rule) return false;
  if (s.yearsOnly) return true;
  if (spaced) return s.headingWords && s.numbers === 0;
  return s.numbers === 0;
}

/**
 * A line of a few words under a heading that already names every figure column: a section
 * heading whose words spill into the first figure column (an HTML row "Inner London courts |
 * City of London Police" spanning the table), not a further line of headings.
 */
function sectionUnderFullHeading(last: LineShape, above: LineShape): boolean {
  const named = [...above.labels.slice(1), ...above.figures].filter((f) => f !== "").length;
  const words = [...last.labels.slice(1), ...last.figures].filter((f) => f !== "").length;
  return (
    last.numbers === 0 &&
    (last.labels[0] ?? "") !== "" &&
    (above.labels[0] ?? "") === "" &&
    named >= 2 &&
    words * 2 < named
  );
}

/** Heading lines and title taken from the pending lines just above a table. */
interface Head {
  title: LineShape | null;
  headings: LineShape[];
  /** A section heading between the headings and the first row. */
  section: LineShape | null;
  rest: LineShape[];
}

function headOf(pending: LineShape[], spaced: boolean): Head {
  const headings: LineShape[] = [];
  let k = pending.length - 1;
  let section: LineShape | null = null;
  const last = pending[k];
  const above = pending[k - 1];
  const celledSection =
    !spaced &&
    last &&
    above &&
    (isSection(last) || sectionUnderFullHeading(last, above)) &&
    above.filled > 1;
  // A PDF copy: a line of a few words, not itself a heading, under a heading line.
  const spacedSectionLine =
    spaced && last && isSection(last) && spacedSection(last) && !last.headingWords;
  if (last && above && (celledSection || spacedSectionLine) && mayHead(above, spaced)) {
    section = last;
    k--;
  }
  while (k >= 0 && headings.length < MAX_HEADINGS && mayHead(pending[k] as LineShape, spaced)) {
    const s = pending[k] as LineShape;
    // Adjacent lines only: a blank line between ends the heading.
    if (headings.length > 0 && (headings[0] as LineShape).line - s.line > 1) break;
    const filled = [...s.labels, ...s.figures].filter((f) => f !== "").length;
    // A line of one cell above a table is its title, not a heading.
    if (!spaced && filled <= 1 && !s.yearsOnly) break;
    headings.unshift(s);
    k--;
  }
  let title: LineShape | null = null;
  const cand = pending[k];
  const gapOk = cand && (headings.length === 0 || (headings[0] as LineShape).line - cand.line <= 2);
  if (cand && gapOk && cand.numbers === 0 && cand.text.length <= 200) {
    title = cand;
    k--;
  }
  return { title, headings, section, rest: pending.slice(0, k + 1) };
}

function tableStarts(shapes: LineShape[], i: number, spaced: boolean, headed: boolean): boolean {
  const s = shapes[i] as LineShape;
  if (!isData(s)) return false;
  const k = nextFilled(shapes, i + 1);
  const next = shapes[k];
  if (next && fits(s, next, spaced)) return true;
  return headed && (spaced ? s.figures.length >= 2 : s.figures.length >= 1);
}

function proseWhy(s: LineShape): string {
  if (/^(?:\(?\d{1,2}\)?|[*\u2020\u2021])\s+[A-Za-z]/.test(s.text)) return "a footnote";
  if (s.badToken) return `"${s.badToken}" is not a figure (figures run together?)`;
  if (s.numbers > 0) return "a line of figures outside any table";
  return "text, not a table row";
}

export function segmentTables(
  shapes: LineShape[],
  spaced: boolean
): { blocks: TableBlock[]; unread: UnreadLine[] } {
  const blocks: TableBlock[] = [];
  const unread: UnreadLine[] = [];
  let pending: LineShape[] = [];
  const flush = (lines: LineShape[]) => {
    for (const s of lines) unread.push({ line: s.line, text: s.text, why: proseWhy(s) });
  };
  let i = 0;
  while (i < shapes.length) {
    const s = shapes[i] as LineShape;
    if (s.blank || s.rule) {
      i++;
      continue;
    }
    const head = headOf(pending, spaced);
    if (tableStarts(shapes, i, spaced, head.headings.length > 0)) {
      const { rows, odd, end } = collectRows(shapes, i, spaced);
      if (head.section) rows.unshift(head.section);
      flush(head.rest);
      const headingTexts = new Set(head.headings.map((h) => h.text));
      for (const o of odd)
        unread.push(headingTexts.has(o.text) ? { ...o, why: "the table's heading, repeated" } : o);
      // Data rows set the width; a heading cell beyond them has no figures under it.
      const width = Math.max(...rows.map((r) => r.figures.length));
      blocks.push({
        title: head.title,
        headings: head.headings,
        rows,
        labelCount: s.labels.length,
        width,
      });
      pending = [];
      i = end;
      continue;
    }
    pending.push(s);
    i++;
  }
  flush(pending);
  unread.sort((a, b) => a.line - b.line);
  return { blocks, unread };
}
