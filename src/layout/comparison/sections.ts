// The sections the comparison and trend sheets share: the same measures, in the same order,
// from the same counts. Each section is a block of its own (title, header, one row per
// category), so the measure formulas refer to the counts' sections by position.
import { a1 } from "../a1";
import type { BlockSpec, CellSpec, ConditionalFormatSpec } from "../spec";
import { HIGHLIGHTS, NUMBER_FORMATS, percentFormat } from "../styles";
import { lookupCount } from "./lookupCount";
import type { ComparedArea, ComparedRow, CountField } from "./types";

/** Sections holding counts looked up on the data sheets. */
export type CountKey = "offCur" | "offPrev" | "sdsCur" | "sdsPrev";
/** Sections holding measures computed from the counts. */
export type MeasureKey = "change" | "rateCur" | "rateChange" | "ratePrev";
export type SectionKey = CountKey | MeasureKey;

export interface Section {
  key: SectionKey;
  title: string;
  numFmt: string;
  /** The counts whose small values make this section's figures unreliable. */
  smallBase?: CountKey;
}

/** Every section, in sheet order: measures first, then the counts they use. */
export const SECTIONS: Section[] = [
  { key: "offCur", title: "Offences, current R12", numFmt: NUMBER_FORMATS.count },
  {
    key: "change",
    title: "Offences % change (current vs previous R12)",
    numFmt: percentFormat(1),
    smallBase: "offPrev",
  },
  {
    key: "rateCur",
    title: "SD rate, current R12",
    numFmt: percentFormat(1),
    smallBase: "offCur",
  },
  {
    key: "rateChange",
    title: "SD-rate change (percentage points)",
    numFmt: NUMBER_FORMATS.points,
    smallBase: "offPrev",
  },
  { key: "offPrev", title: "Counts used: offences, previous R12", numFmt: NUMBER_FORMATS.count },
  { key: "sdsCur", title: "Counts used: SDs, current R12", numFmt: NUMBER_FORMATS.count },
  { key: "sdsPrev", title: "Counts used: SDs, previous R12", numFmt: NUMBER_FORMATS.count },
  { key: "ratePrev", title: "SD rate, previous R12", numFmt: percentFormat(1) },
];

/** The count each count section looks up. */
const COUNT_FIELD: Record<CountKey, CountField> = {
  offCur: "offencesCurrent",
  offPrev: "offencesPrevious",
  sdsCur: "sdsCurrent",
  sdsPrev: "sdsPrevious",
};

/** The sections that need sanction-detection counts. */
const SD_SECTIONS = new Set<SectionKey>(["rateCur", "rateChange", "sdsCur", "sdsPrev", "ratePrev"]);

export const countField = (key: SectionKey): CountField | undefined =>
  (COUNT_FIELD as Partial<Record<SectionKey, CountField>>)[key];

/** The sections to show: without SD counts in every area (or period), none of the SD ones. */
export function sectionsFor<S extends Section>(
  sections: S[],
  sources: { cols: ComparedArea["cols"] }[]
): S[] {
  const anySd = sources.some(
    (a) => a.cols.sdsCurrent !== undefined && a.cols.sdsPrevious !== undefined
  );
  return sections.filter((s) => anySd || !SD_SECTIONS.has(s.key));
}

/**
 * A measure from the counts in the same column, `ref(key)` giving the cell of a section
 * (or "n/a" for a section not shown); "n/a" when a count is missing or a base is zero.
 */
export function measureFormula(key: MeasureKey, ref: (k: SectionKey) => string): string {
  switch (key) {
    case "change":
      return `IF(AND(ISNUMBER(${ref("offPrev")}),ISNUMBER(${ref("offCur")})),IF(${ref("offPrev")}=0,"n/a",(${ref("offCur")}-${ref("offPrev")})/${ref("offPrev")}),"n/a")`;
    case "rateCur":
      return `IF(AND(ISNUMBER(${ref("sdsCur")}),ISNUMBER(${ref("offCur")})),IF(${ref("offCur")}=0,"n/a",${ref("sdsCur")}/${ref("offCur")}),"n/a")`;
    case "ratePrev":
      return `IF(AND(ISNUMBER(${ref("sdsPrev")}),ISNUMBER(${ref("offPrev")})),IF(${ref("offPrev")}=0,"n/a",${ref("sdsPrev")}/${ref("offPrev")}),"n/a")`;
    case "rateChange":
      return `IF(AND(ISNUMBER(${ref("rateCur")}),ISNUMBER(${ref("ratePrev")})),(${ref("rateCur")}-${ref("ratePrev")})*100,"n/a")`;
  }
}

