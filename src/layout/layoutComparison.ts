// A comparison sheet: several areas of one period side by side, with the group computed
// from summed counts. Every figure is a formula that looks the counts up in the data
// sheets by category and sub-category (SUMIFS over whole columns, not row positions), so a
// corrected or reordered data sheet flows through. Measures first, then the counts they
// use; ranks leave out small bases; outliers against the group's funnel are coloured,
// marked per area and named in an "Outliers" column.
//
// Every formula's size is independent of the number of areas (Excel refuses formulas over
// 8,192 characters), and the formulas of a column are one formula in R1C1 form: the
// look-ups take the category and sub-category from the row's own label cells, so the
// Office.js writer sends each column once.
//
// The sections, measures and look-ups it shares with the trend sheet are in ./comparison.
import type { CellSpec, ChartSpec, ConditionalFormatSpec, SheetSpec } from "./spec";
import type { HighlightThresholds } from "../core/settings";
import { a1, abs, sheetRef } from "./a1";
import { HIGHLIGHTS, NUMBER_FORMATS } from "./styles";
import { layoutLegend, type Legend } from "./layoutLegend";
import {
  LABEL_HEADERS,
  SECTIONS as MEASURES,
  SMALL_BASE,
  countField,
  figureCell,
  headlineRow,
  labelCells,
  measureFormula,
  placeSections,
  sectionBlock,
  sectionsFor,
  smallBaseFormat,
  titleBlock,
  type CountKey,
  type MeasureKey,
  type Section as Measure,
  type SectionKey,
  type SectionPlaces,
} from "./comparison/sections";
import type { ComparedArea, ComparedRow } from "./comparison/types";

/** " Left out: Merton (no table for period ending 2017-09-05)." or "". */
function leftOutNote(input: ComparisonInput): string {
  const left = input.leftOut ?? [];
  if (left.length === 0) return "";
  return ` Left out of the group: ${left.join(", ")} (no table for period ending ${input.periodEnding}).`;
}

export interface ComparisonInput {
  name: string;
  groupName: string;
  periodEnding: string;
  areas: ComparedArea[];
  rows: ComparedRow[];
  thresholds: HighlightThresholds;
  /** Areas of the group with no table for this period: named on the sheet as left out. */
  leftOut?: string[];
  /** Funnel z for outliers. @default 1.96 (95%) */
  outlierZ?: number;
}

interface Section extends Measure {
  /** Rank the areas, leaving out those whose base count is small (when smallBase is set). */
  rank?: { base: CountKey };
  /** Each area against the group, in percentage points ("fraction" figures × 100). */
  diff?: "fraction" | "points";
  /** Mark areas outside the group's funnel. */
  outliers?: boolean;
}

/** What the comparison adds to the shared sections: ranks, differences and outliers. */
const EXTRAS: Partial<Record<SectionKey, Partial<Section>>> = {
  offCur: { rank: { base: "offCur" } },
  change: { rank: { base: "offPrev" }, diff: "fraction", outliers: true },
  rateCur: {
    title: "SD rate, current R12 (SDs / offences)",
    rank: { base: "offCur" },
    diff: "fraction",
    outliers: true,
  },
  rateChange: { rank: { base: "offPrev" }, diff: "points" },
};
const SECTIONS: Section[] = MEASURES.map((s) => ({ ...s, ...EXTRAS[s.key] }));

/** The outlier marks after an area's name. */
const ABOVE = "▲";
const BELOW = "▼";

/** Columns: category, sub-category, areas, group, ranks, differences, outlier markers, outliers. */
function columnsOf(n: number) {
  return {
    area: (i: number) => 2 + i,
    group: 2 + n,
    rank: (i: number) => 3 + n + i,
    diff: (i: number) => 3 + 2 * n + i,
    marker: (i: number) => 3 + 3 * n + i,
    outliers: 3 + 4 * n,
  };
}

/** What every part of the sheet reads: the input, the columns, the thresholds' cells and the sections' places. */
interface Comparison {
  input: ComparisonInput;
  areas: ComparedArea[];
  n: number;
  C: ReturnType<typeof columnsOf>;
  minBase: string;
  zRef: string;
  at: SectionPlaces;
}

function comparisonLegend(input: ComparisonInput): Legend {
  return layoutLegend(
    4,
    0,
    [
      {
        kind: "outlier",
        label: `outlier ${ABOVE} / ${BELOW}`,
        meaning:
          "Outside the group's 95% funnel (Poisson for % changes, binomial for rates; normal approximation), marked per area and named in the Outliers column",
      },
      {
        kind: "smallBase",
        label: SMALL_BASE,
        meaning: "Base below the minimum: unreliable, greyed and not ranked",
      },
    ],
    [
      {
        key: "minBase",
        value: input.thresholds.minBase,
        numFmt: "#,##0",
        meaning: "minimum base (offences) for a % change or rate to be ranked",
      },
      {
        key: "z",
        value: input.outlierZ ?? 1.96,
        numFmt: "0.00",
        meaning: "funnel limit in standard errors (1.96 = 95%, 3.09 = 99.8%)",
      },
    ]
  );
}

