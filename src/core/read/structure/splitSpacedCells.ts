// A line copied from a PDF, its cell boundaries lost: the figures are taken from the right
// and the words left of them are the label. Signs printed apart from their figure
// ("+ 3.1%", "- 1,685") are closed up, and a month's year stays with its month
// ("Jul 2019 197 8.6%" is the row "Jul 2019").

import { isFigureLike, parseNumber } from "../parseNumber";
import { isMonthWord, isYearText } from "./periods";

const SIGN = /^[+\-\u2212\u2013]$/;

/** Tokens with lone signs joined to the figure after them. */
function tokensOf(text: string): string[] {
  const raw = text.split(" ").filter((t) => t !== "");
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as string;
    const next = raw[i + 1];
    if (SIGN.test(t) && next !== undefined && parseNumber(next).kind === "number") {
      out.push(`${t} ${next}`);
      i++;
    } else out.push(t);
  }
  return out;
}

export interface SpacedCells {
  label: string;
  figures: string[];
  /** A token left of the figures that has digits but is not a figure ("80.790.92"). */
  badToken: string | null;
}

export function splitSpacedCells(text: string): SpacedCells {
  const tokens = tokensOf(text);
  let i = tokens.length - 1;
  while (i >= 0 && isFigureLike(tokens[i] as string)) i--;
  let labelTokens = tokens.slice(0, i + 1);
  let figures = tokens.slice(i + 1);
  const last = labelTokens[labelTokens.length - 1];
  if (
    last !== undefined &&
    isMonthWord(last) &&
    figures[0] !== undefined &&
    isYearText(figures[0])
  ) {
    labelTokens = [...labelTokens, figures[0]];
    figures = figures.slice(1);
  }
  // A row labelled by its year ("1980 20"): the year is the label.
  if (labelTokens.length === 0 && figures.length >= 2 && isYearText(figures[0] as string)) {
    labelTokens = [figures[0] as string];
    figures = figures.slice(1);
  }
  const bad = last !== undefined && /\d/.test(last) && !isMonthWord(last) ? last : null;
  return { label: labelTokens.join(" "), figures, badToken: bad };
}
