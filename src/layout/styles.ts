// The look of each named style and each highlight, shared by both writers so a workbook
// looks the same whether the CLI or the add-in wrote it. Colours come from a
// colour-blind-safe palette (blue against orange, never red against green) and every
// highlight is paired with text in the sheet, so nothing relies on colour alone.
import type { FormatSpec, StyleName } from "./spec";

export interface StyleFormat extends FormatSpec {
  /** Font size in points; writers use their default when absent. */
  size?: number;
  /** Wrap text in the cell. */
  wrap?: boolean;
  /** A thin bottom border (headers). */
  borderBottom?: boolean;
  /** Underlined text (links). */
  underline?: boolean;
}

/** Highlight kinds the sheets use, each with a conditional format and a legend swatch. */
export type HighlightKind =
  "increase" | "decrease" | "mismatch" | "smallBase" | "rateDrop" | "outlier";

export const HIGHLIGHTS: Record<HighlightKind, FormatSpec> = {
  increase: { fill: "#FDD9B5", fontColor: "#7F2704", bold: true },
  decrease: { fill: "#C6DBEF", fontColor: "#08306B", bold: true },
  mismatch: { fill: "#E7D4E8", fontColor: "#40004B", bold: true },
  smallBase: { fill: "#EEEEEE", fontColor: "#767676", italic: true },
  rateDrop: { fill: "#FFF2AE", fontColor: "#5C4B00", bold: true },
  outlier: { fill: "#B8E3DC", fontColor: "#00443A", bold: true },
};

export const STYLES: Record<StyleName, StyleFormat> = {
  title: { bold: true, size: 14, fontColor: "#1F3864" },
  subtitle: { bold: true, size: 11, fontColor: "#1F3864" },
  note: { italic: true, fontColor: "#595959" },
  header: { bold: true, fill: "#D9E1F2", fontColor: "#000000", wrap: true, borderBottom: true },
  label: { bold: true, fontColor: "#404040" },
  total: { bold: true },
  "generated-banner": { italic: true, fill: "#FFF8E1", fontColor: "#5D4037" },
  "legend-increase": HIGHLIGHTS.increase,
  "legend-decrease": HIGHLIGHTS.decrease,
  "legend-mismatch": HIGHLIGHTS.mismatch,
  "legend-small-base": HIGHLIGHTS.smallBase,
  "legend-rate-drop": HIGHLIGHTS.rateDrop,
  "legend-outlier": HIGHLIGHTS.outlier,
  "rag-red": { fill: "#F4CCCC", fontColor: "#7F0000", bold: true },
  "rag-amber": { fill: "#FCE5CD", fontColor: "#783F04", bold: true },
  "rag-green": { fill: "#D9EAD3", fontColor: "#274E13", bold: true },
  "hidden-data": { fontColor: "#A6A6A6", size: 8 },
  link: { fontColor: "#0563C1", underline: true },
};

/** Number formats as the police papers print figures. */
export const NUMBER_FORMATS = {
  count: "#,##0",
  percent1: "0.0%",
  points: '+0.0" pts";-0.0" pts";0.0" pts"',
  pValue: "0.0000",
  decimal1: "0.0",
} as const;

/** "0.0%" for 1 decimal, "0%" for none, "0.00%" for 2. */
export function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
}

/** "#,##0" for counts, "#,##0.0" and so on for decimals. */
export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}
