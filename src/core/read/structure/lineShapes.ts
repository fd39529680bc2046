// Each line of a grid as a table reader sees it: its label cells, its figure cells, and
// whether it could be a data row, a heading, a section heading or a rule.

import { figureWithWords, parseNumber } from "../parseNumber";
import { filledCells, type SourceLine } from "../sourceLines";
import type { CellGrid } from "./cellLines";
import { isPeriodHeading, isYearText, roleOfHeading, stripFootnotes } from "./periods";
import { rowReference } from "./rowReference";
import { splitSpacedCells } from "./splitSpacedCells";

export interface LineShape {
  line: number;
  /** Filled cells (a PDF-copied line counts as one). */
  filled: number;
  /** The line's text, its cells joined with " | " (for messages). */
  text: string;
  blank: boolean;
  rule: boolean;
  labels: string[];
  /** Cells right of the labels, as printed (celled: blanks kept; spaced: figures only). */
  figures: string[];
  /** How many of `figures` are numbers. */
  numbers: number;
  /** Every figure is a year ("1997", "1992¹"): a heading of years, not data. */
  yearsOnly: boolean;
  /** Words of headings: periods or column roles ("May-14 to Apr-15", "% change"). */
  headingWords: boolean;
  /** A token with digits that is not a figure ("80.790.92"), if any. */
  badToken: string | null;
}

/** A figure, or a figure printed with words ("40,861 (3%)", "7.3 per day"). */
function isNumberCell(c: string): boolean {
  return parseNumber(c).kind === "number" || figureWithWords(c) !== null;
}

function isFigureCell(c: string): boolean {
  const k = parseNumber(c).kind;
  return k === "number" || k === "unavailable" || k === "status" || figureWithWords(c) !== null;
}

/** Words, not a figure: what a label holds. */
function isNameCell(c: string): boolean {
  return c !== "" && !isFigureCell(c) && /[a-z]{3}/i.test(c);
}

function yearsOnly(figures: string[]): boolean {
  const filled = figures.filter((f) => f !== "");
  return filled.length >= 2 && filled.every((f) => isYearText(stripFootnotes(f).text));
}

function celledShape(l: SourceLine, rule: boolean): LineShape {
  const cells = [...l.cells];
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  // The first cell is the label slot (blank in a heading over a label column); further
  // label cells are words side by side with it (a code and a name). Blanks after the
  // labels are figures not printed.
  let n = cells.length > 0 && !isFigureCell(cells[0] as string) ? 1 : 0;
  // A row's reference ("5", "5a", "2.1") before its name is a label beside it, as a code is.
  if (
    n === 0 &&
    cells.length > 1 &&
    rowReference(cells[0] as string) !== null &&
    isNameCell(cells[1] as string)
  )
    n = 1;
  while (n > 0 && n < cells.length && cells[n] !== "" && !isFigureCell(cells[n] as string)) n++;
  let labels = cells.slice(0, n);
  let figures = cells.slice(n);
  // A row labelled by its year ("1984  114,187  20,222 …"): the year is the label.
  if (labels.every((c) => c === "") && figures.length >= 2 && isYearText(figures[0] as string)) {
    const rest = figures.slice(1);
    if (!yearsOnly(rest)) {
      labels = [...labels.filter((c) => c !== ""), figures[0] as string];
      figures = rest;
    }
  }
  const filled = filledCells(l);
  const text = filled.join(" | ");
  return {
    line: l.line,
    filled: filled.length,
    text,
    blank: filled.length === 0,
    rule,
    labels,
    figures,
    numbers: figures.filter(isNumberCell).length,
    yearsOnly: yearsOnly(figures),
    headingWords: filled.some((c) => roleOfHeading(c) !== null || isPeriodHeading(c)),
    badToken: null,
  };
}

/** Words that mark a PDF-copied line as a heading (a title may start with "All" or "Total"). */
const SPACED_HEADING_WORD =
  /\b(?:change|difference|numeric|percentage|rate|rank|share|position|per 1,?000)\b|%/i;

function spacedShape(l: SourceLine): LineShape {
  const text = l.cells[0] ?? "";
  const split = splitSpacedCells(text);
  return {
    line: l.line,
    filled: text === "" ? 0 : 1,
    text,
    blank: text === "",
    rule: false,
    labels: split.label === "" ? [] : [split.label],
    figures: split.figures,
    numbers: split.figures.filter(isNumberCell).length,
    yearsOnly: yearsOnly(split.figures),
    headingWords: isPeriodHeading(text) || SPACED_HEADING_WORD.test(text),
    badToken: split.badToken,
  };
}

export function lineShapes(grid: CellGrid): LineShape[] {
  return grid.lines.map((l) =>
    grid.spaced ? spacedShape(l) : celledShape(l, grid.rules.has(l.line))
  );
}
