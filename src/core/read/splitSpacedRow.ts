// A row copied from a PDF, where the tabs became single spaces: figures are taken from the
// right, the rest is the label ("TNO TNO - State 684 655 -4.2% …" → "TNO TNO - State").

import { isFigureLike, parseNumber } from "./parseNumber";

export interface SpacedRow {
  label: string;
  /** Printed figures left to right (may include status dots). */
  values: string[];
}

/** A sign printed apart from its figure ("+ 3.1%", "- 1,685") joined to it. */
function closeUpSigns(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const next = tokens[i + 1];
    if (
      /^[+\-\u2212\u2013]$/.test(t) &&
      next !== undefined &&
      parseNumber(next).kind === "number"
    ) {
      out.push(`${t} ${next}`);
      i++;
    } else out.push(t);
  }
  return out;
}

/**
 * @param valueCount how many figure columns the table has (without a trailing status).
 * At most valueCount + 2 tokens are taken (a printed target and a trailing status dot).
 */
export function splitSpacedRow(text: string, valueCount: number): SpacedRow {
  const tokens = closeUpSigns(text.split(" ").filter((t) => t !== ""));
  const max = valueCount + 2;
  const values: string[] = [];
  let i = tokens.length - 1;
  // Keep at least one word for the label.
  while (i >= 1 && values.length < max) {
    const t = tokens[i] ?? "";
    if (isFigureLike(t)) {
      values.unshift(t);
      i--;
      continue;
    }
    // A word where a figure belongs ("684 abc -4.2%"): it sits between figures, so the
    // word to its left is a figure too. Kept as a value so the columns stay aligned.
    const left = tokens[i - 1] ?? "";
    if (
      values.length > 0 &&
      values.length < valueCount &&
      i >= 2 &&
      parseNumber(left).kind === "number"
    ) {
      values.unshift(t);
      i--;
      continue;
    }
    break;
  }
  // A " / " left between the label and the figures (a Word table copied as text) separates
  // cells: it is not the label's.
  while (i >= 1 && tokens[i] === "/") i--;
  return { label: tokens.slice(0, i + 1).join(" "), values };
}
