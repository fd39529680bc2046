// HTML as a browser's or Word's clipboard gives it, through htmlparser2's streaming
// parser: each table row becomes a line of cells; text between tables (headings,
// paragraphs) becomes one-cell lines. Lines are numbered by their position in the paste
// (1 = the first heading, paragraph or row), as they would read if pasted as plain text.

import { Parser } from "htmlparser2";
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

export function htmlLines(html: string): SourceGrid {
  const lines: SourceLine[] = [];
  const push = (cells: string[]) => lines.push({ line: lines.length + 1, cells });
  let skipDepth = 0;
  let tableDepth = 0;
  let text = "";
  let row: Cell[] | null = null;
  let cell: Cell | null = null;
  // Columns still covered by a cell above (rowspan): column → rows left.
  let covered = new Map<number, number>();

  const flushText = () => {
    const t = cleanCell(text);
    text = "";
    if (t !== "") push([t]);
  };
  const endCell = () => {
    if (row && cell) row.push({ ...cell, text: cleanCell(cell.text) });
    cell = null;
  };
  const endRow = () => {
    endCell();
    if (!row) return;
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
    for (const [k, left] of covered) {
      if (k >= col) {
        if (left - 1 > 0) next.set(k, left - 1);
      }
    }
    covered = next;
    row = null;
    if (cells.some((c) => c !== "")) push(cells);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipDepth > 0 || SKIPPED.has(name)) {
          if (SKIPPED.has(name)) skipDepth++;
          return;
        }
        if (name === "table") {
          tableDepth++;
          if (tableDepth === 1) {
            flushText();
            covered = new Map();
          }
          return;
        }
        if (tableDepth === 1) {
          if (name === "tr") {
            endRow();
            row = [];
          } else if (name === "td" || name === "th") {
            endCell();
            if (!row) row = [];
            cell = { text: "", colspan: spanOf(attrs.colspan), rowspan: spanOf(attrs.rowspan) };
          } else if (name === "br" && cell) {
            cell.text += " ";
          }
          return;
        }
        if (tableDepth > 1) {
          if (cell && (name === "td" || name === "th" || name === "br")) cell.text += " ";
          return;
        }
        if (BLOCKS.has(name)) flushText();
      },
      ontext(data) {
        if (skipDepth > 0) return;
        if (tableDepth > 0) {
          if (cell) cell.text += data;
          return;
        }
        text += data;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          if (skipDepth > 0) skipDepth--;
          return;
        }
        if (skipDepth > 0) return;
        if (name === "table") {
          if (tableDepth === 1) endRow();
          if (tableDepth > 0) tableDepth--;
          return;
        }
        if (tableDepth === 1) {
          if (name === "tr") endRow();
          else if (name === "td" || name === "th") endCell();
          return;
        }
        if (tableDepth === 0 && BLOCKS.has(name)) flushText();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  );
  parser.write(html);
  parser.end();
  if (tableDepth > 0) endRow();
  flushText();
  return { spaced: false, lines };
}

/** Whether text is HTML markup (a browser or Word clipboard, or a saved .html file). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart();
  if (/^(?:<!doctype html|<html|<\?xml[^>]*>\s*<html|version:\d)/i.test(head))
    return /<(?:table|tr|td|p|div|h\d|body)[\s>]/i.test(text);
  return /^<(?:table|tr|body|meta|div|h\d|p|!--)[\s>]/i.test(head) && /<t[rd][\s>]/i.test(text);
}
