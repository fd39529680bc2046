// A table block as a structured table: the headings of its columns (multi-row headings
// joined, group headings spread over the columns under them), the role each heading gives
// its column, and its rows with their labels, sections and footnote markers.

import {
  PERIOD_PHRASE,
  isChangeRowLabel,
  isPeriodHeading,
  isTotalLabel,
  roleOfHeading,
  stripFootnotes,
} from "./periods";
import { isNotedFigure } from "../parseNumber";
import type { LineShape } from "./lineShapes";
import type { TableBlock } from "./segmentTables";
import type { StructuredColumn, StructuredRow, StructuredTable } from "./types";

interface Headed {
  labelHeadings: string[];
  headings: string[];
}

/** One heading line's cells placed over the table's label and figure columns. */
function placeCells(h: LineShape, block: TableBlock, fill: boolean): Headed {
  const cells = [...h.labels, ...h.figures];
  const n = block.labelCount;
  const firstCell = cells[0] ?? "";
  const leftAligned =
    firstCell === "" || !(isPeriodHeading(firstCell) || roleOfHeading(firstCell) !== null);
  const full = cells.length >= n + block.width || (leftAligned && cells.length > 1);
  const labelHeadings = full ? cells.slice(0, n) : Array<string>(n).fill("");
  const figureCells = full ? cells.slice(n) : cells;
  const offset = full ? 0 : block.width - figureCells.length;
  const headings = Array<string>(block.width).fill("");
  let carry = "";
  for (let j = 0; j < block.width; j++) {
    const c = j - offset >= 0 ? (figureCells[j - offset] ?? "") : "";
    if (c !== "") carry = c;
    headings[j] = c !== "" ? c : fill ? carry : "";
  }
  return { labelHeadings, headings };
}

const SPACED_ROLE_WORDS =
  /% change|change %|percentage change|per ?cent(?:age)? change|percentage|numeric|difference|change|rank|rate|total|share|distance|position|%/gi;

interface Phrase {
  at: number;
  text: string;
}

const TO_DATE = /^(?:(?:financial )?year to date|f?ytd)$/i;
const CHANGE_WORD = /change|difference|numeric|percentage/i;

/**
 * Phrases that print one heading: a year and its "Year to Date" ("2016 Year to Date"), and a
 * change and the periods it names ("% Change 2016-2017").
 */
function joinPhrases(text: string, found: Phrase[]): string[] {
  const out: Phrase[] = [];
  for (const f of found) {
    const prev = out[out.length - 1];
    const gap = prev ? text.slice(prev.at + prev.text.length, f.at) : "";
    const toDate = prev && /^\s+$/.test(gap) && TO_DATE.test(f.text) && !TO_DATE.test(prev.text);
    const ofChange =
      prev && CHANGE_WORD.test(prev.text) && isPeriodHeading(f.text) && /^[\s:]*$/.test(gap);
    if (prev && (toDate || ofChange)) prev.text = text.slice(prev.at, f.at + f.text.length);
    else out.push({ ...f });
  }
  return out.map((p) => p.text);
}

/** The phrases of a PDF-copied heading line: periods and role words, in order. */
function phrasesOf(text: string): string[] {
  const found: Phrase[] = [];
  PERIOD_PHRASE.lastIndex = 0;
  for (const m of text.matchAll(PERIOD_PHRASE)) found.push({ at: m.index ?? 0, text: m[0] });
  const taken = (at: number, len: number) =>
    found.some((f) => at < f.at + f.text.length && f.at < at + len);
  for (const m of text.matchAll(SPACED_ROLE_WORDS)) {
    const at = m.index ?? 0;
    if (!taken(at, m[0].length)) found.push({ at, text: m[0] });
  }
  return joinPhrases(
    text,
    found.sort((a, b) => a.at - b.at)
  );
}

function spacedHeadings(block: TableBlock): Headed {
  const width = block.width;
  const lines = block.headings.map((h) => phrasesOf(h.text));
  let base = -1;
  lines.forEach((p, k) => {
    if (p.length <= width && (base < 0 || p.length >= (lines[base] as string[]).length)) base = k;
  });
  const headings = Array<string>(width).fill("");
  if (base >= 0) {
    const p = lines[base] as string[];
    p.forEach((t, k) => (headings[width - p.length + k] = t));
    // A line of period words over the period columns ("Earlier Period  Later Period").
    lines.forEach((q, k) => {
      if (k === base || q.length === 0 || !q.every(isPeriodHeading)) return;
      const periodCols = headings
        .map((h, j) => (roleOfHeading(h) === "period" ? j : -1))
        .filter((j) => j >= 0);
      if (periodCols.length === q.length)
        periodCols.forEach((j, m) => (headings[j] = `${q[m]} ${headings[j]}`));
    });
  }
  return { labelHeadings: Array<string>(block.labelCount).fill(""), headings };
}

