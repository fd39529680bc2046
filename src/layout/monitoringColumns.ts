// The indicator table's columns and headings, the polarity wording and the cell-grid type:
// shared by every block of the monitoring sheet, so they sit apart from the blocks themselves.
import type { CellSpec, StyleName } from "./spec";
import type { HighlightKind } from "./styles";

/** Columns of the indicator table (0-based). */
export const MONITOR_COLUMNS = {
  name: 0,
  unit: 1,
  polarity: 2,
  tolerance: 3,
  asOf: 4,
  fytdLabel: 5,
  fytdTarget: 6,
  fytdActual: 7,
  fytdPrevious: 8,
  change: 9,
  changePct: 10,
  offTarget: 11,
  rag: 12,
  quarter: 13,
  quarterValue: 14,
  previousQuarter: 15,
  yearAgo: 16,
  dotShort: 17,
  dotLong: 18,
  sign: 19,
} as const;

export const HEADINGS: Record<keyof typeof MONITOR_COLUMNS, string> = {
  name: "Indicator",
  unit: "Unit",
  polarity: "Polarity",
  tolerance: "Tolerance (% of target)",
  asOf: "Reporting period",
  fytdLabel: "Year to date",
  fytdTarget: "Target (year to date)",
  fytdActual: "Actual (year to date)",
  fytdPrevious: "Same period last year",
  change: "Change",
  changePct: "% change",
  offTarget: "Off target (+ worse)",
  rag: "RAG",
  quarter: "Quarter",
  quarterValue: "Quarter figure",
  previousQuarter: "Previous quarter",
  yearAgo: "Same quarter last year",
  dotShort: "Direction: short term",
  dotLong: "Direction: long term",
  sign: "Polarity sign (for the formulas)",
};

export const POLARITY_TEXT = {
  "lower-is-better": "lower is better",
  "higher-is-better": "higher is better",
} as const;

/** The ratings the RAG column shows, in the order they are counted, with their styles. */
export const RAG = {
  Red: "rag-red",
  Amber: "rag-amber",
  Green: "rag-green",
} as const satisfies Record<string, StyleName>;
export type Rating = keyof typeof RAG;
export const RATINGS = Object.keys(RAG) as Rating[];

/**
 * The directions of travel the Direction columns show: the movement and its judgement
 * ("▼ down, better"), since a reader takes ▲ for "went up". Better and worse are coloured
 * (by their judgement, the text's end) with the highlight the legend shows beside an example.
 */
export const DIRECTIONS = {
  better: { text: "▼ down, better", judgement: "better", highlight: "decrease" },
  worse: { text: "▲ up, worse", judgement: "worse", highlight: "increase" },
  same: { text: "► no change" },
} as const satisfies Record<
  string,
  { text: string; judgement?: string; highlight?: HighlightKind }
>;
/** The movements the Direction columns name. */
export const MOVEMENTS = { up: "▲ up", down: "▼ down" } as const;

export type Cells = (CellSpec | null)[][];