/** Pads a row with `fill` up to column `col`, where the next group of columns starts. */
function padTo<T>(cells: T[], col: number, fill: () => T): void {
  while (cells.length < col) cells.push(fill());
}

function headerOf(x: Comparison, s: Section): CellSpec[] {
  const { areas, C } = x;
  const cell = (text: string): CellSpec => ({ text, style: "header" });
  const header: CellSpec[] = [
    ...LABEL_HEADERS,
    ...areas.map((a) => cell(a.area)),
    cell(`${x.input.groupName} (group)`),
  ];
  if (s.rank) areas.forEach((a) => header.push(cell(`Rank: ${a.area}`)));
  if (s.diff) {
    padTo(header, C.diff(0), () => cell(""));
    areas.forEach((a) => header.push(cell(`${a.area} vs group`)));
  }
  if (s.outliers) {
    padTo(header, C.marker(0), () => cell(""));
    areas.forEach((a) => header.push(cell(`Outlier: ${a.area}`)));
    header.push(cell("Outliers (outside funnel)"));
  }
  return header;
}

/** Row i's figure for each area and for the group (counts summed, measures from the sums). */
function figureCells(x: Comparison, s: Section, i: number): CellSpec[] {
  const { areas, n, C, at } = x;
  const r = at.rowOf(s.key, i);
  const field = countField(s.key);
  const cells = areas.map((a, j) => figureCell(at, s, i, C.area(j), a));
  const first = a1(r, C.area(0));
  const last = a1(r, C.area(n - 1));
  cells.push(
    field
      ? {
          formula: `IF(COUNT(${first}:${last})=${n},SUM(${first}:${last}),"n/a")`,
          numFmt: s.numFmt,
          style: "total",
        }
      : {
          formula: measureFormula(s.key as MeasureKey, (k) => at.ref(k, i, C.group)),
          numFmt: s.numFmt,
          style: "total",
        }
  );
  return cells;
}

/** Each area's rank among those with a figure (and, where bases can be small, a large enough base). */
function rankCells(x: Comparison, s: Section, rank: { base: CountKey }, i: number): CellSpec[] {
  const { areas, n, C, at, minBase } = x;
  const r = at.rowOf(s.key, i);
  const across = (row: number) =>
    `${a1(row, C.area(0), { col: true })}:${a1(row, C.area(n - 1), { col: true })}`;
  const values = across(r);
  const baseRow = at.rowOf(rank.base, i);
  const bases = across(baseRow);
  return areas.map((_, j) => {
    const v = a1(r, C.area(j));
    const b = a1(baseRow, C.area(j));
    const small = s.smallBase ? `IF(ISNUMBER(${b}),${b}<${minBase},TRUE)` : "FALSE";
    return {
      formula: `IF(ISNUMBER(${v}),IF(${small},"${SMALL_BASE}",1+SUMPRODUCT(ISNUMBER(${values})*ISNUMBER(${bases})*(${bases}>=${s.smallBase ? minBase : "0"})*(${values}>${v}))),"")`,
      numFmt: "0",
    };
  });
}

/** Each area against the group, in percentage points. */
function diffCells(x: Comparison, s: Section, i: number): CellSpec[] {
  const r = x.at.rowOf(s.key, i);
  const g = a1(r, x.C.group);
  return x.areas.map((_, j) => {
    const v = a1(r, x.C.area(j));
    return {
      formula: `IF(AND(ISNUMBER(${v}),ISNUMBER(${g})),(${v}-${g})${s.diff === "fraction" ? "*100" : ""},"")`,
      numFmt: NUMBER_FORMATS.points,
    };
  });
}

/**
 * Area j's outlier marker at row i: its name (from the section's header) with ▲ or ▼ when
 * its figure lies outside the group's funnel, else "". A % change is tested as a Poisson
 * count against the group's change, a rate as a binomial proportion against the group's rate.
 */
function markerFormula(x: Comparison, s: Section, i: number, j: number): string {
  const { C, at, minBase, zRef } = x;
  const col = C.area(j);
  const g = C.group;
  const cell = (k: SectionKey, c: number) => at.ref(k, i, c);
  const name = a1(at.startOf.get(s.key)! + 1, col, { row: true });
  const mark = (valid: string, applies: string, z: string) =>
    `IF(${valid},IF(${applies},IF(${z}>${zRef},${name}&" ${ABOVE}",IF(${z}<-${zRef},${name}&" ${BELOW}","")),""),"")`;
  if (s.key === "change") {
    const pa = cell("offPrev", col),
      ca = cell("offCur", col),
      gp = cell("offPrev", g),
      gc = cell("offCur", g);
    const e = `${pa}*${gc}/${gp}`;
    return mark(
      `AND(ISNUMBER(${pa}),ISNUMBER(${ca}),ISNUMBER(${gp}),ISNUMBER(${gc}))`,
      `AND(${pa}>=${minBase},${pa}>0,${gp}>0,${gc}>0)`,
      `(${ca}-${e})/SQRT(${e})`
    );
  }
  const ra = cell("rateCur", col),
    na = cell("offCur", col),
    pg = cell("rateCur", g);
  return mark(
    `AND(ISNUMBER(${ra}),ISNUMBER(${na}),ISNUMBER(${pg}))`,
    `AND(${na}>=${minBase},${na}>0,${pg}>0,${pg}<1)`,
    `(${ra}-${pg})/SQRT(${pg}*(1-${pg})/${na})`
  );
}

