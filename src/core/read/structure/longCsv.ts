// A long ("tidy") CSV: one row per label and period, the figures in one or more measure
// columns (Code, Borough, Year, Value; the older Datastore's Code, Borough, Year, Offences,
// Rate, Number_of_offences; area_code, area_name, indicator, period, …, value). Laid out
// wide: one row per label, one column per period, one table per measure. Columns that hold
// one value throughout (indicator, measure, unit) name the table; every line whose figure
// is not a figure ("n/a", blank) is reported with its line and why, for each measure.

import { parseNumber } from "../parseNumber";
import type { SourceGrid, SourceLine } from "../sourceLines";
import { filledCells } from "../sourceLines";
import type { StructuredRead, StructuredRow, StructuredTable, UnreadLine } from "./types";

const PERIOD = /^(?:period|year|month|date|financial[ _]year|quarter|fy|time[ _]period)$/i;
/** Headings of label columns, never measures even when their values are numbers (codes). */
const LABEL_HEADING = /\b(?:code|id|gss|ons|name|area|borough|ward|district|authority|region)\b/i;
/** Share of a column's cells that must be figures for it to be a measure. */
const MIN_FIGURES = 0.6;

interface LongColumns {
  header: SourceLine;
  body: SourceLine[];
  period: number;
  measures: number[];
  labels: number[];
  constants: number[];
}

function figureShare(body: SourceLine[], j: number): number {
  const filled = body.map((l) => l.cells[j] ?? "").filter((c) => c.trim() !== "");
  if (filled.length === 0) return 0;
  return filled.filter((c) => parseNumber(c).kind === "number").length / filled.length;
}

/** The columns of a long CSV, or null when the grid is not one. */
function longColumns(grid: SourceGrid): LongColumns | null {
  const header = grid.lines.find((l) => filledCells(l).length > 0);
  if (!header) return null;
  const heads = header.cells.map((c) => c.trim().replace(/_/g, " "));
  const period = heads.findIndex((h) => PERIOD.test(h));
  if (period < 0) return null;
  const body = grid.lines.filter((l) => l.line > header.line && filledCells(l).length > 0);
  if (body.length < 2) return null;
  const others = heads.map((_, j) => j).filter((j) => j !== period);
  const measures = others.filter(
    (j) => !LABEL_HEADING.test(heads[j] ?? "") && figureShare(body, j) >= MIN_FIGURES
  );
  if (measures.length === 0) return null;
  const rest = others.filter((j) => !measures.includes(j));
  const constants = rest.filter((j) => new Set(body.map((l) => l.cells[j] ?? "")).size === 1);
  const labels = rest.filter((j) => !constants.includes(j));
  if (labels.length === 0) return null;
  return { header, body, period, measures, labels, constants };
}

interface Entry {
  line: number;
  labels: string[];
  byPeriod: Map<string, string>;
  also: number[];
}

/** The wide table of one measure column, and the lines whose figure it could not take. */
function measureTable(
  cols: LongColumns,
  measure: number
): { table: StructuredTable; unread: UnreadLine[] } {
  const heads = cols.header.cells;
  const name = heads[measure] ?? "value";
  const unread: UnreadLine[] = [];
  const periods: string[] = [];
  const byLabel = new Map<string, Entry>();
  for (const l of cols.body) {
    const text = l.cells.join(",");
    if (l.cells.length < heads.length) {
      const why = `${l.cells.length} fields where the header has ${heads.length}`;
      unread.push({ line: l.line, text, why });
      continue;
    }
    const printed = l.cells[measure] ?? "";
    if (parseNumber(printed).kind !== "number") {
      const what = printed === "" ? "blank" : `"${printed}"`;
      unread.push({ line: l.line, text, why: `its ${name} is ${what}, not a figure` });
      continue;
    }
    const period = l.cells[cols.period] ?? "";
    const labels = cols.labels.map((j) => l.cells[j] ?? "");
    const key = labels.join("\u0000");
    const entry: Entry = byLabel.get(key) ?? {
      line: l.line,
      labels,
      byPeriod: new Map<string, string>(),
      also: [],
    };
    byLabel.set(key, entry);
    if (entry.byPeriod.has(period)) {
      const why = `a second ${name} for ${labels.join(" ")} in ${period}`;
      unread.push({ line: l.line, text, why });
      continue;
    }
    if (!periods.includes(period)) periods.push(period);
    entry.byPeriod.set(period, printed);
    if (l.line !== entry.line) entry.also.push(l.line);
  }
  const rows: StructuredRow[] = [...byLabel.values()].map((e) => ({
    line: e.line,
    labels: e.labels,
    section: null,
    cells: periods.map((p) => e.byPeriod.get(p) ?? ""),
    totalLabel: false,
    changeRow: false,
    footnotes: [],
    alsoLines: e.also,
  }));
  const first = cols.body[0];
  const named = cols.constants.map((j) => first?.cells[j] ?? "").filter((t) => t !== "");
  // With several measures, each table says which one it holds.
  if (cols.measures.length > 1) named.push(name);
  const table: StructuredTable = {
    title: named.length === 0 ? null : named.join(", "),
    titleLine: null,
    sectionLines: [],
    headerLines: [cols.header.line],
    labelHeadings: cols.labels.map((j) => heads[j] ?? ""),
    columns: periods.map((p) => ({ heading: p, role: "period", footnotes: [] })),
    rows,
    layout: "long-csv",
  };
  return { table, unread };
}

export function readLongCsv(grid: SourceGrid): StructuredRead | null {
  const cols = longColumns(grid);
  if (!cols) return null;
  const read = cols.measures.map((m) => measureTable(cols, m));
  return {
    tables: read.map((r) => r.table),
    unread: read.flatMap((r) => r.unread).sort((a, b) => a.line - b.line),
  };
}
