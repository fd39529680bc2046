// Splits a PDF-copied header line (cell boundaries lost) into headings, for any kind's
// heading vocabulary.

/** Longest heading in words that a PDF-copied header line may hold (bounds segmentation). */
const MAX_HEADING_WORDS = 8;
/** Longest header line in words worth segmenting. */
export const MAX_HEADER_WORDS = 80;

/**
 * Splits the words of a header line into headings, longest heading first: "Offences
 * Previous R12 Offences Current R12" → ["Offences Previous R12", "Offences Current R12"].
 * Words before the first heading are returned as the label heading.
 */
export function segmentHeadings<T extends string>(
  words: string[],
  classify: (t: string) => T | null,
  allowLead: boolean
): { lead: string; parts: [T, string][] } | null {
  const parts: [T, string][] = [];
  let i = 0;
  let lead = "";
  while (i < words.length) {
    let found = false;
    for (let j = Math.min(words.length, i + MAX_HEADING_WORDS); j > i; j--) {
      const heading = words.slice(i, j).join(" ");
      const f = classify(heading);
      if (f) {
        parts.push([f, heading]);
        i = j;
        found = true;
        break;
      }
    }
    if (!found) {
      if (!allowLead || parts.length > 0) return null;
      lead = lead ? `${lead} ${words[i]}` : (words[i] ?? "");
      i++;
    }
  }
  return { lead, parts };
}

/** The words of a spaced header line, or null when it is too long to be one. */
export function headerWords(text: string): string[] | null {
  const words = text.split(" ").filter((w) => w !== "");
  return words.length < 2 || words.length > MAX_HEADER_WORDS ? null : words;
}

/** Classifies each non-empty cell; the first cell naming a field wins it. */
export function classifyCells<T extends string>(
  cells: string[],
  classify: (t: string) => T | null
): { headings: [T, string][]; index: Map<string, number> } {
  const headings: [T, string][] = [];
  const index = new Map<string, number>();
  cells.forEach((c, i) => {
    const f = c === "" ? null : classify(c);
    if (f && !index.has(f)) {
      headings.push([f, c]);
      index.set(f, i);
    }
  });
  return { headings, index };
}