/** One category row of a section: labels, figures, then ranks, differences and outliers. */
function bodyRow(x: Comparison, s: Section, row: ComparedRow, i: number): (CellSpec | null)[] {
  const { C, n } = x;
  const out: (CellSpec | null)[] = [...labelCells(row), ...figureCells(x, s, i)];
  if (s.rank) out.push(...rankCells(x, s, s.rank, i));
  if (s.diff) {
    padTo(out, C.diff(0), () => null);
    out.push(...diffCells(x, s, i));
  }
  if (s.outliers) {
    padTo(out, C.marker(0), () => null);
    x.areas.forEach((_, j) => out.push({ formula: markerFormula(x, s, i, j) }));
    // TEXTJOIN over a range: one short formula however many areas (Excel 2019 or later).
    const r = x.at.rowOf(s.key, i);
    out.push({ formula: `TEXTJOIN(", ",TRUE,${a1(r, C.marker(0))}:${a1(r, C.marker(n - 1))})` });
  }
  return out;
}

/**
 * One rule over all the area columns, relative to the first: a small base greys the
 * figure (and stops), an outlier's marker colours it.
 */
function sectionFormats(x: Comparison, s: Section): ConditionalFormatSpec[] {
  const rows = x.input.rows.length;
  if (rows === 0) return [];
  const { C, at, n } = x;
  const r0 = at.rowOf(s.key, 0);
  const over = { row: r0, col: C.area(0), rows, cols: n };
  const formats: ConditionalFormatSpec[] = [];
  if (s.smallBase) {
    const b = a1(at.rowOf(s.smallBase, 0), C.area(0));
    formats.push({ ...smallBaseFormat(over, b, x.minBase), stopIfTrue: true });
  }
  if (s.outliers)
    formats.push({ ...over, formula: `${a1(r0, C.marker(0))}<>""`, format: HIGHLIGHTS.outlier });
  return formats;
}

export function layoutComparison(input: ComparisonInput): {
  sheet: SheetSpec;
  extent: { rows: number; cols: number };
} {
  const { areas, rows } = input;
  const n = areas.length;
  const sections = sectionsFor(SECTIONS, areas);
  const legend = comparisonLegend(input);
  const x: Comparison = {
    input,
    areas,
    n,
    C: columnsOf(n),
    minBase: legend.cells.minBase!,
    zRef: legend.cells.z!,
    at: placeSections(sections, 4 + legend.rows + 1, rows.length),
  };
  const totalCols = x.C.outliers + 1;
  const title = titleBlock(
    `Comparison: ${input.groupName}, period ending ${input.periodEnding} (generated)`,
    `Areas: ${areas.map((a) => a.area).join(", ")}.${leftOutNote(input)} The group column is computed from the summed counts, never by averaging percentages; each figure looks up its data sheet by category and sub-category.`
  );
  const blocks = [title, legend.block];
  const cfs: ConditionalFormatSpec[] = [];
  for (const s of sections) {
    const body = rows.map((row, i) => bodyRow(x, s, row, i));
    blocks.push(sectionBlock(x.at.startOf.get(s.key)!, s.title, headerOf(x, s), body));
    cfs.push(...sectionFormats(x, s));
  }
  const widths = [
    30,
    26,
    ...areas.map(() => 13),
    16,
    ...areas.map(() => 9),
    ...areas.map(() => 11),
    ...areas.map(() => 13),
    30,
  ];
  return {
    sheet: {
      name: input.name,
      role: "comparison",
      generated: true,
      columnWidths: widths,
      blocks,
      tables: [],
      conditionalFormats: cfs,
      charts: chartOf(input.name, rows, x.at, x.C.area(0), x.C.group, totalCols + 1),
      freeze: { rows: 0, cols: 2 },
    },
    extent: { rows: x.at.end, cols: totalCols },
  };
}

/** A bar chart of the headline row's % change by area and group (the Office.js writer draws it). */
function chartOf(
  sheet: string,
  rows: ComparedRow[],
  at: SectionPlaces,
  firstCol: number,
  groupCol: number,
  col: number
): ChartSpec[] {
  const changeStart = at.startOf.get("change");
  if (rows.length === 0 || changeStart === undefined) return [];
  const i = headlineRow(rows);
  const q = sheetRef(sheet);
  const span = (r: number) => `${q}${abs(r, firstCol)}:${abs(r, groupCol)}`;
  return [
    {
      type: "bar",
      title: `Offences % change: ${rows[i]!.category}${rows[i]!.subcategory && !rows[i]!.isTotal ? ` (${rows[i]!.subcategory})` : ""}`,
      categories: span(changeStart + 1),
      series: [{ name: "% change", values: span(at.rowOf("change", i)) }],
      row: 1,
      col,
      width: 8,
      height: 16,
    },
  ];
}
