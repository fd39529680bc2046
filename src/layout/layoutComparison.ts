// A comparison sheet: several areas of one period side by side, with the group computed
// from summed counts. Every figure is a formula that looks the counts up in the data
// sheets by category and sub-category (SUMIFS over whole columns, not row positions), so a
// corrected or reordered data sheet flows through. Measures first, then the counts they
// use; ranks leave out small bases and run the way the measure's polarity says; areas
// outside the group's funnel (exact Poisson or binomial limits at 95% and 99.8%, or limits
// allowing for overdispersion as the core's) are marked ▲ or ▼ per area and coloured
// apart, rises from falls, and counted in an "Outliers" column.
//
// Every formula's size is independent of the number of areas (Excel refuses formulas over
// 8,192 characters), and the formulas of a column are one formula in R1C1 form: the
// look-ups take the category and sub-category from the row's own label cells, so the
// Office.js writer sends each column once.
//
// The sections, measures and look-ups it shares with the trend sheet are in ./comparison.
import type { CellSpec, ChartSpec, ConditionalFormatSpec, SheetSpec } from "./spec";
import type { HighlightThresholds } from "../core/settings";
import type { CrimeTable } from "../core/model";
import type { DispersionModel } from "../core/stats";
import { funnelModels, type RowModel } from "./comparison/funnelModels";
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
import { withChartBreaks } from "./pageBreaks";

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
  /**
   * The compared areas' tables, in `areas` order: each row's funnel model (φ, τ) is the
   * core's over their counts. Absent: exact Poisson and binomial limits.
   */
  tables?: CrimeTable[];
  /** The overdispersion model the settings ask for. @default "additive" */
  model?: DispersionModel;
  /** Sentences naming data sheets left out because a later import holds the same table. */
  sameTables?: string;
}

interface Section extends Measure {
  /**
   * Rank the areas, leaving out those whose base count is small (when smallBase is set):
   * rank 1 the lowest (fewest offences, largest fall) or the highest (SD rate).
   */
  rank?: { base: CountKey; first: "lowest" | "highest" };
  /** Each area against the group, in percentage points ("fraction" figures × 100). */
  diff?: "fraction" | "points";
  /** Mark areas outside the group's funnel. */
  outliers?: boolean;
}

/** What the comparison adds to the shared sections: ranks, differences and outliers. */
const EXTRAS: Partial<Record<SectionKey, Partial<Section>>> = {
  offCur: { rank: { base: "offCur", first: "lowest" } },
  change: { rank: { base: "offPrev", first: "lowest" }, diff: "fraction", outliers: true },
  rateCur: {
    title: "SD rate, current R12 (SDs / offences)",
    rank: { base: "offCur", first: "highest" },
    diff: "fraction",
    outliers: true,
  },
  rateChange: { rank: { base: "offPrev", first: "highest" }, diff: "points" },
};
const SECTIONS: Section[] = MEASURES.map((s) => ({ ...s, ...EXTRAS[s.key] }));

/** The outlier marks: beyond the 95% limit, beyond the 99.8% limit. */
const ABOVE = "▲";
const BELOW = "▼";

/** Normal quantiles of the two funnel levels: 0.975 and 0.999. */
const Z95 = "1.95996398454005";
const Z998 = "3.09023230616781";

/**
 * Columns: the main view first (labels, areas, group, each area's outlier mark and their
 * count), then the details beside it (ranks, differences from the group, the funnel model).
 */
function columnsOf(n: number) {
  return {
    area: (i: number) => 2 + i,
    group: 2 + n,
    marker: (i: number) => 3 + n + i,
    outliers: 3 + 2 * n,
    rank: (i: number) => 4 + 2 * n + i,
    diff: (i: number) => 4 + 3 * n + i,
    model: 4 + 4 * n,
    phi: 5 + 4 * n,
    tau: 6 + 4 * n,
  };
}

/** What every part of the sheet reads: the input, the columns, the thresholds' cells and the sections' places. */
interface Comparison {
  input: ComparisonInput;
  areas: ComparedArea[];
  n: number;
  C: ReturnType<typeof columnsOf>;
  minBase: string;
  at: SectionPlaces;
  /** Each row's funnel models (change, rate). */
  models: { change: RowModel | null; rate: RowModel | null }[];
}

