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
import type { BlockSpec, CellSpec, ChartSpec, ConditionalFormatSpec, SheetSpec } from "./spec";
import type { HighlightThresholds } from "./thresholds";
import { a1, abs, exactMatchOf, sheetRef, wholeColumn } from "./a1";
import { HIGHLIGHTS, NUMBER_FORMATS, percentFormat } from "./styles";
import { layoutLegend } from "./layoutLegend";

export interface ComparedArea {
  area: string;
  sheetName: string;
  /** 0-based columns of the data sheet; absent fields show "n/a". */
  cols: Partial<
    Record<
      | "category"
      | "subcategory"
      | "offencesPrevious"
      | "offencesCurrent"
      | "sdsPrevious"
      | "sdsCurrent",
      number
    >
  >;
}

export interface ComparedRow {
  category: string;
  subcategory: string | null;
  isTotal: boolean;
}

export interface ComparisonInput {
  name: string;
  groupName: string;
  periodEnding: string;
  areas: ComparedArea[];
  rows: ComparedRow[];
  thresholds: HighlightThresholds;
  /** Funnel z for outliers. @default 1.96 (95%) */
  outlierZ?: number;
}

type SectionKey =
  "offCur" | "change" | "rateCur" | "rateChange" | "offPrev" | "sdsCur" | "sdsPrev" | "ratePrev";

interface Section {
  key: SectionKey;
  title: string;
  numFmt: string;
  rank?: { base: SectionKey };
  diff?: "fraction" | "points";
  outliers?: boolean;
  smallBase?: SectionKey;
}

const SECTIONS: Section[] = [
  {
    key: "offCur",
    title: "Offences, current R12",
    numFmt: NUMBER_FORMATS.count,
    rank: { base: "offCur" },
  },
  {
    key: "change",
    title: "Offences % change (current vs previous R12)",
    numFmt: percentFormat(1),
    rank: { base: "offPrev" },
    diff: "fraction",
    outliers: true,
    smallBase: "offPrev",
  },
  {
    key: "rateCur",
    title: "SD rate, current R12 (SDs / offences)",
    numFmt: percentFormat(1),
    rank: { base: "offCur" },
    diff: "fraction",
    outliers: true,
    smallBase: "offCur",
  },
  {
    key: "rateChange",
    title: "SD-rate change (percentage points)",
    numFmt: NUMBER_FORMATS.points,
    rank: { base: "offPrev" },
    diff: "points",
    smallBase: "offPrev",
  },
  { key: "offPrev", title: "Counts used: offences, previous R12", numFmt: NUMBER_FORMATS.count },
  { key: "sdsCur", title: "Counts used: SDs, current R12", numFmt: NUMBER_FORMATS.count },
  { key: "sdsPrev", title: "Counts used: SDs, previous R12", numFmt: NUMBER_FORMATS.count },
  { key: "ratePrev", title: "SD rate, previous R12", numFmt: percentFormat(1) },
];

const SD_SECTIONS = new Set<SectionKey>(["rateCur", "rateChange", "sdsCur", "sdsPrev", "ratePrev"]);
const LOOKUP: Partial<
  Record<SectionKey, "offencesPrevious" | "offencesCurrent" | "sdsPrevious" | "sdsCurrent">
> = {
  offCur: "offencesCurrent",
  offPrev: "offencesPrevious",
  sdsCur: "sdsCurrent",
  sdsPrev: "sdsPrevious",
};

export type CountField = "offencesPrevious" | "offencesCurrent" | "sdsPrevious" | "sdsCurrent";

/**
 * A count looked up on a data sheet by the category and sub-category in columns A and B of
 * `labelRow` (0-based) of the sheet that holds the formula; "n/a" when the data sheet has
 * no such row or no figure there, or has no such column.
 */
