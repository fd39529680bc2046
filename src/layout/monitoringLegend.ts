// The monitoring sheet's legend: ratings, tolerance, year to date, directions of travel,
// control charts and editing, in words. Fixed text only, so apart from the blocks that compute.
import { LEGEND_STYLE } from "./layoutLegend";
import { DIRECTIONS, RAG, type Cells } from "./monitoringColumns";
import type { BlockSpec, StyleName } from "./spec";

/** Each line of the legend: its label, the label's style, and what it means. */
const LINES: [string, StyleName | null, string][] = [
  [
    "Green",
    RAG.Green,
    "On target, or off target by no more than the tolerance (exactly at the tolerance counts as Green).",
  ],
  [
    "Amber",
    RAG.Amber,
    "More than the tolerance off target, but improved on, or held at, the same period last year.",
  ],
  [
    "Red",
    RAG.Red,
    "More than the tolerance off target, and not improved on the same period last year (or no figure for it).",
  ],
  ["n/a", null, "No rating: no target, or a figure missing for part of the year to date."],
  [
    "Tolerance",
    "label",
    "A percentage of the target, per indicator (column D; 10% unless set): 10% means up to 10% worse than target is still Green.",
  ],
  [
    "Year to date",
    "label",
    "Financial years run April to March. Counts and spend are summed over the year to date, percentages averaged; figures from rolling-12-month police tables compare the latest figure with a year earlier.",
  ],
  [
    DIRECTIONS.better.text,
    LEGEND_STYLE[DIRECTIONS.better.highlight],
    "Direction of travel: the latest quarter against the previous quarter (short term) and the same quarter a year earlier (long term), as the movement (▲ up, ▼ down) and whether it is better or worse.",
  ],
  [
    DIRECTIONS.worse.text,
    LEGEND_STYLE[DIRECTIONS.worse.highlight],
    "Better or worse follows each indicator's polarity: fewer offences is better (▼ down, better), a higher detection rate is better (▲ up, better). Coloured by the judgement, not the arrow.",
  ],
  [
    DIRECTIONS.same.text,
    null,
    "No change. n/a: a quarter's figure is missing, so no direction is given.",
  ],
  [
    "Control charts",
    "label",
    "XmR: limits at mean ± 2.66 × average moving range. Signals (NHS Making Data Count): a point outside the limits; 7 in a row above or below the mean; 7 rising or falling; 2 of 3 beyond two thirds of the way to a limit.",
  ],
  [
    "Editing",
    "label",
    "Change an actual, target, tolerance or polarity and every figure follows. The reporting period is fixed when the sheet is built: refresh to move on.",
  ],
];

export function legendBlock(row: number): { block: BlockSpec; rows: number } {
  const cells: Cells = [
    [{ text: "How the ratings work", style: "subtitle" }],
    ...LINES.map(([label, style, text]) => [
      style === null ? { text: label } : { text: label, style },
      { text },
    ]),
  ];
  return { block: { row, col: 0, cells }, rows: cells.length };
}
