// A printed cell as the structure reader's checks read it: as parseNumber reads it, except
// that a small number in brackets standing alone ("(2)") is a footnote reference meaning
// "not available" in a published table, never a negative 2; and a figure printed with words
// ("40,861 (3%)", "7.3 per day") is that figure.

import { figureWithWords, parseNumber, type ParsedCell } from "../parseNumber";

const FOOTNOTE_CELL = /^\(\s?\d{1,2}\s?\)$/;

export function cellValue(text: string): ParsedCell {
  const t = text.trim();
  if (FOOTNOTE_CELL.test(t)) return { kind: "unavailable", text: t };
  const p = parseNumber(t);
  return p.kind === "text" ? (figureWithWords(t) ?? p) : p;
}
