// The legend block every highlighted sheet carries: what each colour means (with the text
// that goes with it) and the thresholds, in cells the sheet's formulas reference.
import type { BlockSpec, CellSpec, StyleName } from "./spec";
import type { HighlightKind } from "./styles";
import { abs } from "./a1";

export interface LegendEntry {
  /** The colour it explains; absent for a flag shown as text only. */
  kind?: HighlightKind;
  /** The text the Flag column shows with this colour ("▲ significant rise"). */
  label: string;
  meaning: string;
}

export interface LegendThreshold {
  key: string;
  value: number;
  numFmt?: string;
  meaning: string;
}

export interface Legend {
  block: BlockSpec;
  rows: number;
  /** Absolute reference ("$D$9") of each threshold's value cell, by key. */
  cells: Record<string, string>;
}

/** The legend swatch's style of each highlight. */
export const LEGEND_STYLE: Record<HighlightKind, StyleName> = {
  increase: "legend-increase",
  decrease: "legend-decrease",
  mismatch: "legend-mismatch",
  smallBase: "legend-small-base",
  rateDrop: "legend-rate-drop",
  outlier: "legend-outlier",
};

/** Legend at (row, col): swatches with their text in `col`, meanings in `col + 1`, then thresholds (value, meaning). */
export function layoutLegend(
  row: number,
  col: number,
  entries: LegendEntry[],
  thresholds: LegendThreshold[]
): Legend {
  const cells: (CellSpec | null)[][] = [[{ text: "Legend", style: "subtitle" }]];
  for (const e of entries)
    cells.push([
      { text: e.label, style: e.kind ? LEGEND_STYLE[e.kind] : "label" },
      { text: e.meaning },
    ]);
  const refs: Record<string, string> = {};
  if (thresholds.length > 0) {
    cells.push([{ text: "Thresholds (change a value and the highlights follow)", style: "label" }]);
    for (const t of thresholds) {
      refs[t.key] = abs(row + cells.length, col);
      cells.push([{ number: t.value, numFmt: t.numFmt, style: "label" }, { text: t.meaning }]);
    }
  }
  return { block: { row, col, cells }, rows: cells.length, cells: refs };
}