export function lookupCount(
  sheetName: string,
  cols: ComparedArea["cols"],
  field: CountField,
  labelRow: number
): CellSpec {
  const v = cols[field];
  const cat = cols.category;
  if (v === undefined || cat === undefined) return { text: "n/a" };
  const criteria = [wholeColumn(sheetName, cat), exactMatchOf(a1(labelRow, 0, { col: true }))];
  if (cols.subcategory !== undefined)
    criteria.push(
      wholeColumn(sheetName, cols.subcategory),
      exactMatchOf(a1(labelRow, 1, { col: true }))
    );
  const val = wholeColumn(sheetName, v);
  return {
    formula: `IF(COUNTIFS(${criteria.join(",")},${val},"<>")=0,"n/a",SUMIFS(${val},${criteria.join(",")}))`,
  };
}

export function layoutComparison(input: ComparisonInput): {
  sheet: SheetSpec;
  extent: { rows: number; cols: number };
} {
  const { areas, rows, thresholds } = input;
  const n = areas.length;
  const anySd = areas.some(
    (a) => a.cols.sdsCurrent !== undefined && a.cols.sdsPrevious !== undefined
  );
  const sections = SECTIONS.filter((s) => anySd || !SD_SECTIONS.has(s.key));

  const legend = layoutLegend(
    4,
    0,
    [
      {
        kind: "outlier",
        label: "outlier ▲ / ▼",
        meaning:
          "Outside the group's 95% funnel (Poisson for % changes, binomial for rates; normal approximation), marked per area and named in the Outliers column",
      },
      {
        kind: "smallBase",
        label: "small base",
        meaning: "Base below the minimum: unreliable, greyed and not ranked",
      },
    ],
    [
      {
        key: "minBase",
        value: thresholds.minBase,
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
  const minBase = legend.cells.minBase!;
  const zRef = legend.cells.z!;

  // Columns: category, sub-category, areas, group, ranks, differences, outlier markers, outliers.
  const C = {
    cat: 0,
    sub: 1,
    area: (i: number) => 2 + i,
    group: 2 + n,
    rank: (i: number) => 3 + n + i,
    diff: (i: number) => 3 + 2 * n + i,
    marker: (i: number) => 3 + 3 * n + i,
  };
  const outliersCol = 3 + 4 * n;
  const totalCols = outliersCol + 1;

  let start = 4 + legend.rows + 1;
  const startOf = new Map<SectionKey, number>();
  for (const s of sections) {
    startOf.set(s.key, start);
    start += rows.length + 3;
  }
  const rowOf = (key: SectionKey, i: number): number => startOf.get(key)! + 2 + i;
  const cell = (key: SectionKey, i: number, col: number): string =>
    startOf.has(key) ? a1(rowOf(key, i), col) : `"n/a"`;

  const blocks: BlockSpec[] = [
    {
      row: 0,
      col: 0,
      cells: [
        [
          {
            text: `Comparison: ${input.groupName}, period ending ${input.periodEnding} (generated)`,
            style: "title",
          },
        ],
        [
          {
            text: "Generated by scrutiny-sheets: refresh rebuilds this sheet, so edits here are lost. Correct figures on the data sheets.",
            style: "generated-banner",
          },
        ],
        [
          {
            text: `Areas: ${areas.map((a) => a.area).join(", ")}. The group column is computed from the summed counts, never by averaging percentages; each figure looks up its data sheet by category and sub-category.`,
            style: "note",
          },
        ],
      ],
    },
    legend.block,
  ];
  const cfs: ConditionalFormatSpec[] = [];

  const measure = (s: Section, i: number, col: number): string => {
    const ref = (k: SectionKey) => cell(k, i, col);
    switch (s.key) {
      case "change":
        return `IF(AND(ISNUMBER(${ref("offPrev")}),ISNUMBER(${ref("offCur")})),IF(${ref("offPrev")}=0,"n/a",(${ref("offCur")}-${ref("offPrev")})/${ref("offPrev")}),"n/a")`;
      case "rateCur":
        return `IF(AND(ISNUMBER(${ref("sdsCur")}),ISNUMBER(${ref("offCur")})),IF(${ref("offCur")}=0,"n/a",${ref("sdsCur")}/${ref("offCur")}),"n/a")`;
      case "ratePrev":
        return `IF(AND(ISNUMBER(${ref("sdsPrev")}),ISNUMBER(${ref("offPrev")})),IF(${ref("offPrev")}=0,"n/a",${ref("sdsPrev")}/${ref("offPrev")}),"n/a")`;
      case "rateChange":
        return `IF(AND(ISNUMBER(${ref("rateCur")}),ISNUMBER(${ref("ratePrev")})),(${ref("rateCur")}-${ref("ratePrev")})*100,"n/a")`;
      default:
        return `""`;
    }
  };

  /**
   * Area j's outlier marker at row i: its name (from the section's header) with ▲ or ▼ when
   * its figure lies outside the group's funnel, else "".
   */
  const marker = (s: Section, i: number, j: number): string => {
    const col = C.area(j);
    const g = C.group;
    const name = a1(startOf.get(s.key)! + 1, col, { row: true });
    const mark = (valid: string, applies: string, z: string) =>
      `IF(${valid},IF(${applies},IF(${z}>${zRef},${name}&" ▲",IF(${z}<-${zRef},${name}&" ▼","")),""),"")`;
    if (s.key === "change") {
      const pa = cell("offPrev", i, col),
        ca = cell("offCur", i, col),
        gp = cell("offPrev", i, g),
        gc = cell("offCur", i, g);
      const e = `${pa}*${gc}/${gp}`;
      return mark(
        `AND(ISNUMBER(${pa}),ISNUMBER(${ca}),ISNUMBER(${gp}),ISNUMBER(${gc}))`,
        `AND(${pa}>=${minBase},${pa}>0,${gp}>0,${gc}>0)`,
        `(${ca}-${e})/SQRT(${e})`
      );
    }
    const ra = cell("rateCur", i, col),
      na = cell("offCur", i, col),
      pg = cell("rateCur", i, g);
    return mark(
      `AND(ISNUMBER(${ra}),ISNUMBER(${na}),ISNUMBER(${pg}))`,
      `AND(${na}>=${minBase},${na}>0,${pg}>0,${pg}<1)`,
      `(${ra}-${pg})/SQRT(${pg}*(1-${pg})/${na})`
    );
  };

  for (const s of sections) {
    const top = startOf.get(s.key)!;
    const header: CellSpec[] = [
      { text: "Category", style: "header" },
      { text: "Sub-category", style: "header" },
      ...areas.map((a) => ({ text: a.area, style: "header" as const })),
      { text: `${input.groupName} (group)`, style: "header" },
    ];
    if (s.rank) areas.forEach((a) => header.push({ text: `Rank: ${a.area}`, style: "header" }));
    if (s.diff) {
      while (header.length < C.diff(0)) header.push({ text: "", style: "header" });
      areas.forEach((a) => header.push({ text: `${a.area} vs group`, style: "header" }));
    }
    if (s.outliers) {
      while (header.length < C.marker(0)) header.push({ text: "", style: "header" });
      areas.forEach((a) => header.push({ text: `Outlier: ${a.area}`, style: "header" }));
      header.push({ text: "Outliers (outside funnel)", style: "header" });
    }
    const body: (CellSpec | null)[][] = rows.map((row, i) => {
      const r = rowOf(s.key, i);
      const out: (CellSpec | null)[] = [
        { text: row.category, style: row.isTotal ? "total" : undefined },
        row.subcategory === null
          ? null
          : { text: row.subcategory, style: row.isTotal ? "total" : undefined },
      ];
      const field = LOOKUP[s.key];
      areas.forEach((a, j) => {
        const spec = field
          ? lookupCount(a.sheetName, a.cols, field, r)
          : { formula: measure(s, i, C.area(j)) };
        out.push({ ...spec, numFmt: s.numFmt });
      });
      const first = a1(r, C.area(0));
      const last = a1(r, C.area(n - 1));
      out.push(
        field
          ? {
              formula: `IF(COUNT(${first}:${last})=${n},SUM(${first}:${last}),"n/a")`,
              numFmt: s.numFmt,
              style: "total",
            }
          : { formula: measure(s, i, C.group), numFmt: s.numFmt, style: "total" }
      );
      if (s.rank) {
        const values = `${a1(r, C.area(0), { col: true })}:${a1(r, C.area(n - 1), { col: true })}`;
        const baseRow = rowOf(s.rank.base, i);
        const bases = `${a1(baseRow, C.area(0), { col: true })}:${a1(baseRow, C.area(n - 1), { col: true })}`;
        areas.forEach((_, j) => {
          const v = a1(r, C.area(j));
          const b = a1(baseRow, C.area(j));
          const small = s.smallBase ? `IF(ISNUMBER(${b}),${b}<${minBase},TRUE)` : "FALSE";
          out.push({
            formula: `IF(ISNUMBER(${v}),IF(${small},"small base",1+SUMPRODUCT(ISNUMBER(${values})*ISNUMBER(${bases})*(${bases}>=${s.smallBase ? minBase : "0"})*(${values}>${v}))),"")`,
            numFmt: "0",
          });
        });
      }
      if (s.diff) {
        while (out.length < C.diff(0)) out.push(null);
        const g = a1(r, C.group);
        areas.forEach((_, j) => {
          const v = a1(r, C.area(j));
          out.push({
            formula: `IF(AND(ISNUMBER(${v}),ISNUMBER(${g})),(${v}-${g})${s.diff === "fraction" ? "*100" : ""},"")`,
            numFmt: NUMBER_FORMATS.points,
          });
        });
      }
      if (s.outliers) {
        while (out.length < C.marker(0)) out.push(null);
        areas.forEach((_, j) => out.push({ formula: marker(s, i, j) }));
        // TEXTJOIN over a range: one short formula however many areas (Excel 2019 or later).
        out.push({
          formula: `TEXTJOIN(", ",TRUE,${a1(r, C.marker(0))}:${a1(r, C.marker(n - 1))})`,
        });
      }
      return out;
    });
    blocks.push({
      row: top,
      col: 0,
      cells: [[{ text: s.title, style: "subtitle" }], header, ...body],
    });

    // One rule over all the area columns, relative to the first: a small base greys the
    // figure (and stops), an outlier's marker colours it.
    if (rows.length > 0) {
      const r0 = rowOf(s.key, 0);
      const over = { row: r0, col: C.area(0), rows: rows.length, cols: n };
      if (s.smallBase) {
        const b = a1(rowOf(s.smallBase, 0), C.area(0));
        cfs.push({
          ...over,
          formula: `IF(ISNUMBER(${b}),${b}<${minBase},FALSE)`,
          format: HIGHLIGHTS.smallBase,
          stopIfTrue: true,
        });
      }
      if (s.outliers) {
        cfs.push({
          ...over,
          formula: `${a1(r0, C.marker(0))}<>""`,
          format: HIGHLIGHTS.outlier,
        });
      }
    }
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
      charts: chartOf(
        input.name,
        rows,
        startOf.get("change"),
        rowOf,
        C.area(0),
        C.group,
        totalCols + 1
      ),
      freeze: { rows: 0, cols: 2 },
    },
    extent: { rows: start, cols: totalCols },
  };
}

/** A bar chart of the headline row's % change by area and group (the Office.js writer draws it). */
function chartOf(
  sheet: string,
  rows: ComparedRow[],
  changeStart: number | undefined,
  rowOf: (key: SectionKey, i: number) => number,
  firstCol: number,
  groupCol: number,
  at: number
): ChartSpec[] {
  if (rows.length === 0 || changeStart === undefined) return [];
  let i = rows.findIndex((r) => r.isTotal && /^(tno|all offences)$/i.test(r.category.trim()));
  if (i < 0) i = 0;
  const q = sheetRef(sheet);
  const span = (r: number) => `${q}${abs(r, firstCol)}:${abs(r, groupCol)}`;
  return [
    {
      type: "bar",
      title: `Offences % change: ${rows[i]!.category}${rows[i]!.subcategory && !rows[i]!.isTotal ? ` (${rows[i]!.subcategory})` : ""}`,
      categories: span(changeStart + 1),
      series: [{ name: "% change", values: span(rowOf("change", i)) }],
      row: 1,
      col: at,
      width: 8,
      height: 16,
    },
  ];
}
