// A trend sheet: one area over its periods, periods as columns, the same measures as the
// comparison sheets (looked up in the data sheets by category and sub-category), and the
// control-chart (XmR) signals of the anomalies core where the series is long enough. The
// look-ups take the category and sub-category from the row's own label cells, so each
// period's column is one formula in R1C1 form.
import type { CellSpec, ChartSpec, ConditionalFormatSpec, SheetSpec } from "./spec";
import type { HighlightThresholds } from "../core/settings";
import { a1, abs, sheetRef } from "./a1";
import { layoutLegend } from "./layoutLegend";
import { bannerRow, pageSetup } from "./printSetup";
import {
  LABEL_HEADERS,
  SECTIONS,
  SMALL_BASE,
  figureCell,
  headlineRow,
  labelCells,
  placeSections,
  sectionBlock,
  sectionsFor,
  smallBaseFormat,
  titleBlock,
  type Section,
  type SectionPlaces,
} from "./comparison/sections";
import type { ComparedArea, ComparedRow } from "./comparison/types";
import { withChartBreaks } from "./pageBreaks";

export interface TrendPeriod {
  periodEnding: string;
  sheetName: string;
  cols: ComparedArea["cols"];
}

export interface TrendInput {
  name: string;
  area: string;
  periods: TrendPeriod[];
  rows: ComparedRow[];
  thresholds: HighlightThresholds;
  /** Control-chart signals by row index (messages from the anomalies core). */
  signals: Map<number, string[]>;
  /** Fewest periods for control-chart signals. */
  minSeriesPoints: number;
  /** Sentences naming data sheets left out because a later import holds the same table. */
  sameTables?: string;
}

/** The first period's column; the signals follow the last. */
const FIRST_COL = 2;

/** The note under the title: what the signals are, or why there are none; and any table left out. */
function signalsNote(input: TrendInput): string {
  return signalsOnly(input) + (input.sameTables ? ` ${input.sameTables}` : "");
}

function signalsOnly(input: TrendInput): string {
  const k = input.periods.length;
  return k >= input.minSeriesPoints
    ? "Control-chart (XmR) signals, from the figures at the last refresh: a point outside the limits (mean ± 2.66 × average moving range), runs and trends of successive points, 2 of 3 points near a limit."
    : `Control-chart (XmR) signals need at least ${input.minSeriesPoints} periods; this area has ${k}, so none are computed.`;
}

/** One category row of a section: labels, a figure per period, and (for current offences) the signals. */
function trendRow(
  input: TrendInput,
  at: SectionPlaces,
  s: Section,
  row: ComparedRow,
  i: number
): (CellSpec | null)[] {
  const out: (CellSpec | null)[] = labelCells(row);
  input.periods.forEach((p, j) => out.push(figureCell(at, s, i, FIRST_COL + j, p)));
  if (s.key === "offCur") {
    const sig = input.signals.get(i);
    out.push(sig && sig.length > 0 ? { text: sig.join(" | ") } : null);
  }
  return out;
}

/** A line chart of the headline row's current offences over the periods. */
function trendChart(input: TrendInput, at: SectionPlaces, col: number): ChartSpec[] {
  const { rows } = input;
  const k = input.periods.length;
  if (rows.length === 0 || k < 2) return [];
  const i = headlineRow(rows);
  const q = sheetRef(input.name);
  const across = (r: number) => `${q}${abs(r, FIRST_COL)}:${abs(r, FIRST_COL - 1 + k)}`;
  return [
    {
      type: "line",
      title: `${input.area}: offences, current R12 (${rows[i]!.category})`,
      categories: across(at.startOf.get("offCur")! + 1),
      series: [{ name: "Offences", values: across(at.rowOf("offCur", i)) }],
      row: 1,
      col,
      width: 8,
      height: 16,
    },
  ];
}

export function layoutTrend(input: TrendInput): {
  sheet: SheetSpec;
  extent: { rows: number; cols: number };
} {
  const { periods, rows } = input;
  const k = periods.length;
  const sections = sectionsFor(SECTIONS, periods);
  const legend = layoutLegend(
    4,
    0,
    [
      {
        kind: "smallBase",
        label: SMALL_BASE,
        meaning: "Base below the minimum: the % change or rate is unreliable",
      },
    ],
    [
      {
        key: "minBase",
        value: input.thresholds.minBase,
        numFmt: "#,##0",
        meaning: "minimum base (offences)",
      },
    ]
  );
  const minBase = legend.cells.minBase!;
  const signalsCol = FIRST_COL + k;
  const at = placeSections(sections, 4 + legend.rows + 1, rows.length);
  const title = titleBlock(
    `Trend: ${input.area}, ${k} periods (${periods[0]?.periodEnding ?? ""} to ${periods[k - 1]?.periodEnding ?? ""}) (generated)`,
    signalsNote(input)
  );
  // The banner spans the table below it, not its first cell only.
  const banner = title.cells[1]?.[0]?.text;
  if (banner) title.cells[1] = bannerRow(banner, signalsCol + 1);
  const blocks = [title, legend.block];
  const cfs: ConditionalFormatSpec[] = [];
  for (const s of sections) {
    const header: CellSpec[] = [
      ...LABEL_HEADERS,
      ...periods.map((p) => ({ text: p.periodEnding, style: "header" as const })),
    ];
    if (s.key === "offCur") header.push({ text: "Control-chart signals", style: "header" });
    const body = rows.map((row, i) => trendRow(input, at, s, row, i));
    blocks.push(sectionBlock(at.startOf.get(s.key)!, s.title, header, body));
    if (s.smallBase && rows.length > 0) {
      const over = { row: at.rowOf(s.key, 0), col: FIRST_COL, rows: rows.length, cols: k };
      cfs.push(smallBaseFormat(over, a1(at.rowOf(s.smallBase, 0), FIRST_COL), minBase));
    }
  }
  return {
    sheet: withChartBreaks({
      name: input.name,
      role: "trend",
      generated: true,
      columnWidths: [30, 26, ...periods.map(() => 13), 60],
      blocks,
      tables: [],
      conditionalFormats: cfs,
      charts: trendChart(input, at, signalsCol + 2),
      freeze: { rows: 0, cols: 2 },
      print: pageSetup({
        title: `Trend: ${input.area}`,
        period:
          k > 0
            ? `Periods ending ${periods[0]!.periodEnding} to ${periods[k - 1]!.periodEnding}`
            : "",
        source: `Source: ${k} data sheets`,
        wide: true,
      }),
    }),
    extent: { rows: at.end, cols: signalsCol + 1 },
  };
}
