// Reads one printed cell as a figure. Police tables print thousands separators, "%",
// unicode minus, (3) for negatives, blanks, "-", "n/a" or "*" for figures not available,
// and a status dot "●" whose colour was lost in the paste. The exact printed decimal is
// kept so that checks can compare at the printed precision without floating point.

import { ExactDecimal, parseExactDecimal } from "../round";

export type ParsedCell =
  | {
      kind: "number";
      value: number;
      exact: ExactDecimal;
      /** "percent" for "11.5%", "points" for "-0.6pp", null for a plain figure. */
      unit: "percent" | "points" | null;
      /** Decimal places printed. */
      decimals: number;
    }
  | { kind: "blank" }
  | { kind: "unavailable"; text: string }
  | { kind: "status" }
  | { kind: "text"; text: string };

/** Longest cell text read as a figure; longer is text (bounds BigInt work on hostile input). */
const MAX_NUMBER_CHARS = 120;

const BLANK: ParsedCell = Object.freeze({ kind: "blank" });
const STATUS_CELL: ParsedCell = Object.freeze({ kind: "status" });
const SPACES = /[\s\u00a0\u2007\u2009\u202f\ufeff]+/g;
const MINUS = /^[-\u2212\u2012\u2013\u2014\ufe63\uff0d]/;
const UNAVAILABLE = new Set([
  "-",
  "\u2013",
  "\u2014",
  "\u2212",
  "n/a",
  "na",
  "n.a.",
  "n.a",
  "*",
  "..",
  "\u2026",
  "x",
  "nk",
  "#n/a",
  // Words a monitoring table prints where a quarter's figure is not out yet.
  "no data",
  "no new data",
  "no data published",
  "no new data published",
  "no data available",
]);
/** The status dot and its look-alikes, plus the dot read through the wrong code page. */
const STATUS =
  /^(?:[\u25cf\u2022\u2b24\u25c9\u25cb\u25ef\u26ab\u26aa\u{1f534}\u{1f7e0}\u{1f7e1}\u{1f7e2}]|\u00e2\u2014\u008f?|\u00e2\u2014)$/u;
const BODY = /^(?:(\d{1,3}(?:([,\u00a0\u202f\u2009 ])\d{3})(?:\2\d{3})*)|(\d+))?(?:\.(\d+))?$/;

/**
 * Cells repeat a great deal (blanks, dots, small counts), and reading and checking a table
 * asks about each cell several times: a bounded cache of results (never mutated).
 */
const cache = new Map<string, ParsedCell>();
const CACHE_LIMIT = 50000;

export function parseNumber(text: string): ParsedCell {
  const hit = cache.get(text);
  if (hit) return hit;
  const parsed = parseCell(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  if (text.length <= 64) cache.set(text, parsed);
  return parsed;
}

/** Whether a cell is the status dot (cheaper than parseNumber for that one question). */
export function isStatusText(text: string): boolean {
  return text.length <= 8 && STATUS.test(text.trim());
}

const PLAIN_DIGITS = /^\d{1,15}$/;

function parseCell(text: string): ParsedCell {
  if (text === "") return BLANK;
  // Fast path for the commonest cell: a plain count.
  if (PLAIN_DIGITS.test(text))
    return {
      kind: "number",
      value: Number(text),
      exact: { scaled: BigInt(text), decimals: 0 },
      unit: null,
      decimals: 0,
    };
  const t = text.replace(SPACES, " ").trim();
  if (t === "") return BLANK;
  if (STATUS.test(t)) return STATUS_CELL;
  if (UNAVAILABLE.has(t.toLowerCase())) return { kind: "unavailable", text: t };
  if (t.length > MAX_NUMBER_CHARS) return { kind: "text", text: t };
  return parseFigure(t) ?? { kind: "text", text: t };
}

/** A figure, a space and a note in brackets: the whole cell. */
const NOTED_FIGURE = /^(\S+) \([^()]*\)$/;

/**
 * A figure with a note in brackets after it, as Word tables print a baseline and its change
 * ("40,861 (3%)") or a rate and its period ("8.48% (December 2012)"): that figure. A year
 * with a note ("2016 (provisional)") is a heading's words.
 */
function notedFigure(t: string): (ParsedCell & { kind: "number" }) | null {
  const figure = NOTED_FIGURE.exec(t)?.[1];
  if (figure === undefined || /^(?:19|20)\d\d$/.test(figure)) return null;
  const p = parseFigure(figure);
  return p?.kind === "number" ? p : null;
}

/** Whether a cell is a figure with a note in brackets after it ("40,861 (3%)"). */
export function isNotedFigure(text: string): boolean {
  return notedFigure(text.replace(SPACES, " ").trim()) !== null;
}

function parseFigure(t: string): ParsedCell | null {
  let s = t;
  let negative = false;
  // "(3)" and "(3.5%)" are negatives in accounting style.
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    s = (paren[1] ?? "").trim();
    negative = true;
  }
  let unit: "percent" | "points" | null = null;
  const suffix = /\s?(%|pp|ppts?|pts?|p\.p\.)$/i.exec(s);
  if (suffix) {
    unit = suffix[1] === "%" ? "percent" : "points";
    s = s.slice(0, s.length - suffix[0].length);
  }
  if (MINUS.test(s)) {
    if (negative) return null;
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    if (negative) return null;
    s = s.slice(1);
  }
  // A sign printed with a space ("+ 3.1%", "- 1,685", as commissioners' packs print them).
  if (s.startsWith(" ")) s = s.slice(1);
  const m = BODY.exec(s);
  if (!m || s === "" || s === ".") return null;
  const intDigits = m[1] !== undefined ? m[1].replace(/[^\d]/g, "") : (m[3] ?? "");
  const frac = m[4] ?? "";
  if (intDigits === "" && frac === "") return null;
  const literal = `${negative ? "-" : ""}${intDigits || "0"}${frac ? "." + frac : ""}`;
  const exact = parseExactDecimal(literal);
  if (!exact) return null;
  const value = Number(literal) + 0; // + 0 turns -0 into 0
  if (!Number.isFinite(value)) return null;
  return { kind: "number", value, exact, unit, decimals: frac.length };
}

/** Whether a cell is a figure (a number, or a marked "not available"), as opposed to words. */
export function isFigureLike(text: string): boolean {
  const k = parseNumber(text).kind;
  return k === "number" || k === "unavailable" || k === "status";
}

/**
 * A figure followed by its unit in words, as monitoring tables print targets and results
 * ("7.3 per day", "9 per day 3250 pa"): the leading figure, else null. A rate's words
 * only: "5 Year Average" is a heading. The cell stays text where it is shown; checks
 * compare its figure.
 */
const QUANTITY = /^(\S+)\s+(?:per\s+(?:day|week|month|year|annum)\b|p\.?a\.?(?=\s|$))/i;

/**
 * The figure of a cell that prints one with words around it: a note in brackets after it
 * ("40,861 (3%)") or its rate in words ("7.3 per day"); else null. parseNumber reads such a
 * cell as text, so a sheet shows it as printed, words and all; a table of no known kind
 * reads its figure to find its rows and check what is derived from it.
 */
export function figureWithWords(text: string): (ParsedCell & { kind: "number" }) | null {
  const t = text.replace(SPACES, " ").trim();
  return notedFigure(t) ?? leadingQuantity(t);
}

export function leadingQuantity(text: string): (ParsedCell & { kind: "number" }) | null {
  const m = QUANTITY.exec(text.trim());
  if (!m) return null;
  const p = parseNumber(m[1] as string);
  return p.kind === "number" && p.unit === null ? p : null;
}
