// Page furniture (running headers and footers, page numbers) is not part of any table:
// a short line near the top or bottom edge that recurs at the same height on many pages
// (digits aside: "Page 3 of 30"), or a lone page number there, is dropped before tables
// are looked for, so a table running over a page break reads on as one.
import { parseAreaLine } from "../findArea";
import { parseNumber } from "../parseNumber";
import { parsePeriodLine } from "../parseDate";
import { lineText, type PdfLine } from "./groupLines";

/** Share of the page height at the top and at the bottom where furniture sits. */
const EDGE = 0.1;
/** Most chunks a furniture line has (a table's header or row has more). */
const MAX_CHUNKS = 3;

const PAGE_NUMBER = /^(?:page\s*)?[-\u2013(]?\s*\d{1,4}\s*[-\u2013)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

function nearEdge(l: PdfLine): boolean {
  return l.y < EDGE * l.pageHeight || l.y > (1 - EDGE) * l.pageHeight;
}

/** Whether a line could be furniture at all: short, near an edge, not a table's figures or a period. */
function candidate(l: PdfLine): boolean {
  if (!nearEdge(l) || l.chunks.length > MAX_CHUNKS) return false;
  const figures = l.chunks.filter((c) => parseNumber(c.text).kind === "number").length;
  if (figures >= 2) return false;
  const text = lineText(l);
  return parsePeriodLine(text) === undefined && parseAreaLine(text) === undefined;
}

/** The line as it recurs: digits aside, at its height rounded to a few points. */
function keyOf(l: PdfLine): string {
  const text = lineText(l).toLowerCase().replace(/\d+/g, "#");
  const band = l.y < l.pageHeight / 2 ? `t${Math.round(l.y / 3)}` : `b${Math.round(l.y / 3)}`;
  return `${band}|${text}`;
}

/** The lines with the furniture taken out, in the same order. */
export function dropFurniture(lines: PdfLine[], pageCount: number): PdfLine[] {
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!candidate(l)) continue;
    const key = keyOf(l);
    const pages = pagesOf.get(key) ?? new Set<number>();
    pages.add(l.page);
    pagesOf.set(key, pages);
  }
  const recurring = Math.max(2, Math.ceil(pageCount / 2));
  return lines.filter((l) => {
    if (!candidate(l)) return true;
    if (PAGE_NUMBER.test(lineText(l))) return false;
    return (pagesOf.get(keyOf(l))?.size ?? 0) < recurring;
  });
}