function celledHeadings(block: TableBlock): Headed {
  const labelParts: string[][] = Array.from({ length: block.labelCount }, () => []);
  const parts: string[][] = Array.from({ length: block.width }, () => []);
  block.headings.forEach((h, k) => {
    const placed = placeCells(h, block, k < block.headings.length - 1);
    placed.labelHeadings.forEach((c, j) => c !== "" && labelParts[j]?.push(c));
    placed.headings.forEach((c, j) => c !== "" && parts[j]?.push(c));
  });
  return {
    labelHeadings: labelParts.map((p) => p.join(" ")),
    headings: parts.map((p) => p.join("\n")),
  };
}

/** A note in brackets ending a heading ("Baseline at 31 March 2013 (% change for 12 months)"). */
const HEADING_NOTE = /\s*\([^()]*\)$/;

/**
 * A column from its heading lines (joined by newlines): the lowest line says its role. Where
 * the column prints figures with notes in brackets ("40,861 (3%)"), the heading's own note
 * in brackets may say what those notes are ("(% change for 12 months)"), not what the
 * figures are: the rest of the heading says the role when it names one.
 */
function columnOf(heading: string, notedCells: boolean): StructuredColumn {
  const lines = heading.split("\n").map((line) => line.split(" ").map((w) => stripFootnotes(w)));
  const texts = lines.map((words) => words.map((w) => w.text).join(" "));
  const footnotes = lines.flatMap((words) => words.flatMap((w) => w.footnotes));
  const roleOf = (t: string) =>
    (notedCells ? roleOfHeading(t.replace(HEADING_NOTE, "")) : null) ?? roleOfHeading(t);
  const bottom = texts[texts.length - 1] ?? "";
  const groups = texts.slice(0, -1);
  const role =
    roleOf(bottom) ??
    (groups.some((g) => roleOfHeading(g) === "period") ? "period" : null) ??
    (groups.length > 0 ? null : roleOf(texts.join(" "))) ??
    "value";
  return { heading: texts.join(" "), role, footnotes };
}

/** Whether column `j` of a block prints a figure with a note in brackets on some row. */
function printsNotes(block: TableBlock, j: number): boolean {
  return block.rows.some((r) => isNotedFigure(r.figures[j] ?? ""));
}

function rowOf(
  s: LineShape,
  width: number,
  section: string | null,
  spaced: boolean
): StructuredRow {
  const stripped = s.labels.map((l) => stripFootnotes(l));
  const labels = stripped.map((l) => l.text);
  const cells = Array.from({ length: width }, (_, j) => s.figures[j] ?? "");
  const name = labels.join(" ");
  return {
    line: s.line,
    labels: spaced || labels.length > 0 ? labels : [""],
    section,
    cells,
    totalLabel: isTotalLabel(name),
    changeRow: isChangeRowLabel(name),
    footnotes: stripped.flatMap((l) => l.footnotes),
  };
}

export function buildTable(block: TableBlock, layout: StructuredTable["layout"]): StructuredTable {
  const spaced = layout === "spaced";
  const headed = spaced ? spacedHeadings(block) : celledHeadings(block);
  // A row of a label and no figures is a section heading, unless the table prints blanks
  // for nothing (then it is a row whose figures are all blank).
  const printsBlanks = block.rows.some((r) => r.numbers > 0 && r.figures.some((f) => f === ""));
  const rows: StructuredRow[] = [];
  let section: string | null = null;
  const sectionLines: number[] = [];
  for (const s of block.rows) {
    const sectionLine = spaced ? s.figures.length === 0 : !printsBlanks;
    if (s.numbers === 0 && s.figures.every((f) => f === "") && sectionLine) {
      section = s.labels
        .filter((l) => l !== "")
        .map((l) => stripFootnotes(l).text)
        .join(" ");
      sectionLines.push(s.line);
      continue;
    }
    rows.push(rowOf(s, block.width, section, spaced));
  }
  return {
    title: block.title ? block.title.text : null,
    titleLine: block.title ? block.title.line : null,
    sectionLines,
    headerLines: block.headings.map((h) => h.line),
    labelHeadings: headed.labelHeadings.map((h) => stripFootnotes(h).text),
    columns: headed.headings.map((h, j) => columnOf(h, printsNotes(block, j))),
    rows,
    layout,
  };
}
