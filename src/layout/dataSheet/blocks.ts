// The blocks above a data sheet's table: the title block (A-B), the legend of the flags the
// sheet can show with the thresholds its formulas reference, and a note on editing.
import { kindSchema } from "../../core/kinds";
import type { CrimeTable } from "../../core/model";
import type { DataColumnDef } from "../definitions";
import { layoutLegend, type Legend, type LegendThreshold } from "../layoutLegend";
import type { BlockSpec, CellSpec } from "../spec";
import type { HighlightThresholds } from "../../core/settings";
import type { ThresholdRefs } from "./context";
import { FLAGS, type Flag } from "./flags";

export interface DataSheetTop {
  blocks: BlockSpec[];
  /** 0-based row of the table's header. */
  headerRow: number;
  thresholds: ThresholdRefs;
}

function titleCells(table: CrimeTable, importedOn: string): (CellSpec | null)[][] {
  const title = table.title ?? kindSchema(table.kind).defaultTitle;
  return [
    [{ text: `${title}${table.area ? ` — ${table.area}` : ""}`, style: "title" }],
    [{ text: "Area", style: "label" }, { text: table.area ?? "" }],
    [{ text: "Period ending", style: "label" }, { text: table.periodEnding ?? "" }],
    [{ text: "Source", style: "label" }, { text: table.source }],
    [{ text: "Imported", style: "label" }, { text: importedOn }],
  ];
}

/** The thresholds the sheet's flags compare with, as legend rows. */
function legendThresholds(t: HighlightThresholds, notable: boolean): LegendThreshold[] {
  const out: LegendThreshold[] = [
    {
      key: "alpha",
      value: t.alpha,
      numFmt: "0.00",
      meaning: "significance level (two-sided) for rises, falls and SD-rate drops",
    },
    {
      key: "minBase",
      value: t.minBase,
      numFmt: "#,##0",
      meaning: "minimum base: a % change or rate on fewer counts is marked small base",
    },
  ];
  if (notable)
    out.push({
      key: "changeThreshold",
      value: Number(`${t.changeThreshold}e-2`),
      numFmt: "0%",
      meaning: "change threshold: a significant % change at least this large is notable",
    });
  return out;
}

/** The flags the sheet can show: those whose columns it has. */
function shownFlags(columns: DataColumnDef[], t: HighlightThresholds): Flag[] {
  const hasThreshold = t.changeThreshold !== undefined;
  return Object.values(FLAGS).filter(
    (f) => columns.some((c) => c.role === f.shownWith) && (!f.needsChangeThreshold || hasThreshold)
  );
}

/** The legend at `row`, with the thresholds when it explains any flag. */
function dataLegend(row: number, flags: Flag[], t: HighlightThresholds): Legend {
  const entries = flags.map((f) => ({ kind: f.highlight, label: f.label, meaning: f.meaning }));
  const notable = flags.includes(FLAGS.notable);
  return layoutLegend(row, 0, entries, flags.length === 0 ? [] : legendThresholds(t, notable));
}

const NOTE =
  "Your data: correct a count here and every formula, highlight and comparison follows. " +
  "% changes and rates are formulas on the counts; the printed figures are kept beside them.";

/** How this sheet's count changes are tested: the φ range where known, else Poisson only. */
export function changeModelNote(phis: readonly number[]): string {
  if (phis.length === 0)
    return "Count changes: exact Poisson test (Poisson only: no comparison group of 10 or more areas shows how much these counts vary beyond chance).";
  const lo = Math.min(...phis).toFixed(2);
  const hi = Math.max(...phis).toFixed(2);
  return (
    `Count changes: exact Poisson test on the counts divided by each measure's overdispersion φ across the areas compared ` +
    `(φ ${lo === hi ? `= ${lo}` : `from ${lo} to ${hi}`} on this sheet; rows without one: Poisson only), so usual year-to-year variation is not read as a change.`
  );
}

/** Title block and legend share the top rows; the note follows, then the table two rows down. */
export function layoutTop(
  table: CrimeTable,
  columns: DataColumnDef[],
  importedOn: string,
  t: HighlightThresholds,
  /** The dispersions φ the sheet's change tests use (none: Poisson only). */
  phis: readonly number[] = []
): DataSheetTop {
  const title = titleCells(table, importedOn);
  // The legend sits under the title block in the wide label columns, so its swatches show whole.
  const legendRow = title.length + 1;
  const flags = shownFlags(columns, t);
  const legend = dataLegend(legendRow, flags, t);
  // Without flags the note takes the legend's place.
  const noteRow = flags.length === 0 ? legendRow : legendRow + legend.rows + 1;
  const notes = [[{ text: NOTE, style: "note" as const }]];
  if (columns.some((c) => c.role === "pValue"))
    notes.push([{ text: changeModelNote(phis), style: "note" as const }]);
  return {
    blocks: [
      { row: 0, col: 0, cells: title },
      legend.block,
      { row: noteRow, col: 0, cells: notes },
    ],
    headerRow: noteRow + notes.length + 1,
    thresholds: {
      alpha: legend.cells.alpha ?? String(t.alpha),
      minBase: legend.cells.minBase ?? String(t.minBase),
      changeThreshold: legend.cells.changeThreshold,
    },
  };
}
