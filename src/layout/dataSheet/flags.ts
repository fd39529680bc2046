// The flags a data sheet's Flag column shows, once: each label (the text paired with a
// colour, for readers who cannot tell colours apart), what the legend says of it, and the
// conditional-format test that finds it in a Flag cell, computed from the label itself.
import type { DataColumnRole } from "../../core/kinds";
import type { HighlightKind } from "../styles";

export interface Flag {
  label: string;
  /** The colour it goes with; absent for a flag shown as text only. */
  highlight?: HighlightKind;
  meaning: string;
  /** The column whose presence puts it in the legend. */
  shownWith: DataColumnRole;
  /** Shown only when the workbook has a change threshold. */
  needsChangeThreshold?: true;
  /** How a Flag cell is recognised as holding it: by the label's mark or its words, anywhere or first. */
  test?: { by: "mark" | "words"; at: "start" | "anywhere" };
}

export type FlagKey =
  "rise" | "fall" | "smallBase" | "notable" | "mismatch" | "rateDrop" | "rateRise";

/** In legend order. */
export const FLAGS: Readonly<Record<FlagKey, Flag>> = {
  rise: {
    label: "▲ significant rise",
    highlight: "increase",
    meaning:
      "Count rose more than chance explains: two-sided exact Poisson test, p below the significance level; " +
      "where the areas compared vary beyond chance, on the counts divided by that measure's overdispersion φ (in the p-value's formula), else Poisson only",
    shownWith: "pValue",
    // The SD-rate rise shares the mark: a rise is found by its words.
    test: { by: "words", at: "anywhere" },
  },
  fall: {
    label: "▼ significant fall",
    highlight: "decrease",
    meaning: "Count fell more than chance explains (same test)",
    shownWith: "pValue",
    // The SD-rate drop shares the mark: only a fall is flagged first.
    test: { by: "mark", at: "start" },
  },
  smallBase: {
    label: "small base",
    highlight: "smallBase",
    meaning:
      "Base below the minimum: the % change or rate is unreliable (greyed, not coloured as a trend)",
    shownWith: "pValue",
    test: { by: "words", at: "start" },
  },
  notable: {
    label: "◆ notable change",
    meaning:
      "A significant rise or fall whose % change is at least the change threshold (not on a small base)",
    shownWith: "pValue",
    needsChangeThreshold: true,
  },
  mismatch: {
    label: "✗ printed figure differs",
    highlight: "mismatch",
    meaning:
      "The printed figure is not the figure recalculated from the counts at printed precision",
    shownWith: "printed",
    test: { by: "mark", at: "anywhere" },
  },
  rateDrop: {
    label: "▼ SD rate drop",
    highlight: "rateDrop",
    meaning:
      "SD rate fell significantly: pooled two-proportion z-test, Fisher's exact test when fewer than 5 are expected; not on a small base",
    shownWith: "ratePValue",
    test: { by: "words", at: "anywhere" },
  },
  rateRise: {
    label: "▲ SD rate rise",
    meaning: "SD rate rose significantly (same test; not on a small base)",
    shownWith: "ratePValue",
  },
};

export const FLAG_TEXT = Object.fromEntries(
  Object.entries(FLAGS).map(([key, flag]) => [key, flag.label])
) as Readonly<Record<FlagKey, string>>;

/** The Flag column's highlights, in the order Excel applies them (the first that matches wins a colour). */
export const FLAG_HIGHLIGHT_ORDER: readonly FlagKey[] = [
  "mismatch",
  "rise",
  "fall",
  "rateDrop",
  "smallBase",
];

/** A label's mark ("▲") and its words ("significant rise"); a label without a mark is all words. */
function parts(label: string): { mark: string; words: string } {
  const m = /^([^\p{L}\p{N}\s]) (.*)$/u.exec(label);
  return m ? { mark: m[1]!, words: m[2]! } : { mark: "", words: label };
}

/** Whether the text in `cell` holds `text`: first (LEFT, by length) or anywhere (SEARCH). */
export function textTest(cell: string, text: string, at: "start" | "anywhere"): string {
  return at === "start"
    ? `LEFT(${cell},${[...text].length})="${text}"`
    : `ISNUMBER(SEARCH("${text}",${cell}))`;
}

/** The formula that is true when the Flag cell `cell` shows the flag. */
export function flagTest(flag: Flag, cell: string): string | null {
  if (!flag.test) return null;
  return textTest(cell, parts(flag.label)[flag.test.by], flag.test.at);
}

/** The mark of a label ("✗"). */
export const markOf = (label: string): string => parts(label).mark;