/** The funnel model in words, for the title note: the reason where it stays Poisson. */
function modelNote(models: Comparison["models"]): string {
  const all = models.flatMap((m) => [m.change, m.rate]).filter((m): m is RowModel => m !== null);
  const adjusted = all.filter((m) => m.label !== "Poisson" && m.phi !== null);
  if (adjusted.length === 0) {
    const reason = all.find((m) => m.reason)?.reason;
    return ` Funnel limits: exact Poisson (% changes) and binomial (SD rates)${reason ? `; ${reason}` : ""}.`;
  }
  const phis = adjusted.map((m) => m.phi!);
  return (
    ` Funnel limits allow for the usual variation between areas beyond chance where it is found ` +
    `(overdispersion φ ${Math.min(...phis).toFixed(2)} to ${Math.max(...phis).toFixed(2)}; ${adjusted[0]!.label} model, Spiegelhalter 2005), ` +
    `else exact Poisson or binomial; each row shows its model, φ and τ.`
  );
}

function comparisonLegend(input: ComparisonInput): Legend {
  return layoutLegend(
    4,
    0,
    [
      {
        kind: "increase",
        label: `${ABOVE} / ${ABOVE}${ABOVE} higher than the group`,
        meaning:
          "Above the group's funnel: beyond its 95% limit (▲) or 99.8% limit (▲▲). For offences and their change a concern, for the SD rate an improvement",
      },
      {
        kind: "decrease",
        label: `${BELOW} / ${BELOW}${BELOW} lower than the group`,
        meaning:
          "Below the group's funnel: beyond its 95% limit (▼) or 99.8% limit (▼▼). For offences and their change an improvement, for the SD rate a concern",
      },
      {
        kind: "smallBase",
        label: SMALL_BASE,
        meaning: "Base below the minimum: unreliable, greyed, not ranked and not marked",
      },
      {
        label: "Funnel model",
        meaning:
          "Exact Poisson limits for % changes and binomial for SD rates; where 10 or more areas vary beyond chance, limits allowing for it (random effects, φ and τ in each row)",
      },
      {
        label: "Ranks",
        meaning:
          "Rank 1 is the best: the fewest offences and the largest fall in offences; the highest SD rate and its largest rise",
      },
    ],
    [
      {
        key: "minBase",
        value: input.thresholds.minBase,
        numFmt: "#,##0",
        meaning: "minimum base (offences) for a % change or rate to be ranked and marked",
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
  const at = (col: number, cells: CellSpec[]) => {
    padTo(header, col, () => cell(""));
    header.push(...cells);
  };
  if (s.outliers)
    at(C.marker(0), [
      ...areas.map((a) => cell(`Outlier: ${a.area}`)),
      cell("Outliers (outside funnel)"),
    ]);
  if (s.rank)
    at(
      C.rank(0),
      areas.map((a) => cell(`Rank (1 = ${s.rank!.first}): ${a.area}`))
    );
  if (s.diff)
    at(
      C.diff(0),
      areas.map((a) => cell(`${a.area} vs group`))
    );
  if (s.outliers) at(C.model, [cell("Funnel model"), cell("φ"), cell("τ")]);
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
function rankCells(
  x: Comparison,
  s: Section,
  rank: NonNullable<Section["rank"]>,
  i: number
): CellSpec[] {
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
      formula: `IF(ISNUMBER(${v}),IF(${small},"${SMALL_BASE}",1+SUMPRODUCT(ISNUMBER(${values})*ISNUMBER(${bases})*(${bases}>=${s.smallBase ? minBase : "0"})*(${values}${rank.first === "highest" ? ">" : "<"}${v}))),"")`,
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

/** The mark of a funnel z-score: ▲▲ beyond the upper 99.8% limit, ▲ the 95%, "" inside. */
const markOf = (z: string): string =>
  `LOOKUP(${z},{-1E+307,-${Z998},-${Z95},${Z95},${Z998}},{"${BELOW}${BELOW}","${BELOW}","","${ABOVE}","${ABOVE}${ABOVE}"})`;

/**
 * The z-score of exact tails: the normal quantile of the smaller one, signed by its side,
 * so it lies beyond a level's z exactly when the two-sided exact p-value is below it.
 */
const exactZ = (high: string, low: string): string =>
  `IF(${high}<${low},-NORM.S.INV(MAX(${high},1E-300)),NORM.S.INV(MAX(${low},1E-300)))`;

/**
 * Area j's outlier marker at row i: ▲ or ▼ (doubled beyond 99.8%) when its figure lies
 * outside the group's funnel, else "", as the core's changeFunnel and rateFunnel place it.
 * A % change: the current count against previous × the group's ratio, by its exact
 * Poisson tails, or on the √(O/E) scale with the row's φ or τ. A rate: the SDs against
 * Binomial(offences, group rate), or on the arcsine-√ scale.
 */
function markerFormula(x: Comparison, s: Section, i: number, j: number): string {
  const { C, at, minBase } = x;
  const col = C.area(j);
  const g = C.group;
  const cell = (k: SectionKey, c: number) => at.ref(k, i, c);
  const r = at.rowOf(s.key, i);
  const [M, PHI, TAU] = [a1(r, C.model), a1(r, C.phi), a1(r, C.tau)];
  const sd = (n: string) =>
    `IF(${M}="multiplicative",SQRT(${PHI})/(2*SQRT(${n})),SQRT(1/(4*${n})+${TAU}^2))`;
  const mark = (valid: string, applies: string, exact: string, adjusted: string) =>
    `IF(AND(${valid},${M}<>""),IF(${applies},${markOf(`IF(${M}="Poisson",${exact},${adjusted})`)},""),"")`;
  if (s.key === "change") {
    const [pa, ca, gp, gc] = [
      cell("offPrev", col),
      cell("offCur", col),
      cell("offPrev", g),
      cell("offCur", g),
    ];
    const e = `(${pa}*${gc}/${gp})`;
    return mark(
      `ISNUMBER(${pa}),ISNUMBER(${ca}),ISNUMBER(${gp}),ISNUMBER(${gc})`,
      `AND(${pa}>=${minBase},${pa}>0,${gp}>0,${gc}>0)`,
      exactZ(`IF(${ca}=0,1,1-POISSON.DIST(${ca}-1,${e},TRUE))`, `POISSON.DIST(${ca},${e},TRUE)`),
      `(SQRT(${ca}/${e})-1)/${sd(e)}`
    );
  }
  const [xa, na, pg] = [cell("sdsCur", col), cell("offCur", col), cell("rateCur", g)];
  return mark(
    `ISNUMBER(${xa}),ISNUMBER(${na}),ISNUMBER(${pg})`,
    `AND(${na}>=${minBase},${na}>0,${pg}>0,${pg}<1)`,
    exactZ(
      `IF(${xa}=0,1,1-BINOM.DIST(${xa}-1,${na},${pg},TRUE))`,
      `BINOM.DIST(${xa},${na},${pg},TRUE)`
    ),
    `(ASIN(SQRT(${xa}/${na}))-ASIN(SQRT(${pg})))/${sd(na)}`
  );
}

/** The row's funnel model, φ and τ (values the layout computes from the core's funnel). */
function modelCells(x: Comparison, s: Section, i: number): (CellSpec | null)[] {
  const m = s.key === "change" ? x.models[i]?.change : x.models[i]?.rate;
  if (!m) return [null, null, null];
  const adjusted = m.label !== "Poisson";
  return [
    { text: m.label },
    // Full precision: the markers take these in, and must place areas as the core does.
    adjusted && m.phi !== null ? { number: m.phi, numFmt: "0.00" } : null,
    adjusted && m.tau !== null ? { number: m.tau, numFmt: "0.000" } : null,
  ];
}

/** One category row of a section: labels, figures, then ranks, differences and outliers. */
function bodyRow(x: Comparison, s: Section, row: ComparedRow, i: number): (CellSpec | null)[] {
  const { C, n } = x;
  const out: (CellSpec | null)[] = [...labelCells(row), ...figureCells(x, s, i)];
  const at = (col: number, cells: (CellSpec | null)[]) => {
    padTo(out, col, () => null);
    out.push(...cells);
  };
  if (s.outliers) {
    const r = x.at.rowOf(s.key, i);
    const marks = `${a1(r, C.marker(0))}:${a1(r, C.marker(n - 1))}`;
    at(C.marker(0), [
      ...x.areas.map((_, j) => ({ formula: markerFormula(x, s, i, j) })),
      // Counted over the markers' range: one short formula however many areas, in Excel 2016.
      {
        formula: `IF(COUNTIF(${marks},"?*")=0,"",COUNTIF(${marks},"${ABOVE}*")&" higher, "&COUNTIF(${marks},"${BELOW}*")&" lower")`,
      },
    ]);
  }
  if (s.rank) at(C.rank(0), rankCells(x, s, s.rank, i));
  if (s.diff) at(C.diff(0), diffCells(x, s, i));
  if (s.outliers) at(C.model, modelCells(x, s, i));
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
  if (s.outliers) {
    const marker = a1(r0, C.marker(0));
    formats.push(
      { ...over, formula: `LEFT(${marker},1)="${ABOVE}"`, format: HIGHLIGHTS.increase },
      { ...over, formula: `LEFT(${marker},1)="${BELOW}"`, format: HIGHLIGHTS.decrease },
      {
        ...over,
        col: C.marker(0),
        formula: `LEFT(${marker},1)="${ABOVE}"`,
        format: HIGHLIGHTS.increase,
      },
      {
        ...over,
        col: C.marker(0),
        formula: `LEFT(${marker},1)="${BELOW}"`,
        format: HIGHLIGHTS.decrease,
      }
    );
  }
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
    at: placeSections(sections, 4 + legend.rows + 1, rows.length),
    models: input.tables
      ? funnelModels(input.tables, rows, input.model ?? "additive")
      : rows.map(() => ({ change: null, rate: null })),
  };
  const totalCols = x.C.tau + 1;
  const titleText = `Comparison: ${input.groupName}, period ending ${input.periodEnding} (generated)`;
  const title = titleBlock(
    titleText,
    `Areas: ${areas.map((a) => a.area).join(", ")}.${leftOutNote(input)}${input.sameTables ? ` ${input.sameTables}` : ""} The group column is computed from the summed counts, never by averaging percentages; each figure looks up its data sheet by category and sub-category.${modelNote(x.models)}`
  );
  const blocks = [title, legend.block];
  const cfs: ConditionalFormatSpec[] = [];
  for (const s of sections) {
    const body = rows.map((row, i) => bodyRow(x, s, row, i));
    blocks.push(sectionBlock(x.at.startOf.get(s.key)!, s.title, headerOf(x, s), body));
    cfs.push(...sectionFormats(x, s));
  }
  // Labels whole: the label columns as wide as the longest label (within reason).
  const fit = (texts: (string | null)[], min: number) =>
    Math.min(60, Math.max(min, ...texts.map((t) => (t ?? "").length + 2)));
  const widths = [
    fit(
      rows.map((r) => r.category),
      30
    ),
    fit(
      rows.map((r) => r.subcategory),
      26
    ),
    ...areas.map(() => 13),
    16,
    ...areas.map(() => 11),
    18,
    // "small base" stays within its rank cell.
    ...areas.map(() => 11),
    ...areas.map(() => 11),
    15,
    7,
    7,
  ];
  const charts = chartOf(input.name, rows, x.at, x.C.area(0), x.C.group, {
    row: x.at.end + 1,
    width: columnsSpanning(widths, CHART_WIDTH_CHARS),
  });
  const mainCols = x.C.outliers + 1;
  return {
    sheet: withChartBreaks({
      name: input.name,
      role: "comparison",
      generated: true,
      columnWidths: widths,
      blocks,
      tables: [],
      conditionalFormats: cfs,
      charts,
      freeze: { rows: 0, cols: 2 },
      print: {
        orientation: "landscape",
        fitToWidth: 1,
        repeatRows: { first: 0, last: 0 },
        // The main view (areas, group, marks) and the chart below it: the details beside
        // them stay on screen.
        area: {
          row: 0,
          col: 0,
          rows: Math.max(x.at.end, ...charts.map((c) => c.row + c.height)),
          cols: Math.max(mainCols, ...charts.map((c) => c.col + c.width)),
        },
        header: ["", titleText, ""],
        footer: ["scrutiny-sheets", "", "Page {page} of {pages}"],
      },
    }),
    extent: { rows: x.at.end, cols: totalCols },
  };
}

/** How wide the chart is drawn, in characters of the columns it spans: readable on a landscape page. */
const CHART_WIDTH_CHARS = 100;

/** The fewest columns from A whose widths reach `chars`. */
function columnsSpanning(widths: readonly number[], chars: number): number {
  let total = 0;
  for (let c = 0; c < widths.length; c++) {
    total += widths[c] ?? 0;
    if (total >= chars) return c + 1;
  }
  return Math.max(1, widths.length);
}

/**
 * A bar chart of the headline row's % change by area and group, below the main view from
 * column A, inside the printed area: it prints after the table, never off the page.
 */
function chartOf(
  sheet: string,
  rows: ComparedRow[],
  at: SectionPlaces,
  firstCol: number,
  groupCol: number,
  place: { row: number; width: number }
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
      row: place.row,
      col: 0,
      width: place.width,
      height: 16,
    },
  ];
}