/** Where the sections stand: each one's first row, and the cells of its rows. */
export interface SectionPlaces {
  startOf: Map<SectionKey, number>;
  /** The first row after the last section. */
  end: number;
  /** Sheet row of category row i of a section (below its title and header). */
  rowOf: (key: SectionKey, i: number) => number;
  /** The cell of category row i in `col` of a section, or "n/a" for a section not shown. */
  ref: (key: SectionKey, i: number, col: number) => string;
}

/**
 * Row i's figure of section `s` in sheet column `col`: a count looked up on `source`'s data
 * sheet, or a measure from the counts in the same column.
 */
export function figureCell(
  at: SectionPlaces,
  s: Section,
  i: number,
  col: number,
  source: Pick<ComparedArea, "sheetName" | "cols">
): CellSpec {
  const field = countField(s.key);
  const spec: CellSpec = field
    ? lookupCount(source.sheetName, source.cols, field, at.rowOf(s.key, i))
    : { formula: measureFormula(s.key as MeasureKey, (k) => at.ref(k, i, col)) };
  return { ...spec, numFmt: s.numFmt };
}

/** Sections from `top`, each its title, header and `rowCount` rows, then a blank row. */
export function placeSections(sections: Section[], top: number, rowCount: number): SectionPlaces {
  let start = top;
  const startOf = new Map<SectionKey, number>();
  for (const s of sections) {
    startOf.set(s.key, start);
    start += rowCount + 3;
  }
  const rowOf = (key: SectionKey, i: number): number => startOf.get(key)! + 2 + i;
  return {
    startOf,
    end: start,
    rowOf,
    ref: (key, i, col) => (startOf.has(key) ? a1(rowOf(key, i), col) : `"n/a"`),
  };
}

/** Text of the banner on sheets generated from the data sheets. */
const GENERATED_FROM_DATA =
  "Generated by scrutiny-sheets: refresh rebuilds this sheet, so edits here are lost. Correct figures on the data sheets.";

/** The title block: title, the generated banner, and a note. */
export function titleBlock(title: string, note: string): BlockSpec {
  return {
    row: 0,
    col: 0,
    cells: [
      [{ text: title, style: "title" }],
      [{ text: GENERATED_FROM_DATA, style: "generated-banner" }],
      [{ text: note, style: "note" }],
    ],
  };
}

/** The legend's label for the small-base highlight (the rank columns show it too). */
export const SMALL_BASE = "small base";

/** The first two header cells of a section. */
export const LABEL_HEADERS: CellSpec[] = [
  { text: "Category", style: "header" },
  { text: "Sub-category", style: "header" },
];

/** A row's category and sub-category cells (the look-ups read them), bold for totals. */
export function labelCells(row: ComparedRow): (CellSpec | null)[] {
  const style = row.isTotal ? "total" : undefined;
  return [
    { text: row.category, style },
    row.subcategory === null ? null : { text: row.subcategory, style },
  ];
}

/** A section block: its title, header and rows. */
export function sectionBlock(
  top: number,
  title: string,
  header: CellSpec[],
  body: (CellSpec | null)[][]
): BlockSpec {
  return { row: top, col: 0, cells: [[{ text: title, style: "subtitle" }], header, ...body] };
}

/**
 * Greys a section's figures where the base count in the same column is below the minimum;
 * `over` is the figures' range, relative to its first cell.
 */
export function smallBaseFormat(
  over: { row: number; col: number; rows: number; cols: number },
  base: string,
  minBase: string
): ConditionalFormatSpec {
  return {
    ...over,
    formula: `IF(ISNUMBER(${base}),${base}<${minBase},FALSE)`,
    format: HIGHLIGHTS.smallBase,
  };
}

/** The row the charts draw: the total of all offences (TNO), else the first. */
export function headlineRow(rows: ComparedRow[]): number {
  const i = rows.findIndex((r) => r.isTotal && /^(tno|all offences)$/i.test(r.category.trim()));
  return i < 0 ? 0 : i;
}
